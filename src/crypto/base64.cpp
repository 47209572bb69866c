#include "crypto/base64.hpp"

#include <array>
#include <cstdint>

namespace revolut::detail {
namespace {

constexpr std::string_view standard_alphabet =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
constexpr std::string_view url_alphabet =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

constexpr std::int8_t invalid = -1;

using DecodeTable = std::array<std::int8_t, 256>;

constexpr DecodeTable make_table(std::string_view alphabet) {
    DecodeTable table{};
    for (auto& entry : table) entry = invalid;
    for (std::size_t i = 0; i < alphabet.size(); ++i)
        table[static_cast<unsigned char>(alphabet[i])] = static_cast<std::int8_t>(i);
    return table;
}

constexpr DecodeTable standard_table = make_table(standard_alphabet);
constexpr DecodeTable url_table = make_table(url_alphabet);

std::string encode(std::string_view bytes, std::string_view alphabet, bool pad) {
    std::string out;
    out.reserve((bytes.size() + 2) / 3 * 4);
    std::size_t i = 0;
    auto byte = [&](std::size_t k) { return static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[k])); };
    for (; i + 3 <= bytes.size(); i += 3) {
        std::uint32_t n = byte(i) << 16 | byte(i + 1) << 8 | byte(i + 2);
        out += alphabet[n >> 18 & 63];
        out += alphabet[n >> 12 & 63];
        out += alphabet[n >> 6 & 63];
        out += alphabet[n & 63];
    }
    std::size_t rest = bytes.size() - i;
    if (rest == 1) {
        std::uint32_t n = byte(i) << 16;
        out += alphabet[n >> 18 & 63];
        out += alphabet[n >> 12 & 63];
        if (pad) out += "==";
    } else if (rest == 2) {
        std::uint32_t n = byte(i) << 16 | byte(i + 1) << 8;
        out += alphabet[n >> 18 & 63];
        out += alphabet[n >> 12 & 63];
        out += alphabet[n >> 6 & 63];
        if (pad) out += '=';
    }
    return out;
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f'; }

struct DecodeRules {
    const DecodeTable& table;
    bool skip_whitespace;
    bool allow_padding;
    bool strict_trailing_bits;
};

std::optional<std::string> decode(std::string_view text, const DecodeRules& rules) {
    std::string out;
    out.reserve(text.size() / 4 * 3 + 3);
    std::uint32_t accumulator = 0;
    std::size_t symbols = 0;  // alphabet characters seen
    std::size_t padding = 0;  // '=' seen; nothing but whitespace and '=' may follow the first
    for (char c : text) {
        if (rules.skip_whitespace && is_space(c)) continue;
        if (c == '=') {
            if (!rules.allow_padding) return std::nullopt;
            ++padding;
            continue;
        }
        if (padding != 0) return std::nullopt;
        std::int8_t value = rules.table[static_cast<unsigned char>(c)];
        if (value == invalid) return std::nullopt;
        accumulator = accumulator << 6 | static_cast<std::uint32_t>(value);
        if (++symbols % 4 == 0) {
            out += static_cast<char>(accumulator >> 16 & 0xff);
            out += static_cast<char>(accumulator >> 8 & 0xff);
            out += static_cast<char>(accumulator & 0xff);
            accumulator = 0;
        }
    }
    std::size_t rest = symbols % 4;
    // A lone trailing symbol carries only 6 bits: never a whole byte.
    if (rest == 1) return std::nullopt;
    if (padding != 0 && (rest < 2 || rest + padding != 4)) return std::nullopt;
    if (rest == 2) {
        if (rules.strict_trailing_bits && (accumulator & 0xf) != 0) return std::nullopt;
        out += static_cast<char>(accumulator >> 4 & 0xff);
    } else if (rest == 3) {
        if (rules.strict_trailing_bits && (accumulator & 0x3) != 0) return std::nullopt;
        out += static_cast<char>(accumulator >> 10 & 0xff);
        out += static_cast<char>(accumulator >> 2 & 0xff);
    }
    return out;
}

}  // namespace

std::string base64_encode(std::string_view bytes) { return encode(bytes, standard_alphabet, true); }

std::optional<std::string> base64_decode(std::string_view text) {
    return decode(text, {standard_table, /*skip_whitespace=*/true, /*allow_padding=*/true,
                         /*strict_trailing_bits=*/false});
}

std::string base64url_encode(std::string_view bytes) { return encode(bytes, url_alphabet, false); }

std::optional<std::string> base64url_decode(std::string_view text) {
    return decode(text, {url_table, /*skip_whitespace=*/false, /*allow_padding=*/false,
                         /*strict_trailing_bits=*/true});
}

}  // namespace revolut::detail
