#include <catch2/catch.hpp>

#include "json/exact_json.hpp"

#include <revolut/error.hpp>
#include <revolut/money.hpp>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/value_from.hpp>
#include <boost/json/value_to.hpp>

#include <random>
#include <string>

namespace json = boost::json;
using revolut::Decimal;
using revolut::detail::exact_number_text;
using revolut::detail::is_exact_number;
using revolut::detail::parse_json_exact;
using revolut::detail::serialize_json_exact;

namespace {

json::value parse_ok(std::string_view text) {
    boost::system::error_code ec;
    json::value v = parse_json_exact(text, ec);
    INFO(text);
    REQUIRE_FALSE(ec);
    return v;
}

boost::system::error_code parse_error(std::string_view text,
                                      const revolut::detail::ExactJsonLimits& limits = {}) {
    boost::system::error_code ec;
    json::value v = parse_json_exact(text, ec, limits);
    CHECK(v.is_null());
    return ec;
}

}  // namespace

TEST_CASE("parse_json_exact keeps fractions and exponents as their source text", "[json]") {
    const json::value v = parse_ok(R"({"a":10.50,"b":-1e2,"c":0.1,"d":1.0E-7,"e":[2.5]})");
    const json::object& o = v.as_object();
    CHECK(is_exact_number(o.at("a")));
    CHECK(exact_number_text(o.at("a")) == "10.50");
    CHECK(exact_number_text(o.at("b")) == "-1e2");
    CHECK(exact_number_text(o.at("c")) == "0.1");
    CHECK(exact_number_text(o.at("d")) == "1.0E-7");
    CHECK(exact_number_text(o.at("e").as_array()[0]) == "2.5");
    CHECK(Decimal::parse(exact_number_text(o.at("a"))).to_string() == "10.50");
}

TEST_CASE("parse_json_exact keeps integers as int64 or uint64, and huge ones as text", "[json]") {
    const json::value v =
        parse_ok(R"([0,-7,9223372036854775807,18446744073709551615,123456789012345678901234567890])");
    const json::array& a = v.as_array();
    CHECK(a[0].is_int64());
    CHECK(a[1].as_int64() == -7);
    CHECK(a[2].as_int64() == 9223372036854775807);
    CHECK(a[3].as_uint64() == 18446744073709551615u);
    CHECK(exact_number_text(a[4]) == "123456789012345678901234567890");
}

TEST_CASE("parse_json_exact leaves strings, even number-like ones, as strings", "[json]") {
    const json::value v = parse_ok(R"({"s":"10.50","t":"\u00ff","u":""})");
    CHECK_FALSE(is_exact_number(v.at("s")));
    CHECK_FALSE(is_exact_number(v.at("t")));  // U+00FF is C3 BF in UTF-8, never a bare 0xFF
    CHECK_FALSE(is_exact_number(v.at("u")));
    CHECK(exact_number_text(v.at("s")).empty());
    CHECK_FALSE(revolut::decimal_from_json(v.at("s")).has_value());
}

TEST_CASE("parse_json_exact refuses malformed input with an error, never a crash", "[json]") {
    for (const char* bad :
         {"", " ", "{", "}", "[1,]", "{\"a\":1,}", "{'a':1}", "[01]", "[1.]", "[.5]", "[-]",
          "[1e]", "nul", "tru", "[NaN]", "{\"a\" 1}", "\"\\x\"", "[\"\\ud800\"]", "{} {}",
          "[1] x", "/*c*/1", "[1,2", "\"abc", "\"\xff\"", "\"\xc3\"", "[\"\x01\"]"}) {
        INFO(bad);
        CHECK(parse_error(bad));
    }
}

TEST_CASE("parse_json_exact enforces its depth and size limits", "[json]") {
    revolut::detail::ExactJsonLimits limits;
    limits.max_depth = 4;
    boost::system::error_code ec;
    CHECK(parse_json_exact("[[[[1]]]]", ec, limits).is_array());
    CHECK_FALSE(ec);
    CHECK(parse_error("[[[[[1]]]]]", limits) == json::error::too_deep);
    limits = {};
    limits.max_size = 8;
    CHECK(parse_error("[1,2,3,4,5]", limits) == json::error::string_too_large);
    // The default depth limit holds against a deeply nested hostile document.
    CHECK(parse_error(std::string(100000, '[')) == json::error::too_deep);
}

TEST_CASE("serialize_json_exact writes exact numbers as their digits", "[json]") {
    const std::string text =
        R"({"amount":-10.50,"fee":0.2,"big":123456789012345678901234567890,"n":-3,)"
        R"("u":18446744073709551615,"e":1e-7,"s":"a\"b\\c\n\u0001\u00e9","t":true,"z":null,)"
        R"("arr":[1,2.50,{}],"o":{}})";
    const json::value v = parse_ok(text);
    CHECK(serialize_json_exact(v) == text.substr(0, text.find("\\u00e9")) + "\xc3\xa9" +
                                         text.substr(text.find("\\u00e9") + 6));
    // Round trip: parsing the output gives the same value.
    CHECK(parse_ok(serialize_json_exact(v)) == v);
    // boost::json::serialize escapes strings the same way (outside exact numbers).
    const json::value plain = json::parse(R"({"s":"a\"b\\c\n\u0001\t\b\f\r/"})");
    CHECK(serialize_json_exact(plain) == json::serialize(plain));
}

TEST_CASE("serialize_json_exact refuses a hand-built value nested too deeply", "[json]") {
    json::value deep = json::array{};
    for (int i = 0; i < 2000; ++i) deep = json::array{std::move(deep)};
    CHECK_THROWS_AS(serialize_json_exact(deep), revolut::Error);
}

TEST_CASE("Decimal converts to and from JSON exactly", "[json][money]") {
    json::value v = json::value_from(Decimal::parse("10.50"));
    CHECK(is_exact_number(v));
    CHECK(serialize_json_exact(v) == "10.50");
    CHECK(json::value_to<Decimal>(v).to_string() == "10.50");

    v = json::value_from(Decimal::parse("-42"));
    CHECK(v.is_int64());
    CHECK(serialize_json_exact(v) == "-42");

    // A request body with an amount: build a value, serialize it exactly.
    json::object body{{"amount", json::value_from(Decimal::parse("0.30"))}, {"currency", "GBP"}};
    CHECK(serialize_json_exact(body) == R"({"amount":0.30,"currency":"GBP"})");
    CHECK(revolut::serialize_json(body) == R"({"amount":0.30,"currency":"GBP"})");

    CHECK(json::value_to<Decimal>(json::value(std::uint64_t{7})) == Decimal(7));
    CHECK(revolut::decimal_from_json(json::value(std::uint64_t{18446744073709551615u})) ==
          std::nullopt);
    CHECK(revolut::decimal_from_json(json::value(nullptr)) == std::nullopt);
    // Doubles are refused: they are not exact.
    CHECK(revolut::decimal_from_json(json::value(0.5)) == std::nullopt);
    try {
        (void)json::value_to<Decimal>(json::value(0.5));
        FAIL("expected an exception");
    } catch (const revolut::Error& e) {
        CHECK(e.code() == revolut::Errc::invalid_response);
    }
}

TEST_CASE("parse_json_exact survives random mutations of a valid document", "[json]") {
    const std::string seed =
        R"({"event":"TransactionCreated","timestamp":"2023-01-26T16:22:21.230599Z",)"
        R"("data":{"legs":[{"amount":-10.25,"fee":0.2,"x":[1e5,true,null]}],"s":"\u00e9"}})";
    std::mt19937 rng(12345);
    const std::string alphabet = "{}[]\",:.-+eE0123456789 \\tnrufalse\xff\xc3\x80";
    for (int round = 0; round < 20000; ++round) {
        std::string s = seed;
        const int edits = 1 + static_cast<int>(rng() % 4);
        for (int k = 0; k < edits; ++k) {
            const std::size_t pos = rng() % (s.size() + 1);
            switch (rng() % 3) {
                case 0: s.insert(pos, 1, alphabet[rng() % alphabet.size()]); break;
                case 1: if (pos < s.size()) s.erase(pos, 1); break;
                default: if (pos < s.size()) s[pos] = alphabet[rng() % alphabet.size()];
            }
        }
        if (round % 7 == 0) s.resize(rng() % (s.size() + 1));  // truncation
        boost::system::error_code ec;
        const json::value v = parse_json_exact(s, ec);
        if (!ec) {
            // Whatever parsed serializes and re-parses to itself.
            boost::system::error_code ec2;
            CHECK(parse_json_exact(serialize_json_exact(v), ec2) == v);
            CHECK_FALSE(ec2);
        }
    }
}
