#pragma once
// A small hand-written parser for `revolut [options] command [subcommand] [args] [options]`:
// a tree of commands, each with its positionals and flags; flags of every command on the
// path (and the common ones on the root) are accepted anywhere after it. `--flag=value` and
// `--flag value` both work, `--` ends the options, `-h`/`--help` prints the deepest
// command's help. Help texts are generated from the same tree.

#include <functional>
#include <iosfwd>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace revolut::cli {

struct Invocation;

/// Where a command reads and writes: stdout carries the result (JSON or table), stderr
/// messages and prompts. `interactive`: stdin is a terminal, so prompts may be shown.
struct Console {
    std::istream& in;
    std::ostream& out;
    std::ostream& err;
    bool interactive = false;
};

/// A `--name [VALUE]` option.
struct Flag {
    std::string name;        ///< with the dashes: "--url"
    std::string value_name;  ///< "URL"; empty for a switch
    std::string help;
    bool repeatable = false;
};

/// A positional argument.
struct Positional {
    std::string name;  ///< "ID"
    std::string help;
    bool optional = false;
};

/// A command: a group of subcommands, or a leaf with a handler returning the exit code.
struct Command {
    std::string name;
    std::string summary;      ///< one line, shown in the parent's command list
    std::string usage;        ///< after "Usage: revolut …", e.g. "webhooks get ID"
    std::string description;  ///< paragraphs shown in --help (may be empty)
    std::vector<Positional> positionals;
    std::vector<Flag> flags;
    std::vector<Command> subcommands;
    std::function<int(const Invocation&, Console&)> handler;
};

/// What the command line asked for.
struct Invocation {
    std::vector<const Command*> path;  ///< root first, the command to run last
    std::vector<std::string> positionals;
    std::map<std::string, std::vector<std::string>, std::less<>> values;  ///< flags with values
    std::vector<std::string> switches;                                    ///< flags without
    bool help = false;

    const Command& command() const { return *path.back(); }
    /// "revolut webhooks create" (for messages and --help hints).
    std::string command_name() const;
    bool has(std::string_view flag) const;
    /// The flag's value, when given.
    std::optional<std::string> value(std::string_view flag) const;
    /// Every value of a repeatable flag, in order.
    std::vector<std::string> values_of(std::string_view flag) const;
};

/// Parses `args` (without the program name). Throws UsageError for an unknown command or
/// option, a missing value, a repeated single option, or a wrong number of positionals.
/// With --help anywhere, stops checking and returns with `help` set.
Invocation parse_command_line(const Command& root, const std::vector<std::string>& args);

/// The --help text of the last command in `path`.
std::string help_text(const std::vector<const Command*>& path);

}  // namespace revolut::cli
