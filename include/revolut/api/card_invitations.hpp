#pragma once
// Card invitations (production only): a virtual card for a team member who has not finished
// onboarding yet, issued automatically when they do. Routes are under
// /api/1.0/card-invitations. Like Cards, every operation is refused on a sandbox client
// (Errc::invalid_environment) before anything is sent. pyrevolut has none of them.

#include <revolut/api/cards.hpp>
#include <revolut/detail/api_call.hpp>
#include <revolut/open_enum.hpp>
#include <revolut/pagination.hpp>
#include <revolut/types.hpp>

#include <boost/asio/use_awaitable.hpp>

#include <array>
#include <chrono>
#include <cstddef>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace revolut {

/// State of a card invitation (spec `CardInvitationState`). A cancelled invitation is
/// `expired`, like one that ran out of time.
enum class CardInvitationState { unknown, created, expired, failed, redeemed };

namespace detail {
inline constexpr std::array<std::string_view, 5> card_invitation_state_names{"", "created", "expired", "failed",
                                                                             "redeemed"};
}  // namespace detail

constexpr std::span<const std::string_view> enum_names(CardInvitationState) noexcept {
    return detail::card_invitation_state_names;
}

/// A card invitation (spec `CardInvitationResponse`).
struct CardInvitation {
    Uuid id;
    OpenEnum<CardInvitationState> state;
    Timestamp created_at;
    Timestamp updated_at;
    std::optional<Timestamp> expiry_date;  ///< only while `created`
    std::optional<Uuid> card_id;           ///< the issued card, once `redeemed`
    std::optional<Uuid> holder_id;         ///< absent when the team member was deleted
    bool is_virtual = true;                ///< JSON `virtual`
    std::optional<std::string> label;
    std::optional<SpendProgram> spend_program;
    std::optional<SpendingLimits> spending_limits;
    std::optional<SpendingPeriod> spending_period;
    std::vector<OpenEnum<MerchantCategory>> categories;
    std::optional<MerchantControls> merchant_controls;
    std::vector<std::string> countries;
    std::vector<Uuid> accounts;
};

/// The invitation create_card_invitation made, with the idempotency key the call used.
struct CreatedCardInvitation : CardInvitation {
    std::string request_id;
};

/// create_card_invitation's parameters (the card is always virtual).
struct CreateCardInvitationRequest {
    Uuid holder_id;  ///< the team member who will hold the card
    /// Whole days, 1..90 (server default 90), sent as `P<n>D`.
    std::optional<std::chrono::days> expiry_period;
    std::optional<std::string> label;  ///< 1..30 characters (server default "Virtual")
    std::optional<SpendingLimits> spending_limits;
    std::optional<SpendingPeriod> spending_period;
    std::vector<OpenEnum<MerchantCategory>> categories;
    std::optional<MerchantControls> merchant_controls;
    std::vector<std::string> countries;
    std::vector<Uuid> accounts;
};

/// update_card_invitation takes the same settings as update_card.
using UpdateCardInvitationRequest = UpdateCardRequest;

namespace detail::card_invitations {
ApiRequest create_card_invitation(const CreateCardInvitationRequest& request,
                                  const std::optional<std::string>& request_id);
ApiRequest get_all_card_invitations(const std::optional<CreatedBefore>& created_before, std::optional<int> limit,
                                    const std::vector<OpenEnum<CardInvitationState>>& states);
ApiRequest get_card_invitation(const Uuid& card_invitation_id);
ApiRequest update_card_invitation(const Uuid& card_invitation_id, const UpdateCardInvitationRequest& request);
ApiRequest cancel_card_invitation(const Uuid& card_invitation_id);
}  // namespace detail::card_invitations

/// The Card invitations endpoint group (new: pyrevolut has none), named in pyrevolut's
/// style. Every method accepts any Asio completion token (default: use_awaitable).
/// Errors: Errc::invalid_environment on a sandbox client, Errc::invalid_argument before
/// sending, ApiError for non-2xx answers (404 code 3088 for an unknown invitation, 422 for
/// one no longer `created`), transport errors, operation_aborted on cancellation.
template <class Shape = Typed, class Default = DefaultToken>
class BasicCardInvitationsApi {
    template <class T>
    using result = detail::shaped_t<Shape, T>;

public:
    explicit BasicCardInvitationsApi(std::shared_ptr<detail::ClientCore> core) : core_(std::move(core)) {}

    /// POST /1.0/card-invitations — `request_id` (1..40 characters) is the idempotency key:
    /// without one a UUID is generated once for this call, reused by every retry and
    /// returned on the result.
    template <class Token = Default>
    auto create_card_invitation(CreateCardInvitationRequest request,
                                std::optional<std::string> request_id = std::nullopt, Token&& token = {}) {
        return detail::start<result<CreatedCardInvitation>>(
            core_,
            [request = std::move(request), request_id = std::move(request_id)] {
                return detail::card_invitations::create_card_invitation(request, request_id);
            },
            std::forward<Token>(token));
    }

    /// GET /1.0/card-invitations — newest first; `limit` 1..100 (server default 100);
    /// `created_before` exclusive; `states` filters (empty: every state).
    template <class Token = Default>
    auto get_all_card_invitations(std::optional<CreatedBefore> created_before = std::nullopt,
                                  std::optional<int> limit = std::nullopt,
                                  std::vector<OpenEnum<CardInvitationState>> states = {}, Token&& token = {}) {
        return detail::start<result<std::vector<CardInvitation>>>(
            core_,
            [=, states = std::move(states)] {
                return detail::card_invitations::get_all_card_invitations(created_before, limit, states);
            },
            std::forward<Token>(token));
    }

    /// Every invitation in `states` (empty: all), newest first, page by page (`limit` per
    /// request, 1..100), at most `max_items` in all; invitations sharing a created_at across
    /// a page boundary are neither lost nor repeated. Bad arguments throw here.
    Pages<CardInvitation> iterate_card_invitations(std::optional<CreatedBefore> created_before = std::nullopt,
                                                   std::optional<int> limit = std::nullopt,
                                                   std::vector<OpenEnum<CardInvitationState>> states = {},
                                                   std::optional<std::size_t> max_items = std::nullopt)
        requires std::is_same_v<Shape, Typed>
    {
        detail::card_invitations::get_all_card_invitations(created_before, limit, states);  // validates
        std::optional<Timestamp> before;
        if (created_before) before = detail::cards::created_before_time(*created_before);
        auto core = core_;
        detail::NewestFirstFetch<CardInvitation> fetch =
            [core, states = std::move(states)](std::optional<Timestamp> bound, int page_size) {
                std::optional<CreatedBefore> cb;
                if (bound) cb = CreatedBefore{*bound};
                return detail::start<std::vector<CardInvitation>>(
                    core,
                    [cb, page_size, states] {
                        return detail::card_invitations::get_all_card_invitations(cb, page_size, states);
                    },
                    boost::asio::use_awaitable);
            };
        return detail::newest_first_pages<CardInvitation>(std::move(fetch), detail::created_at_keys<CardInvitation>(),
                                                          before, limit.value_or(100), 100, max_items);
    }

    /// GET /1.0/card-invitations/{card_invitation_id}.
    template <class Token = Default>
    auto get_card_invitation(Uuid card_invitation_id, Token&& token = {}) {
        return detail::start<result<CardInvitation>>(
            core_, [=] { return detail::card_invitations::get_card_invitation(card_invitation_id); },
            std::forward<Token>(token));
    }

    /// PATCH /1.0/card-invitations/{card_invitation_id} — only while `created`; changes
    /// only the settings given.
    template <class Token = Default>
    auto update_card_invitation(Uuid card_invitation_id, UpdateCardInvitationRequest request, Token&& token = {}) {
        return detail::start<result<CardInvitation>>(
            core_,
            [=, request = std::move(request)] {
                return detail::card_invitations::update_card_invitation(card_invitation_id, request);
            },
            std::forward<Token>(token));
    }

    /// POST /1.0/card-invitations/{card_invitation_id}/cancel — only while `created`; the
    /// invitation becomes `expired` (204).
    template <class Token = Default>
    auto cancel_card_invitation(Uuid card_invitation_id, Token&& token = {}) {
        return detail::start<result<void>>(
            core_, [=] { return detail::card_invitations::cancel_card_invitation(card_invitation_id); },
            std::forward<Token>(token));
    }

private:
    std::shared_ptr<detail::ClientCore> core_;
};

using CardInvitationsApi = BasicCardInvitationsApi<>;

}  // namespace revolut
