// Tax rates: models decoded from JSON shaped like the spec's examples (exact percentages),
// and the request builders (routes, exact bodies, validation before sending).
#include "model_test_support.hpp"

#include <revolut/api/tax_rates.hpp>
#include <revolut/error.hpp>

#include <boost/json/parse.hpp>

#include <catch2/catch.hpp>

using namespace revolut;
using revolut_test::decode;
using revolut_test::require_error;
namespace requests = revolut::detail::tax_rates;
using verb = boost::beast::http::verb;

namespace {

const Uuid rate_id{"09ad1ad3-a1c0-4c09-b8f8-24b439e72690"};

}  // namespace

TEST_CASE("a tax rate decodes every field, the percentage exactly", "[tax_rates]") {
    auto rate = decode<TaxRate>(R"json({"id": "09ad1ad3-a1c0-4c09-b8f8-24b439e72690",
        "name": "20% (VAT on Expenses)", "created_at": "2026-03-11T10:33:51.121090Z",
        "updated_at": "2026-03-19T08:45:22.111444Z", "percentage": 20})json");
    CHECK(rate.id == rate_id);
    CHECK(rate.name == "20% (VAT on Expenses)");
    CHECK(format_timestamp(rate.created_at) == "2026-03-11T10:33:51.121090Z");
    CHECK(format_timestamp(rate.updated_at) == "2026-03-19T08:45:22.111444Z");
    REQUIRE(rate.percentage);
    CHECK(*rate.percentage == Decimal(20));
}

TEST_CASE("tax rate percentages keep their digits, negative ones from integrations too", "[tax_rates]") {
    const std::pair<const char*, const char*> cases[] = {
        {"12.75", "12.75"}, {"5.5", "5.5"}, {"0", "0"}, {"-7.125", "-7.125"}, {"0.1", "0.1"}};
    for (const auto& [json_number, text] : cases) {
        INFO(json_number);
        auto rate = decode<TaxRate>(std::string(R"({"id": "09ad1ad3-a1c0-4c09-b8f8-24b439e72690", "name": "R",
            "created_at": "2026-03-11T10:33:51Z", "updated_at": "2026-03-11T10:33:51Z", "percentage": )") +
                                         json_number + "}");
        REQUIRE(rate.percentage);
        CHECK(rate.percentage->to_string() == text);
    }
    auto without = decode<TaxRate>(R"({"id": "09ad1ad3-a1c0-4c09-b8f8-24b439e72690", "name": "R",
        "created_at": "2026-03-11T10:33:51Z", "updated_at": "2026-03-11T10:33:51Z"})");
    CHECK_FALSE(without.percentage);
    require_error([] {
        decode<TaxRate>(R"({"id": "09ad1ad3-a1c0-4c09-b8f8-24b439e72690", "name": "R",
            "created_at": "2026-03-11T10:33:51Z", "updated_at": "2026-03-11T10:33:51Z", "percentage": "20"})");
    }, Errc::invalid_response);
    require_error([] {
        decode<TaxRate>(R"({"id": "09ad1ad3-a1c0-4c09-b8f8-24b439e72690",
            "created_at": "2026-03-11T10:33:51Z", "updated_at": "2026-03-11T10:33:51Z", "percentage": 20})");
    }, Errc::invalid_response);
}

TEST_CASE("a page of tax rates with and without a next page token", "[tax_rates]") {
    auto page = decode<CursorPage<TaxRate>>(R"({"next_page_token": "dGF4LXJhdGVzOjQ",
        "tax_rates": [
          {"id": "f0e1d2c3-b4a5-4678-9012-3456789abcde", "name": "Import Duty Surcharge",
           "created_at": "2026-03-19T07:15:00.000000Z", "updated_at": "2026-03-19T08:45:22.111444Z",
           "percentage": 12.75},
          {"id": "98765432-abcd-ef01-2345-67890abcdef0", "name": "Exempt Financial Services",
           "created_at": "2025-12-20T11:11:11.000Z", "updated_at": "2026-03-15T09:30:00.555222Z",
           "percentage": 0}]})");
    REQUIRE(page.items.size() == 2);
    CHECK(page.items[0].percentage == Decimal::parse("12.75"));
    CHECK(page.items[1].name == "Exempt Financial Services");
    CHECK(page.next_page_token == "dGF4LXJhdGVzOjQ");
    auto last = decode<CursorPage<TaxRate>>(R"({"tax_rates": []})");
    CHECK(last.items.empty());
    CHECK_FALSE(last.next_page_token);
    require_error([] { decode<CursorPage<TaxRate>>(R"({"accounting_categories": []})"); },
                  Errc::invalid_response);
}

TEST_CASE("tax rate requests: routes and exact bodies", "[tax_rates]") {
    auto create = requests::create_tax_rate("Import Duty", Decimal::parse("12.75"));
    CHECK(create.method == verb::post);
    CHECK(create.target == "/1.0/tax-rates");
    REQUIRE(create.json_body);
    // The percentage goes out with its own digits, never through a double.
    CHECK(*create.json_body == R"({"name":"Import Duty","percentage":12.75})");
    CHECK(*requests::create_tax_rate("VAT", Decimal(20)).json_body == R"({"name":"VAT","percentage":20})");
    CHECK(*requests::create_tax_rate("Exact", Decimal::parse("0.1")).json_body == R"({"name":"Exact","percentage":0.1})");

    CHECK(requests::get_all_tax_rates(std::nullopt, std::nullopt).target == "/1.0/tax-rates");
    CHECK(requests::get_all_tax_rates(3, std::string("dGF4")).target == "/1.0/tax-rates?limit=3&page_token=dGF4");
    CHECK(requests::get_tax_rate(rate_id).target == "/1.0/tax-rates/09ad1ad3-a1c0-4c09-b8f8-24b439e72690");
    auto update = requests::update_tax_rate(rate_id, "20% VAT");
    CHECK(update.method == verb::patch);
    CHECK(boost::json::parse(*update.json_body) == boost::json::parse(R"({"name":"20% VAT"})"));
    auto remove = requests::delete_tax_rate(rate_id);
    CHECK(remove.method == verb::delete_);
    CHECK(remove.target == "/1.0/tax-rates/09ad1ad3-a1c0-4c09-b8f8-24b439e72690");
}

TEST_CASE("tax rate requests are checked before sending", "[tax_rates]") {
    auto invalid = [](auto f) { require_error(f, Errc::invalid_argument); };
    invalid([] { requests::create_tax_rate("", Decimal(20)); });
    invalid([] { requests::create_tax_rate(std::string(21, 'x'), Decimal(20)); });
    invalid([] { requests::create_tax_rate("Negative", Decimal::parse("-0.01")); });
    invalid([] { requests::create_tax_rate("Too much", Decimal::parse("100.01")); });
    CHECK_NOTHROW(requests::create_tax_rate(std::string(20, 'x'), Decimal(0)));
    CHECK_NOTHROW(requests::create_tax_rate("All", Decimal::parse("100.00")));
    invalid([] { requests::update_tax_rate(rate_id, ""); });
    invalid([] { requests::update_tax_rate(Uuid{}, "VAT"); });
    invalid([] { requests::get_all_tax_rates(0, std::nullopt); });
    invalid([] { requests::get_all_tax_rates(501, std::nullopt); });
    invalid([] { requests::get_all_tax_rates(std::nullopt, std::string()); });
}
