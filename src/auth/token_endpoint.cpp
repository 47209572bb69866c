#include "auth/token_endpoint.hpp"

#include <boost/beast/http/field.hpp>
#include <boost/json/parse.hpp>

#include <algorithm>
#include <cctype>

namespace revolut::auth {

namespace json = boost::json;

namespace {

// application/x-www-form-urlencoded. Everything but RFC 3986 unreserved characters is
// percent-encoded: a literal '+' would otherwise be read back as a space.
void append_encoded(std::string& out, std::string_view text) {
    static constexpr char hex[] = "0123456789ABCDEF";
    for (unsigned char c : text) {
        if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~') {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 0x0F];
        }
    }
}

std::string form(std::initializer_list<std::pair<std::string_view, std::string_view>> fields) {
    std::string out;
    for (const auto& [key, value] : fields) {
        if (!out.empty()) out += '&';
        append_encoded(out, key);
        out += '=';
        append_encoded(out, value);
    }
    return out;
}

std::string string_field(const json::object& o, std::string_view key) {
    auto* v = o.if_contains(key);
    return v && v->is_string() ? std::string(v->get_string()) : std::string();
}

}  // namespace

std::string refresh_token_form(std::string_view refresh_token, std::string_view client_assertion) {
    return form({{"grant_type", "refresh_token"},
                 {"refresh_token", refresh_token},
                 {"client_assertion_type", jwt_bearer_assertion_type},
                 {"client_assertion", client_assertion}});
}

std::string authorization_code_form(std::string_view code, std::string_view client_id,
                                    std::string_view client_assertion) {
    return form({{"grant_type", "authorization_code"},
                 {"code", code},
                 {"client_id", client_id},
                 {"client_assertion_type", jwt_bearer_assertion_type},
                 {"client_assertion", client_assertion}});
}

TokenResponse parse_token_response(unsigned status, std::string_view body) {
    json::error_code ec;
    auto parsed = json::parse(body, ec);
    const json::object* o = !ec && parsed.is_object() ? &parsed.get_object() : nullptr;

    if (status < 200 || status > 299) {
        // OAuth errors: {"error": "invalid_grant", "error_description": "..."}; Revolut's
        // other shape {"code", "message"} is read too. Neither ever holds our tokens.
        std::string message;
        std::optional<std::int64_t> code;
        if (o) {
            message = string_field(*o, "error");
            auto description = string_field(*o, "error_description");
            if (description.empty()) description = string_field(*o, "message");
            if (!description.empty()) message += (message.empty() ? "" : ": ") + description;
            if (auto* c = o->if_contains("code"); c && c->is_int64()) code = c->get_int64();
        }
        if (message.size() > 500) message.resize(500);
        throw ApiError(Errc::token_refresh_failed, status, code,
                       message.empty() ? "token endpoint refused the request" : message);
    }
    if (!o) throw ApiError(Errc::token_refresh_failed, status, std::nullopt, "token response is not a JSON object");

    TokenResponse response;
    response.access_token = string_field(*o, "access_token");
    response.token_type = string_field(*o, "token_type");
    if (auto refresh = string_field(*o, "refresh_token"); !refresh.empty()) response.refresh_token = refresh;
    auto* expires = o->if_contains("expires_in");
    if (response.access_token.empty() || !expires || !expires->is_int64() || expires->get_int64() <= 0)
        throw ApiError(Errc::token_refresh_failed, status, std::nullopt,
                       "token response lacks access_token or a positive expires_in");
    // Capped: the expiry time is computed as now + expires_in in microseconds, which an absurd
    // value (e.g. 10^13 s) would overflow. Revolut's tokens last 40 minutes; a token said to
    // last longer than a year is simply refreshed after a year.
    constexpr std::int64_t max_expires_in = 365LL * 24 * 3600;
    response.expires_in = std::chrono::seconds(std::min(expires->get_int64(), max_expires_in));
    return response;
}

boost::asio::awaitable<TokenResponse> request_token(http::Transport& transport, std::string form_body,
                                                    std::string user_agent,
                                                    std::chrono::steady_clock::duration timeout) {
    namespace beast_http = boost::beast::http;
    http::Request request{beast_http::verb::post,
                          transport.url().path_prefix + std::string(token_target), 11};
    request.set(beast_http::field::content_type, "application/x-www-form-urlencoded");
    request.set(beast_http::field::accept, "application/json");
    request.set(beast_http::field::user_agent, user_agent);
    request.body() = std::move(form_body);
    // Not idempotent as far as the transport knows: resent only if it provably never left.
    auto response = co_await transport.send(request, http::RequestLimits{timeout, 64 * 1024, false});
    co_return parse_token_response(response.result_int(), response.body());
}

}  // namespace revolut::auth
