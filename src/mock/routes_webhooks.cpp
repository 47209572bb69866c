// Webhooks v2 (/api/2.0/webhooks): the seven operations of Revolut's spec, with its
// validation rules, limits and error codes.

#include "mock/json_responses.hpp"
#include "mock/routes.hpp"
#include "mock/webhook_target.hpp"

#include <revolut/error.hpp>
#include <revolut/types.hpp>

#include <boost/json/array.hpp>

#include <array>
#include <charconv>
#include <string>
#include <string_view>

namespace revolut::mock {

namespace http = boost::beast::http;
namespace json = boost::json;

namespace {

// Error codes of the Webhooks v2 spec.
constexpr std::int64_t validation_error = 3000;  // bad or missing body field
constexpr std::int64_t parameter_error = 2101;   // bad query parameter or rotation period
constexpr std::int64_t webhook_not_found = 3040;
constexpr std::int64_t too_many_webhooks = 3352;
constexpr std::int64_t too_many_signing_secrets = 3355;

constexpr std::array<std::string_view, 4> event_types = {
    "TransactionCreated", "TransactionStateChanged", "PayoutLinkCreated", "PayoutLinkStateChanged"};

// Subscribed when `events` is left out of a create request.
constexpr std::array<std::string_view, 2> default_events = {"TransactionCreated", "TransactionStateChanged"};

constexpr std::size_t default_failed_events_limit = 100;
constexpr std::size_t max_failed_events_limit = 1000;
// Failed events older than this cannot be requested.
constexpr std::chrono::days failed_events_retention{21};
// The longest grace period for a rotated-out signing secret.
constexpr std::chrono::days max_expiration_period{7};

Response bad_request(std::int64_t code, std::string_view message) {
    return error_response(http::status::bad_request, code, message);
}

Response not_found() {
    return error_response(http::status::not_found, webhook_not_found, "Webhook not found");
}

// Absolute https URLs with a host are accepted as webhook targets; loopback http ones too
// when the server was told to allow them.
std::optional<Response> read_url(const json::value& value, std::string& url,
                                 const WebhookStore& store) {
    if (!value.is_string()) return bad_request(validation_error, "'url' must be a string");
    std::string_view text = value.get_string();
    if (!acceptable_webhook_url(text, store.allows_plain_http_loopback())) {
        return bad_request(validation_error, "'url' must be a valid https URL");
    }
    url = std::string(text);
    return std::nullopt;
}

std::optional<Response> read_events(const json::value& value, std::vector<std::string>& events) {
    if (!value.is_array()) return bad_request(validation_error, "'events' must be an array");
    const auto& array = value.get_array();
    if (array.empty()) return bad_request(validation_error, "'events' must not be empty");
    std::vector<std::string> result;
    for (const auto& item : array) {
        const auto* name = item.if_string();
        if (name == nullptr || std::find(event_types.begin(), event_types.end(),
                                         std::string_view(*name)) == event_types.end()) {
            return bad_request(validation_error,
                               "'events' items must be TransactionCreated, "
                               "TransactionStateChanged, PayoutLinkCreated or "
                               "PayoutLinkStateChanged");
        }
        result.emplace_back(*name);
    }
    events = std::move(result);
    return std::nullopt;
}

// The `{webhook_id}` of the path; nullptr for an unknown id or one that is not a UUID (both
// are "not found" to the caller).
StoredWebhook* find_webhook(const RouteContext& ctx) {
    auto id = Uuid::try_parse(ctx.path_param("webhook_id"));
    return id ? ctx.state.webhooks.find(*id) : nullptr;
}

json::array events_json(const std::vector<std::string>& events) {
    json::array array;
    for (const auto& event : events) array.emplace_back(event);
    return array;
}

// Schema Webhook-v2-basic (lists, update) or Webhook-v2 (with the current signing secret).
json::object webhook_json(const StoredWebhook& webhook, bool with_secret) {
    json::object object{{"id", webhook.id.to_string()},
                        {"url", webhook.url},
                        {"events", events_json(webhook.events)}};
    if (with_secret) object["signing_secret"] = webhook.signing_secret();
    return object;
}

json::object failed_event_json(const FailedEvent& event) {
    json::object object{{"id", event.id.to_string()},
                        {"created_at", format_timestamp(event.created_at)},
                        {"updated_at", format_timestamp(event.updated_at)},
                        {"webhook_id", event.webhook_id.to_string()},
                        {"webhook_url", event.webhook_url},
                        {"payload", event.payload}};
    if (event.last_sent_date) object["last_sent_date"] = format_timestamp(*event.last_sent_date);
    return object;
}

Response create_webhook(const RouteContext& ctx) {
    auto body = parse_json_object(ctx.request.body());
    if (!body) return bad_request(validation_error, "Request body must be a JSON object");

    const auto* url_value = body->if_contains("url");
    if (url_value == nullptr || url_value->is_null()) {
        return bad_request(validation_error, "Required 'url' is missing");
    }
    std::string url;
    if (auto error = read_url(*url_value, url, ctx.state.webhooks)) return *error;

    std::vector<std::string> events(default_events.begin(), default_events.end());
    if (const auto* value = body->if_contains("events"); value != nullptr && !value->is_null()) {
        if (auto error = read_events(*value, events)) return *error;
    }

    auto& store = ctx.state.webhooks;
    const auto* webhook = store.create(std::move(url), std::move(events));
    if (webhook == nullptr) {
        const auto cap = std::to_string(store.max_webhooks());
        return error_response(
            http::status::unprocessable_entity, too_many_webhooks,
            "The business already has " + cap + " webhooks. Only " + cap + " are allowed.");
    }
    return json_response(http::status::created, webhook_json(*webhook, true));
}

Response list_webhooks(const RouteContext& ctx) {
    json::array array;
    for (const auto& webhook : ctx.state.webhooks.all()) {
        array.push_back(webhook_json(webhook, false));
    }
    return json_response(http::status::ok, array);
}

Response get_webhook(const RouteContext& ctx) {
    const auto* webhook = find_webhook(ctx);
    if (webhook == nullptr) return not_found();
    return json_response(http::status::ok, webhook_json(*webhook, true));
}

// Only the fields present change; at least one of them must be present.
Response update_webhook(const RouteContext& ctx) {
    auto* webhook = find_webhook(ctx);
    if (webhook == nullptr) return not_found();
    auto body = parse_json_object(ctx.request.body());
    if (!body) return bad_request(validation_error, "Request body must be a JSON object");

    const auto* url_value = body->if_contains("url");
    const auto* events_value = body->if_contains("events");
    const bool has_url = url_value != nullptr && !url_value->is_null();
    const bool has_events = events_value != nullptr && !events_value->is_null();
    if (!has_url && !has_events) {
        return bad_request(validation_error, "url or events must be provided");
    }

    std::string url = webhook->url;
    std::vector<std::string> events = webhook->events;
    if (has_url) {
        if (auto error = read_url(*url_value, url, ctx.state.webhooks)) return *error;
    }
    if (has_events) {
        if (auto error = read_events(*events_value, events)) return *error;
    }
    webhook->url = std::move(url);
    webhook->events = std::move(events);
    return json_response(http::status::ok, webhook_json(*webhook, false));
}

Response delete_webhook(const RouteContext& ctx) {
    auto id = Uuid::try_parse(ctx.path_param("webhook_id"));
    if (!id || !ctx.state.webhooks.remove(*id)) return not_found();
    return empty_response(http::status::no_content);
}

Response rotate_signing_secret(const RouteContext& ctx) {
    auto* webhook = find_webhook(ctx);
    if (webhook == nullptr) return not_found();
    // The spec requires a body even though its only field is optional: `{}` is the minimum.
    auto body = parse_json_object(ctx.request.body());
    if (!body) return bad_request(validation_error, "Request body must be a JSON object");

    std::chrono::seconds period{0};
    if (const auto* value = body->if_contains("expiration_period");
        value != nullptr && !value->is_null()) {
        const auto* text = value->if_string();
        if (text == nullptr) {
            return bad_request(parameter_error, "expiration_period must be an ISO-8601 duration");
        }
        try {
            period = parse_duration(*text);
        } catch (const Error&) {
            return bad_request(parameter_error, "expiration_period must be an ISO-8601 duration");
        }
        if (period > max_expiration_period) {
            return bad_request(parameter_error, "expiration_period must not exceed P7D");
        }
    }

    auto outcome = ctx.state.webhooks.rotate_signing_secret(*webhook, period, ctx.now);
    if (outcome == WebhookStore::RotateOutcome::too_many_active_secrets) {
        return error_response(http::status::unprocessable_entity, too_many_signing_secrets,
                              "Webhook " + webhook->id.to_string() + " can't have more than " +
                                  std::to_string(WebhookStore::max_active_secrets) +
                                  " active signing keys");
    }
    return json_response(http::status::ok, webhook_json(*webhook, true));
}

// `limit` 1..1000 (default 100); `created_before` exclusive, default now, at most 21 days ago.
Response list_failed_events(const RouteContext& ctx) {
    const auto* webhook = find_webhook(ctx);
    if (webhook == nullptr) return not_found();

    std::size_t limit = default_failed_events_limit;
    if (auto text = ctx.query_param("limit")) {
        const char* end = text->data() + text->size();
        auto [ptr, ec] = std::from_chars(text->data(), end, limit);
        if (ec != std::errc{} || ptr != end || limit < 1 || limit > max_failed_events_limit) {
            return bad_request(parameter_error, "limit must be between 1 and 1000");
        }
    }

    Timestamp created_before = ctx.now;
    if (auto text = ctx.query_param("created_before")) {
        auto parsed = try_parse_timestamp(*text);
        if (!parsed) {
            return bad_request(parameter_error,
                               "created_before must be an ISO-8601 date or date-time");
        }
        const Timestamp earliest = ctx.now - failed_events_retention;
        if (*parsed < earliest) {
            return bad_request(parameter_error, "created_before must be after " +
                                                    format_timestamp(earliest) +
                                                    ", but is: " + format_timestamp(*parsed));
        }
        created_before = *parsed;
    }

    json::array array;
    for (const auto* event : ctx.state.webhooks.failed_events(webhook->id, created_before, limit)) {
        array.push_back(failed_event_json(*event));
    }
    return json_response(http::status::ok, array);
}

}  // namespace

void add_webhooks_v2_routes(Router& router) {
    constexpr std::string_view collection = "/api/2.0/webhooks";
    constexpr std::string_view item = "/api/2.0/webhooks/{webhook_id}";
    router.add(http::verb::post, collection, Access::bearer_token, create_webhook);
    router.add(http::verb::get, collection, Access::bearer_token, list_webhooks);
    router.add(http::verb::get, item, Access::bearer_token, get_webhook);
    router.add(http::verb::patch, item, Access::bearer_token, update_webhook);
    router.add(http::verb::delete_, item, Access::bearer_token, delete_webhook);
    router.add(http::verb::post, "/api/2.0/webhooks/{webhook_id}/rotate-signing-secret",
               Access::bearer_token, rotate_signing_secret);
    router.add(http::verb::get, "/api/2.0/webhooks/{webhook_id}/failed-events",
               Access::bearer_token, list_failed_events);
}

}  // namespace revolut::mock
