#pragma once
// The options every command shares (credentials file, environment, base URL, CA file,
// output format, timeout), and running a coroutine with an open AsyncClient.

#include "cli/command_line.hpp"

#include <revolut/client.hpp>

#include <boost/asio/awaitable.hpp>

#include <chrono>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace revolut::cli {

struct CommonOptions {
    std::filesystem::path creds = "credentials/creds.json";  ///< pyrevolut's default
    bool sandbox = true;
    std::optional<std::string> base_url;           ///< overrides sandbox/production
    std::optional<std::filesystem::path> ca_file;  ///< extra trusted CA (e.g. revolut-mock's)
    bool table = false;                            ///< readable table instead of JSON
    std::chrono::seconds timeout{30};              ///< per request
};

/// The root command's flags: accepted by every command.
std::vector<Flag> common_flags();

/// Reads the common flags; UsageError for --sandbox with --production or a bad --timeout.
CommonOptions read_common_options(const Invocation& inv);

/// The API base URL the options select: --base-url, or the sandbox/production host.
std::string api_base_url(const CommonOptions& common);

/// AsyncClient options for the credentials file and connection settings.
ClientOptions client_options(const CommonOptions& common);

/// Opens a client, awaits `body`, closes it; rethrows what the body or the client threw.
void run_with_client(const CommonOptions& common,
                     const std::function<boost::asio::awaitable<void>(AsyncClient&)>& body);

/// Runs `work` on a fresh single-threaded io_context until it finishes; rethrows its failure.
void run_coroutine(const std::function<boost::asio::awaitable<void>(boost::asio::any_io_executor)>& work);

}  // namespace revolut::cli
