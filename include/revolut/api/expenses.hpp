#pragma once
// Expenses (production only): the expenses of the business's transactions and
// reimbursements, with their splits, labels and receipts. Routes are under
// /api/1.0/expenses. Every operation is refused on a sandbox client
// (Errc::invalid_environment) before anything is sent. pyrevolut has none of them.

#include <revolut/detail/api_call.hpp>
#include <revolut/money.hpp>
#include <revolut/open_enum.hpp>
#include <revolut/pagination.hpp>
#include <revolut/types.hpp>

#include <boost/asio/use_awaitable.hpp>

#include <array>
#include <cstddef>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace revolut {

/// State of an expense (spec `ExpenseState`).
enum class ExpenseState {
    unknown, missing_info, awaiting_review, rejected, pending_reimbursement, refund_requested, refunded,
    approved, reverted,
};

/// Kind of transaction behind an expense (spec `ExpenseTransactionType`; not the same set as
/// TransactionType: reimbursements are `external` or `mileage_reimbursement`).
enum class ExpenseTransactionType {
    unknown, atm, card_payment, fee, transfer, external, mileage_reimbursement, rev_payment,
};

namespace detail {
inline constexpr std::array<std::string_view, 9> expense_state_names{
    "",         "missing_info", "awaiting_review", "rejected", "pending_reimbursement", "refund_requested",
    "refunded", "approved",     "reverted"};
inline constexpr std::array<std::string_view, 8> expense_transaction_type_names{
    "", "atm", "card_payment", "fee", "transfer", "external", "mileage_reimbursement", "rev_payment"};
}  // namespace detail

constexpr std::span<const std::string_view> enum_names(ExpenseState) noexcept {
    return detail::expense_state_names;
}
constexpr std::span<const std::string_view> enum_names(ExpenseTransactionType) noexcept {
    return detail::expense_transaction_type_names;
}

/// An exact amount in an ISO 4217 currency.
struct ExpenseAmount {
    Decimal amount;
    std::string currency;
    friend bool operator==(const ExpenseAmount&, const ExpenseAmount&) = default;
};

/// The accounting category of a split.
struct ExpenseCategory {
    Uuid id;
    std::string name;
    std::optional<std::string> code;
};

/// The tax rate of a split.
struct ExpenseTaxRate {
    Uuid id;
    std::string name;
    std::optional<Decimal> percentage;  ///< e.g. 20 for 20 %
};

/// One part of an expense, with its own category and tax rate.
struct ExpenseSplit {
    ExpenseAmount amount;
    std::optional<ExpenseCategory> category;
    std::optional<ExpenseTaxRate> tax_rate;
};

/// An expense (spec `Expense`).
struct Expense {
    Uuid id;
    OpenEnum<ExpenseState> state;
    OpenEnum<ExpenseTransactionType> transaction_type;
    std::optional<std::string> description;
    std::optional<Timestamp> submitted_at;
    std::optional<Timestamp> completed_at;
    std::optional<std::string> payer;
    std::optional<std::string> merchant;
    std::optional<Uuid> transaction_id;  ///< absent for `external` reimbursements
    Timestamp expense_date;              ///< what the list is ordered and paged by
    /// Label group name → the selected label(s) of that group (one per group).
    std::map<std::string, std::vector<std::string>> labels;
    std::vector<ExpenseSplit> splits;
    std::vector<Uuid> receipt_ids;
    ExpenseAmount spent_amount;  ///< in the billed currency
};

/// get_all_expenses' filters and page (all optional).
struct ExpensesQuery {
    std::optional<Timestamp> from;  ///< expense_date >= from
    std::optional<Timestamp> to;    ///< expense_date < to (server default: now)
    std::optional<int> count;       ///< 1..500 (server default 100)
    std::optional<OpenEnum<ExpenseState>> state;
    std::optional<OpenEnum<ExpenseTransactionType>> transaction_type;
};

/// A receipt file as stored by Revolut (PDF, image …): the raw bytes, not JSON.
struct ExpenseReceipt {
    std::string content;       ///< the file's bytes
    std::string content_type;  ///< the response's Content-Type when the transport reports it, else empty
};

namespace detail {
/// The receipt's bytes as they arrived (the one non-JSON response body of the API).
template <>
ExpenseReceipt decode<ExpenseReceipt>(const ApiResponse& response);
}  // namespace detail

namespace detail::expenses {
ApiRequest get_all_expenses(const ExpensesQuery& query);
ApiRequest get_expense(const Uuid& expense_id);
ApiRequest get_expense_receipt(const Uuid& expense_id, const Uuid& receipt_id);
}  // namespace detail::expenses

/// The Expenses endpoint group (new: pyrevolut has none). Every method accepts any Asio
/// completion token (default: use_awaitable). Errors: Errc::invalid_environment on a
/// sandbox client, Errc::invalid_argument before sending, ApiError for non-2xx answers,
/// transport errors, operation_aborted on cancellation.
template <class Shape = Typed, class Default = DefaultToken>
class BasicExpensesApi {
    template <class T>
    using result = detail::shaped_t<Shape, T>;

public:
    explicit BasicExpensesApi(std::shared_ptr<detail::ClientCore> core) : core_(std::move(core)) {}

    /// GET /1.0/expenses — newest `expense_date` first, filtered by `query`.
    template <class Token = Default>
    auto get_all_expenses(ExpensesQuery query = {}, Token&& token = {}) {
        return detail::start<result<std::vector<Expense>>>(
            core_, [query = std::move(query)] { return detail::expenses::get_all_expenses(query); },
            std::forward<Token>(token));
    }

    /// Every expense matching `query`, newest expense_date first, page by page
    /// (`query.count` per request, 1..500; `query.to` is where the walk starts), at most
    /// `max_items` in all. Expenses sharing an expense_date across a page boundary are
    /// neither lost nor repeated. Bad arguments throw Errc::invalid_argument here.
    Pages<Expense> iterate_expenses(ExpensesQuery query = {}, std::optional<std::size_t> max_items = std::nullopt)
        requires std::is_same_v<Shape, Typed>
    {
        detail::expenses::get_all_expenses(query);  // validates
        auto core = core_;
        const int page_size = query.count.value_or(100);
        const std::optional<Timestamp> start = query.to;
        detail::NewestFirstFetch<Expense> fetch = [core, query = std::move(query)](std::optional<Timestamp> bound,
                                                                                   int count) {
            ExpensesQuery page = query;
            page.to = bound;
            page.count = count;
            return detail::start<std::vector<Expense>>(
                core, [page] { return detail::expenses::get_all_expenses(page); }, boost::asio::use_awaitable);
        };
        detail::PageKeys<Expense> keys{[](const Expense& e) { return e.expense_date; },
                                       [](const Expense& e) { return e.id.to_string(); }};
        return detail::newest_first_pages<Expense>(std::move(fetch), std::move(keys), start, page_size, 500,
                                                   max_items);
    }

    /// GET /1.0/expenses/{expense_id}.
    template <class Token = Default>
    auto get_expense(Uuid expense_id, Token&& token = {}) {
        return detail::start<result<Expense>>(
            core_, [=] { return detail::expenses::get_expense(expense_id); }, std::forward<Token>(token));
    }

    /// GET /1.0/expenses/{expense_id}/receipts/{receipt_id}/content — the file itself. Not
    /// JSON, so the raw shape returns the same ExpenseReceipt as the typed one.
    template <class Token = Default>
    auto get_expense_receipt(Uuid expense_id, Uuid receipt_id, Token&& token = {}) {
        return detail::start<ExpenseReceipt>(
            core_, [=] { return detail::expenses::get_expense_receipt(expense_id, receipt_id); },
            std::forward<Token>(token));
    }

private:
    std::shared_ptr<detail::ClientCore> core_;
};

using ExpensesApi = BasicExpensesApi<>;

}  // namespace revolut
