#pragma once
// Team members: list, invite and remove the business's team members, and list their roles.
// Routes are under /api/1.0/team-members and /api/1.0/roles.
//
// Environments: pyrevolut refuses these calls in sandbox mode, but the spec lists both the
// production and the sandbox server for them and mentions no restriction. The spec wins:
// they work on either client.

#include <revolut/detail/api_call.hpp>
#include <revolut/open_enum.hpp>
#include <revolut/pagination.hpp>
#include <revolut/types.hpp>

#include <boost/asio/use_awaitable.hpp>

#include <array>
#include <cstddef>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <variant>
#include <vector>

namespace revolut {

/// State of a team member (spec `TeamMemberState`).
enum class TeamMemberState { unknown, created, confirmed, waiting, active, locked, disabled };

namespace detail {
inline constexpr std::array<std::string_view, 7> team_member_state_names{
    "", "created", "confirmed", "waiting", "active", "locked", "disabled"};
}  // namespace detail

constexpr std::span<const std::string_view> enum_names(TeamMemberState) noexcept {
    return detail::team_member_state_names;
}

/// A member of the business's team (spec `TeamMember`).
struct TeamMember {
    Uuid id;
    std::string email;
    std::optional<std::string> first_name;
    std::optional<std::string> last_name;
    OpenEnum<TeamMemberState> state;
    std::string role_id;  ///< a UUID for custom roles, or a built-in one such as `owner`
    Timestamp created_at;
    Timestamp updated_at;
};

/// A role team members can have (spec `Role`).
struct TeamRole {
    std::string id;  ///< a UUID for custom roles, or a built-in one such as `owner`
    std::string name;
    Timestamp created_at;
    Timestamp updated_at;
};

/// The member invite_team_member created (the invitation went to their email).
struct InvitedTeamMember {
    std::string id;  ///< a plain string in the spec's invite response
    std::string email;
    std::string role_id;
    Timestamp created_at;
    Timestamp updated_at;
};

/// `created_before`: a time point, or ISO-8601 text (sent as UTC).
using CreatedBefore = std::variant<Timestamp, std::string>;

namespace detail::team_members {
ApiRequest get_team_members(const std::optional<CreatedBefore>& created_before, std::optional<int> limit);
ApiRequest get_team_roles(const std::optional<CreatedBefore>& created_before, std::optional<int> limit);
ApiRequest invite_team_member(const std::string& email, const std::string& role_id);
ApiRequest delete_team_member(const Uuid& team_member_id);
/// `created_before` as the UTC time point it denotes (Errc::invalid_argument for bad text).
Timestamp created_before_time(const CreatedBefore& created_before);
}  // namespace detail::team_members

/// The Team members endpoint group, with pyrevolut's method names and parameter order (plus
/// delete_team_member, which pyrevolut lacks). Every method accepts any Asio completion
/// token (default: use_awaitable); arguments are copied before the operation starts.
/// Errors: Errc::invalid_argument before sending, ApiError for non-2xx answers, transport
/// errors, operation_aborted on cancellation.
template <class Shape = Typed, class Default = DefaultToken>
class BasicTeamMembersApi {
    template <class T>
    using result = detail::shaped_t<Shape, T>;

public:
    explicit BasicTeamMembersApi(std::shared_ptr<detail::ClientCore> core) : core_(std::move(core)) {}

    /// GET /1.0/team-members — newest first; `limit` 1..1000 (server default 100);
    /// `created_before` exclusive (server default: now).
    template <class Token = Default>
    auto get_team_members(std::optional<CreatedBefore> created_before = std::nullopt,
                          std::optional<int> limit = std::nullopt, Token&& token = {}) {
        return detail::start<result<std::vector<TeamMember>>>(
            core_, [=] { return detail::team_members::get_team_members(created_before, limit); },
            std::forward<Token>(token));
    }

    /// Every team member, newest first, page by page (`limit` per request, 1..1000), at
    /// most `max_items` in all; members sharing a created_at across a page boundary are
    /// neither lost nor repeated. Bad arguments throw Errc::invalid_argument here.
    Pages<TeamMember> iterate_team_members(std::optional<CreatedBefore> created_before = std::nullopt,
                                           std::optional<int> limit = std::nullopt,
                                           std::optional<std::size_t> max_items = std::nullopt)
        requires std::is_same_v<Shape, Typed>
    {
        return iterate<TeamMember>(&detail::team_members::get_team_members, created_before, limit, max_items);
    }

    /// GET /1.0/roles — newest first; `limit` 1..1000 (server default 100); `created_before`
    /// exclusive.
    template <class Token = Default>
    auto get_team_roles(std::optional<CreatedBefore> created_before = std::nullopt,
                        std::optional<int> limit = std::nullopt, Token&& token = {}) {
        return detail::start<result<std::vector<TeamRole>>>(
            core_, [=] { return detail::team_members::get_team_roles(created_before, limit); },
            std::forward<Token>(token));
    }

    /// Every role, newest first, page by page (`limit` per request, 1..1000), at most
    /// `max_items` in all; roles sharing a created_at across a page boundary are neither
    /// lost nor repeated. Bad arguments throw Errc::invalid_argument here.
    Pages<TeamRole> iterate_team_roles(std::optional<CreatedBefore> created_before = std::nullopt,
                                       std::optional<int> limit = std::nullopt,
                                       std::optional<std::size_t> max_items = std::nullopt)
        requires std::is_same_v<Shape, Typed>
    {
        return iterate<TeamRole>(&detail::team_members::get_team_roles, created_before, limit, max_items);
    }

    /// POST /1.0/team-members — invites `email` with the role `role_id` (see get_team_roles).
    template <class Token = Default>
    auto invite_team_member(std::string email, std::string role_id, Token&& token = {}) {
        return detail::start<result<InvitedTeamMember>>(
            core_,
            [email = std::move(email), role_id = std::move(role_id)] {
                return detail::team_members::invite_team_member(email, role_id);
            },
            std::forward<Token>(token));
    }

    /// DELETE /1.0/team-members/{team_member_id} — removes them from the team (their
    /// Revolut Business user stays); 204. The owner cannot be removed (422).
    template <class Token = Default>
    auto delete_team_member(Uuid team_member_id, Token&& token = {}) {
        return detail::start<result<void>>(
            core_, [=] { return detail::team_members::delete_team_member(team_member_id); },
            std::forward<Token>(token));
    }

private:
    using ListBuilder = detail::ApiRequest (*)(const std::optional<CreatedBefore>&, std::optional<int>);

    template <class T>
    Pages<T> iterate(ListBuilder build, const std::optional<CreatedBefore>& created_before,
                     std::optional<int> limit, std::optional<std::size_t> max_items) {
        build(created_before, limit);  // validates
        std::optional<Timestamp> before;
        if (created_before) before = detail::team_members::created_before_time(*created_before);
        auto core = core_;
        detail::NewestFirstFetch<T> fetch = [core, build](std::optional<Timestamp> bound, int page_size) {
            std::optional<CreatedBefore> cb;
            if (bound) cb = CreatedBefore{*bound};
            return detail::start<std::vector<T>>(
                core, [build, cb, page_size] { return build(cb, page_size); }, boost::asio::use_awaitable);
        };
        return detail::newest_first_pages<T>(std::move(fetch), detail::created_at_keys<T>(), before,
                                             limit.value_or(100), 1000, max_items);
    }

    std::shared_ptr<detail::ClientCore> core_;
};

using TeamMembersApi = BasicTeamMembersApi<>;

}  // namespace revolut
