#include "mock/issued_credentials.hpp"

#include "crypto/jwt.hpp"
#include "crypto/x509.hpp"
#include "mock/random_text.hpp"

namespace revolut::mock {
namespace {

// Matches the `-days 1825` of the certificate command Revolut's setup guide gives.
constexpr std::chrono::days long_lived{1825};

}  // namespace

IssuedCredentials issue_client_credentials(AuthRegistry& registry, Timestamp now) {
    const std::string client_id = random_alphanumeric(43);

    Credentials creds;
    creds.certificate.private_pem = detail::generate_rsa_private_key_pem();
    detail::CertificateSubject subject;
    subject.common_name = client_id;
    subject.organization = "revolut-mock client";
    creds.certificate.public_pem = detail::make_self_signed_certificate_pem(
        creds.certificate.private_pem, subject, long_lived);
    creds.certificate.expiration_dt = detail::certificate_not_after(creds.certificate.public_pem);
    creds.client_assert_jwt.expiration_dt = now + long_lived;
    // Signed like `revolut auth-manual` does; the redirect URI host of emulated clients.
    creds.client_assert_jwt.jwt = detail::make_client_assertion(
        creds.certificate.private_pem, client_id, "revolut-mock.localhost",
        creds.client_assert_jwt.expiration_dt);

    creds.tokens.access_token = new_token();
    creds.tokens.refresh_token = new_token();
    creds.tokens.token_type = "bearer";
    creds.tokens.access_token_expiration_dt = now + registry.lifetimes().access_token;
    creds.tokens.refresh_token_expiration_dt = now + long_lived;

    registry.add_client(RegisteredClient{client_id, creds.certificate.public_pem, std::nullopt});
    registry.add_access_token(creds.tokens.access_token, creds.tokens.access_token_expiration_dt);
    registry.add_refresh_token(creds.tokens.refresh_token, client_id,
                               creds.tokens.refresh_token_expiration_dt);
    return IssuedCredentials{client_id, std::move(creds)};
}

}  // namespace revolut::mock
