#pragma once
// Internal seam: the POSIX calls save_credentials_file makes, as swappable function pointers.
// Tests replace one member to fail a chosen step; tests run as root, so permission tricks
// cannot prove failure handling.

#include <sys/types.h>

#include <cstddef>

namespace revolut::detail {

struct FileOps {
    int (*open)(const char* path, int flags, mode_t mode);
    ssize_t (*write)(int fd, const void* data, std::size_t size);
    int (*fsync)(int fd);
    int (*close)(int fd);
    int (*rename)(const char* from, const char* to);
    int (*unlink)(const char* path);
};

/// The plain POSIX calls.
FileOps posix_file_ops() noexcept;

/// The calls save_credentials_file uses (initially posix_file_ops()). Change it only while no
/// save is running; restore it afterwards.
FileOps& credentials_file_ops() noexcept;

}  // namespace revolut::detail
