#pragma once
// Payout links: send money to someone without their bank details; they claim it through a
// link before it expires.

#include <revolut/detail/api_call.hpp>
#include <revolut/enums.hpp>
#include <revolut/money.hpp>
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
#include <variant>
#include <vector>

namespace revolut {

/// How the recipient may claim a payout link.
enum class PayoutMethod { unknown, revolut, bank_account, card };

namespace detail {
inline constexpr std::array<std::string_view, 4> payout_method_names{"", "revolut", "bank_account", "card"};
}  // namespace detail

constexpr std::span<const std::string_view> enum_names(PayoutMethod) noexcept {
    return detail::payout_method_names;
}

struct PayoutLink {
    Uuid id;
    OpenEnum<PayoutLinkState> state;
    Timestamp created_at;
    Timestamp updated_at;
    std::string counterparty_name;
    std::optional<bool> save_counterparty;  ///< required by the schema, absent from its examples
    /// The idempotency key of the creating call (the caller's or the generated one).
    std::string request_id;
    std::optional<Timestamp> expiry_date;
    std::vector<OpenEnum<PayoutMethod>> payout_methods;
    Uuid account_id;
    Decimal amount;
    std::string currency;
    std::optional<std::string> url;  ///< only while active
    std::string reference;
    std::optional<std::string> transfer_reason_code;
    std::optional<Uuid> counterparty_id;
    std::optional<Uuid> transaction_id;  ///< once claimed
    std::optional<std::string> cancellation_reason;
};

/// `created_before`: a time point, or ISO-8601 text (sent as UTC).
using CreatedBefore = std::variant<Timestamp, std::string>;

namespace detail::payout_links {
ApiRequest get_all_payout_links(const std::vector<OpenEnum<PayoutLinkState>>& states,
                                const std::optional<CreatedBefore>& created_before, std::optional<int> limit);
ApiRequest get_payout_link(const Uuid& payout_link_id);
ApiRequest create_payout_link(const std::string& counterparty_name, const Uuid& account_id, const Decimal& amount,
                              const std::string& currency, const std::string& reference,
                              const std::vector<OpenEnum<PayoutMethod>>& payout_methods,
                              std::optional<bool> save_counterparty,
                              std::optional<std::chrono::seconds> expiry_period,
                              const std::optional<std::string>& transfer_reason_code,
                              const std::optional<std::string>& request_id);
ApiRequest cancel_payout_link(const Uuid& payout_link_id);
/// `created_before` as the UTC time point it denotes (Errc::invalid_argument for bad text).
Timestamp payout_created_before_time(const CreatedBefore& created_before);
}  // namespace detail::payout_links

/// The PayoutLinks endpoint group, with pyrevolut's method names and parameter order
/// (create_payout_link's `request_id` moved last and optional). Every method accepts any Asio
/// completion token (default: use_awaitable); arguments are copied before the operation
/// starts. Errors: Errc::invalid_argument before sending, ApiError for non-2xx answers,
/// transport errors, operation_aborted on cancellation.
template <class Shape = Typed, class Default = DefaultToken>
class BasicPayoutLinksApi {
    template <class T>
    using result = detail::shaped_t<Shape, T>;

public:
    explicit BasicPayoutLinksApi(std::shared_ptr<detail::ClientCore> core) : core_(std::move(core)) {}

    /// GET /1.0/payout-links — newest first; links in any of `states` (none: all);
    /// `created_before` exclusive; `limit` 1..1000 (server default 100).
    template <class Token = Default>
    auto get_all_payout_links(std::vector<OpenEnum<PayoutLinkState>> states = {},
                              std::optional<CreatedBefore> created_before = std::nullopt,
                              std::optional<int> limit = std::nullopt, Token&& token = {}) {
        return detail::start<result<std::vector<PayoutLink>>>(
            core_,
            [=, states = std::move(states)] {
                return detail::payout_links::get_all_payout_links(states, created_before, limit);
            },
            std::forward<Token>(token));
    }

    /// Every payout link in `states`, newest first, page by page (`limit` per request,
    /// 1..1000), at most `max_items` in all. Links sharing a created_at across a page
    /// boundary are neither lost nor repeated. Bad arguments throw Errc::invalid_argument
    /// here, before any request.
    Pages<PayoutLink> iterate_payout_links(std::vector<OpenEnum<PayoutLinkState>> states = {},
                                           std::optional<CreatedBefore> created_before = std::nullopt,
                                           std::optional<int> limit = std::nullopt,
                                           std::optional<std::size_t> max_items = std::nullopt)
        requires std::is_same_v<Shape, Typed>
    {
        detail::payout_links::get_all_payout_links(states, created_before, limit);  // validates
        std::optional<Timestamp> before;
        if (created_before) before = detail::payout_links::payout_created_before_time(*created_before);
        auto core = core_;
        detail::NewestFirstFetch<PayoutLink> fetch =
            [core, states = std::move(states)](std::optional<Timestamp> bound, int page_size) {
                std::optional<CreatedBefore> cb;
                if (bound) cb = CreatedBefore{*bound};
                return detail::start<std::vector<PayoutLink>>(
                    core,
                    [states, cb, page_size] {
                        return detail::payout_links::get_all_payout_links(states, cb, page_size);
                    },
                    boost::asio::use_awaitable);
            };
        return detail::newest_first_pages<PayoutLink>(std::move(fetch), detail::created_at_keys<PayoutLink>(),
                                                      before, limit.value_or(100), 1000, max_items);
    }

    /// GET /1.0/payout-links/{payout_link_id}.
    template <class Token = Default>
    auto get_payout_link(Uuid payout_link_id, Token&& token = {}) {
        return detail::start<result<PayoutLink>>(
            core_, [=] { return detail::payout_links::get_payout_link(payout_link_id); },
            std::forward<Token>(token));
    }

    /// POST /1.0/payout-links — moves money: `request_id` (1..40 characters) is generated once
    /// per call when not given, sent on every retry and returned on the result.
    /// `amount` > 0; `reference` 1..100 characters; `payout_methods` empty: the server's
    /// default (revolut, bank_account); `expiry_period` 1..7 days (server default 7 days).
    template <class Token = Default>
    auto create_payout_link(std::string counterparty_name, Uuid account_id, Decimal amount, std::string currency,
                            std::string reference, std::vector<OpenEnum<PayoutMethod>> payout_methods = {},
                            std::optional<bool> save_counterparty = std::nullopt,
                            std::optional<std::chrono::seconds> expiry_period = std::nullopt,
                            std::optional<std::string> transfer_reason_code = std::nullopt,
                            std::optional<std::string> request_id = std::nullopt, Token&& token = {}) {
        return detail::start<result<PayoutLink>>(
            core_,
            [=, counterparty_name = std::move(counterparty_name), currency = std::move(currency),
             reference = std::move(reference), payout_methods = std::move(payout_methods),
             transfer_reason_code = std::move(transfer_reason_code), request_id = std::move(request_id)] {
                return detail::payout_links::create_payout_link(counterparty_name, account_id, amount, currency,
                                                                reference, payout_methods, save_counterparty,
                                                                expiry_period, transfer_reason_code, request_id);
            },
            std::forward<Token>(token));
    }

    /// POST /1.0/payout-links/{payout_link_id}/cancel — only a link not yet claimed; 204.
    template <class Token = Default>
    auto cancel_payout_link(Uuid payout_link_id, Token&& token = {}) {
        return detail::start<result<void>>(
            core_, [=] { return detail::payout_links::cancel_payout_link(payout_link_id); },
            std::forward<Token>(token));
    }

private:
    std::shared_ptr<detail::ClientCore> core_;
};

using PayoutLinksApi = BasicPayoutLinksApi<>;

}  // namespace revolut
