#pragma once
// Exit codes scripts can rely on, the usage error, and turning any failure into a message on
// stderr plus its exit code. Messages come from the library's errors, which never hold secrets.

#include <boost/system/error_code.hpp>

#include <exception>
#include <ostream>
#include <stdexcept>
#include <string>

namespace revolut::cli {

enum class ExitCode {
    ok = 0,
    failure = 1,   ///< anything not listed below (a file that cannot be written, a bug)
    usage = 2,     ///< bad command line, or a value missing where no prompt is possible
    auth = 3,      ///< credentials missing/invalid/expired, token refresh or exchange refused, 401
    api = 4,       ///< any other error answer from the API (404, 422, 5xx, …) or a malformed one
    network = 5,   ///< resolve/connect/TLS failure or timeout
};

/// A command-line mistake: exits with ExitCode::usage and points at --help.
class UsageError : public std::runtime_error {
public:
    /// `help_hint`: the command whose --help explains it, e.g. "revolut webhooks create".
    UsageError(const std::string& message, std::string help_hint = "revolut")
        : std::runtime_error(message), help_hint_(std::move(help_hint)) {}
    const std::string& help_hint() const noexcept { return help_hint_; }

private:
    std::string help_hint_;
};

/// The exit code for an error code from the library (or Asio).
ExitCode exit_code_for(const boost::system::error_code& ec) noexcept;

/// Prints `error` to `err` as "revolut: …" and returns its exit code.
ExitCode report_failure(const std::exception_ptr& error, std::ostream& err);

/// The EXIT CODES section of --help and docs/cli.md.
const char* exit_codes_help();

}  // namespace revolut::cli
