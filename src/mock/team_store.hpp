#pragma once
// The emulator's team: its members and the roles they can have. The business starts with
// the built-in roles (owner, admin, member, viewer) and its owner, an active member.

#include <revolut/types.hpp>

#include <boost/json/object.hpp>

#include <optional>
#include <string>
#include <vector>

namespace revolut::mock {

struct StoredTeamMember {
    Uuid id;
    std::string email;
    std::optional<std::string> first_name;
    std::optional<std::string> last_name;
    std::string state = "created";  ///< invited members stay `created` until they onboard
    std::string role_id;
    Timestamp created_at{};
    Timestamp updated_at{};
};

struct StoredRole {
    std::string id;  ///< built-in ids are words (`owner`), custom ones UUIDs
    std::string name;
    Timestamp created_at{};
    Timestamp updated_at{};
};

/// Members and roles, oldest first.
class TeamStore {
public:
    /// The built-in roles and the owner, created at one fixed moment (so they share a
    /// created_at, as the spec's own example does).
    TeamStore();

    const std::vector<StoredTeamMember>& members() const { return members_; }
    const std::vector<StoredRole>& roles() const { return roles_; }
    const StoredTeamMember* find_member(const Uuid& id) const;
    /// Case-insensitive, as email addresses are.
    const StoredTeamMember* find_member_by_email(const std::string& email) const;
    const StoredRole* find_role(const std::string& id) const;

    /// Adds the member (a new id when nil; created_at/updated_at `now` when unset).
    const StoredTeamMember& add_member(StoredTeamMember member, Timestamp now);
    const StoredRole& add_role(StoredRole role, Timestamp now);
    /// False when there is no such member.
    bool remove_member(const Uuid& id);

private:
    std::vector<StoredTeamMember> members_;
    std::vector<StoredRole> roles_;
};

boost::json::object team_member_json(const StoredTeamMember& member);
boost::json::object role_json(const StoredRole& role);

}  // namespace revolut::mock
