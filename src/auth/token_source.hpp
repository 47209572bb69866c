#pragma once
// The one place that yields "a valid bearer token" for a request. It checks the expiry
// rules, refreshes the access token through the token endpoint when it has expired (or
// after a 401), and persists the refreshed credentials.
//
// Single flight: however many calls find the token expired at once, one refresh request is
// made and every one of them gets its result. The refresh runs as its own task, so a caller
// that is cancelled while waiting does not abort it for the others. Runs on the client's
// strand only.

#include "auth/token_endpoint.hpp"

#include <revolut/credentials.hpp>

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>

#include <functional>
#include <memory>
#include <string>

namespace revolut::auth {

class TokenSource : public std::enable_shared_from_this<TokenSource> {
public:
    /// Sends a form to the token endpoint.
    using RequestToken = std::function<boost::asio::awaitable<TokenResponse>(std::string form)>;
    /// Persists refreshed credentials (file, user callback, or nothing for inline ones).
    using Persist = std::function<boost::asio::awaitable<void>(const Credentials&)>;

    TokenSource(boost::asio::any_io_executor strand, Credentials credentials, RequestToken request,
                Persist persist);
    ~TokenSource();

    /// Create with std::make_shared: a refresh runs as its own task holding the source.
    /// A token to send now. Throws Errc::reauthentication_required when the certificate,
    /// client-assertion JWT or refresh token has expired (no network round trip), or the
    /// refresh error (ApiError, Errc::token_refresh_failed).
    boost::asio::awaitable<std::string> bearer_token();
    /// The access token when it can be sent now without a refresh (what bearer_token() would
    /// return at once), else null: the per-call fast path. Valid until the next refresh.
    const std::string* valid_token() const noexcept;
    /// After the API answered 401 to `rejected`: a refreshed token (one refresh however many
    /// calls were rejected with the same token).
    boost::asio::awaitable<std::string> token_after_rejection(std::string rejected);

    /// How many refresh requests were sent (for tests and diagnostics).
    std::size_t refreshes() const noexcept { return refreshes_; }

private:
    struct Flight;
    boost::asio::awaitable<std::string> refresh();
    boost::asio::awaitable<void> run_refresh(std::shared_ptr<Flight> flight);
    /// The name of the first expired long-term credential, or null.
    const char* expired_long_term_credential(Timestamp now) const noexcept;
    void check_long_term_credentials(Timestamp now) const;

    boost::asio::any_io_executor strand_;
    Credentials credentials_;
    RequestToken request_;
    Persist persist_;
    std::shared_ptr<Flight> flight_;  // the refresh in progress, if any
    std::size_t refreshes_ = 0;
};

}  // namespace revolut::auth
