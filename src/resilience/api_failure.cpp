#include "resilience/api_failure.hpp"

#include "api/response.hpp"

namespace revolut::resilience {

ApiError api_failure(const http::Response& response, int attempts) {
    auto error = api::make_api_error(response.result_int(), response.body(), response.reason());
    error.set_attempts(attempts);
    return error;
}

}  // namespace revolut::resilience
