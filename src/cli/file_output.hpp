#pragma once
// Writing the PEM files auth-manual produces: atomically (temporary file in the same
// directory, fsync, rename) and with their final mode from the first byte, so a private key
// is never readable by anyone else, not even for a moment.

#include <filesystem>
#include <string_view>
#include <sys/types.h>

namespace revolut::cli {

/// Replaces `path` with `content`, mode `mode` (e.g. 0600 for a private key). Creates the
/// directory if needed. Throws std::runtime_error naming the path and the failed step (never
/// the content).
void write_file_atomically(const std::filesystem::path& path, std::string_view content, mode_t mode);

/// The permission bits of an existing file (of a symlink's target: that is what others can read).
mode_t file_mode(const std::filesystem::path& path);

}  // namespace revolut::cli
