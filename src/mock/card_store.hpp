#pragma once
// The emulator's cards (production only) and the rules they share with card invitations:
// spend controls (validated as the spec describes, stored in the API's JSON shape) and
// newest-first paging by `created_before`/`limit` (also used for team members and roles).

#include "mock/account_store.hpp"
#include "mock/http_message.hpp"

#include <revolut/types.hpp>

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace revolut::mock {

/// A broken rule, as the API reports it: HTTP status, Revolut code (some 422s have none)
/// and message.
struct RuleError {
    unsigned status = 400;
    std::optional<std::int64_t> code;
    std::string message;
};

/// Characters (Unicode code points) of UTF-8 text: the spec's length limits count these.
std::size_t text_length(std::string_view text);

/// The error response for `error`: {"code", "message"}, or {"message"} without a code.
Response rule_response(const RuleError& error);

// ---- Paging: newest first, `created_at < created_before`, at most `limit`. ----

struct CreatedBeforePage {
    Timestamp before;
    std::size_t limit = 100;
};

/// Reads `created_before` (default: now) and `limit` (1..max_limit, default 100); a 400
/// (code 2101) with the spec's wording when either is malformed or out of range.
std::variant<CreatedBeforePage, RuleError> read_created_before_page(const std::optional<std::string>& created_before,
                                                                    const std::optional<std::string>& limit,
                                                                    Timestamp now, std::size_t max_limit);

/// Items with `created_at < page.before` accepted by `keep`, newest first (several created at
/// the same time: the later-added one first), at most page.limit.
template <class T, class Keep>
std::vector<const T*> newest_first(const std::vector<T>& items, const CreatedBeforePage& page, Keep keep) {
    std::vector<const T*> out;
    for (std::size_t i = items.size(); i-- > 0;)  // later-added first among equals
        if (items[i].created_at < page.before && keep(items[i])) out.push_back(&items[i]);
    std::stable_sort(out.begin(), out.end(), [](const T* a, const T* b) { return a->created_at > b->created_at; });
    if (out.size() > page.limit) out.resize(page.limit);
    return out;
}

// ---- Spend controls of cards and card invitations. ----

/// Spend controls in the API's JSON shape (amounts exact); empty means "not set".
struct CardControls {
    std::optional<std::string> label;
    boost::json::object spending_limits;
    std::optional<boost::json::object> spending_period;
    boost::json::array categories;
    std::optional<boost::json::object> merchant_controls;
    boost::json::array countries;
    boost::json::array accounts;  ///< linked accounts (every account when not given)
};

/// Applies the controls in a create (`update` false: nulls mean "not given") or update
/// request body (nulls erase) to `controls`, all or nothing. Checks the spec's rules: label
/// length, one periodic limit, positive amounts, spending period dates in the future, known
/// categories, merchant controls, ISO country codes, existing accounts.
std::optional<RuleError> apply_controls(const boost::json::object& body, bool update, const AccountStore& accounts,
                                        Timestamp now, CardControls& controls);
/// True when the body holds a setting an update may change.
bool has_control_fields(const boost::json::object& body);
/// Writes the controls that are set into `out`.
void write_controls(boost::json::object& out, const CardControls& controls);
/// True when `period` starts after `now`'s UTC date (the card is locked until then).
bool starts_in_future(const std::optional<boost::json::object>& period, Timestamp now);

// ---- Cards. ----

/// Why a card is locked: unlocking an admin lock just lifts it; unlocking a spending-period
/// lock also removes the spending period (as the spec warns).
enum class LockReason { none, admin, spending_period };

struct StoredCard {
    Uuid id;
    std::optional<Uuid> holder_id;
    std::vector<Uuid> contact_ids;  ///< company cards
    std::optional<std::string> product_code;
    Timestamp created_at{};
    Timestamp updated_at{};
    bool is_virtual = true;
    std::string pan;  ///< sensitive: only sensitive-details returns it
    std::string cvv;  ///< sensitive
    std::string expiry;  ///< MM/YYYY
    std::vector<std::pair<std::string, std::string>> references;
    std::size_t reference_updates = 0;
    std::string state = "active";
    LockReason lock_reason = LockReason::none;
    CardControls controls;
    std::string request_id;
};

/// The cards, oldest first; terminated cards are removed.
class CardStore {
public:
    /// Revolut allows ten reference changes per card.
    static constexpr std::size_t max_reference_updates = 10;

    const std::vector<StoredCard>& all() const { return cards_; }
    /// Pointers stay valid until the next add or remove.
    StoredCard* find(const Uuid& id);
    /// The card created with `request_id` in the last 24 hours (the spec's idempotency window).
    StoredCard* find_by_request_id(const std::string& request_id, Timestamp now);

    /// Stores `card` with a new id, card number, CVV and expiry unless it has them; `now`
    /// when its created_at is unset.
    StoredCard& add(StoredCard card, Timestamp now);
    bool remove(const Uuid& id);

    /// State changes; an error (403, code 9002) when the current state does not allow it.
    std::optional<RuleError> freeze(StoredCard& card, Timestamp now);
    std::optional<RuleError> unfreeze(StoredCard& card, Timestamp now);
    std::optional<RuleError> lock(StoredCard& card, Timestamp now);
    std::optional<RuleError> unlock(StoredCard& card, Timestamp now);
    /// After a change of spending period: lock or unlock the card as the period says.
    void apply_spending_period(StoredCard& card, Timestamp now);

private:
    std::vector<StoredCard> cards_;
};

/// The card in the API's shape (no PAN or CVV).
boost::json::object card_json(const StoredCard& card);

}  // namespace revolut::mock
