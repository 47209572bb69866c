#include <catch2/catch.hpp>

#include <revolut/error.hpp>
#include <revolut/money.hpp>

#include <cstdint>
#include <limits>
#include <sstream>

using revolut::Decimal;
using revolut::Errc;

namespace {

// Canonical text of the parsed value, or "error".
std::string canon(std::string_view text) {
    auto d = Decimal::try_parse(text);
    return d ? d->to_string() : "error";
}

revolut::Errc errc_of(const revolut::Error& e) { return static_cast<Errc>(e.code().value()); }

}  // namespace

TEST_CASE("Decimal parses JSON number text and keeps the scale it was given", "[money]") {
    CHECK(canon("0") == "0");
    CHECK(canon("-0") == "0");
    CHECK(canon("10.50") == "10.50");
    CHECK(canon("-12.345") == "-12.345");
    CHECK(canon("0.05") == "0.05");
    CHECK(canon("-0.000001") == "-0.000001");
    CHECK(canon("9223372036854775807") == "9223372036854775807");
    CHECK(canon("-9223372036854775807") == "-9223372036854775807");
    CHECK(canon("922337203685477.5807") == "922337203685477.5807");
    CHECK(canon("0.000000000000000001") == "0.000000000000000001");

    const Decimal d = Decimal::parse("10.50");
    CHECK(d.coefficient() == 1050);
    CHECK(d.scale() == 2);
}

TEST_CASE("Decimal folds exponents into the scale", "[money]") {
    CHECK(canon("1e2") == "100");
    CHECK(canon("1E+2") == "100");
    CHECK(canon("1.5e1") == "15");
    CHECK(canon("1.50e1") == "15.0");
    CHECK(canon("1e-2") == "0.01");
    CHECK(canon("-1.5e-3") == "-0.0015");
    CHECK(canon("123.456e-3") == "0.123456");
    CHECK(canon("0e5") == "0");
    CHECK(canon("0.00e1") == "0.0");
    CHECK(canon("0e-99999") == "0.000000000000000000");  // zero: any scale is exact, clamped
    CHECK(canon("1e18") == "1000000000000000000");
}

TEST_CASE("Decimal drops trailing fraction zeros only when it must, to fit", "[money]") {
    // 19 fraction digits, the last a zero: scale 18 holds the same value.
    CHECK(canon("0.1000000000000000000") == "0.100000000000000000");
    // Coefficient would exceed int64 with the trailing zeros; without them it fits.
    CHECK(canon("922337203685477580.70") == "922337203685477580.7");
    CHECK(canon("9223372036854775807.000") == "9223372036854775807");
}

TEST_CASE("Decimal rejects text that is not a number, or does not fit, with invalid_argument",
          "[money]") {
    for (const char* bad : {"", "-", "+1", ".5", "1.", "01", "00.1", "1e", "1e+", "--1", "1 ",
                            " 1", "0x10", "1,5", "NaN", "Infinity", "1.2.3", "1e2.5", "١"}) {
        INFO(bad);
        CHECK_FALSE(Decimal::try_parse(bad).has_value());
    }
    // Too large / too precise.
    for (const char* big : {"9223372036854775808", "-9223372036854775808", "1e19",
                            "0.0000000000000000001", "1e-19", "12345678901234567890.5",
                            "1e999999999999999999999"}) {
        INFO(big);
        CHECK_FALSE(Decimal::try_parse(big).has_value());
    }
    try {
        (void)Decimal::parse("12,50");
        FAIL("expected an exception");
    } catch (const revolut::Error& e) {
        CHECK(errc_of(e) == Errc::invalid_argument);
        CHECK_THAT(e.what(), Catch::Contains("12,50"));
    }
}

TEST_CASE("Decimal compares by value, not by scale", "[money]") {
    CHECK(Decimal::parse("10.5") == Decimal::parse("10.50"));
    CHECK(Decimal::parse("10.5").to_string() != Decimal::parse("10.50").to_string());
    CHECK(Decimal::parse("0") == Decimal::parse("0.000"));
    CHECK(Decimal::parse("-1.01") < Decimal::parse("-1.001"));
    CHECK(Decimal::parse("0.3") > Decimal::parse("0.29999999999999999"));
    CHECK(Decimal::parse("9223372036854775807") > Decimal::parse("922337203685477580.7"));
    CHECK(Decimal::parse("-9223372036854775807") < Decimal::parse("-0.000000000000000001"));
    CHECK(Decimal(5) == Decimal(500, 2));
    CHECK((Decimal(1, 1) <=> Decimal(10, 2)) == std::weak_ordering::equivalent);
}

TEST_CASE("Decimal adds and subtracts exactly at the larger scale", "[money]") {
    const Decimal sum = Decimal::parse("0.1") + Decimal::parse("0.2");
    CHECK(sum == Decimal::parse("0.3"));
    CHECK(sum.to_string() == "0.3");
    CHECK((Decimal::parse("10.50") + Decimal::parse("0.5")).to_string() == "11.00");
    CHECK((Decimal::parse("1") - Decimal::parse("1.001")).to_string() == "-0.001");
    CHECK((-Decimal::parse("2.50")).to_string() == "-2.50");

    Decimal balance = Decimal::parse("100.00");
    balance -= Decimal::parse("99.99");
    balance += Decimal::parse("0.001");
    CHECK(balance.to_string() == "0.011");
}

TEST_CASE("Decimal arithmetic detects overflow instead of wrapping", "[money]") {
    const Decimal max = Decimal::parse("9223372036854775807");
    CHECK_FALSE(Decimal::checked_add(max, Decimal(1)).has_value());
    CHECK_FALSE(Decimal::checked_sub(-max, Decimal(1)).has_value());
    CHECK(Decimal::checked_add(max, Decimal(-1)).has_value());
    // Rescaling to the common scale is what overflows here.
    CHECK_FALSE(Decimal::checked_add(Decimal::parse("1000000000000000000"), Decimal::parse("0.1"))
                    .has_value());
    try {
        (void)(max + Decimal(1));
        FAIL("expected an exception");
    } catch (const revolut::Error& e) {
        CHECK(errc_of(e) == Errc::invalid_argument);
    }
    CHECK_THROWS_AS(-max - Decimal(1), revolut::Error);
}

TEST_CASE("Decimal rescales only when exact", "[money]") {
    CHECK(Decimal::parse("10.5").rescaled(2)->to_string() == "10.50");
    CHECK(Decimal::parse("10.50").rescaled(1)->to_string() == "10.5");
    CHECK(Decimal::parse("10.50").rescaled(0) == std::nullopt);
    CHECK_FALSE(Decimal::parse("10.55").rescaled(1).has_value());
    CHECK_FALSE(Decimal::parse("1").rescaled(19).has_value());
    CHECK_FALSE(Decimal::parse("100000000000").rescaled(18).has_value());
}

TEST_CASE("Decimal constructor validates scale and coefficient", "[money]") {
    CHECK(Decimal(-1234, 3).to_string() == "-1.234");
    CHECK(Decimal(7, 18).to_string() == "0.000000000000000007");
    CHECK_THROWS_AS(Decimal(1, 19), revolut::Error);
    CHECK_THROWS_AS(Decimal(std::numeric_limits<std::int64_t>::min()), revolut::Error);
    CHECK(Decimal().is_zero());
    CHECK(Decimal(-3).signum() == -1);
    std::ostringstream os;
    os << Decimal(1050, 2);
    CHECK(os.str() == "10.50");
    static_assert(!std::is_constructible_v<Decimal, double>, "doubles never convert implicitly");
}

TEST_CASE("Money compares amount by value and currency by text", "[money]") {
    revolut::Money a{Decimal::parse("10.5"), "GBP"};
    revolut::Money b{Decimal::parse("10.50"), "GBP"};
    revolut::Money c{Decimal::parse("10.50"), "EUR"};
    CHECK(a == b);
    CHECK_FALSE(a == c);
}
