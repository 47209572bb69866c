// Cards against revolut-mock: production only (refused in sandbox mode without a request),
// idempotent creation under retry, the server's error codes, raw JSON, and paging across
// cards that share a created_at.
#include "cards_support.hpp"
#include "support/expect.hpp"
#include "support/faults.hpp"
#include "support/mock_client.hpp"
#include "support/run_async.hpp"

#include <revolut/api/cards.hpp>
#include <revolut/api/team_members.hpp>
#include <revolut/client.hpp>
#include <revolut/mock/server.hpp>

#include <boost/asio/use_awaitable.hpp>

#include <catch2/catch.hpp>

#include <algorithm>
#include <set>

using namespace revolut;
namespace asio = boost::asio;
using revolut::test::run_async;
using verb = boost::beast::http::verb;

using revolut::test::card_for;
using revolut::test::expect_api_error;
using revolut::test::owner_id;
using revolut::test::expect_refused_in_sandbox;

TEST_CASE("cards are refused on a sandbox client, and nothing is sent", "[integration][cards]") {
    run_async([](asio::io_context& ioc) -> asio::awaitable<void> {
        mock::Server server(ioc.get_executor());
        server.start();
        AsyncClient client(ioc.get_executor(), revolut::test::options_for(server));  // sandbox = true
        REQUIRE(client.options().sandbox);
        co_await client.open();
        const auto before = server.stats().requests;
        auto cards = client.cards();
        const Uuid id = Uuid::random();
        UpdateCardRequest update;
        update.label = "x";
        std::vector<Uuid> contacts{Uuid::random()};
        std::vector<CardReference> refs{{"a", "b"}};
        co_await expect_refused_in_sandbox(cards.get_all_cards());
        co_await expect_refused_in_sandbox(cards.get_card(id));
        co_await expect_refused_in_sandbox(cards.get_card_sensitive_details(id));
        co_await expect_refused_in_sandbox(cards.create_card(card_for(Uuid::random())));
        co_await expect_refused_in_sandbox(cards.freeze_card(id));
        co_await expect_refused_in_sandbox(cards.unfreeze_card(id));
        co_await expect_refused_in_sandbox(cards.update_card(id, update));
        co_await expect_refused_in_sandbox(cards.delete_card(id));
        co_await expect_refused_in_sandbox(cards.update_card_contacts(id, contacts));
        co_await expect_refused_in_sandbox(cards.update_card_references(id, refs));
        co_await expect_refused_in_sandbox(cards.lock_card(id));
        co_await expect_refused_in_sandbox(cards.unlock_card(id));
        CHECK(server.stats().requests == before);
        co_await client.close();
    });
}

TEST_CASE("create_card is idempotent: a lost response is retried with the same request_id, one card is made",
          "[integration][cards]") {
    run_async([](asio::io_context& ioc) -> asio::awaitable<void> {
        mock::Server server(ioc.get_executor());
        server.start();
        AsyncClient client(ioc.get_executor(), revolut::test::production_options_for(server));
        co_await client.open();
        const Uuid holder = co_await owner_id(client);
        // The card is created, then the response is cut off: the client retries.
        server.set_fault(verb::post, "/api/1.0/cards", revolut::test::reset_mid_body());
        const auto before = server.stats().requests;
        auto created = co_await client.cards().create_card(card_for(holder));
        CHECK(server.stats().requests - before == 2);  // the cut-off attempt and its retry
        auto all = co_await client.cards().get_all_cards();
        REQUIRE(all.size() == 1);
        CHECK(all[0].id == created.id);
        CHECK(created.request_id.size() == 36);

        // The caller's own key: the same request twice is the same card.
        auto first = co_await client.cards().create_card(card_for(holder), std::string("card-retry-1"));
        auto again = co_await client.cards().create_card(card_for(holder), std::string("card-retry-1"));
        CHECK(first.request_id == "card-retry-1");
        CHECK(again.id == first.id);
        auto now_two = co_await client.cards().get_all_cards();
        CHECK(now_two.size() == 2);
        co_await client.close();
    });
}

TEST_CASE("cards: the server's own checks answer with the spec's codes", "[integration][cards]") {
    run_async([](asio::io_context& ioc) -> asio::awaitable<void> {
        mock::Server server(ioc.get_executor());
        server.start();
        AsyncClient client(ioc.get_executor(), revolut::test::production_options_for(server));
        co_await client.open();
        auto no_holder = co_await expect_api_error(client.cards().create_card(card_for(Uuid::random())), Errc::not_found);
        CHECK(no_holder.api_code() == 3042);
        auto bad_account = card_for(co_await owner_id(client));
        bad_account.accounts = {Uuid::random()};
        auto account = co_await expect_api_error(client.cards().create_card(bad_account), Errc::bad_request);
        CHECK(account.api_code() == 2101);
        CreateCardRequest company;
        company.contact_ids = {Uuid::random()};
        auto contact = co_await expect_api_error(client.cards().create_card(company), Errc::bad_request);
        CHECK(contact.api_code() == 2101);
        // Limits outside 1..100 (sent raw: the typed method refuses them before sending).
        for (const char* target : {"/1.0/cards?limit=0", "/1.0/cards?limit=101", "/1.0/cards?created_before=soon"}) {
            INFO(target);
            auto e = co_await expect_api_error(client.request(verb::get, target), Errc::bad_request);
            CHECK(e.api_code() == 2101);
        }
        auto bad_id = co_await expect_api_error(client.request(verb::get, "/1.0/cards/not-a-uuid"), Errc::bad_request);
        CHECK(bad_id.api_code() == 2101);
        co_await client.close();
    });
}

TEST_CASE("cards: raw JSON as the API sends it", "[integration][cards]") {
    run_async([](asio::io_context& ioc) -> asio::awaitable<void> {
        mock::Server server(ioc.get_executor());
        server.start();
        AsyncClient client(ioc.get_executor(), revolut::test::production_options_for(server));
        co_await client.open();
        auto raw = client.cards(revolut::raw);
        auto request = card_for(co_await owner_id(client));
        request.spending_limits = SpendingLimits{};
        request.spending_limits->single = SpendingLimit{Decimal::parse("10.5"), "EUR"};
        boost::json::value created = co_await raw.create_card(request, std::string("raw-card-1"));
        REQUIRE(created.is_object());
        CHECK(created.at("virtual") == boost::json::value(true));
        CHECK(created.at("state") == boost::json::value("active"));
        CHECK(created.at("request_id") == boost::json::value("raw-card-1"));  // the key the call used
        CHECK_FALSE(created.as_object().contains("pan"));
        Uuid id{created.at("id").as_string()};
        boost::json::value fetched = co_await raw.get_card(id);
        CHECK(fetched.at("spending_limits").at("single").at("currency") == boost::json::value("EUR"));
        boost::json::value frozen = co_await raw.freeze_card(id);
        CHECK(frozen == boost::json::object{});
        co_await client.close();
    });
}

TEST_CASE("iterate_cards walks every card once, newest first, across cards sharing a created_at",
          "[integration][cards]") {
    run_async([](asio::io_context& ioc) -> asio::awaitable<void> {
        mock::Server server(ioc.get_executor());
        server.start();
        AsyncClient client(ioc.get_executor(), revolut::test::production_options_for(server));
        co_await client.open();
        const Uuid holder = co_await owner_id(client);
        // 3 cards at t1 (newest), 3 sharing t2, 1 at t3: pages of 2 split both groups.
        const auto t1 = parse_timestamp("2025-03-03T10:00:00.000003Z");
        const auto t2 = parse_timestamp("2025-03-02T10:00:00.000002Z");
        const auto t3 = parse_timestamp("2025-03-01T10:00:00Z");
        const std::vector<std::pair<Timestamp, int>> batches{{t2, 3}, {t3, 1}, {t1, 3}};
        for (const auto& [when, n] : batches)
            for (int i = 0; i < n; ++i)
                server.seed("card", boost::json::object{{"holder_id", holder.to_string()},
                                                        {"created_at", format_timestamp(when)}});
        auto expected = co_await client.cards().get_all_cards(std::nullopt, 100);
        REQUIRE(expected.size() == 7);
        CHECK(std::is_sorted(expected.begin(), expected.end(),
                             [](const Card& a, const Card& b) { return a.created_at > b.created_at; }));

        auto pages = client.cards().iterate_cards(std::nullopt, 2);
        std::vector<Uuid> walked;
        while (auto card = co_await pages.next()) walked.push_back(card->id);
        REQUIRE(walked.size() == 7);
        CHECK(std::set<Uuid>(walked.begin(), walked.end()).size() == 7);
        for (std::size_t i = 0; i < walked.size(); ++i) CHECK(walked[i] == expected[i].id);

        // Starting below t1, at most 3 items; created_before is exclusive.
        auto older = client.cards().iterate_cards(CreatedBefore{t1}, 2, 3);
        std::vector<Card> some;
        while (auto page = co_await older.next_page()) some.insert(some.end(), page->begin(), page->end());
        REQUIRE(some.size() == 3);
        for (const auto& card : some) CHECK(card.created_at == t2);
        auto below_t2 = co_await client.cards().get_all_cards(CreatedBefore{t2});
        REQUIRE(below_t2.size() == 1);
        CHECK(below_t2[0].created_at == t3);

        CHECK_THROWS_AS(client.cards().iterate_cards(std::nullopt, 101), Error);
        co_await client.close();
    });
}
