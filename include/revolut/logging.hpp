#pragma once
// Logging hooks: the client writes one line per event to a sink you supply (silent without
// one). Lines never contain a secret: Authorization headers, tokens, client assertions,
// signing secrets, private keys and authorization codes are masked at every level, and
// bodies (trace level only) pass through a redactor first.

#include <functional>
#include <string_view>

namespace revolut {

/// Severity of a log line, most verbose first. `off` as ClientOptions::log_level silences
/// the client even with a sink.
enum class LogLevel {
    trace,  ///< wire detail: request/response headers and (redacted) bodies
    debug,  ///< each request and response (method, target, status, attempt, duration), pool events
    info,   ///< open/close, token refreshes
    warn,   ///< retries (with reason and delay), giving up
    error,  ///< failures the client cannot report through a call's result
    off,
};

/// Receives every line at or above ClientOptions::log_level. Called on the client's strand:
/// keep it short (hand the line to your logging framework), do not block. Exceptions it
/// throws are swallowed: logging never breaks a request.
using LogSink = std::function<void(LogLevel level, std::string_view line)>;

/// "trace", "debug", "info", "warn", "error" or "off".
std::string_view to_string(LogLevel level) noexcept;

}  // namespace revolut
