#pragma once
// The client's handle on the user's log sink: a level filter in front of it, and a guard so
// a throwing sink never breaks a request. Cheap to copy; silent when default-constructed.

#include <revolut/logging.hpp>

#include <chrono>
#include <string>
#include <string_view>
#include <utility>

namespace revolut::logging {

class Logger {
public:
    Logger() = default;
    Logger(LogSink sink, LogLevel level) : sink_(std::move(sink)), level_(sink_ ? level : LogLevel::off) {}

    /// True when a line at `level` reaches the sink: check it before building costly lines.
    bool enabled(LogLevel level) const noexcept {
        return level != LogLevel::off && level_ != LogLevel::off && level >= level_;
    }

    /// Passes `line` to the sink if `level` is enabled. Callers never put secrets in `line`;
    /// bodies and headers go through logging/redaction.hpp first.
    void write(LogLevel level, std::string_view line) const noexcept;

    void trace(std::string_view line) const noexcept { write(LogLevel::trace, line); }
    void debug(std::string_view line) const noexcept { write(LogLevel::debug, line); }
    void info(std::string_view line) const noexcept { write(LogLevel::info, line); }
    void warn(std::string_view line) const noexcept { write(LogLevel::warn, line); }
    void error(std::string_view line) const noexcept { write(LogLevel::error, line); }

private:
    LogSink sink_;
    LogLevel level_ = LogLevel::off;
};

/// "12 ms", "1.250 s": durations for log lines.
std::string format_duration(std::chrono::steady_clock::duration duration);

}  // namespace revolut::logging
