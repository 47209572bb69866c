// Webhooks v2: JSON mapping of the models and the decoders the endpoint methods use.
#include <revolut/api/webhooks.hpp>

#include "api/json_fields.hpp"
#include "api/model_decode.hpp"
#include "json/exact_json.hpp"

#include <boost/json/value_to.hpp>

namespace revolut {

namespace json = boost::json;
using namespace api;

namespace {

std::vector<WebhookEvent> read_events(const json::object& o) {
    std::vector<WebhookEvent> events;
    for (const auto& e : required_array(o, "events")) {
        if (!e.is_string()) throw_bad_field("events", "an array of strings");
        events.push_back(WebhookEvent::parse(e.get_string()));
    }
    return events;
}

}  // namespace

Webhook tag_invoke(json::value_to_tag<Webhook>, const json::value& v) {
    const auto& o = as_object(v, "webhook");
    return {required_uuid(o, "id"), required_string(o, "url"), read_events(o)};
}

WebhookWithSecret tag_invoke(json::value_to_tag<WebhookWithSecret>, const json::value& v) {
    const auto& o = as_object(v, "webhook");
    return {required_uuid(o, "id"), required_string(o, "url"), read_events(o),
            required_string(o, "signing_secret")};
}

webhook::Event read_payload(const json::object& o) {
    const auto& payload = required_object(o, "payload");
    try {
        return webhook::event_from_json(payload);
    } catch (const Error&) {
        // Not shaped like its event type: keep it whole rather than fail the whole page.
        webhook::Event event;
        if (auto* name = payload.if_contains("event"); name && name->is_string())
            event.event = WebhookEvent::parse(name->get_string());
        event.data = webhook::UnknownEvent{payload};
        event.raw = detail::serialize_json_exact(payload);
        return event;
    }
}

FailedWebhookEvent tag_invoke(json::value_to_tag<FailedWebhookEvent>, const json::value& v) {
    const auto& o = as_object(v, "failed webhook event");
    return {required_uuid(o, "id"),
            required_timestamp(o, "created_at"),
            required_timestamp(o, "updated_at"),
            required_uuid(o, "webhook_id"),
            required_string(o, "webhook_url"),
            read_payload(o),
            optional_timestamp(o, "last_sent_date")};
}

}  // namespace revolut

namespace revolut::detail {

template std::vector<Webhook> decode<std::vector<Webhook>>(const ApiResponse&);
template Webhook decode<Webhook>(const ApiResponse&);
template WebhookWithSecret decode<WebhookWithSecret>(const ApiResponse&);
template std::vector<FailedWebhookEvent> decode<std::vector<FailedWebhookEvent>>(const ApiResponse&);

}  // namespace revolut::detail
