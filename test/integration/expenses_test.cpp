// The three Expenses methods against revolut-mock over real TLS, on a production client
// (sandbox = false, base_url still the emulator). Expenses are seeded: no API call makes one.
#include "support/expect.hpp"
#include "support/mock_client.hpp"
#include "support/run_async.hpp"

#include <revolut/api/expenses.hpp>
#include <revolut/client.hpp>
#include <revolut/mock/server.hpp>

#include <boost/asio/use_awaitable.hpp>

#include <catch2/catch.hpp>

#include <set>

using namespace revolut;
namespace asio = boost::asio;
using revolut::test::run_async;
using verb = boost::beast::http::verb;

using revolut::test::expect_api_error;
using revolut::test::expect_refused_in_sandbox;

namespace {

// Whether the transport hands the response's Content-Type to decoders yet.
template <class R>
constexpr bool reports_content_type = requires(R r) { r.content_type; };

// "%PDF…" with bytes that are not text, base64-encoded for the seed.
const std::string receipt_bytes("%PDF-1.4\n\x00\x01\xff\xfe\n%%EOF", 19);
const char* receipt_base64 = "JVBERi0xLjQKAAH//golJUVPRg==";

boost::json::object printer_paper() {
    return {{"id", "8decf9f8-053e-46cb-92d8-a7b450fe5ae0"},
            {"state", "approved"},
            {"transaction_type", "card_payment"},
            {"description", "Printer paper"},
            {"payer", "Ray Trenfield"},
            {"merchant", "Best Printers Company"},
            {"transaction_id", "163e0ef6-2414-4fcf-846f-1f871059d506"},
            {"expense_date", "2024-09-13T18:47:01.782Z"},
            {"spent_amount", {{"amount", "24.38"}, {"currency", "GBP"}}},
            {"splits", boost::json::array{
                           {{"amount", {{"amount", "15.39"}, {"currency", "GBP"}}},
                            {"category", {{"name", "Printing & Stationery"}, {"code", "461"}}},
                            {"tax_rate", {{"name", "VAT"}, {"percentage", 20}}}},
                           {{"amount", {{"amount", "8.99"}, {"currency", "GBP"}}}}}},
            {"labels", {{"Department", "HR"}}},
            {"receipts", boost::json::array{{{"content_type", "application/pdf"}, {"content_base64", receipt_base64}}}}};
}

boost::json::object expense_at(const char* date, const char* state, const char* type) {
    return {{"expense_date", date}, {"state", state}, {"transaction_type", type},
            {"spent_amount", {{"amount", 10}, {"currency", "EUR"}}}};
}

}  // namespace

TEST_CASE("expenses: seeded ones are listed newest first, read back exactly, with their receipt",
          "[integration][expenses]") {
    run_async([](asio::io_context& ioc) -> asio::awaitable<void> {
        mock::Server server(ioc.get_executor());
        server.start();
        server.seed("expense", printer_paper());
        server.seed("expense", expense_at("2024-09-04T13:39:18.606Z", "missing_info", "fee"));
        server.seed("expense", expense_at("2024-09-16T12:48:39.960Z", "reverted", "transfer"));
        AsyncClient client(ioc.get_executor(), revolut::test::production_options_for(server));
        co_await client.open();
        auto expenses = client.expenses();

        auto all = co_await expenses.get_all_expenses();
        REQUIRE(all.size() == 3);
        CHECK(all[0].state == ExpenseState::reverted);  // 16 Sep
        CHECK(all[1].state == ExpenseState::approved);  // 13 Sep
        CHECK(all[2].transaction_type == ExpenseTransactionType::fee);  // 4 Sep

        const Uuid id{"8decf9f8-053e-46cb-92d8-a7b450fe5ae0"};
        auto paper = co_await expenses.get_expense(id);
        CHECK(paper.description == "Printer paper");
        CHECK(paper.merchant == "Best Printers Company");
        CHECK(paper.expense_date == parse_timestamp("2024-09-13T18:47:01.782Z"));
        CHECK(paper.spent_amount == ExpenseAmount{Decimal::parse("24.38"), "GBP"});
        REQUIRE(paper.splits.size() == 2);
        CHECK(paper.splits[0].amount.amount.to_string() == "15.39");
        CHECK(paper.splits[0].category->code == "461");
        CHECK(paper.splits[0].tax_rate->percentage == Decimal(20));
        CHECK(paper.splits[1].amount.amount.to_string() == "8.99");
        CHECK(paper.labels.at("Department") == std::vector<std::string>{"HR"});
        REQUIRE(paper.receipt_ids.size() == 1);

        auto receipt = co_await expenses.get_expense_receipt(id, paper.receipt_ids[0]);
        CHECK(receipt.content == receipt_bytes);
        if constexpr (reports_content_type<detail::ApiResponse>)
            CHECK(receipt.content_type == "application/pdf");

        auto no_receipt = co_await expect_api_error(expenses.get_expense_receipt(id, Uuid::random()), Errc::not_found);
        CHECK(no_receipt.api_code() == 3006);
        auto no_expense = co_await expect_api_error(expenses.get_expense(Uuid::random()), Errc::not_found);
        CHECK(no_expense.api_code() == 3006);
        co_await client.close();
    });
}

TEST_CASE("expenses: filters by state, transaction type and the from/to window", "[integration][expenses]") {
    run_async([](asio::io_context& ioc) -> asio::awaitable<void> {
        mock::Server server(ioc.get_executor());
        server.start();
        server.seed("expense", expense_at("2024-09-01T00:00:00Z", "approved", "card_payment"));
        server.seed("expense", expense_at("2024-09-02T00:00:00Z", "approved", "atm"));
        server.seed("expense", expense_at("2024-09-03T00:00:00Z", "rejected", "card_payment"));
        server.seed("expense", expense_at("2024-09-04T00:00:00Z", "approved", "card_payment"));
        AsyncClient client(ioc.get_executor(), revolut::test::production_options_for(server));
        co_await client.open();
        ExpensesQuery approved_cards;
        approved_cards.state = ExpenseState::approved;
        approved_cards.transaction_type = ExpenseTransactionType::card_payment;
        auto filtered = co_await client.expenses().get_all_expenses(approved_cards);
        REQUIRE(filtered.size() == 2);
        CHECK(filtered[0].expense_date == parse_timestamp("2024-09-04T00:00:00Z"));
        CHECK(filtered[1].expense_date == parse_timestamp("2024-09-01T00:00:00Z"));

        ExpensesQuery window;  // from inclusive, to exclusive
        window.from = parse_timestamp("2024-09-02T00:00:00Z");
        window.to = parse_timestamp("2024-09-04T00:00:00Z");
        auto in_window = co_await client.expenses().get_all_expenses(window);
        REQUIRE(in_window.size() == 2);
        CHECK(in_window[0].expense_date == parse_timestamp("2024-09-03T00:00:00Z"));
        CHECK(in_window[1].expense_date == parse_timestamp("2024-09-02T00:00:00Z"));

        ExpensesQuery one;
        one.count = 1;
        auto first = co_await client.expenses().get_all_expenses(one);
        REQUIRE(first.size() == 1);
        CHECK(first[0].expense_date == parse_timestamp("2024-09-04T00:00:00Z"));

        for (const char* target : {"/1.0/expenses?count=0", "/1.0/expenses?count=501", "/1.0/expenses?state=lost",
                                   "/1.0/expenses?transaction_type=topup", "/1.0/expenses?from=someday"}) {
            INFO(target);
            auto e = co_await expect_api_error(client.request(verb::get, target), Errc::bad_request);
            CHECK(e.status() == 400);
        }
        co_await client.close();
    });
}

TEST_CASE("iterate_expenses pages by expense_date without losing or repeating expenses that share one",
          "[integration][expenses]") {
    run_async([](asio::io_context& ioc) -> asio::awaitable<void> {
        mock::Server server(ioc.get_executor());
        server.start();
        // Seven expenses; three share 2024-09-02 and two share 2024-09-01.
        const std::vector<const char*> dates{"2024-09-03T00:00:00Z", "2024-09-02T00:00:00Z", "2024-09-02T00:00:00Z",
                                             "2024-09-02T00:00:00Z", "2024-09-01T00:00:00Z", "2024-09-01T00:00:00Z",
                                             "2024-08-31T00:00:00Z"};
        for (const char* date : dates) server.seed("expense", expense_at(date, "approved", "card_payment"));
        server.seed("expense", expense_at("2024-09-02T00:00:00Z", "rejected", "card_payment"));  // filtered out
        AsyncClient client(ioc.get_executor(), revolut::test::production_options_for(server));
        co_await client.open();
        ExpensesQuery approved;
        approved.state = ExpenseState::approved;
        approved.count = 2;
        auto pages = client.expenses().iterate_expenses(approved);
        std::vector<Expense> walked;
        while (auto expense = co_await pages.next()) walked.push_back(std::move(*expense));
        REQUIRE(walked.size() == 7);
        std::set<Uuid> ids;
        for (std::size_t i = 0; i < walked.size(); ++i) {
            ids.insert(walked[i].id);
            CHECK(walked[i].state == ExpenseState::approved);
            CHECK(walked[i].expense_date == parse_timestamp(dates[i]));
        }
        CHECK(ids.size() == 7);

        ExpensesQuery capped;
        capped.count = 3;
        auto three = client.expenses().iterate_expenses(capped, 3);
        auto page = co_await three.next_page();
        REQUIRE(page);
        CHECK(page->size() == 3);
        auto end = co_await three.next_page();
        CHECK_FALSE(end);
        co_await client.close();
    });
}

TEST_CASE("expenses are refused on a sandbox client, and nothing is sent, raw JSON on production",
          "[integration][expenses]") {
    run_async([](asio::io_context& ioc) -> asio::awaitable<void> {
        mock::Server server(ioc.get_executor());
        server.start();
        auto seeded = server.seed("expense", printer_paper());
        AsyncClient client(ioc.get_executor(), revolut::test::options_for(server));
        co_await client.open();
        const auto before = server.stats().requests;
        const Uuid id = Uuid::random();
        co_await expect_refused_in_sandbox(client.expenses().get_all_expenses());
        co_await expect_refused_in_sandbox(client.expenses().get_expense(id));
        co_await expect_refused_in_sandbox(client.expenses().get_expense_receipt(id, id));
        CHECK(server.stats().requests == before);
        co_await client.close();

        AsyncClient prod(ioc.get_executor(), revolut::test::production_options_for(server));
        co_await prod.open();
        boost::json::value raw = co_await prod.expenses(revolut::raw).get_expense(Uuid(seeded.at("id").as_string()));
        CHECK(raw.at("spent_amount").at("currency") == boost::json::value("GBP"));
        CHECK(raw.at("labels").at("Department") == boost::json::array{"HR"});
        // A receipt is a file, not JSON: the raw group returns it as bytes too.
        const Uuid expense_id(seeded.at("id").as_string());
        const Uuid receipt_id(seeded.at("receipt_ids").at(0).as_string());
        ExpenseReceipt file = co_await prod.expenses(revolut::raw).get_expense_receipt(expense_id, receipt_id);
        CHECK(file.content == receipt_bytes);
        co_await prod.close();
    });
}
