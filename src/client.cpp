#include <revolut/client.hpp>

#include "client_core.hpp"
#include "http/base_url.hpp"
#include "logging/redaction.hpp"
#include "resilience/send_with_retries.hpp"
#include "resilience/waits.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/http/field.hpp>
#include <boost/json/serialize.hpp>

namespace revolut {

namespace asio = boost::asio;
using detail::ClientCore;

namespace {

constexpr const char* sandbox_url = "https://sandbox-b2b.revolut.com/api";
constexpr const char* production_url = "https://b2b.revolut.com/api";

asio::awaitable<Credentials> load_credentials(const ClientOptions& options) {
    if (options.load_creds) co_return co_await options.load_creds();
    co_return std::visit(
        [&](const auto& source) -> Credentials {
            using Source = std::decay_t<decltype(source)>;
            if constexpr (std::is_same_v<Source, std::monostate>)
                return load_credentials_file(options.creds_loc);
            else if constexpr (std::is_same_v<Source, std::string>)
                return parse_inline_credentials(source);
            else
                return parse_credentials(boost::json::serialize(source));
        },
        options.creds);
}

// Blocking file writes (fsync) run here, never on the caller's io_context.
asio::thread_pool& blocking_file_io() {
    static asio::thread_pool pool(1);
    return pool;
}

auth::TokenSource::Persist make_persist(const ClientOptions& options) {
    if (options.save_creds) return options.save_creds;
    if (options.load_creds || !std::holds_alternative<std::monostate>(options.creds))
        return [](const Credentials&) -> asio::awaitable<void> { co_return; };  // inline: memory only
    return [path = std::filesystem::path(options.creds_loc)](const Credentials& creds) -> asio::awaitable<void> {
        co_await asio::co_spawn(
            blocking_file_io(),
            [&]() -> asio::awaitable<void> {
                save_credentials_file(path, creds);
                co_return;
            },
            asio::use_awaitable);
    };
}

auth::TokenSource::RequestToken make_token_request(std::weak_ptr<ClientCore> weak) {
    return [weak](std::string form) -> asio::awaitable<auth::TokenResponse> {
        auto core = weak.lock();
        if (!core || !core->transport_) throw Error(make_error_code(Errc::not_open), "client closed during a token refresh");
        const auto& logger = core->logger_;
        logger.info("refreshing the access token");
        try {
            auto response = co_await auth::request_token(*core->transport_, std::move(form),
                                                         core->options_.user_agent, core->options_.request_timeout);
            logger.info("access token refreshed; valid for " + std::to_string(response.expires_in.count()) + " s");
            co_return response;
        } catch (const std::exception& e) {
            // Token endpoint errors carry Revolut's error text, never a token; redacted anyway.
            logger.warn(std::string("access token refresh failed: ") + logging::redact_text(e.what()));
            throw;
        }
    };
}

bool is_idempotent(boost::beast::http::verb method) {
    using boost::beast::http::verb;
    return method == verb::get || method == verb::head || method == verb::delete_ || method == verb::put;
}

// Counts a request as in flight for close(); the last one out wakes a waiting close().
class InFlight {
public:
    explicit InFlight(ClientCore& core) : core_(core) { ++core_.in_flight_; }
    ~InFlight() {
        if (--core_.in_flight_ != 0) return;
        // cancel() reports failure by throwing; a destructor must not, and a close() that
        // misses this wake-up still ends at its own deadline.
        try {
            core_.drained_.cancel();
        } catch (const boost::system::system_error&) {
        }
    }
    InFlight(const InFlight&) = delete;
    InFlight& operator=(const InFlight&) = delete;

private:
    ClientCore& core_;
};

// Refused locally, as pyrevolut does: the operation's spec lists no server for this
// environment, so sending it could only fail (or, worse, reach the wrong one).
void check_environment(detail::Environment environment, bool sandbox) {
    if (environment == detail::Environment::sandbox_only && !sandbox)
        throw Error(make_error_code(Errc::invalid_environment),
                    "this operation exists only in the sandbox (ClientOptions::sandbox = true)");
    if (environment == detail::Environment::production_only && sandbox)
        throw Error(make_error_code(Errc::invalid_environment),
                    "this operation is not available in the sandbox (ClientOptions::sandbox = false)");
}

// The HTTP request for an API call, built once: every attempt resends this very message,
// so a money-moving call's request_id is the same on each. Authorization is set per attempt.
http::Request make_message(const ClientCore& core, detail::ApiRequest& request) {
    namespace beast_http = boost::beast::http;
    http::Request message{request.method, core.transport_->url().path_prefix + request.target, 11};
    message.set(beast_http::field::accept, "application/json");
    message.set(beast_http::field::user_agent, core.options_.user_agent);
    if (request.json_body) {
        message.set(beast_http::field::content_type, "application/json");
        message.body() = std::move(*request.json_body);
    }
    return message;
}

// The client's strand, over the concrete executor when it is a known one. A strand over an
// any_io_executor nests two type erasures: every asynchronous operation then copies the
// inner executor onto the heap to track work, several times per call.
asio::any_io_executor make_client_strand(const asio::any_io_executor& executor) {
    if (const auto* io = executor.target<asio::io_context::executor_type>()) return asio::make_strand(*io);
    if (const auto* pool = executor.target<asio::thread_pool::executor_type>()) return asio::make_strand(*pool);
    return asio::make_strand(executor);
}

}  // namespace

namespace detail {

asio::any_io_executor strand_of(const ClientCore& core) noexcept { return core.strand_; }

asio::awaitable<ApiResponse> execute(std::shared_ptr<ClientCore> core, ApiRequest request) {
    if (core->state_ != ClientCore::State::open)
        throw Error(make_error_code(Errc::not_open),
                    "client is not open: co_await client.open() first, or use client.session(...)");
    check_environment(request.environment, core->options_.sandbox);
    InFlight in_flight(*core);  // close() waits for us before dropping the transport
    auto message = make_message(*core, request);
    // Sending again is harmless for idempotent methods and for calls whose request_id makes
    // the server recognise a repeat.
    bool resend_safe = is_idempotent(request.method) || request.request_id.has_value();
    auto response = co_await resilience::send_with_retries(*core, message, resend_safe);
    co_return ApiResponse{response.result_int(), std::move(response.body())};
}

}  // namespace detail

AsyncClient::AsyncClient(executor_type executor, ClientOptions options)
    : core_(std::make_shared<ClientCore>(make_client_strand(executor), std::move(options))) {}

AsyncClient::~AsyncClient() = default;
AsyncClient::AsyncClient(AsyncClient&&) noexcept = default;
AsyncClient& AsyncClient::operator=(AsyncClient&&) noexcept = default;

AsyncClient::executor_type AsyncClient::get_executor() const noexcept { return core_->strand_; }
AsyncClient::executor_type AsyncClient::strand() const noexcept { return core_->strand_; }
const ClientOptions& AsyncClient::options() const noexcept { return core_->options_; }
bool AsyncClient::is_open() const noexcept { return core_->state_ == ClientCore::State::open; }

ClientStats AsyncClient::stats() const noexcept {
    ClientStats stats = core_->closed_stats_;
    if (core_->transport_) {
        stats.connections_opened += core_->transport_->pool().stats().connections_opened;
        stats.connection_reuses += core_->transport_->pool().stats().reuses;
        stats.connections_resumed += core_->transport_->pool().stats().connections_resumed;
    }
    return stats;
}

asio::awaitable<void> AsyncClient::do_open(std::shared_ptr<ClientCore> core) {
    if (core->state_ == ClientCore::State::open) co_return;
    if (core->state_ == ClientCore::State::closing)
        throw Error(make_error_code(Errc::not_open), "client is closing; open it again after close() completes");
    const auto& options = core->options_;
    auto url = http::BaseUrl::parse(options.base_url ? *options.base_url
                                     : options.sandbox ? sandbox_url
                                                       : production_url);
    auto credentials = co_await load_credentials(options);
    http::TlsSettings tls{options.verify_peer, options.use_system_trust_store, options.ca_file, options.ca_pem};
    http::PoolSettings pool{options.max_connections, options.idle_timeout, options.connect_timeout};
    std::optional<RateLimiter> limiter;
    if (options.rate_limit) limiter.emplace(*options.rate_limit);  // checks it before anything opens
    auto base = url.host_header() + url.path_prefix;
    core->transport_ = std::make_unique<http::Transport>(core->strand_, tls, std::move(url), pool, core->logger_);
    core->rate_limiter_ = std::move(limiter);
    core->token_source_ = std::make_shared<auth::TokenSource>(core->strand_, std::move(credentials),
                                                              make_token_request(core), make_persist(options));
    core->state_ = ClientCore::State::open;
    core->logger_.info("client open: https://" + base);
}

asio::awaitable<void> AsyncClient::do_close(std::shared_ptr<ClientCore> core, CloseMode mode) {
    if (core->state_ != ClientCore::State::open) co_return;
    core->state_ = ClientCore::State::closing;
    core->logger_.info(mode == CloseMode::cancel ? "closing the client, cancelling in-flight calls"
                                                 : "closing the client");
    if (mode == CloseMode::cancel) {
        core->cancelling_ = true;
        resilience::wake_sleepers(*core);
        core->transport_->pool().cancel_all();
    }
    while (core->in_flight_ > 0) {
        core->drained_.expires_at(asio::steady_timer::time_point::max());
        co_await core->drained_.async_wait(asio::as_tuple(asio::use_awaitable));
    }
    co_await core->transport_->pool().close_idle(std::chrono::seconds(2));
    core->closed_stats_.connections_opened += core->transport_->pool().stats().connections_opened;
    core->closed_stats_.connection_reuses += core->transport_->pool().stats().reuses;
    core->closed_stats_.connections_resumed += core->transport_->pool().stats().connections_resumed;
    core->transport_.reset();
    core->token_source_.reset();
    core->rate_limiter_.reset();
    core->cancelling_ = false;
    core->state_ = ClientCore::State::closed;
    core->logger_.info("client closed");
}

}  // namespace revolut
