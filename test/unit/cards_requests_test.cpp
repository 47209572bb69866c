// Cards request building: routes, bodies, the production-only mark and validation, without sockets.
#include <revolut/api/cards.hpp>
#include <revolut/error.hpp>

#include <boost/json/parse.hpp>

#include <catch2/catch.hpp>

using namespace revolut;
namespace requests = revolut::detail::cards;
namespace json = boost::json;
using verb = boost::beast::http::verb;

namespace {

const Uuid card_id{"0f5a3c1e-6d2b-4c7e-9a41-2b8d7e6f1a20"};
const Uuid member{"5e1b9c7a-2f3d-4a8e-b6c1-7d9e0a2b4c61"};
const Uuid other{"3ea984a5-d599-4c97-b2b3-c6c12bb9b5e9"};

json::value body_of(const detail::ApiRequest& r) {
    REQUIRE(r.json_body);
    return json::parse(*r.json_body);
}

template <class F>
void require_invalid(F f) {
    try {
        f();
        FAIL("accepted");
    } catch (const Error& e) {
        CHECK(e.code() == Errc::invalid_argument);
    }
}

CreateCardRequest holder_card() {
    CreateCardRequest r;
    r.holder_id = member;
    return r;
}

SpendingLimit gbp(const char* amount) { return {Decimal::parse(amount), "GBP"}; }

}  // namespace

TEST_CASE("every card request is production-only and carries the 1.0 route", "[cards]") {
    UpdateCardRequest rename;
    rename.label = "Travel";
    std::vector<std::pair<detail::ApiRequest, std::pair<verb, std::string>>> cases{
        {requests::get_all_cards(std::nullopt, std::nullopt), {verb::get, "/1.0/cards"}},
        {requests::get_card(card_id), {verb::get, "/1.0/cards/0f5a3c1e-6d2b-4c7e-9a41-2b8d7e6f1a20"}},
        {requests::get_card_sensitive_details(card_id),
         {verb::get, "/1.0/cards/0f5a3c1e-6d2b-4c7e-9a41-2b8d7e6f1a20/sensitive-details"}},
        {requests::create_card(holder_card(), std::nullopt), {verb::post, "/1.0/cards"}},
        {requests::freeze_card(card_id), {verb::post, "/1.0/cards/0f5a3c1e-6d2b-4c7e-9a41-2b8d7e6f1a20/freeze"}},
        {requests::unfreeze_card(card_id), {verb::post, "/1.0/cards/0f5a3c1e-6d2b-4c7e-9a41-2b8d7e6f1a20/unfreeze"}},
        {requests::lock_card(card_id), {verb::post, "/1.0/cards/0f5a3c1e-6d2b-4c7e-9a41-2b8d7e6f1a20/lock"}},
        {requests::unlock_card(card_id), {verb::post, "/1.0/cards/0f5a3c1e-6d2b-4c7e-9a41-2b8d7e6f1a20/unlock"}},
        {requests::update_card(card_id, rename), {verb::patch, "/1.0/cards/0f5a3c1e-6d2b-4c7e-9a41-2b8d7e6f1a20"}},
        {requests::update_card_contacts(card_id, {other}),
         {verb::put, "/1.0/cards/0f5a3c1e-6d2b-4c7e-9a41-2b8d7e6f1a20/contacts"}},
        {requests::update_card_references(card_id, {}),
         {verb::put, "/1.0/cards/0f5a3c1e-6d2b-4c7e-9a41-2b8d7e6f1a20/references"}},
        // The spec's route: pyrevolut's delete lacks the /1.0 version.
        {requests::delete_card(card_id), {verb::delete_, "/1.0/cards/0f5a3c1e-6d2b-4c7e-9a41-2b8d7e6f1a20"}},
    };
    for (const auto& [request, expected] : cases) {
        INFO(expected.second);
        CHECK(request.method == expected.first);
        CHECK(request.target == expected.second);
        CHECK(request.environment == detail::Environment::production_only);
    }
    CHECK_FALSE(requests::freeze_card(card_id).json_body);
    CHECK_FALSE(requests::delete_card(card_id).json_body);
}

TEST_CASE("get_all_cards pages by created_before and a limit of 1..100", "[cards]") {
    auto t = parse_timestamp("2025-09-15T11:04:11.047305Z");
    CHECK(requests::get_all_cards(CreatedBefore{t}, 100).target ==
          "/1.0/cards?created_before=2025-09-15T11:04:11.047305Z&limit=100");
    CHECK(requests::get_all_cards(CreatedBefore{std::string("2025-09-15T13:04:11+02:00")}, 1).target ==
          "/1.0/cards?created_before=2025-09-15T11:04:11Z&limit=1");
    require_invalid([] { requests::get_all_cards(std::nullopt, 0); });
    require_invalid([] { requests::get_all_cards(std::nullopt, 101); });
    require_invalid([] { requests::get_all_cards(CreatedBefore{std::string("yesterday")}, std::nullopt); });
}

TEST_CASE("create_card sends a virtual card with one request_id, generated once or the caller's", "[cards]") {
    auto generated = requests::create_card(holder_card(), std::nullopt);
    auto body = body_of(generated);
    REQUIRE(generated.request_id);
    CHECK(generated.request_id->size() == 36);
    CHECK(body.at("request_id") == json::value(*generated.request_id));
    CHECK(body.at("virtual") == json::value(true));
    CHECK(body.at("holder_id") == json::value(member.to_string()));
    CHECK(requests::create_card(holder_card(), std::nullopt).request_id != generated.request_id);

    auto given = requests::create_card(holder_card(), std::string("card-req-1"));
    CHECK(given.request_id == "card-req-1");
    CHECK(body_of(given).at("request_id") == json::value("card-req-1"));
    require_invalid([] { requests::create_card(holder_card(), std::string(41, 'x')); });
    require_invalid([] { requests::create_card(holder_card(), std::string()); });
}

TEST_CASE("create_card writes every spend control, amounts with their exact digits", "[cards]") {
    auto r = holder_card();
    r.label = "Kirby Janette";
    r.spending_limits = SpendingLimits{};
    r.spending_limits->single = gbp("200.22");
    r.spending_limits->week = gbp("0.10");
    r.spending_period = SpendingPeriod{std::nullopt, parse_date("2026-12-15"), SpendingPeriodEndAction::terminate};
    r.categories = {MerchantCategory::groceries, MerchantCategory::restaurants};
    r.merchant_controls = MerchantControls{MerchantControlType::block, {other}};
    r.countries = {"GB", "SG"};
    r.accounts = {Uuid("75aa436d-2a04-4ab9-af14-ed0955769b8c")};
    auto request = requests::create_card(r, std::string("req-7"));
    CHECK(request.json_body->find(R"("single":{"amount":200.22,"currency":"GBP"})") != std::string::npos);
    CHECK(request.json_body->find(R"("week":{"amount":0.10,"currency":"GBP"})") != std::string::npos);
    auto body = body_of(request);
    CHECK(body.at("label") == json::value("Kirby Janette"));
    CHECK(body.at("spending_period") ==
          json::parse(R"({"end_date":"2026-12-15","end_date_action":"terminate"})"));
    CHECK(body.at("categories") == json::parse(R"(["groceries","restaurants"])"));
    CHECK(body.at("merchant_controls") ==
          json::parse(R"({"control_type":"block","merchant_ids":["3ea984a5-d599-4c97-b2b3-c6c12bb9b5e9"]})"));
    CHECK(body.at("countries") == json::parse(R"(["GB","SG"])"));
    CHECK(body.at("accounts") == json::parse(R"(["75aa436d-2a04-4ab9-af14-ed0955769b8c"])"));
    CHECK_FALSE(body.as_object().contains("contact_ids"));
}

TEST_CASE("company and auto-issued cards send contacts, product and references", "[cards]") {
    CreateCardRequest company;
    company.contact_ids = {other, member};
    company.references = {{"PNR", "RT12345"}};
    auto body = body_of(requests::create_card(company, std::nullopt));
    CHECK(body.at("contact_ids").as_array().size() == 2);
    CHECK(body.at("references") == json::parse(R"([{"name":"PNR","value":"RT12345"}])"));
    CHECK_FALSE(body.as_object().contains("holder_id"));

    CreateCardRequest auto_issued;
    auto_issued.product_code = "MBJ";
    CHECK(body_of(requests::create_card(auto_issued, std::nullopt)).at("product") == json::parse(R"({"code":"MBJ"})"));
}

TEST_CASE("create_card refuses what the spec forbids, before sending", "[cards]") {
    auto with = [](auto change) {
        return [change] {
            auto r = holder_card();
            change(r);
            requests::create_card(r, std::nullopt);
        };
    };
    require_invalid([] { requests::create_card(CreateCardRequest{}, std::nullopt); });  // no kind of card
    require_invalid(with([](CreateCardRequest& r) { r.contact_ids = {other}; }));
    require_invalid(with([](CreateCardRequest& r) { r.product_code = "MBJ"; }));
    require_invalid(with([](CreateCardRequest& r) { r.references = {{"a", "b"}}; }));
    require_invalid(with([](CreateCardRequest& r) { r.label = std::string(31, 'x'); }));
    require_invalid(with([](CreateCardRequest& r) { r.label = ""; }));
    require_invalid(with([](CreateCardRequest& r) {
        r.spending_limits = SpendingLimits{};
        r.spending_limits->day = gbp("10");
        r.spending_limits->month = gbp("100");
    }));
    require_invalid(with([](CreateCardRequest& r) {
        r.spending_limits = SpendingLimits{};
        r.spending_limits->single = gbp("0");
    }));
    require_invalid(with([](CreateCardRequest& r) { r.spending_limits = SpendingLimits{}; }));
    require_invalid(with([](CreateCardRequest& r) {
        r.spending_limits = SpendingLimits{};
        r.spending_limits->single = SpendingLimit{Decimal(5), "gbp"};
    }));
    require_invalid(with([](CreateCardRequest& r) { r.spending_period = SpendingPeriod{}; }));
    require_invalid(with([](CreateCardRequest& r) {
        r.spending_period = SpendingPeriod{std::nullopt, parse_date("2026-01-01"), std::nullopt};
    }));
    require_invalid(with([](CreateCardRequest& r) {
        r.spending_period =
            SpendingPeriod{parse_date("2026-02-01"), parse_date("2026-01-01"), SpendingPeriodEndAction::lock};
    }));
    require_invalid(with([](CreateCardRequest& r) { r.countries = {"USA"}; }));
    require_invalid(with([](CreateCardRequest& r) { r.merchant_controls = MerchantControls{MerchantControlType::block, {}}; }));
    require_invalid(with([](CreateCardRequest& r) {
        r.categories = {MerchantCategory::fuel};
        r.merchant_controls = MerchantControls{MerchantControlType::allow, {other}};
    }));
    require_invalid(with([](CreateCardRequest& r) { r.accounts = {Uuid{}}; }));
    CreateCardRequest six;
    six.contact_ids = std::vector<Uuid>(6, other);
    require_invalid([&] { requests::create_card(six, std::nullopt); });
}

TEST_CASE("update_card sends only what changes, and null for what is erased", "[cards]") {
    UpdateCardRequest u;
    u.label = "New card label";
    SpendingLimitsUpdate limits;
    limits.single = unset;
    limits.month = gbp("300");
    u.spending_limits = limits;
    u.categories = unset;
    u.countries = std::vector<std::string>{"ES"};
    CHECK(body_of(requests::update_card(card_id, u)) ==
          json::parse(R"({"label":"New card label","spending_limits":{"single":null,"month":{"amount":300,"currency":"GBP"}},
                          "categories":null,"countries":["ES"]})"));

    UpdateCardRequest clear;
    clear.spending_limits = unset;
    clear.spending_period = unset;
    clear.merchant_controls = unset;
    CHECK(body_of(requests::update_card(card_id, clear)) ==
          json::parse(R"({"spending_limits":null,"spending_period":null,"merchant_controls":null})"));

    UpdateCardRequest allow;
    allow.categories = std::vector<OpenEnum<MerchantCategory>>{};
    allow.merchant_controls = MerchantControls{MerchantControlType::allow, {other}};
    CHECK(body_of(requests::update_card(card_id, allow)).at("categories") == json::array{});

    require_invalid([] { requests::update_card(card_id, UpdateCardRequest{}); });
    require_invalid([] {
        UpdateCardRequest nothing;
        nothing.spending_limits = SpendingLimitsUpdate{};
        requests::update_card(card_id, nothing);
    });
    require_invalid([] {
        UpdateCardRequest two;
        SpendingLimitsUpdate periodic;
        periodic.day = gbp("1");
        periodic.year = gbp("2");
        two.spending_limits = periodic;
        requests::update_card(card_id, two);
    });
}

TEST_CASE("contacts and references are sent as bare arrays and checked first", "[cards]") {
    CHECK(body_of(requests::update_card_contacts(card_id, {other, member})) ==
          json::parse(R"(["3ea984a5-d599-4c97-b2b3-c6c12bb9b5e9","5e1b9c7a-2f3d-4a8e-b6c1-7d9e0a2b4c61"])"));
    require_invalid([] { requests::update_card_contacts(card_id, {}); });
    require_invalid([] { requests::update_card_contacts(card_id, std::vector<Uuid>(6, Uuid::random())); });
    require_invalid([] { requests::update_card_contacts(card_id, {other, other}); });

    CHECK(body_of(requests::update_card_references(card_id, {{"Budget", "Engagement"}, {"Department", "Business"}})) ==
          json::parse(R"([{"name":"Budget","value":"Engagement"},{"name":"Department","value":"Business"}])"));
    CHECK(*requests::update_card_references(card_id, {}).json_body == "[]");  // removes them all
    require_invalid([] { requests::update_card_references(card_id, {{"a", "1"}, {"a", "2"}}); });
    require_invalid([] { requests::update_card_references(card_id, {{std::string(31, 'n'), "v"}}); });
    require_invalid([] { requests::update_card_references(card_id, {{"n", ""}}); });
    require_invalid([] {
        requests::update_card_references(card_id, {{"a", "1"}, {"b", "1"}, {"c", "1"}, {"d", "1"}, {"e", "1"}, {"f", "1"}});
    });
    // 30 characters, some of them two bytes long, is still 30.
    std::string thirty_chars;
    for (int i = 0; i < 30; ++i) thirty_chars += "\xC3\xA9";
    CHECK_NOTHROW(requests::update_card_references(card_id, {{thirty_chars, "v"}}));
}

TEST_CASE("the nil UUID is refused as a card id", "[cards]") {
    require_invalid([] { requests::get_card(Uuid{}); });
    require_invalid([] { requests::freeze_card(Uuid{}); });
    require_invalid([] { requests::delete_card(Uuid{}); });
}
