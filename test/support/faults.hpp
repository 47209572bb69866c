#pragma once
// Short builders for the emulator's scripted faults (GCC 12 warns about designated
// initializers that skip members under -Wextra, so tests build them like this).

#include <revolut/mock/server.hpp>

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

}  // namespace revolut::test
