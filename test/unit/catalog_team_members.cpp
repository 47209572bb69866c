// Catalog entries of the Team members group (see test/support/operation_catalog.hpp).
#include "support/operation_catalog.hpp"

#include <revolut/api/team_members.hpp>

namespace revolut::test {
namespace {

namespace t = detail::team_members;

const CatalogEntries entries{
    {"team_members", "get_team_members", "GET", "/api/1.0/team-members", true,
     [] { return t::get_team_members(std::nullopt, 10); }},
    {"team_members", "get_team_roles", "GET", "/api/1.0/roles", true, [] { return t::get_team_roles(std::nullopt, 10); }},
    {"team_members", "invite_team_member", "POST", "/api/1.0/team-members", true,
     [] { return t::invite_team_member("john.smith@example.com", "member"); }},
    {"team_members", "delete_team_member", "DELETE", "/api/1.0/team-members/{team_member_id}", false,
     [] { return t::delete_team_member(Uuid{"76969b71-a123-42dc-b874-a34688d7bba4"}); }},
};

}  // namespace
}  // namespace revolut::test
