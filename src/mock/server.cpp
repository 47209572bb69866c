// revolut::mock::Server: the listener and the public seeding/inspection surface. Connections
// are served by HttpSession; requests are answered by the Router's routes.

#include <revolut/mock/server.hpp>

#include "mock/http_session.hpp"
#include "mock/issued_credentials.hpp"
#include "mock/random_text.hpp"
#include "mock/routes.hpp"
#include "mock/server_core.hpp"
#include "mock/webhook_delivery.hpp"

#include "crypto/jwt.hpp"
#include "crypto/x509.hpp"

#include <revolut/error.hpp>
#include <revolut/webhook/events.hpp>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/ip/address.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <fstream>

namespace revolut::mock {

namespace asio = boost::asio;
using asio::ip::tcp;

namespace {

ServedCertificate choose_certificate(const ServerOptions& options) {
    if (options.cert_file.has_value() != options.key_file.has_value()) {
        throw Error(make_error_code(Errc::invalid_argument),
                    "ServerOptions: cert_file and key_file go together");
    }
    if (options.cert_file) return load_served_certificate(*options.cert_file, *options.key_file);
    return generate_served_certificate(options.certificate_names);
}

// Accepts until the acceptor is closed. A transient failure (e.g. out of file descriptors)
// pauses briefly instead of spinning.
asio::awaitable<void> accept_connections(std::shared_ptr<ServerCore> core) {
    constexpr auto nothrow = asio::as_tuple(asio::use_awaitable);
    for (;;) {
        auto [ec, socket] = co_await core->acceptor.async_accept(nothrow);
        if (core->stopped || ec == asio::error::operation_aborted) co_return;
        if (ec) {
            asio::steady_timer pause(core->executor, std::chrono::milliseconds(50));
            co_await pause.async_wait(nothrow);
            continue;
        }
        ++core->state.stats.connections_accepted;
        // Responses and TLS session tickets go out as several small writes; with Nagle's
        // algorithm each later one waits for the peer's delayed ACK (~40 ms on Linux).
        boost::system::error_code ignored;
        socket.set_option(asio::ip::tcp::no_delay(true), ignored);
        auto session = std::make_shared<HttpSession>(core, std::move(socket));
        std::erase_if(core->sessions, [](const auto& weak) { return weak.expired(); });
        core->sessions.push_back(session);
        asio::co_spawn(core->executor, HttpSession::run(std::move(session)),
                       [](std::exception_ptr) {});
    }
}

AuthLifetimes lifetimes_of(const ServerOptions& options) {
    AuthLifetimes lifetimes;
    lifetimes.access_token = options.access_token_lifetime;
    lifetimes.authorization_code = options.authorization_code_lifetime;
    return lifetimes;
}

// The CA of issue_certificate(): the served certificate's own CA when the emulator made it,
// else one made for the purpose. Deliveries trust it from then on.
const CertificateAuthority& receiver_ca(ServerCore& core) {
    if (!core.receiver_ca) {
        if (!core.certificate.ca_key_pem.empty()) {
            core.receiver_ca = CertificateAuthority{core.certificate.ca_pem,
                                                    core.certificate.ca_key_pem};
        } else {
            core.receiver_ca = generate_certificate_authority("revolut-mock webhook receivers CA");
            if (core.delivery_tls) {
                core.delivery_tls->add_certificate_authority(
                    asio::buffer(core.receiver_ca->certificate_pem));
            }
        }
    }
    return *core.receiver_ca;
}


}  // namespace

ServerCore::ServerCore(asio::any_io_executor executor_, ServerOptions options_)
    : executor(std::move(executor_)),
      options(std::move(options_)),
      certificate(choose_certificate(options)),
      tls(make_server_tls_context(certificate)),
      acceptor(executor),
      state(options.max_webhooks, options.allow_plain_http_webhooks, lifetimes_of(options)) {
    add_all_routes(router);
    // Set up like a fresh sandbox business: one main account per currency.
    const auto now = current_time();
    state.accounts.open("Main", "GBP", Decimal::parse("12500.00"), now);
    state.accounts.open("Main", "EUR", Decimal::parse("8000.00"), now);
    // Only called while the core is owned by a shared_ptr (routes run inside sessions).
    state.publish = [this](const webhook::Event& event) { publish_event(shared_from_this(), event); };
}

struct Server::Impl : ServerCore {
    using ServerCore::ServerCore;
};

Server::Server(asio::any_io_executor executor, ServerOptions options)
    : impl_(std::make_shared<Impl>(std::move(executor), std::move(options))) {}

Server::~Server() {
    stop();
}

void Server::start() {
    auto& core = *impl_;
    if (core.stopped) throw std::logic_error("revolut::mock::Server::start after stop");
    if (core.started) return;
    boost::system::error_code ec;
    const auto address = asio::ip::make_address(core.options.host, ec);
    if (ec) {
        throw Error(make_error_code(Errc::invalid_argument),
                    "the host to listen on must be an IP address, not '" + core.options.host + "'");
    }
    const tcp::endpoint endpoint(address, core.options.port);
    core.acceptor.open(endpoint.protocol());
    core.acceptor.set_option(asio::socket_base::reuse_address(true));
    core.acceptor.bind(endpoint);
    core.acceptor.listen();
    core.bound_port = core.acceptor.local_endpoint().port();
    core.started = true;
    asio::co_spawn(core.executor, accept_connections(impl_), [](std::exception_ptr) {});
}

void Server::stop() {
    auto& core = *impl_;
    if (core.stopped) return;
    core.stopped = true;
    boost::system::error_code ec;
    core.acceptor.close(ec);
    for (const auto& weak : core.sessions) {
        if (auto session = weak.lock()) session->stop();
    }
    core.sessions.clear();
    for (const auto& weak : core.deliveries) {
        if (auto delivery = weak.lock()) delivery->stop();
    }
    core.deliveries.clear();
}

std::uint16_t Server::port() const {
    return impl_->bound_port;
}

std::string Server::base_url() const {
    const auto& host = impl_->options.host;
    const bool ipv6 = host.find(':') != std::string::npos;
    return "https://" + (ipv6 ? "[" + host + "]" : host) + ":" + std::to_string(port()) + "/api";
}

const std::string& Server::ca_certificate_pem() const {
    return impl_->certificate.ca_pem;
}

void Server::write_ca_certificate(const std::filesystem::path& path) const {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << ca_certificate_pem();
    out.close();
    if (!out) {
        throw Error(make_error_code(boost::system::errc::io_error),
                    "cannot write the CA certificate to " + path.string());
    }
}

void Server::add_access_token(std::string token) {
    impl_->state.auth.add_access_token(std::move(token));
}

Credentials Server::issue_credentials() {
    return issue_client_credentials(impl_->state.auth, current_time()).credentials;
}

void Server::add_failed_event(const Uuid& webhook_id, Timestamp created_at,
                              boost::json::object payload) {
    impl_->state.webhooks.add_failed_event(webhook_id, created_at, std::move(payload));
}

void Server::set_fault(boost::beast::http::verb method, std::string path_prefix, Fault fault) {
    impl_->faults.set(method, std::move(path_prefix), std::move(fault));
}

void Server::fail_tls_handshakes(std::size_t connections) {
    impl_->faults.fail_tls_handshakes(connections);
}

void Server::clear_faults() {
    impl_->faults.clear();
}

std::string Server::register_client(std::string certificate_pem, std::string redirect_uri) {
    RegisteredClient client;
    client.client_id = random_alphanumeric(43);  // Revolut's certificate upload assigns the ID
    client.certificate_pem = std::move(certificate_pem);
    client.assertion_issuer = detail::client_assertion_issuer(redirect_uri);
    detail::certificate_not_after(client.certificate_pem);  // throws for an unreadable one
    auto id = client.client_id;
    impl_->state.auth.add_client(std::move(client));
    return id;
}

void Server::register_client_with_id(std::string client_id, std::string certificate_pem) {
    if (client_id.empty())
        throw Error(make_error_code(Errc::invalid_argument), "register_client_with_id: the client ID must not be empty");
    RegisteredClient client;
    client.client_id = std::move(client_id);
    client.certificate_pem = std::move(certificate_pem);
    detail::certificate_not_after(client.certificate_pem);  // throws for an unreadable one
    impl_->state.auth.add_client(std::move(client));
}

std::string Server::issue_authorization_code(const std::string& client_id) {
    auto& auth = impl_->state.auth;
    if (auth.find_client(client_id) == nullptr) {
        throw Error(make_error_code(Errc::invalid_argument),
                    "issue_authorization_code: no registered client with this ID");
    }
    return auth.issue_authorization_code(client_id, current_time());
}

void Server::revoke_access_token(const std::string& token) {
    impl_->state.auth.revoke_access_token(token);
}

void Server::revoke_refresh_token(const std::string& token) {
    impl_->state.auth.revoke_refresh_token(token);
}

CertificateAndKey Server::issue_certificate(std::vector<std::string> names) {
    auto issued = issue_leaf_certificate(receiver_ca(*impl_), names);
    return CertificateAndKey{std::move(issued.certificate_pem), std::move(issued.key_pem)};
}

const std::string& Server::receiver_ca_certificate_pem() {
    return receiver_ca(*impl_).certificate_pem;
}

void Server::deliver_event(const webhook::Event& event) {
    publish_event(impl_, event);
}

Uuid Server::add_account(std::string name, std::string currency, Decimal balance) {
    return impl_->state.accounts.open(std::move(name), std::move(currency), balance, current_time())
        .id;
}

boost::json::value Server::seed(std::string_view kind, const boost::json::value& data) {
    return impl_->router.seed(kind, impl_->state, data, current_time());
}

Stats Server::stats() const {
    return impl_->state.stats;
}

std::vector<std::string> Server::valid_signing_secrets(const Uuid& webhook_id) const {
    return impl_->state.webhooks.valid_signing_secrets(webhook_id, current_time());
}

}  // namespace revolut::mock
