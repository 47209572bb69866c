#include "cli/api_command.hpp"

#include "cli/common_options.hpp"
#include "cli/exit_code.hpp"
#include "cli/output.hpp"

#include <revolut/client.hpp>
#include <revolut/raw_request.hpp>

#include <boost/json/parse.hpp>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <iterator>
#include <istream>
#include <ostream>
#include <sstream>

namespace revolut::cli {

namespace asio = boost::asio;
namespace json = boost::json;
using boost::beast::http::verb;

namespace {

constexpr const char* here = "revolut api";

verb parse_method(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(), [](unsigned char ch) { return static_cast<char>(std::toupper(ch)); });
    if (text == "GET") return verb::get;
    if (text == "POST") return verb::post;
    if (text == "PATCH") return verb::patch;
    if (text == "PUT") return verb::put;
    if (text == "DELETE") return verb::delete_;
    throw UsageError("unsupported method '" + text + "' (GET, POST, PATCH, PUT or DELETE)", here);
}

// "/2.0/webhooks"; "/api/2.0/webhooks" (the path as the API reference writes it) works too.
std::string parse_target(const std::string& path) {
    if (!path.starts_with('/')) throw UsageError("the path must start with '/', e.g. /2.0/webhooks", here);
    if (path.starts_with("/api/1.0/") || path.starts_with("/api/2.0/") || path == "/api/1.0" || path == "/api/2.0")
        return path.substr(4);
    return path;
}

// The body argument: JSON text, @FILE, or @- for stdin.
json::value parse_body(const std::string& arg, std::istream& in) {
    std::string text = arg;
    if (arg.starts_with('@')) {
        const std::string path = arg.substr(1);
        if (path == "-") {
            text.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
        } else {
            std::ifstream file(path, std::ios::binary);
            if (!file) throw UsageError("cannot read the body file '" + path + "'", here);
            std::ostringstream content;
            content << file.rdbuf();
            text = content.str();
        }
    }
    json::error_code ec;
    auto body = json::parse(text, ec);
    if (ec) throw UsageError("the body is not valid JSON: " + ec.message(), here);
    return body;
}

int run_api(const Invocation& inv, Console& io) {
    const auto common = read_common_options(inv);
    const verb method = parse_method(inv.positionals.at(0));
    const std::string target = parse_target(inv.positionals.at(1));
    std::optional<json::value> body;
    if (inv.positionals.size() > 2) body = parse_body(inv.positionals[2], io.in);
    json::value result;
    run_with_client(common, [&](AsyncClient& client) -> asio::awaitable<void> {
        result = co_await raw_request(client, method, target, body);
    });
    io.out << (common.table ? render_json_table(result, inv.has("--show-secret")) : pretty_json(result));
    return 0;
}

}  // namespace

Command api_command() {
    Command c;
    c.name = "api";
    c.summary = "Call any API endpoint and print its JSON answer";
    c.usage = "api METHOD PATH [BODY] [OPTIONS]";
    c.description =
        "Sends the request with your credentials (the access token is refreshed when needed)\n"
        "and prints the response body. Errors exit as described below.\n\n"
        "Examples:\n"
        "  revolut api GET /2.0/webhooks\n"
        "  revolut api GET '/1.0/transactions?count=5'\n"
        "  revolut api POST /2.0/webhooks '{\"url\": \"https://example.com/hook\"}'\n"
        "  revolut api PATCH /2.0/webhooks/ID @changes.json";
    c.positionals = {{"METHOD", "GET, POST, PATCH, PUT or DELETE", false},
                     {"PATH", "below the base URL, with the API version and any query,\ne.g. /1.0/accounts or /2.0/webhooks", false},
                     {"BODY", "JSON request body: the text itself, @FILE, or @- for stdin", true}};
    c.flags = {{"--show-secret", "", "show signing secrets in --table output", false}};
    c.handler = run_api;
    return c;
}

}  // namespace revolut::cli
