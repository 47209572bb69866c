#pragma once
// The attempt loop behind every API call: rate limit, bearer token, send, the one
// refresh-and-resend after a 401, then ClientOptions::retry's verdict on a failure.

#include "client_core.hpp"
#include "http/message.hpp"

#include <boost/asio/awaitable.hpp>

namespace revolut::resilience {

/// Sends `message` (built once, so every attempt carries the same request_id) until it gets a
/// 2xx answer, which it returns, or a failure that is not retried, which it throws: ApiError
/// for a non-2xx answer, Error for the rest, with attempts() set. `resend_safe`: the request
/// may be sent again after it may have reached the server (idempotent method or request_id).
boost::asio::awaitable<http::Response> send_with_retries(detail::ClientCore& core, http::Request& message,
                                                         bool resend_safe);

}  // namespace revolut::resilience
