#include "crypto/x509.hpp"

#include <revolut/error.hpp>

#include <openssl/asn1.h>
#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <array>
#include <ctime>
#include <memory>
#include <stdexcept>

namespace revolut::detail {
namespace {

template <auto free_fn>
struct OpenSslDeleter {
    template <class T>
    void operator()(T* p) const noexcept {
        free_fn(p);
    }
};
using PKeyPtr = std::unique_ptr<EVP_PKEY, OpenSslDeleter<EVP_PKEY_free>>;
using PKeyCtxPtr = std::unique_ptr<EVP_PKEY_CTX, OpenSslDeleter<EVP_PKEY_CTX_free>>;
using X509Ptr = std::unique_ptr<X509, OpenSslDeleter<X509_free>>;
using BioPtr = std::unique_ptr<BIO, OpenSslDeleter<BIO_free_all>>;
using BignumPtr = std::unique_ptr<BIGNUM, OpenSslDeleter<BN_free>>;
using ExtensionPtr = std::unique_ptr<X509_EXTENSION, OpenSslDeleter<X509_EXTENSION_free>>;
using GeneralNamesPtr = std::unique_ptr<GENERAL_NAMES, OpenSslDeleter<GENERAL_NAMES_free>>;
using GeneralNamePtr = std::unique_ptr<GENERAL_NAME, OpenSslDeleter<GENERAL_NAME_free>>;
using OctetStringPtr = std::unique_ptr<ASN1_OCTET_STRING, OpenSslDeleter<ASN1_OCTET_STRING_free>>;
using Ia5StringPtr = std::unique_ptr<ASN1_IA5STRING, OpenSslDeleter<ASN1_IA5STRING_free>>;

// Clock skew between the machine that makes a certificate and the one that checks it.
constexpr long backdate_seconds = 5 * 60;

// OpenSSL's error queue as text (never key material), cleared so it cannot leak into a later
// unrelated failure.
std::string drain_openssl_errors() {
    std::string text;
    while (unsigned long code = ERR_get_error()) {
        std::array<char, 256> buffer{};
        ERR_error_string_n(code, buffer.data(), buffer.size());
        if (!text.empty()) text += "; ";
        text += buffer.data();
    }
    return text.empty() ? "unknown OpenSSL error" : text;
}

[[noreturn]] void fail(const char* step) {
    throw std::runtime_error(std::string("x509: ") + step + " failed: " + drain_openssl_errors());
}

void check(int result, const char* step) {
    if (result <= 0) fail(step);
}

template <class T>
T* check_ptr(T* p, const char* step) {
    if (p == nullptr) fail(step);
    return p;
}

// Refuses encrypted keys instead of letting OpenSSL prompt on the terminal.
int no_passphrase(char*, int, int, void*) {
    return 0;
}

BioPtr memory_bio(const std::string& text) {
    return BioPtr(
        check_ptr(BIO_new_mem_buf(text.data(), static_cast<int>(text.size())), "BIO_new_mem_buf"));
}

std::string bio_text(BIO* bio) {
    char* data = nullptr;
    long size = BIO_get_mem_data(bio, &data);
    if (size < 0 || data == nullptr) fail("BIO_get_mem_data");
    return {data, static_cast<std::size_t>(size)};
}

PKeyPtr read_private_key(const std::string& pem) {
    auto bio = memory_bio(pem);
    PKeyPtr key(PEM_read_bio_PrivateKey(bio.get(), nullptr, no_passphrase, nullptr));
    if (!key) {
        ERR_clear_error();
        throw Error(make_error_code(Errc::invalid_argument),
                    "x509: the private key is not an unencrypted PEM key");
    }
    return key;
}

X509Ptr read_certificate(const std::string& pem) {
    auto bio = memory_bio(pem);
    X509Ptr cert(PEM_read_bio_X509(bio.get(), nullptr, no_passphrase, nullptr));
    if (!cert) {
        ERR_clear_error();
        throw Error(make_error_code(Errc::invalid_argument),
                    "x509: the certificate is not a PEM certificate");
    }
    return cert;
}

std::string certificate_pem(X509* cert) {
    BioPtr bio(check_ptr(BIO_new(BIO_s_mem()), "BIO_new"));
    check(PEM_write_bio_X509(bio.get(), cert), "PEM_write_bio_X509");
    return bio_text(bio.get());
}

// A positive 127-bit random serial: unique enough that browsers and OpenSSL never see two
// different certificates from the same issuer with the same serial.
void set_random_serial(X509* cert) {
    std::array<unsigned char, 16> bytes{};
    check(RAND_bytes(bytes.data(), static_cast<int>(bytes.size())), "RAND_bytes");
    bytes[0] &= 0x7f;
    BignumPtr serial(
        check_ptr(BN_bin2bn(bytes.data(), static_cast<int>(bytes.size()), nullptr), "BN_bin2bn"));
    check_ptr(BN_to_ASN1_INTEGER(serial.get(), X509_get_serialNumber(cert)), "BN_to_ASN1_INTEGER");
}

void add_name_entry(X509_NAME* name, const char* field, const std::string& value) {
    if (value.empty()) return;
    check(X509_NAME_add_entry_by_txt(name, field, MBSTRING_UTF8,
                                     reinterpret_cast<const unsigned char*>(value.data()),
                                     static_cast<int>(value.size()), -1, 0),
          "X509_NAME_add_entry_by_txt");
}

void set_subject(X509* cert, const CertificateSubject& subject) {
    X509_NAME* name = X509_get_subject_name(cert);
    add_name_entry(name, "C", subject.country);
    add_name_entry(name, "ST", subject.state);
    add_name_entry(name, "L", subject.locality);
    add_name_entry(name, "O", subject.organization);
    add_name_entry(name, "OU", subject.organizational_unit);
    add_name_entry(name, "CN", subject.common_name);
    add_name_entry(name, "emailAddress", subject.email);
}

// A v3 certificate for `key` with serial and validity set; subject, issuer, extensions and the
// signature are the caller's.
X509Ptr new_certificate(EVP_PKEY* key, std::chrono::days validity) {
    X509Ptr cert(check_ptr(X509_new(), "X509_new"));
    check(X509_set_version(cert.get(), X509_VERSION_3), "X509_set_version");
    set_random_serial(cert.get());
    check_ptr(X509_gmtime_adj(X509_getm_notBefore(cert.get()), -backdate_seconds),
              "X509_gmtime_adj");
    check_ptr(X509_time_adj_ex(X509_getm_notAfter(cert.get()), static_cast<int>(validity.count()),
                               0, nullptr),
              "X509_time_adj_ex");
    check(X509_set_pubkey(cert.get(), key), "X509_set_pubkey");
    return cert;
}

void add_extension(X509* cert, X509* issuer, int nid, const char* value) {
    X509V3_CTX ctx;
    X509V3_set_ctx_nodb(&ctx);
    X509V3_set_ctx(&ctx, issuer, cert, nullptr, nullptr, 0);
    ExtensionPtr ext(
        check_ptr(X509V3_EXT_conf_nid(nullptr, &ctx, nid, value), "X509V3_EXT_conf_nid"));
    check(X509_add_ext(cert, ext.get(), -1), "X509_add_ext");
}

// Built from GENERAL_NAME values rather than a config string, so a name can never inject
// another entry.
void add_subject_alt_names(X509* cert, const std::vector<std::string>& names) {
    GeneralNamesPtr general_names(
        check_ptr(sk_GENERAL_NAME_new_null(), "sk_GENERAL_NAME_new_null"));
    for (const auto& name : names) {
        GeneralNamePtr entry(check_ptr(GENERAL_NAME_new(), "GENERAL_NAME_new"));
        if (OctetStringPtr ip{a2i_IPADDRESS(name.c_str())}) {
            GENERAL_NAME_set0_value(entry.get(), GEN_IPADD, ip.release());
        } else {
            ERR_clear_error();
            Ia5StringPtr dns(check_ptr(ASN1_IA5STRING_new(), "ASN1_IA5STRING_new"));
            check(ASN1_STRING_set(dns.get(), name.data(), static_cast<int>(name.size())),
                  "ASN1_STRING_set");
            GENERAL_NAME_set0_value(entry.get(), GEN_DNS, dns.release());
        }
        if (sk_GENERAL_NAME_push(general_names.get(), entry.get()) <= 0) {
            fail("sk_GENERAL_NAME_push");
        }
        (void)entry.release();  // owned by the stack now
    }
    check(X509_add1_ext_i2d(cert, NID_subject_alt_name, general_names.get(), 0, X509V3_ADD_DEFAULT),
          "X509_add1_ext_i2d");
}

void sign(X509* cert, EVP_PKEY* key) {
    check(X509_sign(cert, key, EVP_sha256()), "X509_sign");
}

}  // namespace

std::string generate_rsa_private_key_pem(int bits) {
    PKeyCtxPtr ctx(check_ptr(EVP_PKEY_CTX_new_from_name(nullptr, "RSA", nullptr),
                             "EVP_PKEY_CTX_new_from_name"));
    check(EVP_PKEY_keygen_init(ctx.get()), "EVP_PKEY_keygen_init");
    check(EVP_PKEY_CTX_set_rsa_keygen_bits(ctx.get(), bits), "EVP_PKEY_CTX_set_rsa_keygen_bits");
    EVP_PKEY* raw = nullptr;
    check(EVP_PKEY_generate(ctx.get(), &raw), "EVP_PKEY_generate");
    PKeyPtr key(raw);

    BioPtr bio(check_ptr(BIO_new(BIO_s_mem()), "BIO_new"));
    check(PEM_write_bio_PrivateKey(bio.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr),
          "PEM_write_bio_PrivateKey");
    return bio_text(bio.get());
}

std::string make_ca_certificate_pem(const std::string& ca_key_pem, const std::string& common_name,
                                    std::chrono::days validity) {
    auto key = read_private_key(ca_key_pem);
    auto cert = new_certificate(key.get(), validity);
    CertificateSubject subject;
    subject.common_name = common_name;
    set_subject(cert.get(), subject);
    check(X509_set_issuer_name(cert.get(), X509_get_subject_name(cert.get())),
          "X509_set_issuer_name");
    add_extension(cert.get(), cert.get(), NID_basic_constraints, "critical,CA:TRUE,pathlen:0");
    add_extension(cert.get(), cert.get(), NID_key_usage, "critical,keyCertSign,cRLSign");
    add_extension(cert.get(), cert.get(), NID_subject_key_identifier, "hash");
    sign(cert.get(), key.get());
    return certificate_pem(cert.get());
}

std::string make_leaf_certificate_pem(const std::string& leaf_key_pem,
                                      const std::string& ca_key_pem,
                                      const std::string& ca_certificate_pem,
                                      const std::vector<std::string>& names,
                                      std::chrono::days validity) {
    auto leaf_key = read_private_key(leaf_key_pem);
    auto ca_key = read_private_key(ca_key_pem);
    auto ca = read_certificate(ca_certificate_pem);
    auto cert = new_certificate(leaf_key.get(), validity);
    CertificateSubject subject;
    subject.common_name = names.empty() ? "localhost" : names[0];
    set_subject(cert.get(), subject);
    check(X509_set_issuer_name(cert.get(), X509_get_subject_name(ca.get())),
          "X509_set_issuer_name");
    add_extension(cert.get(), ca.get(), NID_basic_constraints, "critical,CA:FALSE");
    add_extension(cert.get(), ca.get(), NID_key_usage, "critical,digitalSignature,keyEncipherment");
    add_extension(cert.get(), ca.get(), NID_ext_key_usage, "serverAuth");
    add_extension(cert.get(), ca.get(), NID_subject_key_identifier, "hash");
    add_extension(cert.get(), ca.get(), NID_authority_key_identifier, "keyid:always");
    if (!names.empty()) add_subject_alt_names(cert.get(), names);
    sign(cert.get(), ca_key.get());
    return certificate_pem(cert.get());
}

std::string make_self_signed_certificate_pem(const std::string& key_pem,
                                             const CertificateSubject& subject,
                                             std::chrono::days validity) {
    auto key = read_private_key(key_pem);
    auto cert = new_certificate(key.get(), validity);
    set_subject(cert.get(), subject);
    check(X509_set_issuer_name(cert.get(), X509_get_subject_name(cert.get())),
          "X509_set_issuer_name");
    // The extensions `openssl req -x509` adds by default, which Revolut accepts.
    add_extension(cert.get(), cert.get(), NID_subject_key_identifier, "hash");
    add_extension(cert.get(), cert.get(), NID_authority_key_identifier, "keyid:always");
    add_extension(cert.get(), cert.get(), NID_basic_constraints, "critical,CA:TRUE");
    sign(cert.get(), key.get());
    return certificate_pem(cert.get());
}

Timestamp certificate_not_after(const std::string& certificate_pem_text) {
    auto cert = read_certificate(certificate_pem_text);
    std::tm tm{};
    check(ASN1_TIME_to_tm(X509_get0_notAfter(cert.get()), &tm), "ASN1_TIME_to_tm");
    using namespace std::chrono;
    const auto day =
        sys_days{year{tm.tm_year + 1900} / month{static_cast<unsigned>(tm.tm_mon + 1)} /
                 std::chrono::day{static_cast<unsigned>(tm.tm_mday)}};
    return Timestamp{day + hours{tm.tm_hour} + minutes{tm.tm_min} + seconds{tm.tm_sec}};
}

}  // namespace revolut::detail
