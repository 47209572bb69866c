#include "cli/auth_manual.hpp"

#include "cli/common_options.hpp"
#include "cli/exit_code.hpp"
#include "cli/file_output.hpp"

#include "auth/token_endpoint.hpp"
#include "crypto/jwt.hpp"
#include "crypto/x509.hpp"
#include "http/base_url.hpp"
#include "http/tls_context.hpp"
#include "http/transport.hpp"

#include <revolut/error.hpp>
#include <revolut/version.hpp>

#include <boost/url/parse.hpp>
#include <boost/url/parse_query.hpp>
#include <boost/url/url.hpp>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <fstream>
#include <istream>
#include <optional>
#include <ostream>
#include <sstream>

namespace revolut::cli {

namespace asio = boost::asio;
namespace urls = boost::urls;

namespace {

constexpr const char* here = "revolut auth-manual";

std::string trim(std::string_view text) {
    auto begin = text.find_first_not_of(" \t\r\n");
    if (begin == std::string_view::npos) return {};
    auto end = text.find_last_not_of(" \t\r\n");
    return std::string(text.substr(begin, end - begin + 1));
}

bool has_control_or_space(std::string_view text) {
    return std::any_of(text.begin(), text.end(), [](unsigned char ch) { return ch <= 0x20 || ch == 0x7f; });
}

std::string join(const std::vector<std::string>& parts, std::string_view separator) {
    std::string out;
    for (const auto& part : parts) out += (out.empty() ? "" : std::string(separator)) + part;
    return out;
}

Timestamp now_utc() {
    return std::chrono::time_point_cast<std::chrono::microseconds>(std::chrono::system_clock::now());
}

std::string read_text_file(const std::string& path, const char* what) {
    std::ifstream file(path, std::ios::binary);
    if (!file) throw UsageError(std::string("cannot read the ") + what + " '" + path + "'", here);
    std::ostringstream text;
    text << file.rdbuf();
    return text.str();
}

// Asks on `err` (stdout stays the guide) and reads one line from `in`.
class Prompter {
public:
    Prompter(std::istream& in, std::ostream& err, bool interactive)
        : in_(in), err_(err), interactive_(interactive) {}

    /// Asks until `accept` takes the answer (it throws UsageError to have it asked again) and
    /// returns what `accept` made of it.
    template <class Accept>
    std::string ask(const std::string& question, const std::string& flag,
                    const std::optional<std::string>& default_value, Accept accept) {
        if (!interactive_)
            throw UsageError("missing " + flag + " (stdin is not a terminal, so it cannot be asked)", here);
        for (;;) {
            err_ << question;
            if (default_value) err_ << " [" << *default_value << "]";
            err_ << ": " << std::flush;
            std::string line;
            if (!std::getline(in_, line)) throw UsageError("no answer for " + flag + " (end of input)", here);
            line = trim(line);
            if (line.empty() && default_value) line = *default_value;
            if (line.empty()) continue;
            try {
                return accept(line);
            } catch (const UsageError& e) {
                err_ << e.what() << '\n';
            }
        }
    }

private:
    std::istream& in_;
    std::ostream& err_;
    bool interactive_;
};

struct Subject {
    detail::CertificateSubject subject;
    std::chrono::days validity = default_certificate_validity;
    bool any_given = false;
};

Subject read_subject(const Invocation& inv) {
    Subject s;
    auto take = [&](const char* flag, std::string& field) {
        if (auto v = inv.value(flag)) {
            field = *v;
            s.any_given = true;
        }
    };
    s.subject.common_name = "revolut-cli";
    take("--cn", s.subject.common_name);
    take("--org", s.subject.organization);
    take("--ou", s.subject.organizational_unit);
    take("--country", s.subject.country);
    take("--state", s.subject.state);
    take("--locality", s.subject.locality);
    take("--email", s.subject.email);
    if (!s.subject.country.empty()) {
        auto& c = s.subject.country;
        if (c.size() != 2 || !std::isalpha(static_cast<unsigned char>(c[0])) ||
            !std::isalpha(static_cast<unsigned char>(c[1])))
            throw UsageError("--country takes a two-letter code such as GB", here);
        std::transform(c.begin(), c.end(), c.begin(), [](unsigned char ch) { return static_cast<char>(std::toupper(ch)); });
    }
    if (auto days = inv.value("--days")) {
        int n = 0;
        auto [end, ec] = std::from_chars(days->data(), days->data() + days->size(), n);
        if (ec != std::errc() || end != days->data() + days->size() || n < 1 || n > 3650)
            throw UsageError("--days takes a whole number of days from 1 to 3650", here);
        s.validity = std::chrono::days(n);
        s.any_given = true;
    }
    return s;
}

// What to do about an existing credentials file. Returns true when it is kept.
bool keep_existing_credentials(const std::filesystem::path& path, bool force, std::ostream& err) {
    std::error_code ec;
    if (!std::filesystem::exists(std::filesystem::symlink_status(path, ec))) return false;
    if (force) {
        err << "Replacing the existing credentials in '" << path.string() << "' (--force).\n";
        return false;
    }
    const mode_t mode = file_mode(path);
    char octal[8];
    std::snprintf(octal, sizeof octal, "%04o", static_cast<unsigned>(mode));
    const bool weak = (mode & 077) != 0;
    // Someone may have read (or planted) a file others can access: replacing it needs --force.
    auto refuse_weak = [&] {
        throw UsageError("'" + path.string() + "' has mode " + octal +
                             ", weaker than 0600 (group or others can access it); not overwriting it. "
                             "Check who could have read it, then pass --force (the new file is written 0600)",
                         here);
    };
    std::optional<Credentials> existing;
    try {
        existing = load_credentials_file(path);
    } catch (const Error&) {
        if (weak) refuse_weak();
        throw Error(make_error_code(Errc::credentials),
                    "'" + path.string() + "' exists but is not a valid credentials file; not replacing it "
                    "(pass --force to overwrite it, or choose another --creds path)");
    }
    if (!existing->needs_reauthentication(now_utc())) {
        err << "Valid credentials already exist in '" << path.string() << "' (refresh token valid until "
            << format_timestamp(existing->tokens.refresh_token_expiration_dt)
            << "); keeping them. Pass --force to set up new ones.\n";
        if (weak)
            err << "Warning: '" << path.string() << "' has mode " << octal
                << ", readable by others; run `chmod 600 " << path.string() << "`.\n";
        return true;
    }
    if (weak) refuse_weak();
    err << "The credentials in '" << path.string() << "' have expired; setting up new ones.\n";
    return false;
}

void refuse_existing(const std::optional<std::string>& path, const char* flag, bool force) {
    std::error_code ec;
    if (path && !force && std::filesystem::exists(std::filesystem::symlink_status(*path, ec)))
        throw UsageError("'" + *path + "' (" + flag + ") exists; pass --force to replace it", here);
}

auth::TokenResponse exchange_code(const CommonOptions& common, const std::string& form) {
    auth::TokenResponse response;
    run_coroutine([&](asio::any_io_executor executor) -> asio::awaitable<void> {
        http::TlsSettings tls;
        tls.ca_file = common.ca_file;
        http::PoolSettings pool;
        pool.max_connections = 1;
        pool.connect_timeout = std::min<std::chrono::steady_clock::duration>(pool.connect_timeout, common.timeout);
        http::Transport transport(executor, tls, http::BaseUrl::parse(api_base_url(common)), pool);
        response = co_await auth::request_token(transport, form, std::string("revolut-cli/") + version,
                                                common.timeout);
        co_await transport.pool().close_idle(std::chrono::seconds(2));
    });
    return response;
}

}  // namespace

std::string certificate_upload_url(bool sandbox) {
    return sandbox ? "https://sandbox-business.revolut.com/settings/api"
                   : "https://business.revolut.com/settings/api";
}

std::string consent_url(bool sandbox, std::string_view client_id, std::string_view redirect_uri,
                        const std::vector<std::string>& scopes) {
    urls::url url(sandbox ? "https://sandbox-business.revolut.com/app-confirm"
                          : "https://business.revolut.com/app-confirm");
    auto params = url.params();
    params.append({"client_id", client_id});
    params.append({"redirect_uri", redirect_uri});
    params.append({"response_type", "code"});
    if (!scopes.empty()) {
        const std::string scope = join(scopes, ",");
        params.append({"scope", scope});
    }
    url.set_fragment("authorize");
    return std::string(url.buffer());
}

std::string extract_authorization_code(std::string_view pasted) {
    std::string text = trim(pasted);
    if (text.empty()) throw UsageError("the authorization code is empty", here);

    // A redirected URL, or just its query: look for code= (and error=) among the parameters.
    std::optional<urls::params_view> params;
    urls::url_view url_view;
    if (text.find("://") != std::string::npos) {
        auto parsed = urls::parse_uri_reference(text);
        if (!parsed) throw UsageError("cannot parse the redirected URL you pasted", here);
        url_view = *parsed;
        params = url_view.params();
    }
    std::string query;
    if (!params && (text.find("code=") != std::string::npos || text.find("error=") != std::string::npos)) {
        query = text.front() == '?' ? text.substr(1) : text;
        auto parsed = urls::parse_query(query);
        if (!parsed) throw UsageError("cannot parse the query you pasted", here);
        params = urls::params_view(*parsed);
    }
    if (params) {
        if (auto error = params->find("error"); error != params->end()) {
            std::string reason = (*error).has_value ? std::string((*error).value) : std::string();
            throw UsageError("the consent page redirected with error '" + reason +
                                 "' instead of a code; open the consent URL again",
                             here);
        }
        auto code = params->find("code");
        if (code == params->end() || !(*code).has_value || (*code).value.empty())
            throw UsageError("no code= parameter in the URL you pasted", here);
        std::string value((*code).value);
        if (has_control_or_space(value)) throw UsageError("the code in the URL you pasted is malformed", here);
        return value;
    }
    if (has_control_or_space(text) || text.find_first_of("?&=#") != std::string::npos)
        throw UsageError("that does not look like an authorization code or a redirected URL", here);
    return text;
}

void check_redirect_uri(std::string_view uri) {
    auto parsed = urls::parse_absolute_uri(uri);
    if (!parsed || parsed->scheme_id() != urls::scheme::https || parsed->host().empty())
        throw UsageError("the redirect URI must be an https:// URL with a host, e.g. https://example.com "
                         "(Revolut refuses http:// and bare names)",
                         here);
}

std::vector<std::string> parse_scopes(const std::vector<std::string>& values) {
    std::vector<std::string> scopes;
    for (const auto& value : values) {
        std::string_view rest = value;
        while (!rest.empty()) {
            auto comma = rest.find(',');
            std::string scope = trim(rest.substr(0, comma));
            rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
            if (scope.empty()) continue;
            std::transform(scope.begin(), scope.end(), scope.begin(),
                           [](unsigned char ch) { return static_cast<char>(std::toupper(ch)); });
            if (std::find(std::begin(known_scopes), std::end(known_scopes), scope) == std::end(known_scopes))
                throw UsageError("unknown scope '" + scope + "' (known: READ, WRITE, PAY, READ_SENSITIVE_CARD_DATA)",
                                 here);
            if (std::find(scopes.begin(), scopes.end(), scope) == scopes.end()) scopes.push_back(scope);
        }
    }
    return scopes;
}

Credentials make_credentials(std::string certificate_pem, std::string private_key_pem,
                             std::string client_assertion, Timestamp assertion_expires,
                             const auth::TokenResponse& tokens, Timestamp now) {
    if (!tokens.refresh_token || tokens.refresh_token->empty())
        throw Error(make_error_code(Errc::token_refresh_failed),
                    "the token endpoint answered without a refresh token");
    Credentials creds;
    creds.certificate.expiration_dt = detail::certificate_not_after(certificate_pem);
    creds.certificate.public_pem = std::move(certificate_pem);
    creds.certificate.private_pem = std::move(private_key_pem);
    creds.client_assert_jwt.jwt = std::move(client_assertion);
    creds.client_assert_jwt.expiration_dt = assertion_expires;
    creds.tokens.access_token = tokens.access_token;
    creds.tokens.refresh_token = *tokens.refresh_token;
    creds.tokens.token_type = tokens.token_type.empty() ? "bearer" : tokens.token_type;
    creds.tokens.access_token_expiration_dt = now + tokens.expires_in;
    creds.tokens.refresh_token_expiration_dt = now + refresh_token_lifetime;
    return creds;
}

std::vector<Flag> auth_manual_flags() {
    std::vector<Flag> flags;
    flags.push_back({"--client-id", "ID", "the Client ID Revolut shows after the certificate upload", false});
    flags.push_back({"--redirect-uri", "URL", "the OAuth redirect URI registered with the certificate\n(https://…)", false});
    flags.push_back({"--code", "CODE|URL", "the authorization code, or the whole URL the consent\npage redirected to", false});
    flags.push_back({"--scope", "SCOPES", "ask for these scopes: READ, WRITE, PAY,\nREAD_SENSITIVE_CARD_DATA (comma-separated)", true});
    flags.push_back({"--key-out", "PATH", "also write the private key here (mode 0600)", false});
    flags.push_back({"--cert-out", "PATH", "also write the certificate here", false});
    flags.push_back({"--key", "PATH", "use this private key (PEM) instead of generating one", false});
    flags.push_back({"--cert", "PATH", "use this certificate (PEM, already uploaded) with --key", false});
    flags.push_back({"--certificate-only", "", "generate the key and certificate (needs --key-out and\n--cert-out), print the upload steps and stop", false});
    flags.push_back({"--cn", "NAME", "certificate subject: common name (default: revolut-cli)", false});
    flags.push_back({"--org", "NAME", "certificate subject: organization", false});
    flags.push_back({"--ou", "NAME", "certificate subject: organizational unit", false});
    flags.push_back({"--country", "CC", "certificate subject: two-letter country code", false});
    flags.push_back({"--state", "NAME", "certificate subject: state or province", false});
    flags.push_back({"--locality", "NAME", "certificate subject: city", false});
    flags.push_back({"--email", "ADDRESS", "certificate subject: e-mail address", false});
    flags.push_back({"--days", "N", "certificate validity in days (default: 1825)", false});
    flags.push_back({"--force", "", "replace existing credentials and --key-out/--cert-out files", false});
    return flags;
}

int run_auth_manual(const Invocation& inv, std::istream& in, std::ostream& out, std::ostream& err,
                    bool interactive) {
    const CommonOptions common = read_common_options(inv);
    const bool force = inv.has("--force");
    const bool certificate_only = inv.has("--certificate-only");
    const auto key_in = inv.value("--key");
    const auto cert_in = inv.value("--cert");
    const auto key_out = inv.value("--key-out");
    const auto cert_out = inv.value("--cert-out");
    const Subject subject = read_subject(inv);
    const std::vector<std::string> scopes = parse_scopes(inv.values_of("--scope"));

    if (key_in.has_value() != cert_in.has_value())
        throw UsageError("--key and --cert go together: the uploaded certificate and its private key", here);
    if (key_in && subject.any_given)
        throw UsageError("--cn, --org, --days … describe a generated certificate; they do not apply with --key/--cert", here);
    if (certificate_only) {
        if (key_in) throw UsageError("--certificate-only generates a new key; leave out --key/--cert", here);
        if (!key_out || !cert_out)
            throw UsageError("--certificate-only needs --key-out and --cert-out (the key is needed later)", here);
        if (inv.has("--client-id") || inv.has("--code"))
            throw UsageError("--client-id and --code come after the upload; leave them out with --certificate-only", here);
    }

    // Without a terminal nothing can be asked: name everything missing at once, up front.
    std::vector<std::string> missing;
    if (!inv.has("--redirect-uri")) missing.emplace_back("--redirect-uri");
    if (!certificate_only && !inv.has("--client-id")) missing.emplace_back("--client-id");
    if (!certificate_only && !inv.has("--code")) missing.emplace_back("--code");
    if (!interactive && !missing.empty())
        throw UsageError("stdin is not a terminal, so auth-manual cannot ask; give " + join(missing, ", "), here);

    std::optional<std::string> redirect_uri = inv.value("--redirect-uri");
    if (redirect_uri) check_redirect_uri(*redirect_uri);
    std::optional<std::string> client_id = inv.value("--client-id");
    if (client_id && (client_id->empty() || has_control_or_space(*client_id)))
        throw UsageError("--client-id must not be empty or contain spaces", here);
    std::optional<std::string> code;
    if (auto pasted = inv.value("--code")) code = extract_authorization_code(*pasted);

    if (!certificate_only && keep_existing_credentials(common.creds, force, err)) return 0;
    refuse_existing(key_out, "--key-out", force);
    refuse_existing(cert_out, "--cert-out", force);

    Prompter prompter(in, err, interactive);
    const char* environment = common.sandbox ? "sandbox" : "production";

    // Step 1: the key pair and the certificate.
    out << "Step 1/4: API certificate\n";
    std::string key_pem;
    std::string cert_pem;
    if (key_in) {
        key_pem = read_text_file(*key_in, "private key (--key)");
        cert_pem = read_text_file(*cert_in, "certificate (--cert)");
        out << "  Using the private key '" << *key_in << "' and the certificate '" << *cert_in << "'.\n";
    } else {
        key_pem = detail::generate_rsa_private_key_pem(2048);
        cert_pem = detail::make_self_signed_certificate_pem(key_pem, subject.subject, subject.validity);
        out << "  Generated an RSA-2048 private key and a self-signed certificate.\n";
    }
    Timestamp cert_expires{};
    try {
        cert_expires = detail::certificate_not_after(cert_pem);
    } catch (const std::exception&) {
        throw UsageError("the certificate is not a PEM X.509 certificate", here);
    }
    if (cert_expires <= now_utc())
        throw Error(make_error_code(Errc::reauthentication_required),
                    "the certificate expired on " + format_timestamp(cert_expires) + "; generate a new one");
    out << "  The certificate is valid until " << format_timestamp(cert_expires) << ".\n";
    if (key_out) {
        write_file_atomically(*key_out, key_pem, 0600);
        out << "  Private key written to '" << *key_out << "' (mode 0600). Keep it secret.\n";
    }
    if (cert_out) {
        write_file_atomically(*cert_out, cert_pem, 0644);
        out << "  Certificate written to '" << *cert_out << "'.\n";
    }

    // Step 2: the upload, which gives the client ID.
    out << "\nStep 2/4: upload the certificate to Revolut (" << environment << ")\n";
    out << std::flush;
    if (!redirect_uri) {
        err << "The OAuth redirect URI is where Revolut sends you after you consent "
               "(any https:// page you control).\n";
        redirect_uri = prompter.ask("OAuth redirect URI", "--redirect-uri", std::string("https://example.com"),
                                    [](const std::string& answer) {
                                        check_redirect_uri(answer);
                                        return answer;
                                    });
    }
    out << "  1. Open " << certificate_upload_url(common.sandbox) << '\n'
        << "  2. Under \"API certificates\", click \"Add API certificate\" (or \"Add new\").\n"
        << "  3. Give it a title, and enter as OAuth redirect URI:\n"
        << "       " << *redirect_uri << '\n'
        << "  4. Paste this certificate as the X509 public key, including the BEGIN/END lines:\n\n"
        << cert_pem << (cert_pem.ends_with('\n') ? "" : "\n") << '\n'
        << "  5. Click \"Continue\" and copy the Client ID Revolut shows.\n";
    if (certificate_only) {
        out << "\nWhen the certificate is uploaded, finish with:\n"
            << "  revolut auth-manual --key " << *key_out << " --cert " << *cert_out
            << " --redirect-uri " << *redirect_uri << " --client-id CLIENT_ID"
            << (common.sandbox ? "" : " --production") << '\n';
        return 0;
    }
    out << std::flush;
    if (!client_id) {
        client_id = prompter.ask("Client ID", "--client-id", std::nullopt, [](const std::string& answer) {
            if (has_control_or_space(answer)) throw UsageError("a client ID contains no spaces", here);
            return answer;
        });
    }

    // Step 3: the client assertion and the consent, which gives the authorization code.
    out << "\nStep 3/4: consent\n";
    const std::string assertion = detail::make_client_assertion(key_pem, *client_id, *redirect_uri, cert_expires);
    try {
        detail::verify_client_assertion(assertion, cert_pem, now_utc());
    } catch (const detail::JwtError& e) {
        if (e.failure() == detail::JwtFailure::signature_mismatch)
            throw Error(make_error_code(Errc::credentials), "the private key does not belong to the certificate");
        throw;
    }
    out << "  Signed the client-assertion JWT (issuer " << detail::client_assertion_issuer(*redirect_uri)
        << ", valid until " << format_timestamp(cert_expires) << ").\n"
        << "  Open this URL, sign in and click \"Authorize\"; Revolut then redirects to your redirect URI\n"
        << "  with ?code=… appended:\n\n"
        << "  " << consent_url(common.sandbox, *client_id, *redirect_uri, scopes) << "\n\n";
    out << std::flush;
    if (!code) {
        code = prompter.ask("Authorization code (or the whole redirected URL)", "--code", std::nullopt,
                            [](const std::string& answer) { return extract_authorization_code(answer); });
    }

    // Step 4: tokens, then the credentials file.
    out << "Step 4/4: access and refresh tokens\n";
    const Timestamp issued = now_utc();
    auth::TokenResponse tokens;
    try {
        tokens = exchange_code(common, auth::authorization_code_form(*code, *client_id, assertion));
    } catch (const ApiError& e) {
        // Keep the class (exit code) and Revolut's reason; say what to do about it.
        std::string reason = "HTTP " + std::to_string(e.status());
        if (e.api_code()) reason += ", code " + std::to_string(*e.api_code());
        if (!e.api_message().empty()) reason += ": " + e.api_message();
        throw Error(e.code(), "the token endpoint refused the authorization code (" + reason +
                                  "). Codes are single-use and short-lived: open the consent URL again "
                                  "and run `revolut auth-manual` with the new --code");
    }
    Credentials creds = make_credentials(std::move(cert_pem), std::move(key_pem), assertion, cert_expires,
                                         tokens, issued);
    save_credentials_file(common.creds, creds);
    out << "  Credentials saved to '" << common.creds.string() << "' (mode 0600).\n"
        << "  Access token valid until " << format_timestamp(creds.tokens.access_token_expiration_dt)
        << " (refreshed automatically), refresh token until "
        << format_timestamp(creds.tokens.refresh_token_expiration_dt) << ".\n"
        << "  Try: revolut webhooks list" << (common.creds == "credentials/creds.json" ? "" : " --creds " + common.creds.string())
        << '\n';
    return 0;
}

}  // namespace revolut::cli
