#include "cli/command_line.hpp"

#include "cli/exit_code.hpp"

#include <algorithm>
#include <sstream>

namespace revolut::cli {

std::string Invocation::command_name() const {
    std::string name;
    for (const auto* c : path) name += (name.empty() ? "" : " ") + c->name;
    return name;
}

bool Invocation::has(std::string_view flag) const {
    return values.find(flag) != values.end() ||
           std::find(switches.begin(), switches.end(), flag) != switches.end();
}

std::optional<std::string> Invocation::value(std::string_view flag) const {
    auto it = values.find(flag);
    if (it == values.end() || it->second.empty()) return std::nullopt;
    return it->second.back();
}

std::vector<std::string> Invocation::values_of(std::string_view flag) const {
    auto it = values.find(flag);
    return it == values.end() ? std::vector<std::string>{} : it->second;
}

namespace {

const Flag* find_flag(const std::vector<const Command*>& path, std::string_view name) {
    for (auto c = path.rbegin(); c != path.rend(); ++c) {
        for (const auto& flag : (*c)->flags)
            if (flag.name == name) return &flag;
    }
    return nullptr;
}

const Command* find_subcommand(const Command& parent, std::string_view name) {
    for (const auto& sub : parent.subcommands)
        if (sub.name == name) return &sub;
    return nullptr;
}

bool is_help(std::string_view arg) { return arg == "--help" || arg == "-h"; }

std::string path_name(const std::vector<const Command*>& path) {
    std::string name;
    for (const auto* c : path) name += (name.empty() ? "" : " ") + c->name;
    return name;
}

// With --help the user wants to read, not to be corrected: follow the subcommand names
// given and stop at the first word that is not one.
Invocation help_invocation(const Command& root, const std::vector<std::string>& args) {
    Invocation inv;
    inv.path.push_back(&root);
    inv.help = true;
    for (const auto& arg : args) {
        if (arg == "--") break;
        if (arg.starts_with("-")) continue;
        const Command* sub = find_subcommand(*inv.path.back(), arg);
        if (!sub) {
            if (!inv.path.back()->subcommands.empty()) continue;  // a flag's value, probably
            break;
        }
        inv.path.push_back(sub);
    }
    return inv;
}

}  // namespace

Invocation parse_command_line(const Command& root, const std::vector<std::string>& args) {
    for (const auto& arg : args) {
        if (arg == "--") break;
        if (is_help(arg)) return help_invocation(root, args);
    }

    Invocation inv;
    inv.path.push_back(&root);
    bool options_ended = false;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        const std::string here = path_name(inv.path);
        if (!options_ended && arg == "--") {
            options_ended = true;
            continue;
        }
        if (!options_ended && arg.size() > 1 && arg[0] == '-') {
            std::string name = arg;
            std::optional<std::string> inline_value;
            if (auto eq = arg.find('='); eq != std::string::npos && arg.starts_with("--")) {
                name = arg.substr(0, eq);
                inline_value = arg.substr(eq + 1);
            }
            const Flag* flag = find_flag(inv.path, name);
            if (!flag) throw UsageError("unknown option " + name + " for `" + here + "`", here);
            const bool seen = inv.has(flag->name);
            if (seen && !flag->repeatable)
                throw UsageError("option " + flag->name + " given more than once", here);
            if (flag->value_name.empty()) {
                if (inline_value) throw UsageError("option " + flag->name + " takes no value", here);
                if (!seen) inv.switches.push_back(flag->name);
                continue;
            }
            if (!inline_value) {
                if (i + 1 >= args.size())
                    throw UsageError("option " + flag->name + " needs a value (" + flag->value_name + ")", here);
                inline_value = args[++i];
            }
            inv.values[flag->name].push_back(*inline_value);
            continue;
        }
        // A word: a subcommand while the current command has them, otherwise a positional.
        const Command& current = *inv.path.back();
        if (!current.subcommands.empty()) {
            const Command* sub = find_subcommand(current, arg);
            if (!sub) throw UsageError("unknown command '" + arg + "' for `" + here + "`", here);
            inv.path.push_back(sub);
            continue;
        }
        inv.positionals.push_back(arg);
    }

    const Command& command = inv.command();
    const std::string here = path_name(inv.path);
    if (!command.subcommands.empty()) {
        throw UsageError(inv.path.size() == 1 ? "missing command"
                                              : "missing subcommand for `" + here + "`",
                         here);
    }
    std::size_t required = 0;
    for (const auto& p : command.positionals) required += p.optional ? 0 : 1;
    if (inv.positionals.size() < required) {
        const auto& missing = command.positionals[inv.positionals.size()];
        throw UsageError("`" + here + "` needs " + missing.name, here);
    }
    if (inv.positionals.size() > command.positionals.size())
        throw UsageError("unexpected argument '" + inv.positionals[command.positionals.size()] +
                             "' for `" + here + "`",
                         here);
    return inv;
}

namespace {

void print_items(std::ostringstream& out, const std::vector<std::pair<std::string, std::string>>& items) {
    std::size_t width = 0;
    for (const auto& [left, right] : items) width = std::max(width, left.size());
    width = std::min<std::size_t>(width, 28);
    for (const auto& [left, right] : items) {
        out << "  " << left;
        if (left.size() > width) {
            out << "\n  " << std::string(width, ' ');
        } else {
            out << std::string(width - left.size(), ' ');
        }
        // Continuation lines of a multi-line help line up under its first line.
        std::string indented;
        for (char ch : right) {
            indented += ch;
            if (ch == '\n') indented += std::string(width + 4, ' ');
        }
        out << "  " << indented << '\n';
    }
}

std::vector<std::pair<std::string, std::string>> flag_items(const std::vector<Flag>& flags) {
    std::vector<std::pair<std::string, std::string>> items;
    for (const auto& f : flags) {
        std::string left = f.name + (f.value_name.empty() ? "" : " " + f.value_name);
        std::string right = f.help + (f.repeatable ? " (repeatable)" : "");
        items.emplace_back(std::move(left), std::move(right));
    }
    return items;
}

}  // namespace

std::string help_text(const std::vector<const Command*>& path) {
    const Command& command = *path.back();
    std::ostringstream out;
    out << "Usage: revolut " << command.usage << "\n\n";
    out << command.summary << "\n";
    if (!command.description.empty()) out << '\n' << command.description << '\n';

    if (!command.subcommands.empty()) {
        out << "\nCommands:\n";
        std::vector<std::pair<std::string, std::string>> items;
        for (const auto& sub : command.subcommands) items.emplace_back(sub.name, sub.summary);
        print_items(out, items);
    }
    if (!command.positionals.empty()) {
        out << "\nArguments:\n";
        std::vector<std::pair<std::string, std::string>> items;
        for (const auto& p : command.positionals) items.emplace_back(p.name, p.help);
        print_items(out, items);
    }
    if (path.size() > 1 && !command.flags.empty()) {
        out << "\nOptions:\n";
        print_items(out, flag_items(command.flags));
    }
    // Flags of the groups in between (none today) and the root's common ones.
    for (std::size_t i = path.size() - 1; i-- > 1;) {
        if (path[i]->flags.empty()) continue;
        out << "\nOptions of `" << path[i]->name << "`:\n";
        print_items(out, flag_items(path[i]->flags));
    }
    out << "\nCommon options (anywhere on the command line):\n";
    print_items(out, flag_items(path.front()->flags));
    if (path.size() == 1) {
        out << '\n' << exit_codes_help();
    } else {
        out << "\nExit codes: 0 ok, 2 usage error, 3 credentials (run `revolut auth-manual`),\n"
               "4 API error, 5 network/TLS/timeout, 1 other (see `revolut --help`).\n";
    }
    if (!command.subcommands.empty()) {
        std::string name = path_name(path);
        out << "\nRun `" << name << " COMMAND --help` for a command's options.\n";
    }
    return out.str();
}

}  // namespace revolut::cli
