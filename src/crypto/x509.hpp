#pragma once
// X.509 generation with OpenSSL 3: RSA keys and certificates for the emulator's TLS server
// (a throwaway CA plus a leaf) and for `revolut auth-manual` (the self-signed certificate a
// user uploads to Revolut). Every key and certificate is PEM text.

#include <revolut/types.hpp>

#include <chrono>
#include <string>
#include <vector>

namespace revolut::detail {

/// Subject fields of a certificate; empty fields are left out of the name.
struct CertificateSubject {
    std::string common_name;          ///< CN
    std::string organization;         ///< O
    std::string organizational_unit;  ///< OU
    std::string country;              ///< C (two letters)
    std::string state;                ///< ST
    std::string locality;             ///< L
    std::string email;                ///< emailAddress
};

/// A new RSA private key (PKCS#8 PEM, unencrypted). Throws std::runtime_error on failure.
std::string generate_rsa_private_key_pem(int bits = 2048);

/// A CA certificate for `ca_key_pem`, named `common_name`, valid from now for `validity`.
/// Throws revolut::Error(Errc::invalid_argument) for an unreadable key.
std::string make_ca_certificate_pem(const std::string& ca_key_pem, const std::string& common_name,
                                    std::chrono::days validity);

/// A TLS server certificate for `leaf_key_pem`, signed by the CA, whose subject alternative
/// names are `names`: each is an IP address when it parses as one, otherwise a DNS name.
std::string make_leaf_certificate_pem(const std::string& leaf_key_pem,
                                      const std::string& ca_key_pem,
                                      const std::string& ca_certificate_pem,
                                      const std::vector<std::string>& names,
                                      std::chrono::days validity);

/// A self-signed certificate for `key_pem` with `subject`, like `openssl req -x509 -new`.
std::string make_self_signed_certificate_pem(const std::string& key_pem,
                                             const CertificateSubject& subject,
                                             std::chrono::days validity);

/// The notAfter time of a PEM certificate (the first one in `certificate_pem`).
Timestamp certificate_not_after(const std::string& certificate_pem);

}  // namespace revolut::detail
