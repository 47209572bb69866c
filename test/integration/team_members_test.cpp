// The four Team members methods against revolut-mock over real TLS. They exist in both
// environments (the spec wins over pyrevolut's sandbox refusal), so both clients are used.
#include "support/expect.hpp"
#include "support/mock_client.hpp"
#include "support/run_async.hpp"

#include <revolut/api/team_members.hpp>
#include <revolut/client.hpp>
#include <revolut/mock/server.hpp>

#include <boost/asio/use_awaitable.hpp>

#include <catch2/catch.hpp>

#include <algorithm>
#include <set>

using namespace revolut;
namespace asio = boost::asio;
using revolut::test::run_async;
using verb = boost::beast::http::verb;

using revolut::test::expect_api_error;

TEST_CASE("team members: list, roles, invite and delete, in sandbox and in production", "[integration][team_members]") {
    for (bool sandbox : {true, false}) {
        INFO("sandbox " << sandbox);
        run_async([sandbox](asio::io_context& ioc) -> asio::awaitable<void> {
            mock::Server server(ioc.get_executor());
            server.start();
            auto options = revolut::test::options_for(server);
            options.sandbox = sandbox;
            AsyncClient client(ioc.get_executor(), options);
            co_await client.open();
            auto team = client.team_members();

            auto members = co_await team.get_team_members();
            REQUIRE(members.size() == 1);
            CHECK(members[0].role_id == "owner");
            CHECK(members[0].state == TeamMemberState::active);
            auto roles = co_await team.get_team_roles();
            std::set<std::string> role_ids;
            for (const auto& role : roles) role_ids.insert(role.id);
            CHECK(role_ids == std::set<std::string>{"owner", "admin", "member", "viewer"});

            auto invited = co_await team.invite_team_member("john.smith@example.com", "member");
            CHECK(invited.email == "john.smith@example.com");
            CHECK(invited.role_id == "member");
            auto listed = co_await team.get_team_members();
            REQUIRE(listed.size() == 2);
            CHECK(listed[0].id == Uuid(invited.id));  // newest first
            CHECK(listed[0].email == "john.smith@example.com");
            CHECK(listed[0].state == TeamMemberState::created);  // until they accept
            CHECK(listed[0].created_at == invited.created_at);

            co_await team.delete_team_member(Uuid(invited.id));
            auto after = co_await team.get_team_members();
            CHECK(after.size() == 1);
            auto gone = co_await expect_api_error(team.delete_team_member(Uuid(invited.id)), Errc::not_found);
            CHECK(gone.api_code() == 3006);
            co_await client.close();
        });
    }
}

TEST_CASE("team members: the server refuses bad invitations and removing the owner", "[integration][team_members]") {
    run_async([](asio::io_context& ioc) -> asio::awaitable<void> {
        mock::Server server(ioc.get_executor());
        server.start();
        AsyncClient client(ioc.get_executor(), revolut::test::options_for(server));
        co_await client.open();
        auto team = client.team_members();
        co_await team.invite_team_member("ann@example.com", "admin");
        auto twice = co_await expect_api_error(team.invite_team_member("ANN@example.com", "member"),
                                               Errc::unprocessable_entity);
        CHECK(twice.api_code() == 33005);
        auto no_role = co_await expect_api_error(team.invite_team_member("bob@example.com", "wizard"), Errc::bad_request);
        CHECK(no_role.api_code() == 3402);
        auto no_uuid_role = co_await expect_api_error(
            team.invite_team_member("bob@example.com", "0098ac28-b92f-435e-a3a2-2829d3918dfb"), Errc::bad_request);
        CHECK(no_uuid_role.api_code() == 3053);
        auto bad_email = co_await expect_api_error(team.invite_team_member("bob@localhost", "member"), Errc::bad_request);
        CHECK(bad_email.api_code() == 3000);
        CHECK(bad_email.api_message().find("bob") == std::string::npos);  // masked, as Revolut does

        auto members = co_await team.get_team_members();
        auto owner = std::find_if(members.begin(), members.end(), [](const auto& m) { return m.role_id == "owner"; });
        REQUIRE(owner != members.end());
        auto e = co_await expect_api_error(team.delete_team_member(owner->id), Errc::unprocessable_entity);
        CHECK(e.api_code() == 3547);

        for (const char* target : {"/1.0/team-members?limit=0", "/1.0/team-members?limit=1001", "/1.0/roles?limit=x",
                                   "/1.0/roles?created_before=later"}) {
            INFO(target);
            auto bad = co_await expect_api_error(client.request(verb::get, target), Errc::bad_request);
            CHECK(bad.api_code() == 2101);
        }
        co_await client.close();
    });
}

TEST_CASE("iterate_team_members and iterate_team_roles cross pages of members and roles sharing a created_at",
          "[integration][team_members]") {
    run_async([](asio::io_context& ioc) -> asio::awaitable<void> {
        mock::Server server(ioc.get_executor());
        server.start();
        const auto shared = parse_timestamp("2024-05-05T05:05:05.123456Z");
        for (int i = 0; i < 5; ++i)
            server.seed("team_member", boost::json::object{{"email", "m" + std::to_string(i) + "@example.com"},
                                                           {"created_at", format_timestamp(shared)}});
        server.seed("team_member", boost::json::object{{"email", "late@example.com"}, {"created_at", "2024-06-01T00:00:00Z"}});
        AsyncClient client(ioc.get_executor(), revolut::test::options_for(server));
        co_await client.open();
        auto team = client.team_members();

        auto expected = co_await team.get_team_members(std::nullopt, 1000);
        REQUIRE(expected.size() == 7);  // the seeded six and the owner
        auto pages = team.iterate_team_members(std::nullopt, 2);
        std::vector<Uuid> walked;
        while (auto member = co_await pages.next()) walked.push_back(member->id);
        REQUIRE(walked.size() == 7);
        for (std::size_t i = 0; i < walked.size(); ++i) CHECK(walked[i] == expected[i].id);
        CHECK(std::set<Uuid>(walked.begin(), walked.end()).size() == 7);

        // The four built-in roles share one created_at; pages of one still reach them all.
        server.seed("team_role", boost::json::object{{"name", "Accountant"}, {"created_at", "2024-01-01T00:00:00Z"}});
        auto roles = team.iterate_team_roles(std::nullopt, 1);
        std::vector<std::string> names;
        while (auto role = co_await roles.next()) names.push_back(role->name);
        REQUIRE(names.size() == 5);
        CHECK(names.front() == "Accountant");  // newest
        CHECK(std::set<std::string>(names.begin(), names.end()).size() == 5);

        auto capped = team.iterate_team_members(CreatedBefore{std::string("2024-06-01T00:00:00Z")}, 3, 4);
        std::size_t count = 0;
        while (auto page = co_await capped.next_page()) {
            for (const auto& m : *page) CHECK(m.created_at < parse_timestamp("2024-06-01T00:00:00Z"));
            count += page->size();
        }
        CHECK(count == 4);
        CHECK_THROWS_AS(team.iterate_team_roles(std::nullopt, 0), Error);
        co_await client.close();
    });
}

TEST_CASE("team members: raw JSON as the API sends it", "[integration][team_members]") {
    run_async([](asio::io_context& ioc) -> asio::awaitable<void> {
        mock::Server server(ioc.get_executor());
        server.start();
        AsyncClient client(ioc.get_executor(), revolut::test::options_for(server));
        co_await client.open();
        auto raw = client.team_members(revolut::raw);
        boost::json::value invited = co_await raw.invite_team_member("raw@example.com", "viewer");
        CHECK(invited.at("role_id") == boost::json::value("viewer"));
        boost::json::value roles = co_await raw.get_team_roles(std::nullopt, 2);
        REQUIRE(roles.is_array());
        CHECK(roles.as_array().size() == 2);
        boost::json::value deleted = co_await raw.delete_team_member(Uuid(invited.at("id").as_string()));
        CHECK(deleted == boost::json::object{});
        co_await client.close();
    });
}
