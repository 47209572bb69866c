#pragma once
// The ApiError for a non-2xx answer, reachable without including the API groups (whose
// inline helpers would instantiate model decoders in this translation unit).

#include "http/message.hpp"

#include <revolut/error.hpp>

namespace revolut::resilience {

/// api::make_api_error for `response`, with attempts() set to `attempts`.
ApiError api_failure(const http::Response& response, int attempts);

}  // namespace revolut::resilience
