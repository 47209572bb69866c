// The four Payout links methods against revolut-mock over real TLS: states, idempotency under
// retry, webhook events and pagination.
#include "support/expect.hpp"
#include "support/faults.hpp"
#include "support/mock_client.hpp"
#include "support/raw_https.hpp"
#include "support/run_async.hpp"

#include <revolut/api/payout_links.hpp>
#include <revolut/api/webhooks.hpp>
#include <revolut/client.hpp>
#include <revolut/mock/server.hpp>
#include <revolut/webhook/events.hpp>

#include <boost/asio/steady_timer.hpp>
#include <boost/json/object.hpp>

#include <catch2/catch.hpp>

#include <functional>
#include <set>

using namespace revolut;
using namespace std::chrono_literals;
namespace asio = boost::asio;
using revolut::test::run_async;

using revolut::test::expect_api_error;

namespace {

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

Timestamp minutes_ago(int minutes) {
    return std::chrono::time_point_cast<std::chrono::microseconds>(std::chrono::system_clock::now()) -
           std::chrono::minutes(minutes);
}

// Seeds a link on `account` at `created_at`, in `state`; returns its id.
Uuid seed_link(mock::Server& server, const Uuid& account, Timestamp created_at, const char* state, int n) {
    boost::json::object data{{"counterparty_name", "Payee " + std::to_string(n)},
                             {"request_id", "seed-" + std::to_string(n)},
                             {"account_id", account.to_string()},
                             {"amount", 10 + n},
                             {"currency", "GBP"},
                             {"reference", "Seeded"},
                             {"state", state},
                             {"created_at", format_timestamp(created_at)}};
    return Uuid(server.seed("payout_link", data).at("id").as_string());
}

}  // namespace

TEST_CASE("payout links: create, get, list, cancel", "[integration][payout_links]") {
    run_async([](asio::io_context& ioc) -> asio::awaitable<void> {
        mock::Server server(ioc.get_executor());
        server.start();
        const Uuid account = server.add_account("Payouts", "GBP", Decimal::parse("1000.00"));
        AsyncClient client(ioc.get_executor(), revolut::test::options_for(server));
        co_await client.session([&]() -> asio::awaitable<void> {
            auto links = client.payout_links();
            std::vector<OpenEnum<PayoutMethod>> methods{PayoutMethod::revolut, PayoutMethod::card};
            std::optional<std::chrono::seconds> three_days = std::chrono::days(3);
            auto link = co_await links.create_payout_link("Priya Nandakumar", account, Decimal::parse("105.60"), "GBP",
                                                          "Rent March", methods, true, three_days,
                                                          std::string("property_rental"));
            CHECK(link.state == PayoutLinkState::active);
            CHECK(Uuid::try_parse(link.request_id));  // generated for the call and shown on the result
            CHECK(link.amount.to_string() == "105.60");
            CHECK(link.currency == "GBP");
            CHECK(link.account_id == account);
            CHECK(link.counterparty_name == "Priya Nandakumar");
            CHECK(link.reference == "Rent March");
            CHECK(link.save_counterparty == true);
            CHECK(link.transfer_reason_code == "property_rental");
            REQUIRE(link.payout_methods.size() == 2);
            CHECK(link.payout_methods[1] == PayoutMethod::card);
            REQUIRE(link.url);
            CHECK(link.url->starts_with("https://"));
            REQUIRE(link.expiry_date);
            CHECK(*link.expiry_date - link.created_at == std::chrono::days(3));

            auto fetched = co_await links.get_payout_link(link.id);
            CHECK(fetched.id == link.id);
            CHECK(fetched.request_id == link.request_id);
            std::vector<OpenEnum<PayoutLinkState>> active_only{PayoutLinkState::active};
            auto active = co_await links.get_all_payout_links(active_only);
            REQUIRE(active.size() == 1);
            CHECK(active[0].id == link.id);

            co_await links.cancel_payout_link(link.id);
            auto cancelled = co_await links.get_payout_link(link.id);
            CHECK(cancelled.state == PayoutLinkState::cancelled);
            CHECK_FALSE(cancelled.url);  // only active links have one
            CHECK(cancelled.updated_at >= link.updated_at);
            auto still_active = co_await links.get_all_payout_links(active_only);
            CHECK(still_active.empty());
            auto again = co_await expect_api_error(links.cancel_payout_link(link.id), Errc::bad_request);
            CHECK(again.status() == 400);
            auto unknown = co_await expect_api_error(links.get_payout_link(Uuid::random()), Errc::not_found);
            CHECK(unknown.api_code() == 3006);
            co_await expect_api_error(links.cancel_payout_link(Uuid::random()), Errc::not_found);

            // The server's defaults: revolut and bank_account, seven days.
            auto plain = co_await links.create_payout_link("Li Wei", account, Decimal(15), "GBP", "meal");
            REQUIRE(plain.payout_methods.size() == 2);
            CHECK(plain.payout_methods[0] == PayoutMethod::revolut);
            CHECK(plain.payout_methods[1] == PayoutMethod::bank_account);
            CHECK(*plain.expiry_date - plain.created_at == std::chrono::days(7));
            CHECK(plain.save_counterparty == false);
        });
    });
}

TEST_CASE("payout links: the same request_id never creates a second link", "[integration][payout_links]") {
    run_async([](asio::io_context& ioc) -> asio::awaitable<void> {
        mock::Server server(ioc.get_executor());
        server.start();
        const Uuid account = server.add_account("Payouts", "GBP", Decimal::parse("1000.00"));
        AsyncClient client(ioc.get_executor(), revolut::test::options_for(server));
        co_await client.session([&]() -> asio::awaitable<void> {
            auto links = client.payout_links();
            std::vector<OpenEnum<PayoutMethod>> none;
            std::optional<std::string> key = std::string("order-7781");
            auto first = co_await links.create_payout_link("Li Wei", account, Decimal(15), "GBP", "meal", none,
                                                           std::nullopt, std::nullopt, std::nullopt, key);
            auto second = co_await links.create_payout_link("Li Wei", account, Decimal(15), "GBP", "meal", none,
                                                            std::nullopt, std::nullopt, std::nullopt, key);
            CHECK(first.request_id == "order-7781");
            CHECK(second.id == first.id);

            // The server acts but the answer is lost: the client resends the same call with the
            // key it generated, and the server answers with the link it made the first time.
            server.set_fault(boost::beast::http::verb::post, "/api/1.0/payout-links", revolut::test::reset_mid_body());
            auto retried = co_await links.create_payout_link("Oren Balfour", account, Decimal::parse("20.00"), "GBP",
                                                             "lunch");
            auto all = co_await links.get_all_payout_links();
            REQUIRE(all.size() == 2);
            CHECK(all[0].id == retried.id);
            CHECK(all[0].request_id == retried.request_id);
            CHECK(Uuid::try_parse(retried.request_id));
            CHECK(server.stats().faults_applied == 1);
        });
    });
}

TEST_CASE("payout links: the server checks account, currency, amount and expiry", "[integration][payout_links]") {
    run_async([](asio::io_context& ioc) -> asio::awaitable<void> {
        mock::Server server(ioc.get_executor());
        server.start();
        const Uuid account = server.add_account("Payouts", "GBP", Decimal::parse("1000.00"));
        AsyncClient client(ioc.get_executor(), revolut::test::options_for(server));
        co_await client.session([&]() -> asio::awaitable<void> {
            auto links = client.payout_links();
            co_await expect_api_error(links.create_payout_link("Li Wei", Uuid::random(), Decimal(15), "GBP", "meal"),
                                      Errc::not_found);
            auto currency = co_await expect_api_error(
                links.create_payout_link("Li Wei", account, Decimal(15), "EUR", "meal"), Errc::bad_request);
            CHECK(currency.api_code() == 3000);
            co_await expect_api_error(links.create_payout_link("Li Wei", account, Decimal(2501), "GBP", "meal"),
                                      Errc::bad_request);
            co_await expect_api_error(
                links.create_payout_link("Li Wei", account, Decimal::parse("0.99"), "GBP", "meal"), Errc::bad_request);
            auto none = co_await links.get_all_payout_links();
            CHECK(none.empty());

            // Refused locally: nothing is sent.
            auto before = server.stats().requests;
            std::vector<OpenEnum<PayoutMethod>> methods;
            std::optional<std::chrono::seconds> eight_days = std::chrono::days(8);
            try {
                co_await links.create_payout_link("Li Wei", account, Decimal(15), "GBP", "meal", methods, std::nullopt,
                                                  eight_days);
                FAIL("accepted");
            } catch (const Error& e) {
                CHECK(e.code() == Errc::invalid_argument);
            }
            CHECK(server.stats().requests == before);
        });
    });
}

TEST_CASE("payout links: creation and cancellation fire webhook events", "[integration][payout_links]") {
    run_async([](asio::io_context& ioc) -> asio::awaitable<void> {
        mock::Server server(ioc.get_executor());
        server.start();
        const Uuid account = server.add_account("Payouts", "GBP", Decimal::parse("1000.00"));
        revolut::test::RecordingReceiver receiver(ioc.get_executor(), server.issue_certificate({"127.0.0.1"}));
        AsyncClient client(ioc.get_executor(), revolut::test::options_for(server));
        co_await client.session([&]() -> asio::awaitable<void> {
            std::vector<WebhookEvent> events{WebhookEventType::PayoutLinkCreated,
                                             WebhookEventType::PayoutLinkStateChanged};
            co_await client.webhooks().create_webhook(receiver.url(), events);
            auto link = co_await client.payout_links().create_payout_link("Li Wei", account, Decimal(15), "GBP", "meal");
            co_await client.payout_links().cancel_payout_link(link.id);
            const bool arrived = co_await eventually([&] { return receiver.requests().size() == 3; }, 5s);
            REQUIRE(arrived);

            bool saw_created = false;
            std::set<std::pair<std::string, std::string>> transitions;
            for (const auto& request : receiver.requests()) {
                auto event = webhook::parse_event(request.body());
                if (auto* created = std::get_if<webhook::PayoutLinkCreated>(&event.data)) {
                    saw_created = true;
                    CHECK(created->id == link.id.to_string());
                    CHECK(created->request_id == link.request_id);
                } else if (auto* changed = std::get_if<webhook::PayoutLinkStateChanged>(&event.data)) {
                    CHECK(changed->id == link.id.to_string());
                    transitions.emplace(changed->old_state.str(), changed->new_state.str());
                }
            }
            CHECK(saw_created);
            const std::set<std::pair<std::string, std::string>> expected{{"created", "active"},
                                                                         {"active", "cancelled"}};
            CHECK(transitions == expected);
        });
    });
}

TEST_CASE("payout links: iterate_payout_links pages across shared timestamps", "[integration][payout_links]") {
    run_async([](asio::io_context& ioc) -> asio::awaitable<void> {
        mock::Server server(ioc.get_executor());
        server.start();
        const Uuid account = server.add_account("Payouts", "GBP", Decimal::parse("1000.00"));
        // Oldest to newest: two at -50 min, three at -40 (one processed), one at -30, two at -20.
        const std::vector<int> ages{50, 50, 40, 40, 40, 30, 20, 20};
        std::vector<Uuid> ids;
        const auto base = minutes_ago(0);
        for (std::size_t i = 0; i < ages.size(); ++i)
            ids.push_back(seed_link(server, account, base - std::chrono::minutes(ages[i]), i == 3 ? "processed" : "active",
                                    static_cast<int>(i)));
        AsyncClient client(ioc.get_executor(), revolut::test::options_for(server));
        co_await client.session([&]() -> asio::awaitable<void> {
            auto links = client.payout_links();
            for (int page_size : {1, 2, 3, 8}) {
                INFO("page size " << page_size);
                auto pages = links.iterate_payout_links({}, std::nullopt, page_size);
                std::vector<Uuid> seen;
                while (auto page = co_await pages.next_page())
                    for (const auto& l : *page) seen.push_back(l.id);
                REQUIRE(seen.size() == ids.size());
                CHECK(std::set<Uuid>(seen.begin(), seen.end()).size() == ids.size());
                CHECK(seen.front() == ids.back());
            }
            std::vector<OpenEnum<PayoutLinkState>> processed{PayoutLinkState::processed};
            auto only_processed = links.iterate_payout_links(processed, std::nullopt, 1);
            auto first = co_await only_processed.next();
            REQUIRE(first);
            CHECK(first->id == ids[3]);
            CHECK(first->state == PayoutLinkState::processed);
            auto end = co_await only_processed.next();
            CHECK_FALSE(end);

            // A claimed link cannot be cancelled.
            auto claimed = co_await expect_api_error(links.cancel_payout_link(ids[3]), Errc::bad_request);
            CHECK(claimed.api_code() == 3000);

            std::vector<OpenEnum<PayoutLinkState>> any_state;
            std::optional<CreatedBefore> forty_ago = CreatedBefore(base - std::chrono::minutes(40));
            auto page = co_await links.get_all_payout_links(any_state, forty_ago, 1000);
            CHECK(page.size() == 2);  // created_before is exclusive
            auto capped = links.iterate_payout_links({}, std::nullopt, 3, 4);
            std::size_t count = 0;
            while (auto l = co_await capped.next()) ++count;
            CHECK(count == 4);
        });
    });
}
