#pragma once
// AsyncClient: the asynchronous Revolut Business client, its options and its session.

#include <revolut/api/groups.hpp>
#include <revolut/api/webhooks.hpp>
#include <revolut/credentials.hpp>
#include <revolut/detail/api_call.hpp>
#include <revolut/error.hpp>
#include <revolut/logging.hpp>
#include <revolut/rate_limiter.hpp>
#include <revolut/retry.hpp>
#include <revolut/version.hpp>

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/json/object.hpp>

#include <chrono>
#include <cstddef>
#include <exception>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <type_traits>
#include <variant>

namespace revolut {

/// How to construct an AsyncClient. Mirrors pyrevolut's constructor (creds_loc, creds,
/// sandbox) and adds what a C++ service needs. Defaults work for the sandbox.
struct ClientOptions {
    /// pyrevolut's default credentials file (see `revolut auth-manual`).
    std::string creds_loc = "credentials/creds.json";
    /// Inline credentials instead of the file: a JSON object, or the JSON text or its base64.
    /// Refreshed tokens are then kept in memory only (unless save_creds is set).
    std::variant<std::monostate, std::string, boost::json::object> creds;
    /// Your own credentials store (e.g. a secrets manager) instead of creds_loc/creds. Runs
    /// on the client's strand: await your I/O, do not block.
    std::function<boost::asio::awaitable<Credentials>()> load_creds;
    /// Where refreshed credentials go. Default: the creds_loc file (written atomically, 0600,
    /// on a one-thread pool so the io_context never waits on fsync) when that is the source.
    std::function<boost::asio::awaitable<void>(const Credentials&)> save_creds;
    /// true: https://sandbox-b2b.revolut.com/api; false: https://b2b.revolut.com/api.
    bool sandbox = true;
    /// Overrides the sandbox/production host, e.g. revolut-mock's base URL or a proxy.
    std::optional<std::string> base_url;

    /// Verify the server certificate chain and host name (leave on outside debugging).
    bool verify_peer = true;
    /// Trust the system's CA store (in addition to ca_file/ca_pem).
    bool use_system_trust_store = true;
    /// Extra CA certificate(s), PEM file (e.g. the one revolut-mock writes).
    std::optional<std::filesystem::path> ca_file;
    /// Extra CA certificate(s), PEM text (e.g. mock::Server::ca_certificate_pem()).
    std::optional<std::string> ca_pem;

    /// Resolve + TCP connect + TLS handshake.
    std::chrono::milliseconds connect_timeout{10'000};
    /// Whole request, from waiting for a connection to the last byte of the response.
    std::chrono::milliseconds request_timeout{30'000};
    /// Larger responses fail with Errc::response_too_large.
    std::size_t max_response_size = 16 * 1024 * 1024;
    /// Keep-alive connections kept open at most (concurrent requests beyond it wait).
    std::size_t max_connections = 16;
    /// Idle keep-alive connections older than this are closed instead of reused.
    std::chrono::milliseconds idle_timeout{30'000};
    /// Sent as User-Agent.
    std::string user_agent = std::string("revolut-cpp/") + version;

    /// When a failed call is sent again (see revolut/retry.hpp): by default up to 4 attempts
    /// within 60 s for network errors, timeouts, 429 and 502/503/504, never paying twice.
    /// RetryPolicy::none() turns retries off.
    RetryPolicy retry;
    /// Spaces out requests (each attempt takes a slot) so a burst does not draw 429s.
    /// Unset (the default): no client-side limit.
    std::optional<RateLimit> rate_limit;

    /// Receives log lines (see revolut/logging.hpp); unset (the default), the client is silent.
    LogSink log_sink;
    /// The most verbose level passed to log_sink: trace adds headers and redacted bodies.
    LogLevel log_level = LogLevel::info;
};

class Client;

/// What close() does with requests still in flight.
enum class CloseMode {
    graceful,  ///< let them finish (each is bounded by request_timeout)
    cancel,    ///< abort them: they fail with boost::asio::error::operation_aborted
};

/// Transport counters, e.g. to check connection reuse.
struct ClientStats {
    std::size_t connections_opened = 0;  ///< TLS handshakes performed
    std::size_t connection_reuses = 0;   ///< requests sent on an already-open connection
    std::size_t connections_resumed = 0; ///< of connections_opened, abbreviated (resumed) TLS handshakes
};

/// The asynchronous client. All work runs on a strand of the executor it is given (no
/// hidden threads); its members may be called from any thread of that io_context.
/// Every asynchronous member accepts an Asio completion token (default use_awaitable)
/// and completes with void(std::exception_ptr[, T]); `co_await` throws revolut::Error /
/// ApiError, whose code() is a revolut::Errc (or operation_aborted).
class AsyncClient : public GroupAccessors<AsyncClient, DefaultToken> {
public:
    using executor_type = boost::asio::any_io_executor;

    AsyncClient(executor_type executor, ClientOptions options = {});
    ~AsyncClient();
    AsyncClient(AsyncClient&&) noexcept;
    AsyncClient& operator=(AsyncClient&&) noexcept;

    executor_type get_executor() const noexcept;
    const ClientOptions& options() const noexcept;
    bool is_open() const noexcept;
    ClientStats stats() const noexcept;

    /// Loads credentials and prepares the connection pool (connections open lazily).
    /// Errors: Errc::credentials, Errc::invalid_argument (base_url), Errc::tls (CA file).
    /// Opening an open client does nothing.
    template <class Token = DefaultToken>
    auto open(Token&& token = {}) {
        return boost::asio::co_spawn(strand(), do_open(core_), std::forward<Token>(token));
    }

    /// Refuses new calls (Errc::not_open), settles in-flight ones as `mode` says, then
    /// closes the connections with a TLS close_notify. Closing a closed client does nothing.
    template <class Token = DefaultToken>
    auto close(CloseMode mode = CloseMode::graceful, Token&& token = {}) {
        return boost::asio::co_spawn(strand(), do_close(core_, mode), std::forward<Token>(token));
    }

    /// The scoped session, like pyrevolut's `async with client:` — opens, runs `body`,
    /// and always awaits a graceful close, also when the body throws (then rethrows).
    ///   co_await client.session([&]() -> asio::awaitable<void> { ... });
    template <class Body>
    auto session(Body body) -> std::invoke_result_t<Body&> {
        co_await open();
        std::exception_ptr failure;
        using Result = typename std::invoke_result_t<Body&>::value_type;
        if constexpr (std::is_void_v<Result>) {
            try {
                co_await body();
            } catch (...) {
                failure = std::current_exception();
            }
            co_await close();
            if (failure) std::rethrow_exception(failure);
        } else {
            std::optional<Result> result;
            try {
                result.emplace(co_await body());
            } catch (...) {
                failure = std::current_exception();
            }
            co_await close();
            if (failure) std::rethrow_exception(failure);
            co_return std::move(*result);
        }
    }

    /// Any route, raw: `method` `target` below the base URL (with its version and query,
    /// e.g. "/2.0/webhooks" or "/1.0/transactions?count=5") and an optional JSON body,
    /// through the same call path as every endpoint (token, refresh, pool, status check).
    /// Completes with the body as JSON (an empty body, e.g. a 204, is an empty object). A body
    /// with a string `request_id` (a money-moving call's idempotency key) makes the call safe
    /// to retry, as the typed methods are.
    template <class Token = DefaultToken>
    auto request(boost::beast::http::verb method, std::string target,
                 std::optional<boost::json::value> body = std::nullopt, Token&& token = {}) const {
        return detail::start<boost::json::value>(
            core_,
            [method, target = std::move(target), body = std::move(body)] {
                auto request = detail::make_raw_request(method, target, body);
                // A raw money-moving call carrying its own request_id may be retried safely.
                if (body && body->is_object())
                    if (auto* id = body->get_object().if_contains("request_id"); id && id->is_string())
                        request.request_id = std::string(id->get_string());
                return request;
            },
            std::forward<Token>(token));
    }

    // The endpoint groups (accounts(), transfers(), webhooks(), ...) come from
    // GroupAccessors: see revolut/api/groups.hpp.

private:
    friend class GroupAccessors<AsyncClient, DefaultToken>;
    friend class Client;
    const std::shared_ptr<detail::ClientCore>& core_for_groups() const noexcept { return core_; }
    executor_type strand() const noexcept;
    static boost::asio::awaitable<void> do_open(std::shared_ptr<detail::ClientCore> core);
    static boost::asio::awaitable<void> do_close(std::shared_ptr<detail::ClientCore> core, CloseMode mode);

    std::shared_ptr<detail::ClientCore> core_;
};

}  // namespace revolut
