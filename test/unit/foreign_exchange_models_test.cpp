// Foreign exchange: models from spec-like JSON (rates, reasons, exchange results) and request
// building for /rate and /exchange, without sockets.
#include "model_test_support.hpp"

#include <revolut/api/foreign_exchange.hpp>
#include <revolut/error.hpp>

#include "json/exact_json.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include <catch2/catch.hpp>

using namespace revolut;
using revolut_test::decode;
using revolut_test::require_error;
namespace requests = revolut::detail::foreign_exchange;
using verb = boost::beast::http::verb;

namespace {

boost::json::object body_of(const detail::ApiRequest& r) {
    REQUIRE(r.json_body);
    boost::system::error_code ec;
    auto v = detail::parse_json_exact(*r.json_body, ec);
    REQUIRE_FALSE(ec);
    return v.as_object();
}

const Uuid usd_account{"af98333c-ea53-482b-93c2-1fa5e4eae671"};
const Uuid eur_account{"b7ec67d3-5af1-42c8-bece-3d285774894d"};

ExchangeRequest sell() {
    ExchangeRequest r;
    r.from.account_id = usd_account;
    r.from.currency = "USD";
    r.from.amount = Decimal::parse("135.50");
    r.to.account_id = eur_account;
    r.to.currency = "EUR";
    return r;
}

}  // namespace

TEST_CASE("an exchange rate decodes its amounts, rate, fee and date exactly", "[foreign_exchange]") {
    auto rate = decode<ExchangeRate>(R"({"from": {"amount": 1, "currency": "EUR"}, "to": {"amount": 1.00, "currency": "USD"},
        "rate": 1.0044090351, "fee": {"amount": 0, "currency": "EUR"}, "rate_date": "2022-08-31T17:30:34Z"})");
    CHECK(rate.from.amount == Decimal(1));
    CHECK(rate.from.currency == "EUR");
    CHECK(rate.to.amount->to_string() == "1.00");
    CHECK(rate.to.currency == "USD");
    CHECK(rate.rate.to_string() == "1.0044090351");
    CHECK(rate.fee.amount == Decimal(0));
    CHECK(rate.fee.currency == "EUR");
    CHECK(rate.rate_date == parse_timestamp("2022-08-31T17:30:34Z"));

    auto sparse = decode<ExchangeRate>(R"({"from": {}, "to": {"currency": "USD"}, "rate": 2, "fee": {},
        "rate_date": "2022-08-31T17:30:34Z"})");
    CHECK_FALSE(sparse.from.amount);
    CHECK_FALSE(sparse.fee.currency);
    for (const char* missing : {"from", "to", "rate", "fee", "rate_date"}) {
        INFO(missing);
        auto json = boost::json::parse(R"({"from": {}, "to": {}, "rate": 2, "fee": {}, "rate_date": "2022-08-31T17:30:34Z"})");
        json.as_object().erase(missing);
        require_error([&] { decode<ExchangeRate>(boost::json::serialize(json)); }, Errc::invalid_response);
    }
}

TEST_CASE("exchange reasons and results decode, unknown values kept", "[foreign_exchange]") {
    auto reasons = decode<std::vector<ExchangeReason>>(R"([
        {"code": "fund_transfer_and_intracompany_payment", "name": "Fund transfer and intracompany payment"},
        {"code": "lottery", "name": "Lottery"}])");
    REQUIRE(reasons.size() == 2);
    CHECK(reasons[0].code == ExchangeReasonCode::fund_transfer_and_intracompany_payment);
    CHECK(reasons[0].name == "Fund transfer and intracompany payment");
    CHECK(reasons[1].code.str() == "lottery");
    require_error([] { decode<std::vector<ExchangeReason>>(R"([{"code": "sales"}])"); }, Errc::invalid_response);

    auto result = decode<ExchangeResult>(R"({"id": "630f9c2e-2e74-a06d-ab61-deb7aa11d6cb", "type": "exchange",
        "state": "completed", "created_at": "2022-08-31T17:36:46.656876Z", "completed_at": "2022-08-31T17:36:46.657239Z"})");
    CHECK(result.id == "630f9c2e-2e74-a06d-ab61-deb7aa11d6cb");
    CHECK(result.type == TransactionType::exchange);
    CHECK(result.state == TransactionState::completed);
    CHECK_FALSE(result.reason_code);
    CHECK(result.created_at == parse_timestamp("2022-08-31T17:36:46.656876Z"));
    CHECK(result.completed_at == parse_timestamp("2022-08-31T17:36:46.657239Z"));
    auto declined = decode<ExchangeResult>(R"({"id": "x", "state": "declined", "reason_code": "insufficient_balance"})");
    CHECK(declined.state == TransactionState::declined);
    CHECK(declined.reason_code == "insufficient_balance");
    CHECK_FALSE(declined.created_at);
    require_error([] { decode<ExchangeResult>(R"({"state": "completed"})"); }, Errc::invalid_response);
}

TEST_CASE("/rate sends from, amount and to as the spec names them", "[foreign_exchange]") {
    auto plain = requests::get_exchange_rate("EUR", "USD", std::nullopt);
    CHECK(plain.method == verb::get);
    CHECK(plain.target == "/1.0/rate?from=EUR&to=USD");
    CHECK(requests::get_exchange_rate("GBP", "JPY", Decimal::parse("12.50")).target ==
          "/1.0/rate?from=GBP&amount=12.50&to=JPY");
    require_error([] { requests::get_exchange_rate("eur", "USD", std::nullopt); }, Errc::invalid_argument);
    require_error([] { requests::get_exchange_rate("EUR", "US", std::nullopt); }, Errc::invalid_argument);
    require_error([] { requests::get_exchange_rate("EUR", "USD", Decimal(0)); }, Errc::invalid_argument);
}

TEST_CASE("/exchange sends one amount, both sides and one request_id", "[foreign_exchange]") {
    auto r = sell();
    r.reference = "exchange";
    r.exchange_reason_code = ExchangeReasonCode::inventory;
    r.request_id = "fx-1";
    auto request = requests::exchange_money(r);
    CHECK(request.method == verb::post);
    CHECK(request.target == "/1.0/exchange");
    CHECK(request.request_id == "fx-1");
    auto body = body_of(request);
    CHECK(body.at("request_id").as_string() == "fx-1");
    CHECK(body.at("from").at("account_id").as_string() == usd_account.to_string());
    CHECK(body.at("from").at("currency").as_string() == "USD");
    CHECK(decimal_from_json(body.at("from").at("amount"))->to_string() == "135.50");
    CHECK(body.at("to").at("account_id").as_string() == eur_account.to_string());
    CHECK_FALSE(body.at("to").as_object().contains("amount"));
    CHECK(body.at("reference").as_string() == "exchange");
    CHECK(body.at("exchange_reason_code").as_string() == "inventory");

    auto buy = sell();
    buy.from.amount.reset();
    buy.to.amount = Decimal(200);
    auto generated = requests::exchange_money(buy);
    REQUIRE(generated.request_id);
    auto buy_body = body_of(generated);
    CHECK(buy_body.at("request_id").as_string() == *generated.request_id);
    CHECK_FALSE(buy_body.at("from").as_object().contains("amount"));
    CHECK(decimal_from_json(buy_body.at("to").at("amount")) == Decimal(200));
    CHECK_FALSE(buy_body.contains("reference"));
}

TEST_CASE("/exchange input is checked before sending", "[foreign_exchange]") {
    auto refused = [](auto change) {
        auto r = sell();
        change(r);
        require_error([&] { requests::exchange_money(r); }, Errc::invalid_argument);
    };
    refused([](ExchangeRequest& r) { r.to.amount = Decimal(1); });     // both amounts
    refused([](ExchangeRequest& r) { r.from.amount.reset(); });        // neither
    refused([](ExchangeRequest& r) { r.from.amount = Decimal(0); });
    refused([](ExchangeRequest& r) { r.to.currency = "USD"; });        // same currency
    refused([](ExchangeRequest& r) { r.to.currency = "euro"; });
    refused([](ExchangeRequest& r) { r.from.account_id = Uuid{}; });
    refused([](ExchangeRequest& r) { r.request_id = std::string(41, 'x'); });
}
