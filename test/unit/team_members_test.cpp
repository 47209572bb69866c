// Team members: models decoded from JSON shaped like the spec's examples, and request
// building (routes, bodies, validation; both environments), without sockets.
#include "model_test_support.hpp"

#include <revolut/api/team_members.hpp>
#include <revolut/error.hpp>

#include <boost/json/parse.hpp>

#include <catch2/catch.hpp>

using namespace revolut;
using revolut_test::decode;
namespace requests = revolut::detail::team_members;
using verb = boost::beast::http::verb;

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

}  // namespace

TEST_CASE("team members decode with optional names and built-in or custom role ids", "[team_members]") {
    auto members = decode<std::vector<TeamMember>>(R"([
      {"email": "john.doe@example.com", "id": "76969b71-a123-42dc-b874-a34688d7bba4", "role_id": "owner",
       "state": "active", "first_name": "John", "last_name": "Doe",
       "created_at": "2022-09-07T09:19:31.592368Z", "updated_at": "2022-09-07T09:21:24.346670Z"},
      {"email": "john.smith@example.com", "id": "168922e1-594f-4ca0-93b2-56b742f3936b",
       "role_id": "024abb3d-06da-4701-9254-dfcc3da38385", "state": "on_leave",
       "created_at": "2022-09-07T09:19:32.592368Z", "updated_at": "2022-09-07T09:21:25.346670Z"}])");
    REQUIRE(members.size() == 2);
    const auto& john = members[0];
    CHECK(john.id == Uuid("76969b71-a123-42dc-b874-a34688d7bba4"));
    CHECK(john.email == "john.doe@example.com");
    CHECK(john.first_name == "John");
    CHECK(john.last_name == "Doe");
    CHECK(john.state == TeamMemberState::active);
    CHECK(john.role_id == "owner");
    CHECK(john.created_at == parse_timestamp("2022-09-07T09:19:31.592368Z"));
    CHECK(john.updated_at == parse_timestamp("2022-09-07T09:21:24.346670Z"));
    CHECK_FALSE(members[1].first_name);
    CHECK(members[1].role_id == "024abb3d-06da-4701-9254-dfcc3da38385");
    CHECK(members[1].state.str() == "on_leave");  // unknown, kept
}

TEST_CASE("roles and an invited member decode, the invite's id is a plain string", "[team_members]") {
    auto roles = decode<std::vector<TeamRole>>(R"([
      {"id": "owner", "name": "Owner", "created_at": "2023-09-07T09:21:12.962303Z", "updated_at": "2023-09-07T09:21:12.962303Z"},
      {"id": "a40b6121-350b-4d2e-9ba1-9dab61a18d46", "name": "Example custom role",
       "created_at": "2023-09-07T09:21:12.963143Z", "updated_at": "2023-09-07T09:21:12.963143Z"}])");
    REQUIRE(roles.size() == 2);
    CHECK(roles[0].id == "owner");
    CHECK(roles[0].name == "Owner");
    CHECK(roles[1].created_at == parse_timestamp("2023-09-07T09:21:12.963143Z"));

    auto invited = decode<InvitedTeamMember>(R"({"email": "john.smith@example.com", "id": "member-42",
        "role_id": "0098ac28-b92f-435e-a3a2-2829d3918dfb",
        "created_at": "2022-09-07T09:19:31.592368Z", "updated_at": "2022-09-07T09:21:24.346670Z"})");
    CHECK(invited.id == "member-42");
    CHECK(invited.email == "john.smith@example.com");
    CHECK(invited.role_id == "0098ac28-b92f-435e-a3a2-2829d3918dfb");
}

TEST_CASE("a team member without a required field is an invalid response", "[team_members]") {
    for (const char* json : {
             R"([{"id": "76969b71-a123-42dc-b874-a34688d7bba4", "role_id": "owner", "state": "active",
                  "created_at": "2022-09-07T09:19:31Z", "updated_at": "2022-09-07T09:19:31Z"}])",
             R"([{"email": "a@b.c", "id": "owner", "role_id": "owner", "state": "active",
                  "created_at": "2022-09-07T09:19:31Z", "updated_at": "2022-09-07T09:19:31Z"}])"}) {
        try {
            decode<std::vector<TeamMember>>(json);
            FAIL("decoded");
        } catch (const Error& e) {
            CHECK(e.code() == Errc::invalid_response);
        }
    }
}

TEST_CASE("team member requests use the spec's routes and work in both environments", "[team_members]") {
    const Uuid member{"76969b71-a123-42dc-b874-a34688d7bba4"};
    auto members = requests::get_team_members(std::nullopt, std::nullopt);
    CHECK(members.method == verb::get);
    CHECK(members.target == "/1.0/team-members");
    auto roles = requests::get_team_roles(std::nullopt, std::nullopt);
    CHECK(roles.target == "/1.0/roles");
    auto invite = requests::invite_team_member("john.smith@example.com", "member");
    CHECK(invite.method == verb::post);
    CHECK(invite.target == "/1.0/team-members");
    CHECK(boost::json::parse(*invite.json_body) ==
          boost::json::parse(R"({"email":"john.smith@example.com","role_id":"member"})"));
    auto remove = requests::delete_team_member(member);
    CHECK(remove.method == verb::delete_);
    CHECK(remove.target == "/1.0/team-members/76969b71-a123-42dc-b874-a34688d7bba4");
    for (const auto* r : {&members, &roles, &invite, &remove}) CHECK(r->environment == detail::Environment::any);
}

TEST_CASE("member and role lists page by created_before and a limit of 1..1000", "[team_members]") {
    auto t = parse_timestamp("2023-09-07T09:21:12.962303Z");
    CHECK(requests::get_team_members(CreatedBefore{t}, 1000).target ==
          "/1.0/team-members?created_before=2023-09-07T09:21:12.962303Z&limit=1000");
    CHECK(requests::get_team_roles(CreatedBefore{std::string("2023-09-07")}, 1).target ==
          "/1.0/roles?created_before=2023-09-07T00:00:00Z&limit=1");
    require_invalid([] { requests::get_team_members(std::nullopt, 0); });
    require_invalid([] { requests::get_team_roles(std::nullopt, 1001); });
    require_invalid([] { requests::get_team_roles(CreatedBefore{std::string("soon")}, std::nullopt); });
}

TEST_CASE("invite_team_member needs a plausible email and a role", "[team_members]") {
    for (const char* bad : {"", "no-at-sign", "@example.com", "name@", "two@@example.com", "sp ace@example.com"}) {
        INFO(bad);
        require_invalid([&] { requests::invite_team_member(bad, "member"); });
    }
    require_invalid([] { requests::invite_team_member("a@example.com", ""); });
    require_invalid([] { requests::delete_team_member(Uuid{}); });
}

TEST_CASE("team member states round-trip", "[team_members]") {
    for (std::size_t i = 1; i < detail::team_member_state_names.size(); ++i) {
        auto state = static_cast<TeamMemberState>(i);
        CHECK(OpenEnum<TeamMemberState>::parse(to_string(state)) == state);
    }
}
