#pragma once
// Short builders for the emulator's scripted faults (GCC 12 warns about designated
// initializers that skip members under -Wextra, so tests build them like this). Each applies
// once unless told otherwise; the route behaves normally afterwards.

#include <revolut/mock/server.hpp>

#include <chrono>
#include <cstddef>
#include <string>

namespace revolut::test {

inline mock::Fault delay(std::chrono::milliseconds d) {
    mock::Fault f;
    f.delay = d;
    return f;
}

inline mock::Fault respond(unsigned status, std::string body, std::string content_type = "application/json") {
    mock::Fault f;
    f.status = status;
    f.body = std::move(body);
    f.content_type = std::move(content_type);
    f.times = 1;
    return f;
}

inline mock::Fault hang_up_once() {
    mock::Fault f;
    f.close_before_response = true;
    f.times = 1;
    return f;
}

/// The answer comes `d` late, `times` times.
inline mock::Fault latency(std::chrono::milliseconds d, std::size_t times = 1) {
    mock::Fault f = delay(d);
    f.times = times;
    return f;
}

inline mock::Fault close_before_response(std::size_t times = 1) {
    mock::Fault f;
    f.close_before_response = true;
    f.times = times;
    return f;
}

/// The route runs; the client gets the header and half the body, then a TCP reset.
inline mock::Fault reset_mid_body(std::size_t times = 1) {
    mock::Fault f;
    f.reset_mid_body = true;
    f.times = times;
    return f;
}

/// The route runs; Content-Length announces the whole body, half is sent, then a clean close.
inline mock::Fault truncated_body(std::size_t times = 1) {
    mock::Fault f;
    f.truncated_body = true;
    f.times = times;
    return f;
}

/// The route runs; its body is replaced by text that is not JSON.
inline mock::Fault malformed_json(std::size_t times = 1) {
    mock::Fault f;
    f.malformed_json = true;
    f.times = times;
    return f;
}

/// The route runs; its JSON body is labelled `type`.
inline mock::Fault wrong_content_type(std::string type = "text/html; charset=utf-8",
                                      std::size_t times = 1) {
    mock::Fault f;
    f.wrong_content_type = std::move(type);
    f.times = times;
    return f;
}

/// The route runs; its body is replaced by a valid JSON document of `bytes` bytes.
inline mock::Fault oversized_body(std::size_t bytes, std::size_t times = 1) {
    mock::Fault f;
    f.oversized_body = bytes;
    f.times = times;
    return f;
}

/// 429 with Revolut's error body and Retry-After: `after` as seconds, or as an HTTP-date.
inline mock::Fault too_many_requests(std::chrono::seconds after, bool as_http_date = false,
                                     std::size_t times = 1) {
    mock::Fault f = respond(429, R"({"code":3162,"message":"Too many requests"})");
    f.retry_after = after;
    f.retry_after_http_date = as_http_date;
    f.times = times;
    return f;
}

/// A proxy's error page: `status` (e.g. 500, 503) with an HTML body.
inline mock::Fault html_error(unsigned status, std::size_t times = 1) {
    mock::Fault f = respond(status,
                            "<!DOCTYPE html>\n<html><head><title>" + std::to_string(status) +
                                "</title></head><body><h1>Service unavailable</h1></body></html>\n",
                            "text/html; charset=utf-8");
    f.times = times;
    return f;
}

}  // namespace revolut::test
