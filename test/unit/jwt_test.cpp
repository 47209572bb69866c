#include "credentials_test_support.hpp"

#include "crypto/base64.hpp"
#include "crypto/jwt.hpp"

#include <revolut/credentials.hpp>
#include <revolut/error.hpp>

#include <boost/json.hpp>
#include <catch2/catch.hpp>

#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include <memory>
#include <string>

using namespace std::chrono;
using Catch::Matchers::Contains;
using revolut::Errc;
using revolut::Timestamp;
using revolut::detail::base64_decode;
using revolut::detail::base64_encode;
using revolut::detail::base64url_decode;
using revolut::detail::base64url_encode;
using revolut::detail::JwtError;
using revolut::detail::JwtFailure;
using revolut_test::read_fixture;

namespace {

namespace json = boost::json;

constexpr std::int64_t fixture_exp = 4102444800;  // 2100-01-01T00:00:00Z
const Timestamp fixture_expiry{seconds{fixture_exp}};
const Timestamp now_2024 = time_point_cast<microseconds>(sys_days{year{2024} / 5 / 1});

// Runs `f`, which must throw JwtError; returns it.
template <class F>
JwtError jwt_error_of(F&& f) {
    try {
        f();
    } catch (const JwtError& e) {
        return e;
    }
    FAIL("expected a JwtError");
    throw std::logic_error("unreachable");
}

struct Parts {
    std::string header, claims, signature;
};
Parts split(const std::string& jwt) {
    auto a = jwt.find('.'), b = jwt.rfind('.');
    return {jwt.substr(0, a), jwt.substr(a + 1, b - a - 1), jwt.substr(b + 1)};
}
std::string join(const Parts& p) { return p.header + "." + p.claims + "." + p.signature; }

// Independent RS256 check with OpenSSL, not via verify_client_assertion.
bool openssl_verifies(const std::string& jwt, const std::string& cert_pem) {
    Parts p = split(jwt);
    auto signature = base64url_decode(p.signature);
    if (!signature) return false;
    std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new_mem_buf(cert_pem.data(), int(cert_pem.size())), BIO_free);
    std::unique_ptr<X509, decltype(&X509_free)> cert(PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr), X509_free);
    REQUIRE(cert);
    std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)> key(X509_get_pubkey(cert.get()), EVP_PKEY_free);
    std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), EVP_MD_CTX_free);
    REQUIRE(EVP_DigestVerifyInit(ctx.get(), nullptr, EVP_sha256(), nullptr, key.get()) == 1);
    std::string input = p.header + "." + p.claims;
    return EVP_DigestVerify(ctx.get(), reinterpret_cast<const unsigned char*>(signature->data()),
                            signature->size(), reinterpret_cast<const unsigned char*>(input.data()),
                            input.size()) == 1;
}

std::string public_key_pem_of(const std::string& cert_pem) {
    std::unique_ptr<BIO, decltype(&BIO_free)> in(BIO_new_mem_buf(cert_pem.data(), int(cert_pem.size())), BIO_free);
    std::unique_ptr<X509, decltype(&X509_free)> cert(PEM_read_bio_X509(in.get(), nullptr, nullptr, nullptr), X509_free);
    std::unique_ptr<BIO, decltype(&BIO_free)> out(BIO_new(BIO_s_mem()), BIO_free);
    REQUIRE(PEM_write_bio_PUBKEY(out.get(), X509_get0_pubkey(cert.get())) == 1);
    char* data = nullptr;
    long size = BIO_get_mem_data(out.get(), &data);
    return std::string(data, std::size_t(size));
}

std::string make_fixture_assertion(const std::string& key_pem) {
    return revolut::detail::make_client_assertion(key_pem, "test-client-id", "https://example.com",
                                                  fixture_expiry + 999ms);
}

// A JWT with the given header and claims JSON, signed with the test key by OpenSSL directly.
std::string signed_jwt(std::string_view header_json, std::string_view claims_json) {
    std::string key_pem = read_fixture("test_key.pem");
    std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new_mem_buf(key_pem.data(), int(key_pem.size())), BIO_free);
    std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)> key(
        PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr), EVP_PKEY_free);
    std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), EVP_MD_CTX_free);
    std::string input = base64url_encode(header_json) + "." + base64url_encode(claims_json);
    std::size_t size = 0;
    REQUIRE(EVP_DigestSignInit(ctx.get(), nullptr, EVP_sha256(), nullptr, key.get()) == 1);
    REQUIRE(EVP_DigestSign(ctx.get(), nullptr, &size, reinterpret_cast<const unsigned char*>(input.data()),
                           input.size()) == 1);
    std::string signature(size, '\0');
    REQUIRE(EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char*>(signature.data()), &size,
                           reinterpret_cast<const unsigned char*>(input.data()), input.size()) == 1);
    return input + "." + base64url_encode(signature);
}

}  // namespace

TEST_CASE("base64 matches the RFC 4648 test vectors", "[jwt][base64]") {
    const std::pair<const char*, const char*> vectors[] = {
        {"", ""},         {"f", "Zg=="},         {"fo", "Zm8="},         {"foo", "Zm9v"},
        {"foob", "Zm9vYg=="}, {"fooba", "Zm9vYmE="}, {"foobar", "Zm9vYmFy"},
    };
    for (auto [plain, encoded] : vectors) {
        CHECK(base64_encode(plain) == encoded);
        CHECK(base64_decode(encoded) == std::string(plain));
        std::string unpadded(encoded);
        while (!unpadded.empty() && unpadded.back() == '=') unpadded.pop_back();
        CHECK(base64url_encode(plain) == unpadded);
        CHECK(base64url_decode(unpadded) == std::string(plain));
    }
    CHECK(base64_encode("\xfb\xff") == "+/8=");
    CHECK(base64url_encode("\xfb\xff") == "-_8");
}

TEST_CASE("base64 decoding reports bad input instead of producing garbage", "[jwt][base64]") {
    CHECK(base64_decode("Zm9v\nYmFy\r\n") == std::string("foobar"));  // wrapped lines
    CHECK(base64_decode("Zg") == std::string("f"));                   // padding may be left out
    for (const char* bad : {"Zg=", "Z===", "====", "=", "Z", "Zm9vY", "Zg==Zg==", "Zm9v!", "Zm-v", "Zm_v", "Zg=x"}) {
        INFO(bad);
        CHECK_FALSE(base64_decode(bad));
    }
    for (const char* bad : {"Zg==", "Zm9v+", "Zm9v/", "Zm9 v", "Zm9v\n", "Z", "Zh", "Zm9"}) {
        INFO(bad);  // url form: no padding, no whitespace, no standard-only symbols, canonical bits
        CHECK_FALSE(base64url_decode(bad));
    }
    std::string all_bytes;
    for (int i = 0; i < 256; ++i) all_bytes += static_cast<char>(i);
    for (std::size_t n = 0; n <= all_bytes.size(); n += 37) {
        std::string bytes = all_bytes.substr(0, n);
        CHECK(base64_decode(base64_encode(bytes)) == bytes);
        CHECK(base64url_decode(base64url_encode(bytes)) == bytes);
    }
}

TEST_CASE("the client assertion is what an independent RS256 signer produces", "[jwt]") {
    // openssl_made_assertion.jwt was built with the openssl CLI (dgst -sha256 -sign) from the
    // same key and claims; RSA PKCS#1 v1.5 signatures are deterministic.
    const std::string expected = read_fixture("openssl_made_assertion.jwt");
    CHECK(make_fixture_assertion(read_fixture("test_key.pem")) == expected);
    CHECK(make_fixture_assertion(read_fixture("test_key_traditional.pem")) == expected);
}

TEST_CASE("the client assertion has the header and claims Revolut expects", "[jwt]") {
    std::string jwt = revolut::detail::make_client_assertion(read_fixture("test_key.pem"), "client-123",
                                                             "https://my.example.org/oauth/callback?x=1",
                                                             fixture_expiry + 500ms);
    Parts p = split(jwt);
    CHECK(base64url_decode(p.header) == std::string(R"({"alg":"RS256","typ":"JWT"})"));
    auto claims_text = base64url_decode(p.claims);
    REQUIRE(claims_text);
    json::object claims = json::parse(*claims_text).as_object();
    CHECK(claims.size() == 4);
    CHECK(claims.at("iss").as_string() == "my.example.org");
    CHECK(claims.at("sub").as_string() == "client-123");
    CHECK(claims.at("aud").as_string() == "https://revolut.com");
    CHECK(claims.at("exp").as_int64() == fixture_exp);  // whole seconds, rounded down

    CHECK(openssl_verifies(jwt, read_fixture("test_cert.pem")));
    CHECK_FALSE(openssl_verifies(jwt, read_fixture("other_cert.pem")));

    auto verified = revolut::detail::verify_client_assertion(jwt, read_fixture("test_cert.pem"), now_2024);
    CHECK(verified.iss == "my.example.org");
    CHECK(verified.sub == "client-123");
    CHECK(verified.aud == "https://revolut.com");
    CHECK(verified.exp == fixture_expiry);
}

TEST_CASE("the issuer is the redirect URI's host", "[jwt]") {
    using revolut::detail::client_assertion_issuer;
    CHECK(client_assertion_issuer("https://example.com") == "example.com");
    CHECK(client_assertion_issuer("example.com") == "example.com");
    CHECK(client_assertion_issuer("  https://example.com/  ") == "example.com");
    CHECK(client_assertion_issuer("https://example.com/callback?code=1#top") == "example.com");
    CHECK(client_assertion_issuer("http://user:pw@Example.com:8443/cb") == "Example.com");
    CHECK(client_assertion_issuer("https://[::1]:8443/cb") == "[::1]");
    CHECK(client_assertion_issuer("example.com/cb?next=https://other.test") == "example.com");
    for (const char* bad : {"", "   ", "https://", "https:///path", "https://:443/", "/just/a/path"}) {
        INFO(bad);
        auto e = jwt_error_of([&] { client_assertion_issuer(bad); });
        CHECK(e.failure() == JwtFailure::invalid_input);
        CHECK(e.code() == Errc::invalid_argument);
    }
}

TEST_CASE("the assertion in a pyrevolut credentials file verifies with its certificate", "[jwt][credentials]") {
    auto creds = revolut::parse_credentials(read_fixture("pendulum_offsets_creds.json"));
    auto claims = revolut::detail::verify_client_assertion(creds.client_assert_jwt.jwt,
                                                           creds.certificate.public_pem, now_2024);
    CHECK(claims.iss == "example.com");
    CHECK(claims.sub == "test-client-id");
    CHECK(claims.exp == fixture_expiry);
}

TEST_CASE("a bare PEM public key verifies too", "[jwt]") {
    std::string jwt = read_fixture("openssl_made_assertion.jwt");
    CHECK(revolut::detail::verify_client_assertion(jwt, public_key_pem_of(read_fixture("test_cert.pem")), now_2024)
              .sub == "test-client-id");
}

TEST_CASE("tampered client assertions are rejected", "[jwt]") {
    const std::string jwt = read_fixture("openssl_made_assertion.jwt");
    const std::string cert = read_fixture("test_cert.pem");
    Parts p = split(jwt);
    std::string tampered;

    SECTION("claims changed, signature kept") {
        p.claims = base64url_encode(
            R"({"iss":"example.com","sub":"someone-else","aud":"https://revolut.com","exp":4102444800})");
        tampered = join(p);
    }
    SECTION("a later exp, signature kept") {
        p.claims = base64url_encode(
            R"({"iss":"example.com","sub":"test-client-id","aud":"https://revolut.com","exp":4102444801})");
        tampered = join(p);
    }
    SECTION("signature altered") {
        char& c = p.signature[p.signature.size() / 2];
        c = c == 'A' ? 'B' : 'A';
        tampered = join(p);
    }
    SECTION("signature shortened (4 symbols cut from the middle, still valid base64url)") {
        p.signature.erase(p.signature.size() / 2, 4);
        tampered = join(p);
    }
    SECTION("signed by another key") {
        tampered = revolut::detail::make_client_assertion(read_fixture("other_key.pem"), "test-client-id",
                                                          "example.com", fixture_expiry);
    }
    auto e = jwt_error_of([&] { revolut::detail::verify_client_assertion(tampered, cert, now_2024); });
    CHECK(e.failure() == JwtFailure::signature_mismatch);
    CHECK(e.code() == Errc::signature_mismatch);
}

TEST_CASE("an expired client assertion is rejected", "[jwt]") {
    const std::string jwt = read_fixture("openssl_made_assertion.jwt");
    const std::string cert = read_fixture("test_cert.pem");
    CHECK_NOTHROW(revolut::detail::verify_client_assertion(jwt, cert, fixture_expiry - 1us));
    for (Timestamp now : {fixture_expiry, fixture_expiry + 1s}) {
        auto e = jwt_error_of([&] { revolut::detail::verify_client_assertion(jwt, cert, now); });
        CHECK(e.failure() == JwtFailure::expired);
        CHECK(e.code() == Errc::reauthentication_required);
    }
}

TEST_CASE("only RS256 is accepted", "[jwt]") {
    const std::string cert = read_fixture("test_cert.pem");
    const std::string claims =
        R"({"iss":"example.com","sub":"test-client-id","aud":"https://revolut.com","exp":4102444800})";
    for (const char* header : {R"({"alg":"none","typ":"JWT"})", R"({"alg":"HS256","typ":"JWT"})",
                               R"({"alg":"RS512","typ":"JWT"})", R"({"alg":"rs256"})",
                               R"({"alg":"RS256","crit":["exp"]})"}) {
        INFO(header);
        auto e = jwt_error_of([&] { revolut::detail::verify_client_assertion(signed_jwt(header, claims), cert, now_2024); });
        CHECK(e.failure() == JwtFailure::unsupported_algorithm);
        CHECK(e.code() == Errc::invalid_argument);
    }
    // `alg: none` with an empty signature segment is refused before any signature check.
    std::string unsigned_jwt = base64url_encode(R"({"alg":"none"})") + "." + base64url_encode(claims) + ".";
    CHECK(jwt_error_of([&] { revolut::detail::verify_client_assertion(unsigned_jwt, cert, now_2024); }).failure() ==
          JwtFailure::unsupported_algorithm);
}

TEST_CASE("malformed client assertions are rejected", "[jwt]") {
    const std::string cert = read_fixture("test_cert.pem");
    const std::string rs256 = R"({"alg":"RS256","typ":"JWT"})";
    const std::string valid = read_fixture("openssl_made_assertion.jwt");
    std::vector<std::string> bad = {
        "", "abc", "a.b", valid + ".x", "!!!." + split(valid).claims + "." + split(valid).signature,
        base64url_encode("not json") + "." + split(valid).claims + "." + split(valid).signature,
        split(valid).header + "." + split(valid).claims + ".",
        std::string(20000, 'a'),
        signed_jwt(rs256, "[1,2]"),
        signed_jwt(rs256, R"({"iss":"example.com","sub":"c","aud":"https://revolut.com"})"),
        signed_jwt(rs256, R"({"iss":"example.com","sub":"c","aud":"https://revolut.com","exp":"4102444800"})"),
        signed_jwt(rs256, R"({"iss":"example.com","sub":"c","aud":"https://revolut.com","exp":-5})"),
        signed_jwt(rs256, R"({"iss":"example.com","sub":"c","aud":"https://revolut.com","exp":1e300})"),
        signed_jwt(rs256, R"({"iss":"example.com","aud":"https://revolut.com","exp":4102444800})"),
        signed_jwt(rs256, R"({"iss":"example.com","sub":7,"aud":"https://revolut.com","exp":4102444800})"),
        signed_jwt(R"({"typ":"JWT"})", R"({"iss":"example.com","sub":"c","aud":"a","exp":4102444800})"),
    };
    for (std::size_t i = 0; i < bad.size(); ++i) {
        INFO("case " << i);
        auto e = jwt_error_of([&] { revolut::detail::verify_client_assertion(bad[i], cert, now_2024); });
        CHECK(e.failure() == JwtFailure::malformed);
        CHECK(e.code() == Errc::invalid_argument);
    }
}

TEST_CASE("unusable keys are refused without showing key material", "[jwt]") {
    const std::string key = read_fixture("test_key.pem");
    const std::string key_chunk = key.substr(300, 24);
    auto make = [](const std::string& pem) {
        return revolut::detail::make_client_assertion(pem, "test-client-id", "example.com", fixture_expiry);
    };
    // An encrypted key must fail, not prompt for a passphrase on the terminal.
    for (std::string pem : {read_fixture("encrypted_key.pem"), read_fixture("ec_key.pem"),
                            std::string("-----BEGIN PRIVATE KEY-----\n") + key_chunk + "\n-----END PRIVATE KEY-----\n",
                            key.substr(0, key.size() / 2), std::string(), read_fixture("test_cert.pem")}) {
        auto e = jwt_error_of([&] { make(pem); });
        CHECK(e.failure() == JwtFailure::bad_key);
        CHECK(e.code() == Errc::credentials);
        CHECK_THAT(std::string(e.what()), !Contains(key_chunk));
    }
    CHECK(jwt_error_of([&] {
              revolut::detail::make_client_assertion(key, "", "example.com", fixture_expiry);
          }).failure() == JwtFailure::invalid_input);

    const std::string jwt = read_fixture("openssl_made_assertion.jwt");
    for (std::string cert : {std::string("not a certificate"), key, read_fixture("test_cert.pem").substr(0, 200)}) {
        auto e = jwt_error_of([&] { revolut::detail::verify_client_assertion(jwt, cert, now_2024); });
        CHECK(e.failure() == JwtFailure::bad_key);
        CHECK(e.code() == Errc::credentials);
        CHECK_THAT(std::string(e.what()), !Contains(key_chunk));
        CHECK_THAT(std::string(e.what()), !Contains(split(jwt).signature.substr(10, 20)));
    }
}
