#include "mock/router.hpp"

#include <revolut/error.hpp>

#include "mock/json_responses.hpp"

#include <boost/beast/core/string.hpp>
#include <boost/beast/http/field.hpp>
#include <boost/url/parse.hpp>

#include <algorithm>

namespace revolut::mock {

namespace http = boost::beast::http;

namespace {

// Revolut's code for a missing, invalid or expired access token.
constexpr std::int64_t unauthorized_code = 1000;
// Revolut's code for an unexpected internal error.
constexpr std::int64_t internal_error_code = 5000;

bool is_placeholder(std::string_view segment) {
    return segment.size() > 2 && segment.front() == '{' && segment.back() == '}';
}

std::vector<std::string> split_pattern(std::string_view pattern) {
    std::vector<std::string> segments;
    while (!pattern.empty()) {
        if (pattern.front() == '/') pattern.remove_prefix(1);
        auto end = pattern.find('/');
        segments.emplace_back(pattern.substr(0, end));
        pattern.remove_prefix(end == std::string_view::npos ? pattern.size() : end);
    }
    return segments;
}

std::string_view trim(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
    return text;
}

// The token of `Authorization: Bearer <token>` (scheme case-insensitive, RFC 7235).
std::optional<std::string_view> bearer_token(const Request& request) {
    auto header = request.find(http::field::authorization);
    if (header == request.end()) return std::nullopt;
    std::string_view value = header->value();
    constexpr std::string_view scheme = "bearer ";
    if (value.size() <= scheme.size() ||
        !boost::beast::iequals(value.substr(0, scheme.size()), scheme)) {
        return std::nullopt;
    }
    auto token = trim(value.substr(scheme.size()));
    if (token.empty()) return std::nullopt;
    return token;
}

// One media range of an Accept header, e.g. `application/json;q=0.5`.
bool media_range_accepts_json(std::string_view range) {
    auto semicolon = range.find(';');
    auto type = trim(range.substr(0, semicolon));
    if (!boost::beast::iequals(type, "application/json") &&
        !boost::beast::iequals(type, "application/*") && type != "*/*") {
        return false;
    }
    while (semicolon != std::string_view::npos) {
        range.remove_prefix(semicolon + 1);
        semicolon = range.find(';');
        auto parameter = trim(range.substr(0, semicolon));
        if (parameter.size() >= 2 && (parameter[0] == 'q' || parameter[0] == 'Q') &&
            parameter[1] == '=') {
            auto weight = parameter.substr(2);
            // q=0, q=0.0, q=0.000: "not acceptable".
            return weight.find_first_not_of("0.") != std::string_view::npos;
        }
    }
    return true;
}

Response method_not_allowed(const std::vector<http::verb>& allowed) {
    std::string allow;
    for (auto verb : allowed) {
        if (!allow.empty()) allow += ", ";
        allow += std::string(http::to_string(verb));
    }
    auto response =
        error_response(http::status::method_not_allowed, 405, "Method not allowed; use " + allow);
    response.set(http::field::allow, allow);
    return response;
}

}  // namespace

std::string_view RouteContext::path_param(std::string_view name) const {
    for (const auto& [key, value] : path_params) {
        if (key == name) return value;
    }
    return {};
}

std::optional<std::string> RouteContext::query_param(std::string_view name) const {
    auto params = target.params();
    auto found = params.find(name);
    if (found == params.end()) return std::nullopt;
    return std::string((*found).value);
}

bool accepts_json(const Request& request) {
    auto [first, last] = request.equal_range(http::field::accept);
    if (first == last) return true;
    for (auto header = first; header != last; ++header) {
        std::string_view ranges = header->value();
        while (!ranges.empty()) {
            auto comma = ranges.find(',');
            if (media_range_accepts_json(ranges.substr(0, comma))) return true;
            ranges.remove_prefix(comma == std::string_view::npos ? ranges.size() : comma + 1);
        }
    }
    return false;
}

void Router::add(http::verb method, std::string_view pattern, Access access, RouteHandler handler) {
    routes_.push_back(Route{method, split_pattern(pattern), access, std::move(handler)});
}

void Router::add_seeder(std::string kind, Seeder seeder) {
    seeders_.emplace_back(std::move(kind), std::move(seeder));
}

boost::json::value Router::seed(std::string_view kind, State& state, const boost::json::value& data,
                                Timestamp now) const {
    for (const auto& [name, seeder] : seeders_)
        if (name == kind) return seeder(state, data, now);
    throw Error(make_error_code(Errc::invalid_argument), "revolut-mock has no seeder for '" + std::string(kind) + "'");
}

Response Router::dispatch(const Request& request, State& state, Timestamp now) const {
    auto target = boost::urls::parse_origin_form(request.target());
    if (!target) return error_response(http::status::bad_request, 400, "Malformed request target");

    std::vector<std::string> segments;
    for (auto segment : target->segments()) segments.push_back(std::move(segment));

    const Route* chosen = nullptr;
    std::vector<std::pair<std::string, std::string>> params;
    std::vector<http::verb> allowed;
    for (const auto& route : routes_) {
        if (route.segments.size() != segments.size()) continue;
        std::vector<std::pair<std::string, std::string>> captured;
        bool matches = true;
        for (std::size_t i = 0; i < segments.size() && matches; ++i) {
            if (is_placeholder(route.segments[i])) {
                matches = !segments[i].empty();
                captured.emplace_back(route.segments[i].substr(1, route.segments[i].size() - 2),
                                      segments[i]);
            } else {
                matches = route.segments[i] == segments[i];
            }
        }
        if (!matches) continue;
        if (std::find(allowed.begin(), allowed.end(), route.method) == allowed.end()) {
            allowed.push_back(route.method);
        }
        if (route.method == request.method() && chosen == nullptr) {
            chosen = &route;
            params = std::move(captured);
        }
    }

    if (allowed.empty()) return error_response(http::status::not_found, 404, "Not found");
    if (chosen == nullptr) return method_not_allowed(allowed);

    if (chosen->access == Access::bearer_token) {
        auto token = bearer_token(request);
        if (!token) {
            auto response = error_response(http::status::unauthorized, unauthorized_code,
                                           "Authorization header must be 'Bearer <access token>'");
            response.set(http::field::www_authenticate, "Bearer");
            return response;
        }
        if (!state.auth.accepts_access_token(*token, now)) {
            auto response = error_response(http::status::unauthorized, unauthorized_code,
                                           "Access token is invalid or has expired");
            response.set(http::field::www_authenticate, "Bearer error=\"invalid_token\"");
            return response;
        }
    }

    if (!accepts_json(request)) {
        return error_response(http::status::not_acceptable, 406,
                              "Only application/json responses are available");
    }

    RouteContext context{request, *target, state, now, std::move(params)};
    try {
        return chosen->handler(context);
    } catch (const std::exception&) {
        return error_response(http::status::internal_server_error, internal_error_code,
                              "Unexpected error in the emulator");
    }
}

}  // namespace revolut::mock
