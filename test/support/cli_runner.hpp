#pragma once
// Runs the built `revolut` binary as a child process and captures what it prints, for the CLI
// tests. The child gets its own working directory, a chosen stdin (/dev/null, a pipe with
// given text, or a pseudo-terminal fed with given text) and a time limit after which it is
// killed, so a hanging prompt fails a test instead of blocking CI.
//
// The binary's path is REVOLUT_CLI_PATH, from the build's generated revolut_test_paths.hpp.

#include "revolut_test_paths.hpp"

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <future>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace revolut::test {

/// Where the `revolut` binary is.
inline std::filesystem::path cli_path() {
    return REVOLUT_CLI_PATH;
}

/// How stdin looks to the child.
enum class Stdin {
    null,      ///< /dev/null: not a terminal, immediately at end of input
    pipe,      ///< a pipe carrying CliRun::input: not a terminal
    terminal,  ///< a pseudo-terminal that has CliRun::input typed into it
};

struct CliRun {
    std::vector<std::string> args;
    Stdin stdin_kind = Stdin::null;
    std::string input;
    std::filesystem::path cwd;  ///< empty: the test's own working directory
    std::chrono::seconds timeout{60};
};

struct CliResult {
    int exit_code = -1;  ///< -1 when killed (see timed_out)
    bool timed_out = false;
    std::string out;
    std::string err;
    std::string terminal;  ///< what the child wrote to the pseudo-terminal (echo, prompts to it)
};

namespace detail {

inline void write_all(int fd, const std::string& text) {
    std::size_t done = 0;
    while (done < text.size()) {
        ssize_t n = ::write(fd, text.data() + done, text.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return;  // the child went away; it will show in its output
        done += static_cast<std::size_t>(n);
    }
}

}  // namespace detail

/// Runs the CLI with `run.args` and waits for it (or kills it after `run.timeout`).
inline CliResult run_cli(const CliRun& run) {
    ::signal(SIGPIPE, SIG_IGN);  // a child that exits early must not kill the test runner
    const std::string program = cli_path().string();
    std::vector<std::string> argv_text;
    argv_text.push_back("revolut");
    argv_text.insert(argv_text.end(), run.args.begin(), run.args.end());
    std::vector<char*> argv;
    for (auto& a : argv_text) argv.push_back(a.data());
    argv.push_back(nullptr);
    const std::string cwd = run.cwd.string();

    int out_pipe[2], err_pipe[2], in_pipe[2] = {-1, -1};
    if (::pipe2(out_pipe, O_CLOEXEC) != 0 || ::pipe2(err_pipe, O_CLOEXEC) != 0)
        throw std::runtime_error("pipe2 failed");
    int master = -1;
    std::string slave_name;
    if (run.stdin_kind == Stdin::pipe && ::pipe2(in_pipe, O_CLOEXEC) != 0) throw std::runtime_error("pipe2 failed");
    if (run.stdin_kind == Stdin::terminal) {
        master = ::posix_openpt(O_RDWR | O_NOCTTY | O_CLOEXEC);
        if (master < 0 || ::grantpt(master) != 0 || ::unlockpt(master) != 0)
            throw std::runtime_error("cannot open a pseudo-terminal");
        slave_name = ::ptsname(master);
    }

    // Everything the child does before exec is async-signal-safe (the test has other threads).
    pid_t pid = ::fork();
    if (pid < 0) throw std::runtime_error("fork failed");
    if (pid == 0) {
        if (!cwd.empty() && ::chdir(cwd.c_str()) != 0) ::_exit(126);
        int in_fd = -1;
        if (run.stdin_kind == Stdin::null) in_fd = ::open("/dev/null", O_RDONLY);
        if (run.stdin_kind == Stdin::pipe) in_fd = in_pipe[0];
        if (run.stdin_kind == Stdin::terminal) {
            ::setsid();  // a new session, so the terminal becomes the controlling one
            in_fd = ::open(slave_name.c_str(), O_RDWR);
        }
        if (in_fd < 0 || ::dup2(in_fd, 0) < 0 || ::dup2(out_pipe[1], 1) < 0 || ::dup2(err_pipe[1], 2) < 0)
            ::_exit(125);
        ::execv(program.c_str(), argv.data());
        ::_exit(127);
    }

    ::close(out_pipe[1]);
    ::close(err_pipe[1]);
    if (run.stdin_kind == Stdin::pipe) {
        ::close(in_pipe[0]);
        detail::write_all(in_pipe[1], run.input);  // small: fits the pipe buffer
        ::close(in_pipe[1]);
    }
    if (run.stdin_kind == Stdin::terminal) detail::write_all(master, run.input);

    CliResult result;
    const auto deadline = std::chrono::steady_clock::now() + run.timeout;
    bool out_open = true, err_open = true, master_open = master >= 0;
    char buffer[4096];
    while (out_open || err_open) {
        std::vector<pollfd> fds;
        if (out_open) fds.push_back({out_pipe[0], POLLIN, 0});
        if (err_open) fds.push_back({err_pipe[0], POLLIN, 0});
        if (master_open) fds.push_back({master, POLLIN, 0});
        auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0) {
            ::kill(pid, SIGKILL);
            result.timed_out = true;
            break;
        }
        int ready = ::poll(fds.data(), fds.size(), static_cast<int>(std::min<long long>(left.count(), 1000)));
        if (ready < 0 && errno == EINTR) continue;
        for (const auto& p : fds) {
            if (!(p.revents & (POLLIN | POLLHUP | POLLERR))) continue;
            ssize_t n = ::read(p.fd, buffer, sizeof buffer);
            if (n < 0 && errno == EINTR) continue;
            std::string* sink = p.fd == out_pipe[0] ? &result.out : p.fd == err_pipe[0] ? &result.err : &result.terminal;
            if (n > 0) {
                sink->append(buffer, static_cast<std::size_t>(n));
                continue;
            }
            if (p.fd == out_pipe[0]) out_open = false;
            if (p.fd == err_pipe[0]) err_open = false;
            if (p.fd == master) master_open = false;  // EIO once the child closed the terminal
        }
    }
    ::close(out_pipe[0]);
    ::close(err_pipe[0]);
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    if (master >= 0) ::close(master);
    if (!result.timed_out && WIFEXITED(status)) result.exit_code = WEXITSTATUS(status);
    return result;
}

/// Runs `T` (e.g. revolut::mock::Server) on its own io_context and thread, so it keeps serving
/// while the test waits for a child process. Construct the served object with `make`; touch
/// it only through call(), which runs on the serving thread.
template <class T>
class BackgroundService {
public:
    template <class Make>
    explicit BackgroundService(Make make) : work_(ioc_.get_executor()), object_(make(ioc_.get_executor())) {
        thread_ = std::thread([this] { ioc_.run(); });
    }
    ~BackgroundService() {
        work_.reset();
        ioc_.stop();
        thread_.join();
    }
    BackgroundService(const BackgroundService&) = delete;
    BackgroundService& operator=(const BackgroundService&) = delete;

    /// Runs `f(object)` on the serving thread and returns its result (or rethrows).
    template <class F>
    auto call(F f) {
        std::packaged_task<decltype(f(std::declval<T&>()))()> task([&] { return f(*object_); });
        auto result = task.get_future();
        boost::asio::post(ioc_, [&] { task(); });
        return result.get();
    }

private:
    boost::asio::io_context ioc_;
    boost::asio::executor_work_guard<boost::asio::io_context::executor_type> work_;
    std::unique_ptr<T> object_;
    std::thread thread_;
};

}  // namespace revolut::test
