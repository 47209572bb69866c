// Webhook events, writing: typed structs -> compact exact JSON, keeping whatever the
// received envelope (Event::raw) had that the typed fields do not cover.

#include <revolut/webhook/events.hpp>

#include "json/exact_json.hpp"

#include <boost/json/value_from.hpp>

#include <cstdio>
#include <type_traits>

namespace json = boost::json;

namespace revolut::webhook {
namespace {

// ---- writing -------------------------------------------------------------------------------

// Builds objects in insertion order, skipping absent optionals.
class Writer {
public:
    Writer& set(std::string_view key, json::value v) {
        obj_.emplace(json::string_view(key.data(), key.size()), std::move(v));
        return *this;
    }
    Writer& str(std::string_view key, std::string_view s) {
        return set(key, json::string(json::string_view(s.data(), s.size())));
    }
    Writer& str(std::string_view key, const std::string& s) { return str(key, std::string_view(s)); }
    Writer& str(std::string_view key, const std::optional<std::string>& s) {
        return s ? str(key, std::string_view(*s)) : *this;
    }
    Writer& num(std::string_view key, const Decimal& d) { return set(key, json::value_from(d)); }
    Writer& num(std::string_view key, const std::optional<Decimal>& d) {
        return d ? num(key, *d) : *this;
    }
    Writer& time(std::string_view key, Timestamp t) { return str(key, format_timestamp(t)); }
    Writer& time(std::string_view key, const std::optional<Timestamp>& t) {
        return t ? time(key, *t) : *this;
    }
    template <class E>
    Writer& enumeration(std::string_view key, const OpenEnum<E>& e) {
        return str(key, e.str());
    }
    json::object take() { return std::move(obj_); }

private:
    json::object obj_;
};

std::string format_date(const std::chrono::year_month_day& d) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(d.year()),
                  static_cast<unsigned>(d.month()), static_cast<unsigned>(d.day()));
    return buf;
}

json::object to_json(const TransactionCounterparty& c) {
    Writer w;
    w.str("id", c.id).str("account_id", c.account_id).enumeration("account_type", c.account_type);
    return w.take();
}

json::object to_json(const TransactionLeg& l) {
    Writer w;
    w.str("leg_id", l.leg_id).str("account_id", l.account_id);
    if (l.counterparty) w.set("counterparty", to_json(*l.counterparty));
    w.num("amount", l.amount)
        .num("fee", l.fee)
        .str("currency", l.currency)
        .num("bill_amount", l.bill_amount)
        .str("bill_currency", l.bill_currency)
        .str("description", l.description)
        .num("balance", l.balance);
    return w.take();
}

json::object to_json(const TransactionMerchant& m) {
    Writer w;
    w.str("id", m.id).str("name", m.name).str("city", m.city);
    w.str("category_code", m.category_code).str("country", m.country);
    return w.take();
}

json::object to_json(const TransactionCard& c) {
    Writer w;
    w.str("id", c.id).str("card_number", c.card_number).str("first_name", c.first_name);
    w.str("last_name", c.last_name).str("phone", c.phone);
    if (!c.references.empty()) {
        json::array refs;
        for (const CardReference& r : c.references) {
            Writer rw;
            rw.str("name", r.name).str("value", r.value);
            refs.emplace_back(rw.take());
        }
        w.set("references", std::move(refs));
    }
    return w.take();
}

json::value to_json(const TransactionCreated& t) {
    Writer w;
    w.str("id", t.id).enumeration("type", t.type).enumeration("state", t.state);
    w.str("request_id", t.request_id).str("reason_code", t.reason_code);
    w.time("created_at", t.created_at).time("updated_at", t.updated_at);
    w.time("completed_at", t.completed_at);
    if (t.scheduled_for) w.str("scheduled_for", format_date(*t.scheduled_for));
    w.str("reference", t.reference).str("related_transaction_id", t.related_transaction_id);
    json::array legs;
    legs.reserve(t.legs.size());
    for (const TransactionLeg& l : t.legs) legs.emplace_back(to_json(l));
    w.set("legs", std::move(legs));
    if (t.merchant) w.set("merchant", to_json(*t.merchant));
    if (t.card) w.set("card", to_json(*t.card));
    return w.take();
}

json::value to_json(const TransactionStateChanged& e) {
    Writer w;
    w.str("id", e.id).str("request_id", e.request_id);
    w.enumeration("old_state", e.old_state).enumeration("new_state", e.new_state);
    return w.take();
}

json::value to_json(const PayoutLinkCreated& e) {
    Writer w;
    w.str("id", e.id).enumeration("state", e.state).str("request_id", e.request_id);
    return w.take();
}

json::value to_json(const PayoutLinkStateChanged& e) {
    Writer w;
    w.str("id", e.id).str("request_id", e.request_id);
    w.enumeration("old_state", e.old_state).enumeration("new_state", e.new_state);
    return w.take();
}

json::value to_json(const UnknownEvent& e) { return e.data; }

// Adds to `typed` whatever `raw` has that `typed` lacks, recursively through objects and
// through arrays of equal length. Typed values win.
void fill_from_raw(json::value& typed, const json::value& raw);

void fill_from_raw(json::object& typed, const json::object& raw) {
    for (const json::key_value_pair& kv : raw) {
        if (json::value* existing = typed.if_contains(kv.key()))
            fill_from_raw(*existing, kv.value());
        else
            typed.emplace(kv.key(), kv.value());
    }
}

void fill_from_raw(json::value& typed, const json::value& raw) {
    if (json::object* t = typed.if_object()) {
        if (const json::object* r = raw.if_object()) fill_from_raw(*t, *r);
    } else if (json::array* t = typed.if_array()) {
        const json::array* r = raw.if_array();
        if (r == nullptr || r->size() != t->size()) return;
        for (std::size_t i = 0; i < t->size(); ++i) fill_from_raw((*t)[i], (*r)[i]);
    }
}


}  // namespace

json::value Event::raw_json() const {
    if (raw.empty()) return nullptr;
    boost::system::error_code ec;
    json::value v = detail::parse_json_exact(raw, ec);
    return ec ? json::value(nullptr) : v;
}

std::string_view event_name(const EventData& data) noexcept {
    // holds_alternative rather than std::visit, which may throw (valueless variant).
    if (std::holds_alternative<TransactionCreated>(data))
        return to_string(WebhookEventType::TransactionCreated);
    if (std::holds_alternative<TransactionStateChanged>(data))
        return to_string(WebhookEventType::TransactionStateChanged);
    if (std::holds_alternative<PayoutLinkCreated>(data))
        return to_string(WebhookEventType::PayoutLinkCreated);
    if (std::holds_alternative<PayoutLinkStateChanged>(data))
        return to_string(WebhookEventType::PayoutLinkStateChanged);
    return {};
}

Event make_event(EventData data, Timestamp timestamp) {
    Event e;
    e.event = WebhookEvent::parse(event_name(data));
    e.timestamp = timestamp;
    e.data = std::move(data);
    return e;
}


std::string serialize_event(const Event& e) {
    std::string_view name = event_name(e.data);
    if (name.empty()) name = e.event.str();
    json::value out = json::object{};
    json::object& o = out.get_object();
    o.emplace("event", json::string(json::string_view(name.data(), name.size())));
    o.emplace("timestamp", format_timestamp(e.timestamp));
    o.emplace("data", std::visit([](const auto& d) { return json::value(to_json(d)); }, e.data));
    if (!e.raw.empty()) {
        const json::value raw = e.raw_json();
        if (const json::object* r = raw.if_object()) fill_from_raw(o, *r);
    }
    return detail::serialize_json_exact(out);
}

}  // namespace revolut::webhook
