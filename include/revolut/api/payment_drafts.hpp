#pragma once
// Payment drafts: payments prepared through the API and sent for processing (and approval)
// in the Business app, with their individual payments.

#include <revolut/detail/api_call.hpp>
#include <revolut/money.hpp>
#include <revolut/open_enum.hpp>
#include <revolut/types.hpp>

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace revolut {

/// Where a draft was created (spec `source`); `all` is only a filter of get_all_payment_drafts.
enum class PaymentDraftSource { unknown, api, integration, email, business_app, all };
/// State of one payment of a draft (spec `PaymentState`, upper case on the wire).
enum class DraftPaymentState { unknown, created, pending, completed, reverted, declined, cancelled, failed, deleted };
/// Who pays the transfer fees: `shared` (SHA) or `debtor` (OUR).
enum class DraftChargeBearer { unknown, shared, debtor };

namespace detail {
inline constexpr std::array<std::string_view, 6> payment_draft_source_names{
    "", "api", "integration", "email", "business_app", "all"};
inline constexpr std::array<std::string_view, 9> draft_payment_state_names{
    "", "CREATED", "PENDING", "COMPLETED", "REVERTED", "DECLINED", "CANCELLED", "FAILED", "DELETED"};
inline constexpr std::array<std::string_view, 3> draft_charge_bearer_names{"", "shared", "debtor"};
}  // namespace detail

constexpr std::span<const std::string_view> enum_names(PaymentDraftSource) noexcept {
    return detail::payment_draft_source_names;
}
constexpr std::span<const std::string_view> enum_names(DraftPaymentState) noexcept {
    return detail::draft_payment_state_names;
}
constexpr std::span<const std::string_view> enum_names(DraftChargeBearer) noexcept {
    return detail::draft_charge_bearer_names;
}

/// An exact amount and its currency.
struct DraftAmount {
    Decimal amount;
    std::string currency;
};

/// Who receives a payment: a counterparty, and which of its accounts or cards when it has
/// several.
struct DraftPaymentReceiver {
    Uuid counterparty_id;
    std::optional<Uuid> account_id;
    std::optional<Uuid> card_id;
};

/// How a payment converts: from, to, the rate (exact) and the fee.
struct DraftChargeOptions {
    DraftAmount from;
    DraftAmount to;
    std::optional<Decimal> rate;
    std::optional<DraftAmount> fee;
};

/// One payment of a draft.
struct DraftPayment {
    Uuid id;
    DraftAmount amount;
    std::optional<std::string> currency;
    Uuid account_id;  ///< the account paid from
    DraftPaymentReceiver receiver;
    OpenEnum<DraftPaymentState> state;
    std::optional<std::string> reason;
    std::optional<std::string> error_message;
    DraftChargeOptions current_charge_options;
    std::optional<std::string> reference;
    std::optional<std::string> transfer_reason_code;
};

/// A draft with its payments (get_payment_draft).
struct PaymentDraft {
    std::optional<Date> scheduled_for;
    std::optional<std::string> title;
    std::vector<DraftPayment> payments;
    std::optional<OpenEnum<PaymentDraftSource>> source;
};

/// A draft as listed: its payments are only counted.
struct PaymentDraftSummary {
    Uuid id;
    std::optional<Date> scheduled_for;
    std::optional<std::string> title;
    std::int64_t payments_count = 0;
    std::optional<OpenEnum<PaymentDraftSource>> source;
};

/// GET /payment-drafts: the drafts not yet sent for processing.
struct PaymentDrafts {
    std::vector<PaymentDraftSummary> payment_orders;
};

/// create_payment_draft's answer: the new draft's id (201), none when the request had no
/// payments (204).
struct CreatedPaymentDraft {
    std::optional<Uuid> id;
};

/// add_payment_draft_payment's answer.
struct CreatedDraftPayment {
    Uuid id;
};

/// A payment to put in a draft (create_payment_draft, add_payment_draft_payment). Each
/// payment names its own source account.
struct DraftPaymentRequest {
    Uuid account_id;
    DraftPaymentReceiver receiver;
    Decimal amount;  ///< > 0
    std::string currency;
    std::string reference;  ///< at most 255 characters
    std::optional<OpenEnum<DraftChargeBearer>> charge_bearer;
    std::optional<std::string> transfer_reason_code;
};

/// update_payment_draft_payment: only what is given changes (at least one field).
struct UpdateDraftPaymentRequest {
    std::optional<DraftPaymentReceiver> receiver;
    std::optional<Decimal> amount;
    std::optional<std::string> currency;
    std::optional<std::string> reference;
    std::optional<OpenEnum<DraftChargeBearer>> charge_bearer;
    std::optional<std::string> transfer_reason_code;
};

/// A draft field of update_payment_draft: absent (unchanged, the default), set to a value
/// (implicitly from T), or cleared (sent as null): `DraftFieldUpdate<Date>::cleared()`.
template <class T>
struct DraftFieldUpdate {
    DraftFieldUpdate() = default;
    DraftFieldUpdate(T v) : value(std::move(v)) {}  // NOLINT(google-explicit-constructor): a value sets the field
    static DraftFieldUpdate cleared() {
        DraftFieldUpdate u;
        u.clear = true;
        return u;
    }
    bool given() const { return clear || value.has_value(); }

    bool clear = false;      ///< send null
    std::optional<T> value;  ///< send this value (when not clear)
};

namespace detail::payment_drafts {
ApiRequest get_all_payment_drafts(const std::optional<OpenEnum<PaymentDraftSource>>& source);
ApiRequest get_payment_draft(const Uuid& payment_draft_id);
ApiRequest create_payment_draft(const std::vector<DraftPaymentRequest>& payments,
                                const std::optional<std::string>& title, const std::optional<Date>& schedule_for);
ApiRequest delete_payment_draft(const Uuid& payment_draft_id);
ApiRequest update_payment_draft(const Uuid& payment_draft_id, const DraftFieldUpdate<std::string>& title,
                                const DraftFieldUpdate<Date>& schedule_for);
ApiRequest add_payment_draft_payment(const Uuid& payment_draft_id, const DraftPaymentRequest& payment);
ApiRequest update_payment_draft_payment(const Uuid& payment_draft_id, const Uuid& payment_id,
                                        const UpdateDraftPaymentRequest& update);
ApiRequest delete_payment_draft_payment(const Uuid& payment_draft_id, const Uuid& payment_id);
}  // namespace detail::payment_drafts

/// The PaymentDrafts endpoint group, with pyrevolut's method names. Every method accepts any
/// Asio completion token (default: use_awaitable); arguments are copied before the operation
/// starts. Errors: Errc::invalid_argument before sending, ApiError for non-2xx answers,
/// transport errors, operation_aborted on cancellation.
template <class Shape = Typed, class Default = DefaultToken>
class BasicPaymentDraftsApi {
    template <class T>
    using result = detail::shaped_t<Shape, T>;

public:
    explicit BasicPaymentDraftsApi(std::shared_ptr<detail::ClientCore> core) : core_(std::move(core)) {}

    /// GET /1.0/payment-drafts — drafts not yet sent for processing; `source` api (server
    /// default), integration, email or all.
    template <class Token = Default>
    auto get_all_payment_drafts(std::optional<OpenEnum<PaymentDraftSource>> source = std::nullopt,
                                Token&& token = {}) {
        return detail::start<result<PaymentDrafts>>(
            core_, [source = std::move(source)] { return detail::payment_drafts::get_all_payment_drafts(source); },
            std::forward<Token>(token));
    }

    /// GET /1.0/payment-drafts/{payment_draft_id} — the draft with its payments.
    template <class Token = Default>
    auto get_payment_draft(Uuid payment_draft_id, Token&& token = {}) {
        return detail::start<result<PaymentDraft>>(
            core_, [=] { return detail::payment_drafts::get_payment_draft(payment_draft_id); },
            std::forward<Token>(token));
    }

    /// POST /1.0/payment-drafts — each payment with its own source account (pyrevolut uses
    /// one account for all); `title` 1..255 characters; `schedule_for` a date.
    template <class Token = Default>
    auto create_payment_draft(std::vector<DraftPaymentRequest> payments,
                              std::optional<std::string> title = std::nullopt,
                              std::optional<Date> schedule_for = std::nullopt, Token&& token = {}) {
        return detail::start<result<CreatedPaymentDraft>>(
            core_,
            [payments = std::move(payments), title = std::move(title), schedule_for] {
                return detail::payment_drafts::create_payment_draft(payments, title, schedule_for);
            },
            std::forward<Token>(token));
    }

    /// DELETE /1.0/payment-drafts/{payment_draft_id} — 204.
    template <class Token = Default>
    auto delete_payment_draft(Uuid payment_draft_id, Token&& token = {}) {
        return detail::start<result<void>>(
            core_, [=] { return detail::payment_drafts::delete_payment_draft(payment_draft_id); },
            std::forward<Token>(token));
    }

    /// PATCH /1.0/payment-drafts/{payment_draft_id} — sets or clears the title and/or the
    /// scheduled date (at least one); 204.
    template <class Token = Default>
    auto update_payment_draft(Uuid payment_draft_id, DraftFieldUpdate<std::string> title = {},
                              DraftFieldUpdate<Date> schedule_for = {}, Token&& token = {}) {
        return detail::start<result<void>>(
            core_,
            [=, title = std::move(title)] {
                return detail::payment_drafts::update_payment_draft(payment_draft_id, title, schedule_for);
            },
            std::forward<Token>(token));
    }

    /// POST /1.0/payment-drafts/{payment_draft_id}/payments — 201 with the payment's id.
    template <class Token = Default>
    auto add_payment_draft_payment(Uuid payment_draft_id, DraftPaymentRequest payment, Token&& token = {}) {
        return detail::start<result<CreatedDraftPayment>>(
            core_,
            [=, payment = std::move(payment)] {
                return detail::payment_drafts::add_payment_draft_payment(payment_draft_id, payment);
            },
            std::forward<Token>(token));
    }

    /// PATCH /1.0/payment-drafts/{payment_draft_id}/payments/{payment_id} — 204.
    template <class Token = Default>
    auto update_payment_draft_payment(Uuid payment_draft_id, Uuid payment_id, UpdateDraftPaymentRequest update,
                                      Token&& token = {}) {
        return detail::start<result<void>>(
            core_,
            [=, update = std::move(update)] {
                return detail::payment_drafts::update_payment_draft_payment(payment_draft_id, payment_id, update);
            },
            std::forward<Token>(token));
    }

    /// DELETE /1.0/payment-drafts/{payment_draft_id}/payments/{payment_id} — 204.
    template <class Token = Default>
    auto delete_payment_draft_payment(Uuid payment_draft_id, Uuid payment_id, Token&& token = {}) {
        return detail::start<result<void>>(
            core_,
            [=] { return detail::payment_drafts::delete_payment_draft_payment(payment_draft_id, payment_id); },
            std::forward<Token>(token));
    }

private:
    std::shared_ptr<detail::ClientCore> core_;
};

using PaymentDraftsApi = BasicPaymentDraftsApi<>;

}  // namespace revolut
