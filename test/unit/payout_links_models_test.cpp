// Payout links: the model decoded from JSON shaped like the spec's examples, and request
// building (routes, repeated state filter, request_id, exact amounts, validation).
#include "model_test_support.hpp"

#include <revolut/api/payout_links.hpp>
#include <revolut/error.hpp>

#include <boost/json/parse.hpp>

#include <catch2/catch.hpp>

using namespace revolut;
using revolut_test::decode;
namespace requests = revolut::detail::payout_links;
using verb = boost::beast::http::verb;

namespace {

const Uuid link_id{"7c9e1a3b-5d2f-4b8e-9a6c-0e4f2d8b1a37"};
const Uuid account_id{"a0c3e5f7-1b2d-4f6a-8c9e-0d1f2a3b4c5d"};

template <class F>
void require_invalid(F f) {
    try {
        f();
        FAIL("accepted");
    } catch (const Error& e) {
        CHECK(e.code() == Errc::invalid_argument);
    }
}

void require_invalid_response(const std::string& body) {
    try {
        decode<PayoutLink>(body);
        FAIL("decoded");
    } catch (const Error& e) {
        CHECK(e.code() == Errc::invalid_response);
    }
}

detail::ApiRequest create(std::optional<std::string> request_id = std::nullopt,
                          std::optional<std::chrono::seconds> expiry = std::nullopt,
                          Decimal amount = Decimal::parse("105.60")) {
    std::vector<OpenEnum<PayoutMethod>> methods{PayoutMethod::revolut, PayoutMethod::card};
    return requests::create_payout_link("Priya Nandakumar", account_id, amount, "GBP", "Rent March", methods, true,
                                        expiry, std::string("property_rental"), request_id);
}

}  // namespace

TEST_CASE("a claimed payout link decodes every field", "[payout_links]") {
    auto link = decode<PayoutLink>(R"({
      "id": "7c9e1a3b-5d2f-4b8e-9a6c-0e4f2d8b1a37", "state": "processed",
      "created_at": "2024-01-11T14:02:53.472318Z", "updated_at": "2024-01-11T14:05:02.962886Z",
      "counterparty_name": "Priya Nandakumar", "save_counterparty": true,
      "request_id": "pl-2024-0001", "expiry_date": "2024-01-18T14:02:53.717626Z",
      "payout_methods": ["revolut", "bank_account", "card"],
      "account_id": "a0c3e5f7-1b2d-4f6a-8c9e-0d1f2a3b4c5d",
      "amount": 5.60, "currency": "GBP", "url": "https://business.revolut.com/p/Zq8Ls0aWx3e",
      "reference": "Bus ticket", "transfer_reason_code": "travel",
      "counterparty_id": "b6d8f0a2-3c4e-4a6b-9d8f-1e2a3b4c5d6e",
      "transaction_id": "64ad618e-655a-4925-8425-2284c03f6c08",
      "cancellation_reason": "too_many_name_check_attempts"})");
    CHECK(link.id == link_id);
    CHECK(link.state == PayoutLinkState::processed);
    CHECK(link.created_at == parse_timestamp("2024-01-11T14:02:53.472318Z"));
    CHECK(link.updated_at == parse_timestamp("2024-01-11T14:05:02.962886Z"));
    CHECK(link.counterparty_name == "Priya Nandakumar");
    CHECK(link.save_counterparty == true);
    CHECK(link.request_id == "pl-2024-0001");
    CHECK(link.expiry_date == parse_timestamp("2024-01-18T14:02:53.717626Z"));
    REQUIRE(link.payout_methods.size() == 3);
    CHECK(link.payout_methods[1] == PayoutMethod::bank_account);
    CHECK(link.account_id == account_id);
    CHECK(link.amount.to_string() == "5.60");
    CHECK(link.currency == "GBP");
    CHECK(link.url == "https://business.revolut.com/p/Zq8Ls0aWx3e");
    CHECK(link.reference == "Bus ticket");
    CHECK(link.transfer_reason_code == "travel");
    CHECK(link.counterparty_id == Uuid("b6d8f0a2-3c4e-4a6b-9d8f-1e2a3b4c5d6e"));
    CHECK(link.transaction_id == Uuid("64ad618e-655a-4925-8425-2284c03f6c08"));
    CHECK(link.cancellation_reason == "too_many_name_check_attempts");
}

TEST_CASE("a payout link keeps unknown states and methods, required fields are required", "[payout_links]") {
    auto list = decode<std::vector<PayoutLink>>(R"([{"id":"7c9e1a3b-5d2f-4b8e-9a6c-0e4f2d8b1a37","state":"on_hold",
        "created_at":"2023-07-11T13:55:54.834963Z","updated_at":"2023-07-11T13:55:55Z","counterparty_name":"Li Wei",
        "payout_methods":["crypto"],"account_id":"a0c3e5f7-1b2d-4f6a-8c9e-0d1f2a3b4c5d","amount":15,
        "currency":"EUR","reference":"meal"}])");
    REQUIRE(list.size() == 1);
    CHECK(list[0].state.str() == "on_hold");
    CHECK(list[0].payout_methods[0].str() == "crypto");
    CHECK(list[0].amount == Decimal(15));
    CHECK(list[0].request_id.empty());  // filled from the call's own key when absent
    CHECK_FALSE(list[0].save_counterparty);
    CHECK_FALSE(list[0].url);
    CHECK_FALSE(list[0].expiry_date);
    require_invalid_response(R"({"id":"7c9e1a3b-5d2f-4b8e-9a6c-0e4f2d8b1a37","state":"active",
        "created_at":"2023-07-11T13:55:54Z","updated_at":"2023-07-11T13:55:55Z","counterparty_name":"Li Wei",
        "payout_methods":["revolut"],"account_id":"a0c3e5f7-1b2d-4f6a-8c9e-0d1f2a3b4c5d",
        "currency":"EUR","reference":"meal"})");  // no amount
    require_invalid_response(R"({"id":"7c9e1a3b-5d2f-4b8e-9a6c-0e4f2d8b1a37","state":"active",
        "created_at":"2023-07-11T13:55:54Z","updated_at":"2023-07-11T13:55:55Z","counterparty_name":"Li Wei",
        "account_id":"a0c3e5f7-1b2d-4f6a-8c9e-0d1f2a3b4c5d","amount":1,"currency":"EUR","reference":"meal"})");  // no methods
}

TEST_CASE("create_payout_link sends request_id and exact amount in the body", "[payout_links]") {
    auto request = create(std::string("pl-2024-0001"), std::chrono::hours(72));
    CHECK(request.method == verb::post);
    CHECK(request.target == "/1.0/payout-links");
    CHECK(request.request_id == "pl-2024-0001");
    REQUIRE(request.json_body);
    CHECK(*request.json_body ==
          R"({"counterparty_name":"Priya Nandakumar","request_id":"pl-2024-0001",)"
          R"("account_id":"a0c3e5f7-1b2d-4f6a-8c9e-0d1f2a3b4c5d","amount":105.60,"currency":"GBP",)"
          R"("reference":"Rent March","payout_methods":["revolut","card"],"save_counterparty":true,)"
          R"("expiry_period":"P3D","transfer_reason_code":"property_rental"})");
}

TEST_CASE("create_payout_link generates a request_id once and leaves optional fields out", "[payout_links]") {
    auto first = create();
    auto second = create();
    REQUIRE(first.request_id);
    CHECK(Uuid::try_parse(*first.request_id));
    CHECK(first.request_id != second.request_id);
    auto body = boost::json::parse(*first.json_body);
    CHECK(body.at("request_id").as_string() == *first.request_id);

    auto minimal = requests::create_payout_link("Li Wei", account_id, Decimal(15), "EUR", "meal", {}, std::nullopt,
                                                std::nullopt, std::nullopt, std::nullopt);
    auto minimal_body = boost::json::parse(*minimal.json_body).as_object();
    CHECK_FALSE(minimal_body.contains("payout_methods"));  // the server's default: revolut, bank_account
    CHECK_FALSE(minimal_body.contains("expiry_period"));
    CHECK_FALSE(minimal_body.contains("save_counterparty"));
    CHECK(minimal.json_body->find(R"("amount":15)") != std::string::npos);
}

TEST_CASE("create_payout_link refuses bad input before sending", "[payout_links]") {
    require_invalid([] { create(std::string(41, 'x')); });
    require_invalid([] { create(std::string()); });
    require_invalid([] { create(std::nullopt, std::chrono::hours(23)); });
    require_invalid([] { create(std::nullopt, std::chrono::days(8)); });
    require_invalid([] { create(std::nullopt, std::nullopt, Decimal(0)); });
    require_invalid([] { create(std::nullopt, std::nullopt, Decimal::parse("-3.5")); });
    require_invalid([] {
        requests::create_payout_link(" ", account_id, Decimal(1), "GBP", "x", {}, std::nullopt, std::nullopt,
                                     std::nullopt, std::nullopt);
    });
    require_invalid([] {
        requests::create_payout_link("Li", account_id, Decimal(1), "GBP", std::string(101, 'r'), {}, std::nullopt,
                                     std::nullopt, std::nullopt, std::nullopt);
    });
    require_invalid([] {
        requests::create_payout_link("Li", account_id, Decimal(1), "£", "x", {}, std::nullopt, std::nullopt,
                                     std::nullopt, std::nullopt);
    });
    CHECK(create(std::nullopt, std::chrono::days(1)).json_body->find(R"("expiry_period":"P1D")") != std::string::npos);
    CHECK(create(std::nullopt, std::chrono::days(7)).json_body->find(R"("expiry_period":"P7D")") != std::string::npos);
}

TEST_CASE("payout link list repeats state and pages by created_before", "[payout_links]") {
    std::vector<OpenEnum<PayoutLinkState>> states{PayoutLinkState::active, PayoutLinkState::awaiting};
    auto list = requests::get_all_payout_links(states, CreatedBefore{parse_timestamp("2024-05-01T12:00:00.5Z")}, 1000);
    CHECK(list.method == verb::get);
    CHECK(list.target ==
          "/1.0/payout-links?state=active&state=awaiting&created_before=2024-05-01T12:00:00.500000Z&limit=1000");
    CHECK(requests::get_all_payout_links({}, std::nullopt, std::nullopt).target == "/1.0/payout-links");
    require_invalid([] { requests::get_all_payout_links({}, std::nullopt, 0); });
    require_invalid([] { requests::get_all_payout_links({}, std::nullopt, 1001); });
    require_invalid([] { requests::get_all_payout_links({}, CreatedBefore{std::string("last week")}, 5); });
    CHECK(requests::get_payout_link(link_id).target == "/1.0/payout-links/7c9e1a3b-5d2f-4b8e-9a6c-0e4f2d8b1a37");
    auto cancel = requests::cancel_payout_link(link_id);
    CHECK(cancel.method == verb::post);
    CHECK(cancel.target == "/1.0/payout-links/7c9e1a3b-5d2f-4b8e-9a6c-0e4f2d8b1a37/cancel");
    require_invalid([] { requests::cancel_payout_link(Uuid{}); });
}
