#pragma once
// Cards (production only): list and issue virtual cards, freeze/unfreeze, lock/unlock, spend
// controls (limits, period, merchants, countries, accounts), contacts, references and the
// card's sensitive details. Routes are under /api/1.0/cards.
//
// Every Cards operation exists in production only (the spec lists no sandbox server), so a
// client with ClientOptions::sandbox = true refuses them with Errc::invalid_environment
// before sending anything, as pyrevolut does.

#include <revolut/detail/api_call.hpp>
#include <revolut/money.hpp>
#include <revolut/open_enum.hpp>
#include <revolut/pagination.hpp>
#include <revolut/types.hpp>

#include <boost/asio/use_awaitable.hpp>

#include <array>
#include <concepts>
#include <cstddef>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

namespace revolut {

/// State of a card (spec `CardState`).
enum class CardState { unknown, created, pending, active, frozen, locked };

/// Merchant categories a card may be limited to (spec `BusinessMerchantCategory`).
enum class MerchantCategory {
    unknown, health, general, services, airlines, transport, accommodation, utilities, shopping,
    financial, furniture, hardware, groceries, fuel, entertainment, software, restaurants,
    advertising, cash, education, government,
};

/// Whether merchant controls block the listed merchants or allow only them.
enum class MerchantControlType { unknown, block, allow };

/// What happens to a card after its spending period ends.
enum class SpendingPeriodEndAction { unknown, lock, terminate };

namespace detail {
inline constexpr std::array<std::string_view, 6> card_state_names{"",       "created", "pending",
                                                                  "active", "frozen",  "locked"};
inline constexpr std::array<std::string_view, 21> merchant_category_names{
    "",          "health",     "general",   "services",      "airlines", "transport", "accommodation",
    "utilities", "shopping",   "financial", "furniture",     "hardware", "groceries", "fuel",
    "entertainment", "software", "restaurants", "advertising", "cash",   "education", "government"};
inline constexpr std::array<std::string_view, 3> merchant_control_type_names{"", "block", "allow"};
inline constexpr std::array<std::string_view, 3> spending_period_end_action_names{"", "lock", "terminate"};
}  // namespace detail

constexpr std::span<const std::string_view> enum_names(CardState) noexcept { return detail::card_state_names; }
constexpr std::span<const std::string_view> enum_names(MerchantCategory) noexcept {
    return detail::merchant_category_names;
}
constexpr std::span<const std::string_view> enum_names(MerchantControlType) noexcept {
    return detail::merchant_control_type_names;
}
constexpr std::span<const std::string_view> enum_names(SpendingPeriodEndAction) noexcept {
    return detail::spending_period_end_action_names;
}

/// Assigned to a Change<T> (`= revolut::unset`): the update sends `null`, which removes
/// the setting.
struct Unset {
    explicit constexpr Unset() = default;
};
inline constexpr Unset unset{};

/// One setting of an update request (update_card, update_card_invitation): unchanged (the
/// default, not sent), set to a new value, or removed with `= revolut::unset` (sent as null).
template <class T>
class Change {
public:
    Change() = default;
    Change(Unset) : unset_(true) {}  // NOLINT(google-explicit-constructor)
    template <class U = T>
        requires std::constructible_from<T, U&&> && (!std::same_as<std::remove_cvref_t<U>, Change>) &&
                 (!std::same_as<std::remove_cvref_t<U>, Unset>)
    // The constraint keeps Change and Unset out, so copies and moves still use their own
    // constructors.
    // NOLINTNEXTLINE(google-explicit-constructor,bugprone-forwarding-reference-overload)
    Change(U&& value) : value_(std::forward<U>(value)) {}

    bool is_unchanged() const noexcept { return !unset_ && !value_; }
    bool is_unset() const noexcept { return unset_; }
    /// The new value; nullptr when unchanged or unset.
    const T* value() const noexcept { return value_ ? &*value_ : nullptr; }

private:
    std::optional<T> value_;
    bool unset_ = false;
};

/// A spending limit: an exact amount in an ISO 4217 currency.
struct SpendingLimit {
    Decimal amount;
    std::string currency;
    friend bool operator==(const SpendingLimit&, const SpendingLimit&) = default;
};

/// A card's spending limits: at most one per-transaction (`single`) and one periodic limit.
struct SpendingLimits {
    std::optional<SpendingLimit> single;
    std::optional<SpendingLimit> day;
    std::optional<SpendingLimit> week;
    std::optional<SpendingLimit> month;
    std::optional<SpendingLimit> quarter;
    std::optional<SpendingLimit> year;
    std::optional<SpendingLimit> all_time;
    friend bool operator==(const SpendingLimits&, const SpendingLimits&) = default;
};

/// Changes to spending limits: each one unchanged, set, or unset.
struct SpendingLimitsUpdate {
    Change<SpendingLimit> single;
    Change<SpendingLimit> day;
    Change<SpendingLimit> week;
    Change<SpendingLimit> month;
    Change<SpendingLimit> quarter;
    Change<SpendingLimit> year;
    Change<SpendingLimit> all_time;
};

/// When a card may be used (dates inclusive, in the business's time zone). Needs a
/// start_date, or an end_date together with its end_date_action, or both.
struct SpendingPeriod {
    std::optional<Date> start_date;
    std::optional<Date> end_date;
    std::optional<OpenEnum<SpendingPeriodEndAction>> end_date_action;
    friend bool operator==(const SpendingPeriod&, const SpendingPeriod&) = default;
};

/// Block the listed merchants, or allow only them (1 to 20 merchant IDs).
struct MerchantControls {
    OpenEnum<MerchantControlType> control_type;
    std::vector<Uuid> merchant_ids;
    friend bool operator==(const MerchantControls&, const MerchantControls&) = default;
};

/// A name-value pair recorded on the card's transactions (company and auto-issued cards).
struct CardReference {
    std::string name;   ///< unique per card, 1..30 characters
    std::string value;  ///< 1..30 characters
    friend bool operator==(const CardReference&, const CardReference&) = default;
};

/// The card programme (travel solution), e.g. `MBJ`.
struct CardProduct {
    std::string code;
};

/// The spend program assigned to a card or invitation.
struct SpendProgram {
    std::string label;
};

/// A card (spec `CardResponse`). No sensitive data: see CardSensitiveDetails.
struct Card {
    Uuid id;
    std::optional<Uuid> holder_id;   ///< absent for cards the business owns
    std::vector<Uuid> contact_ids;   ///< company cards
    Timestamp created_at;
    Timestamp updated_at;
    std::optional<CardProduct> product;
    bool is_virtual = true;          ///< JSON `virtual`
    std::string last_digits;         ///< last 4 digits of the PAN
    std::string expiry;              ///< `MM/YYYY`
    std::optional<std::string> label;
    std::vector<CardReference> references;
    OpenEnum<CardState> state;
    std::optional<bool> can_be_unlocked;  ///< locked cards: whether unlock_card may lift the lock
    std::optional<SpendProgram> spend_program;
    std::optional<SpendingLimits> spending_limits;
    std::optional<SpendingPeriod> spending_period;
    std::vector<OpenEnum<MerchantCategory>> categories;  ///< empty: not restricted
    std::optional<MerchantControls> merchant_controls;
    std::vector<std::string> countries;  ///< ISO 3166 alpha-2; empty: not restricted
    std::vector<Uuid> accounts;          ///< linked accounts
};

/// The card create_card made, with the idempotency key the call used (retry with the same
/// key within 24 hours and Revolut returns this card instead of issuing another).
struct CreatedCard : Card {
    std::string request_id;
};

/// A card's sensitive details (READ_SENSITIVE_CARD_DATA scope). SECRETS: the full card
/// number and security code allow anyone to pay with the card. Never log, print or store
/// them; the library never puts them in error messages.
struct CardSensitiveDetails {
    std::string pan;     ///< full card number (secret)
    std::string cvv;     ///< security code (secret)
    std::string expiry;  ///< `MM/YYYY`
};

/// create_card's parameters. The API only issues virtual cards (`virtual` is always sent as
/// true). Three kinds: a team member card (`holder_id`; no contact_ids, product or
/// references), a company card (no holder, `contact_ids`), an auto-issued card (no holder
/// and no contacts, `product_code`).
struct CreateCardRequest {
    std::optional<Uuid> holder_id;
    std::vector<Uuid> contact_ids;            ///< 1..5 team members, company cards only
    std::optional<std::string> product_code;  ///< sent as `product: {code}`
    std::optional<std::string> label;         ///< up to 30 characters
    std::vector<CardReference> references;    ///< up to 5, unique names; not with holder_id
    std::optional<SpendingLimits> spending_limits;
    std::optional<SpendingPeriod> spending_period;  ///< dates in the future
    std::vector<OpenEnum<MerchantCategory>> categories;
    std::optional<MerchantControls> merchant_controls;  ///< `allow` excludes categories
    std::vector<std::string> countries;                 ///< ISO 3166 alpha-2, e.g. "GB"
    std::vector<Uuid> accounts;                         ///< empty: every account
};

/// update_card's (and update_card_invitation's) settings; at least one must change.
/// `countries` and `accounts` replace the current lists when given.
struct UpdateCardRequest {
    std::optional<std::string> label;
    Change<SpendingLimitsUpdate> spending_limits;  ///< unset: remove every limit
    Change<SpendingPeriod> spending_period;        ///< replaces the whole period; unset: none
    Change<std::vector<OpenEnum<MerchantCategory>>> categories;  ///< unset or empty: all allowed
    Change<MerchantControls> merchant_controls;
    std::optional<std::vector<std::string>> countries;
    std::optional<std::vector<Uuid>> accounts;
};

/// `created_before`: a time point, or ISO-8601 text (sent as UTC).
using CreatedBefore = std::variant<Timestamp, std::string>;

namespace detail {
/// A JSON array of UUIDs (card contacts).
template <>
std::vector<Uuid> decode<std::vector<Uuid>>(const ApiResponse& response);
}  // namespace detail

namespace detail::cards {
ApiRequest get_all_cards(const std::optional<CreatedBefore>& created_before, std::optional<int> limit);
ApiRequest get_card(const Uuid& card_id);
ApiRequest get_card_sensitive_details(const Uuid& card_id);
ApiRequest create_card(const CreateCardRequest& request, const std::optional<std::string>& request_id);
ApiRequest freeze_card(const Uuid& card_id);
ApiRequest unfreeze_card(const Uuid& card_id);
ApiRequest lock_card(const Uuid& card_id);
ApiRequest unlock_card(const Uuid& card_id);
ApiRequest update_card(const Uuid& card_id, const UpdateCardRequest& request);
ApiRequest update_card_contacts(const Uuid& card_id, const std::vector<Uuid>& contact_ids);
ApiRequest update_card_references(const Uuid& card_id, const std::vector<CardReference>& references);
ApiRequest delete_card(const Uuid& card_id);
/// `created_before` as the UTC time point it denotes (Errc::invalid_argument for bad text).
Timestamp created_before_time(const CreatedBefore& created_before);
}  // namespace detail::cards

/// The Cards endpoint group, with pyrevolut's method names (plus update_card_contacts,
/// update_card_references, lock_card and unlock_card, which pyrevolut lacks). Every method
/// accepts any Asio completion token (default: use_awaitable); arguments are copied before
/// the operation starts. Errors: Errc::invalid_environment on a sandbox client,
/// Errc::invalid_argument before sending, ApiError for non-2xx answers (404 code 1214 for
/// an unknown card), transport errors, operation_aborted on cancellation.
template <class Shape = Typed, class Default = DefaultToken>
class BasicCardsApi {
    template <class T>
    using result = detail::shaped_t<Shape, T>;

public:
    explicit BasicCardsApi(std::shared_ptr<detail::ClientCore> core) : core_(std::move(core)) {}

    /// GET /1.0/cards — newest first; `limit` 1..100 (server default 100); `created_before`
    /// exclusive (server default: now).
    template <class Token = Default>
    auto get_all_cards(std::optional<CreatedBefore> created_before = std::nullopt,
                       std::optional<int> limit = std::nullopt, Token&& token = {}) {
        return detail::start<result<std::vector<Card>>>(
            core_, [=] { return detail::cards::get_all_cards(created_before, limit); }, std::forward<Token>(token));
    }

    /// Every card, newest first, page by page (`limit` per request, 1..100), at most
    /// `max_items` in all. Cards sharing a created_at across a page boundary are neither
    /// lost nor repeated. Bad arguments throw Errc::invalid_argument here, before any request.
    Pages<Card> iterate_cards(std::optional<CreatedBefore> created_before = std::nullopt,
                              std::optional<int> limit = std::nullopt,
                              std::optional<std::size_t> max_items = std::nullopt)
        requires std::is_same_v<Shape, Typed>
    {
        detail::cards::get_all_cards(created_before, limit);  // validates
        std::optional<Timestamp> before;
        if (created_before) before = detail::cards::created_before_time(*created_before);
        auto core = core_;
        detail::NewestFirstFetch<Card> fetch = [core](std::optional<Timestamp> bound, int page_size) {
            std::optional<CreatedBefore> cb;
            if (bound) cb = CreatedBefore{*bound};
            return detail::start<std::vector<Card>>(
                core, [cb, page_size] { return detail::cards::get_all_cards(cb, page_size); },
                boost::asio::use_awaitable);
        };
        return detail::newest_first_pages<Card>(std::move(fetch), detail::created_at_keys<Card>(), before,
                                                limit.value_or(100), 100, max_items);
    }

    /// GET /1.0/cards/{card_id}.
    template <class Token = Default>
    auto get_card(Uuid card_id, Token&& token = {}) {
        return detail::start<result<Card>>(
            core_, [=] { return detail::cards::get_card(card_id); }, std::forward<Token>(token));
    }

    /// GET /1.0/cards/{card_id}/sensitive-details — PAN, CVV and expiry (secrets; needs the
    /// READ_SENSITIVE_CARD_DATA scope).
    template <class Token = Default>
    auto get_card_sensitive_details(Uuid card_id, Token&& token = {}) {
        return detail::start<result<CardSensitiveDetails>>(
            core_, [=] { return detail::cards::get_card_sensitive_details(card_id); }, std::forward<Token>(token));
    }

    /// POST /1.0/cards — issues a virtual card. `request_id` (1..40 characters) is the
    /// idempotency key: without one a UUID is generated once for this call, reused by every
    /// retry and returned on the result.
    template <class Token = Default>
    auto create_card(CreateCardRequest request, std::optional<std::string> request_id = std::nullopt,
                     Token&& token = {}) {
        return detail::start<result<CreatedCard>>(
            core_,
            [request = std::move(request), request_id = std::move(request_id)] {
                return detail::cards::create_card(request, request_id);
            },
            std::forward<Token>(token));
    }

    /// POST /1.0/cards/{card_id}/freeze — active → frozen (204).
    template <class Token = Default>
    auto freeze_card(Uuid card_id, Token&& token = {}) {
        return detail::start<result<void>>(
            core_, [=] { return detail::cards::freeze_card(card_id); }, std::forward<Token>(token));
    }

    /// POST /1.0/cards/{card_id}/unfreeze — frozen → active (204).
    template <class Token = Default>
    auto unfreeze_card(Uuid card_id, Token&& token = {}) {
        return detail::start<result<void>>(
            core_, [=] { return detail::cards::unfreeze_card(card_id); }, std::forward<Token>(token));
    }

    /// PATCH /1.0/cards/{card_id} — changes only the settings given; returns the card.
    template <class Token = Default>
    auto update_card(Uuid card_id, UpdateCardRequest request, Token&& token = {}) {
        return detail::start<result<Card>>(
            core_, [=, request = std::move(request)] { return detail::cards::update_card(card_id, request); },
            std::forward<Token>(token));
    }

    /// DELETE /1.0/cards/{card_id} — terminates the card (204); it is gone afterwards.
    /// (pyrevolut sends this without the /1.0 version; the spec's route is used here.)
    template <class Token = Default>
    auto delete_card(Uuid card_id, Token&& token = {}) {
        return detail::start<result<void>>(
            core_, [=] { return detail::cards::delete_card(card_id); }, std::forward<Token>(token));
    }

    /// PUT /1.0/cards/{card_id}/contacts — replaces a company card's contacts (1..5 team
    /// member IDs); returns the new list.
    template <class Token = Default>
    auto update_card_contacts(Uuid card_id, std::vector<Uuid> contact_ids, Token&& token = {}) {
        return detail::start<result<std::vector<Uuid>>>(
            core_,
            [=, contact_ids = std::move(contact_ids)] {
                return detail::cards::update_card_contacts(card_id, contact_ids);
            },
            std::forward<Token>(token));
    }

    /// PUT /1.0/cards/{card_id}/references — replaces the references (0..5; empty removes
    /// them all); returns the new list. Revolut allows 10 such changes per card.
    template <class Token = Default>
    auto update_card_references(Uuid card_id, std::vector<CardReference> references, Token&& token = {}) {
        return detail::start<result<std::vector<CardReference>>>(
            core_,
            [=, references = std::move(references)] {
                return detail::cards::update_card_references(card_id, references);
            },
            std::forward<Token>(token));
    }

    /// POST /1.0/cards/{card_id}/lock — an admin lock: the card becomes `locked` (204).
    template <class Token = Default>
    auto lock_card(Uuid card_id, Token&& token = {}) {
        return detail::start<result<void>>(
            core_, [=] { return detail::cards::lock_card(card_id); }, std::forward<Token>(token));
    }

    /// POST /1.0/cards/{card_id}/unlock — lifts a lock (admin or spending period; the latter
    /// removes the spending period): the card becomes `active` (204).
    template <class Token = Default>
    auto unlock_card(Uuid card_id, Token&& token = {}) {
        return detail::start<result<void>>(
            core_, [=] { return detail::cards::unlock_card(card_id); }, std::forward<Token>(token));
    }

private:
    std::shared_ptr<detail::ClientCore> core_;
};

using CardsApi = BasicCardsApi<>;

}  // namespace revolut
