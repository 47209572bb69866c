#pragma once
// Shared by the examples: where to find Revolut. With no flags an embedded revolut-mock is
// started on loopback (no account, no internet); with --creds the real API is used.
//
//   example                                  embedded emulator
//   example --creds creds.json [--sandbox | --production]
//   example --base-url URL --ca-file ca.pem --creds creds.json   (e.g. a running revolut-mock)

#include <revolut/client.hpp>
#include <revolut/mock/server.hpp>

#include <boost/asio/awaitable.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>

#include <exception>

#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace example {

struct Setup {
    revolut::ClientOptions options;
    std::unique_ptr<revolut::mock::Server> emulator;  // set when running against the embedded one
};

inline void usage(const char* program) {
    std::cerr << "usage: " << program << " [--creds FILE [--sandbox | --production]]"
              << " [--base-url URL] [--ca-file FILE]\n"
              << "With no --creds an embedded revolut-mock emulator is started on 127.0.0.1.\n";
}

/// Parses the command line; nullopt after printing usage on bad flags or --help.
inline std::optional<Setup> setup_from_args(int argc, char** argv, boost::asio::io_context& ioc) {
    Setup setup;
    bool have_creds = false;
    for (int i = 1; i < argc; ++i) {
        std::string_view arg = argv[i];
        auto value = [&]() -> std::optional<std::string> {
            if (i + 1 >= argc) return std::nullopt;
            return std::string(argv[++i]);
        };
        if (arg == "--creds") {
            auto v = value();
            if (!v) return usage(argv[0]), std::nullopt;
            setup.options.creds_loc = *v;
            have_creds = true;
        } else if (arg == "--sandbox") {
            setup.options.sandbox = true;
        } else if (arg == "--production") {
            setup.options.sandbox = false;
        } else if (arg == "--base-url") {
            auto v = value();
            if (!v) return usage(argv[0]), std::nullopt;
            setup.options.base_url = *v;
        } else if (arg == "--ca-file") {
            auto v = value();
            if (!v) return usage(argv[0]), std::nullopt;
            setup.options.ca_file = *v;
        } else {
            usage(argv[0]);
            return std::nullopt;
        }
    }
    if (!have_creds) {
        setup.emulator = std::make_unique<revolut::mock::Server>(ioc.get_executor());
        setup.emulator->start();
        setup.options.base_url = setup.emulator->base_url();
        setup.options.ca_pem = setup.emulator->ca_certificate_pem();
        setup.options.use_system_trust_store = false;
        setup.options.creds = revolut::serialize_credentials(setup.emulator->issue_credentials());
        std::cout << "Using the embedded revolut-mock at " << setup.emulator->base_url()
                  << " (real TLS on loopback)\n";
    }
    return setup;
}

/// Runs `work` to completion, prints what it threw, stops the embedded emulator; the
/// process exit status.
inline int run_to_completion(boost::asio::io_context& ioc, Setup& setup, boost::asio::awaitable<void> work) {
    int status = 0;
    boost::asio::co_spawn(ioc, std::move(work), [&](std::exception_ptr e) {
        if (e) {
            try {
                std::rethrow_exception(e);
            } catch (const std::exception& error) {
                std::cerr << "error: " << error.what() << "\n";
            }
            status = 1;
        }
        if (setup.emulator) setup.emulator->stop();
    });
    ioc.run();
    return status;
}

}  // namespace example
