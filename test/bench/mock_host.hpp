#pragma once
// revolut-mock servers on a thread of their own, so the client under test (or the raw
// baseline) has the benchmark thread to itself and the server's cost is not billed to it.
// mock::Server is not thread-safe: everything touching a server runs on the mock thread
// through on_mock().

#include <revolut/client.hpp>
#include <revolut/credentials.hpp>
#include <revolut/mock/server.hpp>

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>

#include <ctime>
#include <future>
#include <memory>
#include <pthread.h>
#include <string>
#include <thread>
#include <type_traits>

namespace revolut::bench {

class MockThread {
public:
    MockThread() : guard_(ioc_.get_executor()), thread_([this] { ioc_.run(); }) {}
    ~MockThread() {
        guard_.reset();
        ioc_.stop();
        thread_.join();
    }
    MockThread(const MockThread&) = delete;
    MockThread& operator=(const MockThread&) = delete;

    /// Runs `f` on the mock thread and waits for its result (exceptions propagate).
    template <class F>
    auto on_mock(F f) -> std::invoke_result_t<F&> {
        using R = std::invoke_result_t<F&>;
        std::packaged_task<R()> task(std::move(f));
        auto result = task.get_future();
        boost::asio::post(ioc_, [&task] { task(); });
        return result.get();
    }

    boost::asio::any_io_executor executor() { return ioc_.get_executor(); }

    /// CPU seconds the mock thread has used so far (to tell a server-bound run).
    double cpu_seconds() {
        clockid_t id;
        if (pthread_getcpuclockid(thread_.native_handle(), &id) != 0) return 0;
        timespec ts{};
        clock_gettime(id, &ts);
        return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
    }

private:
    boost::asio::io_context ioc_{1};
    boost::asio::executor_work_guard<boost::asio::io_context::executor_type> guard_;
    std::thread thread_;
};

/// One emulator on the mock thread, with the credentials of one registered API client.
class MockServer {
public:
    MockServer(MockThread& thread, mock::ServerOptions options = {}) : thread_(thread) {
        thread_.on_mock([&] {
            server_ = std::make_unique<mock::Server>(thread_.executor(), std::move(options));
            server_->start();
            credentials_ = server_->issue_credentials();
            base_url_ = server_->base_url();
            ca_pem_ = server_->ca_certificate_pem();
            port_ = server_->port();
        });
    }
    ~MockServer() {
        thread_.on_mock([&] {
            server_->stop();
            server_.reset();
        });
    }
    MockServer(const MockServer&) = delete;
    MockServer& operator=(const MockServer&) = delete;

    /// Runs `f(server)` on the mock thread.
    template <class F>
    auto with_server(F f) {
        return thread_.on_mock([&] { return f(*server_); });
    }

    const std::string& base_url() const { return base_url_; }
    const std::string& ca_pem() const { return ca_pem_; }
    std::uint16_t port() const { return port_; }
    const std::string& access_token() const { return credentials_.tokens.access_token; }

    /// Client options for this server: trusts only its CA, inline credentials.
    ClientOptions client_options(std::size_t max_connections) const {
        ClientOptions options;
        options.base_url = base_url_;
        options.ca_pem = ca_pem_;
        options.use_system_trust_store = false;
        options.creds = serialize_credentials(credentials_);
        options.max_connections = max_connections;
        options.request_timeout = std::chrono::seconds(120);
        return options;
    }

private:
    MockThread& thread_;
    std::unique_ptr<mock::Server> server_;
    Credentials credentials_;
    std::string base_url_;
    std::string ca_pem_;
    std::uint16_t port_ = 0;
};

}  // namespace revolut::bench
