#include "mock/command_line.hpp"

#include <charconv>
#include <chrono>
#include <cstdint>
#include <limits>
#include <stdexcept>

namespace revolut::mock {
namespace {

// A year: longer lifetimes and intervals are surely typos.
constexpr std::int64_t max_seconds = 366LL * 24 * 3600;

template <class Integer>
Integer parse_number(std::string_view flag, std::string_view text, Integer min, Integer max) {
    Integer value{};
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc{} || end != text.data() + text.size() || value < min || value > max) {
        throw std::invalid_argument(std::string(flag) + " needs a number from " +
                                    std::to_string(min) + " to " + std::to_string(max) + ", not '" +
                                    std::string(text) + "'");
    }
    return value;
}

}  // namespace

CommandLine parse_command_line(const std::vector<std::string_view>& args) {
    CommandLine result;
    for (std::size_t i = 0; i < args.size(); ++i) {
        std::string_view flag = args[i];
        std::optional<std::string_view> inline_value;
        if (auto equals = flag.find('=');
            flag.starts_with("--") && equals != std::string_view::npos) {
            inline_value = flag.substr(equals + 1);
            flag = flag.substr(0, equals);
        }
        auto value = [&]() -> std::string_view {
            if (inline_value) return *inline_value;
            if (i + 1 >= args.size()) {
                throw std::invalid_argument(std::string(flag) + " needs a value");
            }
            return args[++i];
        };

        if (flag == "--help" || flag == "-h") {
            result.help = true;
        } else if (flag == "--host") {
            result.server.host = std::string(value());
        } else if (flag == "--port") {
            result.server.port = parse_number<std::uint16_t>(flag, value(), 0, 65535);
        } else if (flag == "--cert") {
            result.server.cert_file = std::filesystem::path(value());
        } else if (flag == "--key") {
            result.server.key_file = std::filesystem::path(value());
        } else if (flag == "--ca-out") {
            result.ca_out = std::filesystem::path(value());
        } else if (flag == "--token") {
            auto token = value();
            if (token.empty()) throw std::invalid_argument("--token needs a non-empty value");
            result.tokens.emplace_back(token);
        } else if (flag == "--creds-out") {
            result.creds_out = std::filesystem::path(value());
        } else if (flag == "--max-webhooks") {
            result.server.max_webhooks = parse_number<std::size_t>(
                flag, value(), 0, std::numeric_limits<std::size_t>::max());
        } else if (flag == "--access-token-lifetime") {
            result.server.access_token_lifetime =
                std::chrono::seconds(parse_number<std::int64_t>(flag, value(), 1, max_seconds));
        } else if (flag == "--register-client") {
            auto text = value();
            auto colon = text.find(':');
            if (colon == std::string_view::npos || colon == 0 || colon + 1 == text.size()) {
                throw std::invalid_argument("--register-client needs ID:CERT_PEM_FILE");
            }
            result.clients.emplace_back(std::string(text.substr(0, colon)),
                                        std::filesystem::path(text.substr(colon + 1)));
        } else if (flag == "--auth-code-file") {
            result.auth_code_file = std::filesystem::path(value());
        } else if (flag == "--allow-plain-http-webhooks") {
            result.server.allow_plain_http_webhooks = true;
        } else if (flag == "--webhook-ca") {
            result.webhook_ca_file = std::filesystem::path(value());
        } else if (flag == "--webhook-timeout") {
            result.server.webhook_delivery_timeout =
                std::chrono::seconds(parse_number<std::int64_t>(flag, value(), 1, max_seconds));
        } else if (flag == "--webhook-retry-interval") {
            result.server.webhook_retry_interval =
                std::chrono::seconds(parse_number<std::int64_t>(flag, value(), 0, max_seconds));
        } else if (flag == "--fault") {
            result.faults.push_back(parse_fault_spec(value()));
        } else {
            throw std::invalid_argument("unknown argument '" + std::string(args[i]) + "'");
        }
    }
    if (result.server.cert_file.has_value() != result.server.key_file.has_value()) {
        throw std::invalid_argument("--cert and --key go together");
    }
    if (result.auth_code_file && result.clients.empty()) {
        throw std::invalid_argument("--auth-code-file needs at least one --register-client");
    }
    return result;
}

std::string usage_text() {
    return R"(Usage: revolut-mock [options]

A local, stateful emulator of the Revolut Business API over HTTPS: the token endpoint,
Webhooks v2 with signed deliveries, accounts, transactions and sandbox simulations.

Options:
  --host ADDRESS        address to listen on (default 127.0.0.1)
  --port N              port to listen on; 0 lets the OS pick a free one (default 0)
  --cert FILE           serve this PEM certificate chain (leaf first) instead of a
                        generated one; its last certificate is written as the CA
  --key FILE            the unencrypted PEM private key of --cert
  --ca-out FILE         write the CA certificate clients must trust here (default:
                        revolut-mock-ca-<port>.pem in the system temp directory)
  --token TOKEN         accept TOKEN as a bearer access token; repeatable
  --creds-out FILE      issue credentials for a new client (key, certificate, access
                        and refresh tokens this server accepts) and save them in
                        pyrevolut's creds.json format (mode 0600)
  --max-webhooks N      webhooks allowed per business (default 10)
  --access-token-lifetime SECONDS
                        lifetime of the access tokens the token endpoint and
                        --creds-out issue (default 2400, Revolut's 40 minutes)
  --register-client ID:CERT_PEM_FILE
                        register an API client with this ID and certificate, as the
                        certificate upload in Revolut's web app does; its assertions
                        are checked against the certificate; repeatable
  --auth-code-file FILE write one fresh authorization code per --register-client
                        client, as `ID CODE` lines (mode 0600); each code is single
                        use and expires after 2 minutes. With `revolut auth-manual
                        --client-id ID --code CODE` it completes the setup flow
  --allow-plain-http-webhooks
                        also accept http://127.0.0.1, http://[::1] and
                        http://localhost webhook URLs (Revolut: https only)
  --webhook-ca FILE     trust these PEM CA certificates for https webhook targets,
                        besides the system store and the emulator's own CA
  --webhook-timeout SECONDS
                        time limit of one delivery attempt (default 10)
  --webhook-retry-interval SECONDS
                        wait before each of the 3 retries of a failed delivery
                        (default 600, Revolut's 10 minutes)
  --fault 'METHOD PATH EFFECT... [times=N] [after=N] [probability=P]'
  --fault 'tls_handshake_failure [times=N]'
                        misbehave on purpose, for resilience tests; repeatable (see
                        Faults below)
  -h, --help            show this text

Without --cert, a fresh CA and a server certificate for localhost and 127.0.0.1 are
generated at every start.

On start, revolut-mock prints one line each:
  base_url=https://HOST:PORT/api    the client's base URL
  ca_file=PATH                      the CA certificate to trust
  creds_file=PATH                   (with --creds-out) the saved credentials
  auth_code_file=PATH               (with --auth-code-file) the authorization codes
then serves until SIGINT or SIGTERM, and stops gracefully.

Webhook deliveries are POSTs signed with every valid secret of the webhook
(Revolut-Signature: v1=...), retried 3 times; a delivery whose 4 attempts all
fail is listed by GET /api/2.0/webhooks/{id}/failed-events. Events happen through
POST /api/1.0/sandbox/topup and /api/1.0/sandbox/transactions/{id}/{action}.

Faults: a --fault applies to requests with METHOD whose target starts with PATH
(e.g. 'POST /api/1.0/transfer'); the last matching --fault wins. EFFECTs combine:
  delay=DURATION        answer late (250ms, 2s; a bare number is milliseconds)
  status=CODE           answer CODE instead of running the route, with a JSON error
                        body {"code":CODE,"message":REASON}, or with `html` an HTML
                        page (e.g. status=503 html), or body=TEXT (no spaces)
  retry_after=SECONDS   send Retry-After: SECONDS (e.g. with status=429)
  retry_after_date=SECONDS
                        send Retry-After as the HTTP-date SECONDS from now
  malformed_json        run the route, send a body that is not JSON
  wrong_content_type[=TYPE]
                        run the route, label the body TYPE (default text/html)
  oversized_body=SIZE   run the route, send a valid JSON body of SIZE bytes
                        (suffix KiB or MiB, e.g. 20MiB)
  close_before_response read the request, close the connection without answering
  reset_mid_body        run the route, send the header and half the body, then
                        reset the connection (TCP RST)
  truncated_body        run the route, announce the whole body in Content-Length,
                        send half of it, then close the connection
and at most one of the last three. Each --fault applies to every matching request
unless limited: times=N (then the route behaves normally again), after=N (let N
matching requests through first), probability=P (0..1; only hits count against
times; draws use a fixed seed, so runs repeat). tls_handshake_failure makes the
next N connections (default: all) fail their TLS handshake with a fatal
handshake_failure alert. Example:
  revolut-mock --fault 'POST /api/1.0/transfer close_before_response times=1' \
               --fault 'GET /api/1.0/accounts status=429 retry_after=1 times=2'

Exit status: 0 after a signal, 1 when it cannot start, 2 for bad arguments.
)";
}

}  // namespace revolut::mock
