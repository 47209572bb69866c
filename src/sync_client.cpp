// The blocking Client: an AsyncClient on an io_context run by one thread of its own.
#include <revolut/sync_client.hpp>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>

#include <thread>

namespace revolut {

namespace asio = boost::asio;

struct Client::Impl {
    explicit Impl(ClientOptions options)
        : client(io.get_executor(), std::move(options)),
          work(asio::make_work_guard(io)),
          thread([this] { io.run(); }) {}

    // Waiting on the client's own thread would wait for itself forever.
    void check_not_own_thread() const {
        if (std::this_thread::get_id() == thread.get_id())
            throw Error(make_error_code(Errc::invalid_argument),
                        "a blocking call from the client's own thread would never complete");
    }

    asio::io_context io;
    AsyncClient client;
    asio::executor_work_guard<asio::io_context::executor_type> work;
    std::thread thread;
};

Client::Client(ClientOptions options) : impl_(std::make_unique<Impl>(std::move(options))) {}

Client::~Client() {
    try {
        if (is_open()) close();
    } catch (...) {  // a destructor must not throw; the connections are dropped below anyway
    }
    impl_->work.reset();
    impl_->io.stop();
    impl_->thread.join();
}

void Client::open() {
    impl_->check_not_own_thread();
    impl_->client.open(blocking);
}

void Client::close(CloseMode mode) {
    impl_->check_not_own_thread();
    impl_->client.close(mode, blocking);
}

// Read on the client's strand: its state belongs to the client's thread.
bool Client::is_open() const {
    impl_->check_not_own_thread();
    auto& client = impl_->client;
    return asio::co_spawn(
        client.get_executor(), [&client]() -> asio::awaitable<bool> { co_return client.is_open(); }, blocking);
}

ClientStats Client::stats() const {
    impl_->check_not_own_thread();
    auto& client = impl_->client;
    return asio::co_spawn(
        client.get_executor(), [&client]() -> asio::awaitable<ClientStats> { co_return client.stats(); },
        blocking);
}

boost::json::value Client::request(boost::beast::http::verb method, std::string target,
                                   std::optional<boost::json::value> body) {
    impl_->check_not_own_thread();
    return impl_->client.request(method, std::move(target), std::move(body), blocking);
}

AsyncClient& Client::async_client() noexcept { return impl_->client; }

const std::shared_ptr<detail::ClientCore>& Client::core_for_groups() const {
    impl_->check_not_own_thread();
    return impl_->client.core_for_groups();
}

}  // namespace revolut
