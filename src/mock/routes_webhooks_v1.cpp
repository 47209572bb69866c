// /api/1.0/webhook (deprecated v1): one webhook URL per business. GET answers {url} (404
// when none is set: the spec documents no empty answer), POST sets or replaces it (https
// only, 204), DELETE removes it (204; 404 when none is set).

#include "mock/json_responses.hpp"
#include "mock/routes.hpp"
#include "mock/webhook_target.hpp"

namespace revolut::mock {

namespace http = boost::beast::http;
namespace json = boost::json;

namespace {

// The Webhooks codes: 3000 for a bad body field, 3040 for a missing webhook.
constexpr std::int64_t validation_error = 3000;
constexpr std::int64_t webhook_not_found = 3040;

Response not_found() { return error_response(http::status::not_found, webhook_not_found, "Webhook not found"); }

Response get_webhook(const RouteContext& ctx) {
    const auto& url = ctx.state.webhook_v1.url();
    if (!url) return not_found();
    return json_response(http::status::ok, json::object{{"url", *url}});
}

Response set_up_webhook(const RouteContext& ctx) {
    auto body = parse_json_object(ctx.request.body());
    if (!body) return error_response(http::status::bad_request, validation_error, "Request body must be a JSON object");
    const auto* url = body->if_contains("url");
    if (url == nullptr || url->is_null()) {
        return error_response(http::status::bad_request, validation_error, "Required 'url' is missing");
    }
    // Only HTTPS URLs are supported (loopback http too when the server allows it for v2).
    const auto* text = url->if_string();
    if (text == nullptr || !acceptable_webhook_url(*text, ctx.state.webhooks.allows_plain_http_loopback())) {
        return error_response(http::status::bad_request, validation_error, "'url' must be a valid https URL");
    }
    ctx.state.webhook_v1.set(std::string(*text));
    return empty_response(http::status::no_content);
}

Response delete_webhook(const RouteContext& ctx) {
    if (!ctx.state.webhook_v1.remove()) return not_found();
    return empty_response(http::status::no_content);
}

}  // namespace

void add_webhooks_v1_routes(Router& router) {
    constexpr std::string_view route = "/api/1.0/webhook";
    router.add(http::verb::get, route, Access::bearer_token, get_webhook);
    router.add(http::verb::post, route, Access::bearer_token, set_up_webhook);
    router.add(http::verb::delete_, route, Access::bearer_token, delete_webhook);
}

}  // namespace revolut::mock
