#include "mock/team_store.hpp"

#include <boost/beast/core/string.hpp>

#include <algorithm>

namespace revolut::mock {

namespace json = boost::json;

namespace {
// When the emulated business was set up: its built-in roles and its owner date from then.
constexpr std::string_view business_created = "2023-09-07T09:21:12.962303Z";
}  // namespace

TeamStore::TeamStore() {
    const Timestamp created = parse_timestamp(business_created);
    for (auto [id, name] : {std::pair{"owner", "Owner"}, std::pair{"admin", "Admin"}, std::pair{"member", "Member"},
                            std::pair{"viewer", "Viewer"}})
        roles_.push_back(StoredRole{id, name, created, created});
    StoredTeamMember owner;
    owner.id = Uuid::random();
    owner.email = "owner@example.com";
    owner.first_name = "Alex";
    owner.last_name = "Owner";
    owner.state = "active";
    owner.role_id = "owner";
    owner.created_at = owner.updated_at = created;
    members_.push_back(std::move(owner));
}

const StoredTeamMember* TeamStore::find_member(const Uuid& id) const {
    auto it = std::find_if(members_.begin(), members_.end(), [&](const auto& m) { return m.id == id; });
    return it == members_.end() ? nullptr : &*it;
}

const StoredTeamMember* TeamStore::find_member_by_email(const std::string& email) const {
    auto it = std::find_if(members_.begin(), members_.end(),
                           [&](const auto& m) { return boost::beast::iequals(m.email, email); });
    return it == members_.end() ? nullptr : &*it;
}

const StoredRole* TeamStore::find_role(const std::string& id) const {
    auto it = std::find_if(roles_.begin(), roles_.end(), [&](const auto& r) { return r.id == id; });
    return it == roles_.end() ? nullptr : &*it;
}

const StoredTeamMember& TeamStore::add_member(StoredTeamMember member, Timestamp now) {
    if (member.id.is_nil()) member.id = Uuid::random();
    if (member.created_at == Timestamp{}) member.created_at = now;
    if (member.updated_at == Timestamp{}) member.updated_at = member.created_at;
    members_.push_back(std::move(member));
    return members_.back();
}

const StoredRole& TeamStore::add_role(StoredRole role, Timestamp now) {
    if (role.id.empty()) role.id = Uuid::random().to_string();
    if (role.created_at == Timestamp{}) role.created_at = now;
    if (role.updated_at == Timestamp{}) role.updated_at = role.created_at;
    roles_.push_back(std::move(role));
    return roles_.back();
}

bool TeamStore::remove_member(const Uuid& id) {
    auto it = std::find_if(members_.begin(), members_.end(), [&](const auto& m) { return m.id == id; });
    if (it == members_.end()) return false;
    members_.erase(it);
    return true;
}

json::object team_member_json(const StoredTeamMember& m) {
    json::object o{{"id", m.id.to_string()}, {"email", m.email}};
    if (m.first_name) o["first_name"] = *m.first_name;
    if (m.last_name) o["last_name"] = *m.last_name;
    o["state"] = m.state;
    o["role_id"] = m.role_id;
    o["created_at"] = format_timestamp(m.created_at);
    o["updated_at"] = format_timestamp(m.updated_at);
    return o;
}

json::object role_json(const StoredRole& r) {
    return {{"id", r.id},
            {"name", r.name},
            {"created_at", format_timestamp(r.created_at)},
            {"updated_at", format_timestamp(r.updated_at)}};
}

}  // namespace revolut::mock
