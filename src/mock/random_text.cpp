#include "mock/random_text.hpp"

#include <openssl/rand.h>

#include <array>
#include <stdexcept>
#include <string_view>

namespace revolut::mock {

std::string random_alphanumeric(std::size_t length) {
    static constexpr std::string_view alphabet =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    // Bytes at or above the largest multiple of 62 are dropped, so every character is equally
    // likely (a plain `% 62` would favour the first eight).
    constexpr unsigned limit = 256 - 256 % alphabet.size();
    std::string text;
    text.reserve(length);
    std::array<unsigned char, 64> bytes{};
    while (text.size() < length) {
        if (RAND_bytes(bytes.data(), static_cast<int>(bytes.size())) != 1) {
            throw std::runtime_error("random_alphanumeric: RAND_bytes failed");
        }
        for (unsigned char b : bytes) {
            if (b >= limit) continue;
            text.push_back(alphabet[b % alphabet.size()]);
            if (text.size() == length) break;
        }
    }
    return text;
}

}  // namespace revolut::mock
