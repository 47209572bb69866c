// Transactions: the Transaction model from spec-like JSON (legs, merchant, card, exact
// amounts) and GET /transactions request building with every filter, without sockets.
#include "model_test_support.hpp"

#include <revolut/api/transactions.hpp>
#include <revolut/error.hpp>

#include <boost/url/parse.hpp>
#include <boost/url/url_view.hpp>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include <catch2/catch.hpp>

using namespace revolut;
using revolut_test::decode;
using revolut_test::require_error;
using namespace std::chrono_literals;
namespace requests = revolut::detail::transactions;
using verb = boost::beast::http::verb;

namespace {

// The query parameters of a target, in order, decoded.
std::vector<std::pair<std::string, std::string>> params_of(const std::string& target) {
    auto url = boost::urls::parse_origin_form(target);
    REQUIRE(url);
    std::vector<std::pair<std::string, std::string>> out;
    for (auto p : url->params()) out.emplace_back(p.key, p.value);
    return out;
}

const char* card_payment = R"({
  "id": "640c2b97-aaaa-1234-aaaa-c47a165c2e7e", "type": "card_payment", "state": "completed",
  "request_id": "REVP:8988a9a0-aaaa-1234-aaaa-5bcc66d938bf",
  "created_at": "2023-03-11T07:19:51.302559Z", "updated_at": "2023-03-12T02:13:36.842322Z",
  "completed_at": "2023-03-12T02:13:36.836595Z",
  "merchant": {"id": "2b1a31bc-4795-4f95-b939-ae9cf911dc61", "name": "Acme Corp.", "city": "New York",
               "category_code": "7311", "country": "USA"},
  "legs": [{"leg_id": "640c2b97-aaaa-1234-aaaa-c47a165c2e7e", "account_id": "92e43866-aaaa-1234-aaaa-6e31dd23f024",
            "amount": -47.80, "fee": 0.66, "currency": "AED", "bill_amount": -13, "bill_currency": "USD",
            "description": "Acm *1234mn1ha2", "balance": 7.74}],
  "card": {"id": "2b1a31bc-4795-4f95-b939-ae9cf911dc6e", "card_number": "516760******1234",
           "first_name": "John", "last_name": "Smith", "phone": "+12412341234",
           "references": [{"name": "PNR", "value": "RT12345"}, {"name": "Traveller", "value": "John Smith"}]}
})";

const char* transfers_page = R"([
  {"id": "640c1963-aaaa-1234-aaaa-a6b451197c6a", "type": "transfer", "state": "pending",
   "request_id": "8cc6f5db-aaaa-1234-aaaa-068a05af424e", "reference": "Invoice 12",
   "created_at": "2023-03-11T06:02:11.785704Z", "updated_at": "2023-03-11T06:02:14.628964Z",
   "scheduled_for": "2023-03-15",
   "legs": [{"leg_id": "640c1963-aaaa-1234-aaaa-a6b451197c6a", "account_id": "0d1848dc-aaaa-1234-aaaa-cae53cbd4baf",
             "counterparty": {"id": "f5a9a06b-aaaa-1234-aaaa-c51df843e30d", "account_type": "external",
                              "account_id": "25c9d813-aaaa-1234-aaaa-28334fc4d133"},
             "amount": -100, "fee": 0.1, "currency": "GBP", "description": "To John Smith"}]},
  {"id": "172884ea-a529-4d5f-8a81-8ebab9f23e33", "type": "refund", "state": "declined",
   "reason_code": "insufficient_balance", "created_at": "2024-03-17T06:05:10.57574Z",
   "updated_at": "2024-03-17T06:05:10.575740Z", "related_transaction_id": "640c1963-aaaa-1234-aaaa-a6b451197c6a",
   "legs": []},
  {"id": "640b4fbf-aaaa-1234-aaaa-17a2d10142af", "type": "temp_block", "state": "cancelled",
   "created_at": "2023-03-10T15:41:51.304765Z", "updated_at": "2023-03-10T15:41:51.395348Z",
   "legs": [{"leg_id": "a", "account_id": "0d1848dc-aaaa-1234-aaaa-cae53cbd4baf", "amount": -100.00,
             "currency": "GBP", "counterparty": {"account_type": "self"}},
            {"leg_id": "b", "account_id": "87f2f697-aaaa-1234-aaaa-a20c78c0d24f", "amount": 100.00,
             "currency": "GBP", "counterparty": {"account_type": "moon_bank"}}]}
])";

}  // namespace

TEST_CASE("a card payment decodes with merchant, card, references and exact legs", "[transactions]") {
    auto t = decode<Transaction>(card_payment);
    CHECK(t.id == "640c2b97-aaaa-1234-aaaa-c47a165c2e7e");
    CHECK(t.type == TransactionType::card_payment);
    CHECK(t.state == TransactionState::completed);
    CHECK(t.request_id == "REVP:8988a9a0-aaaa-1234-aaaa-5bcc66d938bf");
    CHECK(t.created_at == parse_timestamp("2023-03-11T07:19:51.302559Z"));
    CHECK(t.updated_at == parse_timestamp("2023-03-12T02:13:36.842322Z"));
    CHECK(t.completed_at == parse_timestamp("2023-03-12T02:13:36.836595Z"));
    CHECK_FALSE(t.reference);
    CHECK_FALSE(t.scheduled_for);
    REQUIRE(t.merchant);
    CHECK(t.merchant->id == "2b1a31bc-4795-4f95-b939-ae9cf911dc61");
    CHECK(t.merchant->name == "Acme Corp.");
    CHECK(t.merchant->city == "New York");
    CHECK(t.merchant->category_code == "7311");
    CHECK(t.merchant->country == "USA");
    REQUIRE(t.legs.size() == 1);
    const auto& leg = t.legs[0];
    CHECK(leg.leg_id == "640c2b97-aaaa-1234-aaaa-c47a165c2e7e");
    CHECK(leg.account_id == "92e43866-aaaa-1234-aaaa-6e31dd23f024");
    CHECK_FALSE(leg.counterparty);
    CHECK(leg.amount.to_string() == "-47.80");
    CHECK(leg.fee == Decimal::parse("0.66"));
    CHECK(leg.currency == "AED");
    CHECK(leg.bill_amount == Decimal(-13));
    CHECK(leg.bill_currency == "USD");
    CHECK(leg.description == "Acm *1234mn1ha2");
    CHECK(leg.balance == Decimal::parse("7.74"));
    REQUIRE(t.card);
    CHECK(t.card->id == "2b1a31bc-4795-4f95-b939-ae9cf911dc6e");
    CHECK(t.card->card_number == "516760******1234");
    CHECK(t.card->first_name == "John");
    CHECK(t.card->last_name == "Smith");
    CHECK(t.card->phone == "+12412341234");
    REQUIRE(t.card->references.size() == 2);
    CHECK(t.card->references[1].name == "Traveller");
    CHECK(t.card->references[1].value == "John Smith");
}

TEST_CASE("a page of transactions decodes counterparties, schedules, reasons and unknown values", "[transactions]") {
    auto page = decode<std::vector<Transaction>>(transfers_page);
    REQUIRE(page.size() == 3);
    const auto& outbound = page[0];
    CHECK(outbound.state == TransactionState::pending);
    CHECK(outbound.reference == "Invoice 12");
    CHECK(outbound.scheduled_for == Date{std::chrono::year{2023}, std::chrono::March, std::chrono::day{15}});
    CHECK_FALSE(outbound.completed_at);
    REQUIRE(outbound.legs[0].counterparty);
    CHECK(outbound.legs[0].counterparty->id == "f5a9a06b-aaaa-1234-aaaa-c51df843e30d");
    CHECK(outbound.legs[0].counterparty->account_id == "25c9d813-aaaa-1234-aaaa-28334fc4d133");
    CHECK(outbound.legs[0].counterparty->account_type == CounterpartyAccountType::external);
    CHECK(outbound.legs[0].amount == Decimal(-100));
    CHECK(outbound.legs[0].fee->to_string() == "0.1");
    CHECK_FALSE(outbound.legs[0].balance);
    CHECK_FALSE(outbound.merchant);
    CHECK_FALSE(outbound.card);

    const auto& refund = page[1];
    CHECK(refund.type == TransactionType::refund);
    CHECK(refund.state == TransactionState::declined);
    CHECK(refund.reason_code == "insufficient_balance");
    CHECK(refund.related_transaction_id == "640c1963-aaaa-1234-aaaa-a6b451197c6a");
    CHECK(refund.created_at == parse_timestamp("2024-03-17T06:05:10.575740Z"));
    CHECK(refund.legs.empty());

    const auto& internal = page[2];
    CHECK(internal.type.str() == "temp_block");  // pyrevolut's extra type: kept
    CHECK_FALSE(internal.type.is_known());
    CHECK(internal.state.str() == "cancelled");
    REQUIRE(internal.legs.size() == 2);
    CHECK(internal.legs[0].counterparty->account_type == CounterpartyAccountType::self);
    CHECK(internal.legs[1].counterparty->account_type.str() == "moon_bank");
    CHECK(internal.legs[1].amount.to_string() == "100.00");
}

TEST_CASE("a transaction without a required field is an invalid response", "[transactions]") {
    for (const char* missing : {"id", "type", "state", "created_at", "updated_at", "legs"}) {
        INFO(missing);
        auto json = boost::json::parse(card_payment);
        json.as_object().erase(missing);
        require_error([&] { decode<Transaction>(boost::json::serialize(json)); }, Errc::invalid_response);
    }
    for (const char* missing : {"leg_id", "account_id", "amount", "currency"}) {
        INFO(missing);
        auto json = boost::json::parse(card_payment);
        json.at("legs").as_array()[0].as_object().erase(missing);
        require_error([&] { decode<Transaction>(boost::json::serialize(json)); }, Errc::invalid_response);
    }
    require_error([] { decode<Transaction>(R"({"id": "x", "type": "topup", "state": "completed",
        "created_at": "yesterday", "updated_at": "2024-01-01T00:00:00Z", "legs": []})"); }, Errc::invalid_response);
}

TEST_CASE("get_all_transactions sends every filter the spec has, `from` spelled as the spec says", "[transactions]") {
    TransactionsQuery query;
    query.from = TransactionTime{parse_timestamp("2024-03-01T10:00:00.5+01:00")};
    query.to = TransactionTime{Date{std::chrono::year{2024}, std::chrono::March, std::chrono::day{10}}};
    query.account = Uuid("0d1848dc-aaaa-1234-aaaa-cae53cbd4baf");
    query.count = 1000;
    query.type = TransactionType::card_payment;
    query.request_id = "invoice-7";
    query.states = {TransactionState::pending, TransactionState::completed};
    auto request = requests::get_all_transactions(query);
    CHECK(request.method == verb::get);
    CHECK(request.target.starts_with("/1.0/transactions?"));
    CHECK_FALSE(request.json_body);
    using P = std::pair<std::string, std::string>;
    CHECK(params_of(request.target) == std::vector<P>{{"from", "2024-03-01T09:00:00.500000Z"},
                                                      {"to", "2024-03-10"},
                                                      {"account", "0d1848dc-aaaa-1234-aaaa-cae53cbd4baf"},
                                                      {"count", "1000"},
                                                      {"type", "card_payment"},
                                                      {"request_id", "invoice-7"},
                                                      {"state", "pending"},
                                                      {"state", "completed"}});
    CHECK(requests::get_all_transactions({}).target == "/1.0/transactions");

    TransactionsQuery text;
    text.from = TransactionTime{std::string("2024-03-01")};
    text.to = TransactionTime{std::string("2024-03-02T01:00:00+02:00")};
    CHECK(params_of(requests::get_all_transactions(text).target) ==
          std::vector<P>{{"from", "2024-03-01"}, {"to", "2024-03-01T23:00:00Z"}});
}

TEST_CASE("transaction filters out of the spec's ranges are refused before sending", "[transactions]") {
    auto refused = [](auto change) {
        TransactionsQuery query;
        change(query);
        require_error([&] { requests::get_all_transactions(query); }, Errc::invalid_argument);
    };
    refused([](TransactionsQuery& q) { q.count = 0; });
    refused([](TransactionsQuery& q) { q.count = 1001; });
    refused([](TransactionsQuery& q) { q.from = TransactionTime{std::string("last tuesday")}; });
    refused([](TransactionsQuery& q) { q.request_id = "r-1"; });  // needs from
    refused([](TransactionsQuery& q) {
        q.request_id = "r-1";
        q.from = TransactionTime{parse_timestamp("2024-03-01T00:00:00Z")};
        q.to = TransactionTime{parse_timestamp("2024-03-15T00:00:01Z")};  // > 14 days
    });
    refused([](TransactionsQuery& q) {
        q.request_id = std::string(41, 'r');
        q.from = TransactionTime{parse_timestamp("2024-03-01T00:00:00Z")};
    });
    refused([](TransactionsQuery& q) {
        q.from = TransactionTime{parse_timestamp("2024-03-02T00:00:00Z")};
        q.to = TransactionTime{parse_timestamp("2024-03-01T00:00:00Z")};
    });
    refused([](TransactionsQuery& q) { q.account = Uuid{}; });

    TransactionsQuery exactly_14_days;
    exactly_14_days.request_id = "r-1";
    exactly_14_days.from = TransactionTime{parse_timestamp("2024-03-01T00:00:00Z")};
    exactly_14_days.to = TransactionTime{parse_timestamp("2024-03-15T00:00:00Z")};
    CHECK(requests::get_all_transactions(exactly_14_days).target.find("request_id=r-1") != std::string::npos);
}

TEST_CASE("get_transaction reads by transaction id or by request id, exactly one", "[transactions]") {
    auto by_id = requests::get_transaction(std::string("640c1963-aaaa-1234-aaaa-a6b451197c6a"), std::nullopt);
    CHECK(by_id.method == verb::get);
    CHECK(by_id.target == "/1.0/transaction/640c1963-aaaa-1234-aaaa-a6b451197c6a");
    auto by_request = requests::get_transaction(std::nullopt, std::string("invoice 7/8"));
    CHECK(by_request.target == "/1.0/transaction/invoice%207%2F8?id_type=request_id");
    require_error([] { requests::get_transaction(std::nullopt, std::nullopt); }, Errc::invalid_argument);
    require_error([] { requests::get_transaction(std::string("a"), std::string("b")); }, Errc::invalid_argument);
    require_error([] { requests::get_transaction(std::string(), std::nullopt); }, Errc::invalid_argument);
}

TEST_CASE("a transaction bound is a time point, a date, or ISO-8601 text", "[transactions]") {
    CHECK(requests::time_of(TransactionTime{std::string("2024-03-01")}) == parse_timestamp("2024-03-01T00:00:00Z"));
    CHECK(requests::time_of(TransactionTime{Date{std::chrono::year{2024}, std::chrono::March, std::chrono::day{1}}}) ==
          parse_timestamp("2024-03-01T00:00:00Z"));
    CHECK(requests::time_of(TransactionTime{std::string("2024-03-01T05:00:00+05:00")}) ==
          parse_timestamp("2024-03-01T00:00:00Z"));
    require_error([] { requests::time_of(TransactionTime{std::string("soon")}); }, Errc::invalid_argument);
}
