// Fuzzes what revolut-mock (and anyone verifying a client assertion) reads from a client: the
// compact JWT (base64url segments, JSON header and claims, RS256 signature), and the base64
// decoders it and the credentials file rely on.
// Input: mode \0 header JSON \0 claims JSON \0 raw text. Mode byte bit 0 clear: `raw` is the
// JWT. Set: the harness builds header.claims from the given JSON and signs it with its own
// key, so the claim checks behind the signature are reached too.
// Invariants: failures are JwtError with the documented codes and never echo the token;
// base64url is canonical (decode then encode gives the input back); base64 round-trips bytes.

#include "fuzz_support.hpp"

#include "crypto/base64.hpp"
#include "crypto/jwt.hpp"
#include "crypto/x509.hpp"

#include <revolut/error.hpp>

#include <openssl/evp.h>
#include <openssl/pem.h>

#include <chrono>
#include <memory>
#include <string>

namespace {

using namespace revolut;
using namespace revolut::detail;

struct Keys {
    std::string private_pem;
    std::string certificate_pem;
    EVP_PKEY* key = nullptr;
};

const Keys& keys() {
    static const Keys k = [] {
        Keys made;
        made.private_pem = generate_rsa_private_key_pem(2048);
        CertificateSubject subject;
        subject.common_name = "fuzz";
        made.certificate_pem = make_self_signed_certificate_pem(made.private_pem, subject, std::chrono::days(30));
        BIO* bio = BIO_new_mem_buf(made.private_pem.data(), static_cast<int>(made.private_pem.size()));
        made.key = PEM_read_bio_PrivateKey(bio, nullptr, nullptr, nullptr);
        BIO_free(bio);
        return made;
    }();
    return k;
}

std::string rs256(std::string_view data) {
    EVP_MD_CTX* ctx = EVP_MD_CTX_new();
    std::size_t size = 0;
    const auto* bytes = reinterpret_cast<const unsigned char*>(data.data());
    FUZZ_CHECK(EVP_DigestSignInit(ctx, nullptr, EVP_sha256(), nullptr, keys().key) == 1);
    FUZZ_CHECK(EVP_DigestSign(ctx, nullptr, &size, bytes, data.size()) == 1);
    std::string signature(size, '\0');
    FUZZ_CHECK(EVP_DigestSign(ctx, reinterpret_cast<unsigned char*>(signature.data()), &size, bytes,
                              data.size()) == 1);
    EVP_MD_CTX_free(ctx);
    signature.resize(size);
    return signature;
}

bool documented(const boost::system::error_code& ec) {
    return ec == Errc::invalid_argument || ec == Errc::credentials ||
           ec == Errc::signature_mismatch || ec == Errc::reauthentication_required;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    revolut::fuzz::Fields in(data, size);
    const std::string_view mode = in.next();
    const std::string_view header = in.next();
    const std::string_view claims = in.next();
    const std::string_view raw = in.rest();

    // The decoders on their own.
    if (const auto bytes = base64url_decode(raw)) FUZZ_CHECK(base64url_encode(*bytes) == raw);
    if (const auto bytes = base64_decode(raw)) (void)base64_encode(*bytes);
    FUZZ_CHECK(base64_decode(base64_encode(raw)) == std::string(raw));
    FUZZ_CHECK(base64url_decode(base64url_encode(raw)) == std::string(raw));

    std::string jwt(raw);
    if (!mode.empty() && (mode[0] & 1)) {
        jwt = base64url_encode(header) + "." + base64url_encode(claims);
        jwt += "." + base64url_encode(rs256(jwt));
    }
    const Timestamp now{std::chrono::seconds(1'700'000'000)};
    try {
        const JwtClaims verified = verify_client_assertion(jwt, keys().certificate_pem, now);
        FUZZ_CHECK(verified.exp > now);
    } catch (const JwtError& e) {
        FUZZ_CHECK(documented(e.code()));
        // The message never carries the token.
        if (std::string_view(e.what()).find(jwt) != std::string_view::npos) {
            const std::string other = revolut::fuzz::rotated(jwt);
            try {
                (void)verify_client_assertion(other, keys().certificate_pem, now);
            } catch (const JwtError& again) {
                FUZZ_CHECK(!revolut::fuzz::echoes(e.what(), jwt, again.what(), other));
            }
        }
    }
    return 0;
}
