#include "cli/file_output.hpp"

#include <openssl/rand.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <stdexcept>
#include <string>
#include <system_error>

namespace revolut::cli {

namespace {

[[noreturn]] void fail(const std::filesystem::path& path, const char* step, int error) {
    throw std::runtime_error("cannot write '" + path.string() + "': " + step + " failed: " +
                             std::error_code(error, std::system_category()).message());
}

std::string random_suffix() {
    std::uint64_t value = 0;
    if (RAND_bytes(reinterpret_cast<unsigned char*>(&value), sizeof value) != 1) {
        // Only uniqueness matters here (O_EXCL catches a collision), not secrecy.
        static std::uint64_t counter = 0;
        value = (std::uint64_t(::getpid()) << 32) ^ ++counter;
    }
    char hex[17];
    std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(value));
    return hex;
}

}  // namespace

void write_file_atomically(const std::filesystem::path& path, std::string_view content, mode_t mode) {
    std::filesystem::path dir = path.parent_path();
    if (dir.empty()) dir = ".";
    std::error_code dir_error;
    std::filesystem::create_directories(dir, dir_error);
    if (dir_error) fail(path, "creating its directory", dir_error.value());

    std::filesystem::path temp;
    int fd = -1;
    for (int attempt = 0; fd < 0 && attempt < 8; ++attempt) {
        temp = dir / ("." + path.filename().string() + ".tmp-" + random_suffix());
        fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, mode);
        if (fd < 0 && errno != EEXIST && errno != EINTR) break;
    }
    if (fd < 0) fail(path, "creating a temporary file", errno);
    auto abandon = [&](const char* step, int error) {
        if (fd >= 0) ::close(fd);
        ::unlink(temp.c_str());
        fail(path, step, error);
    };
    // The umask may have cleared bits of `mode`; it can never have added any.
    if (::fchmod(fd, mode) != 0) abandon("setting its mode", errno);
    const char* data = content.data();
    std::size_t left = content.size();
    while (left > 0) {
        ssize_t n = ::write(fd, data, left);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) abandon("writing", n < 0 ? errno : EIO);
        data += n;
        left -= static_cast<std::size_t>(n);
    }
    if (::fsync(fd) != 0) abandon("flushing (fsync)", errno);
    int closed = ::close(fd);
    fd = -1;
    if (closed != 0) abandon("closing", errno);
    if (::rename(temp.c_str(), path.c_str()) != 0) abandon("renaming the temporary file", errno);
}

mode_t file_mode(const std::filesystem::path& path) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0)
        throw std::runtime_error("cannot inspect '" + path.string() + "': " +
                                 std::error_code(errno, std::system_category()).message());
    return st.st_mode & 07777;
}

}  // namespace revolut::cli
