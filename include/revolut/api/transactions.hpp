#pragma once
// Transactions: the business's transactions, filtered and paged.

#include <revolut/detail/api_call.hpp>
#include <revolut/enums.hpp>
#include <revolut/open_enum.hpp>
#include <revolut/pagination.hpp>
#include <revolut/types.hpp>
#include <revolut/webhook/events.hpp>

#include <boost/asio/use_awaitable.hpp>

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <type_traits>
#include <variant>
#include <vector>

namespace revolut {

// The spec's `Transaction` schema is exactly what a TransactionCreated webhook event carries,
// so the API and the events share one model: a transaction read with get_transaction compares
// equal to the one its event delivered.

/// A transaction (spec `Transaction`): id, type, state, legs with exact amounts, and for card
/// transactions the merchant and card.
using Transaction = webhook::TransactionCreated;
/// One leg: two for transfers between your own accounts and exchanges, else one.
using TransactionLeg = webhook::TransactionLeg;
/// The other side of a leg.
using TransactionCounterparty = webhook::TransactionCounterparty;
/// The merchant of a card transaction.
using TransactionMerchant = webhook::TransactionMerchant;
/// The card of a card transaction.
using TransactionCard = webhook::TransactionCard;

/// A `from`/`to` bound of GET /transactions: a time point, a calendar date, or ISO-8601 text
/// (a date, or a date-time that is checked and sent as UTC).
using TransactionTime = std::variant<Timestamp, Date, std::string>;

/// The filters of GET /transactions; every one is optional.
struct TransactionsQuery {
    std::optional<TransactionTime> from;  ///< created_at >= from
    std::optional<TransactionTime> to;    ///< created_at < to (server default: now)
    std::optional<Uuid> account;          ///< transactions with a leg on this account
    std::optional<int> count;             ///< page size, 1..1000 (server default 100)
    std::optional<OpenEnum<TransactionType>> type;
    /// The request_id the transaction was created with; needs `from`, and a window of at
    /// most 14 days.
    std::optional<std::string> request_id;
    std::vector<OpenEnum<TransactionState>> states;  ///< any of these (sent as state=a&state=b)
};

namespace detail::transactions {
ApiRequest get_all_transactions(const TransactionsQuery& query);
ApiRequest get_transaction(const std::optional<std::string>& transaction_id,
                           const std::optional<std::string>& request_id);
/// The time point a bound stands for (a date: midnight UTC). Errc::invalid_argument for text
/// that is neither a date nor a date-time.
Timestamp time_of(const TransactionTime& bound);
}  // namespace detail::transactions

/// The Transactions endpoint group, with pyrevolut's method names and parameter order. Every
/// method accepts any Asio completion token (default: co_await); Shape Raw gives raw JSON.
/// Errors: Errc::invalid_argument before sending, ApiError for non-2xx answers.
template <class Shape = Typed, class Default = DefaultToken>
class BasicTransactionsApi {
    template <class T>
    using result = detail::shaped_t<Shape, T>;

public:
    explicit BasicTransactionsApi(std::shared_ptr<detail::ClientCore> core) : core_(std::move(core)) {}

    /// GET /1.0/transactions — one page, newest first (pyrevolut's parameters; the filter goes
    /// out as `from`, as the spec says). For the request_id and state filters, pass a
    /// TransactionsQuery; to walk every page, iterate_transactions.
    template <class Token = Default>
    auto get_all_transactions(std::optional<TransactionTime> from = std::nullopt,
                              std::optional<TransactionTime> to = std::nullopt,
                              std::optional<Uuid> account_id = std::nullopt, std::optional<int> count = std::nullopt,
                              std::optional<OpenEnum<TransactionType>> transaction_type = std::nullopt,
                              Token&& token = {}) {
        TransactionsQuery query;
        query.from = std::move(from);
        query.to = std::move(to);
        query.account = account_id;
        query.count = count;
        query.type = std::move(transaction_type);
        return get_all_transactions(std::move(query), std::forward<Token>(token));
    }

    /// GET /1.0/transactions with every filter of the spec.
    template <class Token = Default>
    auto get_all_transactions(TransactionsQuery query, Token&& token = {}) {
        return detail::start<result<std::vector<Transaction>>>(
            core_, [query = std::move(query)] { return detail::transactions::get_all_transactions(query); },
            std::forward<Token>(token));
    }

    /// GET /1.0/transaction/{id} — by transaction ID, or by the request ID it was created with
    /// (`?id_type=request_id`); give exactly one.
    template <class Token = Default>
    auto get_transaction(std::optional<std::string> transaction_id,
                         std::optional<std::string> request_id = std::nullopt, Token&& token = {}) {
        return detail::start<result<Transaction>>(
            core_,
            [transaction_id = std::move(transaction_id), request_id = std::move(request_id)] {
                return detail::transactions::get_transaction(transaction_id, request_id);
            },
            std::forward<Token>(token));
    }

    /// Every transaction matching `query`, newest first, fetched a page (`query.count`,
    /// default 100) at a time as you ask for it, by moving the `to` bound down. Transactions
    /// sharing the boundary created_at are neither lost nor repeated. At most `max_items`.
    Pages<Transaction> iterate_transactions(TransactionsQuery query = {},
                                            std::optional<std::size_t> max_items = std::nullopt)
        requires std::is_same_v<Shape, Typed>
    {
        std::optional<Timestamp> before;
        if (query.to) before = detail::transactions::time_of(*query.to);
        const int limit = query.count.value_or(100);
        // Checked now rather than on the first page, with the rest of the query.
        (void)detail::transactions::get_all_transactions(query);
        auto fetch = [core = core_, query](std::optional<Timestamp> to, int count) {
            TransactionsQuery page = query;
            if (to) page.to = TransactionTime{*to};
            page.count = count;
            return detail::start<std::vector<Transaction>>(
                core, [page] { return detail::transactions::get_all_transactions(page); },
                boost::asio::use_awaitable);
        };
        return detail::newest_first_pages<Transaction>(std::move(fetch), detail::created_at_keys<Transaction>(),
                                                       before, limit, max_page_size, max_items);
    }

private:
    static constexpr int max_page_size = 1000;
    std::shared_ptr<detail::ClientCore> core_;
};

using TransactionsApi = BasicTransactionsApi<>;

}  // namespace revolut
