#pragma once
// The certificate the emulator serves: generated at start (a throwaway CA and a leaf for the
// configured names) or read from PEM files, and the TLS server context built from it.

#include <boost/asio/ssl/context.hpp>

#include <filesystem>
#include <string>
#include <vector>

namespace revolut::mock {

/// PEM texts of a served certificate. `key_pem` is a secret and is never printed.
struct ServedCertificate {
    std::string chain_pem;  ///< leaf first, then any intermediates
    std::string key_pem;
    std::string ca_pem;  ///< what clients must trust
    std::string ca_key_pem;  ///< the CA's key when generated (a secret); empty when loaded
};

/// A CA that can sign more certificates. `key_pem` is a secret.
struct CertificateAuthority {
    std::string certificate_pem;
    std::string key_pem;
};

/// A new CA named `common_name`.
CertificateAuthority generate_certificate_authority(const std::string& common_name);

/// A leaf certificate and its new key for `names`, signed by `ca`.
struct IssuedCertificate {
    std::string certificate_pem;
    std::string key_pem;
};
IssuedCertificate issue_leaf_certificate(const CertificateAuthority& ca,
                                         const std::vector<std::string>& names);

/// A fresh CA and a leaf signed by it whose subject alternative names are `names`.
ServedCertificate generate_served_certificate(const std::vector<std::string>& names);

/// Reads a chain and key; the CA is the chain's last certificate (the leaf itself when
/// self-signed). Throws revolut::Error(Errc::invalid_argument) naming an unreadable file.
ServedCertificate load_served_certificate(const std::filesystem::path& cert_file,
                                          const std::filesystem::path& key_file);

/// A TLS 1.2+ server context serving `certificate`.
boost::asio::ssl::context make_server_tls_context(const ServedCertificate& certificate);

}  // namespace revolut::mock
