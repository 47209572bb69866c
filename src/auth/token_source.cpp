#include "auth/token_source.hpp"

#include <revolut/error.hpp>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/error.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>

namespace revolut::auth {

namespace asio = boost::asio;

// One refresh in progress. Waiters sleep on `done` (never expiring); the refresher cancels
// it when the outcome is known.
struct TokenSource::Flight {
    explicit Flight(const asio::any_io_executor& ex) : done(ex, asio::steady_timer::time_point::max()) {}
    asio::steady_timer done;
    bool finished = false;
    std::string token;
    std::exception_ptr error;
};

namespace {

Timestamp now_utc() {
    return std::chrono::time_point_cast<std::chrono::microseconds>(std::chrono::system_clock::now());
}

[[noreturn]] void reauthenticate(const char* what) {
    throw Error(make_error_code(Errc::reauthentication_required),
                std::string("the ") + what + " has expired; run `revolut auth-manual` to re-authenticate");
}

}  // namespace

TokenSource::TokenSource(asio::any_io_executor strand, Credentials credentials, RequestToken request,
                         Persist persist)
    : strand_(std::move(strand)),
      credentials_(std::move(credentials)),
      request_(std::move(request)),
      persist_(std::move(persist)) {}

TokenSource::~TokenSource() = default;

const char* TokenSource::expired_long_term_credential(Timestamp now) const noexcept {
    if (credentials_.certificate.expiration_dt < now) return "certificate";
    if (credentials_.client_assert_jwt.expiration_dt < now) return "client-assertion JWT";
    if (credentials_.tokens.refresh_token_expiration_dt < now) return "refresh token";
    return nullptr;
}

void TokenSource::check_long_term_credentials(Timestamp now) const {
    if (const char* expired = expired_long_term_credential(now)) reauthenticate(expired);
}

const std::string* TokenSource::valid_token() const noexcept {
    auto now = now_utc();
    if (expired_long_term_credential(now) != nullptr || credentials_.access_token_expired(now))
        return nullptr;  // bearer_token() reports or refreshes
    return &credentials_.tokens.access_token;
}

asio::awaitable<std::string> TokenSource::bearer_token() {
    auto now = now_utc();
    check_long_term_credentials(now);
    if (!credentials_.access_token_expired(now)) co_return credentials_.tokens.access_token;
    co_return co_await refresh();
}

asio::awaitable<std::string> TokenSource::token_after_rejection(std::string rejected) {
    check_long_term_credentials(now_utc());
    // Someone already replaced the rejected token: use theirs instead of refreshing again.
    if (credentials_.tokens.access_token != rejected) co_return credentials_.tokens.access_token;
    co_return co_await refresh();
}

asio::awaitable<std::string> TokenSource::refresh() {
    auto flight = flight_;
    if (!flight) {
        flight = flight_ = std::make_shared<Flight>(strand_);
        asio::co_spawn(strand_, shared_from_this()->run_refresh(flight), asio::detached);
    }
    co_await flight->done.async_wait(asio::as_tuple(asio::use_awaitable));
    if (!flight->finished)  // this caller was cancelled while waiting; the refresh goes on
        throw Error(asio::error::operation_aborted, "cancelled while waiting for a token refresh");
    if (flight->error) std::rethrow_exception(flight->error);
    co_return flight->token;
}

asio::awaitable<void> TokenSource::run_refresh(std::shared_ptr<Flight> flight) {
    auto self = shared_from_this();  // outlives every waiter's interest
    try {
        ++refreshes_;
        auto sent_at = now_utc();
        auto response = co_await request_(
            refresh_token_form(credentials_.tokens.refresh_token, credentials_.client_assert_jwt.jwt));
        Credentials updated = credentials_;
        updated.tokens.access_token = response.access_token;
        if (!response.token_type.empty()) updated.tokens.token_type = response.token_type;
        // Count from when we asked, so the round trip errs on the safe side.
        updated.tokens.access_token_expiration_dt = sent_at + response.expires_in;
        credentials_ = updated;  // valid now, even if persisting fails below
        flight->token = updated.tokens.access_token;
        co_await persist_(updated);
    } catch (...) {
        flight->error = std::current_exception();
    }
    flight->finished = true;
    if (flight_ == flight) flight_.reset();
    flight->done.cancel();
}

}  // namespace revolut::auth
