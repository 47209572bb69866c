// `revolut auth-manual`: the guided OAuth setup, run as a child process against revolut-mock
// (and its pure pieces: consent URL, code extraction, expiry rules). Every output is scanned
// for the secrets in play.

#include "support/cli_fixture.hpp"

using namespace revolut::test::cli_fixture;

// ---------------------------------------------------------------------------------------
// auth-manual

TEST_CASE("cli: auth-manual without a terminal names every missing flag and writes nothing", "[cli][auth]") {
    CliFixture fx;
    const fs::path creds = fx.dir() / "new" / "creds.json";
    auto result = fx.run({"auth-manual", "--creds", creds.string(), "--key-out", "key.pem"});
    CHECK(result.exit_code == 2);
    CHECK(contains(result.err, "--redirect-uri"));
    CHECK(contains(result.err, "--client-id"));
    CHECK(contains(result.err, "--code"));
    CHECK(contains(result.err, "not a terminal"));
    CHECK_FALSE(fs::exists(creds));
    CHECK_FALSE(fs::exists(fx.dir() / "key.pem"));

    // A pipe is not a terminal either, even with answers in it: no prompt, no hang.
    CliRun piped;
    piped.stdin_kind = Stdin::pipe;
    piped.input = "https://example.com\nclient\ncode\n";
    piped.timeout = std::chrono::seconds(20);
    auto from_pipe = fx.run({"auth-manual", "--creds", creds.string()}, false, piped);
    CHECK(from_pipe.exit_code == 2);
    CHECK_FALSE(fs::exists(creds));
    fx.check_no_secrets();
}

TEST_CASE("cli: auth-manual keeps existing credentials unless --force", "[cli][auth]") {
    CliFixture fx;
    const std::vector<std::string> answers = {"--redirect-uri", "https://example.com/cb", "--client-id", "client",
                                              "--code", "code-123", "--base-url", fx.base_url(), "--ca-file",
                                              fx.ca_file().string()};
    auto with = [&](std::vector<std::string> args) {
        args.insert(args.end(), answers.begin(), answers.end());
        return args;
    };

    SECTION("valid credentials are kept, nothing is generated or sent") {
        const std::string before = read_file(fx.creds_file());
        auto result = fx.run(with({"auth-manual", "--creds", fx.creds_file().string(), "--key-out", "key.pem"}));
        CHECK(result.exit_code == 0);
        CHECK(contains(result.err, "keeping them"));
        CHECK(contains(result.err, "--force"));
        const bool unchanged = read_file(fx.creds_file()) == before;
        CHECK(unchanged);
        CHECK(mode_of(fx.creds_file()) == 0600);
        CHECK_FALSE(fs::exists(fx.dir() / "key.pem"));
    }
    SECTION("expired credentials readable by others are not overwritten (usage error)") {
        Credentials expired = fx.creds();
        expired.tokens.refresh_token_expiration_dt = now_utc() - std::chrono::hours(1);
        const fs::path path = fx.dir() / "expired.json";
        save_credentials_file(path, expired);
        fs::permissions(path, fs::perms(0644));
        const std::string before = read_file(path);
        auto result = fx.run(with({"auth-manual", "--creds", path.string()}));
        CHECK(result.exit_code == 2);
        CHECK(contains(result.err, "0644"));
        CHECK(contains(result.err, "weaker than 0600"));
        CHECK(contains(result.err, "--force"));
        CHECK_FALSE(contains(result.out, "Step 1/4"));  // refused before anything is generated
        const bool unchanged = read_file(path) == before;
        CHECK(unchanged);
        CHECK(mode_of(path) == 0644);
    }
    SECTION("any group or other bit counts as weak, also on a file that is not credentials") {
        for (const mode_t mode : {0640, 0604, 0620, 0660, 0666}) {
            const fs::path path = fx.dir() / "weak.json";
            write_file(path, "not credentials");
            ::chmod(path.c_str(), mode);
            auto result = fx.run(with({"auth-manual", "--creds", path.string()}));
            INFO(result.err);
            CHECK(result.exit_code == 2);
            CHECK(contains(result.err, "weaker than 0600"));
            CHECK(read_file(path) == "not credentials");
            CHECK(mode_of(path) == mode);
        }
    }
    SECTION("valid credentials readable by others are kept, with a warning") {
        fs::permissions(fx.creds_file(), fs::perms(0644));
        const std::string before = read_file(fx.creds_file());
        auto result = fx.run(with({"auth-manual", "--creds", fx.creds_file().string()}));
        CHECK(result.exit_code == 0);
        CHECK(contains(result.err, "keeping them"));
        CHECK(contains(result.err, "chmod 600"));
        const bool unchanged = read_file(fx.creds_file()) == before;
        CHECK(unchanged);
        fs::permissions(fx.creds_file(), fs::perms(0600));
    }
    SECTION("a file that is not credentials is not overwritten") {
        const fs::path path = fx.dir() / "notes.json";
        write_file(path, "my notes, not credentials");
        ::chmod(path.c_str(), 0600);
        auto result = fx.run(with({"auth-manual", "--creds", path.string()}));
        CHECK(result.exit_code == 3);
        CHECK(contains(result.err, "--force"));
        CHECK(read_file(path) == "my notes, not credentials");
    }
    SECTION("existing key and certificate outputs are not replaced") {
        write_file(fx.dir() / "key.pem", "old key");
        auto result = fx.run(with({"auth-manual", "--creds", "fresh.json", "--key-out", "key.pem"}));
        CHECK(result.exit_code == 2);
        CHECK(contains(result.err, "--force"));
        CHECK(read_file(fx.dir() / "key.pem") == "old key");
        CHECK_FALSE(fs::exists(fx.dir() / "fresh.json"));
    }
    SECTION("with --force the flow runs (and here stops at the code exchange)") {
        const std::string before = read_file(fx.creds_file());
        auto result = fx.run(with({"auth-manual", "--creds", fx.creds_file().string(), "--force"}));
        // The emulator does not know this client or code: the exchange is refused.
        CHECK(result.exit_code == 3);
        CHECK(contains(result.out, "Step 4/4"));
        CHECK(contains(result.err, "authorization code"));
        const bool unchanged = read_file(fx.creds_file()) == before;
        CHECK(unchanged);  // a failed exchange writes nothing
    }
    fx.add_secret("authorization code", "code-123");
    fx.check_no_secrets();
}

TEST_CASE("cli: auth-manual --certificate-only writes a 0600 key and the certificate, prints only the certificate",
          "[cli][auth]") {
    CliFixture fx;
    auto result = fx.run({"auth-manual", "--certificate-only", "--key-out", "keys/private.pem", "--cert-out",
                          "keys/public.cer", "--redirect-uri", "https://example.com/callback", "--cn", "cli test",
                          "--org", "Example Ltd", "--country", "gb", "--days", "30", "--production"});
    INFO(result.err);
    REQUIRE(result.exit_code == 0);
    const fs::path key = fx.dir() / "keys" / "private.pem";
    const fs::path cert = fx.dir() / "keys" / "public.cer";
    REQUIRE(fs::exists(key));
    REQUIRE(fs::exists(cert));
    CHECK(mode_of(key) == 0600);
    const std::string key_pem = read_file(key);
    const std::string cert_pem = read_file(cert);
    fx.add_private_key(key_pem);
    CHECK(key_pem.starts_with("-----BEGIN PRIVATE KEY-----"));

    // The certificate is printed for the upload, with the production upload page.
    CHECK(contains(result.out, cert_pem));
    CHECK(contains(result.out, "https://business.revolut.com/settings/api"));
    CHECK(contains(result.out, "https://example.com/callback"));
    CHECK(contains(result.out, "--key keys/private.pem --cert keys/public.cer"));
    const auto not_after = detail::certificate_not_after(cert_pem);
    CHECK(not_after > now_utc() + std::chrono::days(29));
    CHECK(not_after < now_utc() + std::chrono::days(31));
    CHECK_FALSE(fs::exists(fx.dir() / "credentials" / "creds.json"));
    fx.check_no_secrets();
}

TEST_CASE("cli: auth-manual asks on a terminal and accepts the whole redirected URL", "[cli][auth]") {
    CliFixture fx;
    CliRun tty;
    tty.stdin_kind = Stdin::terminal;
    // An http:// redirect URI is refused and asked again; then the default; a client ID; the
    // redirected URL, pasted whole.
    tty.input = "http://example.com\n\nclient-abc\nhttps://example.com/?code=oa_code_from_redirect&state=1\n";
    tty.timeout = std::chrono::seconds(30);
    auto result = fx.run({"auth-manual", "--creds", "creds-new.json", "--scope", "READ", "--scope", "write",
                          "--base-url", fx.base_url(), "--ca-file", fx.ca_file().string()},
                         false, tty);
    INFO(result.err);
    CHECK(contains(result.err, "OAuth redirect URI [https://example.com]: "));
    CHECK(contains(result.err, "must be an https:// URL"));
    CHECK(contains(result.err, "Client ID: "));
    CHECK(contains(result.err, "Authorization code"));
    CHECK(contains(result.out, "https://sandbox-business.revolut.com/app-confirm?client_id=client-abc&"
                               "redirect_uri=https://example.com&response_type=code&scope=READ,WRITE#authorize"));
    CHECK(contains(result.out, "issuer example.com"));
    // The emulator does not know this code: refused, exit 3, nothing written.
    CHECK(result.exit_code == 3);
    CHECK(contains(result.err, "authorization code"));
    CHECK_FALSE(fs::exists(fx.dir() / "creds-new.json"));
    fx.add_secret("authorization code", "oa_code_from_redirect");
    fx.check_no_secrets();
}


TEST_CASE("cli: auth-manual end to end against the emulator produces credentials the client uses",
          "[cli][auth]") {
    CliFixture fx;
    const std::string redirect = "https://example.com/callback";
    auto first = fx.run({"auth-manual", "--certificate-only", "--key-out", "key.pem", "--cert-out",
                         "cert.pem", "--redirect-uri", redirect});
    REQUIRE(first.exit_code == 0);
    const std::string cert_pem = read_file(fx.dir() / "cert.pem");
    fx.add_private_key(read_file(fx.dir() / "key.pem"));

    const std::string client_id =
        fx.mock().call([&](mock::Server& s) { return std::string(s.register_client(cert_pem, redirect)); });
    const std::string code =
        fx.mock().call([&](mock::Server& s) { return std::string(s.issue_authorization_code(client_id)); });
    fx.add_secret("authorization code", code);

    const fs::path creds = fx.dir() / "setup" / "creds.json";
    auto second = fx.run({"auth-manual", "--key", "key.pem", "--cert", "cert.pem", "--redirect-uri", redirect,
                          "--client-id", client_id, "--code", redirect + "?code=" + code, "--creds",
                          creds.string(), "--base-url", fx.base_url(), "--ca-file", fx.ca_file().string()});
    INFO(second.err);
    REQUIRE(second.exit_code == 0);
    REQUIRE(fs::exists(creds));
    CHECK(mode_of(creds) == 0600);
    const Credentials saved = load_credentials_file(creds);
    fx.add_credential_secrets(saved);
    const bool same_certificate = saved.certificate.public_pem == cert_pem;
    CHECK(same_certificate);
    CHECK_FALSE(saved.needs_reauthentication(now_utc()));
    CHECK(saved.tokens.refresh_token_expiration_dt > now_utc() + std::chrono::days(89));

    // The library uses the new file as it is.
    ClientOptions options;
    options.creds_loc = creds.string();
    options.base_url = fx.base_url();
    options.ca_file = fx.ca_file();
    options.use_system_trust_store = false;
    test::run_async([&](asio::io_context& ioc) -> asio::awaitable<void> {
        AsyncClient client(ioc.get_executor(), options);
        auto hooks = co_await client.session([&]() -> asio::awaitable<std::vector<Webhook>> {
            co_return co_await client.webhooks().get_all_webhooks();
        });
        CHECK(hooks.empty());
    });
    auto listed = fx.run({"webhooks", "list", "--creds", creds.string(), "--base-url", fx.base_url(),
                          "--ca-file", fx.ca_file().string()});
    CHECK(listed.exit_code == 0);

    // A code is single-use: replaying it is refused.
    auto replay = fx.run({"auth-manual", "--key", "key.pem", "--cert", "cert.pem", "--redirect-uri", redirect,
                          "--client-id", client_id, "--code", code, "--creds", creds.string(), "--force",
                          "--base-url", fx.base_url(), "--ca-file", fx.ca_file().string()});
    CHECK(replay.exit_code == 3);
    const bool kept = load_credentials_file(creds).tokens.access_token == saved.tokens.access_token;
    CHECK(kept);
    fx.check_no_secrets();
}

// Sets the process umask for a scope (the CLI child inherits it).
class ScopedUmask {
public:
    explicit ScopedUmask(mode_t mask) : previous_(::umask(mask)) {}
    ~ScopedUmask() { ::umask(previous_); }
    ScopedUmask(const ScopedUmask&) = delete;
    ScopedUmask& operator=(const ScopedUmask&) = delete;

private:
    mode_t previous_;
};

TEST_CASE("cli: auth-manual replaces a credentials file others can read only with --force, keys and "
          "credentials are 0600 whatever the umask",
          "[cli][auth]") {
    CliFixture fx;
    ScopedUmask permissive(0);
    const std::string redirect = "https://example.com/callback";
    auto first = fx.run({"auth-manual", "--certificate-only", "--key-out", "key.pem", "--cert-out",
                         "cert.pem", "--redirect-uri", redirect});
    REQUIRE(first.exit_code == 0);
    CHECK(mode_of(fx.dir() / "key.pem") == 0600);
    CHECK(mode_of(fx.dir() / "cert.pem") == 0644);
    const std::string cert_pem = read_file(fx.dir() / "cert.pem");
    fx.add_private_key(read_file(fx.dir() / "key.pem"));
    const std::string client_id =
        fx.mock().call([&](mock::Server& s) { return std::string(s.register_client(cert_pem, redirect)); });
    const std::string code =
        fx.mock().call([&](mock::Server& s) { return std::string(s.issue_authorization_code(client_id)); });
    fx.add_secret("authorization code", code);

    Credentials expired = fx.creds();
    expired.tokens.refresh_token_expiration_dt = now_utc() - std::chrono::hours(1);
    const fs::path creds = fx.dir() / "shared" / "creds.json";
    fs::create_directories(creds.parent_path());
    save_credentials_file(creds, expired);
    fs::permissions(creds, fs::perms(0664));
    const std::string before = read_file(creds);
    const std::vector<std::string> setup = {"auth-manual", "--key", "key.pem", "--cert", "cert.pem",
                                            "--redirect-uri", redirect, "--client-id", client_id, "--code", code,
                                            "--creds", creds.string(), "--base-url", fx.base_url(),
                                            "--ca-file", fx.ca_file().string()};

    auto refused = fx.run(setup);
    CHECK(refused.exit_code == 2);
    CHECK(contains(refused.err, "0664"));
    CHECK(contains(refused.err, "--force"));
    const bool unchanged = read_file(creds) == before;
    CHECK(unchanged);
    CHECK(mode_of(creds) == 0664);

    auto forced_args = setup;
    forced_args.push_back("--force");
    auto forced = fx.run(forced_args);
    INFO(forced.err);
    REQUIRE(forced.exit_code == 0);
    CHECK(mode_of(creds) == 0600);
    const Credentials saved = load_credentials_file(creds);
    fx.add_credential_secrets(saved);
    CHECK_FALSE(saved.needs_reauthentication(now_utc()));
    const bool same_certificate = saved.certificate.public_pem == cert_pem;
    CHECK(same_certificate);
    fx.check_no_secrets();
}

// ---------------------------------------------------------------------------------------
// Pure pieces

TEST_CASE("cli: the consent URL is built with encoded values", "[cli][auth]") {
    using cli::consent_url;
    CHECK(consent_url(true, "abc", "https://example.com", {}) ==
          "https://sandbox-business.revolut.com/app-confirm?client_id=abc&redirect_uri=https://example.com"
          "&response_type=code#authorize");
    // Separators inside values are escaped ('=' after the first needs no escape); every value
    // decodes back to what was given.
    const std::vector<std::string> scopes{"READ", "PAY"};
    const std::string url = consent_url(false, "a&b=c d", "https://example.com/cb?x=1&y=2#f", scopes);
    CHECK(url ==
          "https://business.revolut.com/app-confirm?client_id=a%26b=c%20d"
          "&redirect_uri=https://example.com/cb?x=1%26y=2%23f&response_type=code&scope=READ,PAY#authorize");
    auto parsed = boost::urls::parse_uri(url);
    REQUIRE(parsed);
    std::vector<std::pair<std::string, std::string>> params;
    for (auto p : parsed->params()) params.emplace_back(p.key, p.value);
    CHECK(params == std::vector<std::pair<std::string, std::string>>{
                        {"client_id", "a&b=c d"},
                        {"redirect_uri", "https://example.com/cb?x=1&y=2#f"},
                        {"response_type", "code"},
                        {"scope", "READ,PAY"}});
    CHECK(parsed->fragment() == "authorize");
    CHECK(cli::certificate_upload_url(true) == "https://sandbox-business.revolut.com/settings/api");
}

TEST_CASE("cli: the authorization code comes from a bare code or the redirected URL", "[cli][auth]") {
    using cli::extract_authorization_code;
    CHECK(extract_authorization_code("  oa_sand_abc123 \n") == "oa_sand_abc123");
    CHECK(extract_authorization_code("https://example.com/cb?code=oa_1&state=s") == "oa_1");
    CHECK(extract_authorization_code("https://example.com/?state=s&code=a%2Bb") == "a+b");
    CHECK(extract_authorization_code("?code=xyz") == "xyz");
    CHECK(extract_authorization_code("code=xyz&state=1") == "xyz");
    CHECK_THROWS_AS(extract_authorization_code(""), cli::UsageError);
    CHECK_THROWS_AS(extract_authorization_code("https://example.com/cb?state=s"), cli::UsageError);
    CHECK_THROWS_AS(extract_authorization_code("https://example.com/cb?error=access_denied"), cli::UsageError);
    CHECK_THROWS_AS(extract_authorization_code("two words"), cli::UsageError);
}

TEST_CASE("cli: redirect URIs must be https, scopes must be known", "[cli][auth]") {
    CHECK_NOTHROW(cli::check_redirect_uri("https://example.com"));
    CHECK_NOTHROW(cli::check_redirect_uri("https://example.com:8443/cb?x=1"));
    CHECK_THROWS_AS(cli::check_redirect_uri("http://example.com"), cli::UsageError);
    CHECK_THROWS_AS(cli::check_redirect_uri("example.com"), cli::UsageError);
    CHECK_THROWS_AS(cli::check_redirect_uri("https://"), cli::UsageError);

    const std::vector<std::string> values{"read, write", "READ", "pay"};
    CHECK(cli::parse_scopes(values) == std::vector<std::string>{"READ", "WRITE", "PAY"});
    const std::vector<std::string> bad{"READ,ROOT"};
    CHECK_THROWS_AS(cli::parse_scopes(bad), cli::UsageError);
}

TEST_CASE("cli: credentials from a code exchange follow pyrevolut's expiry rules", "[cli][auth]") {
    const std::string key = detail::generate_rsa_private_key_pem();
    detail::CertificateSubject subject;
    subject.common_name = "test";
    const std::string cert = detail::make_self_signed_certificate_pem(key, subject, std::chrono::days(10));
    auth::TokenResponse tokens;
    tokens.access_token = "access";
    tokens.refresh_token = "refresh";
    tokens.token_type = "bearer";
    tokens.expires_in = std::chrono::seconds(2400);
    const Timestamp now = now_utc();
    const Timestamp jwt_expiry = now + std::chrono::days(10);
    auto creds = cli::make_credentials(cert, key, "jwt", jwt_expiry, tokens, now);
    CHECK(creds.tokens.access_token_expiration_dt == now + std::chrono::minutes(40));
    CHECK(creds.tokens.refresh_token_expiration_dt == now + std::chrono::days(90));
    CHECK(creds.client_assert_jwt.expiration_dt == jwt_expiry);
    CHECK(creds.certificate.expiration_dt == detail::certificate_not_after(cert));
    // Round trip through pyrevolut's schema.
    auto parsed = parse_credentials(serialize_credentials(creds));
    CHECK(parsed.tokens.refresh_token_expiration_dt == creds.tokens.refresh_token_expiration_dt);

    tokens.refresh_token.reset();
    CHECK_THROWS_AS(cli::make_credentials(cert, key, "jwt", jwt_expiry, tokens, now), Error);
}

