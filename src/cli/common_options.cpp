#include "cli/common_options.hpp"

#include "cli/exit_code.hpp"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>

#include <charconv>
#include <exception>

namespace revolut::cli {

namespace asio = boost::asio;

std::vector<Flag> common_flags() {
    std::vector<Flag> flags;
    flags.push_back({"--creds", "PATH", "credentials file (default: credentials/creds.json)", false});
    flags.push_back({"--sandbox", "", "use the sandbox API (the default)", false});
    flags.push_back({"--production", "", "use the production API (real money)", false});
    flags.push_back({"--base-url", "URL", "API base URL instead of sandbox/production,\ne.g. revolut-mock's https://127.0.0.1:PORT/api", false});
    flags.push_back({"--ca-file", "PATH", "also trust this CA certificate (PEM), e.g. revolut-mock's", false});
    flags.push_back({"--table", "", "print a readable table instead of JSON", false});
    flags.push_back({"--timeout", "SECONDS", "time limit per request (default: 30)", false});
    flags.push_back({"--help", "", "show help (also -h)", false});
    return flags;
}

CommonOptions read_common_options(const Invocation& inv) {
    CommonOptions common;
    const std::string here = inv.command_name();
    if (auto creds = inv.value("--creds")) {
        if (creds->empty()) throw UsageError("--creds needs a file path", here);
        common.creds = *creds;
    }
    if (inv.has("--sandbox") && inv.has("--production"))
        throw UsageError("--sandbox and --production exclude each other", here);
    common.sandbox = !inv.has("--production");
    if (auto url = inv.value("--base-url")) {
        if (!url->starts_with("https://"))
            throw UsageError("--base-url must be an https:// URL, e.g. https://127.0.0.1:8443/api", here);
        common.base_url = *url;
    }
    if (auto ca = inv.value("--ca-file")) common.ca_file = *ca;
    common.table = inv.has("--table");
    if (auto timeout = inv.value("--timeout")) {
        int seconds = 0;
        auto [end, ec] = std::from_chars(timeout->data(), timeout->data() + timeout->size(), seconds);
        if (ec != std::errc() || end != timeout->data() + timeout->size() || seconds <= 0 || seconds > 3600)
            throw UsageError("--timeout takes a whole number of seconds from 1 to 3600", here);
        common.timeout = std::chrono::seconds(seconds);
    }
    return common;
}

std::string api_base_url(const CommonOptions& common) {
    if (common.base_url) return *common.base_url;
    return common.sandbox ? "https://sandbox-b2b.revolut.com/api" : "https://b2b.revolut.com/api";
}

ClientOptions client_options(const CommonOptions& common) {
    ClientOptions options;
    options.creds_loc = common.creds.string();
    options.sandbox = common.sandbox;
    options.base_url = common.base_url;
    options.ca_file = common.ca_file;
    options.request_timeout = common.timeout;
    options.connect_timeout = std::min<std::chrono::milliseconds>(options.connect_timeout, common.timeout);
    options.max_connections = 1;  // one command, one request at a time
    return options;
}

void run_coroutine(const std::function<asio::awaitable<void>(asio::any_io_executor)>& work) {
    asio::io_context ioc;
    std::exception_ptr failure;
    asio::co_spawn(ioc, work(ioc.get_executor()), [&](std::exception_ptr e) { failure = e; });
    ioc.run();
    if (failure) std::rethrow_exception(failure);
}

void run_with_client(const CommonOptions& common,
                     const std::function<asio::awaitable<void>(AsyncClient&)>& body) {
    run_coroutine([&](asio::any_io_executor executor) -> asio::awaitable<void> {
        AsyncClient client(executor, client_options(common));
        co_await client.session([&]() -> asio::awaitable<void> { co_await body(client); });
    });
}

}  // namespace revolut::cli
