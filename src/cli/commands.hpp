#pragma once
// The `revolut` command tree and the program's entry point (main() only forwards here).

#include "cli/command_line.hpp"

#include <string>
#include <vector>

namespace revolut::cli {

/// The root command with every subcommand.
Command root_command();

/// Runs the program for `args` (without the program name) and returns its exit code.
/// Usage errors, API errors and every other failure end up as a message on `console.err`.
int run(const std::vector<std::string>& args, Console& console);

}  // namespace revolut::cli
