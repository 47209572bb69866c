#pragma once
// The `revolut-mock` command line: flags to options, and the usage text that documents them.

#include "mock/faults.hpp"

#include <revolut/mock/server.hpp>

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace revolut::mock {

/// What the flags asked for.
struct CommandLine {
    ServerOptions server;
    std::optional<std::filesystem::path> ca_out;     ///< default: a file in the temp directory
    std::optional<std::filesystem::path> creds_out;  ///< issue credentials and save them here
    std::vector<std::string> tokens;                 ///< extra accepted access tokens
    /// API clients to register: client ID and the file holding its PEM certificate.
    std::vector<std::pair<std::string, std::filesystem::path>> clients;
    /// Trusted for https webhook targets (read into ServerOptions::webhook_ca_pem at start).
    std::optional<std::filesystem::path> webhook_ca_file;
    /// Write a fresh authorization code per registered client here (`ID CODE` lines).
    std::optional<std::filesystem::path> auth_code_file;
    /// Scripted faults (--fault), applied in order before the server starts.
    std::vector<FaultSpec> faults;
    bool help = false;
};

/// Parses `args` (without the program name). Throws std::invalid_argument with a message for
/// the user on an unknown flag, a missing or malformed value (a --fault spec included),
/// --cert without --key, or --auth-code-file without --register-client.
CommandLine parse_command_line(const std::vector<std::string_view>& args);

/// The --help text.
std::string usage_text();

}  // namespace revolut::mock
