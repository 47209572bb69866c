#include "credentials_test_support.hpp"

#include "auth/file_ops.hpp"

#include <revolut/credentials.hpp>
#include <revolut/error.hpp>

#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>

namespace fs = std::filesystem;
using namespace std::chrono;
using Catch::Matchers::Contains;
using revolut::Credentials;
using revolut::Errc;
using revolut_test::error_of;
using revolut_test::read_file;
using revolut_test::read_fixture;

namespace {

// A fresh directory per test, removed afterwards.
struct TempDir {
    fs::path path;
    TempDir() {
        std::string pattern = (fs::temp_directory_path() / "revolut-creds-test-XXXXXX").string();
        if (!::mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
        path = pattern;
    }
    ~TempDir() {
        std::error_code ignored;
        fs::remove_all(path, ignored);
    }
    std::set<std::string> entries() const {
        std::set<std::string> names;
        for (auto& entry : fs::directory_iterator(path)) names.insert(entry.path().filename().string());
        return names;
    }
};

// Replaces the file operations for one test and restores the real ones afterwards.
struct ScopedFileOps {
    revolut::detail::FileOps saved = revolut::detail::credentials_file_ops();
    ~ScopedFileOps() { revolut::detail::credentials_file_ops() = saved; }
    revolut::detail::FileOps& ops() { return revolut::detail::credentials_file_ops(); }
};

// Counters the injected operations consult (the seam takes plain function pointers).
struct Injection {
    int writes = 0;
    int fsyncs = 0;
    int eintr_writes = 0;
};
Injection injection;

unsigned mode_of(const fs::path& p) {
    struct stat st {};
    REQUIRE(::stat(p.c_str(), &st) == 0);
    return st.st_mode & 07777;
}

Credentials credentials_with(std::string access_token) {
    Credentials c = revolut::parse_credentials(read_fixture("pydantic_saved_creds.json"));
    c.tokens.access_token = std::move(access_token);
    return c;
}

}  // namespace

TEST_CASE("saving writes a 0600 file that loads back equal", "[credentials]") {
    TempDir dir;
    const fs::path file = dir.path / "creds.json";
    Credentials c = credentials_with("fake-access-1");

    mode_t old_umask = ::umask(022);
    revolut::save_credentials_file(file, c);
    ::umask(old_umask);

    CHECK(mode_of(file) == 0600);
    CHECK(dir.entries() == std::set<std::string>{"creds.json"});
    CHECK(read_file(file) == revolut::serialize_credentials(c));
    Credentials loaded = revolut::load_credentials_file(file);
    CHECK(loaded.tokens.access_token == "fake-access-1");
    CHECK(loaded.tokens.access_token_expiration_dt == c.tokens.access_token_expiration_dt);
}

TEST_CASE("saving over a readable file leaves a 0600 file with the new content", "[credentials]") {
    TempDir dir;
    const fs::path file = dir.path / "creds.json";
    std::ofstream(file) << read_fixture("pendulum_offsets_creds.json");
    fs::permissions(file, fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read |
                              fs::perms::others_read);
    REQUIRE(mode_of(file) == 0644);

    revolut::save_credentials_file(file, credentials_with("fake-access-2"));
    CHECK(mode_of(file) == 0600);
    CHECK(revolut::load_credentials_file(file).tokens.access_token == "fake-access-2");
    CHECK(dir.entries() == std::set<std::string>{"creds.json"});
}

TEST_CASE("saving creates the credentials directory, as auth-manual's default path needs", "[credentials]") {
    TempDir dir;
    const fs::path file = dir.path / "credentials" / "creds.json";
    revolut::save_credentials_file(file, credentials_with("fake-access-3"));
    CHECK(revolut::load_credentials_file(file).tokens.access_token == "fake-access-3");
}

TEST_CASE("a failed save leaves the previous file byte-identical and no temporary file",
          "[credentials]") {
    TempDir dir;
    const fs::path file = dir.path / "creds.json";
    revolut::save_credentials_file(file, credentials_with("fake-old-token"));
    const std::string before = read_file(file);
    const Credentials replacement = credentials_with("fake-new-token");

    ScopedFileOps scoped;
    injection = {};
    std::string step;
    SECTION("creating the temporary file") {
        step = "creating the temporary file";
        scoped.ops().open = [](const char*, int, mode_t) { errno = ENOSPC; return -1; };
    }
    SECTION("writing, after a partial write") {
        step = "writing the temporary file";
        scoped.ops().write = [](int fd, const void* data, std::size_t size) -> ssize_t {
            if (injection.writes++ == 0) return ::write(fd, data, size < 100 ? size : 100);
            errno = EIO;
            return -1;
        };
    }
    SECTION("a write that makes no progress") {
        step = "writing the temporary file";
        scoped.ops().write = [](int, const void*, std::size_t) -> ssize_t { return 0; };
    }
    SECTION("fsync of the temporary file") {
        step = "fsync";
        scoped.ops().fsync = [](int) { errno = EIO; return -1; };
    }
    SECTION("closing the temporary file") {
        step = "closing the temporary file";
        scoped.ops().close = [](int fd) { ::close(fd); errno = EIO; return -1; };
    }
    SECTION("rename") {
        step = "renaming the temporary file";
        scoped.ops().rename = [](const char*, const char*) { errno = EXDEV; return -1; };
    }

    auto e = error_of([&] { revolut::save_credentials_file(file, replacement); });
    CHECK(e.code == Errc::credentials);
    CHECK_THAT(e.what, Contains(step));
    CHECK_THAT(e.what, Contains(file.string()));
    CHECK_THAT(e.what, !Contains("fake-new-token"));
    CHECK_THAT(e.what, !Contains("fake-old-token"));
    CHECK(read_file(file) == before);
    CHECK(dir.entries() == std::set<std::string>{"creds.json"});
}

TEST_CASE("partial and interrupted writes still save the whole file", "[credentials]") {
    TempDir dir;
    const fs::path file = dir.path / "creds.json";
    ScopedFileOps scoped;
    injection = {};
    scoped.ops().write = [](int fd, const void* data, std::size_t size) -> ssize_t {
        if (++injection.writes % 3 == 0) {
            ++injection.eintr_writes;
            errno = EINTR;
            return -1;
        }
        return ::write(fd, data, size < 7 ? size : 7);
    };
    Credentials c = credentials_with("fake-access-4");
    revolut::save_credentials_file(file, c);
    CHECK(injection.eintr_writes > 0);
    CHECK(read_file(file) == revolut::serialize_credentials(c));
}

TEST_CASE("a failed directory fsync after the rename does not fail the save", "[credentials]") {
    TempDir dir;
    const fs::path file = dir.path / "creds.json";
    ScopedFileOps scoped;
    injection = {};
    scoped.ops().fsync = [](int fd) {
        if (injection.fsyncs++ == 0) return ::fsync(fd);  // the temporary file
        errno = EINVAL;                                    // the directory
        return -1;
    };
    revolut::save_credentials_file(file, credentials_with("fake-access-5"));
    CHECK(injection.fsyncs == 2);
    CHECK(revolut::load_credentials_file(file).tokens.access_token == "fake-access-5");
}

TEST_CASE("loading a missing file names it and points to auth-manual", "[credentials]") {
    TempDir dir;
    const fs::path file = dir.path / "nope" / "creds.json";
    auto e = error_of([&] { revolut::load_credentials_file(file); });
    CHECK(e.code == Errc::credentials);
    CHECK_THAT(e.what, Contains("'" + file.string() + "' not found"));
    CHECK_THAT(e.what, Contains("run `revolut auth-manual`"));
}

TEST_CASE("loading something unreadable names the path", "[credentials]") {
    TempDir dir;
    auto e = error_of([&] { revolut::load_credentials_file(dir.path); });  // a directory
    CHECK(e.code == Errc::credentials);
    CHECK_THAT(e.what, Contains(dir.path.string()));
    CHECK_THAT(e.what, Contains("revolut auth-manual"));
}

TEST_CASE("a malformed file names the path and the field, not the values", "[credentials]") {
    TempDir dir;
    const fs::path file = dir.path / "creds.json";
    std::string text = read_fixture("pydantic_saved_creds.json");
    auto at = text.find("\"refresh_token\"");
    REQUIRE(at != std::string::npos);
    text.replace(at, 15, "\"refresh_tokem\"");
    std::ofstream(file) << text;

    auto e = error_of([&] { revolut::load_credentials_file(file); });
    CHECK(e.code == Errc::credentials);
    CHECK_THAT(e.what, Contains("credentials file '" + file.string() + "'"));
    CHECK_THAT(e.what, Contains("field 'tokens.refresh_token' is missing"));
    CHECK(revolut_test::mentions_none_of(e.what, {"oa_sand_fake"}));
}
