#include <catch2/catch.hpp>

#include "json/exact_json.hpp"

#include <revolut/error.hpp>
#include <revolut/webhook/events.hpp>

#include <boost/json/parse.hpp>

#include <random>
#include <string>

namespace json = boost::json;
using namespace std::chrono;
using revolut::Decimal;
using revolut::Errc;
using revolut::parse_timestamp;
namespace webhook = revolut::webhook;

namespace {

// Shaped like the spec's failed-event example, written by hand, plus the optional fields of
// the Transaction schema and one field no version of the API has (`future_field`).
const std::string transaction_created = R"({
  "event": "TransactionCreated",
  "timestamp": "2024-03-05T10:11:12.345678Z",
  "data": {
    "id": "65e6f0a1-0001-4000-8000-000000000001",
    "type": "card_payment",
    "state": "completed",
    "request_id": "req-42",
    "reason_code": null,
    "created_at": "2024-03-05T10:11:12.000001Z",
    "updated_at": "2024-03-05T10:11:13Z",
    "completed_at": "2024-03-05T10:11:14.5Z",
    "scheduled_for": "2024-03-06",
    "reference": "Invoice 7",
    "related_transaction_id": "65e6f0a1-0001-4000-8000-000000000000",
    "merchant": {"name": "Corner Shop", "city": "London", "category_code": "5411", "country": "GBR"},
    "card": {"id": "c0000000-0000-4000-8000-000000000001", "card_number": "459678******7891",
             "first_name": "Ada", "last_name": "Lovelace",
             "references": [{"name": "PNR", "value": "RT12345"}]},
    "legs": [
      {"leg_id": "65e6f0a1-0001-4000-8000-00000000000a",
       "account_id": "a0000000-0000-4000-8000-000000000001",
       "counterparty": {"id": "b0000000-0000-4000-8000-000000000001",
                        "account_id": "b0000000-0000-4000-8000-000000000002",
                        "account_type": "external", "future_field": [1.10]},
       "amount": -10.50, "fee": 0.2, "currency": "GBP",
       "bill_amount": -12.345, "bill_currency": "EUR",
       "description": "To Corner Shop", "balance": 1234567.89},
      {"leg_id": "65e6f0a1-0001-4000-8000-00000000000b",
       "account_id": "a0000000-0000-4000-8000-000000000002",
       "amount": 10, "currency": "EUR"}
    ],
    "future_field": {"price": 0.1}
  },
  "delivery_attempt": 2
})";

json::value exact(std::string_view text) {
    boost::system::error_code ec;
    json::value v = revolut::detail::parse_json_exact(text, ec);
    REQUIRE_FALSE(ec);
    return v;
}

Errc errc_of(const revolut::Error& e) { return static_cast<Errc>(e.code().value()); }

// The error of parsing `body`; Errc{} when it parsed.
std::pair<Errc, std::string> parse_failure(std::string_view body) {
    try {
        (void)webhook::parse_event(body);
        return {Errc{}, {}};
    } catch (const revolut::Error& e) {
        return {errc_of(e), e.what()};
    }
}

// transaction_created with `from` replaced by `to` (once).
std::string with(std::string_view from, std::string_view to) {
    std::string s = transaction_created;
    const auto pos = s.find(from);
    REQUIRE(pos != std::string::npos);
    s.replace(pos, from.size(), to);
    return s;
}

}  // namespace

TEST_CASE("parse_event reads a TransactionCreated with every field", "[webhook-events]") {
    const webhook::Event e = webhook::parse_event(transaction_created);
    CHECK(e.event == revolut::WebhookEventType::TransactionCreated);
    CHECK(e.timestamp == parse_timestamp("2024-03-05T10:11:12.345678Z"));
    REQUIRE(std::holds_alternative<webhook::TransactionCreated>(e.data));
    const auto& t = std::get<webhook::TransactionCreated>(e.data);
    CHECK(t.id == "65e6f0a1-0001-4000-8000-000000000001");
    CHECK(t.type == revolut::TransactionType::card_payment);
    CHECK(t.state == revolut::TransactionState::completed);
    CHECK(t.request_id == "req-42");
    CHECK_FALSE(t.reason_code.has_value());  // null is "not given"
    CHECK(t.created_at == parse_timestamp("2024-03-05T10:11:12.000001Z"));
    CHECK(t.updated_at == parse_timestamp("2024-03-05T10:11:13Z"));
    CHECK(t.completed_at == parse_timestamp("2024-03-05T10:11:14.5Z"));
    CHECK(t.scheduled_for == year_month_day{2024y / March / 6});
    CHECK(t.reference == "Invoice 7");
    CHECK(t.related_transaction_id == "65e6f0a1-0001-4000-8000-000000000000");
    REQUIRE(t.merchant.has_value());
    CHECK(t.merchant->name == "Corner Shop");
    CHECK(t.merchant->category_code == "5411");
    CHECK_FALSE(t.merchant->id.has_value());
    REQUIRE(t.card.has_value());
    CHECK(t.card->card_number == "459678******7891");
    REQUIRE(t.card->references.size() == 1);
    CHECK(t.card->references[0] == webhook::CardReference{"PNR", "RT12345"});

    REQUIRE(t.legs.size() == 2);
    const auto& leg = t.legs[0];
    CHECK(leg.leg_id == "65e6f0a1-0001-4000-8000-00000000000a");
    CHECK(leg.account_id == "a0000000-0000-4000-8000-000000000001");
    REQUIRE(leg.counterparty.has_value());
    CHECK(leg.counterparty->id == "b0000000-0000-4000-8000-000000000001");
    CHECK(leg.counterparty->account_type == revolut::CounterpartyAccountType::external);
    CHECK(leg.amount.to_string() == "-10.50");
    CHECK(leg.fee->to_string() == "0.2");
    CHECK(leg.currency == "GBP");
    CHECK(leg.bill_amount->to_string() == "-12.345");
    CHECK(leg.bill_currency == "EUR");
    CHECK(leg.description == "To Corner Shop");
    CHECK(leg.balance->to_string() == "1234567.89");
    CHECK(t.legs[1].amount == Decimal(10));
    CHECK_FALSE(t.legs[1].counterparty.has_value());
    CHECK_FALSE(t.legs[1].fee.has_value());
}

TEST_CASE("parse_event keeps the body, unknown fields included, with exact numbers",
          "[webhook-events]") {
    const webhook::Event e = webhook::parse_event(transaction_created);
    CHECK(e.raw == transaction_created);
    const json::value raw = e.raw_json();
    CHECK(raw.at("delivery_attempt").as_int64() == 2);
    const json::value& future = raw.at("data").at("future_field");
    CHECK(revolut::decimal_from_json(future.at("price")) == Decimal::parse("0.1"));
    CHECK(revolut::serialize_json(future) == R"({"price":0.1})");
    CHECK(webhook::Event{}.raw_json().is_null());
}

TEST_CASE("amounts are exact: 0.1 + 0.2 is 0.3", "[webhook-events]") {
    const std::string body = R"({"event":"TransactionCreated","timestamp":"2024-01-01T00:00:00Z",
      "data":{"id":"t","type":"exchange","state":"completed","created_at":"2024-01-01T00:00:00Z",
      "updated_at":"2024-01-01T00:00:00Z","legs":[
        {"leg_id":"l1","account_id":"a1","amount":0.1,"currency":"GBP"},
        {"leg_id":"l2","account_id":"a2","amount":0.2,"currency":"GBP","balance":1e-2}]}})";
    const auto t = std::get<webhook::TransactionCreated>(webhook::parse_event(body).data);
    const Decimal sum = t.legs[0].amount + t.legs[1].amount;
    CHECK(sum == Decimal::parse("0.3"));
    CHECK(sum.to_string() == "0.3");
    CHECK(t.legs[1].balance->to_string() == "0.01");
}

TEST_CASE("parse_event reads the state-change and payout-link events", "[webhook-events]") {
    const auto a = webhook::parse_event(
        R"({"event":"TransactionStateChanged","timestamp":"2024-01-01T00:00:00Z",
            "data":{"id":"t1","request_id":"r1","old_state":"pending","new_state":"completed"}})");
    const auto& tsc = std::get<webhook::TransactionStateChanged>(a.data);
    CHECK(tsc.id == "t1");
    CHECK(tsc.request_id == "r1");
    CHECK(tsc.old_state == revolut::TransactionState::pending);
    CHECK(tsc.new_state == revolut::TransactionState::completed);

    const auto b = webhook::parse_event(
        R"({"event":"PayoutLinkCreated","timestamp":"2024-01-01T00:00:00Z",
            "data":{"id":"p1","state":"active"}})");
    const auto& plc = std::get<webhook::PayoutLinkCreated>(b.data);
    CHECK(plc.state == revolut::PayoutLinkState::active);
    CHECK_FALSE(plc.request_id.has_value());

    // Like the spec's failed-event example.
    const auto c = webhook::parse_event(
        R"({"data":{"id":"0e1a8d4b-1d1e-457d-9f10-3e7007a82ea8",
            "request_id":"2e2837f5-828d-473f-85e8-5614afd3f8e8","old_state":"active",
            "new_state":"processed"},"event":"PayoutLinkStateChanged",
            "timestamp":"2023-07-22T12:31:18.534798Z"})");
    const auto& plsc = std::get<webhook::PayoutLinkStateChanged>(c.data);
    CHECK(plsc.old_state == revolut::PayoutLinkState::active);
    CHECK(plsc.new_state == revolut::PayoutLinkState::processed);
}

TEST_CASE("unknown enum values are kept verbatim", "[webhook-events]") {
    const auto e = webhook::parse_event(
        R"({"event":"TransactionStateChanged","timestamp":"2024-01-01T00:00:00Z",
            "data":{"id":"t1","old_state":"pending","new_state":"cancelled"}})");
    const auto& d = std::get<webhook::TransactionStateChanged>(e.data);
    CHECK_FALSE(d.new_state.is_known());
    CHECK(d.new_state.str() == "cancelled");
    const auto t = std::get<webhook::TransactionCreated>(
        webhook::parse_event(with(R"("card_payment")", R"("temp_block")")).data);
    CHECK(t.type.str() == "temp_block");
    CHECK(webhook::serialize_event(webhook::parse_event(with(R"("card_payment")", R"("temp_block")")))
              .find(R"("type":"temp_block")") != std::string::npos);
}

TEST_CASE("an unknown event type gives UnknownEvent with the raw data", "[webhook-events]") {
    const std::string body = R"({"event":"CardCreated","timestamp":"2024-01-01T00:00:00Z",
        "data":{"card_id":"c1","limit":100.00}})";
    const auto e = webhook::parse_event(body);
    CHECK_FALSE(e.event.is_known());
    CHECK(e.event.str() == "CardCreated");
    REQUIRE(std::holds_alternative<webhook::UnknownEvent>(e.data));
    const auto& u = std::get<webhook::UnknownEvent>(e.data);
    CHECK(u.data.storage().get() == json::storage_ptr().get());  // not in the parse arena
    (void)webhook::parse_event(transaction_created);  // reuses this thread's parse arena
    CHECK(u.data.at("card_id") == "c1");
    CHECK(revolut::serialize_json(u.data.at("limit")) == "100.00");
    CHECK(webhook::serialize_event(e) ==
          R"({"event":"CardCreated","timestamp":"2024-01-01T00:00:00Z",)"
          R"("data":{"card_id":"c1","limit":100.00}})");
    // data may be anything, or absent, for an unknown event.
    const auto n = webhook::parse_event(R"({"event":"X","timestamp":"2024-01-01T00:00:00Z"})");
    CHECK(std::get<webhook::UnknownEvent>(n.data).data.is_null());
}

TEST_CASE("serialize_event round-trips a parsed event, unknown fields included",
          "[webhook-events]") {
    const webhook::Event e = webhook::parse_event(transaction_created);
    const std::string out = webhook::serialize_event(e);
    CHECK(out.find(R"("amount":-10.50)") != std::string::npos);
    CHECK(out.find(R"("balance":1234567.89)") != std::string::npos);
    CHECK(out.find(R"("future_field":[1.10])") != std::string::npos);
    CHECK(out.find(R"("delivery_attempt":2)") != std::string::npos);
    // Same JSON value as the input (timestamps were already in canonical form, except the
    // ones below, which serialize canonically).
    json::value expected = exact(transaction_created);
    expected.at("data").at("updated_at") = "2024-03-05T10:11:13Z";
    expected.at("data").at("completed_at") = "2024-03-05T10:11:14.500000Z";
    CHECK(exact(out) == expected);
    // And parsing the output gives the same typed event.
    const webhook::Event again = webhook::parse_event(out);
    CHECK(again.data == e.data);
    CHECK(again.timestamp == e.timestamp);
}

TEST_CASE("serialize_event writes an event built in code, typed fields winning over raw",
          "[webhook-events]") {
    webhook::PayoutLinkStateChanged d;
    d.id = "p1";
    d.old_state = revolut::PayoutLinkState::active;
    d.new_state = revolut::PayoutLinkState::processed;
    webhook::Event e = webhook::make_event(d, parse_timestamp("2023-07-22T12:31:18.534798Z"));
    CHECK(e.event == revolut::WebhookEventType::PayoutLinkStateChanged);
    CHECK(webhook::serialize_event(e) ==
          R"({"event":"PayoutLinkStateChanged","timestamp":"2023-07-22T12:31:18.534798Z",)"
          R"("data":{"id":"p1","old_state":"active","new_state":"processed"}})");

    webhook::TransactionLeg leg;
    leg.leg_id = "l";
    leg.account_id = "a";
    leg.amount = Decimal::parse("-0.10");
    leg.currency = "GBP";
    webhook::TransactionCreated t;
    t.id = "t";
    t.type = revolut::TransactionType::transfer;
    t.state = revolut::TransactionState::pending;
    t.created_at = t.updated_at = parse_timestamp("2024-01-01T00:00:00Z");
    t.scheduled_for = 2024y / January / 2;
    t.legs.push_back(leg);
    const std::string out = webhook::serialize_event(
        webhook::make_event(t, parse_timestamp("2024-01-01T00:00:00Z")));
    CHECK(out ==
          R"({"event":"TransactionCreated","timestamp":"2024-01-01T00:00:00Z","data":{"id":"t",)"
          R"("type":"transfer","state":"pending","created_at":"2024-01-01T00:00:00Z",)"
          R"("updated_at":"2024-01-01T00:00:00Z","scheduled_for":"2024-01-02",)"
          R"("legs":[{"leg_id":"l","account_id":"a","amount":-0.10,"currency":"GBP"}]}})");
    CHECK(std::get<webhook::TransactionCreated>(webhook::parse_event(out).data) == t);

    // Edit a parsed event: the typed value wins, raw fills in the rest.
    webhook::Event parsed = webhook::parse_event(transaction_created);
    std::get<webhook::TransactionCreated>(parsed.data).legs[0].amount = Decimal::parse("-11.00");
    const std::string edited = webhook::serialize_event(parsed);
    CHECK(edited.find(R"("amount":-11.00)") != std::string::npos);
    CHECK(edited.find(R"("future_field":[1.10])") != std::string::npos);
}

TEST_CASE("event_from_json reads an already parsed failed-event payload", "[webhook-events]") {
    const json::value payload = exact(transaction_created);
    const webhook::Event e = webhook::event_from_json(payload);
    CHECK(std::get<webhook::TransactionCreated>(e.data).legs[0].amount.to_string() == "-10.50");
    CHECK(exact(e.raw) == payload);
    // A payload parsed with plain boost::json::parse has lost exactness: refused, by name.
    try {
        (void)webhook::event_from_json(json::parse(transaction_created));
        FAIL("expected an exception");
    } catch (const revolut::Error& err) {
        CHECK(errc_of(err) == Errc::invalid_response);
        CHECK_THAT(err.what(), Catch::Contains("data.legs[0].amount"));
        CHECK_THAT(err.what(), Catch::Contains("double"));
    }
}

TEST_CASE("event_from_json refuses a value nested deeper than the parser allows",
          "[webhook-events]") {
    json::value deep = json::object{};
    for (int i = 0; i < 100; ++i) deep = json::object{{"x", std::move(deep)}};
    json::object envelope{{"event", "X"}, {"timestamp", "2024-01-01T00:00:00Z"}, {"data", deep}};
    try {
        (void)webhook::event_from_json(envelope);
        FAIL("expected an exception");
    } catch (const revolut::Error& err) {
        CHECK(errc_of(err) == Errc::invalid_response);
    }
}

TEST_CASE("strings with escapes are unescaped, also in known fields", "[webhook-events]") {
    const auto e = webhook::parse_event(
        R"({"event":"PayoutLinkCreated","timestamp":"2024-01-01T00:00:00Z","data":)"
        R"({"\u0069d":"p\"1\\\u00e9","state":"act\u0069ve","request_id":"r\n"}})");
    const auto& d = std::get<webhook::PayoutLinkCreated>(e.data);
    CHECK(d.id == "p\"1\\\xc3\xa9");
    CHECK(d.state == revolut::PayoutLinkState::active);
    CHECK(d.request_id == "r\n");
    // Long escaped strings arrive from the parser in pieces.
    const std::string long_text(10000, 'a');
    std::string escaped;
    for (int i = 0; i < 10000; ++i) escaped += "\\u0061";
    const auto f = webhook::parse_event(
        R"({"event":"PayoutLinkCreated","timestamp":"2024-01-01T00:00:00Z","data":{"id":")" +
        escaped + R"(","state":"active"}})");
    CHECK(std::get<webhook::PayoutLinkCreated>(f.data).id == long_text);
}

TEST_CASE("parse_event reports a body that is not JSON as body_not_json", "[webhook-events]") {
    for (const std::string& bad : {std::string(), std::string("not json"),
                                  transaction_created.substr(0, transaction_created.size() / 2),
                                  transaction_created + "}", std::string("{\"event\":\"\xff\"}"),
                                  std::string(200, '[') + std::string(200, ']')}) {
        INFO(bad);
        CHECK(parse_failure(bad).first == Errc::body_not_json);
    }
}

TEST_CASE("parse_event reports a wrong shape as invalid_response naming the field",
          "[webhook-events]") {
    struct Case {
        std::string body;
        std::string field;
    };
    const Case cases[] = {
        {"[]", "expected an object"},
        {"42", "expected an object"},
        {R"({"timestamp":"2024-01-01T00:00:00Z","data":{}})", "event: missing"},
        {R"({"event":7,"timestamp":"2024-01-01T00:00:00Z","data":{}})", "event: expected a string"},
        {R"({"event":"PayoutLinkCreated","data":{"id":"p","state":"active"}})", "timestamp: missing"},
        {R"({"event":"PayoutLinkCreated","timestamp":"yesterday","data":{"id":"p","state":"active"}})",
         "timestamp: expected an ISO 8601 date-time"},
        {R"({"event":"PayoutLinkCreated","timestamp":"2024-01-01T00:00:00Z"})", "data: expected an object"},
        {R"({"event":"PayoutLinkCreated","timestamp":"2024-01-01T00:00:00Z","data":[]})",
         "data: expected an object"},
        {R"({"event":"PayoutLinkCreated","timestamp":"2024-01-01T00:00:00Z","data":{"id":"p","state":"active"},"data":7})",
         "data: expected an object"},
        {R"({"event":"PayoutLinkCreated","timestamp":"2024-01-01T00:00:00Z","data":{"id":"p","state":"active"},"data":{"state":"active"}})",
         "data.id: missing"},
        {R"({"event":"PayoutLinkCreated","timestamp":"2024-01-01T00:00:00Z","data":{"state":"active"}})",
         "data.id: missing"},
        {R"({"event":"PayoutLinkCreated","timestamp":"2024-01-01T00:00:00Z","data":{"id":1.5,"state":"active"}})",
         "data.id: expected a string"},
        {R"({"event":"TransactionStateChanged","timestamp":"2024-01-01T00:00:00Z","data":{"id":"t","new_state":"failed"}})",
         "data.old_state: missing"},
        {with(R"("amount": 10,)", ""), "data.legs[1].amount: missing"},
        {with(R"("amount": -10.50)", R"("amount": "-10.50")"), "data.legs[0].amount: expected a number"},
        {with(R"("amount": -10.50)", R"("amount": 1e30)"), "data.legs[0].amount: number does not fit"},
        {with(R"("fee": 0.2)", R"("fee": true)"), "data.legs[0].fee: expected a number"},
        {with(R"("account_type": "external",)", ""), "data.legs[0].counterparty.account_type: missing"},
        {with(R"("scheduled_for": "2024-03-06")", R"("scheduled_for": "2024-02-30")"),
         "data.scheduled_for: expected an ISO 8601 date"},
        {with(R"("scheduled_for": "2024-03-06")", R"("scheduled_for": "06/03/2024")"),
         "data.scheduled_for: expected an ISO 8601 date"},
        {with(R"("created_at": "2024-03-05T10:11:12.000001Z")", R"("created_at": 1709633472)"),
         "data.created_at: expected a string"},
        {with(R"("legs": [)", R"("legs": 5, "x": [)"), "data.legs: expected an array"},
        {with(R"("references": [{"name": "PNR", "value": "RT12345"}])", R"("references": [{"name": "PNR"}])"),
         "data.card.references[0].value: missing"},
        {with(R"("merchant": {)", R"("merchant": "shop", "x": {)"), "data.merchant: expected an object"},
    };
    for (const Case& c : cases) {
        INFO(c.body);
        const auto [code, what] = parse_failure(c.body);
        CHECK(code == Errc::invalid_response);
        CHECK_THAT(what, Catch::Contains(c.field));
    }
    // A TransactionCreated without legs.
    const std::string no_legs = R"({"event":"TransactionCreated","timestamp":"2024-01-01T00:00:00Z",
      "data":{"id":"t","type":"transfer","state":"pending","created_at":"2024-01-01T00:00:00Z",
      "updated_at":"2024-01-01T00:00:00Z"}})";
    CHECK_THAT(parse_failure(no_legs).second, Catch::Contains("data.legs: missing"));
}

TEST_CASE("parse_event never crashes on truncated or mutated bodies", "[webhook-events]") {
    // Every prefix.
    for (std::size_t n = 0; n <= transaction_created.size(); ++n) {
        const auto [code, what] = parse_failure(std::string_view(transaction_created).substr(0, n));
        if (n < transaction_created.size()) CHECK(code != Errc{});
    }
    // Random byte edits: any outcome but a crash; successes serialize and parse again.
    std::mt19937 rng(7);
    const std::string alphabet = "{}[]\",:.-e0123456789 nulltrue\xff";
    for (int round = 0; round < 5000; ++round) {
        std::string s = transaction_created;
        for (int k = 0; k < 3; ++k) {
            const std::size_t pos = rng() % s.size();
            if (rng() % 2) s[pos] = alphabet[rng() % alphabet.size()];
            else s.erase(pos, 1);
        }
        try {
            const webhook::Event e = webhook::parse_event(s);
            CHECK(webhook::parse_event(webhook::serialize_event(e)).data == e.data);
        } catch (const revolut::Error& err) {
            const Errc code = errc_of(err);
            CHECK((code == Errc::body_not_json || code == Errc::invalid_response));
        }
    }
}
