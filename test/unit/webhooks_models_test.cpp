// Webhooks v2 models decoded from JSON shaped like the spec's examples (fixtures written
// here): webhooks with and without their signing secret, and failed events with typed payloads.
#include "model_test_support.hpp"

#include <revolut/api/webhooks.hpp>
#include <revolut/error.hpp>

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using namespace revolut;
using revolut_test::decode;
using revolut_test::require_error;

namespace {

// An obviously fake signing secret: the tests compare it, never print it.
const std::string fake_secret = "wsk_fake_test_secret_0000000000";

// GET /2.0/webhooks: two webhooks, one also subscribed to an event type this version does
// not know.
const char* webhook_list = R"([
  {"id": "c6db947e-e9ce-41c2-b445-02e6eb741d21", "url": "https://www.example.com",
   "events": ["TransactionCreated", "PayoutLinkCreated"]},
  {"id": "9f9919a2-932d-498f-a088-3a01b9080c4a", "url": "https://hooks.example.org/revolut?team=ops",
   "events": ["TransactionCreated", "TransactionStateChanged", "PayoutLinkCreated",
              "PayoutLinkStateChanged", "CardCreatedSomeday"],
   "some_future_field": {"ignored": true}}
])";

// GET /2.0/webhooks/{id}, POST /2.0/webhooks and the secret rotation answer this.
const std::string webhook_with_secret = R"({"id": "6fc346be-5cb5-4c14-aadc-e8aba6a655d7",
  "url": "https://www.example.com/", "events": ["TransactionCreated"],
  "signing_secret": ")" + fake_secret + R"("})";

// GET /2.0/webhooks/{id}/failed-events: a TransactionCreated with last_sent_date, a
// PayoutLinkStateChanged without it, an event type this version does not know, and a
// TransactionCreated whose data does not have the shape of one.
const char* failed_events = R"([
  {"id": "d6d04ec2-2a48-4825-8fba-3603cdacdba7",
   "created_at": "2025-01-26T16:22:21.297570Z", "updated_at": "2025-01-26T16:22:21.534872Z",
   "webhook_id": "c8083529-fb91-4de0-a66d-9fc3ccc1da10", "webhook_url": "https://www.example.com",
   "payload": {"event": "TransactionCreated", "timestamp": "2025-01-26T16:22:21.230599Z",
     "data": {"id": "63d2a8bd-8b67-a2de-b1d2-b58ee21d7073", "type": "transfer", "state": "pending",
       "reference": "To John Doe", "request_id": "6a8b2ad9-d8b9-4348-9207-1c5737ccf11b",
       "created_at": "2025-01-26T16:22:21.232551Z", "updated_at": "2025-01-26T16:22:21.232551Z",
       "legs": [{"leg_id": "63d2a8bd-8b67-a2de-0000-b58ee21d7073",
                 "account_id": "05018b0d-e67c-4fec-bea6-415e9da9432c",
                 "counterparty": {"id": "7e18625a-3e6c-4d4f-8429-216c25309a5f",
                                  "account_id": "ff29e658-f07f-4d81-bc0f-7ad0ff141357",
                                  "account_type": "external"},
                 "amount": -10, "fee": 0.2, "currency": "GBP"}]}},
   "last_sent_date": "2025-01-26T16:52:21.534798Z"},
  {"id": "1a5c2e0f-7d4b-4f8e-9c3a-6b2d8e1f0a47",
   "created_at": "2025-01-22T11:52:21.297570Z", "updated_at": "2025-01-22T11:52:21.534872Z",
   "webhook_id": "c8083529-fb91-4de0-a66d-9fc3ccc1da10", "webhook_url": "https://www.example.com",
   "payload": {"event": "PayoutLinkStateChanged", "timestamp": "2025-01-22T12:31:18.534798Z",
     "data": {"id": "0e1a8d4b-1d1e-457d-9f10-3e7007a82ea8",
              "request_id": "2e2837f5-828d-473f-85e8-5614afd3f8e8",
              "old_state": "active", "new_state": "processed"}}},
  {"id": "2b6d3f10-8e5c-4a9f-8d4b-7c3e9f2a1b58",
   "created_at": "2025-01-21T09:00:00Z", "updated_at": "2025-01-21T09:00:01Z",
   "webhook_id": "c8083529-fb91-4de0-a66d-9fc3ccc1da10", "webhook_url": "https://www.example.com",
   "payload": {"event": "CardCreatedSomeday", "timestamp": "2025-01-21T08:59:59Z",
     "data": {"card_id": "3c7e4a21-9f6d-4b0a-8e5c-8d4f0a3b2c69"}}},
  {"id": "3c7e4a21-9f6d-4b0a-8e5c-8d4f0a3b2c69",
   "created_at": "2025-01-20T09:00:00Z", "updated_at": "2025-01-20T09:00:00Z",
   "webhook_id": "c8083529-fb91-4de0-a66d-9fc3ccc1da10", "webhook_url": "https://www.example.com",
   "payload": {"event": "TransactionCreated", "timestamp": "2025-01-20T08:59:59Z",
     "data": {"id": 42}}}
])";

// The first failed event of `failed_events` alone, as an object to edit.
std::string one_failed_event() {
    const std::string all = failed_events;
    const auto begin = all.find('{');
    const auto end = all.find("\"last_sent_date\": \"2025-01-26T16:52:21.534798Z\"}");
    REQUIRE(end != std::string::npos);
    return "[" + all.substr(begin, end - begin) + "\"last_sent_date\": \"2025-01-26T16:52:21.534798Z\"}]";
}

// `json` with `from` replaced by `to` (once).
std::string with(std::string json, const std::string& from, const std::string& to) {
    const auto pos = json.find(from);
    REQUIRE(pos != std::string::npos);
    return json.replace(pos, from.size(), to);
}

// `json` without `field` (its text, with the separator it needs removed).
std::string without(const std::string& json, const std::string& field) { return with(json, field, ""); }

}  // namespace

TEST_CASE("a webhook list decodes ids, urls and event types", "[webhooks][models]") {
    auto hooks = decode<std::vector<Webhook>>(webhook_list);
    REQUIRE(hooks.size() == 2);
    CHECK(hooks[0].id == Uuid("c6db947e-e9ce-41c2-b445-02e6eb741d21"));
    CHECK(hooks[0].url == "https://www.example.com");
    REQUIRE(hooks[0].events.size() == 2);
    CHECK(hooks[0].events[0] == WebhookEventType::TransactionCreated);
    CHECK(hooks[0].events[1] == WebhookEventType::PayoutLinkCreated);

    CHECK(hooks[1].id == Uuid("9f9919a2-932d-498f-a088-3a01b9080c4a"));
    CHECK(hooks[1].url == "https://hooks.example.org/revolut?team=ops");
    REQUIRE(hooks[1].events.size() == 5);
    CHECK(hooks[1].events[1] == WebhookEventType::TransactionStateChanged);
    CHECK(hooks[1].events[3] == WebhookEventType::PayoutLinkStateChanged);
    // An event type this version does not know is kept as its text, not dropped.
    CHECK_FALSE(hooks[1].events[4].is_known());
    CHECK(hooks[1].events[4].str() == "CardCreatedSomeday");

    CHECK(decode<std::vector<Webhook>>("[]").empty());
}

TEST_CASE("update_webhook's answer decodes as one webhook without a secret", "[webhooks][models]") {
    auto hook = decode<Webhook>(R"({"id": "c6db947e-e9ce-41c2-b445-02e6eb741d21",
        "url": "https://www.example.com", "events": []})");
    CHECK(hook.id == Uuid("c6db947e-e9ce-41c2-b445-02e6eb741d21"));
    CHECK(hook.events.empty());
}

TEST_CASE("a webhook with its signing secret decodes every field", "[webhooks][models]") {
    auto hook = decode<WebhookWithSecret>(webhook_with_secret);
    CHECK(hook.id == Uuid("6fc346be-5cb5-4c14-aadc-e8aba6a655d7"));
    CHECK(hook.url == "https://www.example.com/");
    REQUIRE(hook.events.size() == 1);
    CHECK(hook.events[0] == WebhookEventType::TransactionCreated);
    CHECK(hook.signing_secret == fake_secret);
}

TEST_CASE("a webhook without a required field or with a malformed one is an invalid response",
          "[webhooks][models]") {
    const std::string hook =
        R"({"id": "c6db947e-e9ce-41c2-b445-02e6eb741d21", "url": "https://www.example.com", "events": ["TransactionCreated"]})";
    for (const char* field : {R"("id": "c6db947e-e9ce-41c2-b445-02e6eb741d21", )",
                              R"("url": "https://www.example.com", )", R"(, "events": ["TransactionCreated"])"}) {
        INFO(field);
        require_error([&] { decode<Webhook>(without(hook, field)); }, Errc::invalid_response);
    }
    require_error([&] { decode<Webhook>(with(hook, "\"c6db947e", "\"not-a-uuid-c6db947e")); }, Errc::invalid_response);
    require_error([&] { decode<Webhook>(with(hook, "\"https://www.example.com\"", "7")); }, Errc::invalid_response);
    require_error([&] { decode<Webhook>(with(hook, "[\"TransactionCreated\"]", "\"TransactionCreated\"")); },
                  Errc::invalid_response);
    require_error([&] { decode<Webhook>(with(hook, "[\"TransactionCreated\"]", "[1]")); }, Errc::invalid_response);
    require_error([] { decode<Webhook>("[]"); }, Errc::invalid_response);
    require_error([&] { decode<std::vector<Webhook>>(hook); }, Errc::invalid_response);
    require_error([] { decode<std::vector<Webhook>>(R"([{"id": "c6db947e-e9ce-41c2-b445-02e6eb741d21"}])"); },
                  Errc::invalid_response);
}

TEST_CASE("a webhook answer without its signing secret is an invalid response, and errors never echo it",
          "[webhooks][models]") {
    // The list's shape is not enough where a secret is expected.
    require_error([] { decode<WebhookWithSecret>(R"({"id": "c6db947e-e9ce-41c2-b445-02e6eb741d21",
        "url": "https://www.example.com", "events": ["TransactionCreated"]})"); }, Errc::invalid_response);
    require_error([] { decode<WebhookWithSecret>(R"({"id": "c6db947e-e9ce-41c2-b445-02e6eb741d21",
        "url": "https://www.example.com", "events": [], "signing_secret": 12345})"); }, Errc::invalid_response);

    // Another field is malformed: the error names it, not the secret next to it.
    try {
        decode<WebhookWithSecret>(with(webhook_with_secret, "\"https://www.example.com/\"", "false"));
        FAIL("accepted");
    } catch (const Error& e) {
        CHECK(e.code() == Errc::invalid_response);
        const bool echoes_secret = std::string(e.what()).find(fake_secret) != std::string::npos;
        CHECK_FALSE(echoes_secret);
    }
}

TEST_CASE("failed webhook events decode their fields and typed payloads", "[webhooks][models]") {
    auto events = decode<std::vector<FailedWebhookEvent>>(failed_events);
    REQUIRE(events.size() == 4);

    const auto& created = events[0];
    CHECK(created.id == Uuid("d6d04ec2-2a48-4825-8fba-3603cdacdba7"));
    CHECK(created.created_at == parse_timestamp("2025-01-26T16:22:21.297570Z"));
    CHECK(format_timestamp(created.updated_at) == "2025-01-26T16:22:21.534872Z");
    CHECK(created.webhook_id == Uuid("c8083529-fb91-4de0-a66d-9fc3ccc1da10"));
    CHECK(created.webhook_url == "https://www.example.com");
    REQUIRE(created.last_sent_date);
    CHECK(*created.last_sent_date == parse_timestamp("2025-01-26T16:52:21.534798Z"));
    CHECK(created.payload.event == WebhookEventType::TransactionCreated);
    CHECK(created.payload.timestamp == parse_timestamp("2025-01-26T16:22:21.230599Z"));
    REQUIRE(std::holds_alternative<webhook::TransactionCreated>(created.payload.data));
    const auto& transaction = std::get<webhook::TransactionCreated>(created.payload.data);
    CHECK(transaction.id == "63d2a8bd-8b67-a2de-b1d2-b58ee21d7073");
    CHECK(transaction.type == TransactionType::transfer);
    CHECK(transaction.state == TransactionState::pending);
    CHECK(transaction.reference == "To John Doe");
    CHECK(transaction.request_id == "6a8b2ad9-d8b9-4348-9207-1c5737ccf11b");
    CHECK_FALSE(transaction.completed_at);
    REQUIRE(transaction.legs.size() == 1);
    CHECK(transaction.legs[0].amount == Decimal(-10));
    REQUIRE(transaction.legs[0].fee);
    CHECK(transaction.legs[0].fee->to_string() == "0.2");  // exact, never a double
    CHECK(transaction.legs[0].currency == "GBP");
    REQUIRE(transaction.legs[0].counterparty);
    CHECK(transaction.legs[0].counterparty->account_type == CounterpartyAccountType::external);

    const auto& changed = events[1];
    CHECK(changed.id == Uuid("1a5c2e0f-7d4b-4f8e-9c3a-6b2d8e1f0a47"));
    CHECK(changed.created_at == parse_timestamp("2025-01-22T11:52:21.297570Z"));
    CHECK_FALSE(changed.last_sent_date);  // absent: never sent again
    CHECK(changed.payload.event == WebhookEventType::PayoutLinkStateChanged);
    REQUIRE(std::holds_alternative<webhook::PayoutLinkStateChanged>(changed.payload.data));
    const auto& link = std::get<webhook::PayoutLinkStateChanged>(changed.payload.data);
    CHECK(link.id == "0e1a8d4b-1d1e-457d-9f10-3e7007a82ea8");
    CHECK(link.request_id == "2e2837f5-828d-473f-85e8-5614afd3f8e8");
    CHECK(link.old_state == PayoutLinkState::active);
    CHECK(link.new_state == PayoutLinkState::processed);
}

TEST_CASE("a failed event of an unknown or malformed type keeps its whole payload", "[webhooks][models]") {
    auto events = decode<std::vector<FailedWebhookEvent>>(failed_events);
    REQUIRE(events.size() == 4);

    const auto& future = events[2];
    CHECK_FALSE(future.payload.event.is_known());
    CHECK(future.payload.event.str() == "CardCreatedSomeday");
    REQUIRE(std::holds_alternative<webhook::UnknownEvent>(future.payload.data));
    const auto& data = std::get<webhook::UnknownEvent>(future.payload.data).data;
    REQUIRE(data.is_object());
    CHECK(data.at("card_id").as_string() == "3c7e4a21-9f6d-4b0a-8e5c-8d4f0a3b2c69");

    // Not shaped like a TransactionCreated: kept whole rather than failing the page.
    const auto& odd = events[3];
    CHECK(odd.id == Uuid("3c7e4a21-9f6d-4b0a-8e5c-8d4f0a3b2c69"));
    CHECK(odd.payload.event == WebhookEventType::TransactionCreated);
    REQUIRE(std::holds_alternative<webhook::UnknownEvent>(odd.payload.data));
    const auto raw = odd.payload.raw_json();
    REQUIRE(raw.is_object());
    CHECK(raw.at("data").at("id").as_int64() == 42);
}

TEST_CASE("a failed event without a required field or with a malformed one is an invalid response",
          "[webhooks][models]") {
    const std::string event = one_failed_event();
    REQUIRE(decode<std::vector<FailedWebhookEvent>>(event).size() == 1);
    for (const char* field : {R"("id": "d6d04ec2-2a48-4825-8fba-3603cdacdba7",)",
                              R"("created_at": "2025-01-26T16:22:21.297570Z",)",
                              R"("updated_at": "2025-01-26T16:22:21.534872Z",)",
                              R"("webhook_id": "c8083529-fb91-4de0-a66d-9fc3ccc1da10",)",
                              R"("webhook_url": "https://www.example.com",)"}) {
        INFO(field);
        require_error([&] { decode<std::vector<FailedWebhookEvent>>(without(event, field)); },
                      Errc::invalid_response);
    }
    const std::string payload_start = "\"payload\": {";
    const auto payload_at = event.find(payload_start);
    const auto last_sent_at = event.find(",\n   \"last_sent_date\"");
    REQUIRE(last_sent_at != std::string::npos);
    const std::string no_payload = event.substr(0, payload_at) + event.substr(last_sent_at + 2);
    require_error([&] { decode<std::vector<FailedWebhookEvent>>(no_payload); }, Errc::invalid_response);

    auto bad = [&](const std::string& from, const std::string& to) {
        INFO(from << " -> " << to);
        require_error([&] { decode<std::vector<FailedWebhookEvent>>(with(event, from, to)); },
                      Errc::invalid_response);
    };
    bad("\"2025-01-26T16:22:21.297570Z\"", "\"yesterday\"");
    bad("\"2025-01-26T16:52:21.534798Z\"", "1674751941");
    bad("\"c8083529-fb91-4de0-a66d-9fc3ccc1da10\"", "\"c8083529\"");
    bad("\"https://www.example.com\"", "null");
    bad(payload_start, "\"payload\": [], \"x\": {");
    require_error([] { decode<std::vector<FailedWebhookEvent>>(R"({"events": []})"); }, Errc::invalid_response);
    CHECK(decode<std::vector<FailedWebhookEvent>>("[]").empty());
}
