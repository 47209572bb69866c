// The OAuth token endpoint (POST /api/1.0/auth/token), as pyrevolut and Revolut's guides use
// it: a form-encoded body, client authentication by an RS256 client-assertion JWT (RFC 7523)
// checked against the client's uploaded certificate, and two grants:
//   refresh_token       -> {access_token, token_type, expires_in}
//   authorization_code  -> {access_token, refresh_token, token_type, expires_in}
// Refusals use RFC 6749's error body, {"error": …, "error_description": …}, and never echo a
// token, code or assertion.

#include "mock/form_body.hpp"
#include "mock/json_responses.hpp"
#include "mock/routes.hpp"

#include "crypto/base64.hpp"
#include "crypto/jwt.hpp"

#include <boost/beast/core/string.hpp>
#include <boost/beast/http/field.hpp>
#include <boost/json/parse.hpp>

#include <string>
#include <string_view>
#include <variant>

namespace revolut::mock {

namespace http = boost::beast::http;
namespace json = boost::json;

namespace {

constexpr std::string_view token_path = "/api/1.0/auth/token";
constexpr std::string_view jwt_bearer = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
// pyrevolut sends this literal placeholder as client_id in the authorization-code grant.
constexpr std::string_view placeholder_client_id = "client_id";
// Longer assertions are refused before any decoding.
constexpr std::size_t max_assertion_size = 16 * 1024;

Response no_store(Response response) {
    response.set(http::field::cache_control, "no-store");
    response.set(http::field::pragma, "no-cache");
    return response;
}

Response oauth_error(http::status status, std::string_view error, std::string_view description) {
    return no_store(json_response(
        status, json::object{{"error", error}, {"error_description", description}}));
}

Response invalid_request(std::string_view description) {
    return oauth_error(http::status::bad_request, "invalid_request", description);
}

Response invalid_client(std::string_view description) {
    return oauth_error(http::status::unauthorized, "invalid_client", description);
}

Response invalid_grant(std::string_view description) {
    return oauth_error(http::status::unauthorized, "invalid_grant", description);
}

bool is_form_encoded(const Request& request) {
    auto header = request.find(http::field::content_type);
    if (header == request.end()) return false;
    std::string_view type = header->value();
    type = type.substr(0, type.find(';'));
    while (!type.empty() && (type.back() == ' ' || type.back() == '\t')) type.remove_suffix(1);
    return boost::beast::iequals(type, "application/x-www-form-urlencoded");
}

// The `sub` claim, read before the signature is checked: it names the client whose
// certificate the signature is then checked against. Nothing else is trusted from it.
std::optional<std::string> unverified_subject(std::string_view jwt) {
    if (jwt.size() > max_assertion_size) return std::nullopt;
    const auto first = jwt.find('.');
    const auto second = first == std::string_view::npos ? first : jwt.find('.', first + 1);
    if (second == std::string_view::npos) return std::nullopt;
    auto claims = detail::base64url_decode(jwt.substr(first + 1, second - first - 1));
    if (!claims) return std::nullopt;
    boost::system::error_code ec;
    auto parsed = json::parse(*claims, ec);
    if (ec || !parsed.is_object()) return std::nullopt;
    const auto* sub = parsed.as_object().if_contains("sub");
    if (sub == nullptr || !sub->is_string() || sub->get_string().empty()) return std::nullopt;
    return std::string(sub->get_string());
}

std::string_view assertion_refusal(detail::JwtFailure failure) {
    switch (failure) {
    case detail::JwtFailure::unsupported_algorithm: return "client assertion must be signed with RS256";
    case detail::JwtFailure::signature_mismatch:
        return "client assertion signature does not match the registered certificate";
    case detail::JwtFailure::expired: return "client assertion has expired";
    case detail::JwtFailure::bad_key: return "the registered certificate cannot verify signatures";
    case detail::JwtFailure::malformed:
    case detail::JwtFailure::invalid_input: break;
    }
    return "client assertion is malformed";
}

// The registered client the request's assertion authenticates, or the refusal.
std::variant<const RegisteredClient*, Response> authenticate(const RouteContext& ctx,
                                                             const FormFields& form) {
    const auto* type = form_value(form, "client_assertion_type");
    const auto* assertion = form_value(form, "client_assertion");
    if (type == nullptr || assertion == nullptr) {
        return invalid_request("client_assertion_type and client_assertion are required");
    }
    if (*type != jwt_bearer) {
        return invalid_client("client_assertion_type must be " + std::string(jwt_bearer));
    }
    const auto subject = unverified_subject(*assertion);
    if (!subject) return invalid_client("client assertion is malformed");
    const auto* client = ctx.state.auth.find_client(*subject);
    if (client == nullptr) return invalid_client("client assertion names an unknown client");

    detail::JwtClaims claims;
    try {
        claims = detail::verify_client_assertion(*assertion, client->certificate_pem, ctx.now);
    } catch (const detail::JwtError& e) {
        return invalid_client(assertion_refusal(e.failure()));
    } catch (const Error&) {
        return invalid_client("client assertion cannot be verified");
    }
    if (claims.sub != client->client_id) return invalid_client("client assertion is malformed");
    if (claims.aud != detail::client_assertion_audience) {
        return invalid_client("client assertion audience must be " +
                              std::string(detail::client_assertion_audience));
    }
    if (client->assertion_issuer && claims.iss != *client->assertion_issuer) {
        return invalid_client("client assertion issuer does not match the registered redirect URI");
    }
    return client;
}

Response issued(const RouteContext& ctx, std::string access_token,
                std::optional<std::string> refresh_token) {
    json::object body{{"access_token", std::move(access_token)}};
    if (refresh_token) body["refresh_token"] = *refresh_token;
    body["token_type"] = "bearer";
    body["expires_in"] = static_cast<std::int64_t>(ctx.state.auth.lifetimes().access_token.count());
    return no_store(json_response(http::status::ok, body));
}

Response refresh_grant(const RouteContext& ctx, const FormFields& form) {
    const auto* refresh_token = form_value(form, "refresh_token");
    if (refresh_token == nullptr) return invalid_request("refresh_token is required");
    auto client = authenticate(ctx, form);
    if (auto* refusal = std::get_if<Response>(&client)) return std::move(*refusal);
    const auto& client_id = std::get<const RegisteredClient*>(client)->client_id;

    auto& auth = ctx.state.auth;
    const auto owner = auth.refresh_token_owner(*refresh_token, ctx.now);
    if (!owner || *owner != client_id) {
        return invalid_grant("refresh token is invalid, expired or revoked");
    }
    ++ctx.state.stats.token_refreshes;
    return issued(ctx, auth.issue_access_token(ctx.now), std::nullopt);
}

Response authorization_code_grant(const RouteContext& ctx, const FormFields& form) {
    const auto* code = form_value(form, "code");
    if (code == nullptr) return invalid_request("code is required");
    auto client = authenticate(ctx, form);
    if (auto* refusal = std::get_if<Response>(&client)) return std::move(*refusal);
    const auto& client_id = std::get<const RegisteredClient*>(client)->client_id;

    // The assertion identifies the client; a client_id field, if any, must not contradict it.
    if (const auto* named = form_value(form, "client_id");
        named != nullptr && *named != placeholder_client_id && *named != client_id) {
        return invalid_client("client_id does not match the client assertion");
    }
    auto& auth = ctx.state.auth;
    if (!auth.redeem_authorization_code(*code, client_id, ctx.now)) {
        return invalid_grant("authorization code is invalid, expired or already used");
    }
    return issued(ctx, auth.issue_access_token(ctx.now),
                  auth.issue_refresh_token(client_id, ctx.now));
}

Response token(const RouteContext& ctx) {
    if (!is_form_encoded(ctx.request)) {
        return invalid_request("the body must be application/x-www-form-urlencoded");
    }
    const auto form = parse_form(ctx.request.body());
    if (!form) return invalid_request("the form body is malformed or repeats a parameter");
    const auto* grant_type = form_value(*form, "grant_type");
    if (grant_type == nullptr) return invalid_request("grant_type is required");
    if (*grant_type == "refresh_token") return refresh_grant(ctx, *form);
    if (*grant_type == "authorization_code") return authorization_code_grant(ctx, *form);
    return oauth_error(http::status::bad_request, "unsupported_grant_type",
                       "grant_type must be authorization_code or refresh_token");
}

}  // namespace

bool is_token_request(const Request& request) {
    std::string_view target = request.target();
    return request.method() == http::verb::post && target.substr(0, target.find('?')) == token_path;
}

void add_auth_routes(Router& router) {
    router.add(http::verb::post, token_path, Access::open, token);
}

}  // namespace revolut::mock
