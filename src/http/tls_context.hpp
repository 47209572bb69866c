#pragma once
// TLS client context: verification on by default against the system trust store, extra CA
// certificates on request, TLS 1.2 as the floor; and the per-server cache of TLS sessions
// that lets a new connection resume instead of paying for a full handshake.

#include <boost/asio/ssl/context.hpp>

#include <openssl/ssl.h>

#include <cstddef>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace revolut::http {

struct TlsSettings {
    bool verify_peer = true;
    bool use_system_trust_store = true;
    std::optional<std::filesystem::path> ca_file;
    std::optional<std::string> ca_pem;
};

/// Throws Error(Errc::tls) when a CA file or PEM cannot be loaded. Contexts made here hand
/// the sessions (tickets) servers send to the TlsSessionCache of the connection's SSL.
std::shared_ptr<boost::asio::ssl::context> make_tls_context(const TlsSettings& settings);

/// The latest resumable sessions from one server. TLS 1.3 tickets are used once each (RFC
/// 8446 C.4: reuse would make connections linkable; the server sends fresh ones on every
/// connection); a TLS 1.2 session is kept for every reconnect. A session only ever comes from
/// a handshake whose certificate and host name were verified, and the cache belongs to one
/// host, so resuming never skips a check a full handshake would make.
/// Not thread-safe: use it from the pool's strand.
class TlsSessionCache {
public:
    TlsSessionCache() = default;
    ~TlsSessionCache();
    TlsSessionCache(const TlsSessionCache&) = delete;
    TlsSessionCache& operator=(const TlsSessionCache&) = delete;

    /// Before `ssl`'s handshake: offers the newest cached session, and makes sessions the
    /// server sends on this connection land here. The cache must outlive `ssl`.
    void attach(SSL* ssl) noexcept;
    /// Takes ownership of `session` (called from the context's new-session callback).
    void store(SSL_SESSION* session) noexcept;
    std::size_t size() const noexcept { return sessions_.size(); }

private:
    static constexpr std::size_t capacity = 4;
    std::vector<SSL_SESSION*> sessions_;  // back() is the newest
};

}  // namespace revolut::http
