#pragma once
// The `revolut-mock` command line: flags to options, and the usage text that documents them.

#include <revolut/mock/server.hpp>

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace revolut::mock {

/// What the flags asked for.
struct CommandLine {
    ServerOptions server;
    std::optional<std::filesystem::path> ca_out;     ///< default: a file in the temp directory
    std::optional<std::filesystem::path> creds_out;  ///< issue credentials and save them here
    std::vector<std::string> tokens;                 ///< extra accepted access tokens
    bool help = false;
};

/// Parses `args` (without the program name). Throws std::invalid_argument with a message for
/// the user on an unknown flag, a missing or malformed value, or --cert without --key.
CommandLine parse_command_line(const std::vector<std::string_view>& args);

/// The --help text.
std::string usage_text();

}  // namespace revolut::mock
