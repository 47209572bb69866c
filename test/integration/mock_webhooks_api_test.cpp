// revolut-mock's Webhooks v2 routes over real TLS, as the spec describes them: create, list,
// get, update, delete, rotate the signing secret, failed events; validation and limits.
// Each test starts its own server.

#include "support/raw_https.hpp"
#include "support/run_async.hpp"

#include <revolut/mock/server.hpp>

#include <boost/asio/io_context.hpp>
#include <boost/json.hpp>

#include <catch2/catch.hpp>

namespace {

namespace asio = boost::asio;
namespace http = boost::beast::http;
namespace json = boost::json;
using namespace std::chrono_literals;
using revolut::test::json_of;
using revolut::test::RawResponse;
using revolut::test::run_async;

const std::string webhooks = "/api/2.0/webhooks";

void require_error(const RawResponse& response, unsigned status, std::int64_t code) {
    INFO(response.body());
    REQUIRE(response.result_int() == status);
    REQUIRE(response[http::field::content_type] == "application/json");
    auto body = json_of(response).as_object();
    CHECK(body.at("code").as_int64() == code);
    CHECK(body.at("message").is_string());
}

// A started server, a client that trusts it, and the calls these tests repeat.
struct Harness : revolut::test::MockHarness {
    using MockHarness::MockHarness;

    asio::awaitable<void> expect_error(unsigned status, std::int64_t code, http::verb method,
                                       std::string target, std::string body = {}) {
        INFO(http::to_string(method) << " " << target << " " << body);
        require_error(co_await call(method, target, body), status, code);
    }
    asio::awaitable<json::object> create(std::string body) {
        auto response = co_await call(http::verb::post, webhooks, std::move(body));
        REQUIRE(response.result_int() == 201);
        co_return json_of(response).as_object();
    }
};

std::string str(const json::value& v) {
    return std::string(v.as_string());
}

revolut::Timestamp now() {
    return std::chrono::time_point_cast<std::chrono::microseconds>(
        std::chrono::system_clock::now());
}

}  // namespace

TEST_CASE("create_webhook answers 201 with a wsk_ secret and the default events", "[mock]") {
    run_async([](asio::io_context& ioc) -> asio::awaitable<void> {
        Harness h(ioc);
        co_await h.client.connect();
        auto created = co_await h.create(R"({"url":"https://example.com/hook"})");
        CHECK(revolut::Uuid::try_parse(str(created.at("id"))));
        CHECK(str(created.at("url")) == "https://example.com/hook");
        CHECK(created.at("events") == json::array{"TransactionCreated", "TransactionStateChanged"});
        CHECK(str(created.at("signing_secret")).starts_with("wsk_"));
        CHECK(str(created.at("signing_secret")).size() > 20);
        CHECK(created.size() == 4);

        auto chosen =
            co_await h.create(R"({"url":"https://example.com/2","events":["PayoutLinkCreated"]})");
        CHECK(chosen.at("events") == json::array{"PayoutLinkCreated"});
        CHECK(chosen.at("signing_secret") != created.at("signing_secret"));
    });
}

TEST_CASE("list omits signing secrets, get includes the current one", "[mock]") {
    run_async([](asio::io_context& ioc) -> asio::awaitable<void> {
        Harness h(ioc);
        co_await h.client.connect();
        auto empty = co_await h.call(http::verb::get, webhooks);
        CHECK(json_of(empty) == json::array{});
        auto first = co_await h.create(R"({"url":"https://a.example"})");
        auto second =
            co_await h.create(R"({"url":"https://b.example","events":["TransactionCreated"]})");

        auto list = json_of(co_await h.call(http::verb::get, webhooks)).as_array();
        REQUIRE(list.size() == 2);
        CHECK(list[0] == json::object{{"id", first.at("id")},
                                      {"url", "https://a.example"},
                                      {"events", first.at("events")}});
        CHECK(list[1].as_object().at("id") == second.at("id"));
        CHECK_FALSE(list[1].as_object().contains("signing_secret"));

        auto got = co_await h.call(http::verb::get, webhooks + "/" + str(first.at("id")));
        REQUIRE(got.result_int() == 200);
        CHECK(json_of(got) == first);
    });
}

TEST_CASE("update_webhook changes only the given fields and needs one of them", "[mock]") {
    run_async([](asio::io_context& ioc) -> asio::awaitable<void> {
        Harness h(ioc);
        co_await h.client.connect();
        auto created =
            co_await h.create(R"({"url":"https://a.example","events":["TransactionCreated"]})");
        const auto item = webhooks + "/" + str(created.at("id"));

        auto url_only = co_await h.call(http::verb::patch, item, R"({"url":"https://b.example"})");
        REQUIRE(url_only.result_int() == 200);
        CHECK(json_of(url_only) == json::object{{"id", created.at("id")},
                                                {"url", "https://b.example"},
                                                {"events", json::array{"TransactionCreated"}}});

        auto events_only =
            co_await h.call(http::verb::patch, item, R"({"events":["PayoutLinkStateChanged"]})");
        REQUIRE(events_only.result_int() == 200);
        CHECK(str(json_of(events_only).at("url")) == "https://b.example");
        CHECK(json_of(events_only).at("events") == json::array{"PayoutLinkStateChanged"});

        co_await h.expect_error(400, 3000, http::verb::patch, item, "{}");
        co_await h.expect_error(400, 3000, http::verb::patch, item,
                                R"({"url":"http://b.example"})");
        co_await h.expect_error(400, 3000, http::verb::patch, item, R"({"events":["Nope"]})");
        // Rejected updates changed nothing; the secret survives updates.
        auto after = json_of(co_await h.call(http::verb::get, item)).as_object();
        CHECK(str(after.at("url")) == "https://b.example");
        CHECK(after.at("signing_secret") == created.at("signing_secret"));
    });
}

TEST_CASE("create_webhook validates url and events", "[mock]") {
    run_async([](asio::io_context& ioc) -> asio::awaitable<void> {
        Harness h(ioc);
        co_await h.client.connect();
        co_await h.expect_error(400, 3000, http::verb::post, webhooks,
                                R"({"url":"http://example.com"})");
        co_await h.expect_error(400, 3000, http::verb::post, webhooks, R"({"url":"not a url"})");
        co_await h.expect_error(400, 3000, http::verb::post, webhooks,
                                R"({"events":["TransactionCreated"]})");
        co_await h.expect_error(400, 3000, http::verb::post, webhooks,
                                R"({"url":"https://x.example","events":["Bad"]})");
        co_await h.expect_error(400, 3000, http::verb::post, webhooks, "not json");
        const auto rejected_list = co_await h.call(http::verb::get, webhooks);
        CHECK(json_of(rejected_list) == json::array{});
    });
}

TEST_CASE("the 11th webhook is refused with 422 code 3352", "[mock]") {
    run_async([](asio::io_context& ioc) -> asio::awaitable<void> {
        Harness h(ioc);
        co_await h.client.connect();
        for (int i = 0; i < 10; ++i) co_await h.create(R"({"url":"https://example.com"})");
        co_await h.expect_error(422, 3352, http::verb::post, webhooks,
                                R"({"url":"https://example.com"})");
        const auto capped_list = co_await h.call(http::verb::get, webhooks);
        CHECK(json_of(capped_list).as_array().size() == 10);
    });
}

TEST_CASE("delete answers 204 without a body, then the webhook is not found", "[mock]") {
    run_async([](asio::io_context& ioc) -> asio::awaitable<void> {
        Harness h(ioc);
        co_await h.client.connect();
        auto created = co_await h.create(R"({"url":"https://example.com"})");
        const auto item = webhooks + "/" + str(created.at("id"));

        auto deleted = co_await h.call(http::verb::delete_, item);
        CHECK(deleted.result_int() == 204);
        CHECK(deleted.body().empty());
        co_await h.expect_error(404, 3040, http::verb::get, item);
        co_await h.expect_error(404, 3040, http::verb::delete_, item);
        co_await h.expect_error(404, 3040, http::verb::patch, item,
                                R"({"url":"https://x.example"})");
        co_await h.expect_error(404, 3040, http::verb::get, webhooks + "/not-a-uuid");
        co_await h.expect_error(404, 3040, http::verb::get, item + "/failed-events");
        co_await h.expect_error(404, 3040, http::verb::post, item + "/rotate-signing-secret", "{}");
    });
}

TEST_CASE("rotating with P1D keeps the old secret valid, P0D replaces it", "[mock]") {
    run_async([](asio::io_context& ioc) -> asio::awaitable<void> {
        Harness h(ioc);
        co_await h.client.connect();
        auto created = co_await h.create(R"({"url":"https://example.com"})");
        const auto id = revolut::Uuid(str(created.at("id")));
        const auto rotate = webhooks + "/" + id.to_string() + "/rotate-signing-secret";
        const auto first = str(created.at("signing_secret"));

        auto kept = co_await h.call(http::verb::post, rotate, R"({"expiration_period":"P1D"})");
        REQUIRE(kept.result_int() == 200);
        const auto second = str(json_of(kept).at("signing_secret"));
        CHECK(second.starts_with("wsk_"));
        CHECK(second != first);
        CHECK(json_of(kept).at("id") == created.at("id"));
        CHECK(h.server.valid_signing_secrets(id) == std::vector<std::string>{second, first});

        auto replaced = co_await h.call(http::verb::post, rotate, "{}");
        REQUIRE(replaced.result_int() == 200);
        const auto third = str(json_of(replaced).at("signing_secret"));
        // `second` is gone at once; `first` keeps its own one-day grace period.
        CHECK(h.server.valid_signing_secrets(id) == std::vector<std::string>{third, first});
        const auto current = co_await h.call(http::verb::get, webhooks + "/" + id.to_string());
        CHECK(str(json_of(current).at("signing_secret")) == third);

        const auto third_active =
            co_await h.call(http::verb::post, rotate, R"({"expiration_period":"PT5H30M"})");
        CHECK(third_active.result_int() == 200);
        CHECK(h.server.valid_signing_secrets(id).size() == 3);
        co_await h.expect_error(422, 3355, http::verb::post, rotate,
                                R"({"expiration_period":"PT1H"})");
        CHECK(h.server.valid_signing_secrets(id).size() == 3);

        co_await h.expect_error(400, 2101, http::verb::post, rotate,
                                R"({"expiration_period":"P8D"})");
        co_await h.expect_error(400, 2101, http::verb::post, rotate,
                                R"({"expiration_period":"soon"})");
        co_await h.expect_error(400, 3000, http::verb::post, rotate);
        CHECK(h.server.valid_signing_secrets(revolut::Uuid::random()).empty());
    });
}

TEST_CASE("failed events come newest first, honouring limit and created_before", "[mock]") {
    run_async([](asio::io_context& ioc) -> asio::awaitable<void> {
        Harness h(ioc);
        co_await h.client.connect();
        auto created = co_await h.create(R"({"url":"https://example.com/hook"})");
        const auto id = revolut::Uuid(str(created.at("id")));
        const auto t = now();
        for (int hours : {3, 1, 5, 2, 4}) {
            h.server.add_failed_event(id, t - std::chrono::hours(hours),
                                      json::object{{"event", "TransactionCreated"}, {"n", hours}});
        }
        const auto events = webhooks + "/" + id.to_string() + "/failed-events";
        auto n_of = [](const json::value& item) { return item.at("payload").at("n").as_int64(); };

        auto all = json_of(co_await h.call(http::verb::get, events)).as_array();
        REQUIRE(all.size() == 5);
        for (std::size_t i = 0; i < all.size(); ++i) CHECK(n_of(all[i]) == static_cast<int>(i) + 1);
        const auto& item = all[0].as_object();
        for (auto field : {"id", "created_at", "updated_at", "webhook_id", "webhook_url", "payload",
                           "last_sent_date"}) {
            CHECK(item.contains(field));
        }
        CHECK(item.at("webhook_id") == created.at("id"));
        CHECK(str(item.at("webhook_url")) == "https://example.com/hook");
        CHECK(str(item.at("created_at")).ends_with("Z"));
        CHECK(revolut::parse_timestamp(str(item.at("created_at"))) == t - 1h);

        auto two = json_of(co_await h.call(http::verb::get, events + "?limit=2")).as_array();
        REQUIRE(two.size() == 2);
        CHECK(n_of(two[1]) == 2);
        // The next page starts strictly before the last item's created_at.
        auto page = json_of(co_await h.call(http::verb::get, events + "?limit=2&created_before=" +
                                                                 str(two[1].at("created_at"))))
                        .as_array();
        REQUIRE(page.size() == 2);
        CHECK(n_of(page[0]) == 3);
        CHECK(n_of(page[1]) == 4);

        for (auto bad : {"?limit=0", "?limit=1001", "?limit=ten", "?created_before=yesterday",
                         "?created_before=2000-01-01T00:00:00Z"}) {
            co_await h.expect_error(400, 2101, http::verb::get, events + bad);
        }
        auto old = revolut::format_timestamp(t - std::chrono::days(20));
        const auto too_old_page =
            co_await h.call(http::verb::get, events + "?created_before=" + old);
        CHECK(json_of(too_old_page) == json::array{});
    });
}
