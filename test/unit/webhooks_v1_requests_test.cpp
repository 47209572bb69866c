// Webhooks v1 (deprecated): the model and the request builders.
#include "model_test_support.hpp"

#include <revolut/api/webhooks_v1.hpp>
#include <revolut/error.hpp>

#include <boost/json/parse.hpp>

#include <catch2/catch.hpp>

using namespace revolut;
using revolut_test::require_error;
namespace requests = revolut::detail::webhooks_v1;
using verb = boost::beast::http::verb;

TEST_CASE("the v1 webhook decodes its url", "[webhooks_v1]") {
    auto webhook = detail::decode<WebhookV1>(detail::ApiResponse{200, R"({"url": "https://www.revolut.com"})"});
    CHECK(webhook.url == "https://www.revolut.com");
    require_error([] { detail::decode<WebhookV1>(detail::ApiResponse{200, "{}"}); }, Errc::invalid_response);
    require_error([] { detail::decode<WebhookV1>(detail::ApiResponse{200, R"({"url": 5})"}); }, Errc::invalid_response);
}

TEST_CASE("v1 webhook requests use the singular 1.0 route", "[webhooks_v1]") {
    auto get = requests::get_webhook();
    CHECK(get.method == verb::get);
    CHECK(get.target == "/1.0/webhook");
    CHECK_FALSE(get.json_body);
    auto set = requests::set_up_webhook("https://example.com/hook?x=1");
    CHECK(set.method == verb::post);
    CHECK(set.target == "/1.0/webhook");
    REQUIRE(set.json_body);
    CHECK(boost::json::parse(*set.json_body) == boost::json::parse(R"({"url":"https://example.com/hook?x=1"})"));
    auto remove = requests::delete_webhook();
    CHECK(remove.method == verb::delete_);
    CHECK(remove.target == "/1.0/webhook");
}

TEST_CASE("a v1 webhook url must be an absolute https URL", "[webhooks_v1]") {
    for (const char* bad : {"http://example.com/hook", "example.com/hook", "", "https://", "ftp://x.example"}) {
        INFO(bad);
        require_error([&] { requests::set_up_webhook(bad); }, Errc::invalid_argument);
    }
}
