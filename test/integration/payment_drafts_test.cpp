// The eight Payment drafts methods against revolut-mock over real TLS.
#include "support/expect.hpp"
#include "support/mock_client.hpp"
#include "support/run_async.hpp"

#include <revolut/api/accounts.hpp>
#include <revolut/api/counterparties.hpp>
#include <revolut/api/payment_drafts.hpp>
#include <revolut/client.hpp>
#include <revolut/mock/server.hpp>

#include <boost/json/object.hpp>

#include <catch2/catch.hpp>

using namespace revolut;
namespace asio = boost::asio;
using revolut::test::run_async;

using revolut::test::expect_api_error;

namespace {

// Two counterparties the drafts pay: a GBP bank account and a EUR one.
struct Payees {
    Counterparty gbp;
    Counterparty eur;
};

asio::awaitable<Payees> add_payees(AsyncClient& client) {
    CreateCounterpartyRequest gbp;
    gbp.company_name = "Fenwick Joinery Ltd";
    gbp.bank_country = "GB";
    gbp.currency = "GBP";
    gbp.account_no = "12345678";
    gbp.sort_code = "540105";
    CreateCounterpartyRequest eur;
    eur.company_name = "Bleu Lavande SARL";
    eur.bank_country = "FR";
    eur.currency = "EUR";
    eur.iban = "FR1420041010050500013M02606";
    Payees payees;
    payees.gbp = co_await client.counterparties().create_counterparty(gbp);
    payees.eur = co_await client.counterparties().create_counterparty(eur);
    co_return payees;
}

DraftPaymentRequest payment(const Uuid& from, const Counterparty& to, const char* amount, const char* currency,
                            std::string reference) {
    DraftPaymentRequest p;
    p.account_id = from;
    p.receiver.counterparty_id = to.id;
    p.receiver.account_id = to.accounts.at(0).id;
    p.amount = Decimal::parse(amount);
    p.currency = currency;
    p.reference = std::move(reference);
    return p;
}

Date in_days(int days) {
    auto today = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
    return Date{today + std::chrono::days(days)};
}

}  // namespace

TEST_CASE("payment drafts: create, get, list, update, payments, delete", "[integration][payment_drafts]") {
    run_async([](asio::io_context& ioc) -> asio::awaitable<void> {
        mock::Server server(ioc.get_executor());
        server.start();
        const Uuid gbp_account = server.add_account("Payroll", "GBP", Decimal::parse("5000.00"));
        const Uuid eur_account = server.add_account("Euro ops", "EUR", Decimal::parse("5000.00"));
        AsyncClient client(ioc.get_executor(), revolut::test::options_for(server));
        co_await client.session([&]() -> asio::awaitable<void> {
            auto payees = co_await add_payees(client);
            auto drafts = client.payment_drafts();
            // Each payment pays from its own account.
            std::vector<DraftPaymentRequest> payments{payment(gbp_account, payees.gbp, "10.50", "GBP", "Invoice 2207"),
                                                      payment(eur_account, payees.eur, "0.10", "EUR", "Invoice 2208")};
            std::optional<std::string> title = std::string("Supplier run");
            std::optional<Date> when = in_days(3);
            auto created = co_await drafts.create_payment_draft(payments, title, when);
            REQUIRE(created.id);
            const Uuid draft_id = *created.id;

            auto draft = co_await drafts.get_payment_draft(draft_id);
            CHECK(draft.title == "Supplier run");
            CHECK(draft.scheduled_for == in_days(3));
            REQUIRE(draft.payments.size() == 2);
            const auto& first = draft.payments[0];
            CHECK(first.account_id == gbp_account);
            CHECK(first.receiver.counterparty_id == payees.gbp.id);
            CHECK(first.receiver.account_id == payees.gbp.accounts[0].id);
            CHECK(first.amount.amount.to_string() == "10.50");  // exact, digits kept
            CHECK(first.amount.currency == "GBP");
            CHECK(first.reference == "Invoice 2207");
            CHECK(first.state == DraftPaymentState::created);
            CHECK(first.current_charge_options.from.amount == Decimal::parse("10.5"));
            CHECK(draft.payments[1].account_id == eur_account);
            CHECK(draft.payments[1].amount.amount.to_string() == "0.10");

            auto list = co_await drafts.get_all_payment_drafts();
            REQUIRE(list.payment_orders.size() == 1);
            CHECK(list.payment_orders[0].id == draft_id);
            CHECK(list.payment_orders[0].payments_count == 2);
            CHECK(list.payment_orders[0].title == "Supplier run");
            CHECK(*list.payment_orders[0].source == PaymentDraftSource::api);

            co_await drafts.update_payment_draft(draft_id, std::string("Renamed run"),
                                                 DraftFieldUpdate<Date>::cleared());
            auto renamed = co_await drafts.get_payment_draft(draft_id);
            CHECK(renamed.title == "Renamed run");
            CHECK_FALSE(renamed.scheduled_for);
            const DraftFieldUpdate<std::string> same_title;
            co_await drafts.update_payment_draft(draft_id, same_title, in_days(10));
            auto rescheduled = co_await drafts.get_payment_draft(draft_id);
            CHECK(rescheduled.title == "Renamed run");  // untouched
            CHECK(rescheduled.scheduled_for == in_days(10));
            auto past = co_await expect_api_error(drafts.update_payment_draft(draft_id, same_title, in_days(0)),
                                                  Errc::bad_request);
            CHECK(past.api_code() == 3000);

            auto added = co_await drafts.add_payment_draft_payment(
                draft_id, payment(gbp_account, payees.gbp, "99.99", "GBP", "Invoice 2209"));
            UpdateDraftPaymentRequest change;
            change.amount = Decimal::parse("200.00");
            change.reference = "Invoice 2209 (corrected)";
            co_await drafts.update_payment_draft_payment(draft_id, added.id, change);
            auto three = co_await drafts.get_payment_draft(draft_id);
            REQUIRE(three.payments.size() == 3);
            CHECK(three.payments[2].id == added.id);
            CHECK(three.payments[2].amount.amount.to_string() == "200.00");
            CHECK(three.payments[2].reference == "Invoice 2209 (corrected)");
            CHECK(three.payments[2].receiver.counterparty_id == payees.gbp.id);  // untouched

            co_await drafts.delete_payment_draft_payment(draft_id, three.payments[0].id);
            auto two = co_await drafts.get_payment_draft(draft_id);
            REQUIRE(two.payments.size() == 2);
            CHECK(two.payments[0].id == three.payments[1].id);
            auto missing_payment = co_await expect_api_error(
                drafts.delete_payment_draft_payment(draft_id, three.payments[0].id), Errc::not_found);
            CHECK(missing_payment.api_code() == 3006);

            co_await drafts.delete_payment_draft(draft_id);
            auto gone = co_await expect_api_error(drafts.get_payment_draft(draft_id), Errc::not_found);
            CHECK(gone.status() == 404);
            auto empty_list = co_await drafts.get_all_payment_drafts();
            CHECK(empty_list.payment_orders.empty());
        });
    });
}

TEST_CASE("payment drafts: no payments gives 204 and stores nothing", "[integration][payment_drafts]") {
    run_async([](asio::io_context& ioc) -> asio::awaitable<void> {
        mock::Server server(ioc.get_executor());
        server.start();
        AsyncClient client(ioc.get_executor(), revolut::test::options_for(server));
        co_await client.session([&]() -> asio::awaitable<void> {
            std::vector<DraftPaymentRequest> none;
            auto created = co_await client.payment_drafts().create_payment_draft(none);
            CHECK_FALSE(created.id);
            auto list = co_await client.payment_drafts().get_all_payment_drafts();
            CHECK(list.payment_orders.empty());
        });
    });
}

TEST_CASE("payment drafts: receivers and accounts must exist and match", "[integration][payment_drafts]") {
    run_async([](asio::io_context& ioc) -> asio::awaitable<void> {
        mock::Server server(ioc.get_executor());
        server.start();
        const Uuid gbp_account = server.add_account("Payroll", "GBP", Decimal::parse("5000.00"));
        AsyncClient client(ioc.get_executor(), revolut::test::options_for(server));
        co_await client.session([&]() -> asio::awaitable<void> {
            auto payees = co_await add_payees(client);
            auto drafts = client.payment_drafts();
            auto stranger = payment(gbp_account, payees.gbp, "5.00", "GBP", "x");
            stranger.receiver.counterparty_id = Uuid::random();
            std::vector<DraftPaymentRequest> one{stranger};
            auto unknown = co_await expect_api_error(drafts.create_payment_draft(one), Errc::not_found);
            CHECK(unknown.api_code() == 3006);

            auto no_account = payment(Uuid::random(), payees.gbp, "5.00", "GBP", "x");
            one = {no_account};
            co_await expect_api_error(drafts.create_payment_draft(one), Errc::not_found);

            auto wrong_currency = payment(gbp_account, payees.eur, "5.00", "GBP", "x");
            one = {wrong_currency};
            auto mismatch = co_await expect_api_error(drafts.create_payment_draft(one), Errc::bad_request);
            CHECK(mismatch.api_code() == 3452);

            // A deleted counterparty can no longer be paid.
            co_await client.counterparties().delete_counterparty(payees.gbp.id);
            one = {payment(gbp_account, payees.gbp, "5.00", "GBP", "x")};
            co_await expect_api_error(drafts.create_payment_draft(one), Errc::not_found);
            co_await expect_api_error(drafts.get_payment_draft(Uuid::random()), Errc::not_found);
            auto list = co_await drafts.get_all_payment_drafts();
            CHECK(list.payment_orders.empty());
        });
    });
}

TEST_CASE("payment drafts: source filter, other sources and processed drafts", "[integration][payment_drafts]") {
    run_async([](asio::io_context& ioc) -> asio::awaitable<void> {
        mock::Server server(ioc.get_executor());
        server.start();
        const Uuid gbp_account = server.add_account("Payroll", "GBP", Decimal::parse("5000.00"));
        AsyncClient client(ioc.get_executor(), revolut::test::options_for(server));
        co_await client.session([&]() -> asio::awaitable<void> {
            auto payees = co_await add_payees(client);
            auto seed = [&](const char* source, bool processed) {
                boost::json::object receiver{{"counterparty_id", payees.gbp.id.to_string()}};
                boost::json::object p{{"account_id", gbp_account.to_string()},
                                      {"receiver", receiver},
                                      {"amount", 12},
                                      {"currency", "GBP"},
                                      {"reference", "seeded"}};
                boost::json::object data{{"title", source},
                                         {"source", source},
                                         {"processed", processed},
                                         {"payments", boost::json::array{p}}};
                return Uuid(server.seed("payment_draft", data).at("id").as_string());
            };
            const Uuid from_xero = seed("integration", false);
            const Uuid from_email = seed("email", false);
            const Uuid done = seed("api", true);
            auto drafts = client.payment_drafts();
            std::vector<DraftPaymentRequest> one{payment(gbp_account, payees.gbp, "1.00", "GBP", "api")};
            auto mine = co_await drafts.create_payment_draft(one);

            auto api_only = co_await drafts.get_all_payment_drafts();
            REQUIRE(api_only.payment_orders.size() == 1);  // the processed one is not listed
            CHECK(api_only.payment_orders[0].id == *mine.id);
            auto integration = co_await drafts.get_all_payment_drafts(PaymentDraftSource::integration);
            REQUIRE(integration.payment_orders.size() == 1);
            CHECK(integration.payment_orders[0].id == from_xero);
            CHECK(*integration.payment_orders[0].source == PaymentDraftSource::integration);
            auto all = co_await drafts.get_all_payment_drafts(PaymentDraftSource::all);
            CHECK(all.payment_orders.size() == 3);

            auto partner = co_await expect_api_error(drafts.update_payment_draft(from_xero, std::string("x")),
                                                     Errc::unprocessable_entity);
            CHECK(partner.api_code() == 3100);
            co_await expect_api_error(
                drafts.add_payment_draft_payment(from_email, payment(gbp_account, payees.gbp, "1.00", "GBP", "x")),
                Errc::unprocessable_entity);
            auto processed = co_await expect_api_error(drafts.delete_payment_draft(done), Errc::unprocessable_entity);
            CHECK(processed.api_code() == 3417);
            auto still = co_await drafts.get_payment_draft(done);
            CHECK(still.payments.size() == 1);
        });
    });
}

TEST_CASE("payment drafts: raw JSON has the spec's shape", "[integration][payment_drafts]") {
    run_async([](asio::io_context& ioc) -> asio::awaitable<void> {
        mock::Server server(ioc.get_executor());
        server.start();
        const Uuid gbp_account = server.add_account("Payroll", "GBP", Decimal::parse("5000.00"));
        AsyncClient client(ioc.get_executor(), revolut::test::options_for(server));
        co_await client.session([&]() -> asio::awaitable<void> {
            auto payees = co_await add_payees(client);
            auto raw = client.payment_drafts(revolut::raw);
            std::vector<DraftPaymentRequest> one{payment(gbp_account, payees.gbp, "7", "GBP", "raw")};
            boost::json::value created = co_await raw.create_payment_draft(one);
            Uuid id{created.at("id").as_string()};
            boost::json::value draft = co_await raw.get_payment_draft(id);
            const auto& p = draft.at("payments").as_array().at(0).as_object();
            CHECK(p.at("amount").as_object().at("currency").as_string() == "GBP");
            CHECK(p.at("state").as_string() == "CREATED");
            CHECK(p.at("current_charge_options").as_object().at("rate").as_string() == "1.0000");
            boost::json::value list = co_await raw.get_all_payment_drafts();
            CHECK(list.at("payment_orders").as_array().size() == 1);
            boost::json::value deleted = co_await raw.delete_payment_draft(id);
            CHECK(deleted == boost::json::object{});
        });
    });
}
