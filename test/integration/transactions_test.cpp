// The Transactions methods against revolut-mock over real TLS: every filter of GET
// /transactions, reads by id and by request_id, and walking pages across boundaries.
#include "support/expect.hpp"
#include "support/mock_client.hpp"
#include "support/run_async.hpp"

#include <revolut/api/transactions.hpp>
#include <revolut/client.hpp>
#include <revolut/mock/server.hpp>

#include <boost/json.hpp>

#include <catch2/catch.hpp>

#include <set>

using namespace revolut;
using namespace std::chrono_literals;
namespace asio = boost::asio;
namespace json = boost::json;
using revolut::test::run_async;

using revolut::test::expect_api_error;

namespace {

const std::string account_a = "0d1848dc-5f4e-4b1a-9c3a-cae53cbd4baf";
const std::string account_b = "87f2f697-7c1d-4e59-a2a8-a20c78c0d24f";

Timestamp now_us() { return std::chrono::time_point_cast<std::chrono::microseconds>(std::chrono::system_clock::now()); }

// A transaction in the spec's shape for the "transactions" seed kind.
json::object seeded(Timestamp created_at, const std::string& account, const std::string& type = "card_payment",
                    const std::string& state = "completed") {
    json::object leg{{"account_id", account}, {"amount", "-1.50"}, {"currency", "GBP"}};
    return json::object{{"type", type},
                        {"state", state},
                        {"created_at", format_timestamp(created_at)},
                        {"legs", json::array{leg}}};
}

std::vector<std::string> seed(mock::Server& server, json::array transactions) {
    auto report = server.seed("transactions", json::object{{"transactions", std::move(transactions)}});
    std::vector<std::string> ids;
    for (const auto& id : report.at("ids").as_array()) ids.emplace_back(id.as_string());
    return ids;
}

std::vector<std::string> ids_of(const std::vector<Transaction>& page) {
    std::vector<std::string> ids;
    for (const auto& t : page) ids.push_back(t.id);
    return ids;
}

}  // namespace

TEST_CASE("transactions: every filter of the list, newest first", "[integration][transactions]") {
    run_async([](asio::io_context& ioc) -> asio::awaitable<void> {
        mock::Server server(ioc.get_executor());
        server.start();
        const auto base = now_us() - 1h;
        json::array data;
        data.push_back(seeded(base, account_a, "card_payment", "completed"));                 // 0
        data.push_back(seeded(base + 1min, account_b, "transfer", "pending"));                // 1
        data.push_back(seeded(base + 2min, account_a, "transfer", "declined"));               // 2
        data.push_back(seeded(base + 3min, account_b, "card_payment", "completed"));          // 3
        auto tagged = seeded(base + 4min, account_a, "exchange", "completed");                // 4
        tagged["request_id"] = "invoice-4";
        data.push_back(tagged);
        const auto ids = seed(server, data);
        AsyncClient client(ioc.get_executor(), revolut::test::options_for(server));
        co_await client.session([&]() -> asio::awaitable<void> {
            auto api = client.transactions();
            auto all = co_await api.get_all_transactions();
            CHECK(ids_of(all) == std::vector<std::string>{ids[4], ids[3], ids[2], ids[1], ids[0]});

            // `from` is inclusive, `to` exclusive.
            auto window = co_await api.get_all_transactions(TransactionTime{base + 1min}, TransactionTime{base + 3min});
            CHECK(ids_of(window) == std::vector<std::string>{ids[2], ids[1]});
            auto by_account = co_await api.get_all_transactions(std::nullopt, std::nullopt, Uuid(account_b));
            CHECK(ids_of(by_account) == std::vector<std::string>{ids[3], ids[1]});
            auto two = co_await api.get_all_transactions(std::nullopt, std::nullopt, std::nullopt, 2);
            CHECK(ids_of(two) == std::vector<std::string>{ids[4], ids[3]});
            auto transfers = co_await api.get_all_transactions(std::nullopt, std::nullopt, std::nullopt, std::nullopt,
                                                               OpenEnum<TransactionType>(TransactionType::transfer));
            CHECK(ids_of(transfers) == std::vector<std::string>{ids[2], ids[1]});

            TransactionsQuery states;
            states.states = {TransactionState::pending, TransactionState::declined};
            auto unfinished = co_await api.get_all_transactions(states);
            CHECK(ids_of(unfinished) == std::vector<std::string>{ids[2], ids[1]});

            TransactionsQuery by_request;
            by_request.from = TransactionTime{base - 24h};
            by_request.request_id = "invoice-4";
            auto found = co_await api.get_all_transactions(by_request);
            REQUIRE(found.size() == 1);
            CHECK(found[0].id == ids[4]);
            CHECK(found[0].request_id == "invoice-4");

            TransactionsQuery everything;
            everything.from = TransactionTime{base};
            everything.to = TransactionTime{base + 5min};
            everything.account = Uuid(account_a);
            everything.type = TransactionType::card_payment;
            everything.states = {TransactionState::completed};
            auto narrow = co_await api.get_all_transactions(everything);
            CHECK(ids_of(narrow) == std::vector<std::string>{ids[0]});
        });
    });
}

TEST_CASE("transactions: the emulator refuses filters outside the spec's rules", "[integration][transactions]") {
    run_async([](asio::io_context& ioc) -> asio::awaitable<void> {
        mock::Server server(ioc.get_executor());
        server.start();
        AsyncClient client(ioc.get_executor(), revolut::test::options_for(server));
        co_await client.session([&]() -> asio::awaitable<void> {
            using boost::beast::http::verb;
            // Sent raw: the typed method refuses these before sending.
            for (const char* target : {"/1.0/transactions?request_id=x",
                                       "/1.0/transactions?request_id=x&from=2024-01-01&to=2024-01-16",
                                       "/1.0/transactions?count=0", "/1.0/transactions?count=1001",
                                       "/1.0/transactions?state=completed&state=lost", "/1.0/transactions?type=gift",
                                       "/1.0/transactions?from=yesterday"}) {
                INFO(target);
                auto e = co_await expect_api_error(client.request(verb::get, target), Errc::bad_request);
                CHECK(e.status() == 400);
            }
            json::value ok = co_await client.request(verb::get, "/1.0/transactions?request_id=x&from=2024-01-01&to=2024-01-15");
            CHECK(ok.as_array().empty());

            // And the client refuses them without a request.
            const auto before = server.stats().requests;
            TransactionsQuery no_from;
            no_from.request_id = "x";
            try {
                co_await client.transactions().get_all_transactions(no_from);
                FAIL("accepted");
            } catch (const Error& e) {
                CHECK(e.code() == Errc::invalid_argument);
            }
            CHECK(server.stats().requests == before);
        });
    });
}

TEST_CASE("transactions: get one by id or by request_id, the same as in the list", "[integration][transactions]") {
    run_async([](asio::io_context& ioc) -> asio::awaitable<void> {
        mock::Server server(ioc.get_executor());
        server.start();
        auto card_payment = seeded(now_us() - 10min, account_a);
        card_payment["request_id"] = "REVP:card-1";
        card_payment["merchant"] = json::object{{"name", "Acme Corp."}, {"city", "New York"},
                                                {"category_code", "7311"}, {"country", "USA"}};
        card_payment["card"] = json::object{{"id", "2b1a31bc-4795-4f95-b939-ae9cf911dc6e"},
                                            {"card_number", "516760******1234"},
                                            {"references", json::array{json::object{{"name", "PNR"}, {"value", "RT1"}}}}};
        card_payment["legs"].as_array()[0].as_object()["bill_amount"] = "-13.00";
        card_payment["legs"].as_array()[0].as_object()["bill_currency"] = "USD";
        const auto ids = seed(server, json::array{card_payment});
        AsyncClient client(ioc.get_executor(), revolut::test::options_for(server));
        co_await client.session([&]() -> asio::awaitable<void> {
            auto api = client.transactions();
            auto one = co_await api.get_transaction(ids[0]);
            CHECK(one.id == ids[0]);
            CHECK(one.type == TransactionType::card_payment);
            REQUIRE(one.merchant);
            CHECK(one.merchant->country == "USA");
            REQUIRE(one.card);
            CHECK(one.card->references.at(0).value == "RT1");
            REQUIRE(one.legs.size() == 1);
            CHECK(one.legs[0].amount.to_string() == "-1.50");
            CHECK(one.legs[0].bill_amount->to_string() == "-13.00");

            auto listed = co_await api.get_all_transactions();
            REQUIRE(listed.size() == 1);
            CHECK(listed[0] == one);
            auto by_request = co_await api.get_transaction(std::nullopt, std::string("REVP:card-1"));
            CHECK(by_request == one);

            auto missing = co_await expect_api_error(api.get_transaction(std::string("no-such-transaction")), Errc::not_found);
            CHECK(missing.status() == 404);
            co_await expect_api_error(api.get_transaction(std::nullopt, std::string("no-such-request")), Errc::not_found);

            json::value raw = co_await client.transactions(revolut::raw).get_transaction(ids[0]);
            CHECK(raw.at("legs").as_array()[0].at("leg_id").is_string());
            CHECK(raw.at("merchant").at("category_code").as_string() == "7311");
        });
    });
}

TEST_CASE("transactions: iterate walks every page, a shared created_at neither lost nor repeated",
          "[integration][transactions][pagination]") {
    run_async([](asio::io_context& ioc) -> asio::awaitable<void> {
        mock::Server server(ioc.get_executor());
        server.start();
        const auto shared = now_us() - 30min;
        // 2 newer, 7 at one instant (more than a page of 3), 3 older.
        seed(server, json::array{seeded(shared + 2s, account_a), seeded(shared + 1s, account_a)});
        server.seed("transactions", json::object{{"transaction", seeded(shared, account_a)}, {"repeat", 7}});
        seed(server, json::array{seeded(shared - 1s, account_a), seeded(shared - 2s, account_a),
                                 seeded(shared - 3s, account_a)});
        AsyncClient client(ioc.get_executor(), revolut::test::options_for(server));
        co_await client.session([&]() -> asio::awaitable<void> {
            auto expected = co_await client.transactions().get_all_transactions();
            REQUIRE(expected.size() == 12);

            TransactionsQuery query;
            query.count = 3;
            auto pages = client.transactions().iterate_transactions(query);
            std::vector<std::string> walked;
            std::size_t page_count = 0;
            while (auto page = co_await pages.next_page()) {
                ++page_count;
                CHECK_FALSE(page->empty());
                for (const auto& t : *page) walked.push_back(t.id);
            }
            CHECK(walked == ids_of(expected));  // all 12, once each, newest first
            CHECK(std::set<std::string>(walked.begin(), walked.end()).size() == 12);
            CHECK(page_count >= 3);
            auto finished = co_await pages.next_page();
            CHECK_FALSE(finished);

            // max_items stops the walk early; next() gives items one by one.
            auto first_five = client.transactions().iterate_transactions(query, 5);
            std::vector<std::string> five;
            while (auto t = co_await first_five.next()) five.push_back(t->id);
            CHECK(five == std::vector<std::string>(walked.begin(), walked.begin() + 5));

            // The query's filters hold on every page.
            TransactionsQuery older;
            older.count = 2;
            older.to = TransactionTime{shared};
            auto before_shared = client.transactions().iterate_transactions(older);
            std::vector<std::string> old_ids;
            while (auto t = co_await before_shared.next()) old_ids.push_back(t->id);
            CHECK(old_ids == std::vector<std::string>(walked.end() - 3, walked.end()));

            TransactionsQuery nothing;
            nothing.account = Uuid::random();
            auto empty = client.transactions().iterate_transactions(nothing);
            auto none = co_await empty.next_page();
            CHECK_FALSE(none);
        });
    });
}

TEST_CASE("transactions: an exactly full last page ends the walk with one empty request",
          "[integration][transactions][pagination]") {
    run_async([](asio::io_context& ioc) -> asio::awaitable<void> {
        mock::Server server(ioc.get_executor());
        server.start();
        const auto start = now_us() - 2h;
        json::array data;
        for (int i = 0; i < 200; ++i) data.push_back(seeded(start + std::chrono::seconds(i), i % 2 ? account_a : account_b));
        seed(server, std::move(data));
        AsyncClient client(ioc.get_executor(), revolut::test::options_for(server));
        co_await client.session([&]() -> asio::awaitable<void> {
            auto pages = client.transactions().iterate_transactions();  // count: the server's 100
            const auto before = server.stats().requests;
            std::vector<std::size_t> sizes;
            Timestamp last = now_us();
            bool ordered = true;
            while (auto page = co_await pages.next_page()) {
                sizes.push_back(page->size());
                for (const auto& t : *page) {
                    ordered = ordered && t.created_at < last;
                    last = t.created_at;
                }
            }
            CHECK(sizes == std::vector<std::size_t>{100, 100});
            CHECK(ordered);
            CHECK(server.stats().requests - before == 3);  // two full pages, then an empty one
        });
    });
}
