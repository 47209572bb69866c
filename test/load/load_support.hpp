#pragma once
// What the load and soak programs share: revolut-mock on a thread of its own (the client
// under load keeps its io_context thread to itself), and the process's resident memory.
// mock::Server is not thread-safe, so everything touching it runs on the mock thread.

#include <revolut/client.hpp>
#include <revolut/credentials.hpp>
#include <revolut/mock/server.hpp>

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>

#include <cstdio>
#include <fstream>
#include <future>
#include <memory>
#include <string>
#include <thread>

namespace revolut::load {

/// An emulator serving on its own thread until destroyed.
class MockOnThread {
public:
    explicit MockOnThread(mock::ServerOptions options = {})
        : guard_(ioc_.get_executor()), thread_([this] { ioc_.run(); }) {
        on_mock([&] {
            server_ = std::make_unique<mock::Server>(ioc_.get_executor(), std::move(options));
            server_->start();
            credentials_ = server_->issue_credentials();
        });
    }
    ~MockOnThread() {
        on_mock([&] {
            server_->stop();
            server_.reset();
        });
        guard_.reset();
        ioc_.stop();
        thread_.join();
    }
    MockOnThread(const MockOnThread&) = delete;
    MockOnThread& operator=(const MockOnThread&) = delete;

    /// Runs `f(server)` on the mock thread and waits for its result.
    template <class F>
    auto with_server(F f) {
        return on_mock([&] { return f(*server_); });
    }

    /// Client options for this emulator: trusts only its CA, inline credentials.
    ClientOptions client_options() {
        ClientOptions options;
        with_server([&](mock::Server& s) {
            options.base_url = s.base_url();
            options.ca_pem = s.ca_certificate_pem();
        });
        options.use_system_trust_store = false;
        options.creds = serialize_credentials(credentials_);
        return options;
    }

private:
    template <class F>
    auto on_mock(F f) -> std::invoke_result_t<F&> {
        std::packaged_task<std::invoke_result_t<F&>()> task(std::move(f));
        auto result = task.get_future();
        boost::asio::post(ioc_, [&task] { task(); });
        return result.get();
    }

    boost::asio::io_context ioc_{1};
    boost::asio::executor_work_guard<boost::asio::io_context::executor_type> guard_;
    std::thread thread_;
    std::unique_ptr<mock::Server> server_;
    Credentials credentials_;
};

/// A field of /proc/self/status in KiB (VmRSS: resident now, VmHWM: peak resident).
inline long proc_status_kib(const char* field) {
    std::ifstream status("/proc/self/status");
    std::string line;
    const std::string prefix = std::string(field) + ":";
    while (std::getline(status, line)) {
        if (line.rfind(prefix, 0) == 0) return std::stol(line.substr(prefix.size()));
    }
    return -1;
}

inline long rss_kib() { return proc_status_kib("VmRSS"); }
inline long peak_rss_kib() { return proc_status_kib("VmHWM"); }

/// Resets VmHWM to the current RSS (Linux >= 4.0), so the peak covers what follows.
inline bool reset_peak_rss() {
    std::ofstream clear_refs("/proc/self/clear_refs");
    clear_refs << "5";
    clear_refs.flush();
    return static_cast<bool>(clear_refs);
}

inline double mib(long kib) { return static_cast<double>(kib) / 1024.0; }

}  // namespace revolut::load
