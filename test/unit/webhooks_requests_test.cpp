// Webhooks v2 request building: routes, bodies and validation, without sockets.
#include "model_test_support.hpp"

#include <revolut/api/webhooks.hpp>
#include <revolut/error.hpp>

#include <boost/json/parse.hpp>

#include <catch2/catch.hpp>

using namespace revolut;
using revolut_test::body_of;
using namespace std::chrono_literals;
namespace requests = revolut::detail::webhooks;
using verb = boost::beast::http::verb;

namespace {
const Uuid id{"6fc346be-5cb5-4c14-aadc-e8aba6a655d7"};

template <class F>
void require_invalid(F f) {
    try {
        f();
        FAIL("accepted");
    } catch (const Error& e) {
        CHECK(e.code() == Errc::invalid_argument);
    }
}
}  // namespace

TEST_CASE("webhook routes carry the 2.0 version and the percent-encoded id", "[webhooks]") {
    CHECK(requests::get_all_webhooks().target == "/2.0/webhooks");
    CHECK(requests::get_all_webhooks().method == verb::get);
    CHECK(requests::get_webhook(id).target == "/2.0/webhooks/6fc346be-5cb5-4c14-aadc-e8aba6a655d7");
    CHECK(requests::delete_webhook(id).method == verb::delete_);
    CHECK_FALSE(requests::delete_webhook(id).json_body);
    auto rotate = requests::rotate_webhook_secret(id, std::nullopt);
    CHECK(rotate.method == verb::post);
    CHECK(rotate.target == "/2.0/webhooks/6fc346be-5cb5-4c14-aadc-e8aba6a655d7/rotate-signing-secret");
    CHECK(body_of(rotate) == boost::json::object{});  // the endpoint requires a body
    CHECK(requests::update_webhook(id, "https://example.com/h", {}).method == verb::patch);
}

TEST_CASE("create_webhook sends url and events, or leaves the server default", "[webhooks]") {
    auto plain = requests::create_webhook("https://example.com/hook", {});
    CHECK(plain.method == verb::post);
    CHECK(plain.target == "/2.0/webhooks");
    CHECK(body_of(plain) == boost::json::parse(R"({"url":"https://example.com/hook"})"));
    auto with_events = requests::create_webhook(
        "https://example.com/hook", {WebhookEventType::PayoutLinkCreated, WebhookEvent::parse("FutureEvent")});
    CHECK(body_of(with_events) ==
          boost::json::parse(R"({"url":"https://example.com/hook","events":["PayoutLinkCreated","FutureEvent"]})"));
}

TEST_CASE("update_webhook sends only the fields given", "[webhooks]") {
    CHECK(body_of(requests::update_webhook(id, "https://a.example/x", {})) ==
          boost::json::parse(R"({"url":"https://a.example/x"})"));
    CHECK(body_of(requests::update_webhook(id, std::nullopt, {WebhookEventType::TransactionCreated})) ==
          boost::json::parse(R"({"events":["TransactionCreated"]})"));
}

TEST_CASE("update_webhook without url or events is rejected before sending", "[webhooks]") {
    require_invalid([] { requests::update_webhook(id, std::nullopt, {}); });
}

TEST_CASE("webhook urls must be absolute https URLs", "[webhooks]") {
    for (const char* bad : {"http://example.com/hook", "example.com/hook", "", "https://", "ftp://x.example"}) {
        INFO(bad);
        require_invalid([&] { requests::create_webhook(bad, {}); });
        require_invalid([&] { requests::update_webhook(id, std::string(bad), {}); });
    }
}

TEST_CASE("failed-events limit must be 1..1000", "[webhooks]") {
    require_invalid([] { requests::get_failed_webhook_events(id, 0, std::nullopt); });
    require_invalid([] { requests::get_failed_webhook_events(id, 1001, std::nullopt); });
    CHECK(requests::get_failed_webhook_events(id, 1, std::nullopt).target ==
          "/2.0/webhooks/6fc346be-5cb5-4c14-aadc-e8aba6a655d7/failed-events?limit=1");
    CHECK(requests::get_failed_webhook_events(id, 1000, std::nullopt).target.ends_with("?limit=1000"));
    CHECK(requests::get_failed_webhook_events(id, std::nullopt, std::nullopt).target.ends_with("/failed-events"));
}

TEST_CASE("created_before accepts a time point or ISO-8601 text and is sent as UTC", "[webhooks]") {
    auto t = parse_timestamp("2024-03-04T05:06:07Z");
    CHECK(requests::get_failed_webhook_events(id, std::nullopt, CreatedBefore{t}).target.ends_with(
        "?created_before=2024-03-04T05:06:07Z"));
    CHECK(requests::get_failed_webhook_events(id, 10, CreatedBefore{std::string("2024-03-04T07:06:07.5+02:00")})
              .target.ends_with("?limit=10&created_before=2024-03-04T05:06:07.500000Z"));
    require_invalid([] { requests::get_failed_webhook_events(id, 10, CreatedBefore{std::string("last week")}); });
}

TEST_CASE("expiration_period is at most 7 days and sent as an ISO-8601 duration", "[webhooks]") {
    CHECK(body_of(requests::rotate_webhook_secret(id, std::chrono::days(1))) ==
          boost::json::parse(R"({"expiration_period":"P1D"})"));
    CHECK(body_of(requests::rotate_webhook_secret(id, 12h)) ==
          boost::json::parse(R"({"expiration_period":"PT12H"})"));
    CHECK(body_of(requests::rotate_webhook_secret(id, std::chrono::days(7))) ==
          boost::json::parse(R"({"expiration_period":"P7D"})"));
    require_invalid([] { requests::rotate_webhook_secret(id, std::chrono::days(7) + 1s); });
    require_invalid([] { requests::rotate_webhook_secret(id, -1s); });
}

TEST_CASE("the nil UUID is refused as a webhook id", "[webhooks]") {
    require_invalid([] { requests::get_webhook(Uuid{}); });
}
