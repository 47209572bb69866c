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
#include <vector>

namespace revolut::mock {

class HttpSession;

/// The emulator's shared parts; single-threaded like the Server that owns it.
struct ServerCore {
    ServerCore(boost::asio::any_io_executor executor, ServerOptions options);

    boost::asio::any_io_executor executor;
    ServerOptions options;
    ServedCertificate certificate;
    boost::asio::ssl::context tls;
    boost::asio::ip::tcp::acceptor acceptor;
    Router router;
    State state;
    FaultTable faults;
    Stats stats;
    /// Live connections, so stop() can end them; weak so a finished session is freed at once.
    std::vector<std::weak_ptr<HttpSession>> sessions;
    std::uint16_t bound_port = 0;
    bool started = false;
    bool stopped = false;
};

}  // namespace revolut::mock
