// Webhook events, step 2: the tokens of step 1 (events_collect.cpp) -> typed structs, with
// errors naming the field ("webhook event: data.legs[0].amount: expected a number").

#include <revolut/webhook/events.hpp>

#include <revolut/error.hpp>

#include "json/exact_json.hpp"
#include "webhook/event_tokens.hpp"

#include <optional>

namespace json = boost::json;

namespace revolut::webhook {
namespace {

using namespace event_tokens;

// ---- converting ---------------------------------------------------------------------------------

// A field path, built on the stack while descending and rendered only for an error message.
struct Path {
    const Path* parent = nullptr;
    std::string_view key;   // object member, or empty for an array element
    std::size_t index = 0;  // array element index when key is empty

    std::string render() const {
        std::string out = parent != nullptr ? parent->render() : std::string();
        if (!key.empty()) {
            if (!out.empty()) out += '.';
            out += key;
        } else if (parent != nullptr) {
            out += '[' + std::to_string(index) + ']';
        }
        return out;
    }
};

[[noreturn]] void fail(const Path& at, std::string_view problem) {
    std::string what = "webhook event: ";
    if (std::string path = at.render(); !path.empty()) {
        what += path;
        what += ": ";
    }
    what += problem;
    throw Error(make_error_code(Errc::invalid_response), what);
}

std::optional<std::chrono::year_month_day> parse_date(std::string_view t) noexcept {
    // YYYY-MM-DD exactly.
    auto digits = [&](std::size_t from, std::size_t count, int& out) {
        out = 0;
        for (std::size_t i = from; i < from + count; ++i) {
            if (t[i] < '0' || t[i] > '9') return false;
            out = out * 10 + (t[i] - '0');
        }
        return true;
    };
    int y = 0, m = 0, d = 0;
    if (t.size() != 10 || t[4] != '-' || t[7] != '-' || !digits(0, 4, y) || !digits(5, 2, m) ||
        !digits(8, 2, d))
        return std::nullopt;
    const std::chrono::year_month_day ymd{std::chrono::year{y},
                                          std::chrono::month{static_cast<unsigned>(m)},
                                          std::chrono::day{static_cast<unsigned>(d)}};
    if (!ymd.ok()) return std::nullopt;
    return ymd;
}

// Reads the recorded fields of one object. Absent and null are the same thing: "not given"
// (Revolut may send either for an optional field).
template <std::size_t N>
class Fields {
public:
    Fields(const Toks<N>& toks, const std::array<std::string_view, N>& names, const Path& at)
        : toks_(toks), names_(names), at_(at) {
        if (toks.self != Kind::object) fail(at, "expected an object");
    }

    Path at(int f) const { return Path{&at_, names_[static_cast<std::size_t>(f)], 0}; }

    // The field's token when given (neither absent nor null).
    const Tok* find(int f) const {
        const Tok& t = toks_.f[static_cast<std::size_t>(f)];
        return t.kind == Kind::absent || t.kind == Kind::null ? nullptr : &t;
    }
    void require(int f) const {
        if (find(f) == nullptr) fail(at(f), "missing");
    }

    std::optional<std::string_view> opt_view(int f) const {
        const Tok* t = find(f);
        if (t == nullptr) return std::nullopt;
        if (t->kind != Kind::string) fail(at(f), "expected a string");
        return t->text();
    }
    std::optional<std::string> opt_string(int f) const {
        auto v = opt_view(f);
        if (!v) return std::nullopt;
        return std::string(*v);
    }
    std::string string(int f) const {
        require(f);
        return std::string(*opt_view(f));
    }

    std::optional<Decimal> opt_decimal(int f) const {
        const Tok* t = find(f);
        if (t == nullptr) return std::nullopt;
        if (t->kind == Kind::double_)
            fail(at(f), "expected an exact number, got a double (parse with the exact parser)");
        if (t->kind != Kind::number) fail(at(f), "expected a number");
        auto d = Decimal::try_parse(t->text());
        if (!d) fail(at(f), "number does not fit 64 bits and 18 fraction digits");
        return d;
    }
    Decimal decimal(int f) const {
        require(f);
        return *opt_decimal(f);
    }

    std::optional<Timestamp> opt_timestamp(int f) const {
        auto v = opt_view(f);
        if (!v) return std::nullopt;
        auto t = try_parse_timestamp(*v);
        if (!t) fail(at(f), "expected an ISO 8601 date-time");
        return t;
    }
    Timestamp timestamp(int f) const {
        require(f);
        return *opt_timestamp(f);
    }

    std::optional<std::chrono::year_month_day> opt_date(int f) const {
        auto v = opt_view(f);
        if (!v) return std::nullopt;
        auto d = parse_date(*v);
        if (!d) fail(at(f), "expected an ISO 8601 date (YYYY-MM-DD)");
        return d;
    }

    template <class E>
    OpenEnum<E> enumeration(int f) const {
        require(f);
        return OpenEnum<E>::parse(*opt_view(f));
    }

    // For an object- or array-valued field: is it given, and of the right kind?
    bool has_object(int f) const { return given_as(f, Kind::object, "expected an object"); }
    bool has_array(int f) const { return given_as(f, Kind::array, "expected an array"); }

private:
    bool given_as(int f, Kind kind, std::string_view problem) const {
        const Tok* t = find(f);
        if (t == nullptr) return false;
        if (t->kind != kind) fail(at(f), problem);
        return true;
    }

    const Toks<N>& toks_;
    const std::array<std::string_view, N>& names_;
    const Path& at_;
};

void read_leg(const LegToks& toks, const Path& at, TransactionLeg& leg) {
    const Fields r(toks.leg, leg_names, at);
    leg.leg_id = r.string(l_leg_id);
    leg.account_id = r.string(l_account_id);
    if (r.has_object(l_counterparty)) {
        const Path cp_at = r.at(l_counterparty);
        const Fields c(toks.counterparty, counterparty_names, cp_at);
        TransactionCounterparty& cp = leg.counterparty.emplace();
        cp.id = c.opt_string(c_id);
        cp.account_id = c.opt_string(c_account_id);
        cp.account_type = c.enumeration<CounterpartyAccountType>(c_account_type);
    }
    leg.amount = r.decimal(l_amount);
    leg.fee = r.opt_decimal(l_fee);
    leg.currency = r.string(l_currency);
    leg.bill_amount = r.opt_decimal(l_bill_amount);
    leg.bill_currency = r.opt_string(l_bill_currency);
    leg.description = r.opt_string(l_description);
    leg.balance = r.opt_decimal(l_balance);
}

void read(const Collected& in, const Path& at, TransactionCreated& t) {
    const Fields r(in.data, data_names, at);
    t.id = r.string(d_id);
    t.type = r.enumeration<TransactionType>(d_type);
    t.state = r.enumeration<TransactionState>(d_state);
    t.request_id = r.opt_string(d_request_id);
    t.reason_code = r.opt_string(d_reason_code);
    t.created_at = r.timestamp(d_created_at);
    t.updated_at = r.timestamp(d_updated_at);
    t.completed_at = r.opt_timestamp(d_completed_at);
    t.scheduled_for = r.opt_date(d_scheduled_for);
    t.reference = r.opt_string(d_reference);
    t.related_transaction_id = r.opt_string(d_related_transaction_id);
    r.require(d_legs);
    if (r.has_array(d_legs)) {
        const Path legs_at = r.at(d_legs);
        t.legs.resize(in.legs.size());
        for (std::size_t i = 0; i < in.legs.size(); ++i)
            read_leg(in.legs[i], Path{&legs_at, {}, i}, t.legs[i]);
    }
    if (r.has_object(d_merchant)) {
        const Path m_at = r.at(d_merchant);
        const Fields m(in.merchant, merchant_names, m_at);
        TransactionMerchant& merchant = t.merchant.emplace();
        merchant.id = m.opt_string(m_id);
        merchant.name = m.opt_string(m_name);
        merchant.city = m.opt_string(m_city);
        merchant.category_code = m.opt_string(m_category_code);
        merchant.country = m.opt_string(m_country);
    }
    if (r.has_object(d_card)) {
        const Path c_at = r.at(d_card);
        const Fields c(in.card, card_names, c_at);
        TransactionCard& card = t.card.emplace();
        card.id = c.opt_string(k_id);
        card.card_number = c.opt_string(k_card_number);
        card.first_name = c.opt_string(k_first_name);
        card.last_name = c.opt_string(k_last_name);
        card.phone = c.opt_string(k_phone);
        if (c.has_array(k_references)) {
            const Path refs_at = c.at(k_references);
            for (std::size_t i = 0; i < in.references.size(); ++i) {
                const Path ref_at{&refs_at, {}, i};
                const Fields ref(in.references[i], reference_names, ref_at);
                card.references.push_back(CardReference{ref.string(f_name), ref.string(f_value)});
            }
        }
    }
}

void read(const Collected& in, const Path& at, TransactionStateChanged& e) {
    const Fields r(in.data, data_names, at);
    e.id = r.string(d_id);
    e.request_id = r.opt_string(d_request_id);
    e.old_state = r.enumeration<TransactionState>(d_old_state);
    e.new_state = r.enumeration<TransactionState>(d_new_state);
}

void read(const Collected& in, const Path& at, PayoutLinkCreated& e) {
    const Fields r(in.data, data_names, at);
    e.id = r.string(d_id);
    e.state = r.enumeration<PayoutLinkState>(d_state);
    e.request_id = r.opt_string(d_request_id);
}

void read(const Collected& in, const Path& at, PayoutLinkStateChanged& e) {
    const Fields r(in.data, data_names, at);
    e.id = r.string(d_id);
    e.request_id = r.opt_string(d_request_id);
    e.old_state = r.enumeration<PayoutLinkState>(d_old_state);
    e.new_state = r.enumeration<PayoutLinkState>(d_new_state);
}

// The typed event; `unknown_data()` supplies the `data` value of an unknown event type.
template <class UnknownData>
Event build_event(const Collected& in, UnknownData&& unknown_data) {
    const Path root;
    const Fields<root_count> r(in.root, root_names, root);
    Event e;
    e.event = r.enumeration<WebhookEventType>(r_event);
    e.timestamp = r.timestamp(r_timestamp);
    const Path at = r.at(r_data);
    // A later duplicate "data" that is not an object must not leave an earlier one in force.
    if (e.event.is_known() && in.root.f[r_data].kind != Kind::object) fail(at, "expected an object");
    switch (e.event.value()) {
        // Filled in place: no moves of the (large) structs.
        case WebhookEventType::TransactionCreated:
            read(in, at, e.data.emplace<TransactionCreated>());
            break;
        case WebhookEventType::TransactionStateChanged:
            read(in, at, e.data.emplace<TransactionStateChanged>());
            break;
        case WebhookEventType::PayoutLinkCreated:
            read(in, at, e.data.emplace<PayoutLinkCreated>());
            break;
        case WebhookEventType::PayoutLinkStateChanged:
            read(in, at, e.data.emplace<PayoutLinkStateChanged>());
            break;
        case WebhookEventType::unknown:
            e.data = UnknownEvent{unknown_data()};
            break;
    }
    return e;
}

}  // namespace

Event parse_event(std::string_view body) {
    const Collected& collected = collect_body(body);
    Event e = build_event(collected, [&] {
        // Unknown event type (rare): its data is kept as a JSON value.
        boost::system::error_code ec2;
        json::value v = detail::parse_json_exact(body, ec2);
        json::value* data = v.is_object() ? v.get_object().if_contains("data") : nullptr;
        return data != nullptr ? json::value(std::move(*data)) : json::value(nullptr);
    });
    e.raw.assign(body.data(), body.size());
    return e;
}

Event event_from_json(const json::value& envelope) {
    Collected collected;
    std::deque<std::string> digits;
    collect_value(envelope, collected, digits);
    Event e = build_event(collected, [&] {
        const json::value* data =
            envelope.is_object() ? envelope.get_object().if_contains("data") : nullptr;
        // Copied into default storage: the caller's value may live in a short-lived arena.
        return data != nullptr ? json::value(*data, json::storage_ptr()) : json::value(nullptr);
    });
    e.raw = detail::serialize_json_exact(envelope);
    return e;
}

}  // namespace revolut::webhook
