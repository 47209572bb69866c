#include "cli/commands.hpp"

#include "cli/api_command.hpp"
#include "cli/auth_manual.hpp"
#include "cli/common_options.hpp"
#include "cli/exit_code.hpp"
#include "cli/webhooks_command.hpp"

#include <revolut/version.hpp>

#include <ostream>

namespace revolut::cli {

Command root_command() {
    Command root;
    root.name = "revolut";
    root.summary = "Command line for the Revolut Business API (revolut-cpp " + std::string(version) + ")";
    root.usage = "[OPTIONS] COMMAND [ARGS]";
    root.description =
        "First run `revolut auth-manual` to create the credentials file; every other command\n"
        "reads it (--creds) and refreshes the access token when it expires. The sandbox API is\n"
        "used unless --production (or --base-url) is given. Results are printed as JSON.";
    root.flags = common_flags();
    root.flags.push_back({"--version", "", "print the version", false});

    Command auth;
    auth.name = "auth-manual";
    auth.summary = "Set up credentials: certificate, consent, tokens (guided)";
    auth.usage = "auth-manual [OPTIONS]";
    auth.description =
        "Walks through Revolut's first-time API setup and writes the credentials file (0600):\n"
        "  1. generates an RSA-2048 private key and a self-signed X.509 certificate\n"
        "  2. shows how to upload the certificate in the Business web app (Settings > APIs),\n"
        "     which gives you a Client ID\n"
        "  3. signs the client-assertion JWT and prints the consent URL; consenting redirects\n"
        "     to your redirect URI with an authorization code\n"
        "  4. exchanges the code for access and refresh tokens (POST /1.0/auth/token)\n"
        "Every question has an option, so it also runs without a terminal, e.g. in two steps:\n"
        "  revolut auth-manual --certificate-only --key-out key.pem --cert-out cert.pem \\\n"
        "      --redirect-uri https://example.com\n"
        "  (upload cert.pem, open the consent URL, then)\n"
        "  revolut auth-manual --key key.pem --cert cert.pem --redirect-uri https://example.com \\\n"
        "      --client-id ID --code CODE\n"
        "Valid existing credentials are kept unless --force; a file readable by others is never\n"
        "overwritten without --force.";
    auth.flags = auth_manual_flags();
    auth.handler = [](const Invocation& inv, Console& io) {
        return run_auth_manual(inv, io.in, io.out, io.err, io.interactive);
    };

    root.subcommands.push_back(std::move(auth));
    root.subcommands.push_back(webhooks_command());
    root.subcommands.push_back(api_command());
    return root;
}

int run(const std::vector<std::string>& args, Console& console) {
    const Command root = root_command();
    if (args.empty()) {
        console.err << help_text({&root});
        return static_cast<int>(ExitCode::usage);
    }
    try {
        if (args[0] == "--version") {
            console.out << "revolut " << version << '\n';
            return 0;
        }
        Invocation inv = parse_command_line(root, args);
        if (inv.help) {
            console.out << help_text(inv.path);
            return 0;
        }
        if (inv.has("--version")) {
            console.out << "revolut " << version << '\n';
            return 0;
        }
        return inv.command().handler(inv, console);
    } catch (...) {
        return static_cast<int>(report_failure(std::current_exception(), console.err));
    }
}

}  // namespace revolut::cli
