// Transfers: models from spec-like JSON (transfer results, reasons, quotes, payment
// requirements) and request building for /pay, /transfer, quotes and fields, including the
// idempotency key, without sockets.
#include "model_test_support.hpp"

#include <revolut/api/transfers.hpp>
#include <revolut/error.hpp>

#include "json/exact_json.hpp"

#include <catch2/catch.hpp>

using namespace revolut;
using revolut_test::decode;
using revolut_test::require_error;
namespace requests = revolut::detail::transfers;
using verb = boost::beast::http::verb;

namespace {

// Parsed exactly, so amounts can be compared digit for digit.
boost::json::object body_of(const detail::ApiRequest& r) {
    REQUIRE(r.json_body);
    boost::system::error_code ec;
    auto v = detail::parse_json_exact(*r.json_body, ec);
    REQUIRE_FALSE(ec);
    REQUIRE(v.is_object());
    return v.as_object();
}

std::string text(const boost::json::value& v) { return std::string(v.as_string()); }
std::string number(const boost::json::value& v) {
    auto d = decimal_from_json(v);
    REQUIRE(d);
    return d->to_string();
}

const Uuid account{"af98333c-ea53-482b-93c2-1fa5e4eae671"};
const Uuid counterparty{"49c6a48b-6b58-40a0-b974-0b8c4888c8a7"};
const Uuid counterparty_account{"9116f03a-c074-4585-b261-18a706b3768b"};
const Uuid card{"1099791d-8980-401f-8417-b9d66eeb6d93"};

CreatePaymentRequest payment() {
    CreatePaymentRequest r;
    r.account_id = account;
    r.receiver.counterparty_id = counterparty;
    r.receiver.account_id = counterparty_account;
    r.amount = Decimal::parse("10.50");
    r.currency = "EUR";
    return r;
}

}  // namespace

TEST_CASE("transfer results decode with state, times and an optional completion", "[transfers]") {
    auto pending = decode<TransferResult>(R"({"id": "630f9a62-e488-a9ce-a2d3-a30f0000e03f", "state": "pending",
        "created_at": "2022-08-31T17:29:06.625613Z"})");
    CHECK(pending.id == "630f9a62-e488-a9ce-a2d3-a30f0000e03f");
    CHECK(pending.state == TransactionState::pending);
    CHECK(pending.created_at == parse_timestamp("2022-08-31T17:29:06.625613Z"));
    CHECK_FALSE(pending.completed_at);
    CHECK(pending.request_id.empty());  // the client fills it in from the call

    auto done = decode<TransferResult>(R"({"id": "x", "state": "settled_somehow", "created_at": "2022-08-31T17:29:06Z",
        "completed_at": "2022-09-01T17:29:06.625613Z"})");
    CHECK(done.state.str() == "settled_somehow");
    CHECK(done.completed_at == parse_timestamp("2022-09-01T17:29:06.625613Z"));
    require_error([] { decode<TransferResult>(R"({"id": "x", "created_at": "2022-08-31T17:29:06Z"})"); },
                  Errc::invalid_response);
}

TEST_CASE("transfer reasons decode with their codes, unknown codes kept", "[transfers]") {
    auto reasons = decode<std::vector<TransferReason>>(R"([
        {"country": "IN", "currency": "INR", "code": "advertising", "description": "Advertising"},
        {"country": "IN", "currency": "INR", "code": "space_tourism", "description": "Space tourism"}])");
    REQUIRE(reasons.size() == 2);
    CHECK(reasons[0].country == "IN");
    CHECK(reasons[0].currency == "INR");
    CHECK(reasons[0].code == TransferReasonCode::advertising);
    CHECK(reasons[0].description == "Advertising");
    CHECK(reasons[1].code.str() == "space_tourism");
    require_error([] { decode<std::vector<TransferReason>>(R"([{"country": "IN", "currency": "INR", "code": "tax"}])"); },
                  Errc::invalid_response);
}

TEST_CASE("an indicative quote decodes fees, breakdown, rate and arrival exactly", "[transfers]") {
    auto quote = decode<IndicativeQuote>(R"({
        "amount": {"amount": 100.5, "currency": "EUR"},
        "fee": {"amount": 5.75, "currency": "GBP",
                "breakdown": {"transfer_fee": {"amount": 3, "currency": "GBP"},
                              "exchange_fee": {"amount": 2.75, "currency": "GBP"}}},
        "estimated_total": {"amount": 92.05, "currency": "GBP"},
        "estimated_exchange_rate": "1.16458",
        "estimated_amount_after_exchange": {"amount": 86.30, "currency": "GBP"},
        "estimated_arrival": {"date": "2026-05-14", "speed": "instant"},
        "warnings": ["volatile_fx_rate", "solar_flare"]})");
    CHECK(quote.amount == Money{Decimal::parse("100.5"), "EUR"});
    CHECK(quote.fee.amount == Decimal::parse("5.75"));
    CHECK(quote.fee.currency == "GBP");
    REQUIRE(quote.fee.breakdown);
    CHECK(quote.fee.breakdown->transfer_fee == Money{Decimal(3), "GBP"});
    CHECK(quote.fee.breakdown->exchange_fee == Money{Decimal::parse("2.75"), "GBP"});
    CHECK(quote.estimated_total == Money{Decimal::parse("92.05"), "GBP"});
    CHECK(quote.estimated_exchange_rate->to_string() == "1.16458");
    CHECK(quote.estimated_amount_after_exchange->amount.to_string() == "86.30");
    REQUIRE(quote.estimated_arrival);
    CHECK(quote.estimated_arrival->date == Date{std::chrono::year{2026}, std::chrono::May, std::chrono::day{14}});
    CHECK(quote.estimated_arrival->speed == ArrivalSpeed::instant);
    REQUIRE(quote.warnings.size() == 2);
    CHECK(quote.warnings[0] == QuoteWarning::volatile_fx_rate);
    CHECK(quote.warnings[1].str() == "solar_flare");

    auto same_currency = decode<IndicativeQuote>(R"({"amount": {"amount": 25, "currency": "GBP"},
        "fee": {"amount": 0, "currency": "GBP"}, "estimated_total": {"amount": 25, "currency": "GBP"}})");
    CHECK_FALSE(same_currency.fee.breakdown);
    CHECK_FALSE(same_currency.estimated_exchange_rate);
    CHECK_FALSE(same_currency.estimated_arrival);
    CHECK(same_currency.warnings.empty());

    require_error([] { decode<IndicativeQuote>(R"({"amount": {"amount": 25, "currency": "GBP"},
        "fee": {"amount": 0, "currency": "GBP"}})"); }, Errc::invalid_response);  // no estimated_total
    require_error([] { decode<IndicativeQuote>(R"({"amount": {"amount": 25, "currency": "GBP"},
        "fee": {"amount": 0, "currency": "GBP"}, "estimated_total": {"amount": 25, "currency": "GBP"},
        "estimated_exchange_rate": "about one"})"); }, Errc::invalid_response);
}

TEST_CASE("payment requirements decode fields, validation rules and options", "[transfers]") {
    auto requirements = decode<PaymentRequirements>(R"({"fields": [
        {"name": "reference", "required": true,
         "validation": {"min_length": 27, "max_length": 27, "regex": {"pattern": "\\d{27}", "description": "Digits only"}}},
        {"name": "charge_bearer", "required": false,
         "options": [{"value": "shared"}, {"value": "debtor", "default": true}]}]})");
    REQUIRE(requirements.fields.size() == 2);
    const auto& reference = requirements.fields[0];
    CHECK(reference.name == "reference");
    CHECK(reference.required);
    REQUIRE(reference.validation);
    CHECK(reference.validation->min_length == 27);
    CHECK(reference.validation->max_length == 27);
    REQUIRE(reference.validation->regex);
    CHECK(reference.validation->regex->pattern == "\\d{27}");
    CHECK(reference.validation->regex->description == "Digits only");
    CHECK(reference.options.empty());
    const auto& bearer = requirements.fields[1];
    CHECK_FALSE(bearer.required);
    CHECK_FALSE(bearer.validation);
    REQUIRE(bearer.options.size() == 2);
    CHECK(bearer.options[0].value == "shared");
    CHECK_FALSE(bearer.options[0].is_default);
    CHECK(bearer.options[1].is_default);
    require_error([] { decode<PaymentRequirements>(R"({"fields": [{"name": "reference"}]})"); }, Errc::invalid_response);
    require_error([] { decode<PaymentRequirements>(R"({})"); }, Errc::invalid_response);
}

TEST_CASE("/pay carries the payment, the receiver and one request_id in body and request", "[transfers]") {
    auto r = payment();
    r.reference = "Invoice 42";
    r.charge_bearer = ChargeBearer::shared;
    r.transfer_reason_code = TransferReasonCode::advertising;
    r.exchange_reason_code = ExchangeReasonCode::marketing;
    r.fiscal_code = "RO12345678";
    r.request_id = "invoice-42";
    auto request = requests::create_transfer_to_another_account(r);
    CHECK(request.method == verb::post);
    CHECK(request.target == "/1.0/pay");
    CHECK(request.request_id == "invoice-42");
    auto body = body_of(request);
    CHECK(text(body.at("request_id")) == "invoice-42");
    CHECK(text(body.at("account_id")) == account.to_string());
    CHECK(text(body.at("receiver").at("counterparty_id")) == counterparty.to_string());
    CHECK(text(body.at("receiver").at("account_id")) == counterparty_account.to_string());
    CHECK_FALSE(body.at("receiver").as_object().contains("card_id"));
    CHECK(number(body.at("amount")) == "10.50");  // exact digits on the wire
    CHECK(text(body.at("currency")) == "EUR");
    CHECK(text(body.at("reference")) == "Invoice 42");
    CHECK(text(body.at("charge_bearer")) == "shared");
    CHECK(text(body.at("transfer_reason_code")) == "advertising");
    CHECK(text(body.at("exchange_reason_code")) == "marketing");
    CHECK(text(body.at("fiscal_code")) == "RO12345678");

    // Without one, a UUID is generated once and sent in the body it is reported with.
    auto generated = requests::create_transfer_to_another_account(payment());
    REQUIRE(generated.request_id);
    CHECK(Uuid::try_parse(*generated.request_id));
    CHECK(text(body_of(generated).at("request_id")) == *generated.request_id);
    auto minimal = body_of(generated);
    for (const char* absent : {"reference", "charge_bearer", "transfer_reason_code", "exchange_reason_code", "fiscal_code"})
        CHECK_FALSE(minimal.contains(absent));
    CHECK(*requests::create_transfer_to_another_account(payment()).request_id != *generated.request_id);
}

TEST_CASE("/pay input is checked before sending", "[transfers]") {
    auto refused = [](auto change) {
        auto r = payment();
        change(r);
        require_error([&] { requests::create_transfer_to_another_account(r); }, Errc::invalid_argument);
    };
    refused([](CreatePaymentRequest& r) { r.amount = Decimal(0); });
    refused([](CreatePaymentRequest& r) { r.amount = Decimal::parse("-1.00"); });
    refused([](CreatePaymentRequest& r) { r.currency = "eur"; });
    refused([](CreatePaymentRequest& r) { r.currency = "EURO"; });
    refused([](CreatePaymentRequest& r) { r.receiver.card_id = card; });  // with account_id: not both
    refused([](CreatePaymentRequest& r) { r.receiver.counterparty_id = Uuid{}; });
    refused([](CreatePaymentRequest& r) { r.account_id = Uuid{}; });
    refused([](CreatePaymentRequest& r) { r.reference = std::string(141, 'x'); });
    refused([](CreatePaymentRequest& r) { r.fiscal_code = "RO-123"; });
    refused([](CreatePaymentRequest& r) { r.fiscal_code = std::string(51, '1'); });
    refused([](CreatePaymentRequest& r) { r.request_id = std::string(41, 'k'); });
    refused([](CreatePaymentRequest& r) { r.request_id = std::string(); });

    auto to_card = payment();
    to_card.receiver.account_id.reset();
    to_card.receiver.card_id = card;
    auto body = body_of(requests::create_transfer_to_another_account(to_card));
    CHECK(text(body.at("receiver").at("card_id")) == card.to_string());
    to_card.request_id = std::string(40, 'k');
    CHECK(requests::create_transfer_to_another_account(to_card).request_id == std::string(40, 'k'));
}

TEST_CASE("/transfer moves an exact amount between two different accounts", "[transfers]") {
    const Uuid target{"ae2e1241-81dd-498d-868e-075484785678"};
    auto request = requests::move_money_between_accounts(account, target, Decimal::parse("0.10"), "GBP",
                                                         std::string("John's transfer"), std::string("129999"));
    CHECK(request.method == verb::post);
    CHECK(request.target == "/1.0/transfer");
    CHECK(request.request_id == "129999");
    auto body = body_of(request);
    CHECK(text(body.at("request_id")) == "129999");
    CHECK(text(body.at("source_account_id")) == account.to_string());
    CHECK(text(body.at("target_account_id")) == target.to_string());
    CHECK(number(body.at("amount")) == "0.10");
    CHECK(text(body.at("currency")) == "GBP");
    CHECK(text(body.at("reference")) == "John's transfer");
    auto generated = requests::move_money_between_accounts(account, target, Decimal(5), "GBP", std::nullopt, std::nullopt);
    REQUIRE(generated.request_id);
    CHECK(text(body_of(generated).at("request_id")) == *generated.request_id);
    CHECK_FALSE(body_of(generated).contains("reference"));

    require_error([&] { requests::move_money_between_accounts(account, account, Decimal(5), "GBP", {}, {}); },
                  Errc::invalid_argument);
    require_error([&] { requests::move_money_between_accounts(account, target, Decimal(0), "GBP", {}, {}); },
                  Errc::invalid_argument);
    require_error([&] { requests::move_money_between_accounts(account, target, Decimal(1), "gbp", {}, {}); },
                  Errc::invalid_argument);
}

TEST_CASE("quotes and payment requirements send the payment without moving money", "[transfers]") {
    IndicativeQuoteRequest q;
    q.account_id = account;
    q.receiver.counterparty_id = counterparty;
    q.amount = Decimal::parse("100.5");
    q.currency = "EUR";
    q.charge_bearer = ChargeBearer::debtor;
    auto quote = requests::get_indicative_quote(q);
    CHECK(quote.method == verb::post);
    CHECK(quote.target == "/1.0/pay/indicative-quote");
    CHECK_FALSE(quote.request_id);
    auto body = body_of(quote);
    CHECK_FALSE(body.contains("request_id"));
    CHECK(number(body.at("amount")) == "100.5");
    CHECK(text(body.at("charge_bearer")) == "debtor");
    CHECK_FALSE(body.at("receiver").as_object().contains("account_id"));
    q.amount = Decimal(0);
    require_error([&] { requests::get_indicative_quote(q); }, Errc::invalid_argument);

    TransferReceiver receiver;
    receiver.counterparty_id = counterparty;
    receiver.card_id = card;
    auto fields = requests::get_payment_requirements(account, receiver);
    CHECK(fields.method == verb::post);
    CHECK(fields.target == "/1.0/pay/fields");
    auto fields_body = body_of(fields);
    CHECK(fields_body.size() == 2);
    CHECK(text(fields_body.at("receiver").at("card_id")) == card.to_string());
    receiver.account_id = counterparty_account;
    require_error([&] { requests::get_payment_requirements(account, receiver); }, Errc::invalid_argument);

    CHECK(requests::get_transfer_reasons().target == "/1.0/transfer-reasons");
    CHECK(requests::get_transfer_reasons().method == verb::get);
}
