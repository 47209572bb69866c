// Loading and crash-safe saving of the credentials file.
#include "auth/credentials_parse.hpp"
#include "auth/file_ops.hpp"

#include <revolut/credentials.hpp>
#include <revolut/error.hpp>

#include <openssl/rand.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <string>
#include <system_error>

namespace revolut {
namespace {

// A credentials file is well under 16 KiB; the cap stops `creds_loc=/dev/zero` early.
constexpr std::size_t max_file_size = 1024 * 1024;
constexpr std::string_view remedy = "; run `revolut auth-manual` to create credentials";

std::string quoted(const std::filesystem::path& path) { return "'" + path.string() + "'"; }

std::string errno_text(int error) { return std::error_code(error, std::system_category()).message(); }

[[noreturn]] void fail(const std::string& what) {
    throw Error(make_error_code(Errc::credentials), what);
}

int open_retrying(const char* path, int flags, mode_t mode) {
    int fd;
    do fd = ::open(path, flags, mode);
    while (fd < 0 && errno == EINTR);
    return fd;
}

// Directory fsync makes the rename itself durable.
void fsync_directory(const detail::FileOps& ops, const std::filesystem::path& dir) {
    int fd = ops.open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);
    if (fd < 0) return;
    (void)ops.fsync(fd);
    (void)ops.close(fd);
}

std::string random_suffix() {
    std::uint64_t value = 0;
    if (RAND_bytes(reinterpret_cast<unsigned char*>(&value), sizeof value) != 1) {
        // Only uniqueness matters here (O_EXCL catches collisions), not secrecy.
        static std::atomic<std::uint64_t> counter{0};
        value = std::uint64_t(::getpid()) << 32 ^ ++counter ^
                std::uint64_t(std::chrono::steady_clock::now().time_since_epoch().count());
    }
    char hex[17];
    std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(value));
    return hex;
}

}  // namespace

namespace detail {

FileOps posix_file_ops() noexcept {
    return FileOps{
        [](const char* path, int flags, mode_t mode) { return ::open(path, flags, mode); },
        [](int fd, const void* data, std::size_t size) { return ::write(fd, data, size); },
        [](int fd) { return ::fsync(fd); },
        [](int fd) { return ::close(fd); },
        [](const char* from, const char* to) { return ::rename(from, to); },
        [](const char* path) { return ::unlink(path); },
    };
}

FileOps& credentials_file_ops() noexcept {
    static FileOps ops = posix_file_ops();
    return ops;
}

}  // namespace detail

Credentials load_credentials_file(const std::filesystem::path& path) {
    int fd = open_retrying(path.c_str(), O_RDONLY | O_CLOEXEC, 0);
    if (fd < 0) {
        int error = errno;
        if (error == ENOENT)
            fail("credentials file " + quoted(path) + " not found" + std::string(remedy));
        fail("cannot open credentials file " + quoted(path) + ": " + errno_text(error) + std::string(remedy));
    }
    std::string text;
    char buffer[8192];
    for (;;) {
        ssize_t n = ::read(fd, buffer, sizeof buffer);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
            int error = errno;
            ::close(fd);
            fail("cannot read credentials file " + quoted(path) + ": " + errno_text(error) + std::string(remedy));
        }
        if (n == 0) break;
        text.append(buffer, static_cast<std::size_t>(n));
        if (text.size() > max_file_size) {
            ::close(fd);
            fail("credentials file " + quoted(path) + " is larger than 1 MiB" + std::string(remedy));
        }
    }
    ::close(fd);
    return detail::parse_credentials_json(text, "credentials file " + quoted(path));
}

// Crash safety: the new content goes to a fresh temporary file in the target's directory
// (same filesystem, so rename is atomic), created 0600 so no other user can ever read it,
// flushed with fsync before the rename. A crash at any point leaves either the old or the
// new file, never a torn one.
void save_credentials_file(const std::filesystem::path& path, const Credentials& creds) {
    const detail::FileOps& ops = detail::credentials_file_ops();
    const std::string text = serialize_credentials(creds);
    if (!path.has_filename()) fail("cannot save credentials: " + quoted(path) + " is not a file path");

    std::filesystem::path dir = path.parent_path();
    if (dir.empty()) dir = ".";
    std::error_code dir_error;
    std::filesystem::create_directories(dir, dir_error);
    if (dir_error)
        fail("cannot save credentials to " + quoted(path) + ": creating its directory failed: " +
             dir_error.message());

    auto fail_save = [&](const char* step, int error) {
        fail("cannot save credentials to " + quoted(path) + ": " + step + " failed: " + errno_text(error) +
             "; the previous file is unchanged");
    };

    std::filesystem::path temp;
    int fd = -1;
    for (int attempt = 0; fd < 0 && attempt < 8; ++attempt) {
        temp = dir / ("." + path.filename().string() + ".tmp-" + random_suffix());
        fd = ops.open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
        if (fd < 0 && errno != EEXIST && errno != EINTR) break;
    }
    if (fd < 0) fail_save("creating the temporary file", errno);

    // From here on a failure removes the temporary file; the target is not touched until rename.
    auto abandon = [&](const char* step, int error, bool close_fd) {
        if (close_fd) (void)ops.close(fd);
        (void)ops.unlink(temp.c_str());
        fail_save(step, error);
    };

    // umask can only clear bits of 0600; this restores owner read/write if it did.
    (void)::fchmod(fd, S_IRUSR | S_IWUSR);

    const char* data = text.data();
    std::size_t left = text.size();
    while (left > 0) {
        ssize_t n = ops.write(fd, data, left);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) abandon("writing the temporary file", n < 0 ? errno : EIO, true);
        data += n;
        left -= static_cast<std::size_t>(n);
    }
    if (ops.fsync(fd) != 0) abandon("flushing the temporary file (fsync)", errno, true);
    // close can report a deferred write error (NFS); the descriptor is gone either way.
    if (ops.close(fd) != 0) abandon("closing the temporary file", errno, false);
    if (ops.rename(temp.c_str(), path.c_str()) != 0) abandon("renaming the temporary file", errno, false);

    // The new file is in place and complete. A failed directory fsync only means the rename
    // might not survive a power cut (leaving the old, still valid file); reporting it as a
    // failed save would be wrong, so it is not reported.
    fsync_directory(ops, dir);
}

}  // namespace revolut
