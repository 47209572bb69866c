#pragma once
// The one call path every endpoint method goes through: a request description in, a
// decoded result out. Endpoint methods only describe; ClientCore does the I/O.

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/http/verb.hpp>
#include <boost/json/value.hpp>

#include <memory>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>

namespace revolut {

/// Tag selecting raw JSON results (pyrevolut's `return_type="raw"`): `client.webhooks(revolut::raw)`.
struct Raw {};
inline constexpr Raw raw{};
/// Tag selecting typed models (the default).
struct Typed {};

/// The default completion token: `co_await` the operation.
using DefaultToken = boost::asio::use_awaitable_t<>;

namespace detail {

/// Where an operation exists, per the servers block of its spec.
enum class Environment {
    any,              ///< production and sandbox
    sandbox_only,     ///< e.g. simulations: refused locally on a production client
    production_only,  ///< e.g. cards, card invitations, expenses: refused locally in sandbox
};

/// What an endpoint method asks for: method, path below the base URL (with its version,
/// percent-encoded, with query string) and an optional JSON body.
struct ApiRequest {
    boost::beast::http::verb method = boost::beast::http::verb::get;
    std::string target;
    std::optional<std::string> json_body;
    Environment environment = Environment::any;
    /// The idempotency key (`request_id`) carried in the body of a money-moving call. Fixed
    /// once per logical call, so every retry sends the same one (and may safely be retried);
    /// copied onto results that have a `request_id` member.
    std::optional<std::string> request_id = std::nullopt;
};

/// The `request_id` for a money-moving call: the caller's (checked: 1..40 characters), or
/// a new random UUID. Errc::invalid_argument for an empty or too long one.
std::string make_request_id(const std::optional<std::string>& given);

/// A 2xx answer (anything else has already become an ApiError).
struct ApiResponse {
    unsigned status = 0;
    std::string body;
};

/// Checks and describes a raw call: Errc::invalid_argument for an unknown method or a target
/// that is not an absolute path (with optional query) below the base URL.
ApiRequest make_raw_request(boost::beast::http::verb method, const std::string& target,
                            const std::optional<boost::json::value>& body);

/// Turns a 2xx response into T; defined (and explicitly instantiated) per model in src/api.
template <class T>
T decode(const ApiResponse& response);

class ClientCore;

/// Sends a request through the client (auth, transport, status check). Runs on the client's strand.
boost::asio::awaitable<ApiResponse> execute(std::shared_ptr<ClientCore> core, ApiRequest request);
boost::asio::any_io_executor strand_of(const ClientCore& core) noexcept;

/// The result of an endpoint returning T, in the chosen shape.
template <class Shape, class T>
using shaped_t = std::conditional_t<std::is_same_v<Shape, Raw>, boost::json::value, T>;

/// Copies the idempotency key onto a typed result with a `request_id` member (or a raw
/// JSON object without one), so callers always learn the key their call used.
template <class R>
void attach_request_id(R& result, const std::optional<std::string>& request_id) {
    if (!request_id) return;
    if constexpr (std::is_same_v<R, boost::json::value>) {
        if (auto* object = result.if_object(); object && !object->contains("request_id"))
            (*object)["request_id"] = *request_id;
    } else if constexpr (requires { result.request_id = *request_id; }) {
        if constexpr (requires { result.request_id.has_value(); }) {
            if (!result.request_id) result.request_id = *request_id;
        } else if (result.request_id.empty()) {
            result.request_id = *request_id;
        }
    }
}

template <class R, class Build>
boost::asio::awaitable<R> call(std::shared_ptr<ClientCore> core, Build build) {
    // Built inside the operation so validation errors reach the completion token.
    ApiRequest request = build();
    std::optional<std::string> request_id = request.request_id;
    ApiResponse response = co_await execute(std::move(core), std::move(request));
    if constexpr (!std::is_void_v<R>) {
        R result = decode<R>(response);
        attach_request_id(result, request_id);
        co_return result;
    }
}

/// Starts `call<R>` on the client's strand with any Asio completion token.
/// Completion signature: void(std::exception_ptr, R) (or void(std::exception_ptr) for void).
template <class R, class Build, class Token>
auto start(const std::shared_ptr<ClientCore>& core, Build build, Token&& token) {
    return boost::asio::co_spawn(strand_of(*core), call<R>(core, std::move(build)),
                                 std::forward<Token>(token));
}

}  // namespace detail
}  // namespace revolut
