#pragma once
// revolut-mock: a local, stateful emulator of the Revolut Business API over real TLS.
// Start it in-process on a test's io_context, or run the `revolut-mock` executable.

#include <revolut/credentials.hpp>
#include <revolut/money.hpp>
#include <revolut/types.hpp>

#include <boost/asio/any_io_executor.hpp>
#include <boost/beast/http/verb.hpp>
#include <boost/json/object.hpp>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace revolut::webhook {
struct Event;
}

namespace revolut::mock {

/// How the emulator listens and what certificate it serves.
struct ServerOptions {
    std::string host = "127.0.0.1";  ///< loopback only by default
    std::uint16_t port = 0;          ///< 0: the OS picks a free port (see Server::port())
    /// Serve this certificate chain and key (PEM files) instead of generating them.
    std::optional<std::filesystem::path> cert_file;
    std::optional<std::filesystem::path> key_file;
    /// Subject alternative names of the generated server certificate.
    std::vector<std::string> certificate_names = {"localhost", "127.0.0.1"};
    /// Revolut caps webhooks at 10 per business (422, code 3352 beyond that).
    std::size_t max_webhooks = 10;
    /// A connection that sends no complete request header for this long is closed.
    std::chrono::milliseconds idle_timeout{60'000};
    /// Larger request bodies are answered with 413 and the connection is closed.
    std::size_t body_limit = 1024 * 1024;

    // Token endpoint (POST /api/1.0/auth/token).

    /// Lifetime of every access token the emulator issues (Revolut: 40 minutes).
    std::chrono::seconds access_token_lifetime{40 * 60};
    /// How long an authorization code can be exchanged (single use).
    std::chrono::seconds authorization_code_lifetime{2 * 60};

    // Webhook delivery.

    /// One delivery attempt (connect, TLS, request, response header) must finish within this.
    std::chrono::milliseconds webhook_delivery_timeout{10'000};
    /// Wait between a failed attempt and the next; Revolut retries 3 times, 10 minutes apart.
    std::chrono::milliseconds webhook_retry_interval{10 * 60'000};
    /// Extra CA certificates (PEM) trusted for https webhook targets, besides the system store,
    /// the emulator's own CA and the CA of issue_certificate().
    std::optional<std::string> webhook_ca_pem;
    /// Accept `http://127.0.0.1…`, `http://[::1]…` and `http://localhost…` webhook URLs in
    /// create/update requests. Off by default: Revolut accepts https URLs only.
    bool allow_plain_http_webhooks = false;
};

/// A certificate (PEM) and its unencrypted private key (PEM, a secret).
struct CertificateAndKey {
    std::string certificate_pem;
    std::string private_key_pem;
};

/// A scripted misbehaviour applied to requests whose method and path match (see set_fault and
/// docs/mock.md). Effects combine: `delay`, then the answer (the route's, or `status`/`body`),
/// changed by the body/header fields, then sent as the wire fields say. Routes still run for
/// the wire faults that lose a response (reset_mid_body, truncated_body): the request took
/// effect, the client cannot know it. close_before_response and `status` skip the route.
struct Fault {
    std::chrono::milliseconds delay{0};  ///< wait this long before answering
    std::optional<unsigned> status;      ///< answer with this status and `body` instead
    std::string body;                    ///< body sent with `status`
    std::string content_type = "application/json";
    /// Extra headers sent with the answer (e.g. Retry-After on a 429).
    std::vector<std::pair<std::string, std::string>> headers;
    /// Sends `Retry-After`, as delta-seconds or (retry_after_http_date) as the HTTP-date this
    /// many seconds after the answer is sent.
    std::optional<std::chrono::seconds> retry_after;
    bool retry_after_http_date = false;

    // What happens to the answer's body and headers.

    /// Replaces the body by text that is not JSON (a 204 becomes a 200 to carry it).
    bool malformed_json = false;
    /// Sent as Content-Type instead of the real one (e.g. "text/html; charset=utf-8").
    std::optional<std::string> wrong_content_type;
    /// Replaces the body by a valid JSON document of this many bytes (0: off).
    std::size_t oversized_body = 0;

    // What happens on the wire.

    bool close_before_response = false;  ///< read the request, then close without answering
    /// Sends the header and half the body, then resets the connection (TCP RST).
    bool reset_mid_body = false;
    /// Announces the whole body in Content-Length, sends half of it, then closes (TLS
    /// close_notify and FIN): the client sees the stream end early.
    bool truncated_body = false;

    // When it applies.

    /// Requests it is applied to; then the rule is forgotten and the route behaves normally.
    std::size_t times = std::numeric_limits<std::size_t>::max();
    /// Matching requests let through untouched before it starts to apply.
    std::size_t after = 0;
    /// Chance (0..1) that a matching request gets it; only applied ones count against
    /// `times`. Draws come from a fixed-seed generator, so a run is reproducible.
    double probability = 1.0;
};

/// Counters for tests (connection reuse, request counts).
struct Stats {
    std::size_t connections_accepted = 0;
    std::size_t tls_handshakes = 0;
    std::size_t requests = 0;
    std::size_t token_requests = 0;        ///< POSTs to /api/1.0/auth/token, whatever the outcome
    std::size_t token_refreshes = 0;       ///< refresh_token grants answered with a new token
    std::size_t deliveries_attempted = 0;  ///< webhook POSTs started (every retry counts)
    std::size_t deliveries_succeeded = 0;  ///< attempts answered with a 2xx status
    std::size_t deliveries_failed = 0;     ///< deliveries that failed all four attempts
    std::size_t faults_applied = 0;        ///< requests and handshakes a fault was applied to
};

/// The emulator. Not thread-safe: call its members before the io_context runs or from
/// the executor's own thread (a single-threaded io_context, as tests use).
class Server {
public:
    explicit Server(boost::asio::any_io_executor executor, ServerOptions options = {});
    ~Server();
    Server(const Server&) = delete;
    Server& operator=(const Server&) = delete;

    /// Binds and listens before returning (so port() and base_url() are valid), then
    /// accepts connections on the executor.
    void start();
    /// Stops accepting, closes every connection and cancels every webhook delivery (pending
    /// retries included: they are dropped, not recorded as failed). Idempotent.
    void stop();

    std::uint16_t port() const;
    /// `https://127.0.0.1:<port>/api`: the value for ClientOptions::base_url.
    std::string base_url() const;
    /// PEM of the CA that signed the served certificate (trust it with ClientOptions::ca_pem).
    const std::string& ca_certificate_pem() const;
    /// Writes ca_certificate_pem() to `path`.
    void write_ca_certificate(const std::filesystem::path& path) const;

    // Seeding: how tests and the demo set up state without back doors in the client.

    /// Accepts `token` as a bearer access token (no expiry).
    void add_access_token(std::string token);
    /// Credentials (pyrevolut schema) for a newly registered client whose access token
    /// (valid for ServerOptions::access_token_lifetime), refresh token, certificate and
    /// client-assertion JWT this server accepts.
    Credentials issue_credentials();

    /// Registers an API client as uploading its certificate in Revolut's web app does: a new
    /// random client ID, whose client assertions must carry iss = the redirect URI's host.
    /// Throws revolut::Error(Errc::invalid_argument) for an unreadable certificate or a
    /// redirect URI without a host.
    std::string register_client(std::string certificate_pem, std::string redirect_uri);
    /// Registers (or re-registers) a client under a chosen ID, without an issuer rule.
    void register_client_with_id(std::string client_id, std::string certificate_pem);
    /// A fresh single-use authorization code for a registered client (what consenting in the
    /// browser yields), valid for ServerOptions::authorization_code_lifetime. Throws
    /// revolut::Error(Errc::invalid_argument) for an unknown client.
    std::string issue_authorization_code(const std::string& client_id);
    /// The token is refused from now on (API routes: 401 code 1000). Unknown tokens: no-op.
    void revoke_access_token(const std::string& token);
    /// The refresh token grant refuses the token from now on (401 invalid_grant).
    void revoke_refresh_token(const std::string& token);

    /// A TLS server certificate for `names` (IP addresses or DNS names) signed by a CA that
    /// webhook delivery trusts: a test's receiver serves HTTPS with it. With a generated
    /// served certificate that CA is ca_certificate_pem(); with --cert/--key files the emulator
    /// makes a separate one (see receiver_ca_certificate_pem()).
    CertificateAndKey issue_certificate(std::vector<std::string> names);
    /// The CA that signs issue_certificate()'s certificates.
    const std::string& receiver_ca_certificate_pem();

    /// Delivers `event` to every webhook subscribed to its type, as if it had just happened:
    /// signed POSTs in the background, retried, recorded as a failed event when every attempt
    /// fails. A no-op after stop().
    void deliver_event(const webhook::Event& event);

    /// Opens an account (active, private) and returns its ID. The emulator starts with two,
    /// "Main" in GBP and in EUR.
    Uuid add_account(std::string name, std::string currency, Decimal balance);
    /// Seeds data no API call can create, by kind, e.g. seed("expense", {...}) — each API
    /// group documents its kinds next to its routes. Returns what the seeder reports (e.g.
    /// the new object). Errc::invalid_argument for an unknown kind or malformed data.
    boost::json::value seed(std::string_view kind, const boost::json::value& data);
    /// Records a failed delivery for a webhook (served by its failed-events route).
    void add_failed_event(const Uuid& webhook_id, Timestamp created_at,
                          boost::json::object payload);
    /// Applies `fault` to requests with this method whose target (path and query) starts with
    /// `path_prefix`, replacing an earlier fault for the same method and prefix; the most
    /// recently set matching fault wins. Errc::invalid_argument for a probability outside 0..1
    /// or a fault that combines several wire faults.
    void set_fault(boost::beast::http::verb method, std::string path_prefix, Fault fault);
    /// The next `connections` accepted connections fail their TLS handshake: the server reads
    /// the ClientHello and answers with a fatal handshake_failure alert. 0 ends it.
    void fail_tls_handshakes(std::size_t connections);
    /// Forgets every fault, TLS handshake failures included.
    void clear_faults();

    Stats stats() const;
    /// The signing secrets a webhook delivery would be signed with now, current first (empty
    /// for an unknown webhook): after a rotation with an expiration period, the old one too.
    std::vector<std::string> valid_signing_secrets(const Uuid& webhook_id) const;

private:
    struct Impl;
    std::shared_ptr<Impl> impl_;
};

}  // namespace revolut::mock
