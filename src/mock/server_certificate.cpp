#include "mock/server_certificate.hpp"

#include "crypto/x509.hpp"

#include <revolut/error.hpp>

#include <boost/asio/buffer.hpp>

#include <openssl/ssl.h>

#include <fstream>
#include <sstream>

namespace revolut::mock {

namespace ssl = boost::asio::ssl;

namespace {

// Long enough for any test run or demo, short enough that nobody mistakes it for a real CA.
constexpr std::chrono::days generated_validity{30};

std::string read_file(const std::filesystem::path& path, const char* what) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    if (!in || text.str().empty()) {
        throw Error(make_error_code(Errc::invalid_argument),
                    std::string("cannot read the ") + what + " file " + path.string());
    }
    return text.str();
}

std::string last_certificate(const std::string& chain_pem) {
    constexpr std::string_view begin = "-----BEGIN CERTIFICATE-----";
    constexpr std::string_view end = "-----END CERTIFICATE-----";
    auto first = chain_pem.rfind(begin);
    auto last = first == std::string::npos ? std::string::npos : chain_pem.find(end, first);
    if (last == std::string::npos) {
        throw Error(make_error_code(Errc::invalid_argument),
                    "the certificate file holds no PEM certificate");
    }
    return chain_pem.substr(first, last + end.size() - first) + "\n";
}

}  // namespace

CertificateAuthority generate_certificate_authority(const std::string& common_name) {
    auto key = detail::generate_rsa_private_key_pem();
    auto certificate = detail::make_ca_certificate_pem(key, common_name, generated_validity);
    return CertificateAuthority{std::move(certificate), std::move(key)};
}

IssuedCertificate issue_leaf_certificate(const CertificateAuthority& ca,
                                         const std::vector<std::string>& names) {
    if (names.empty()) {
        throw Error(make_error_code(Errc::invalid_argument),
                    "a certificate needs at least one host name or address");
    }
    auto key = detail::generate_rsa_private_key_pem();
    auto certificate = detail::make_leaf_certificate_pem(key, ca.key_pem, ca.certificate_pem,
                                                         names, generated_validity);
    return IssuedCertificate{std::move(certificate), std::move(key)};
}

ServedCertificate generate_served_certificate(const std::vector<std::string>& names) {
    auto ca = generate_certificate_authority("revolut-mock test CA");
    auto leaf = issue_leaf_certificate(ca, names);
    return ServedCertificate{std::move(leaf.certificate_pem), std::move(leaf.key_pem),
                             std::move(ca.certificate_pem), std::move(ca.key_pem)};
}

ServedCertificate load_served_certificate(const std::filesystem::path& cert_file,
                                          const std::filesystem::path& key_file) {
    auto chain = read_file(cert_file, "certificate");
    auto key = read_file(key_file, "private key");
    auto ca = last_certificate(chain);
    return ServedCertificate{std::move(chain), std::move(key), std::move(ca), std::string()};
}

ssl::context make_server_tls_context(const ServedCertificate& certificate) {
    ssl::context context(ssl::context::tls_server);
    context.set_options(ssl::context::default_workarounds | ssl::context::no_sslv2 |
                        ssl::context::no_sslv3 | ssl::context::single_dh_use);
    if (SSL_CTX_set_min_proto_version(context.native_handle(), TLS1_2_VERSION) != 1) {
        throw std::runtime_error("cannot require TLS 1.2");
    }
    // An encrypted key is refused rather than prompting on the terminal.
    context.set_password_callback(
        [](std::size_t, ssl::context::password_purpose) { return std::string(); });
    boost::system::error_code ec;
    context.use_certificate_chain(boost::asio::buffer(certificate.chain_pem), ec);
    if (ec) {
        throw Error(make_error_code(Errc::invalid_argument),
                    "the served certificate is not a PEM certificate chain");
    }
    context.use_private_key(boost::asio::buffer(certificate.key_pem), ssl::context::pem, ec);
    if (ec) {
        throw Error(make_error_code(Errc::invalid_argument),
                    "the served private key is not a PEM key matching the certificate");
    }
    return context;
}

}  // namespace revolut::mock
