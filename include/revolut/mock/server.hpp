#pragma once
// revolut-mock: a local, stateful emulator of the Revolut Business API over real TLS.
// Start it in-process on a test's io_context, or run the `revolut-mock` executable.

#include <revolut/credentials.hpp>
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
};

/// A scripted misbehaviour applied to requests whose method and path match.
struct Fault {
    std::chrono::milliseconds delay{0};  ///< wait this long before answering
    std::optional<unsigned> status;      ///< answer with this status and `body` instead
    std::string body;                    ///< body sent with `status`
    std::string content_type = "application/json";
    /// Extra headers sent with `status` (e.g. Retry-After on a 429).
    std::vector<std::pair<std::string, std::string>> headers;
    bool close_before_response = false;  ///< read the request, then close without answering
    std::size_t times = std::numeric_limits<std::size_t>::max();  ///< requests it applies to
};

/// Counters for tests (connection reuse, request counts).
struct Stats {
    std::size_t connections_accepted = 0;
    std::size_t tls_handshakes = 0;
    std::size_t requests = 0;
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
    /// Stops accepting and closes every connection. Idempotent.
    void stop();

    std::uint16_t port() const;
    /// `https://127.0.0.1:<port>/api`: the value for ClientOptions::base_url.
    std::string base_url() const;
    /// PEM of the CA that signed the served certificate (trust it with ClientOptions::ca_pem).
    const std::string& ca_certificate_pem() const;
    /// Writes ca_certificate_pem() to `path`.
    void write_ca_certificate(const std::filesystem::path& path) const;

    // Seeding: how tests and the demo set up state without back doors in the client.

    /// Accepts `token` as a bearer access token.
    void add_access_token(std::string token);
    /// Credentials (pyrevolut schema) for a newly registered client whose access token,
    /// refresh token, certificate and client-assertion JWT this server accepts.
    Credentials issue_credentials();
    /// Records a failed delivery for a webhook (served by its failed-events route).
    void add_failed_event(const Uuid& webhook_id, Timestamp created_at,
                          boost::json::object payload);
    /// Applies `fault` to requests with this method whose path starts with `path_prefix`.
    void set_fault(boost::beast::http::verb method, std::string path_prefix, Fault fault);
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
