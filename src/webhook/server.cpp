// WebhookServer: options and TLS setup, the listener with its connection bound, graceful
// stop. Connections are served in server_connection.cpp.

#include "webhook/server_core.hpp"

#include <revolut/error.hpp>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/buffer.hpp>
#include <boost/asio/ip/address.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <stdexcept>

namespace revolut::webhook {

namespace asio = boost::asio;
using asio::ip::tcp;

namespace {

constexpr auto nothrow = asio::as_tuple(asio::use_awaitable);

[[noreturn]] void invalid(const std::string& what) {
    throw Error(make_error_code(Errc::invalid_argument), "WebhookServerOptions: " + what);
}

// TLS 1.2+ server context, or nullopt for plain HTTP. Error messages name what failed to
// load, never its contents (the key is a secret).
std::optional<asio::ssl::context> make_tls(const WebhookServerOptions& o) {
    const bool pem = o.certificate_chain_pem || o.private_key_pem;
    const bool files = o.certificate_chain_file || o.private_key_file;
    if (!pem && !files) return std::nullopt;
    if (pem && files) invalid("give the certificate and key as PEM text or as files, not both");
    if (pem && !(o.certificate_chain_pem && o.private_key_pem))
        invalid("certificate_chain_pem and private_key_pem go together");
    if (files && !(o.certificate_chain_file && o.private_key_file))
        invalid("certificate_chain_file and private_key_file go together");

    asio::ssl::context tls(asio::ssl::context::tls_server);
    tls.set_options(asio::ssl::context::default_workarounds | asio::ssl::context::no_sslv2 |
                    asio::ssl::context::no_sslv3 | asio::ssl::context::no_tlsv1 |
                    asio::ssl::context::no_tlsv1_1 | asio::ssl::context::single_dh_use);
    boost::system::error_code ec;
    if (pem)
        tls.use_certificate_chain(asio::buffer(*o.certificate_chain_pem), ec);
    else
        tls.use_certificate_chain_file(o.certificate_chain_file->string(), ec);
    if (ec) invalid("the certificate chain could not be loaded (" + ec.message() + ")");
    if (pem)
        tls.use_private_key(asio::buffer(*o.private_key_pem), asio::ssl::context::pem, ec);
    else
        tls.use_private_key_file(o.private_key_file->string(), asio::ssl::context::pem, ec);
    // OpenSSL's reason ("key values mismatch", "bad decrypt") says nothing about the key.
    if (ec) invalid("the private key could not be loaded (" + ec.message() + ")");
    return tls;
}

// Accepts until the acceptor is closed, never holding more than max_connections at once.
asio::awaitable<void> accept_connections(std::shared_ptr<WebhookServer::Core> core) {
    for (;;) {
        while (core->active >= core->options.max_connections && !core->stopping) {
            core->slot_freed.expires_at(asio::steady_timer::time_point::max());
            co_await core->slot_freed.async_wait(nothrow);
        }
        if (core->stopping) co_return;
        auto [ec, socket] = co_await core->acceptor.async_accept(nothrow);
        if (core->stopping || ec == asio::error::operation_aborted) co_return;
        if (ec) {
            // A transient failure (e.g. out of file descriptors): pause instead of spinning.
            asio::steady_timer pause(core->strand, std::chrono::milliseconds(50));
            co_await pause.async_wait(nothrow);
            continue;
        }
        ++core->active;
        ++core->connections_accepted;
        // Without this, a reply written in pieces can wait for the sender's delayed ACK.
        boost::system::error_code ignored;
        socket.set_option(asio::ip::tcp::no_delay(true), ignored);
        ++core->connections_active;
        revolut::detail::spawn_webhook_connection(core, std::move(socket));
    }
}

}  // namespace

WebhookServer::Core::Core(executor_type executor, WebhookHandler handler_,
                          WebhookServerOptions options_)
    : strand(asio::make_strand(executor)),
      options(std::move(options_)),
      handler(std::move(handler_)),
      tls(make_tls(options)),
      acceptor(strand),
      slot_freed(strand) {
    if (options.max_connections == 0) invalid("max_connections must be at least 1");
}

void WebhookServer::Core::connection_ended() {
    --active;
    --connections_active;
    slot_freed.cancel();
    if (active == 0)
        for (asio::steady_timer* waiter : stop_waiters) waiter->cancel();
}

WebhookServer::WebhookServer(executor_type executor, WebhookHandler handler,
                             WebhookServerOptions options)
    : core_(std::make_shared<Core>(std::move(executor), std::move(handler), std::move(options))) {}

WebhookServer::~WebhookServer() {
    // close() throws only if Asio fails to cancel a timer; a destructor must not throw.
    try {
        close();
    } catch (...) {  // nothing left to do while destroying
    }
}

void WebhookServer::start() {
    Core& core = *core_;
    if (core.started || core.stopping) throw std::logic_error("WebhookServer::start: called twice");
    boost::system::error_code ec;
    const auto address = asio::ip::make_address(core.options.host, ec);
    if (ec) invalid("host must be an IP address, not '" + core.options.host + "'");
    const tcp::endpoint endpoint(address, core.options.port);
    core.acceptor.open(endpoint.protocol());
    core.acceptor.set_option(asio::socket_base::reuse_address(true));
    core.acceptor.bind(endpoint);
    core.acceptor.listen(core.options.backlog > 0 ? core.options.backlog
                                                  : asio::socket_base::max_listen_connections);
    core.bound_port = core.acceptor.local_endpoint().port();
    core.started = true;
    asio::co_spawn(core.strand, accept_connections(core_), [](std::exception_ptr) {});
}

asio::awaitable<void> WebhookServer::do_stop(std::shared_ptr<Core> core) {
    // Runs on the strand.
    if (!core->stopping) {
        core->stopping = true;
        boost::system::error_code ec;
        core->acceptor.close(ec);
        core->slot_freed.cancel();
        for (const auto& weak : core->connections)
            if (auto connection = weak.lock()) connection->stop();
    }
    if (core->active == 0) co_return;
    // connection_ended() cancels every waiter when the last connection ends; expiry means
    // stop_timeout has passed.
    asio::steady_timer waiter(core->strand, core->options.stop_timeout);
    core->stop_waiters.push_back(&waiter);
    auto [ec] = co_await waiter.async_wait(nothrow);
    (void)ec;
    std::erase(core->stop_waiters, &waiter);
    if (core->active == 0) co_return;
    for (const auto& weak : core->connections)
        if (auto connection = weak.lock()) connection->close();
}

void WebhookServer::close() {
    Core& core = *core_;
    core.stopping = true;
    boost::system::error_code ec;
    core.acceptor.close(ec);
    core.slot_freed.cancel();
    for (const auto& weak : core.connections)
        if (auto connection = weak.lock()) connection->close();
    core.connections.clear();
}

std::uint16_t WebhookServer::port() const {
    return core_->bound_port;
}

bool WebhookServer::is_tls() const noexcept {
    return core_->tls.has_value();
}

std::string WebhookServer::url() const {
    const std::string& host = core_->options.host;
    const bool ipv6 = host.find(':') != std::string::npos;
    std::string path = core_->options.path;
    if (path.empty() || path.front() != '/') path.insert(path.begin(), '/');
    return (is_tls() ? "https://" : "http://") + (ipv6 ? "[" + host + "]" : host) + ":" +
           std::to_string(port()) + path;
}

WebhookHandler& WebhookServer::handler() noexcept {
    return core_->handler;
}

WebhookServerStats WebhookServer::stats() const {
    const Core& core = *core_;
    WebhookServerStats s;
    static_cast<WebhookHandlerStats&>(s) = core.handler.stats();
    const std::size_t answered = core.server_answered.load();
    s.requests += answered;
    s.rejected += answered;
    s.connections_accepted = core.connections_accepted.load();
    s.connections_active = core.connections_active.load();
    s.too_large = core.too_large.load();
    s.timeouts = core.timeouts.load();
    return s;
}

WebhookServer::executor_type WebhookServer::get_executor() const noexcept {
    return core_->strand.get_inner_executor();
}

WebhookServer::executor_type WebhookServer::strand() const noexcept {
    return core_->strand;
}

}  // namespace revolut::webhook
