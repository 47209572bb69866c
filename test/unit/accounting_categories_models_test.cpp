// Accounting categories: models decoded from JSON shaped like the spec's examples, and the
// request builders (routes, bodies, validation before sending).
#include "model_test_support.hpp"

#include <revolut/api/accounting_categories.hpp>
#include <revolut/error.hpp>

#include <boost/json/parse.hpp>

#include <catch2/catch.hpp>

using namespace revolut;
using revolut_test::decode;
using revolut_test::require_error;
using revolut_test::body_of;
namespace requests = revolut::detail::accounting_categories;
using verb = boost::beast::http::verb;

namespace {

const Uuid category_id{"8d831292-f950-4c5a-83f9-030df8cacd3f"};
const Uuid tax_rate_id{"d8f6bf6c-5b70-4c16-9549-5943e67ab009"};

}  // namespace

TEST_CASE("an accounting category decodes every field", "[accounting_categories]") {
    auto category = decode<AccountingCategory>(R"({
        "id": "8d831292-f950-4c5a-83f9-030df8cacd3f", "name": "Transportation", "code": "400",
        "created_at": "2026-03-11T17:03:25.570942Z", "updated_at": "2026-03-12T08:00:00Z",
        "default_tax_rate_id": "d8f6bf6c-5b70-4c16-9549-5943e67ab009", "something_new": true})");
    CHECK(category.id == category_id);
    CHECK(category.name == "Transportation");
    CHECK(category.code == "400");
    CHECK(format_timestamp(category.created_at) == "2026-03-11T17:03:25.570942Z");
    CHECK(format_timestamp(category.updated_at) == "2026-03-12T08:00:00Z");
    CHECK(category.default_tax_rate_id == tax_rate_id);
}

TEST_CASE("an accounting category without code or default tax rate", "[accounting_categories]") {
    auto category = decode<AccountingCategory>(R"({
        "id": "6a37383e-cfd3-4a2f-aa81-e3a6e6939efa", "name": "Office supplies",
        "created_at": "2026-03-11T17:03:25.570942Z", "updated_at": "2026-03-11T17:03:25.570942Z"})");
    CHECK(category.name == "Office supplies");
    CHECK_FALSE(category.code);
    CHECK_FALSE(category.default_tax_rate_id);
}

TEST_CASE("an accounting category missing a required field is an invalid response", "[accounting_categories]") {
    for (const char* body : {
             R"({"name": "A", "created_at": "2026-03-11T17:03:25Z", "updated_at": "2026-03-11T17:03:25Z"})",
             R"({"id": "6a37383e-cfd3-4a2f-aa81-e3a6e6939efa", "created_at": "2026-03-11T17:03:25Z",
                 "updated_at": "2026-03-11T17:03:25Z"})",
             R"({"id": "6a37383e-cfd3-4a2f-aa81-e3a6e6939efa", "name": "A", "updated_at": "2026-03-11T17:03:25Z"})",
             R"({"id": "not-a-uuid", "name": "A", "created_at": "2026-03-11T17:03:25Z",
                 "updated_at": "2026-03-11T17:03:25Z"})",
         }) {
        INFO(body);
        require_error([&] { decode<AccountingCategory>(body); }, Errc::invalid_response);
    }
}

TEST_CASE("a page of accounting categories keeps its order and its next page token", "[accounting_categories]") {
    auto page = decode<CursorPage<AccountingCategory>>(R"({
        "next_page_token": "MjAyNi0wMS0wMVQwOToxMzoxNS40MDZa",
        "accounting_categories": [
          {"id": "8d831292-f950-4c5a-83f9-030df8cacd3f", "name": "Transportation", "code": "400",
           "created_at": "2026-03-11T17:03:25.570942Z", "updated_at": "2026-03-11T17:03:25.570942Z"},
          {"id": "8d749b93-4a2e-4f28-8b5b-9d64fe2e1d62", "name": "Office Supplies", "code": "410",
           "created_at": "2026-03-11T17:03:25.570940Z", "updated_at": "2026-03-11T17:03:25.570940Z",
           "default_tax_rate_id": "2a3520af-e6f7-416c-821e-0e83ffac1dfa"}]})");
    REQUIRE(page.items.size() == 2);
    CHECK(page.items[0].name == "Transportation");
    CHECK(page.items[1].code == "410");
    CHECK(page.items[1].default_tax_rate_id == Uuid{"2a3520af-e6f7-416c-821e-0e83ffac1dfa"});
    CHECK(page.next_page_token == "MjAyNi0wMS0wMVQwOToxMzoxNS40MDZa");
}

TEST_CASE("the last page of accounting categories has no token, an empty list is a page", "[accounting_categories]") {
    auto last = decode<CursorPage<AccountingCategory>>(R"({"accounting_categories": [
          {"id": "8d831292-f950-4c5a-83f9-030df8cacd3f", "name": "Transportation",
           "created_at": "2026-03-11T17:03:25Z", "updated_at": "2026-03-11T17:03:25Z"}]})");
    CHECK(last.items.size() == 1);
    CHECK_FALSE(last.next_page_token);
    auto empty = decode<CursorPage<AccountingCategory>>(R"({"accounting_categories": []})");
    CHECK(empty.items.empty());
    CHECK_FALSE(empty.next_page_token);
    // The array is required; a bare array (the other lists' shape) is not this response.
    require_error([] { decode<CursorPage<AccountingCategory>>(R"({"next_page_token": "x"})"); },
                  Errc::invalid_response);
    require_error([] { decode<CursorPage<AccountingCategory>>("[]"); }, Errc::invalid_response);
}

TEST_CASE("a create answer carries only the new ID", "[accounting_categories]") {
    auto created = decode<ResourceCreated>(R"({"id": "6a37383e-cfd3-4a2f-aa81-e3a6e6939efa"})");
    CHECK(created.id == Uuid{"6a37383e-cfd3-4a2f-aa81-e3a6e6939efa"});
    require_error([] { decode<ResourceCreated>("{}"); }, Errc::invalid_response);
}

TEST_CASE("accounting category requests: routes and bodies", "[accounting_categories]") {
    auto create = requests::create_accounting_category("Transportation", "400", tax_rate_id);
    CHECK(create.method == verb::post);
    CHECK(create.target == "/1.0/accounting-categories");
    CHECK(body_of(create) == boost::json::parse(R"({"name":"Transportation","code":"400",
                                                    "default_tax_rate_id":"d8f6bf6c-5b70-4c16-9549-5943e67ab009"})"));
    CHECK(body_of(requests::create_accounting_category("Office supplies", "410", std::nullopt)) ==
          boost::json::parse(R"({"name":"Office supplies","code":"410"})"));

    CHECK(requests::get_all_accounting_categories(std::nullopt, std::nullopt).target == "/1.0/accounting-categories");
    // A token is opaque: sent as the server gave it, percent-encoded where the query needs it.
    CHECK(requests::get_all_accounting_categories(5, std::string("ab/=&c d")).target ==
          "/1.0/accounting-categories?limit=5&page_token=ab/=%26c%20d");

    auto get = requests::get_accounting_category(category_id);
    CHECK(get.method == verb::get);
    CHECK(get.target == "/1.0/accounting-categories/8d831292-f950-4c5a-83f9-030df8cacd3f");
    CHECK_FALSE(get.json_body);

    auto update = requests::update_accounting_category(category_id, std::nullopt, std::string("998"), std::nullopt);
    CHECK(update.method == verb::patch);
    CHECK(update.target == "/1.0/accounting-categories/8d831292-f950-4c5a-83f9-030df8cacd3f");
    CHECK(body_of(update) == boost::json::parse(R"({"code":"998"})"));
    CHECK(body_of(requests::update_accounting_category(category_id, std::string("Marketing"), std::nullopt,
                                                       tax_rate_id)) ==
          boost::json::parse(R"({"name":"Marketing","default_tax_rate_id":"d8f6bf6c-5b70-4c16-9549-5943e67ab009"})"));

    auto remove = requests::delete_accounting_category(category_id);
    CHECK(remove.method == verb::delete_);
    CHECK_FALSE(remove.json_body);
    CHECK(create.environment == detail::Environment::any);
}

TEST_CASE("accounting category requests are checked before sending", "[accounting_categories]") {
    auto invalid = [](auto f) { require_error(f, Errc::invalid_argument); };
    invalid([] { requests::create_accounting_category("", "400", std::nullopt); });
    invalid([] { requests::create_accounting_category("Travel", "", std::nullopt); });
    invalid([] { requests::create_accounting_category(std::string(61, 'n'), "400", std::nullopt); });
    invalid([] { requests::create_accounting_category("Travel", std::string(51, 'c'), std::nullopt); });
    invalid([] { requests::create_accounting_category("Travel", "400", Uuid{}); });
    // 60 characters of two bytes each are 60 characters, not 120.
    std::string accented;
    for (int i = 0; i < 60; ++i) accented += "\xC3\xA9";
    CHECK_NOTHROW(requests::create_accounting_category(accented, "400", std::nullopt));
    invalid([] { requests::update_accounting_category(category_id, std::nullopt, std::nullopt, std::nullopt); });
    invalid([] { requests::update_accounting_category(category_id, std::string(), std::nullopt, std::nullopt); });
    invalid([] { requests::get_accounting_category(Uuid{}); });
    invalid([] { requests::get_all_accounting_categories(0, std::nullopt); });
    invalid([] { requests::get_all_accounting_categories(501, std::nullopt); });
    invalid([] { requests::get_all_accounting_categories(std::nullopt, std::string()); });
    CHECK(requests::get_all_accounting_categories(500, std::nullopt).target == "/1.0/accounting-categories?limit=500");
    CHECK(requests::get_all_accounting_categories(1, std::nullopt).target == "/1.0/accounting-categories?limit=1");
}
