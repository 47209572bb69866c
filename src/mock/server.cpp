// revolut::mock::Server: the listener and the public seeding/inspection surface. Connections
// are served by HttpSession; requests are answered by the Router's routes.

#include <revolut/mock/server.hpp>

#include "mock/http_session.hpp"
#include "mock/issued_credentials.hpp"
#include "mock/routes.hpp"
#include "mock/server_core.hpp"

#include <revolut/error.hpp>

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
        ++core->stats.connections_accepted;
        auto session = std::make_shared<HttpSession>(core, std::move(socket));
        std::erase_if(core->sessions, [](const auto& weak) { return weak.expired(); });
        core->sessions.push_back(session);
        asio::co_spawn(core->executor, HttpSession::run(std::move(session)),
                       [](std::exception_ptr) {});
    }
}

}  // namespace

ServerCore::ServerCore(asio::any_io_executor executor_, ServerOptions options_)
    : executor(std::move(executor_)),
      options(std::move(options_)),
      certificate(choose_certificate(options)),
      tls(make_server_tls_context(certificate)),
      acceptor(executor),
      state(options.max_webhooks) {
    add_all_routes(router);
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

void Server::clear_faults() {
    impl_->faults.clear();
}

Stats Server::stats() const {
    return impl_->stats;
}

std::vector<std::string> Server::valid_signing_secrets(const Uuid& webhook_id) const {
    return impl_->state.webhooks.valid_signing_secrets(webhook_id, current_time());
}

}  // namespace revolut::mock
