// Card invitations: models decoded from JSON shaped like the spec's examples, and request
// building (routes, bodies, the production-only mark, validation), without sockets.
#include "model_test_support.hpp"

#include <revolut/api/card_invitations.hpp>
#include <revolut/error.hpp>

#include <boost/json/parse.hpp>

#include <catch2/catch.hpp>

using namespace revolut;
using revolut_test::decode;
namespace requests = revolut::detail::card_invitations;
namespace json = boost::json;
using verb = boost::beast::http::verb;

namespace {

const Uuid invitation_id{"4016b891-bb50-4bd2-8a1b-adb74f4aacdd"};
const Uuid holder{"3791712d-e5b5-4d5f-b1f1-79a93d57e08b"};

template <class F>
void require_invalid(F f) {
    try {
        f();
        FAIL("accepted");
    } catch (const Error& e) {
        CHECK(e.code() == Errc::invalid_argument);
    }
}

json::value body_of(const detail::ApiRequest& r) {
    REQUIRE(r.json_body);
    return json::parse(*r.json_body);
}

const char* created_invitation = R"({
  "id": "4016b891-bb50-4bd2-8a1b-adb74f4aacdd",
  "state": "created",
  "created_at": "2025-11-21T00:00:00Z",
  "updated_at": "2025-11-21T00:00:00Z",
  "expiry_date": "2025-12-06T00:00:00Z",
  "holder_id": "3791712d-e5b5-4d5f-b1f1-79a93d57e08b",
  "virtual": true,
  "label": "Dariel Pattie",
  "spending_limits": {"single": {"amount": 50, "currency": "GBP"}, "week": {"amount": 250.75, "currency": "GBP"}},
  "spending_period": {"end_date": "2026-12-31", "end_date_action": "lock"},
  "categories": ["groceries", "restaurants"],
  "merchant_controls": {"control_type": "block", "merchant_ids": ["14c8d663-2093-4086-96ed-334a4011333f"]},
  "countries": ["GB"],
  "accounts": ["26a852b8-4046-4e71-949d-22f4cb6be26a"]
})";

}  // namespace

TEST_CASE("a created card invitation decodes every field", "[card_invitations]") {
    auto i = decode<CardInvitation>(created_invitation);
    CHECK(i.id == invitation_id);
    CHECK(i.state == CardInvitationState::created);
    CHECK(i.created_at == parse_timestamp("2025-11-21T00:00:00Z"));
    CHECK(i.expiry_date == parse_timestamp("2025-12-06T00:00:00Z"));
    CHECK_FALSE(i.card_id);
    CHECK(i.holder_id == holder);
    CHECK(i.is_virtual);
    CHECK(i.label == "Dariel Pattie");
    REQUIRE(i.spending_limits);
    CHECK(i.spending_limits->single->amount == Decimal(50));
    CHECK(i.spending_limits->week->amount.to_string() == "250.75");
    REQUIRE(i.spending_period);
    CHECK_FALSE(i.spending_period->start_date);
    CHECK(i.spending_period->end_date_action == SpendingPeriodEndAction::lock);
    CHECK(i.categories.size() == 2);
    CHECK(i.merchant_controls->merchant_ids.size() == 1);
    CHECK(i.countries == std::vector<std::string>{"GB"});
    CHECK(i.accounts.size() == 1);
}

TEST_CASE("redeemed and failed invitations decode, unknown states are kept", "[card_invitations]") {
    auto redeemed = decode<CardInvitation>(R"({"id": "0c0d252e-5fff-498e-83f8-f9b635904275", "state": "redeemed",
        "created_at": "2025-11-22T00:00:00Z", "updated_at": "2025-11-30T00:00:00Z",
        "card_id": "6b472c0e-f595-4681-88b4-76eaa0522824", "holder_id": "5ea0ffa1-5dc5-43c4-ac5e-b9e0deb9ec12",
        "virtual": true, "spend_program": {"label": "Meals"}, "accounts": []})");
    CHECK(redeemed.state == CardInvitationState::redeemed);
    CHECK(redeemed.card_id == Uuid("6b472c0e-f595-4681-88b4-76eaa0522824"));
    CHECK_FALSE(redeemed.expiry_date);
    REQUIRE(redeemed.spend_program);
    CHECK(redeemed.spend_program->label == "Meals");

    auto failed = decode<CardInvitation>(R"({"id": "0c0d252e-5fff-498e-83f8-f9b635904275", "state": "withdrawn",
        "created_at": "2025-11-22T00:00:00Z", "updated_at": "2025-11-30T00:00:00Z", "virtual": true, "accounts": []})");
    CHECK_FALSE(failed.state.is_known());
    CHECK(failed.state.str() == "withdrawn");
    CHECK_FALSE(failed.holder_id);  // the team member was deleted

    auto list = decode<std::vector<CardInvitation>>(std::string("[") + created_invitation + "]");
    CHECK(list.size() == 1);
    CHECK(decode<CreatedCardInvitation>(created_invitation).request_id.empty());
}

TEST_CASE("an invitation without a required field is an invalid response", "[card_invitations]") {
    for (const char* field : {"\"state\": \"created\",", "\"virtual\": true,", "\"created_at\": \"2025-11-21T00:00:00Z\","}) {
        INFO(field);
        std::string json = created_invitation;
        json.erase(json.find(field), std::string(field).size());
        try {
            decode<CardInvitation>(json);
            FAIL("decoded");
        } catch (const Error& e) {
            CHECK(e.code() == Errc::invalid_response);
        }
    }
}

TEST_CASE("card invitation requests are production-only with the spec's routes", "[card_invitations]") {
    CreateCardInvitationRequest create;
    create.holder_id = holder;
    UpdateCardInvitationRequest update;
    update.label = "New";
    std::vector<std::tuple<detail::ApiRequest, verb, std::string>> cases{
        {requests::create_card_invitation(create, std::nullopt), verb::post, "/1.0/card-invitations"},
        {requests::get_all_card_invitations(std::nullopt, std::nullopt, {}), verb::get, "/1.0/card-invitations"},
        {requests::get_card_invitation(invitation_id), verb::get,
         "/1.0/card-invitations/4016b891-bb50-4bd2-8a1b-adb74f4aacdd"},
        {requests::update_card_invitation(invitation_id, update), verb::patch,
         "/1.0/card-invitations/4016b891-bb50-4bd2-8a1b-adb74f4aacdd"},
        {requests::cancel_card_invitation(invitation_id), verb::post,
         "/1.0/card-invitations/4016b891-bb50-4bd2-8a1b-adb74f4aacdd/cancel"},
    };
    for (const auto& [request, method, target] : cases) {
        INFO(target);
        CHECK(request.method == method);
        CHECK(request.target == target);
        CHECK(request.environment == detail::Environment::production_only);
    }
}

TEST_CASE("create_card_invitation sends holder, virtual, request_id and expiry period", "[card_invitations]") {
    CreateCardInvitationRequest r;
    r.holder_id = holder;
    r.expiry_period = std::chrono::days(3);
    r.label = "Meals";
    r.spending_limits = SpendingLimits{};
    r.spending_limits->single = SpendingLimit{Decimal::parse("49.99"), "EUR"};
    auto request = requests::create_card_invitation(r, std::string("inv-1"));
    CHECK(request.request_id == "inv-1");
    auto body = body_of(request);
    CHECK(body.at("request_id") == json::value("inv-1"));
    CHECK(body.at("holder_id") == json::value(holder.to_string()));
    CHECK(body.at("virtual") == json::value(true));
    CHECK(body.at("expiry_period") == json::value("P3D"));
    CHECK(body.at("label") == json::value("Meals"));
    CHECK(request.json_body->find(R"("amount":49.99)") != std::string::npos);

    CreateCardInvitationRequest minimal;
    minimal.holder_id = holder;
    auto generated = requests::create_card_invitation(minimal, std::nullopt);
    REQUIRE(generated.request_id);
    CHECK(body_of(generated) ==
          json::parse(R"({"request_id":")" + *generated.request_id + R"(","holder_id":")" + holder.to_string() +
                      R"(","virtual":true})"));
}

TEST_CASE("create_card_invitation checks its inputs before sending", "[card_invitations]") {
    auto with = [](auto change) {
        return [change] {
            CreateCardInvitationRequest r;
            r.holder_id = holder;
            change(r);
            requests::create_card_invitation(r, std::nullopt);
        };
    };
    require_invalid([] { requests::create_card_invitation(CreateCardInvitationRequest{}, std::nullopt); });
    require_invalid(with([](CreateCardInvitationRequest& r) { r.expiry_period = std::chrono::days(0); }));
    require_invalid(with([](CreateCardInvitationRequest& r) { r.expiry_period = std::chrono::days(91); }));
    require_invalid(with([](CreateCardInvitationRequest& r) { r.label = std::string(31, 'l'); }));
    require_invalid(with([](CreateCardInvitationRequest& r) { r.countries = {"gb"}; }));
    require_invalid([] {
        CreateCardInvitationRequest r;
        r.holder_id = holder;
        requests::create_card_invitation(r, std::string(41, 'k'));
    });
    CHECK_NOTHROW(with([](CreateCardInvitationRequest& r) { r.expiry_period = std::chrono::days(90); })());
}

TEST_CASE("invitation lists page by created_before/limit 1..100 and filter by repeated states", "[card_invitations]") {
    auto t = parse_timestamp("2025-10-15T14:30:00Z");
    std::vector<OpenEnum<CardInvitationState>> states{CardInvitationState::created, CardInvitationState::redeemed};
    CHECK(requests::get_all_card_invitations(CreatedBefore{t}, 100, states).target ==
          "/1.0/card-invitations?created_before=2025-10-15T14:30:00Z&limit=100&state=created&state=redeemed");
    require_invalid([] { requests::get_all_card_invitations(std::nullopt, 0, {}); });
    require_invalid([] { requests::get_all_card_invitations(std::nullopt, 101, {}); });
}

TEST_CASE("update_card_invitation sends the changed settings and refuses an empty update", "[card_invitations]") {
    UpdateCardInvitationRequest u;
    u.spending_period = SpendingPeriod{parse_date("2025-12-20"), parse_date("2027-12-20"), SpendingPeriodEndAction::lock};
    u.accounts = std::vector<Uuid>{Uuid("f52c6c84-26b9-4e95-bbcf-99ed6523fb51")};
    CHECK(body_of(requests::update_card_invitation(invitation_id, u)) ==
          json::parse(R"({"spending_period":{"start_date":"2025-12-20","end_date":"2027-12-20","end_date_action":"lock"},
                          "accounts":["f52c6c84-26b9-4e95-bbcf-99ed6523fb51"]})"));
    require_invalid([] { requests::update_card_invitation(invitation_id, UpdateCardInvitationRequest{}); });
    require_invalid([] { requests::cancel_card_invitation(Uuid{}); });
}

TEST_CASE("card invitation states spell as the API does", "[card_invitations]") {
    for (std::size_t i = 1; i < detail::card_invitation_state_names.size(); ++i) {
        auto state = static_cast<CardInvitationState>(i);
        CHECK(OpenEnum<CardInvitationState>::parse(to_string(state)) == state);
    }
    CHECK(to_string(CardInvitationState::redeemed) == "redeemed");
}
