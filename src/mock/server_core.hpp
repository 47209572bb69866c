#pragma once
// What the listener and every connection share. Connections hold it by shared_ptr, so it
// outlives the Server object until the last connection has ended (or its coroutine frame has
// been destroyed with the io_context).

#include "mock/faults.hpp"
#include "mock/router.hpp"
#include "mock/server_certificate.hpp"
#include "mock/state.hpp"

#include <revolut/mock/server.hpp>

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl/context.hpp>

#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

namespace revolut::mock {

class HttpSession;
class WebhookDelivery;

/// The emulator's shared parts; single-threaded like the Server that owns it. Connections and
/// deliveries hold it by shared_ptr (shared_from_this).
struct ServerCore : std::enable_shared_from_this<ServerCore> {
    ServerCore(boost::asio::any_io_executor executor, ServerOptions options);

    boost::asio::any_io_executor executor;
    ServerOptions options;
    ServedCertificate certificate;
    boost::asio::ssl::context tls;
    boost::asio::ip::tcp::acceptor acceptor;
    Router router;
    State state;  ///< includes the Stats counters
    FaultTable faults;
    /// Live connections, so stop() can end them; weak so a finished session is freed at once.
    std::vector<std::weak_ptr<HttpSession>> sessions;
    /// Deliveries under way or waiting to retry, so stop() can cancel them.
    std::vector<std::weak_ptr<WebhookDelivery>> deliveries;
    /// The TLS client context of deliveries (see delivery_tls_context()).
    std::shared_ptr<boost::asio::ssl::context> delivery_tls;
    /// Signs issue_certificate()'s certificates; made on first use.
    std::optional<CertificateAuthority> receiver_ca;
    std::uint16_t bound_port = 0;
    bool started = false;
    bool stopped = false;
};

}  // namespace revolut::mock
