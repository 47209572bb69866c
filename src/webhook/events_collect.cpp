// Webhook events, step 1: JSON text or value -> the tokens of every known field.
//
// Boost.JSON's basic_parser validates the body and a Collector records, for every field this
// library knows, what kind of JSON value it was and its text. An already parsed json::value
// (event_from_json) is walked into the same Collector, so both entry points share every rule
// and message of step 2 (events_parse.cpp).

#include "webhook/event_tokens.hpp"

#include <revolut/error.hpp>

#include "json/exact_json.hpp"

#include <boost/json/basic_parser_impl.hpp>

#include <charconv>
#include <functional>

namespace json = boost::json;

namespace revolut::webhook::event_tokens {
namespace {

// ---- collecting -------------------------------------------------------------------------------

// Receives a document as events (from the parser or from walking a json::value) and fills a
// Collected. Which object or array we are in is a small stack of frames.
class Collector {
public:
    Collected out;

    Collector() { stack_.reserve(detail::ExactJsonLimits{}.max_depth + 2); }

    // `input` is the text being parsed (views into it are kept without copying); empty when
    // every view handed in stays valid anyway (a json::value being walked).
    void reset(std::string_view input, bool views_are_stable) {
        out.clear();
        stack_.clear();
        copies_.clear();
        input_ = input;
        stable_ = views_are_stable;
    }

    void begin_container(bool is_object) {
        const Kind kind = is_object ? Kind::object : Kind::array;
        Frame child = is_object ? Frame::skip_object : Frame::skip_array;
        if (stack_.empty()) {
            out.root.reset(kind);
            if (is_object) child = Frame::root;
        } else {
            Entry& top = stack_.back();
            if (Tok* t = slot(kind)) t->kind = kind;
            switch (top.frame) {
                case Frame::root:
                    if (top.field == r_data && is_object) {
                        out.data.reset(kind);
                        out.legs.clear();
                        out.merchant = {};
                        out.card = {};
                        out.references.clear();
                        child = Frame::data;
                    }
                    break;
                case Frame::data:
                    if (top.field == d_legs && !is_object) {
                        out.legs.clear();
                        child = Frame::legs;
                    } else if (top.field == d_merchant && is_object) {
                        out.merchant.reset(kind);
                        child = Frame::merchant;
                    } else if (top.field == d_card && is_object) {
                        out.card.reset(kind);
                        out.references.clear();
                        child = Frame::card;
                    }
                    break;
                case Frame::legs:
                    out.legs.emplace_back();
                    out.legs.back().leg.self = kind;
                    if (is_object) child = Frame::leg;
                    break;
                case Frame::leg:
                    if (top.field == l_counterparty && is_object) {
                        out.legs.back().counterparty.reset(kind);
                        child = Frame::counterparty;
                    }
                    break;
                case Frame::card:
                    if (top.field == k_references && !is_object) {
                        out.references.clear();
                        child = Frame::references;
                    }
                    break;
                case Frame::references:
                    out.references.emplace_back();
                    out.references.back().self = kind;
                    if (is_object) child = Frame::reference;
                    break;
                default:
                    break;
            }
        }
        stack_.push_back(Entry{child, -1});
    }

    void end_container() { stack_.pop_back(); }

    void key(std::string_view k) {
        Entry& top = stack_.back();
        switch (top.frame) {
            case Frame::root: top.field = field_index(root_names, k); break;
            case Frame::data: top.field = field_index(data_names, k); break;
            case Frame::leg: top.field = field_index(leg_names, k); break;
            case Frame::counterparty: top.field = field_index(counterparty_names, k); break;
            case Frame::merchant: top.field = field_index(merchant_names, k); break;
            case Frame::card: top.field = field_index(card_names, k); break;
            case Frame::reference: top.field = field_index(reference_names, k); break;
            default: break;
        }
    }

    // A scalar; `text` is the string's contents or the number's source text.
    void scalar(Kind kind, std::string_view text = {}) {
        if (Tok* t = slot(kind)) {
            t->kind = kind;
            if (kind == Kind::string || kind == Kind::number) {
                const std::string_view kept = keep(text);
                t->data = kept.data();
                t->size = static_cast<std::uint32_t>(kept.size());  // input is at most 16 MiB
            }
        }
    }

private:
    enum class Frame : std::uint8_t {
        root, data, legs, leg, counterparty, merchant, card, references, reference,
        skip_object, skip_array
    };
    struct Entry {
        Frame frame;
        int field;  // index of the current key in an object frame, -1 for an unknown key
    };

    // Where the value about to arrive is recorded, or nullptr when nobody asks for it. A
    // non-object element of an array of objects is recorded as that element's kind.
    Tok* slot(Kind kind) {
        if (stack_.empty()) {
            out.root.self = kind;
            return nullptr;
        }
        Entry& top = stack_.back();
        const int i = top.field;
        switch (top.frame) {
            case Frame::root: return i >= 0 ? &out.root.f[i] : nullptr;
            case Frame::data: return i >= 0 ? &out.data.f[i] : nullptr;
            case Frame::leg: return i >= 0 ? &out.legs.back().leg.f[i] : nullptr;
            case Frame::counterparty: return i >= 0 ? &out.legs.back().counterparty.f[i] : nullptr;
            case Frame::merchant: return i >= 0 ? &out.merchant.f[i] : nullptr;
            case Frame::card: return i >= 0 ? &out.card.f[i] : nullptr;
            case Frame::reference: return i >= 0 ? &out.references.back().f[i] : nullptr;
            case Frame::legs:
                if (kind != Kind::object && kind != Kind::array) {
                    out.legs.emplace_back();
                    out.legs.back().leg.self = kind;
                }
                return nullptr;
            case Frame::references:
                if (kind != Kind::object && kind != Kind::array) {
                    out.references.emplace_back();
                    out.references.back().self = kind;
                }
                return nullptr;
            default: return nullptr;
        }
    }

    // A view that outlives the callback: into the input when it points there, else a copy.
    std::string_view keep(std::string_view s) {
        const std::less_equal<> le;  // a total order for pointers, even across unrelated objects
        if (stable_ || (le(input_.data(), s.data()) &&
                        le(s.data() + s.size(), input_.data() + input_.size())))
            return s;
        return copies_.emplace_back(s);
    }

    std::vector<Entry> stack_;
    std::deque<std::string> copies_;  // stable addresses; used only for escaped strings
    std::string_view input_;
    bool stable_ = false;
};

// Boost.JSON basic_parser handler feeding a Collector. Pieces of split strings, keys and
// numbers (escapes, or input given in parts) are assembled in `pending_`.
struct ParseHandler {
    static constexpr std::size_t max_object_size = json::object::max_size();
    static constexpr std::size_t max_array_size = json::array::max_size();
    static constexpr std::size_t max_key_size = json::string::max_size();
    static constexpr std::size_t max_string_size = json::string::max_size();

    Collector c;
    std::string pending_;

    std::string_view whole(json::string_view s) {
        if (pending_.empty()) return {s.data(), s.size()};
        pending_.append(s.data(), s.size());
        return pending_;
    }
    bool part(json::string_view s) {
        pending_.append(s.data(), s.size());
        return true;
    }
    template <class F>
    bool finish(json::string_view s, F&& f) {
        f(whole(s));
        pending_.clear();
        return true;
    }

    bool on_document_begin(json::error_code&) { return true; }
    bool on_document_end(json::error_code&) { return true; }
    bool on_object_begin(json::error_code&) { c.begin_container(true); return true; }
    bool on_object_end(std::size_t, json::error_code&) { c.end_container(); return true; }
    bool on_array_begin(json::error_code&) { c.begin_container(false); return true; }
    bool on_array_end(std::size_t, json::error_code&) { c.end_container(); return true; }
    bool on_key_part(json::string_view s, std::size_t, json::error_code&) { return part(s); }
    bool on_key(json::string_view s, std::size_t, json::error_code&) {
        return finish(s, [&](std::string_view k) { c.key(k); });
    }
    bool on_string_part(json::string_view s, std::size_t, json::error_code&) { return part(s); }
    bool on_string(json::string_view s, std::size_t, json::error_code&) {
        return finish(s, [&](std::string_view v) { c.scalar(Kind::string, v); });
    }
    bool on_number_part(json::string_view s, json::error_code&) { return part(s); }
    bool on_int64(std::int64_t, json::string_view s, json::error_code&) { return number(s); }
    bool on_uint64(std::uint64_t, json::string_view s, json::error_code&) { return number(s); }
    bool on_double(double, json::string_view s, json::error_code&) { return number(s); }
    bool on_bool(bool, json::error_code&) { c.scalar(Kind::boolean); return true; }
    bool on_null(json::error_code&) { c.scalar(Kind::null); return true; }
    bool on_comment_part(json::string_view, json::error_code&) { return true; }
    bool on_comment(json::string_view, json::error_code&) { return true; }

    bool number(json::string_view s) {
        return finish(s, [&](std::string_view v) { c.scalar(Kind::number, v); });
    }
};

// Feeds a json::value to a Collector as the parser would. Integers need text: they are
// formatted into `digits`, whose strings stay put (deque). Nesting is limited as for text.
void walk(const json::value& v, Collector& c, std::deque<std::string>& digits,
          std::size_t depth = 0) {
    if ((v.is_array() || v.is_object()) && depth >= detail::ExactJsonLimits{}.max_depth)
        throw Error(make_error_code(Errc::invalid_response),
                    "webhook event: JSON nested deeper than 64 levels");
    auto integer = [&](auto i) {
        char buf[24];
        const auto r = std::to_chars(buf, buf + sizeof buf, i);
        c.scalar(Kind::number, digits.emplace_back(buf, r.ptr));
    };
    switch (v.kind()) {
        case json::kind::null: c.scalar(Kind::null); break;
        case json::kind::bool_: c.scalar(Kind::boolean); break;
        case json::kind::int64: integer(v.get_int64()); break;
        case json::kind::uint64: integer(v.get_uint64()); break;
        case json::kind::double_: c.scalar(Kind::double_); break;
        case json::kind::string:
            if (detail::is_exact_number(v)) {
                c.scalar(Kind::number, detail::exact_number_text(v));
            } else {
                const json::string& s = v.get_string();
                c.scalar(Kind::string, std::string_view(s.data(), s.size()));
            }
            break;
        case json::kind::array:
            c.begin_container(false);
            for (const json::value& e : v.get_array()) walk(e, c, digits, depth + 1);
            c.end_container();
            break;
        case json::kind::object:
            c.begin_container(true);
            for (const json::key_value_pair& kv : v.get_object()) {
                c.key(std::string_view(kv.key().data(), kv.key().size()));
                walk(kv.value(), c, digits, depth + 1);
            }
            c.end_container();
            break;
    }
}

// The parser and collector are kept per thread: their stacks and vectors keep their capacity,
// so a warm parse allocates only what the Event itself owns.
json::basic_parser<ParseHandler>& thread_parser() {
    thread_local json::basic_parser<ParseHandler> parser = [] {
        json::parse_options opts;
        opts.max_depth = detail::ExactJsonLimits{}.max_depth;
        return json::basic_parser<ParseHandler>(opts);
    }();
    return parser;
}

}  // namespace

const Collected& collect_body(std::string_view body) {
    if (body.size() > detail::ExactJsonLimits{}.max_size)
        throw Error(make_error_code(Errc::body_not_json), "webhook body is larger than 16 MiB");
    json::basic_parser<ParseHandler>& parser = thread_parser();
    parser.reset();
    ParseHandler& h = parser.handler();
    h.pending_.clear();
    h.c.reset(body, false);
    boost::system::error_code ec;
    const std::size_t n = parser.write_some(false, body.data(), body.size(), ec);
    if (!ec && n < body.size()) ec = json::error::extra_data;
    if (!ec && !parser.done()) ec = json::error::incomplete;  // guard; more == false
    if (ec) throw Error(make_error_code(Errc::body_not_json), "webhook body is not JSON: " + ec.message());
    return h.c.out;
}

void collect_value(const json::value& envelope, Collected& out, std::deque<std::string>& digits) {
    Collector c;
    c.reset({}, true);
    walk(envelope, c, digits);
    out = std::move(c.out);  // views point into `envelope` or `digits`, never into `c`
}

}  // namespace revolut::webhook::event_tokens
