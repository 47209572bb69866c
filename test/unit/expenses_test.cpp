// Expenses: models decoded from JSON shaped like the spec's examples, the receipt's raw
// bytes, and request building (routes, filters, the production-only mark, validation).
#include "model_test_support.hpp"

#include <revolut/api/expenses.hpp>
#include <revolut/error.hpp>

#include <catch2/catch.hpp>

using namespace revolut;
using revolut_test::decode;
namespace requests = revolut::detail::expenses;

namespace {

template <class F>
void require_invalid(F f) {
    try {
        f();
        FAIL("accepted");
    } catch (const Error& e) {
        CHECK(e.code() == Errc::invalid_argument);
    }
}

const char* approved_expense = R"({
  "id": "8decf9f8-053e-46cb-92d8-a7b450fe5ae0",
  "state": "approved",
  "transaction_type": "card_payment",
  "description": "Printer paper",
  "submitted_at": "2024-09-13T20:48:40.912Z",
  "completed_at": "2024-09-13T20:48:40.948Z",
  "payer": "Ray Trenfield",
  "merchant": "Best Printers Company",
  "transaction_id": "163e0ef6-2414-4fcf-846f-1f871059d506",
  "expense_date": "2024-09-13T18:47:01.782Z",
  "splits": [
    {"amount": {"amount": 15.39, "currency": "GBP"},
     "category": {"id": "71b9ec74-d5ff-4aa1-a489-f8dc39d4c9b7", "name": "Printing & Stationery", "code": "461"},
     "tax_rate": {"id": "5704fdd2-bac2-42ec-bab0-e075182260be", "name": "VAT", "percentage": 20}},
    {"amount": {"amount": 8.99, "currency": "GBP"},
     "category": {"id": "a5532a5e-d859-4795-967b-14723f8920ea", "name": "Groceries"},
     "tax_rate": {"id": "d92efe31-fc26-4364-af4b-3630c1057ece", "name": "Reduced", "percentage": 5.5}}
  ],
  "labels": {"Office supplies": ["photocopying"], "Department": ["HR"]},
  "receipt_ids": ["84c0169a-37f9-4bfa-ab1e-f2c81dbc34cf"],
  "spent_amount": {"amount": 24.38, "currency": "GBP"}
})";

// Reverted: no description, no category or tax rate on its split, no receipts.
const char* reverted_expense = R"({
  "id": "9b9cf87a-e17f-4854-8800-515a0475c4df", "state": "reverted", "transaction_type": "transfer",
  "payer": "Mindy Carter", "transaction_id": "5581efb8-6b98-4c2b-bdcd-1270062a8d48",
  "expense_date": "2024-09-16T12:48:39.960Z",
  "splits": [{"amount": {"amount": 100, "currency": "EUR"}}],
  "labels": {}, "receipt_ids": [], "spent_amount": {"amount": 100, "currency": "EUR"}
})";

}  // namespace

TEST_CASE("an approved expense decodes every field, amounts and percentages exact", "[expenses]") {
    auto e = decode<Expense>(approved_expense);
    CHECK(e.id == Uuid("8decf9f8-053e-46cb-92d8-a7b450fe5ae0"));
    CHECK(e.state == ExpenseState::approved);
    CHECK(e.transaction_type == ExpenseTransactionType::card_payment);
    CHECK(e.description == "Printer paper");
    CHECK(e.submitted_at == parse_timestamp("2024-09-13T20:48:40.912Z"));
    CHECK(e.completed_at == parse_timestamp("2024-09-13T20:48:40.948Z"));
    CHECK(e.payer == "Ray Trenfield");
    CHECK(e.merchant == "Best Printers Company");
    CHECK(e.transaction_id == Uuid("163e0ef6-2414-4fcf-846f-1f871059d506"));
    CHECK(e.expense_date == parse_timestamp("2024-09-13T18:47:01.782Z"));
    REQUIRE(e.splits.size() == 2);
    CHECK(e.splits[0].amount == ExpenseAmount{Decimal::parse("15.39"), "GBP"});
    REQUIRE(e.splits[0].category);
    CHECK(e.splits[0].category->name == "Printing & Stationery");
    CHECK(e.splits[0].category->code == "461");
    REQUIRE(e.splits[0].tax_rate);
    CHECK(e.splits[0].tax_rate->percentage == Decimal(20));
    CHECK_FALSE(e.splits[1].category->code);
    CHECK(e.splits[1].tax_rate->percentage->to_string() == "5.5");
    CHECK(e.labels.at("Department") == std::vector<std::string>{"HR"});
    CHECK(e.labels.at("Office supplies") == std::vector<std::string>{"photocopying"});
    CHECK(e.receipt_ids == std::vector<Uuid>{Uuid("84c0169a-37f9-4bfa-ab1e-f2c81dbc34cf")});
    CHECK(e.spent_amount.amount.to_string() == "24.38");
    CHECK(e.spent_amount.currency == "GBP");
}

TEST_CASE("an expense without the optional parts decodes, unknown enums are kept", "[expenses]") {
    auto e = decode<Expense>(reverted_expense);
    CHECK(e.state == ExpenseState::reverted);
    CHECK_FALSE(e.description);
    CHECK_FALSE(e.merchant);
    REQUIRE(e.splits.size() == 1);
    CHECK_FALSE(e.splits[0].category);
    CHECK_FALSE(e.splits[0].tax_rate);
    CHECK(e.labels.empty());
    CHECK(e.receipt_ids.empty());

    std::string future = reverted_expense;
    future.replace(future.find("\"reverted\""), 10, "\"disputed\"");
    future.replace(future.find("\"transfer\""), 10, "\"crypto\"");
    auto unknown = decode<Expense>(future);
    CHECK(unknown.state.str() == "disputed");
    CHECK(unknown.transaction_type.str() == "crypto");
    CHECK(decode<std::vector<Expense>>(std::string("[") + approved_expense + "," + reverted_expense + "]").size() == 2);
}

TEST_CASE("an expense missing a required field is an invalid response", "[expenses]") {
    auto without = [](std::string_view field) {
        std::string json = reverted_expense;
        json.erase(json.find(field), field.size());
        return json;
    };
    auto expect_invalid = [](const std::string& json) {
        try {
            decode<Expense>(json);
            FAIL("decoded");
        } catch (const Error& e) {
            CHECK(e.code() == Errc::invalid_response);
        }
    };
    expect_invalid(without(R"("expense_date": "2024-09-16T12:48:39.960Z",)"));
    expect_invalid(without(R"("state": "reverted",)"));
    expect_invalid(without(R"(, "spent_amount": {"amount": 100, "currency": "EUR"})"));
    expect_invalid(without(R"("splits": [{"amount": {"amount": 100, "currency": "EUR"}}],)"));
    // `labels` absent is read as no labels.
    CHECK(decode<Expense>(without(R"("labels": {}, )")).labels.empty());
}

TEST_CASE("a receipt is its bytes as they arrived, binary included", "[expenses]") {
    std::string pdf("%PDF-1.4\n\x00\xff\xfe binary", 19);
    auto receipt = decode<ExpenseReceipt>(pdf);
    CHECK(receipt.content == pdf);
    CHECK(receipt.content.size() == 19);
}

TEST_CASE("expense requests are production-only with the spec's routes", "[expenses]") {
    const Uuid expense{"8decf9f8-053e-46cb-92d8-a7b450fe5ae0"}, receipt{"84c0169a-37f9-4bfa-ab1e-f2c81dbc34cf"};
    auto list = requests::get_all_expenses({});
    CHECK(list.target == "/1.0/expenses");
    auto one = requests::get_expense(expense);
    CHECK(one.target == "/1.0/expenses/8decf9f8-053e-46cb-92d8-a7b450fe5ae0");
    auto file = requests::get_expense_receipt(expense, receipt);
    CHECK(file.target ==
          "/1.0/expenses/8decf9f8-053e-46cb-92d8-a7b450fe5ae0/receipts/84c0169a-37f9-4bfa-ab1e-f2c81dbc34cf/content");
    for (const auto* r : {&list, &one, &file}) {
        CHECK(r->method == boost::beast::http::verb::get);
        CHECK(r->environment == detail::Environment::production_only);
        CHECK_FALSE(r->json_body);
    }
    require_invalid([&] { requests::get_expense_receipt(expense, Uuid{}); });
}

TEST_CASE("expense filters go out as the spec names them, count is 1..500", "[expenses]") {
    ExpensesQuery q;
    q.from = parse_timestamp("2024-09-01T00:00:00Z");
    q.to = parse_timestamp("2024-10-01T00:00:00.5Z");
    q.count = 500;
    q.state = ExpenseState::awaiting_review;
    q.transaction_type = ExpenseTransactionType::mileage_reimbursement;
    CHECK(requests::get_all_expenses(q).target ==
          "/1.0/expenses?from=2024-09-01T00:00:00Z&to=2024-10-01T00:00:00.500000Z&count=500"
          "&state=awaiting_review&transaction_type=mileage_reimbursement");
    require_invalid([] {
        ExpensesQuery zero;
        zero.count = 0;
        requests::get_all_expenses(zero);
    });
    require_invalid([] {
        ExpensesQuery many;
        many.count = 501;
        requests::get_all_expenses(many);
    });
    require_invalid([] {
        ExpensesQuery backwards;
        backwards.from = parse_timestamp("2024-10-01T00:00:00Z");
        backwards.to = parse_timestamp("2024-09-01T00:00:00Z");
        requests::get_all_expenses(backwards);
    });
}

TEST_CASE("expense enums round-trip", "[expenses]") {
    for (std::size_t i = 1; i < detail::expense_state_names.size(); ++i) {
        auto state = static_cast<ExpenseState>(i);
        CHECK(OpenEnum<ExpenseState>::parse(to_string(state)) == state);
    }
    for (std::size_t i = 1; i < detail::expense_transaction_type_names.size(); ++i) {
        auto type = static_cast<ExpenseTransactionType>(i);
        CHECK(OpenEnum<ExpenseTransactionType>::parse(to_string(type)) == type);
    }
    CHECK(to_string(ExpenseState::pending_reimbursement) == "pending_reimbursement");
}
