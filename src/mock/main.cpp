// revolut-mock: runs the emulator until SIGINT/SIGTERM. See usage_text() for the flags.

#include "mock/command_line.hpp"

#include <revolut/credentials.hpp>
#include <revolut/mock/server.hpp>

#include <boost/asio/io_context.hpp>
#include <boost/asio/signal_set.hpp>

#include <csignal>
#include <exception>
#include <filesystem>
#include <iostream>

namespace {

int serve(const revolut::mock::CommandLine& command) {
    boost::asio::io_context ioc;
    revolut::mock::Server server(ioc.get_executor(), command.server);
    for (const auto& token : command.tokens) server.add_access_token(token);
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
