#include "crypto/jwt.hpp"

#include "crypto/base64.hpp"

#include <boost/json.hpp>

#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include <climits>
#include <cmath>
#include <memory>
#include <optional>

namespace revolut::detail {
namespace {

namespace json = boost::json;
using namespace std::chrono;

// Longer than any client assertion; bounds the work an emulator does for a hostile request.
constexpr std::size_t max_jwt_size = 16 * 1024;
// NumericDate values outside [0, year 10000) are refused before any time arithmetic.
constexpr std::int64_t max_numeric_date = 253402300800;

constexpr std::string_view rs256_header = R"({"alg":"RS256","typ":"JWT"})";

Errc errc_for(JwtFailure failure) {
    switch (failure) {
    case JwtFailure::bad_key: return Errc::credentials;
    case JwtFailure::signature_mismatch: return Errc::signature_mismatch;
    case JwtFailure::expired: return Errc::reauthentication_required;
    case JwtFailure::invalid_input:
    case JwtFailure::malformed:
    case JwtFailure::unsupported_algorithm: break;
    }
    return Errc::invalid_argument;
}

[[noreturn]] void fail(JwtFailure failure, const std::string& what) {
    // A failed OpenSSL call leaves entries in the thread's error queue; drop them so they
    // are not reported later by unrelated TLS code.
    ERR_clear_error();
    throw JwtError(failure, what);
}

struct BioFree { void operator()(BIO* p) const { BIO_free(p); } };
struct PkeyFree { void operator()(EVP_PKEY* p) const { EVP_PKEY_free(p); } };
struct X509Free { void operator()(X509* p) const { X509_free(p); } };
struct MdCtxFree { void operator()(EVP_MD_CTX* p) const { EVP_MD_CTX_free(p); } };
using BioPtr = std::unique_ptr<BIO, BioFree>;
using PkeyPtr = std::unique_ptr<EVP_PKEY, PkeyFree>;
using X509Ptr = std::unique_ptr<X509, X509Free>;
using MdCtxPtr = std::unique_ptr<EVP_MD_CTX, MdCtxFree>;

BioPtr memory_bio(std::string_view pem) {
    if (pem.size() > static_cast<std::size_t>(INT_MAX)) return nullptr;
    return BioPtr(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())));
}

// Refuses every passphrase request: without it OpenSSL would prompt on the terminal for an
// encrypted key, which a library must never do.
int refuse_passphrase(char*, int, int, void*) { return -1; }

void require_rsa(const PkeyPtr& key, const char* what) {
    if (!EVP_PKEY_is_a(key.get(), "RSA"))
        fail(JwtFailure::bad_key, std::string("client assertion: the ") + what + " is not an RSA key");
}

PkeyPtr load_private_key(std::string_view pem) {
    auto bio = memory_bio(pem);
    PkeyPtr key;
    if (bio) key.reset(PEM_read_bio_PrivateKey(bio.get(), nullptr, refuse_passphrase, nullptr));
    if (!key)
        fail(JwtFailure::bad_key,
             "client assertion: the private key is not an unencrypted PEM private key");
    require_rsa(key, "private key");
    return key;
}

PkeyPtr load_public_key(std::string_view pem) {
    PkeyPtr key;
    if (auto bio = memory_bio(pem)) {
        if (X509Ptr cert{PEM_read_bio_X509(bio.get(), nullptr, refuse_passphrase, nullptr)})
            key.reset(X509_get_pubkey(cert.get()));
    }
    if (!key) {
        ERR_clear_error();
        if (auto bio = memory_bio(pem))
            key.reset(PEM_read_bio_PUBKEY(bio.get(), nullptr, refuse_passphrase, nullptr));
    }
    if (!key)
        fail(JwtFailure::bad_key,
             "client assertion: the certificate is not a PEM X.509 certificate or public key");
    require_rsa(key, "certificate's key");
    return key;
}

std::string sign_sha256(EVP_PKEY* key, std::string_view data) {
    MdCtxPtr ctx{EVP_MD_CTX_new()};
    std::size_t size = 0;
    auto bytes = reinterpret_cast<const unsigned char*>(data.data());
    if (!ctx || EVP_DigestSignInit(ctx.get(), nullptr, EVP_sha256(), nullptr, key) != 1 ||
        EVP_DigestSign(ctx.get(), nullptr, &size, bytes, data.size()) != 1)
        fail(JwtFailure::bad_key, "client assertion: signing with the private key failed");
    std::string signature(size, '\0');
    if (EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char*>(signature.data()), &size, bytes,
                       data.size()) != 1)
        fail(JwtFailure::bad_key, "client assertion: signing with the private key failed");
    signature.resize(size);
    return signature;
}

bool verify_sha256(EVP_PKEY* key, std::string_view data, std::string_view signature) {
    MdCtxPtr ctx{EVP_MD_CTX_new()};
    if (!ctx || EVP_DigestVerifyInit(ctx.get(), nullptr, EVP_sha256(), nullptr, key) != 1)
        fail(JwtFailure::bad_key, "client assertion: the certificate's key cannot verify signatures");
    int result = EVP_DigestVerify(ctx.get(), reinterpret_cast<const unsigned char*>(signature.data()),
                                  signature.size(),
                                  reinterpret_cast<const unsigned char*>(data.data()), data.size());
    ERR_clear_error();  // a mismatch leaves an entry behind
    return result == 1;
}

json::object decode_json_segment(std::string_view segment, const char* name) {
    auto text = base64url_decode(segment);
    if (!text) fail(JwtFailure::malformed, std::string("client assertion: the ") + name + " is not base64url");
    boost::system::error_code ec;
    json::value value = json::parse(*text, ec);
    if (ec || !value.is_object())
        fail(JwtFailure::malformed, std::string("client assertion: the ") + name + " is not a JSON object");
    return std::move(value.as_object());
}

std::string string_claim(const json::object& claims, std::string_view name) {
    auto it = claims.find(name);
    if (it == claims.end() || !it->value().is_string())
        fail(JwtFailure::malformed,
             "client assertion: claim '" + std::string(name) + "' is missing or not a string");
    return std::string(it->value().as_string());
}

std::optional<std::int64_t> numeric_date(const json::value& value) {
    if (value.is_int64()) return value.as_int64();
    if (value.is_uint64() && value.as_uint64() <= static_cast<std::uint64_t>(max_numeric_date))
        return static_cast<std::int64_t>(value.as_uint64());
    if (value.is_double() && std::isfinite(value.as_double()) && value.as_double() >= 0 &&
        value.as_double() < static_cast<double>(max_numeric_date))
        return static_cast<std::int64_t>(std::floor(value.as_double()));
    return std::nullopt;
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

}  // namespace

JwtError::JwtError(JwtFailure failure, const std::string& what)
    : Error(make_error_code(errc_for(failure)), what), failure_(failure) {}

std::string client_assertion_issuer(std::string_view uri) {
    while (!uri.empty() && is_space(uri.front())) uri.remove_prefix(1);
    while (!uri.empty() && is_space(uri.back())) uri.remove_suffix(1);
    // A scheme only counts before the path: `example.com/cb?next=https://x` has none.
    if (auto scheme_end = uri.find("://");
        scheme_end != std::string_view::npos && scheme_end < uri.find_first_of("/?#"))
        uri.remove_prefix(scheme_end + 3);
    uri = uri.substr(0, uri.find_first_of("/?#"));
    if (auto at = uri.rfind('@'); at != std::string_view::npos) uri.remove_prefix(at + 1);
    if (!uri.empty() && uri.front() == '[') {
        uri = uri.substr(0, uri.find(']') + 1);  // IPv6 literal, brackets kept
    } else {
        uri = uri.substr(0, uri.find(':'));
    }
    if (uri.empty() || uri == "[]")
        fail(JwtFailure::invalid_input, "client assertion: the redirect URI has no host");
    return std::string(uri);
}

std::string make_client_assertion(std::string_view private_key_pem, std::string_view client_id,
                                  std::string_view issuer, Timestamp expires) {
    if (client_id.empty()) fail(JwtFailure::invalid_input, "client assertion: the client ID is empty");
    json::object claims;
    claims["iss"] = client_assertion_issuer(issuer);
    claims["sub"] = client_id;
    claims["aud"] = client_assertion_audience;
    claims["exp"] = floor<seconds>(expires).time_since_epoch().count();

    auto key = load_private_key(private_key_pem);
    std::string token = base64url_encode(rs256_header);
    token += '.';
    token += base64url_encode(json::serialize(claims));
    std::string signature = sign_sha256(key.get(), token);
    token += '.';
    token += base64url_encode(signature);
    return token;
}

JwtClaims verify_client_assertion(std::string_view jwt, std::string_view certificate_pem,
                                  Timestamp now) {
    if (jwt.size() > max_jwt_size) fail(JwtFailure::malformed, "client assertion: too long");
    auto first_dot = jwt.find('.');
    auto second_dot = first_dot == std::string_view::npos ? first_dot : jwt.find('.', first_dot + 1);
    if (second_dot == std::string_view::npos || jwt.find('.', second_dot + 1) != std::string_view::npos)
        fail(JwtFailure::malformed, "client assertion: not a compact JWT of three segments");
    std::string_view signed_part = jwt.substr(0, second_dot);
    std::string_view header_segment = jwt.substr(0, first_dot);
    std::string_view claims_segment = jwt.substr(first_dot + 1, second_dot - first_dot - 1);
    std::string_view signature_segment = jwt.substr(second_dot + 1);

    // The header decides how to check the signature; nothing else is trusted before it holds.
    json::object header = decode_json_segment(header_segment, "header");
    auto alg = header.find("alg");
    if (alg == header.end() || !alg->value().is_string())
        fail(JwtFailure::malformed, "client assertion: the header has no 'alg'");
    if (alg->value().as_string() != "RS256")
        fail(JwtFailure::unsupported_algorithm, "client assertion: only RS256 is accepted");
    if (header.contains("crit"))
        fail(JwtFailure::unsupported_algorithm, "client assertion: critical header extensions are not supported");

    auto signature = base64url_decode(signature_segment);
    if (!signature || signature->empty())
        fail(JwtFailure::malformed, "client assertion: the signature is not base64url");
    auto key = load_public_key(certificate_pem);
    if (!verify_sha256(key.get(), signed_part, *signature))
        fail(JwtFailure::signature_mismatch,
             "client assertion: the signature does not match the certificate");

    json::object claims = decode_json_segment(claims_segment, "claims");
    JwtClaims result;
    result.iss = string_claim(claims, "iss");
    result.sub = string_claim(claims, "sub");
    result.aud = string_claim(claims, "aud");
    auto exp_it = claims.find("exp");
    std::optional<std::int64_t> exp;
    if (exp_it != claims.end()) exp = numeric_date(exp_it->value());
    if (!exp || *exp < 0 || *exp >= max_numeric_date)
        fail(JwtFailure::malformed, "client assertion: claim 'exp' is missing or not a NumericDate");
    result.exp = Timestamp{seconds{*exp}};
    if (result.exp <= now) fail(JwtFailure::expired, "client assertion: expired ('exp' has passed)");
    return result;
}

}  // namespace revolut::detail
