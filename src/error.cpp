#include <revolut/error.hpp>

#include <boost/asio/error.hpp>

#include <string>

namespace revolut {
namespace {

// boost's error_category has a protected non-virtual destructor by design: categories are
// singletons, never deleted through a base pointer.
class RevolutCategory final : public boost::system::error_category {  // NOLINT(cppcoreguidelines-virtual-class-destructor)
public:
    const char* name() const noexcept override { return "revolut"; }

    std::string message(int value) const override {
        switch (static_cast<Errc>(value)) {
        case Errc::invalid_argument: return "invalid argument";
        case Errc::not_open: return "client is not open";
        case Errc::invalid_environment: return "operation not available in this environment";
        case Errc::credentials: return "credentials missing or malformed";
        case Errc::reauthentication_required: return "re-authentication required";
        case Errc::token_refresh_failed: return "access token refresh failed";
        case Errc::bad_request: return "bad request (400)";
        case Errc::unauthorized: return "unauthorized (401)";
        case Errc::forbidden: return "forbidden (403)";
        case Errc::not_found: return "not found (404)";
        case Errc::method_not_allowed: return "method not allowed (405)";
        case Errc::not_acceptable: return "not acceptable (406)";
        case Errc::conflict: return "conflict (409)";
        case Errc::unprocessable_entity: return "unprocessable entity (422)";
        case Errc::too_many_requests: return "too many requests (429)";
        case Errc::server_error: return "server error (5xx)";
        case Errc::unexpected_status: return "unexpected HTTP status";
        case Errc::timeout: return "timed out";
        case Errc::network: return "network error";
        case Errc::tls: return "TLS error";
        case Errc::response_too_large: return "response too large";
        case Errc::invalid_response: return "invalid response";
        case Errc::signature_header_missing: return "webhook signature header missing";
        case Errc::signature_header_malformed: return "webhook signature header malformed";
        case Errc::unsupported_signature_version: return "unsupported webhook signature version";
        case Errc::timestamp_out_of_tolerance: return "webhook timestamp outside tolerance";
        case Errc::signature_mismatch: return "signature mismatch";
        case Errc::body_not_json: return "webhook body is not JSON";
        }
        return "unknown revolut error";
    }
};

std::string api_error_text(unsigned status, const std::optional<std::int64_t>& code,
                           const std::string& message) {
    std::string text = "Revolut API error: HTTP " + std::to_string(status);
    if (code) text += ", code " + std::to_string(*code);
    if (!message.empty()) text += ": " + message;
    return text;
}

}  // namespace

const boost::system::error_category& category() noexcept {
    static const RevolutCategory instance;
    return instance;
}

Errc errc_for_status(unsigned status) noexcept {
    switch (status) {
    case 400: return Errc::bad_request;
    case 401: return Errc::unauthorized;
    case 403: return Errc::forbidden;
    case 404: return Errc::not_found;
    case 405: return Errc::method_not_allowed;
    case 406: return Errc::not_acceptable;
    case 409: return Errc::conflict;
    case 422: return Errc::unprocessable_entity;
    case 429: return Errc::too_many_requests;
    default: return status >= 500 && status <= 599 ? Errc::server_error : Errc::unexpected_status;
    }
}

ApiError::ApiError(unsigned status, std::optional<std::int64_t> api_code, std::string api_message)
    : ApiError(errc_for_status(status), status, api_code, std::move(api_message)) {}

ApiError::ApiError(Errc code, unsigned status, std::optional<std::int64_t> api_code, std::string api_message)
    : Error(make_error_code(code), api_error_text(status, api_code, api_message)),
      status_(status),
      api_code_(api_code),
      api_message_(std::move(api_message)) {}

boost::system::error_code error_code_of(const std::exception_ptr& e) noexcept {
    if (!e) return {};
    try {
        std::rethrow_exception(e);
    } catch (const boost::system::system_error& error) {
        return error.code();
    } catch (...) {
        return make_error_code(Errc::invalid_response);
    }
}

}  // namespace revolut
