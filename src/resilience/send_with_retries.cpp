#include "resilience/send_with_retries.hpp"

#include "logging/redaction.hpp"
#include "resilience/api_failure.hpp"
#include "resilience/retry_decision.hpp"
#include "resilience/waits.hpp"

#include <boost/asio/error.hpp>
#include <boost/beast/http/field.hpp>

#include <algorithm>
#include <array>

namespace revolut::resilience {

namespace asio = boost::asio;
namespace beast_http = boost::beast::http;
using Clock = std::chrono::steady_clock;

namespace {

// One call's progress through its attempts.
struct Call {
    detail::ClientCore& core;
    http::Request& message;
    bool resend_safe;
    Clock::time_point deadline;     // RetryPolicy::deadline from the start (max: none)
    int attempt = 0;
    bool refreshed = false;         // the one refresh after a 401 has happened

    const RetryPolicy& policy() const { return core.options_.retry; }
    // "GET /api/2.0/webhooks", for log lines; made only when a line is written.
    std::string label() const { return std::string(message.method_string()) + " " + std::string(message.target()); }
    std::string attempt_text() const {
        return "attempt " + std::to_string(attempt) + "/" + std::to_string(std::max(1, policy().max_attempts));
    }
};

// How one attempt ended: a response (any status) or an exception, and whether the request
// can have reached the server.
struct Attempt {
    std::optional<http::Response> response;
    std::exception_ptr error;
    bool reached_server = true;
};

Clock::time_point deadline_for(const RetryPolicy& policy, Clock::time_point start) {
    if (policy.deadline <= std::chrono::milliseconds::zero()) return Clock::time_point::max();
    return start + policy.deadline;
}

http::RequestLimits limits_for(const Call& call) {
    const auto& options = call.core.options_;
    Clock::duration timeout = options.request_timeout;
    if (call.deadline != Clock::time_point::max())
        timeout = std::min(timeout, std::max(call.deadline - Clock::now(), Clock::duration(1)));
    // The transport may transparently resend on a dead kept-alive connection only when safe.
    return http::RequestLimits{timeout, options.max_response_size, call.resend_safe};
}

// Errors go into log lines through the redactor too: defence in depth, should a server ever
// echo a credential into an error description.
std::string error_text(const std::exception_ptr& error) {
    try {
        std::rethrow_exception(error);
    } catch (const std::exception& e) {
        return logging::redact_text(e.what());
    } catch (...) {
        return "unknown error";
    }
}

void set_bearer(http::Request& message, std::string_view token) {
    constexpr std::string_view scheme = "Bearer ";
    std::array<char, 512> small;  // access tokens are far shorter: no allocation per call
    if (scheme.size() + token.size() > small.size()) {
        message.set(beast_http::field::authorization, std::string(scheme).append(token));
        return;
    }
    auto end = std::copy(token.begin(), token.end(), std::copy(scheme.begin(), scheme.end(), small.data()));
    message.set(beast_http::field::authorization, std::string_view(small.data(), end - small.data()));
}

// The token a sent request carried (what a 401 rejected).
std::string bearer_of(const http::Request& message) {
    auto value = message[beast_http::field::authorization];
    return std::string(value.substr(std::min<std::size_t>(7, value.size())));
}

// Token, send, and after a 401 (once per call) a refresh and one resend, as before retries
// existed. Never throws: the caller classifies the outcome: a response (any status), or the
// error and whether the request can have reached the server.
asio::awaitable<Attempt> attempt_once(Call& call) {
    auto& tokens = *call.core.token_source_;
    Attempt result;
    // The usual case, a valid token in hand, needs no coroutine of its own.
    if (const std::string* current = tokens.valid_token()) {
        set_bearer(call.message, *current);
    } else {
        try {
            auto token = co_await tokens.bearer_token();
            set_bearer(call.message, token);
        } catch (...) {
            result.error = std::current_exception();
            result.reached_server = false;  // no token: the request was never sent
            co_return result;
        }
    }
    for (;;) {
        result.response.reset();
        result.error = nullptr;
        try {
            result.response = co_await call.core.transport_->send(call.message, limits_for(call));
        } catch (const http::SendError& e) {
            result.error = std::current_exception();
            result.reached_server = e.reached_server();
        } catch (...) {
            result.error = std::current_exception();
            result.reached_server = true;  // unknown: assume the worst
        }
        if (!result.response || result.response->result_int() != 401 || call.refreshed) co_return result;

        // The token was revoked or expired early: refresh once and resend once, never loop.
        call.core.logger_.info(call.label() + ": HTTP 401, refreshing the access token and resending");
        try {
            auto token = co_await tokens.token_after_rejection(bearer_of(call.message));
            set_bearer(call.message, token);
            call.refreshed = true;
        } catch (...) {
            result.response.reset();
            result.error = std::current_exception();
            result.reached_server = false;  // the resend never left
            co_return result;
        }
    }
}

AttemptOutcome outcome_of(const Attempt& attempt) {
    AttemptOutcome outcome;
    outcome.reached_server = attempt.reached_server;
    if (attempt.response) {
        outcome.status = attempt.response->result_int();
        if (auto it = attempt.response->find(beast_http::field::retry_after); it != attempt.response->end())
            outcome.retry_after = std::string(it->value());
    } else {
        outcome.error = error_code_of(attempt.error);
    }
    return outcome;
}

void log_result(const Call& call, const Attempt& attempt, Clock::duration took) {
    auto& logger = call.core.logger_;
    if (!logger.enabled(LogLevel::debug)) return;
    auto timing = " in " + logging::format_duration(took) + " (" + call.attempt_text() + ")";
    if (attempt.response)
        logger.debug(call.label() + " -> " + std::to_string(attempt.response->result_int()) + timing);
    else
        logger.debug(call.label() + " failed" + timing + ": " + error_text(attempt.error));
}

// The final failure, carrying the attempt count.
[[noreturn]] void fail(const Call& call, Attempt& attempt) {
    if (attempt.response) throw api_failure(*attempt.response, call.attempt);
    try {
        std::rethrow_exception(attempt.error);
    } catch (Error& e) {
        e.set_attempts(call.attempt);
        throw;
    }
}

Error deadline_passed(const Call& call) {
    Error error(make_error_code(Errc::timeout),
                call.label() + ": RetryPolicy::deadline passed before the request could be sent");
    error.set_attempts(std::max(1, call.attempt - 1));
    return error;
}

}  // namespace

asio::awaitable<http::Response> send_with_retries(detail::ClientCore& core, http::Request& message,
                                                  bool resend_safe) {
    Call call{core, message, resend_safe, deadline_for(core.options_.retry, Clock::now())};
    for (;;) {
        ++call.attempt;
        if (core.rate_limiter_) co_await pace(core);
        if (core.cancelling_) throw Error(asio::error::operation_aborted, "request cancelled by close()");
        if (Clock::now() >= call.deadline) throw deadline_passed(call);
        if (core.logger_.enabled(LogLevel::debug)) core.logger_.debug(call.label() + " (" + call.attempt_text() + ")");

        auto started = Clock::now();
        Attempt attempt = co_await attempt_once(call);
        log_result(call, attempt, Clock::now() - started);
        if (attempt.response && attempt.response->result_int() >= 200 && attempt.response->result_int() <= 299)
            co_return std::move(*attempt.response);

        RetryContext context{core.options_.retry};
        context.resend_safe = resend_safe;
        context.attempts_made = call.attempt;
        if (call.deadline != Clock::time_point::max()) context.remaining = call.deadline - Clock::now();
        context.now = std::chrono::system_clock::now();
        context.jitter = core.jitter_();
        auto decision = decide_retry(context, outcome_of(attempt));
        if (!decision.retry) {
            if (call.attempt > 1 || decision.stop_reason.find("deadline") != std::string::npos)
                core.logger_.warn(call.label() + ": " + decision.cause + " (" + call.attempt_text() +
                                  "); giving up: " + decision.stop_reason);
            fail(call, attempt);
        }
        core.logger_.warn(call.label() + ": " + decision.cause + " (" + call.attempt_text() + "); retrying in " +
                          logging::format_duration(decision.delay));
        co_await sleep_for(core, decision.delay, "a retry");
    }
}

}  // namespace revolut::resilience
