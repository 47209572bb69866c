#pragma once
// Open enums: the API's string enums as C++ enums that keep values this version of the
// library does not know. Parsing never fails; an unknown string becomes `E::unknown` and the
// original text is kept, so it survives a round trip (and can be sent back unchanged).
//
// An enum takes part by providing, next to its declaration (found by ADL):
//   constexpr std::span<const std::string_view> enum_names(E);
// where names[i] is the API spelling of the enumerator with value i, and value 0 is
// `unknown` (its name is empty).

#include <span>
#include <string>
#include <string_view>

namespace revolut {

template <class E>
class OpenEnum {
public:
    OpenEnum() = default;
    OpenEnum(E known) : value_(known) {}  // NOLINT(google-explicit-constructor): a known value is an OpenEnum
    /// Any text: a known spelling maps to its enumerator, anything else to E::unknown.
    static OpenEnum parse(std::string_view text) {
        OpenEnum result;
        auto names = enum_names(E{});
        for (std::size_t i = 1; i < names.size(); ++i) {
            if (names[i] == text) {
                result.value_ = static_cast<E>(i);
                return result;
            }
        }
        result.unknown_text_ = std::string(text);
        return result;
    }

    E value() const noexcept { return value_; }
    bool is_known() const noexcept { return value_ != E{}; }
    /// The API spelling: the known name, or the original text of an unknown value.
    std::string_view str() const noexcept {
        if (!is_known()) return unknown_text_;
        return enum_names(E{})[static_cast<std::size_t>(value_)];
    }

    friend bool operator==(const OpenEnum& a, const OpenEnum& b) noexcept { return a.str() == b.str(); }
    friend bool operator==(const OpenEnum& a, E b) noexcept { return a.is_known() && a.value_ == b; }

private:
    E value_{};
    std::string unknown_text_;
};

/// The API spelling of a known enumerator ("" for unknown).
template <class E>
    requires requires(E e) { enum_names(e); }
constexpr std::string_view to_string(E e) noexcept {
    auto names = enum_names(e);
    auto i = static_cast<std::size_t>(e);
    return i < names.size() ? names[i] : std::string_view{};
}

}  // namespace revolut
