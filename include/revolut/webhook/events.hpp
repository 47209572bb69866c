#pragma once
// Typed webhook events: the envelope {event, timestamp, data} and one struct per event type.
//
// The specs give no schema for event bodies; the fields follow pyrevolut's models and the
// spec's Transaction schema (TransactionCreated carries a whole transaction). Amounts are
// exact Decimals, never doubles. Every event keeps the envelope exactly as received in
// Event::raw, so fields this version does not know are never lost: serialize_event writes
// them back, and Event::raw_json() gives them as a JSON tree.

#include <revolut/enums.hpp>
#include <revolut/money.hpp>
#include <revolut/open_enum.hpp>
#include <revolut/types.hpp>
#include <revolut/webhook_event_type.hpp>

#include <boost/json/value.hpp>

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace revolut::webhook {

/// The other side of a transaction leg.
struct TransactionCounterparty {
    std::optional<std::string> id;          ///< counterparty ID
    std::optional<std::string> account_id;  ///< counterparty account ID
    OpenEnum<CounterpartyAccountType> account_type;

    friend bool operator==(const TransactionCounterparty&, const TransactionCounterparty&) = default;
};

/// One leg of a transaction (two for transfers between your own accounts, else one).
struct TransactionLeg {
    std::string leg_id;
    std::string account_id;  ///< your account the leg moves money on
    std::optional<TransactionCounterparty> counterparty;
    Decimal amount;  ///< negative for debits
    std::optional<Decimal> fee;
    std::string currency;  ///< ISO 4217
    std::optional<Decimal> bill_amount;  ///< billing amount of a cross-currency payment
    std::optional<std::string> bill_currency;
    std::optional<std::string> description;
    std::optional<Decimal> balance;  ///< account balance after the transaction

    friend bool operator==(const TransactionLeg&, const TransactionLeg&) = default;
};

/// Merchant of a card transaction.
struct TransactionMerchant {
    std::optional<std::string> id;
    std::optional<std::string> name;
    std::optional<std::string> city;
    std::optional<std::string> category_code;
    std::optional<std::string> country;  ///< ISO 3166, 2 or 3 letters

    friend bool operator==(const TransactionMerchant&, const TransactionMerchant&) = default;
};

/// A name/value reference recorded on a card transaction.
struct CardReference {
    std::string name;
    std::string value;

    friend bool operator==(const CardReference&, const CardReference&) = default;
};

/// Card used for a card transaction.
struct TransactionCard {
    std::optional<std::string> id;
    std::optional<std::string> card_number;  ///< masked
    std::optional<std::string> first_name;
    std::optional<std::string> last_name;
    std::optional<std::string> phone;
    std::vector<CardReference> references;  ///< empty when absent

    friend bool operator==(const TransactionCard&, const TransactionCard&) = default;
};

/// `TransactionCreated`: a transaction (the spec's Transaction schema) was created.
struct TransactionCreated {
    std::string id;
    OpenEnum<TransactionType> type;
    OpenEnum<TransactionState> state;
    std::optional<std::string> request_id;   ///< the request_id you sent, if any
    std::optional<std::string> reason_code;  ///< why it was declined or failed
    Timestamp created_at{};
    Timestamp updated_at{};
    std::optional<Timestamp> completed_at;
    std::optional<std::chrono::year_month_day> scheduled_for;
    std::optional<std::string> reference;
    std::optional<std::string> related_transaction_id;  ///< e.g. the refunded transaction
    std::vector<TransactionLeg> legs;
    std::optional<TransactionMerchant> merchant;  ///< card transactions only
    std::optional<TransactionCard> card;          ///< card transactions only

    friend bool operator==(const TransactionCreated&, const TransactionCreated&) = default;
};

/// `TransactionStateChanged`.
struct TransactionStateChanged {
    std::string id;
    std::optional<std::string> request_id;
    OpenEnum<TransactionState> old_state;
    OpenEnum<TransactionState> new_state;

    friend bool operator==(const TransactionStateChanged&, const TransactionStateChanged&) = default;
};

/// `PayoutLinkCreated`.
struct PayoutLinkCreated {
    std::string id;
    OpenEnum<PayoutLinkState> state;
    std::optional<std::string> request_id;

    friend bool operator==(const PayoutLinkCreated&, const PayoutLinkCreated&) = default;
};

/// `PayoutLinkStateChanged`.
struct PayoutLinkStateChanged {
    std::string id;
    std::optional<std::string> request_id;
    OpenEnum<PayoutLinkState> old_state;
    OpenEnum<PayoutLinkState> new_state;

    friend bool operator==(const PayoutLinkStateChanged&, const PayoutLinkStateChanged&) = default;
};

/// An event type this version does not know; `data` is the envelope's `data` as received
/// (null when absent), with exact numbers.
struct UnknownEvent {
    boost::json::value data;

    friend bool operator==(const UnknownEvent&, const UnknownEvent&) = default;
};

/// The typed `data` of an event; the alternative follows the envelope's `event` name.
using EventData = std::variant<TransactionCreated, TransactionStateChanged, PayoutLinkCreated,
                               PayoutLinkStateChanged, UnknownEvent>;

/// A webhook delivery: `{"event": …, "timestamp": …, "data": {…}}`.
struct Event {
    WebhookEvent event;     ///< event type; unknown names are kept verbatim
    Timestamp timestamp{};  ///< when the event happened
    EventData data;
    /// The whole envelope as received: the body's bytes for parse_event, the compact exact
    /// JSON for event_from_json, empty for an event built in code. Kept as text (one copy,
    /// no JSON tree per event) so unknown fields are never lost; raw_json() gives the tree.
    std::string raw;

    /// `raw` parsed with exact numbers (read them with revolut::decimal_from_json, print with
    /// revolut::serialize_json); null when `raw` is empty or not JSON.
    boost::json::value raw_json() const;
};

/// An Event for `data` at `timestamp`, `event` named after data's alternative (an
/// UnknownEvent gets an empty name: set `event` yourself).
Event make_event(EventData data, Timestamp timestamp);

/// Parses a delivery body (after verify_signature): one streaming pass, no JSON tree, numbers
/// read from their exact text. Absent and null optional fields are both "not given"; unknown
/// fields are skipped (they stay in Event::raw). Throws revolut::Error: Errc::body_not_json
/// when the body is not JSON (invalid UTF-8, nesting deeper than 64, over 16 MiB),
/// Errc::invalid_response naming the field when the JSON has the wrong shape (e.g.
/// "webhook event: data.legs[0].amount: expected a number"). An unknown event name is not an
/// error: it gives UnknownEvent. Thread-safe; uses per-thread scratch state.
Event parse_event(std::string_view body);

/// As parse_event, for an envelope that is already JSON (e.g. a failed event's `payload`),
/// with the same rules and messages. Parse it with the library's exact parser: a double where
/// an amount belongs is refused as Errc::invalid_response, since binary floating point has
/// already lost the exact value.
Event event_from_json(const boost::json::value& envelope);

/// Compact JSON for `e`, amounts written with their exact digits. The `event` name follows
/// the data's alternative (UnknownEvent: `e.event`). Typed fields win; anything in `e.raw`
/// they don't cover (unknown fields, at any depth; nulls) is kept, so a parsed event
/// serializes back to the same JSON value, up to canonical timestamps and numbers
/// ("…14.5Z" -> "…14.500000Z", 1e2 -> 100).
std::string serialize_event(const Event& e);

/// The API name of data's event type ("" for UnknownEvent).
std::string_view event_name(const EventData& data) noexcept;

}  // namespace revolut::webhook
