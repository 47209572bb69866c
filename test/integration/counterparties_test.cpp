// The eight Counterparties methods against revolut-mock over real TLS.
#include "support/expect.hpp"
#include "support/mock_client.hpp"
#include "support/run_async.hpp"

#include <revolut/api/counterparties.hpp>
#include <revolut/client.hpp>
#include <revolut/mock/server.hpp>

#include <boost/asio/use_awaitable.hpp>

#include <catch2/catch.hpp>

using namespace revolut;
namespace asio = boost::asio;
using revolut::test::run_async;

using revolut::test::expect_api_error;

namespace {

CreateCounterpartyRequest uk_business(std::string name, std::string account_no) {
    CreateCounterpartyRequest r;
    r.company_name = std::move(name);
    r.bank_country = "GB";
    r.currency = "GBP";
    r.account_no = std::move(account_no);
    r.sort_code = "54-01-05";
    return r;
}

CreateCounterpartyRequest eur_business(std::string name, std::string iban) {
    CreateCounterpartyRequest r;
    r.company_name = std::move(name);
    r.bank_country = "FR";
    r.currency = "EUR";
    r.iban = std::move(iban);
    r.bic = "PSSTFRPPLIL";
    return r;
}

CreateCounterpartyRequest revtag(std::string name, std::string tag) {
    CreateCounterpartyRequest r;
    r.profile_type = CounterpartyProfileType::personal;
    r.name = std::move(name);
    r.revtag = std::move(tag);
    return r;
}

}  // namespace

TEST_CASE("counterparties: create by revtag, get, list, delete", "[integration][counterparties]") {
    run_async([](asio::io_context& ioc) -> asio::awaitable<void> {
        mock::Server server(ioc.get_executor());
        server.start();
        AsyncClient client(ioc.get_executor(), revolut::test::options_for(server));
        co_await client.session([&]() -> asio::awaitable<void> {
            auto api = client.counterparties();
            auto created = co_await api.create_counterparty(revtag("Test User 1", "john1pvki"));
            CHECK(created.name == "Test User 1");
            CHECK(created.revtag == "john1pvki");
            CHECK(created.state == CounterpartyState::created);
            REQUIRE(created.profile_type);
            CHECK(*created.profile_type == CounterpartyProfileType::personal);
            REQUIRE(created.accounts.size() == 1);
            CHECK(created.accounts[0].type == CounterpartyAccountType::revolut);
            CHECK(created.accounts[0].currency == "GBP");

            auto fetched = co_await api.get_counterparty(created.id);
            CHECK(fetched.id == created.id);
            CHECK(fetched.created_at == created.created_at);
            CHECK(fetched.accounts[0].id == created.accounts[0].id);

            auto all = co_await api.get_all_counterparties();
            REQUIRE(all.size() == 1);
            CHECK(all[0].id == created.id);

            co_await api.delete_counterparty(created.id);
            auto gone = co_await expect_api_error(api.get_counterparty(created.id), Errc::not_found);
            CHECK(gone.status() == 404);
            CHECK(gone.api_code() == 3006);
            auto after = co_await api.get_all_counterparties();
            CHECK(after.empty());
            co_await expect_api_error(api.delete_counterparty(created.id), Errc::not_found);

            // A sandbox test Revtag only belongs to its own name.
            auto wrong = co_await expect_api_error(api.create_counterparty(revtag("Someone Else", "john2pvki")),
                                                   Errc::not_found);
            CHECK(wrong.api_code() == 3006);
        });
    });
}

TEST_CASE("counterparties: bank details make an external account, filters find it", "[integration][counterparties]") {
    run_async([](asio::io_context& ioc) -> asio::awaitable<void> {
        mock::Server server(ioc.get_executor());
        server.start();
        AsyncClient client(ioc.get_executor(), revolut::test::options_for(server));
        co_await client.session([&]() -> asio::awaitable<void> {
            auto api = client.counterparties();
            auto uk = co_await api.create_counterparty(uk_business("Fenwick Joinery Ltd", "12345678"));
            REQUIRE(uk.accounts.size() == 1);
            const auto& account = uk.accounts[0];
            CHECK(account.type == CounterpartyAccountType::external);
            CHECK(account.currency == "GBP");
            CHECK(account.bank_country == "GB");
            CHECK(account.account_no == "12345678");
            CHECK(account.sort_code == "540105");  // stored without dashes, as the spec shows
            REQUIRE(uk.profile_type);
            CHECK(*uk.profile_type == CounterpartyProfileType::business);

            auto fr = co_await api.create_counterparty(eur_business("Bleu Lavande SARL", "FR1420041010050500013M02606"));
            CHECK(fr.accounts[0].iban == "FR1420041010050500013M02606");
            CHECK(fr.accounts[0].currency == "EUR");

            CreateCounterpartyRequest person;
            person.individual_name = IndividualName{std::string("Ines"), std::string("Varga")};
            person.bank_country = "US";
            person.currency = "USD";
            person.account_no = "000123456789";
            person.routing_number = "021000021";
            person.account_type = CounterpartyBankAccountType::savings;
            person.route = CounterpartyRoute::fedwire;
            auto us = co_await api.create_counterparty(person);
            CHECK(us.name == "Ines Varga");
            CHECK(us.accounts[0].routing_number == "021000021");
            CHECK(us.accounts[0].route->str() == "fedwire");
            CHECK(us.accounts[0].account_type->str() == "savings");

            auto by_name = co_await api.get_all_counterparties(std::string("lavande"));
            REQUIRE(by_name.size() == 1);
            CHECK(by_name[0].id == fr.id);
            auto by_account = co_await api.get_all_counterparties(std::nullopt, std::string("12345678"),
                                                                  std::string("54-01-05"));
            REQUIRE(by_account.size() == 1);
            CHECK(by_account[0].id == uk.id);
            auto wrong_sort = co_await api.get_all_counterparties(std::nullopt, std::string("12345678"),
                                                                  std::string("000000"));
            CHECK(wrong_sort.empty());
            auto by_iban = co_await api.get_all_counterparties(std::nullopt, std::nullopt, std::nullopt,
                                                               std::string("FR1420041010050500013M02606"),
                                                               std::string("PSSTFRPPLIL"));
            REQUIRE(by_iban.size() == 1);
            CHECK(by_iban[0].id == fr.id);
            auto newest_two = co_await api.get_all_counterparties(std::nullopt, std::nullopt, std::nullopt,
                                                                  std::nullopt, std::nullopt, std::nullopt, 2);
            REQUIRE(newest_two.size() == 2);
            CHECK(newest_two[0].id == us.id);  // newest first
            CHECK(newest_two[1].id == fr.id);
            std::optional<CreatedBefore> us_created = CreatedBefore(us.created_at);
            auto before_us = co_await api.get_all_counterparties(std::nullopt, std::nullopt, std::nullopt,
                                                                 std::nullopt, std::nullopt, us_created);
            CHECK(before_us.size() == 2);  // exclusive bound

            // The exact same counterparty again: 422 with Revolut's code.
            auto duplicate = co_await expect_api_error(
                api.create_counterparty(uk_business("Fenwick Joinery Ltd", "12345678")), Errc::unprocessable_entity);
            CHECK(duplicate.status() == 422);
            CHECK(duplicate.api_code() == 3012);
            // Server-side checks the client leaves to the server.
            auto bad_iban = co_await expect_api_error(
                api.create_counterparty(eur_business("Bleu Lavande SARL", "FR1420041010050500013M02607")),
                Errc::bad_request);
            CHECK(bad_iban.api_code() == 3000);
            auto count = co_await api.get_all_counterparties();
            CHECK(count.size() == 3);
        });
    });
}

TEST_CASE("counterparties: invalid input never reaches the server", "[integration][counterparties]") {
    run_async([](asio::io_context& ioc) -> asio::awaitable<void> {
        mock::Server server(ioc.get_executor());
        server.start();
        AsyncClient client(ioc.get_executor(), revolut::test::options_for(server));
        co_await client.open();
        auto before = server.stats().requests;
        auto api = client.counterparties();
        auto expect_invalid = [](auto op) -> asio::awaitable<void> {
            try {
                co_await std::move(op);
                FAIL("accepted");
            } catch (const Error& e) {
                CHECK(e.code() == Errc::invalid_argument);
            }
        };
        co_await expect_invalid(api.get_all_counterparties(std::nullopt, std::nullopt, std::string("540105")));
        co_await expect_invalid(api.get_all_counterparties(std::nullopt, std::nullopt, std::nullopt, std::nullopt,
                                                           std::nullopt, std::nullopt, 1001));
        co_await expect_invalid(api.create_counterparty(uk_business("12", "12345678")));
        co_await expect_invalid(api.validate_account_name("1234", "540105", std::string("Fenwick Co.")));
        co_await expect_invalid(api.get_counterparty_requirements("GB", "gbp", CounterpartyProfileType::business));
        CounterpartyAddress no_city;
        no_city.street_line1 = "1 Road";
        no_city.country = "GB";
        no_city.postcode = "E1 1AA";
        co_await expect_invalid(api.update_counterparty_payment_method(Uuid::random(), Uuid::random(), no_city));
        CHECK(server.stats().requests == before);
        co_await client.close();
    });
}

TEST_CASE("counterparties: countries and field requirements", "[integration][counterparties]") {
    run_async([](asio::io_context& ioc) -> asio::awaitable<void> {
        mock::Server server(ioc.get_executor());
        server.start();
        AsyncClient client(ioc.get_executor(), revolut::test::options_for(server));
        co_await client.session([&]() -> asio::awaitable<void> {
            auto api = client.counterparties();
            auto countries = co_await api.get_counterparty_countries();
            auto gb = std::find_if(countries.countries.begin(), countries.countries.end(),
                                   [](const auto& c) { return c.country == "GB"; });
            REQUIRE(gb != countries.countries.end());
            CHECK(std::find(gb->currencies.begin(), gb->currencies.end(), "GBP") != gb->currencies.end());

            auto personal = co_await api.get_counterparty_requirements("GB", "GBP", CounterpartyProfileType::personal);
            std::vector<std::string> names;
            for (const auto& f : personal.fields) names.push_back(f.name);
            CHECK(names == std::vector<std::string>{"first_name", "last_name", "sort_code", "account_no", "address"});
            REQUIRE(personal.fields[2].regex);
            CHECK(personal.fields[2].regex->pattern == R"(^\d{6}$)");
            CHECK(personal.fields[2].required);

            auto us = co_await api.get_counterparty_requirements("US", "USD", CounterpartyProfileType::business);
            CHECK(us.fields[0].name == "company_name");
            REQUIRE(us.fields[1].name == "route");
            REQUIRE(us.fields[1].options.size() == 3);
            CHECK(us.fields[1].options[0].value == "ach");
            CHECK(us.fields[1].options[0].is_default == true);
            auto swift = co_await api.get_counterparty_requirements("US", "USD", CounterpartyProfileType::business,
                                                                    OpenEnum<CounterpartyRoute>(CounterpartyRoute::swift));
            CHECK(swift.fields[2].name == "bic");

            auto unsupported = co_await expect_api_error(
                api.get_counterparty_requirements("US", "EUR", CounterpartyProfileType::personal),
                Errc::unprocessable_entity);
            CHECK(unsupported.api_code() == 4030);
            auto unknown = co_await expect_api_error(
                api.get_counterparty_requirements("ZZ", "EUR", CounterpartyProfileType::personal), Errc::not_found);
            CHECK(unknown.api_code() == 3006);
        });
    });
}

TEST_CASE("counterparties: account-name validation outcomes", "[integration][counterparties]") {
    run_async([](asio::io_context& ioc) -> asio::awaitable<void> {
        mock::Server server(ioc.get_executor());
        server.start();
        AsyncClient client(ioc.get_executor(), revolut::test::options_for(server));
        co_await client.session([&]() -> asio::awaitable<void> {
            auto api = client.counterparties();
            // pyrevolut's UK form.
            auto matched = co_await api.validate_account_name("12345678", "54-01-05", std::nullopt,
                                                              std::string("Tamsin"), std::string("Oduya"));
            CHECK(matched.result_code == AccountNameMatch::matched);
            CHECK_FALSE(matched.reason);
            REQUIRE(matched.individual_name);
            CHECK(matched.individual_name->first_name == "Tamsin");
            CHECK(matched.individual_name->last_name == "Oduya");

            auto close = co_await api.validate_account_name("12345678", "540105", std::string("fenwick joinery ltd"));
            CHECK(close.result_code == AccountNameMatch::close_match);
            REQUIRE(close.reason);
            CHECK(close.reason->type == "uk_cop");
            CHECK(close.reason->code == "close_match");
            CHECK(close.company_name == "Fenwick Joinery Ltd");  // the name on the account

            auto individual = co_await api.validate_account_name("12345678", "540105", std::string("Tamsin Oduya"));
            CHECK(individual.result_code == AccountNameMatch::close_match);
            CHECK(individual.reason->code == "individual_account_name_matched");
            REQUIRE(individual.individual_name);
            CHECK(individual.individual_name->last_name == "Oduya");

            auto no_match = co_await api.validate_account_name("12345678", "540105", std::string("Unknown Holdings Ltd"));
            CHECK(no_match.result_code == AccountNameMatch::not_matched);
            CHECK(no_match.reason->code == "not_matched");
            auto no_account = co_await api.validate_account_name("00000000", "540105", std::string("Fenwick Ltd"));
            CHECK(no_account.reason->code == "account_does_not_exist");

            ValidateAccountNameRequest eu;
            eu.account = ValidateAccountNameRequest::Iban{"LT479258808892168739", std::nullopt, "LT", "EUR"};
            eu.company_name = "Saule Energija UAB";
            auto eu_result = co_await api.validate_account_name(eu);
            CHECK(eu_result.result_code == AccountNameMatch::matched);
            CHECK(eu_result.company_name == "Saule Energija UAB");
            eu.account = ValidateAccountNameRequest::Iban{"LT479258808892168739", std::nullopt, "LT", "USD"};
            auto unsupported = co_await api.validate_account_name(eu);
            CHECK(unsupported.result_code == AccountNameMatch::cannot_be_checked);
            CHECK(unsupported.reason->code == "not_supported");

            ValidateAccountNameRequest ro;
            ro.account = ValidateAccountNameRequest::Iban{"RO1598536106002528374911", std::nullopt, "RO", "RON"};
            ro.individual_name = IndividualName{std::string("Alexandru"), std::string("Ionescu")};
            auto ro_result = co_await api.validate_account_name(ro);
            CHECK(ro_result.result_code == AccountNameMatch::matched);
            CHECK(ro_result.individual_name->last_name == "I.");  // RO gives a partial name

            ValidateAccountNameRequest au;
            au.account = ValidateAccountNameRequest::Au{"486196918", "159517"};
            au.company_name = "Temporarily Unavailable Pty Ltd";
            auto au_result = co_await api.validate_account_name(au);
            CHECK(au_result.result_code == AccountNameMatch::temporarily_unavailable);
        });
    });
}

TEST_CASE("counterparties: a bank account's address can be replaced", "[integration][counterparties]") {
    run_async([](asio::io_context& ioc) -> asio::awaitable<void> {
        mock::Server server(ioc.get_executor());
        server.start();
        AsyncClient client(ioc.get_executor(), revolut::test::options_for(server));
        co_await client.session([&]() -> asio::awaitable<void> {
            auto api = client.counterparties();
            auto request = uk_business("Fenwick Joinery Ltd", "12345678");
            CounterpartyAddress old_address;
            old_address.street_line1 = "1 Old Street";
            old_address.region = "Greater London";
            old_address.city = "London";
            old_address.country = "GB";
            old_address.postcode = "EC1V 9LT";
            request.address = old_address;
            auto created = co_await api.create_counterparty(request);
            const Uuid method = created.accounts[0].id;

            CounterpartyAddress address;
            address.street_line1 = "7 Mercer Walk";
            address.street_line2 = "Floor 3";
            address.city = "Manchester";
            address.country = "GB";
            address.postcode = "M1 1AE";
            co_await api.update_counterparty_payment_method(created.id, method, address);
            auto fetched = co_await api.get_counterparty(created.id);
            REQUIRE(fetched.accounts[0].address);
            const auto& shown = *fetched.accounts[0].address;
            CHECK(shown.street_line1 == "7 Mercer Walk");
            CHECK(shown.street_line2 == "Floor 3");
            CHECK(shown.region == "Greater London");  // left out: kept
            CHECK(shown.city == "Manchester");
            CHECK(shown.postcode == "M1 1AE");
            CHECK(fetched.updated_at >= created.updated_at);

            auto unknown = co_await expect_api_error(
                api.update_counterparty_payment_method(created.id, Uuid::random(), address), Errc::not_found);
            CHECK(unknown.api_code() == 3006);
            auto revolut_cp = co_await api.create_counterparty(revtag("Test User 4", "john4pvki"));
            auto no_address = co_await expect_api_error(
                api.update_counterparty_payment_method(revolut_cp.id, revolut_cp.accounts[0].id, address),
                Errc::bad_request);
            CHECK(no_address.api_code() == 3000);
        });
    });
}

TEST_CASE("counterparties: raw JSON has the spec's shape", "[integration][counterparties]") {
    run_async([](asio::io_context& ioc) -> asio::awaitable<void> {
        mock::Server server(ioc.get_executor());
        server.start();
        AsyncClient client(ioc.get_executor(), revolut::test::options_for(server));
        co_await client.session([&]() -> asio::awaitable<void> {
            auto raw = client.counterparties(revolut::raw);
            boost::json::value created = co_await raw.create_counterparty(uk_business("Fenwick Joinery Ltd", "12345678"));
            REQUIRE(created.is_object());
            const auto& o = created.as_object();
            CHECK(o.at("state").as_string() == "created");
            CHECK(o.at("profile_type").as_string() == "business");
            CHECK_FALSE(o.contains("revtag"));
            const auto& account = o.at("accounts").as_array().at(0).as_object();
            CHECK(account.at("type").as_string() == "external");
            CHECK(account.at("sort_code").as_string() == "540105");
            Uuid id{o.at("id").as_string()};
            boost::json::value list = co_await raw.get_all_counterparties();
            CHECK(list.as_array().size() == 1);
            boost::json::value deleted = co_await raw.delete_counterparty(id);
            CHECK(deleted == boost::json::object{});
        });
    });
}
