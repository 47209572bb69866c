// Cards models decoded from JSON shaped like the spec's examples (fixtures written here).
#include "model_test_support.hpp"

#include <revolut/api/cards.hpp>
#include <revolut/error.hpp>

#include <catch2/catch.hpp>

#include <string>

using namespace revolut;
using revolut_test::decode;

namespace {

template <class T>
Error decode_error(std::string body) {
    try {
        decode<T>(std::move(body));
    } catch (const Error& e) {
        return e;
    }
    FAIL("decoded");
    throw std::logic_error("unreachable");
}

// A team member card with every spend control.
const char* team_member_card = R"({
  "id": "0f5a3c1e-6d2b-4c7e-9a41-2b8d7e6f1a20",
  "holder_id": "5e1b9c7a-2f3d-4a8e-b6c1-7d9e0a2b4c61",
  "created_at": "2025-09-15T11:04:11.047305Z",
  "updated_at": "2025-09-17T08:32:11.024721Z",
  "virtual": true,
  "last_digits": "2671",
  "expiry": "09/2030",
  "label": "Kirby Janette",
  "state": "active",
  "spending_limits": {"single": {"amount": 200.22, "currency": "GBP"},
                      "month": {"amount": 1000, "currency": "GBP"}},
  "spending_period": {"start_date": "2025-09-20", "end_date": "2026-12-20", "end_date_action": "terminate"},
  "categories": ["restaurants", "groceries"],
  "merchant_controls": {"control_type": "block",
                        "merchant_ids": ["46df0a1b-3678-4ded-9cf5-9f4da1b5019d", "e8a87432-f71e-4deb-be84-969a02792929"]},
  "countries": ["GB", "SG"],
  "accounts": ["f52c6c84-26b9-4e95-bbcf-99ed6523fb51"],
  "some_future_field": {"ignored": true}
})";

// A company card, locked, with contacts, references, a product and a spend program.
const char* company_card = R"({
  "id": "448b9493-8bd7-48f9-a7ce-59293b5118ec",
  "contact_ids": ["3ea984a5-d599-4c97-b2b3-c6c12bb9b5e9", "02b969cb-b984-4a70-873d-f93220805e5e"],
  "created_at": "2025-09-15T11:04:11.047305Z",
  "updated_at": "2025-09-15T11:04:11.047305Z",
  "product": {"code": "MBJ"},
  "virtual": true,
  "last_digits": "4321",
  "expiry": "09/2030",
  "references": [{"name": "PNR", "value": "RT12345"}, {"name": "Traveller", "value": "John Smith"}],
  "state": "locked",
  "can_be_unlocked": true,
  "spend_program": {"label": "Lunch"},
  "merchant_controls": {"control_type": "allow", "merchant_ids": ["46df0a1b-3678-4ded-9cf5-9f4da1b5019d"]},
  "accounts": ["75aa436d-2a04-4ab9-af14-ed0955769b8c"]
})";

}  // namespace

TEST_CASE("a team member card decodes every field, amounts exact", "[cards]") {
    auto card = decode<Card>(team_member_card);
    CHECK(card.id == Uuid("0f5a3c1e-6d2b-4c7e-9a41-2b8d7e6f1a20"));
    REQUIRE(card.holder_id);
    CHECK(*card.holder_id == Uuid("5e1b9c7a-2f3d-4a8e-b6c1-7d9e0a2b4c61"));
    CHECK(card.contact_ids.empty());
    CHECK(card.created_at == parse_timestamp("2025-09-15T11:04:11.047305Z"));
    CHECK(card.updated_at == parse_timestamp("2025-09-17T08:32:11.024721Z"));
    CHECK_FALSE(card.product);
    CHECK(card.is_virtual);
    CHECK(card.last_digits == "2671");
    CHECK(card.expiry == "09/2030");
    CHECK(card.label == "Kirby Janette");
    CHECK(card.state == CardState::active);
    CHECK_FALSE(card.can_be_unlocked);
    REQUIRE(card.spending_limits);
    REQUIRE(card.spending_limits->single);
    CHECK(card.spending_limits->single->amount.to_string() == "200.22");
    CHECK(card.spending_limits->single->currency == "GBP");
    REQUIRE(card.spending_limits->month);
    CHECK(card.spending_limits->month->amount == Decimal(1000));
    CHECK_FALSE(card.spending_limits->week);
    REQUIRE(card.spending_period);
    CHECK(card.spending_period->start_date == parse_date("2025-09-20"));
    CHECK(card.spending_period->end_date == parse_date("2026-12-20"));
    CHECK(card.spending_period->end_date_action == SpendingPeriodEndAction::terminate);
    REQUIRE(card.categories.size() == 2);
    CHECK(card.categories[0] == MerchantCategory::restaurants);
    CHECK(card.categories[1] == MerchantCategory::groceries);
    REQUIRE(card.merchant_controls);
    CHECK(card.merchant_controls->control_type == MerchantControlType::block);
    CHECK(card.merchant_controls->merchant_ids.size() == 2);
    CHECK(card.countries == std::vector<std::string>{"GB", "SG"});
    CHECK(card.accounts == std::vector<Uuid>{Uuid("f52c6c84-26b9-4e95-bbcf-99ed6523fb51")});
}

TEST_CASE("a company card decodes contacts, references, product and lock details", "[cards]") {
    auto card = decode<Card>(company_card);
    CHECK_FALSE(card.holder_id);
    CHECK(card.contact_ids.size() == 2);
    REQUIRE(card.product);
    CHECK(card.product->code == "MBJ");
    REQUIRE(card.references.size() == 2);
    CHECK(card.references[1] == CardReference{"Traveller", "John Smith"});
    CHECK(card.state == CardState::locked);
    CHECK(card.can_be_unlocked == true);
    REQUIRE(card.spend_program);
    CHECK(card.spend_program->label == "Lunch");
    CHECK(card.merchant_controls->control_type == MerchantControlType::allow);
    CHECK_FALSE(card.label);
    CHECK_FALSE(card.spending_limits);
    CHECK(card.categories.empty());
}

TEST_CASE("a card list and a created card decode, the created card's request_id stays empty until the call fills it",
          "[cards]") {
    auto cards = decode<std::vector<Card>>(std::string("[") + team_member_card + "," + company_card + "]");
    REQUIRE(cards.size() == 2);
    CHECK(cards[1].id == Uuid("448b9493-8bd7-48f9-a7ce-59293b5118ec"));
    auto created = decode<CreatedCard>(team_member_card);
    CHECK(created.last_digits == "2671");
    CHECK(created.request_id.empty());
}

TEST_CASE("unknown card states, categories and control types are kept", "[cards]") {
    std::string json = team_member_card;
    json.replace(json.find("\"active\""), 8, "\"suspended\"");
    json.replace(json.find("\"restaurants\""), 13, "\"space_travel\"");
    json.replace(json.find("\"block\""), 7, "\"throttle\"");
    auto card = decode<Card>(json);
    CHECK_FALSE(card.state.is_known());
    CHECK(card.state.str() == "suspended");
    CHECK(card.categories[0].str() == "space_travel");
    CHECK(card.merchant_controls->control_type.str() == "throttle");
}

TEST_CASE("a card without a required field or with a malformed one is an invalid response", "[cards]") {
    for (const char* field : {"\"last_digits\": \"2671\",", "\"state\": \"active\",", "\"virtual\": true,"}) {
        INFO(field);
        std::string json = team_member_card;
        json.erase(json.find(field), std::string(field).size());
        CHECK(decode_error<Card>(json).code() == Errc::invalid_response);
    }
    std::string bad_amount = team_member_card;
    bad_amount.replace(bad_amount.find("200.22"), 6, "\"lots\"");
    CHECK(decode_error<Card>(bad_amount).code() == Errc::invalid_response);
    std::string bad_id = team_member_card;
    bad_id.replace(bad_id.find("0f5a3c1e"), 8, "not-uuid");
    CHECK(decode_error<Card>(bad_id).code() == Errc::invalid_response);
}

TEST_CASE("sensitive details decode, and a malformed answer never echoes them", "[cards]") {
    auto details = decode<CardSensitiveDetails>(R"({"pan": "4111111111111111", "cvv": "123", "expiry": "06/2030"})");
    CHECK(details.pan == "4111111111111111");
    CHECK(details.cvv == "123");
    CHECK(details.expiry == "06/2030");
    auto e = decode_error<CardSensitiveDetails>(R"({"pan": "4111111111111111", "cvv": 987, "expiry": "06/2030"})");
    CHECK(e.code() == Errc::invalid_response);
    CHECK(std::string(e.what()).find("4111") == std::string::npos);
    CHECK(std::string(e.what()).find("987") == std::string::npos);
}

TEST_CASE("contacts and references decode from bare arrays", "[cards]") {
    auto contacts = decode<std::vector<Uuid>>(R"(["3ea984a5-d599-4c97-b2b3-c6c12bb9b5e9"])");
    CHECK(contacts == std::vector<Uuid>{Uuid("3ea984a5-d599-4c97-b2b3-c6c12bb9b5e9")});
    CHECK(decode_error<std::vector<Uuid>>(R"(["nope"])").code() == Errc::invalid_response);
    CHECK(decode_error<std::vector<Uuid>>(R"({"contact_ids": []})").code() == Errc::invalid_response);
    auto refs = decode<std::vector<CardReference>>(R"([{"name": "Budget", "value": "Engagement"}])");
    REQUIRE(refs.size() == 1);
    CHECK(refs[0] == CardReference{"Budget", "Engagement"});
}

TEST_CASE("card enums spell as the API does and round-trip", "[cards]") {
    CHECK(to_string(CardState::frozen) == "frozen");
    CHECK(to_string(MerchantCategory::entertainment) == "entertainment");
    CHECK(to_string(MerchantCategory::government) == "government");
    CHECK(to_string(SpendingPeriodEndAction::terminate) == "terminate");
    for (std::size_t i = 1; i < detail::merchant_category_names.size(); ++i) {
        auto category = static_cast<MerchantCategory>(i);
        CHECK(OpenEnum<MerchantCategory>::parse(to_string(category)) == category);
    }
}
