// Fuzzes the exact JSON parser every typed response and webhook body goes through, against
// Boost.JSON's own parser as the oracle.
// Input: the JSON text.
// Invariants: both parsers accept the same documents (same depth limit); the trees agree
// except that every non-integer number is exact text where Boost.JSON has a double;
// serialize_json_exact writes text that parses back to an equal tree, and is a fixed point.

#include "fuzz_support.hpp"

#include "json/exact_json.hpp"

#include <revolut/money.hpp>

#include <boost/json/monotonic_resource.hpp>
#include <boost/json/parse.hpp>

#include <cmath>
#include <cstdlib>
#include <string>

namespace {

namespace json = boost::json;
using namespace revolut::detail;

// `exact` (from parse_json_exact) and `plain` (from json::parse) describe the same document.
bool agree(const json::value& exact, const json::value& plain) {
    if (plain.is_double()) {
        if (!is_exact_number(exact)) return false;
        // The exact text is the number the double approximates (Boost.JSON 1.81 may round
        // the last bit differently from strtod).
        const double reread = std::strtod(std::string(exact_number_text(exact)).c_str(), nullptr);
        const double d = plain.get_double();
        // Boost.JSON 1.81 reads "0e400" (zero with a huge exponent) as NaN; the exact text
        // is right, so only Boost's raw value is wrong there.
        if (std::isnan(d)) return true;
        return reread == d || std::fabs(reread - d) <= 4 * std::fabs(std::nextafter(d, 0.0) - d);
    }
    if (exact.kind() != plain.kind()) return false;
    switch (plain.kind()) {
        case json::kind::array: {
            const auto& a = exact.get_array();
            const auto& b = plain.get_array();
            if (a.size() != b.size()) return false;
            for (std::size_t i = 0; i < a.size(); ++i)
                if (!agree(a[i], b[i])) return false;
            return true;
        }
        case json::kind::object: {
            const auto& a = exact.get_object();
            const auto& b = plain.get_object();
            if (a.size() != b.size()) return false;
            auto ia = a.begin();
            for (auto ib = b.begin(); ib != b.end(); ++ia, ++ib)
                if (ia->key() != ib->key() || !agree(ia->value(), ib->value())) return false;
            return true;
        }
        default: return exact == plain;
    }
}

void read_numbers(const json::value& v) {
    if (const auto* a = v.if_array()) {
        for (const auto& e : *a) read_numbers(e);
    } else if (const auto* o = v.if_object()) {
        for (const auto& kv : *o) read_numbers(kv.value());
    } else {
        (void)revolut::decimal_from_json(v);
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);

    json::monotonic_resource arena;
    boost::system::error_code ec;
    const json::value exact = parse_json_exact(text, ec, {}, &arena);

    json::parse_options options;
    options.max_depth = ExactJsonLimits{}.max_depth;
    boost::system::error_code plain_ec;
    const json::value plain = json::parse(text, plain_ec, {}, options);
    FUZZ_CHECK(!ec == !plain_ec);
    if (ec) {
        FUZZ_CHECK(exact.is_null());
        return 0;
    }
    FUZZ_CHECK(agree(exact, plain));
    read_numbers(exact);

    const std::string written = serialize_json_exact(exact);
    boost::system::error_code again_ec;
    const json::value again = parse_json_exact(written, again_ec);
    FUZZ_CHECK(!again_ec);
    FUZZ_CHECK(again == exact);
    FUZZ_CHECK(serialize_json_exact(again) == written);
    return 0;
}
