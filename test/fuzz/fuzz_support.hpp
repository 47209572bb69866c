#pragma once
// Shared by the libFuzzer targets: splitting one input into fields, and invariant checks
// that crash (so libFuzzer saves the input) with a message saying which invariant broke.

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

namespace revolut::fuzz {

/// A broken invariant: report it and abort, which libFuzzer records as a crash.
[[noreturn]] inline void fail(const char* what, const char* file, int line) {
    std::fprintf(stderr, "fuzz invariant broken at %s:%d: %s\n", file, line, what);
    std::abort();
}

#define FUZZ_CHECK(condition) \
    ((condition) ? void() : ::revolut::fuzz::fail(#condition, __FILE__, __LINE__))

/// The input as NUL-separated fields, so seed files stay easy to write with printf:
/// `printf 'secret\0v1=...\0' > seed`. A missing field is empty; rest() is everything left.
class Fields {
public:
    Fields(const std::uint8_t* data, std::size_t size)
        : rest_(reinterpret_cast<const char*>(data), size) {}

    std::string_view next() {
        const std::size_t nul = rest_.find('\0');
        const std::string_view field = rest_.substr(0, nul);
        rest_ = nul == std::string_view::npos ? std::string_view() : rest_.substr(nul + 1);
        return field;
    }
    std::string_view rest() const { return rest_; }

private:
    std::string_view rest_;
};

/// `text` with every letter and digit replaced by the next one (z -> a, 9 -> 0): a value of
/// the same length and character classes, so parsers take the same path with it.
inline std::string rotated(std::string_view text) {
    std::string out(text);
    for (char& c : out) {
        if (c >= 'a' && c <= 'z') c = c == 'z' ? 'a' : static_cast<char>(c + 1);
        else if (c >= 'A' && c <= 'Z') c = c == 'Z' ? 'A' : static_cast<char>(c + 1);
        else if (c >= '0' && c <= '9') c = c == '9' ? '0' : static_cast<char>(c + 1);
    }
    return out;
}

/// Secret-hygiene oracle without false alarms: a message echoes the value `secret` when it
/// contains it and the message for the same input with `rotated(secret)` in its place
/// contains the rotated value too. (A value the fuzzer copied from a message's fixed text
/// appears in the first message only.) Values under 6 bytes are too short to tell.
inline bool echoes(std::string_view message, std::string_view secret, std::string_view message_rotated,
                   std::string_view secret_rotated) {
    return secret.size() >= 6 && secret != secret_rotated && message.find(secret) != std::string_view::npos &&
           message_rotated.find(secret_rotated) != std::string_view::npos;
}

}  // namespace revolut::fuzz
