#pragma once
// Shared by the credentials and JWT tests: fixture files and error capture.

#include "revolut_test_paths.hpp"

#include <revolut/error.hpp>

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <iterator>
#include <stdexcept>
#include <string>
#include <string_view>

namespace revolut_test {

inline std::filesystem::path credentials_fixture_dir() {
    // The source dir comes from CMake: __FILE__ may be relative (ccache base_dir, -ffile-prefix-map).
    return std::filesystem::path(REVOLUT_SOURCE_DIR) / "test" / "fixtures" / "credentials";
}

inline std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + path.string());
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

inline std::string read_fixture(const std::string& name) { return read_file(credentials_fixture_dir() / name); }

struct CaughtError {
    boost::system::error_code code;
    std::string what;
};

/// Runs `f`, which must throw revolut::Error (or a subclass); returns its code and message.
template <class F>
CaughtError error_of(F&& f) {
    try {
        f();
    } catch (const revolut::Error& e) {
        return {e.code(), e.what()};
    }
    FAIL("expected a revolut::Error");
    return {};
}

/// True when `text` contains none of `secrets` (nor their first 12 characters).
inline bool mentions_none_of(std::string_view text, std::initializer_list<std::string_view> secrets) {
    for (std::string_view secret : secrets) {
        if (secret.empty()) continue;
        if (text.find(secret.substr(0, 12)) != std::string_view::npos) return false;
    }
    return true;
}

}  // namespace revolut_test
