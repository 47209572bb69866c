#pragma once
// Errors: one error-code enum with a "revolut" category for every failure class, and the
// exception types thrown on the awaitable path. No message ever contains a secret.

#include <boost/system/error_code.hpp>
#include <boost/system/system_error.hpp>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <type_traits>

namespace revolut {

/// Every failure class the library reports. Cancellation is reported as
/// `boost::asio::error::operation_aborted`, as Asio does.
enum class Errc {
    // Usage
    invalid_argument = 1,  ///< rejected before anything was sent
    not_open,              ///< a call on a client that is not open (or already closed)
    credentials,           ///< credentials missing or malformed: run `revolut auth-manual`
    reauthentication_required,  ///< certificate, client-assertion JWT or refresh token expired
    token_refresh_failed,  ///< the token endpoint refused a refresh
    invalid_environment,   ///< the operation does not exist in this environment (sandbox/production)

    // HTTP status classes returned by the API
    bad_request,           ///< 400
    unauthorized,          ///< 401
    forbidden,             ///< 403
    not_found,             ///< 404
    method_not_allowed,    ///< 405
    not_acceptable,        ///< 406
    conflict,              ///< 409
    unprocessable_entity,  ///< 422
    too_many_requests,     ///< 429
    server_error,          ///< 5xx
    unexpected_status,     ///< any other non-2xx status

    // Transport
    timeout,               ///< connect or request timeout expired
    network,               ///< resolve/connect/read/write failed
    tls,                   ///< TLS handshake or certificate verification failed
    response_too_large,    ///< the response exceeded ClientOptions::max_response_size
    invalid_response,      ///< the response was not what the API documents (bad JSON, shape)

    // Webhook verification
    signature_header_missing,
    signature_header_malformed,
    unsupported_signature_version,
    timestamp_out_of_tolerance,
    signature_mismatch,
    body_not_json,
};

/// The error category named "revolut".
const boost::system::error_category& category() noexcept;

inline boost::system::error_code make_error_code(Errc e) noexcept {
    return {static_cast<int>(e), category()};
}

/// Maps a non-2xx HTTP status to its error class.
Errc errc_for_status(unsigned status) noexcept;

/// Base of every exception the library throws; `code()` is a revolut (or Asio) error code.
class Error : public boost::system::system_error {
public:
    Error(boost::system::error_code ec, const std::string& what)
        : boost::system::system_error(ec, what) {}
    explicit Error(boost::system::error_code ec) : boost::system::system_error(ec) {}

    /// How many times the call was sent before it failed: 1 unless it was retried (see
    /// ClientOptions::retry). what() says so too when it is more than one.
    int attempts() const noexcept { return attempts_; }
    /// Records the attempt count (the client's retry layer does this before rethrowing).
    void set_attempts(int attempts) {
        attempts_ = attempts;
        what_ = attempts > 1 ? std::make_shared<const std::string>(
                                   std::string(boost::system::system_error::what()) + " (after " +
                                   std::to_string(attempts) + " attempts)")
                             : nullptr;
    }
    const char* what() const noexcept override {
        return what_ ? what_->c_str() : boost::system::system_error::what();
    }

private:
    int attempts_ = 1;
    std::shared_ptr<const std::string> what_;  // shared: exceptions must copy without throwing
};

/// A non-2xx answer from the API: HTTP status plus Revolut's `code` and `message`.
class ApiError : public Error {
public:
    ApiError(unsigned status, std::optional<std::int64_t> api_code, std::string api_message);
    /// With an explicit error class, e.g. Errc::token_refresh_failed for the token endpoint.
    ApiError(Errc code, unsigned status, std::optional<std::int64_t> api_code, std::string api_message);

    unsigned status() const noexcept { return status_; }
    /// Revolut's numeric `code` from the error body, when it had one.
    std::optional<std::int64_t> api_code() const noexcept { return api_code_; }
    /// Revolut's `message` from the error body (or the reason phrase when there was none).
    const std::string& api_message() const noexcept { return api_message_; }

private:
    unsigned status_;
    std::optional<std::int64_t> api_code_;
    std::string api_message_;
};

/// The error code carried by an exception from this library (or by any system_error);
/// `Errc::invalid_response` for anything else, an empty code for a null pointer.
boost::system::error_code error_code_of(const std::exception_ptr& e) noexcept;

}  // namespace revolut

template <>
struct boost::system::is_error_code_enum<revolut::Errc> : std::true_type {};
