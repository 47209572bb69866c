#include "http/tls_context.hpp"

#include <revolut/error.hpp>

#include <openssl/ssl.h>

namespace revolut::http {

namespace ssl = boost::asio::ssl;

std::shared_ptr<ssl::context> make_tls_context(const TlsSettings& settings) {
    auto ctx = std::make_shared<ssl::context>(ssl::context::tls_client);
    SSL_CTX_set_min_proto_version(ctx->native_handle(), TLS1_2_VERSION);
    ctx->set_options(ssl::context::default_workarounds | ssl::context::no_compression);
    // Session cache so a reconnect can resume instead of a full handshake.
    SSL_CTX_set_session_cache_mode(ctx->native_handle(), SSL_SESS_CACHE_CLIENT);

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

}  // namespace revolut::http
