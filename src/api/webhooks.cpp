// Webhooks v2: request building and input validation (nothing is sent when it fails).
#include <revolut/api/webhooks.hpp>
#include <revolut/error.hpp>

#include "api/https_url.hpp"
#include "api/target.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>

namespace revolut::detail::webhooks {

namespace http = boost::beast::http;
namespace json = boost::json;
using api::make_target;
using api::require_https_url;

namespace {

[[noreturn]] void invalid(const std::string& what) {
    throw Error(make_error_code(Errc::invalid_argument), what);
}

json::array events_json(const std::vector<WebhookEvent>& events) {
    json::array out;
    for (const auto& e : events) {
        if (e.str().empty()) invalid("webhook event type must not be empty");
        out.emplace_back(e.str());
    }
    return out;
}

std::string id_segment(const Uuid& id) {
    if (id.is_nil()) invalid("webhook_id must not be the nil UUID");
    return id.to_string();
}

}  // namespace

Timestamp created_before_time(const CreatedBefore& created_before) {
    return std::holds_alternative<Timestamp>(created_before) ? std::get<Timestamp>(created_before)
                                                             : parse_timestamp(std::get<std::string>(created_before));
}

ApiRequest get_all_webhooks() { return {http::verb::get, make_target({"2.0", "webhooks"}), {}}; }

ApiRequest get_webhook(const Uuid& webhook_id) {
    return {http::verb::get, make_target({"2.0", "webhooks", id_segment(webhook_id)}), {}};
}

ApiRequest get_failed_webhook_events(const Uuid& webhook_id, std::optional<int> limit,
                                     const std::optional<CreatedBefore>& created_before) {
    api::QueryParams query;
    if (limit) {
        if (*limit < 1 || *limit > 1000) invalid("limit must be between 1 and 1000, got " + std::to_string(*limit));
        query.emplace_back("limit", std::to_string(*limit));
    }
    // Text is validated and normalised to UTC so the server sees one unambiguous form.
    if (created_before) query.emplace_back("created_before", format_timestamp(created_before_time(*created_before)));
    return {http::verb::get,
            make_target({"2.0", "webhooks", id_segment(webhook_id), "failed-events"}, query), {}};
}

ApiRequest create_webhook(const std::string& url, const std::vector<WebhookEvent>& events) {
    require_https_url(url);
    json::object body{{"url", url}};
    if (!events.empty()) body["events"] = events_json(events);
    return {http::verb::post, make_target({"2.0", "webhooks"}), json::serialize(body)};
}

ApiRequest rotate_webhook_secret(const Uuid& webhook_id, std::optional<std::chrono::seconds> expiration_period) {
    json::object body;  // the endpoint requires a body, even an empty one
    if (expiration_period) {
        if (expiration_period->count() < 0 || *expiration_period > std::chrono::days(7))
            invalid("expiration_period must be between 0 and 7 days");
        body["expiration_period"] = format_duration(*expiration_period);
    }
    return {http::verb::post,
            make_target({"2.0", "webhooks", id_segment(webhook_id), "rotate-signing-secret"}),
            json::serialize(body)};
}

ApiRequest update_webhook(const Uuid& webhook_id, const std::optional<std::string>& url,
                          const std::vector<WebhookEvent>& events) {
    if (!url && events.empty()) invalid("update_webhook needs a url or events to change");
    json::object body;
    if (url) {
        require_https_url(*url);
        body["url"] = *url;
    }
    if (!events.empty()) body["events"] = events_json(events);
    return {http::verb::patch, make_target({"2.0", "webhooks", id_segment(webhook_id)}), json::serialize(body)};
}

ApiRequest delete_webhook(const Uuid& webhook_id) {
    return {http::verb::delete_, make_target({"2.0", "webhooks", id_segment(webhook_id)}), {}};
}

}  // namespace revolut::detail::webhooks
