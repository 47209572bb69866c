#pragma once
// Simulations (sandbox only): top up an account, and move a transfer to a final state, as
// only production events could otherwise. Routes under /api/1.0/sandbox. A client with
// ClientOptions::sandbox = false refuses both with Errc::invalid_environment, sending
// nothing (as pyrevolut does).

#include <revolut/detail/api_call.hpp>
#include <revolut/enums.hpp>
#include <revolut/money.hpp>
#include <revolut/open_enum.hpp>
#include <revolut/types.hpp>

#include <array>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>

namespace revolut {

/// The state change simulate_transfer_state_update applies (the `{action}` path segment).
enum class TransferAction {
    unknown,
    complete,  ///< processed successfully → completed
    revert,    ///< reverted by the system or company → reverted
    decline,   ///< declined for a good reason (e.g. funds) → declined
    fail,      ///< failed during initiation or completion → failed
};

namespace detail {
inline constexpr std::array<std::string_view, 5> transfer_action_names{"", "complete", "revert", "decline", "fail"};
}  // namespace detail

constexpr std::span<const std::string_view> enum_names(TransferAction) noexcept {
    return detail::transfer_action_names;
}

/// What both simulations answer: the transaction with its (new) state.
struct SimulatedTransaction {
    /// The transaction's ID (for a top-up the spec's text says "the account", but the value
    /// is the new top-up transaction's).
    Uuid id;
    OpenEnum<TransactionState> state;
    Timestamp created_at;
    std::optional<Timestamp> completed_at;
};

namespace detail::simulations {
ApiRequest simulate_account_topup(const Uuid& account_id, const Decimal& amount, const std::string& currency,
                                  const std::optional<std::string>& reference,
                                  std::optional<TransactionState> state);
ApiRequest simulate_transfer_state_update(const Uuid& transfer_id, TransferAction action);
}  // namespace detail::simulations

/// The Simulations endpoint group, with pyrevolut's method names and parameter order.
/// Every method accepts any Asio completion token (default: co_await); Shape Raw gives raw
/// JSON results. Errors: Errc::invalid_environment on a production client,
/// Errc::invalid_argument before sending, ApiError for non-2xx answers.
template <class Shape = Typed, class Default = DefaultToken>
class BasicSimulationsApi {
    template <class T>
    using result = detail::shaped_t<Shape, T>;

public:
    explicit BasicSimulationsApi(std::shared_ptr<detail::ClientCore> core) : core_(std::move(core)) {}

    /// POST /1.0/sandbox/topup — credits `amount` (above 0, at most 10000, exact) in
    /// `currency` (the account's, ISO 4217) to the account. `reference` defaults to
    /// "Test Top-up" on the server; `state` is pending, completed (the default), reverted or
    /// failed.
    template <class Token = Default>
    auto simulate_account_topup(Uuid account_id, Decimal amount, std::string currency,
                                std::optional<std::string> reference = std::nullopt,
                                std::optional<TransactionState> state = std::nullopt, Token&& token = {}) {
        return detail::start<result<SimulatedTransaction>>(
            core_, [=, currency = std::move(currency), reference = std::move(reference)] {
                return detail::simulations::simulate_account_topup(account_id, amount, currency, reference, state);
            },
            std::forward<Token>(token));
    }

    /// POST /1.0/sandbox/transactions/{transfer_id}/{action} — moves a created or pending
    /// transfer to its final state (complete → completed, revert → reverted, decline →
    /// declined, fail → failed).
    template <class Token = Default>
    auto simulate_transfer_state_update(Uuid transfer_id, TransferAction action, Token&& token = {}) {
        return detail::start<result<SimulatedTransaction>>(
            core_, [=] { return detail::simulations::simulate_transfer_state_update(transfer_id, action); },
            std::forward<Token>(token));
    }

private:
    std::shared_ptr<detail::ClientCore> core_;
};

using SimulationsApi = BasicSimulationsApi<>;

}  // namespace revolut
