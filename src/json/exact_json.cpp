// parse_json_exact: Boost.JSON's basic_parser with a handler that keeps non-integer numbers
// as exact text (see exact_json.hpp), and the matching serializer.

#include "json/exact_json.hpp"

#include <revolut/error.hpp>

#include <boost/json/basic_parser_impl.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/value_stack.hpp>

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <limits>
#include <new>

namespace json = boost::json;

namespace revolut::detail {
namespace {

// Same as Boost.JSON's own parser handler (detail/handler.hpp) except on_double.
struct ExactHandler {
    static constexpr std::size_t max_object_size = json::object::max_size();
    static constexpr std::size_t max_array_size = json::array::max_size();
    static constexpr std::size_t max_key_size = json::string::max_size();
    static constexpr std::size_t max_string_size = json::string::max_size();

    json::value_stack st;
    std::string number_prefix;  // number text delivered by on_number_part (split input only)

    explicit ExactHandler(json::storage_ptr sp) : st(std::move(sp)) {}

    bool on_document_begin(json::error_code&) { return true; }
    bool on_document_end(json::error_code&) { return true; }
    bool on_object_begin(json::error_code&) { return true; }
    bool on_object_end(std::size_t n, json::error_code&) {
        st.push_object(n);
        return true;
    }
    bool on_array_begin(json::error_code&) { return true; }
    bool on_array_end(std::size_t n, json::error_code&) {
        st.push_array(n);
        return true;
    }
    bool on_key_part(json::string_view s, std::size_t, json::error_code&) {
        st.push_chars(s);
        return true;
    }
    bool on_key(json::string_view s, std::size_t, json::error_code&) {
        st.push_key(s);
        return true;
    }
    bool on_string_part(json::string_view s, std::size_t, json::error_code&) {
        st.push_chars(s);
        return true;
    }
    bool on_string(json::string_view s, std::size_t, json::error_code&) {
        st.push_string(s);
        return true;
    }
    bool on_number_part(json::string_view s, json::error_code&) {
        number_prefix.append(s.data(), s.size());
        return true;
    }
    bool on_int64(std::int64_t i, json::string_view, json::error_code&) {
        number_prefix.clear();
        st.push_int64(i);
        return true;
    }
    bool on_uint64(std::uint64_t u, json::string_view, json::error_code&) {
        number_prefix.clear();
        st.push_uint64(u);
        return true;
    }
    // The parser's double is discarded: the source text is the value.
    bool on_double(double, json::string_view s, json::error_code&) {
        const char tag = exact_number_tag;
        st.push_chars(json::string_view(&tag, 1));
        if (!number_prefix.empty()) {
            st.push_chars(number_prefix);
            number_prefix.clear();
        }
        st.push_string(s);
        return true;
    }
    bool on_bool(bool b, json::error_code&) {
        st.push_bool(b);
        return true;
    }
    bool on_null(json::error_code&) {
        st.push_null();
        return true;
    }
    bool on_comment_part(json::string_view, json::error_code&) { return true; }
    bool on_comment(json::string_view, json::error_code&) { return true; }
};

void append_escaped(std::string& out, std::string_view s) {
    static constexpr char hex[] = "0123456789abcdef";
    out += '"';
    std::size_t run = 0;  // start of the current run of bytes that need no escaping
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c >= 0x20 && c != '"' && c != '\\') continue;
        out.append(s.data() + run, i - run);
        run = i + 1;
        out += '\\';
        switch (c) {
            case '"': out += '"'; break;
            case '\\': out += '\\'; break;
            case '\b': out += 'b'; break;
            case '\f': out += 'f'; break;
            case '\n': out += 'n'; break;
            case '\r': out += 'r'; break;
            case '\t': out += 't'; break;
            default:
                out += "u00";
                out += hex[c >> 4];
                out += hex[c & 0xF];
        }
    }
    out.append(s.data() + run, s.size() - run);
    out += '"';
}

template <class Int>
void append_integer(std::string& out, Int v) {
    char buf[24];
    auto r = std::to_chars(buf, buf + sizeof buf, v);
    out.append(buf, r.ptr);
}

}  // namespace

namespace {

// A parser kept per thread: its value stack and its number buffer keep their capacity, so a
// parse into a caller-provided arena allocates nothing once warm.
class ExactParser {
public:
    explicit ExactParser(std::size_t max_depth)
        : parser_(options(max_depth), json::storage_ptr()) {}

    json::value parse(std::string_view text, boost::system::error_code& ec,
                      json::storage_ptr sp) {
        parser_.reset();
        parser_.handler().number_prefix.clear();
        parser_.handler().st.reset(std::move(sp));
        const std::size_t n = parser_.write_some(false, text.data(), text.size(), ec);
        if (!ec && n < text.size()) ec = json::error::extra_data;
        if (!ec && !parser_.done()) ec = json::error::incomplete;  // guard; more == false
        if (ec) {
            // Destroy partial values now, while the caller's memory resource still exists.
            parser_.handler().st.reset();
            parser_.reset();
            return nullptr;
        }
        return parser_.handler().st.release();
    }

private:
    static json::parse_options options(std::size_t max_depth) {
        json::parse_options opts;
        opts.max_depth = max_depth;
        return opts;
    }

    json::basic_parser<ExactHandler> parser_;
};

}  // namespace

json::value parse_json_exact(std::string_view text, boost::system::error_code& ec,
                             const ExactJsonLimits& limits, json::storage_ptr sp) {
    ec = {};
    if (text.size() > limits.max_size) {
        ec = json::error::string_too_large;
        return nullptr;
    }
    if (limits.max_depth == ExactJsonLimits{}.max_depth) {
        thread_local ExactParser parser(ExactJsonLimits{}.max_depth);
        return parser.parse(text, ec, std::move(sp));
    }
    ExactParser parser(limits.max_depth);
    return parser.parse(text, ec, std::move(sp));
}

namespace {

// Bump allocation from a few growing blocks while the tree is built; sealed afterwards, when
// new allocations go to the heap so that the finished tree can be copied from any thread.
// Memory from the blocks is only released with the arena, when the last value using it goes.
class ParseArena final : public json::memory_resource {
public:
    ParseArena(std::size_t first_block, ParseArena** self) : next_size_(first_block) { *self = this; }
    ~ParseArena() override {
        while (head_ != nullptr) {
            Block* next = head_->next;
            ::operator delete(head_);
            head_ = next;
        }
    }
    ParseArena(const ParseArena&) = delete;
    ParseArena& operator=(const ParseArena&) = delete;

    void seal() noexcept { sealed_ = true; }

private:
    struct Block {
        Block* next;
        std::size_t size;  // bytes of storage after the header
    };
    static constexpr std::size_t header = (sizeof(Block) + alignof(std::max_align_t) - 1) &
                                          ~(alignof(std::max_align_t) - 1);

    void* do_allocate(std::size_t n, std::size_t align) override {
        if (sealed_) return ::operator new(n, std::align_val_t(align));
        std::size_t pad = padding(cursor_, align);
        if (cursor_ == nullptr || pad + n > static_cast<std::size_t>(end_ - cursor_)) {
            grow(n + align);
            pad = padding(cursor_, align);
        }
        char* p = cursor_ + pad;
        cursor_ = p + n;
        return p;
    }

    // Bytes to skip from `p` to the next multiple of `align` (a power of two).
    static std::size_t padding(const char* p, std::size_t align) noexcept {
        return (align - reinterpret_cast<std::uintptr_t>(p) % align) % align;
    }

    // The unsized form: clang 14 declares sized deallocation only with -fsized-deallocation.
    void do_deallocate(void* p, std::size_t /*n*/, std::size_t align) override {
        if (!owns(p)) ::operator delete(p, std::align_val_t(align));
    }

    bool do_is_equal(const json::memory_resource& other) const noexcept override { return this == &other; }

    void grow(std::size_t at_least) {
        const std::size_t size = std::max(next_size_, at_least);
        auto* block = static_cast<Block*>(::operator new(header + size));
        block->next = head_;
        block->size = size;
        head_ = block;
        cursor_ = reinterpret_cast<char*>(block) + header;
        end_ = cursor_ + size;
        next_size_ = size * 2;
    }

    bool owns(const void* p) const noexcept {
        const auto address = reinterpret_cast<std::uintptr_t>(p);
        for (const Block* b = head_; b != nullptr; b = b->next) {
            const auto start = reinterpret_cast<std::uintptr_t>(b) + header;
            if (address >= start && address < start + b->size) return true;
        }
        return false;
    }

    Block* head_ = nullptr;
    char* cursor_ = nullptr;
    char* end_ = nullptr;
    std::size_t next_size_;
    bool sealed_ = false;
};

}  // namespace

json::value parse_json_exact_in_arena(std::string_view text, boost::system::error_code& ec) {
    // A tree takes about three times its text (value slots, object tables, string headers).
    const std::size_t first_block = std::clamp<std::size_t>(text.size() * 3, 1024, 4 * 1024 * 1024);
    ParseArena* arena = nullptr;
    json::storage_ptr sp = json::make_shared_resource<ParseArena>(first_block, &arena);
    json::value v = parse_json_exact(text, ec, {}, sp);
    arena->seal();
    return v;
}

bool is_exact_number(const json::value& v) noexcept {
    const json::string* s = v.if_string();
    return s != nullptr && !s->empty() && (*s)[0] == exact_number_tag;
}

std::string_view exact_number_text(const json::value& v) noexcept {
    if (!is_exact_number(v)) return {};
    const json::string& s = v.get_string();
    return {s.data() + 1, s.size() - 1};
}

json::value make_exact_number(std::string_view number_text, json::storage_ptr sp) {
    json::string s(std::move(sp));
    s.reserve(number_text.size() + 1);
    s.push_back(exact_number_tag);
    s.append(json::string_view(number_text.data(), number_text.size()));
    // Not `return {std::move(s)}`: braces would pick json::value's initializer-list
    // constructor and make an array.
    return json::value(std::move(s));  // NOLINT(modernize-return-braced-init-list)
}

namespace {

// Recursion depth allowed when serializing: far beyond anything parse_json_exact produces,
// small enough that a hostile hand-built value cannot exhaust the stack.
constexpr std::size_t max_serialize_depth = 1024;

void serialize(const json::value& v, std::string& out, std::size_t depth) {
    if (depth > max_serialize_depth)
        throw Error(make_error_code(Errc::invalid_argument), "JSON value nested too deeply to serialize");
    switch (v.kind()) {
        case json::kind::null: out += "null"; return;
        case json::kind::bool_: out += v.get_bool() ? "true" : "false"; return;
        case json::kind::int64: append_integer(out, v.get_int64()); return;
        case json::kind::uint64: append_integer(out, v.get_uint64()); return;
        case json::kind::double_: out += json::serialize(v); return;
        case json::kind::string:
            if (is_exact_number(v)) {
                out += exact_number_text(v);
            } else {
                const json::string& s = v.get_string();
                append_escaped(out, std::string_view(s.data(), s.size()));
            }
            return;
        case json::kind::array: {
            out += '[';
            bool first = true;
            for (const json::value& e : v.get_array()) {
                if (!first) out += ',';
                first = false;
                serialize(e, out, depth + 1);
            }
            out += ']';
            return;
        }
        case json::kind::object: {
            out += '{';
            bool first = true;
            for (const json::key_value_pair& kv : v.get_object()) {
                if (!first) out += ',';
                first = false;
                append_escaped(out, std::string_view(kv.key().data(), kv.key().size()));
                out += ':';
                serialize(kv.value(), out, depth + 1);
            }
            out += '}';
            return;
        }
    }
}

}  // namespace

void serialize_json_exact(const json::value& v, std::string& out) { serialize(v, out, 0); }

std::string serialize_json_exact(const json::value& v) {
    std::string out;
    serialize_json_exact(v, out);
    return out;
}

}  // namespace revolut::detail

namespace revolut {

std::optional<Decimal> decimal_from_json(const json::value& v) noexcept {
    switch (v.kind()) {
        case json::kind::int64:
            if (v.get_int64() == std::numeric_limits<std::int64_t>::min()) return std::nullopt;
            return Decimal(v.get_int64());
        case json::kind::uint64:
            if (v.get_uint64() > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))
                return std::nullopt;
            return Decimal(static_cast<std::int64_t>(v.get_uint64()));
        case json::kind::string:
            if (!detail::is_exact_number(v)) return std::nullopt;
            return Decimal::try_parse(detail::exact_number_text(v));
        default:
            return std::nullopt;
    }
}

std::string serialize_json(const json::value& v) { return detail::serialize_json_exact(v); }

void tag_invoke(const json::value_from_tag&, json::value& v, const Decimal& d) {
    if (d.scale() == 0) {
        v = d.coefficient();
    } else {
        v = detail::make_exact_number(d.to_string(), v.storage());
    }
}

Decimal tag_invoke(const json::value_to_tag<Decimal>&, const json::value& v) {
    if (auto d = decimal_from_json(v)) return *d;
    throw Error(make_error_code(Errc::invalid_response),
                v.is_double() ? "expected an exact number, got a double (parse with the exact "
                                "JSON parser)"
                              : "expected a number that fits a Decimal");
}

}  // namespace revolut
