#include "logging/logger.hpp"

#include <chrono>
#include <cstdio>

namespace revolut {

std::string_view to_string(LogLevel level) noexcept {
    switch (level) {
    case LogLevel::trace: return "trace";
    case LogLevel::debug: return "debug";
    case LogLevel::info: return "info";
    case LogLevel::warn: return "warn";
    case LogLevel::error: return "error";
    case LogLevel::off: return "off";
    }
    return "off";
}

namespace logging {

void Logger::write(LogLevel level, std::string_view line) const noexcept {
    if (!enabled(level)) return;
    try {
        sink_(level, line);
    } catch (...) {
        // A sink that throws must not turn a successful request into a failed one.
    }
}

std::string format_duration(std::chrono::steady_clock::duration duration) {
    using namespace std::chrono;
    auto ms = duration_cast<milliseconds>(duration).count();
    if (ms < 1000) return std::to_string(ms) + " ms";
    char text[32];
    std::snprintf(text, sizeof text, "%lld.%03lld s", static_cast<long long>(ms / 1000),
                  static_cast<long long>(ms % 1000));
    return text;
}

}  // namespace logging
}  // namespace revolut
