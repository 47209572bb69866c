// Idempotency keys for money-moving calls (the body field `request_id`).
#include <revolut/detail/api_call.hpp>
#include <revolut/error.hpp>
#include <revolut/types.hpp>

namespace revolut::detail {

namespace {
// The spec's maxLength for request_id.
constexpr std::size_t max_request_id_length = 40;
}  // namespace

std::string make_request_id(const std::optional<std::string>& given) {
    if (!given) return Uuid::random().to_string();
    if (given->empty() || given->size() > max_request_id_length)
        throw Error(make_error_code(Errc::invalid_argument),
                    "request_id must be 1 to 40 characters, got " + std::to_string(given->size()));
    return *given;
}

}  // namespace revolut::detail
