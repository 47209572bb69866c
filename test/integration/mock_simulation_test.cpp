// revolut-mock's accounts, transactions and sandbox simulations: exact balances, top-ups,
// state changes by the spec's rules, and the webhook events they fire.

#include "json/exact_json.hpp"
#include "support/raw_https.hpp"
#include "support/run_async.hpp"

#include <revolut/mock/server.hpp>
#include <revolut/webhook/events.hpp>
#include <revolut/webhook/verify.hpp>

#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/json.hpp>

#include <catch2/catch.hpp>

#include <array>
#include <functional>
#include <string>
#include <vector>

namespace {

namespace asio = boost::asio;
namespace http = boost::beast::http;
namespace json = boost::json;
namespace webhook = revolut::webhook;
using namespace std::chrono_literals;
using revolut::Decimal;
using revolut::TransactionState;
using revolut::test::MockHarness;
using revolut::test::RawResponse;
using revolut::test::RecordingReceiver;
using revolut::test::run_async;

const std::string accounts = "/api/1.0/accounts";
const std::string topup = "/api/1.0/sandbox/topup";
const std::string transactions = "/api/1.0/transactions";

// Parsed with the library's exact parser, so amounts keep their digits.
json::value exact(const RawResponse& response) {
    boost::system::error_code ec;
    auto value = revolut::detail::parse_json_exact(response.body(), ec);
    INFO(response.body());
    REQUIRE_FALSE(ec);
    return value;
}

Decimal amount(const json::value& v) {
    auto d = revolut::decimal_from_json(v);
    REQUIRE(d);
    return *d;
}

std::string str(const json::value& v) {
    return std::string(v.as_string());
}

void require_error(const RawResponse& response, unsigned status, std::int64_t code) {
    INFO(response.body());
    REQUIRE(response.result_int() == status);
    CHECK(json::parse(response.body()).at("code").as_int64() == code);
}

asio::awaitable<bool> eventually(std::function<bool()> done, std::chrono::milliseconds limit) {
    asio::steady_timer timer(co_await asio::this_coro::executor);
    const auto deadline = std::chrono::steady_clock::now() + limit;
    while (!done()) {
        if (std::chrono::steady_clock::now() >= deadline) co_return false;
        timer.expires_after(5ms);
        co_await timer.async_wait(asio::use_awaitable);
    }
    co_return true;
}

// A top-up request body; `amount_text` goes in verbatim, as a JSON number.
std::string topup_body(const revolut::Uuid& account, std::string_view amount_text,
                       std::string_view currency = "GBP", std::string_view extra = "") {
    return R"({"account_id":")" + account.to_string() + R"(","amount":)" + std::string(amount_text) +
           R"(,"currency":")" + std::string(currency) + "\"" + std::string(extra) + "}";
}

asio::awaitable<json::object> post_topup(MockHarness& h, std::string body) {
    auto response = co_await h.call(http::verb::post, topup, std::move(body));
    INFO(response.body());
    REQUIRE(response.result_int() == 200);
    co_return exact(response).as_object();
}

asio::awaitable<json::object> get_object(MockHarness& h, std::string target) {
    auto response = co_await h.call(http::verb::get, std::move(target));
    INFO(response.body());
    REQUIRE(response.result_int() == 200);
    co_return exact(response).as_object();
}

}  // namespace

TEST_CASE("the emulator starts with a GBP and a EUR main account, balances exact",
          "[mock][simulation]") {
    run_async([](asio::io_context& ioc) -> asio::awaitable<void> {
        MockHarness h(ioc);
        co_await h.client.connect();
        auto response = co_await h.call(http::verb::get, accounts);
        REQUIRE(response.result_int() == 200);
        CHECK(response.body().find(R"("balance":12500.00)") != std::string::npos);
        const auto list = exact(response).as_array();
        REQUIRE(list.size() == 2);
        std::vector<std::string> currencies;
        for (const auto& item : list) {
            const auto& account = item.as_object();
            CHECK(account.size() == 8);
            CHECK(revolut::Uuid::try_parse(str(account.at("id"))));
            CHECK(str(account.at("name")) == "Main");
            CHECK(str(account.at("state")) == "active");
            CHECK(account.at("public") == false);
            CHECK(str(account.at("created_at")).ends_with("Z"));
            CHECK(amount(account.at("balance")).signum() > 0);
            currencies.push_back(str(account.at("currency")));
        }
        CHECK(currencies == std::vector<std::string>{"GBP", "EUR"});

        const auto first = co_await get_object(h, accounts + "/" + str(list[0].at("id")));
        CHECK(first == list[0].as_object());
        auto unknown = co_await h.call(http::verb::get,
                                       accounts + "/" + revolut::Uuid::random().to_string());
        require_error(unknown, 404, 404);
        auto no_token = co_await h.client.send(h.client.make_request(http::verb::get, accounts));
        CHECK(no_token.result_int() == 401);
    });
}

TEST_CASE("top-ups credit the account exactly: 0.1 + 0.2 == 0.3", "[mock][simulation]") {
    run_async([](asio::io_context& ioc) -> asio::awaitable<void> {
        MockHarness h(ioc);
        co_await h.client.connect();
        const auto account = h.server.add_account("Savings", "GBP", Decimal::parse("0"));

        const auto first = co_await post_topup(h, topup_body(account, "0.1"));
        CHECK(first.size() == 4);
        CHECK(str(first.at("state")) == "completed");
        CHECK(first.at("completed_at") == first.at("created_at"));
        const auto second =
            co_await post_topup(h, topup_body(account, "0.2", "GBP", R"(,"reference":"second")"));
        CHECK(str(second.at("id")) != str(first.at("id")));

        auto response = co_await h.call(http::verb::get, accounts + "/" + account.to_string());
        CHECK(response.body().find(R"("balance":0.3)") != std::string::npos);
        CHECK(amount(exact(response).at("balance")) == Decimal::parse("0.3"));

        // Both are transactions of the account, newest first.
        auto listed = co_await h.call(http::verb::get, transactions + "?account=" + account.to_string());
        REQUIRE(listed.result_int() == 200);
        const auto list = exact(listed).as_array();
        REQUIRE(list.size() == 2);
        const auto& newest = list[0].as_object();
        CHECK(newest.at("id") == second.at("id"));
        CHECK(str(newest.at("type")) == "topup");
        CHECK(str(newest.at("state")) == "completed");
        CHECK(str(newest.at("reference")) == "second");
        CHECK(str(list[1].at("reference")) == "Test Top-up");  // the spec's default
        const auto& leg = newest.at("legs").as_array().at(0).as_object();
        CHECK(str(leg.at("account_id")) == account.to_string());
        CHECK(str(leg.at("currency")) == "GBP");
        CHECK(amount(leg.at("amount")) == Decimal::parse("0.2"));
        CHECK(amount(leg.at("balance")) == Decimal::parse("0.3"));
        CHECK(amount(list[1].at("legs").at(0).at("balance")) == Decimal::parse("0.1"));

        const auto one = co_await get_object(h, "/api/1.0/transaction/" + str(first.at("id")));
        CHECK(one == list[1].as_object());
        auto limited = co_await h.call(http::verb::get, transactions + "?count=1&type=topup&state=completed");
        CHECK(exact(limited).as_array().size() == 1);
        auto none = co_await h.call(http::verb::get, transactions + "?state=pending&state=failed");
        CHECK(exact(none).as_array().empty());
    });
}

TEST_CASE("a top-up fires TransactionCreated carrying the transaction", "[mock][simulation]") {
    run_async([](asio::io_context& ioc) -> asio::awaitable<void> {
        MockHarness h(ioc);
        co_await h.client.connect();
        RecordingReceiver receiver(ioc.get_executor(), h.server.issue_certificate({"127.0.0.1"}));
        const json::object subscription{{"url", receiver.url()},
                                        {"events", json::array{"TransactionCreated",
                                                               "TransactionStateChanged"}}};
        auto created = co_await h.call(http::verb::post, "/api/2.0/webhooks",
                                       json::serialize(subscription));
        REQUIRE(created.result_int() == 201);
        const std::string secret(json::parse(created.body()).at("signing_secret").as_string());
        const auto account = h.server.add_account("Events", "EUR", Decimal::parse("100.00"));

        const auto result = co_await post_topup(h, topup_body(account, "19.99", "EUR"));
        const bool arrived = co_await eventually([&] { return receiver.requests().size() == 1; }, 5s);
        REQUIRE(arrived);
        const auto& request = receiver.requests()[0];
        const std::vector<std::string> secrets{secret};
        CHECK_FALSE(webhook::verify_signature(request.body(), request[webhook::signature_header],
                                              request[webhook::timestamp_header], secrets));
        const auto event = webhook::parse_event(request.body());
        CHECK(event.event == revolut::WebhookEventType::TransactionCreated);
        const auto& t = std::get<webhook::TransactionCreated>(event.data);
        CHECK(t.id == str(result.at("id")));
        CHECK(t.type == revolut::TransactionType::topup);
        CHECK(t.state == TransactionState::completed);
        REQUIRE(t.legs.size() == 1);
        CHECK(t.legs[0].amount == Decimal::parse("19.99"));
        CHECK(t.legs[0].balance == Decimal::parse("119.99"));
        // The event's data is the transaction as the API shows it.
        const auto shown = co_await get_object(h, "/api/1.0/transaction/" + t.id);
        CHECK(shown == event.raw_json().at("data").as_object());
    });
}

TEST_CASE("a pending top-up credits nothing until completed, every change fires an event",
          "[mock][simulation]") {
    run_async([](asio::io_context& ioc) -> asio::awaitable<void> {
        MockHarness h(ioc);
        co_await h.client.connect();
        RecordingReceiver receiver(ioc.get_executor(), h.server.issue_certificate({"127.0.0.1"}));
        const json::object subscription{{"url", receiver.url()},
                                        {"events", json::array{"TransactionStateChanged"}}};
        auto created = co_await h.call(http::verb::post, "/api/2.0/webhooks",
                                       json::serialize(subscription));
        REQUIRE(created.result_int() == 201);
        const auto account = h.server.add_account("Pending", "GBP", Decimal::parse("5"));
        const auto balance = [&]() -> asio::awaitable<Decimal> {
            const auto shown = co_await get_object(h, accounts + "/" + account.to_string());
            co_return amount(shown.at("balance"));
        };

        const auto pending = co_await post_topup(h, topup_body(account, "2.50", "GBP", R"(,"state":"pending")"));
        CHECK(str(pending.at("state")) == "pending");
        CHECK_FALSE(pending.contains("completed_at"));
        const auto id = str(pending.at("id"));
        const auto unchanged = co_await balance();
        CHECK(unchanged == Decimal::parse("5"));

        auto completed = co_await h.call(http::verb::post, "/api/1.0/sandbox/transactions/" + id + "/complete");
        REQUIRE(completed.result_int() == 200);
        CHECK(str(exact(completed).at("state")) == "completed");
        CHECK(exact(completed).as_object().contains("completed_at"));
        const auto credited = co_await balance();
        CHECK(credited == Decimal::parse("7.50"));
        const auto shown = co_await get_object(h, "/api/1.0/transaction/" + id);
        CHECK(str(shown.at("state")) == "completed");
        CHECK(amount(shown.at("legs").at(0).at("balance")) == Decimal::parse("7.50"));

        const bool changed = co_await eventually([&] { return receiver.requests().size() == 1; }, 5s);
        REQUIRE(changed);
        const auto event = webhook::parse_event(receiver.requests()[0].body());
        const auto& change = std::get<webhook::TransactionStateChanged>(event.data);
        CHECK(change.id == id);
        CHECK(change.old_state == TransactionState::pending);
        CHECK(change.new_state == TransactionState::completed);

        // The resulting state is final.
        auto again = co_await h.call(http::verb::post, "/api/1.0/sandbox/transactions/" + id + "/revert");
        require_error(again, 400, 3000);

        // Declined, failed and reverted ones never touch the balance.
        const std::array<std::pair<std::string, std::string>, 3> endings{
            {{"decline", "declined"}, {"fail", "failed"}, {"revert", "reverted"}}};
        for (const auto& [action, state] : endings) {
            const auto other = co_await post_topup(h, topup_body(account, "1", "GBP", R"(,"state":"pending")"));
            auto ended = co_await h.call(http::verb::post, "/api/1.0/sandbox/transactions/" +
                                                              str(other.at("id")) + "/" + action);
            REQUIRE(ended.result_int() == 200);
            CHECK(str(exact(ended).at("state")) == state);
            CHECK_FALSE(exact(ended).as_object().contains("completed_at"));
        }
        const auto final_balance = co_await balance();
        CHECK(final_balance == Decimal::parse("7.50"));
        const bool all_changes = co_await eventually([&] { return receiver.requests().size() == 4; }, 5s);
        CHECK(all_changes);
        auto failed_list = co_await h.call(http::verb::get, transactions + "?state=failed&state=declined");
        CHECK(exact(failed_list).as_array().size() == 2);

        // A top-up created as failed never credits either.
        const auto born_failed =
            co_await post_topup(h, topup_body(account, "3", "GBP", R"(,"state":"failed")"));
        CHECK(str(born_failed.at("state")) == "failed");
        const auto still = co_await balance();
        CHECK(still == Decimal::parse("7.50"));
    });
}

TEST_CASE("simulations and transaction queries refuse bad input", "[mock][simulation]") {
    run_async([](asio::io_context& ioc) -> asio::awaitable<void> {
        MockHarness h(ioc);
        co_await h.client.connect();
        const auto gbp = h.server.add_account("Checks", "GBP", Decimal::parse("1"));
        const auto g = gbp.to_string();
        const std::vector<std::string> bad_bodies{
            "not json",
            R"({"amount":1,"currency":"GBP"})",                                  // no account
            R"({"account_id":"nope","amount":1,"currency":"GBP"})",              // not a UUID
            topup_body(gbp, "0"),                                                // not positive
            topup_body(gbp, "-1"),
            topup_body(gbp, "10000.01"),                                         // above the cap
            R"({"account_id":")" + g + R"(","amount":"1","currency":"GBP"})",    // a string
            topup_body(gbp, "1", "gbp"),                                         // not ISO 4217
            topup_body(gbp, "1", "EUR"),                                         // not the account's
            topup_body(gbp, "1", "GBP", R"(,"state":"declined")"),               // not allowed
            topup_body(gbp, "1", "GBP", R"(,"reference":1.5)"),
        };
        for (const auto& body : bad_bodies) {
            INFO(body);
            auto refused = co_await h.call(http::verb::post, topup, body);
            require_error(refused, 400, 3000);
        }
        const auto max = co_await post_topup(h, topup_body(gbp, "10000"));
        CHECK(str(max.at("state")) == "completed");

        auto unknown_account =
            co_await h.call(http::verb::post, topup, topup_body(revolut::Uuid::random(), "1"));
        require_error(unknown_account, 404, 404);
        const auto unknown_tx = "/api/1.0/sandbox/transactions/" + revolut::Uuid::random().to_string();
        auto unknown_complete = co_await h.call(http::verb::post, unknown_tx + "/complete");
        require_error(unknown_complete, 404, 404);
        auto bad_action = co_await h.call(http::verb::post,
                                          "/api/1.0/sandbox/transactions/" + str(max.at("id")) + "/explode");
        require_error(bad_action, 404, 404);
        auto unknown_get = co_await h.call(http::verb::get, "/api/1.0/transaction/nope");
        require_error(unknown_get, 404, 404);

        const std::vector<std::string> bad_queries{"?count=0", "?count=1001", "?count=x",
                                                   "?from=yesterday", "?type=gift",
                                                   "?state=lost", "?account=nope",
                                                   "?request_id=abc"};
        for (const auto& query : bad_queries) {
            INFO(query);
            auto refused = co_await h.call(http::verb::get, transactions + query);
            require_error(refused, 400, 3000);
        }
        CHECK(h.server.stats().deliveries_attempted == 0);  // nobody subscribed
    });
}
