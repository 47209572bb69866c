// revolut-mock: runs the emulator until SIGINT/SIGTERM. See usage_text() for the flags.

#include "mock/command_line.hpp"

#include <revolut/credentials.hpp>
#include <revolut/mock/server.hpp>

#include <boost/asio/io_context.hpp>
#include <boost/asio/signal_set.hpp>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <csignal>
#include <exception>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace {

std::string read_text_file(const std::filesystem::path& path, const char* what) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    if (!in || text.str().empty()) {
        throw std::runtime_error(std::string("cannot read the ") + what + " file " + path.string());
    }
    return text.str();
}

// Authorization codes are secrets: the file is created 0600 and never printed.
void write_auth_codes(const std::filesystem::path& path,
                      const std::vector<std::pair<std::string, std::string>>& codes) {
    std::string text;
    for (const auto& [client_id, code] : codes) text.append(client_id).append(" ").append(code).append("\n");
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0) throw std::runtime_error("cannot write the auth code file " + path.string());
    bool ok = ::fchmod(fd, 0600) == 0;
    std::size_t written = 0;
    while (ok && written < text.size()) {
        const auto n = ::write(fd, text.data() + written, text.size() - written);
        ok = n > 0;
        if (ok) written += static_cast<std::size_t>(n);
    }
    ok = ::close(fd) == 0 && ok;
    if (!ok) throw std::runtime_error("cannot write the auth code file " + path.string());
}

int serve(const revolut::mock::CommandLine& command) {
    boost::asio::io_context ioc;
    auto options = command.server;
    if (command.webhook_ca_file) {
        options.webhook_ca_pem = read_text_file(*command.webhook_ca_file, "webhook CA");
    }
    revolut::mock::Server server(ioc.get_executor(), options);
    for (const auto& token : command.tokens) server.add_access_token(token);
    std::vector<std::pair<std::string, std::string>> codes;
    for (const auto& [client_id, cert_file] : command.clients) {
        server.register_client_with_id(client_id, read_text_file(cert_file, "client certificate"));
        if (command.auth_code_file) {
            codes.emplace_back(client_id, server.issue_authorization_code(client_id));
        }
    }
    if (command.auth_code_file) write_auth_codes(*command.auth_code_file, codes);
    for (const auto& spec : command.faults) {
        if (spec.tls_handshake_failure) {
            server.fail_tls_handshakes(spec.fault.times);
        } else {
            server.set_fault(spec.method, spec.path_prefix, spec.fault);
        }
    }
    server.start();

    const auto ca_file =
        command.ca_out.value_or(std::filesystem::temp_directory_path() /
                                ("revolut-mock-ca-" + std::to_string(server.port()) + ".pem"));
    server.write_ca_certificate(ca_file);
    if (command.creds_out) {
        revolut::save_credentials_file(*command.creds_out, server.issue_credentials());
    }

    std::cout << "base_url=" << server.base_url() << '\n' << "ca_file=" << ca_file.string() << '\n';
    if (command.creds_out) std::cout << "creds_file=" << command.creds_out->string() << '\n';
    if (command.auth_code_file) {
        std::cout << "auth_code_file=" << command.auth_code_file->string() << '\n';
    }
    std::cout.flush();

    boost::asio::signal_set signals(ioc, SIGINT, SIGTERM);
    signals.async_wait([&](const boost::system::error_code& ec, int) {
        if (ec) return;
        server.stop();
        // Back to the default disposition: a second Ctrl-C ends a slow graceful stop at once.
        boost::system::error_code ignored;
        signals.clear(ignored);
    });
    ioc.run();
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    revolut::mock::CommandLine command;
    try {
        command =
            revolut::mock::parse_command_line(std::vector<std::string_view>(argv + 1, argv + argc));
    } catch (const std::invalid_argument& e) {
        std::cerr << "revolut-mock: " << e.what() << "\n\n" << revolut::mock::usage_text();
        return 2;
    }
    if (command.help) {
        std::cout << revolut::mock::usage_text();
        return 0;
    }
    try {
        return serve(command);
    } catch (const std::exception& e) {
        std::cerr << "revolut-mock: " << e.what() << '\n';
        return 1;
    }
}
