#pragma once
// Internal to the webhook event parser: the tokens recorded for each known field of a
// delivery (events_collect.cpp) and read into typed structs (events_parse.cpp).
//
// A document is tokenised in one streaming pass, no JSON tree: every field this library
// knows is recorded as its JSON kind plus its text (a view into the body; strings with
// escapes are copied). Unknown fields are skipped (they stay in Event::raw). Only once the
// document is complete, and the event name is known (it may come after `data`), are the
// tokens converted into the typed struct.

#include <boost/json/value.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

namespace revolut::webhook::event_tokens {

// ---- field tables ------------------------------------------------------------------------------

enum class Kind : std::uint8_t { absent, null, string, number, double_, boolean, object, array };

// One field's value: its kind, and the text of a string (unescaped) or number (source text).
// 16 bytes: these tables are cleared for every event.
struct Tok {
    const char* data = nullptr;
    std::uint32_t size = 0;
    Kind kind = Kind::absent;

    std::string_view text() const noexcept { return {data, size}; }
};

// The known fields of one JSON object, by index, and what the value itself was.
template <std::size_t N>
struct Toks {
    Kind self = Kind::absent;
    std::array<Tok, N> f{};

    void reset(Kind k) {
        self = k;
        f = {};
    }
};

enum RootField : int { r_event, r_timestamp, r_data, root_count };
inline constexpr std::array<std::string_view, root_count> root_names{"event", "timestamp", "data"};

// The union of every event type's data fields: the event name may come after `data`.
enum DataField : int {
    d_id, d_type, d_state, d_request_id, d_reason_code, d_created_at, d_updated_at,
    d_completed_at, d_scheduled_for, d_reference, d_related_transaction_id, d_legs, d_merchant,
    d_card, d_old_state, d_new_state, data_count
};
inline constexpr std::array<std::string_view, data_count> data_names{
    "id", "type", "state", "request_id", "reason_code", "created_at", "updated_at",
    "completed_at", "scheduled_for", "reference", "related_transaction_id", "legs", "merchant",
    "card", "old_state", "new_state"};

enum LegField : int {
    l_leg_id, l_account_id, l_counterparty, l_amount, l_fee, l_currency, l_bill_amount,
    l_bill_currency, l_description, l_balance, leg_count
};
inline constexpr std::array<std::string_view, leg_count> leg_names{
    "leg_id", "account_id", "counterparty", "amount", "fee", "currency", "bill_amount",
    "bill_currency", "description", "balance"};

enum CounterpartyField : int { c_id, c_account_id, c_account_type, counterparty_count };
inline constexpr std::array<std::string_view, counterparty_count> counterparty_names{
    "id", "account_id", "account_type"};

enum MerchantField : int { m_id, m_name, m_city, m_category_code, m_country, merchant_count };
inline constexpr std::array<std::string_view, merchant_count> merchant_names{
    "id", "name", "city", "category_code", "country"};

enum CardField : int {
    k_id, k_card_number, k_first_name, k_last_name, k_phone, k_references, card_count
};
inline constexpr std::array<std::string_view, card_count> card_names{
    "id", "card_number", "first_name", "last_name", "phone", "references"};

enum ReferenceField : int { f_name, f_value, reference_count };
inline constexpr std::array<std::string_view, reference_count> reference_names{"name", "value"};

// Index of `key` in `names`, -1 if absent. Length and first byte screen out nearly every
// candidate before a memcmp (this runs once per key of every known object).
template <std::size_t N>
int field_index(const std::array<std::string_view, N>& names, std::string_view key) noexcept {
    if (key.empty()) return -1;
    for (std::size_t i = 0; i < N; ++i) {
        const std::string_view n = names[i];
        if (n.size() == key.size() && n[0] == key[0] &&
            std::memcmp(n.data(), key.data(), key.size()) == 0)
            return static_cast<int>(i);
    }
    return -1;
}

struct LegToks {
    Toks<leg_count> leg;
    Toks<counterparty_count> counterparty;
};

// Everything recorded from one document.
struct Collected {
    Toks<root_count> root;
    Toks<data_count> data;
    std::vector<LegToks> legs;
    Toks<merchant_count> merchant;
    Toks<card_count> card;
    std::vector<Toks<reference_count>> references;

    void clear() {
        root = {};
        data = {};
        legs.clear();  // trivially destructible elements: capacity is kept for the next event
        merchant = {};
        card = {};
        references.clear();
    }
};

/// Tokenises a delivery body with this thread's parser. The result lives in per-thread state:
/// valid until the next call on this thread. Throws revolut::Error(Errc::body_not_json) when
/// the body is not JSON (invalid UTF-8, nesting deeper than 64, over 16 MiB).
const Collected& collect_body(std::string_view body);

/// Tokenises an already parsed envelope, as collect_body would its text. Views in `out`
/// point into `envelope` or into `digits` (integers formatted as text); keep both alive.
/// Throws revolut::Error(Errc::invalid_response) for nesting deeper than 64.
void collect_value(const boost::json::value& envelope, Collected& out,
                   std::deque<std::string>& digits);

}  // namespace revolut::webhook::event_tokens
