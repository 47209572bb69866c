#pragma once
// TLS client context: verification on by default against the system trust store, extra CA
// certificates on request, TLS 1.2 as the floor.

#include <boost/asio/ssl/context.hpp>

#include <filesystem>
#include <memory>
#include <optional>
#include <string>

namespace revolut::http {

struct TlsSettings {
    bool verify_peer = true;
    bool use_system_trust_store = true;
    std::optional<std::filesystem::path> ca_file;
    std::optional<std::string> ca_pem;
};

/// Throws Error(Errc::tls) when a CA file or PEM cannot be loaded.
std::shared_ptr<boost::asio::ssl::context> make_tls_context(const TlsSettings& settings);

}  // namespace revolut::http
