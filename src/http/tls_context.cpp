#include "http/tls_context.hpp"

#include <revolut/error.hpp>

namespace revolut::http {

namespace ssl = boost::asio::ssl;

namespace {

// Where an SSL's TlsSessionCache is kept (SSL ex_data slot, allocated once per process).
int cache_index() {
    static const int index = SSL_get_ex_new_index(0, nullptr, nullptr, nullptr, nullptr);
    return index;
}

// OpenSSL calls this when a handshake completes (TLS 1.2) or a ticket arrives (TLS 1.3,
// after the handshake, while reading). Returning 1 keeps the reference OpenSSL passed us.
int on_new_session(SSL* ssl, SSL_SESSION* session) {
    auto* cache = static_cast<TlsSessionCache*>(SSL_get_ex_data(ssl, cache_index()));
    if (cache == nullptr || SSL_SESSION_is_resumable(session) != 1) return 0;
    cache->store(session);
    return 1;
}

}  // namespace

std::shared_ptr<ssl::context> make_tls_context(const TlsSettings& settings) {
    auto ctx = std::make_shared<ssl::context>(ssl::context::tls_client);
    SSL_CTX_set_min_proto_version(ctx->native_handle(), TLS1_2_VERSION);
    ctx->set_options(ssl::context::default_workarounds | ssl::context::no_compression);
    // Client sessions are handed to on_new_session; OpenSSL's own cache is not needed (the
    // client side never looks sessions up in it).
    SSL_CTX_set_session_cache_mode(ctx->native_handle(), SSL_SESS_CACHE_CLIENT | SSL_SESS_CACHE_NO_INTERNAL_STORE);
    SSL_CTX_sess_set_new_cb(ctx->native_handle(), on_new_session);

    boost::system::error_code ec;
    if (settings.use_system_trust_store) {
        ctx->set_default_verify_paths(ec);
        if (ec) throw Error(make_error_code(Errc::tls), "cannot load the system trust store: " + ec.message());
    }
    if (settings.ca_file) {
        ctx->load_verify_file(settings.ca_file->string(), ec);
        if (ec)
            throw Error(make_error_code(Errc::tls),
                        "cannot load CA file '" + settings.ca_file->string() + "': " + ec.message());
    }
    if (settings.ca_pem) {
        ctx->add_certificate_authority(boost::asio::buffer(*settings.ca_pem), ec);
        if (ec) throw Error(make_error_code(Errc::tls), "cannot load CA certificate: " + ec.message());
    }
    ctx->set_verify_mode(settings.verify_peer ? ssl::verify_peer : ssl::verify_none);
    return ctx;
}

TlsSessionCache::~TlsSessionCache() {
    for (auto* session : sessions_) SSL_SESSION_free(session);
}

void TlsSessionCache::attach(SSL* ssl) noexcept {
    SSL_set_ex_data(ssl, cache_index(), this);
    // A session whose connection failed mid-stream has been marked not resumable since.
    while (!sessions_.empty() && SSL_SESSION_is_resumable(sessions_.back()) != 1) {
        SSL_SESSION_free(sessions_.back());
        sessions_.pop_back();
    }
    if (sessions_.empty()) return;
    SSL_SESSION* session = sessions_.back();
    SSL_set_session(ssl, session);  // takes its own reference
    if (SSL_SESSION_get_protocol_version(session) >= TLS1_3_VERSION) {
        sessions_.pop_back();  // a TLS 1.3 ticket is used once
        SSL_SESSION_free(session);
    }
}

void TlsSessionCache::store(SSL_SESSION* session) noexcept {
    if (sessions_.size() == capacity) {
        SSL_SESSION_free(sessions_.front());
        sessions_.erase(sessions_.begin());
    }
    sessions_.push_back(session);
}

}  // namespace revolut::http
