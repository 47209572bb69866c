// The `revolut` command line: the built binary runs as a child process against revolut-mock,
// which serves on a background thread (the test waits on the child meanwhile). Every output
// of every run is checked for the secrets in play: tokens, the client-assertion JWT, private
// key material, and signing secrets anywhere but the JSON a user asked for.
// The pure pieces (argument parsing, consent URL, code extraction) are checked directly.

#include "support/cli_runner.hpp"
#include "support/run_async.hpp"

#include "auth/token_endpoint.hpp"
#include "cli/auth_manual.hpp"
#include "cli/command_line.hpp"
#include "cli/commands.hpp"
#include "cli/exit_code.hpp"
#include "cli/output.hpp"
#include "crypto/x509.hpp"
#include "json/exact_json.hpp"

#include <revolut/client.hpp>
#include <revolut/credentials.hpp>
#include <revolut/error.hpp>
#include <revolut/mock/server.hpp>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/json.hpp>
#include <boost/url/parse.hpp>

#include <catch2/catch.hpp>
#include <openssl/rand.h>

#include <sys/stat.h>

#include <concepts>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace {

namespace asio = boost::asio;
namespace fs = std::filesystem;
namespace json = boost::json;
using namespace revolut;
using test::CliResult;
using test::CliRun;
using test::Stdin;

using BackgroundMock = test::BackgroundService<mock::Server>;

std::string read_file(const fs::path& path) {
    std::ifstream file(path, std::ios::binary);
    std::ostringstream text;
    text << file.rdbuf();
    return text.str();
}

void write_file(const fs::path& path, const std::string& text) {
    std::ofstream(path, std::ios::binary | std::ios::trunc) << text;
}

mode_t mode_of(const fs::path& path) {
    struct stat st {};
    REQUIRE(::stat(path.c_str(), &st) == 0);
    return st.st_mode & 07777;
}

std::string random_hex() {
    unsigned char bytes[8];
    REQUIRE(RAND_bytes(bytes, sizeof bytes) == 1);
    std::string hex;
    char two[3];
    for (auto b : bytes) {
        std::snprintf(two, sizeof two, "%02x", b);
        hex += two;
    }
    return hex;
}

// A port nothing listens on (bound, read, released).
std::uint16_t unused_port() {
    asio::io_context ioc;
    asio::ip::tcp::acceptor acceptor(ioc, asio::ip::tcp::endpoint(asio::ip::make_address("127.0.0.1"), 0));
    return acceptor.local_endpoint().port();
}

Timestamp now_utc() {
    return std::chrono::time_point_cast<std::chrono::microseconds>(std::chrono::system_clock::now());
}

// The body lines of a PEM block (what would betray the key if printed).
std::vector<std::string> pem_body_lines(const std::string& pem) {
    std::vector<std::string> lines;
    std::istringstream in(pem);
    for (std::string line; std::getline(in, line);)
        if (!line.starts_with("-----") && line.size() >= 32) lines.push_back(line);
    return lines;
}

// One test's world: an emulator on its own thread, a directory, credentials it issued, and
// every output the CLI printed, so check_no_secrets() can scan them all at the end.
class CliFixture {
public:
    CliFixture()
        : mock_([](asio::any_io_executor executor) {
              auto server = std::make_unique<mock::Server>(executor);
              server->start();
              return server;
          }),
          dir_(fs::temp_directory_path() / ("revolut-cli-test-" + random_hex())) {
        fs::create_directories(dir_);
        base_url_ = mock_.call([](mock::Server& s) { return s.base_url(); });
        ca_file_ = dir_ / "mock-ca.pem";
        mock_.call([&](mock::Server& s) { s.write_ca_certificate(ca_file_); });
        creds_ = mock_.call([](mock::Server& s) { return s.issue_credentials(); });
        creds_file_ = dir_ / "creds.json";
        save_credentials_file(creds_file_, creds_);
        add_credential_secrets(creds_);
    }
    ~CliFixture() {
        std::error_code ignored;
        fs::remove_all(dir_, ignored);
    }
    CliFixture(const CliFixture&) = delete;
    CliFixture& operator=(const CliFixture&) = delete;

    const fs::path& dir() const { return dir_; }
    const fs::path& creds_file() const { return creds_file_; }
    const fs::path& ca_file() const { return ca_file_; }
    const std::string& base_url() const { return base_url_; }
    const Credentials& creds() const { return creds_; }
    BackgroundMock& mock() { return mock_; }

    /// --creds, --base-url and --ca-file pointing at this emulator.
    std::vector<std::string> connection(const fs::path& creds) const {
        return {"--creds", creds.string(), "--base-url", base_url_, "--ca-file", ca_file_.string()};
    }
    std::vector<std::string> connection() const { return connection(creds_file_); }

    /// Runs `revolut args…` in the test's directory. `signing_secrets_allowed`: stdout is
    /// JSON the user asked for, where the webhook's own signing secret belongs.
    CliResult run(std::vector<std::string> args, bool signing_secrets_allowed = false, CliRun options = {}) {
        options.args = std::move(args);
        if (options.cwd.empty()) options.cwd = dir_;
        CliResult result = test::run_cli(options);
        std::string name = "revolut";
        for (const auto& a : options.args) name += " " + a;
        outputs_.push_back({name + " (stdout)", result.out, signing_secrets_allowed});
        outputs_.push_back({name + " (stderr)", result.err, false});
        REQUIRE_FALSE(result.timed_out);
        return result;
    }

    /// `revolut args… <connection>`: exits 0, stdout parsed as JSON.
    json::value run_json(std::vector<std::string> args) {
        auto conn = connection();
        args.insert(args.end(), conn.begin(), conn.end());
        auto result = run(args, true);
        INFO(result.err);
        REQUIRE(result.exit_code == 0);
        json::error_code ec;
        auto value = json::parse(result.out, ec);
        REQUIRE_FALSE(ec);
        return value;
    }

    /// Connection flags appended, secrets not allowed on stdout.
    CliResult run_connected(std::vector<std::string> args) {
        auto conn = connection();
        args.insert(args.end(), conn.begin(), conn.end());
        return run(args);
    }

    void add_secret(std::string what, std::string value) {
        if (!value.empty()) never_.push_back({std::move(what), std::move(value)});
    }
    void add_signing_secret(std::string value) { signing_.push_back(std::move(value)); }
    void add_credential_secrets(const Credentials& c) {
        add_secret("access token", c.tokens.access_token);
        add_secret("refresh token", c.tokens.refresh_token);
        add_secret("client-assertion JWT", c.client_assert_jwt.jwt);
        add_private_key(c.certificate.private_pem);
    }
    void add_private_key(const std::string& pem) {
        for (auto& line : pem_body_lines(pem)) add_secret("private key", line);
    }

    /// Where a secret turned up: "the <kind> in the output of `<command>`", never the secret.
    std::vector<std::string> secret_findings() const {
        std::vector<std::string> findings;
        for (const auto& output : outputs_) {
            for (const auto& [what, secret] : never_) {
                if (output.text.find(secret) != std::string::npos)
                    findings.push_back("the " + what + " in the output of `" + output.name + "`");
            }
            if (output.signing_secrets_allowed) continue;
            for (const auto& secret : signing_) {
                if (output.text.find(secret) != std::string::npos)
                    findings.push_back("a signing secret in the output of `" + output.name + "`");
            }
        }
        return findings;
    }

    /// Fails the test for every secret found in any output so far.
    void check_no_secrets() const {
        for (const auto& finding : secret_findings()) FAIL_CHECK("secret leaked: " << finding);
    }

private:
    struct Output {
        std::string name;
        std::string text;
        bool signing_secrets_allowed;
    };
    BackgroundMock mock_;
    fs::path dir_;
    std::string base_url_;
    fs::path ca_file_;
    Credentials creds_;
    fs::path creds_file_;
    std::vector<Output> outputs_;
    std::vector<std::pair<std::string, std::string>> never_;
    std::vector<std::string> signing_;
};

std::string string_at(const json::value& v, std::string_view key) {
    REQUIRE(v.is_object());
    const auto* field = v.get_object().if_contains(key);
    REQUIRE(field);
    REQUIRE(field->is_string());
    return std::string(field->get_string());
}

std::vector<std::string> events_of(const json::value& v) {
    std::vector<std::string> events;
    for (const auto& e : v.at("events").as_array()) events.emplace_back(e.as_string());
    return events;
}

bool contains(const std::string& text, std::string_view part) { return text.find(part) != std::string::npos; }

}  // namespace

// ---------------------------------------------------------------------------------------
// Help and usage errors

TEST_CASE("cli: --help works for the program and every command and exits 0", "[cli]") {
    CliFixture fx;
    const std::vector<std::vector<std::string>> commands = {
        {},
        {"auth-manual"},
        {"webhooks"},
        {"webhooks", "list"},
        {"webhooks", "get"},
        {"webhooks", "create"},
        {"webhooks", "update"},
        {"webhooks", "rotate-secret"},
        {"webhooks", "failed-events"},
        {"webhooks", "delete"},
        {"api"},
    };
    for (const auto& command : commands) {
        auto args = command;
        args.push_back("--help");
        auto result = fx.run(args);
        std::string usage = "Usage: revolut";
        for (const auto& word : command) usage += " " + word;
        INFO(usage);
        CHECK(result.exit_code == 0);
        CHECK(contains(result.out, usage));
        CHECK(contains(result.out, "--creds PATH"));
        CHECK(contains(result.out, "Exit codes"));
        CHECK(result.err.empty());
    }

    auto root = fx.run({"-h"});
    CHECK(root.exit_code == 0);
    for (auto line : {"auth-manual", "webhooks", "api", "2  usage error", "3  credentials", "4  error answer",
                      "5  network"})
        CHECK(contains(root.out, line));

    auto create = fx.run({"webhooks", "create", "--help"});
    CHECK(contains(create.out, "--url URL"));
    CHECK(contains(create.out, "--event EVENT"));
    auto auth = fx.run({"auth-manual", "--help"});
    for (auto flag : {"--client-id", "--redirect-uri", "--code", "--key-out", "--cert-out", "--cn", "--days",
                      "--scope", "--force"})
        CHECK(contains(auth.out, flag));

    // --help wins over anything else on the line, even an incomplete command.
    auto partial = fx.run({"webhooks", "get", "--help", "--unknown"});
    CHECK(partial.exit_code == 0);
    CHECK(contains(partial.out, "Usage: revolut webhooks get ID"));

    auto version = fx.run({"--version"});
    CHECK(version.exit_code == 0);
    CHECK(version.out.starts_with("revolut "));
    fx.check_no_secrets();
}

TEST_CASE("cli: usage errors exit 2 with a hint and print nothing on stdout", "[cli]") {
    CliFixture fx;
    const std::string id = Uuid::random().to_string();
    const std::vector<std::vector<std::string>> mistakes = {
        {},
        {"frobnicate"},
        {"webhooks"},
        {"webhooks", "launch"},
        {"webhooks", "list", "--bogus"},
        {"webhooks", "list", "extra"},
        {"webhooks", "get"},
        {"webhooks", "get", "not-a-uuid"},
        {"webhooks", "get", id, "--table=yes"},
        {"webhooks", "create"},
        {"webhooks", "create", "--url"},
        {"webhooks", "create", "--url", "https://a.example", "--url", "https://b.example"},
        {"webhooks", "create", "--url", "http://insecure.example"},
        {"webhooks", "update", id},
        {"webhooks", "rotate-secret", id, "--expiration-period", "one day"},
        {"webhooks", "failed-events", id, "--limit", "0"},
        {"webhooks", "failed-events", id, "--limit", "12abc"},
        {"webhooks", "failed-events", id, "--created-before", "yesterday"},
        {"webhooks", "list", "--sandbox", "--production"},
        {"webhooks", "list", "--timeout", "-3"},
        {"webhooks", "list", "--base-url", "http://127.0.0.1:1/api"},
        {"api"},
        {"api", "FETCH", "/2.0/webhooks"},
        {"api", "GET", "2.0/webhooks"},
        {"api", "POST", "/2.0/webhooks", "{not json"},
        {"auth-manual", "--scope", "READ,ADMIN", "--redirect-uri", "https://example.com"},
        {"auth-manual", "--redirect-uri", "http://example.com", "--client-id", "x", "--code", "y"},
        {"auth-manual", "--key", "key.pem"},
        {"auth-manual", "--certificate-only", "--redirect-uri", "https://example.com"},
        {"auth-manual", "--country", "Germany", "--certificate-only"},
    };
    for (const auto& args : mistakes) {
        auto full = args;
        if (!args.empty()) {
            // Connection flags too, so a mistake is never masked by a missing file.
            auto conn = fx.connection();
            full.insert(full.end(), conn.begin(), conn.end());
        }
        auto result = fx.run(full);
        std::string line = "revolut";
        for (const auto& a : args) line += " " + a;
        INFO(line << "\nstderr: " << result.err);
        CHECK(result.exit_code == 2);
        CHECK(contains(result.err, "revolut"));
        if (!args.empty() && args[0] != "auth-manual") CHECK(result.out.empty());
    }
    auto unknown = fx.run({"webhooks", "list", "--bogus"});
    CHECK(contains(unknown.err, "unknown option --bogus"));
    CHECK(contains(unknown.err, "revolut webhooks list --help"));
    fx.check_no_secrets();
}

// ---------------------------------------------------------------------------------------
// Credentials, API and network failures

TEST_CASE("cli: missing, malformed or expired credentials exit 3 and name `revolut auth-manual`", "[cli]") {
    CliFixture fx;
    auto missing = fx.run({"webhooks", "list", "--creds", (fx.dir() / "nope" / "creds.json").string(),
                           "--base-url", fx.base_url(), "--ca-file", fx.ca_file().string()});
    CHECK(missing.exit_code == 3);
    CHECK(contains(missing.err, "revolut auth-manual"));
    CHECK(missing.out.empty());

    // The default location, relative to the working directory.
    auto default_path = fx.run({"webhooks", "list", "--base-url", fx.base_url(), "--ca-file", fx.ca_file().string()});
    CHECK(default_path.exit_code == 3);
    CHECK(contains(default_path.err, "credentials/creds.json"));
    CHECK(contains(default_path.err, "revolut auth-manual"));

    write_file(fx.dir() / "garbage.json", "{\"certificate\": 42}");
    auto garbage = fx.run([&] {
        auto args = std::vector<std::string>{"api", "GET", "/2.0/webhooks"};
        auto conn = fx.connection(fx.dir() / "garbage.json");
        args.insert(args.end(), conn.begin(), conn.end());
        return args;
    }());
    CHECK(garbage.exit_code == 3);
    CHECK(contains(garbage.err, "revolut auth-manual"));

    Credentials expired = fx.creds();
    expired.tokens.refresh_token_expiration_dt = now_utc() - std::chrono::hours(1);
    save_credentials_file(fx.dir() / "expired.json", expired);
    auto args = std::vector<std::string>{"webhooks", "list"};
    auto conn = fx.connection(fx.dir() / "expired.json");
    args.insert(args.end(), conn.begin(), conn.end());
    auto reauth = fx.run(args);
    CHECK(reauth.exit_code == 3);
    CHECK(contains(reauth.err, "revolut auth-manual"));

    // Tokens the server does not know (revoked): 401, and no refresh can help.
    Credentials revoked = fx.creds();
    revoked.tokens.access_token = "oa_sand_revoked_access_token_0123456789";
    revoked.tokens.refresh_token = "oa_sand_revoked_refresh_token_0123456789";
    fx.add_credential_secrets(revoked);
    save_credentials_file(fx.dir() / "revoked.json", revoked);
    args = {"webhooks", "list"};
    conn = fx.connection(fx.dir() / "revoked.json");
    args.insert(args.end(), conn.begin(), conn.end());
    auto refused = fx.run(args);
    CHECK(refused.exit_code == 3);
    CHECK(contains(refused.err, "revolut auth-manual"));
    fx.check_no_secrets();
}

TEST_CASE("cli: an expired access token is refreshed and the credentials file updated (0600)", "[cli][auth]") {
    CliFixture fx;
    Credentials stale = fx.creds();
    stale.tokens.access_token_expiration_dt = now_utc() - std::chrono::minutes(5);
    const fs::path path = fx.dir() / "stale.json";
    save_credentials_file(path, stale);
    auto args = std::vector<std::string>{"webhooks", "list"};
    auto conn = fx.connection(path);
    args.insert(args.end(), conn.begin(), conn.end());
    auto result = fx.run(args);
    INFO(result.err);
    CHECK(result.exit_code == 0);
    const Credentials refreshed = load_credentials_file(path);
    fx.add_credential_secrets(refreshed);
    const bool new_token = refreshed.tokens.access_token != stale.tokens.access_token;
    CHECK(new_token);
    CHECK(refreshed.tokens.access_token_expiration_dt > now_utc());
    CHECK(mode_of(path) == 0600);
    fx.check_no_secrets();
}

TEST_CASE("cli: an unknown webhook id exits 4 with the API's status, code and message", "[cli]") {
    CliFixture fx;
    auto result = fx.run_connected({"webhooks", "get", Uuid::random().to_string()});
    CHECK(result.exit_code == 4);
    CHECK(contains(result.err, "404"));
    CHECK(contains(result.err, "3040"));
    CHECK(result.out.empty());

    auto deleted = fx.run_connected({"webhooks", "delete", Uuid::random().to_string()});
    CHECK(deleted.exit_code == 4);
    auto raw = fx.run_connected({"api", "GET", "/2.0/webhooks/" + Uuid::random().to_string()});
    CHECK(raw.exit_code == 4);
    fx.check_no_secrets();
}

TEST_CASE("cli: nothing listening on the port exits 5", "[cli]") {
    CliFixture fx;
    const std::string url = "https://127.0.0.1:" + std::to_string(unused_port()) + "/api";
    auto result = fx.run({"webhooks", "list", "--creds", fx.creds_file().string(), "--base-url", url,
                          "--ca-file", fx.ca_file().string(), "--timeout", "10"});
    CHECK(result.exit_code == 5);
    CHECK(contains(result.err, "127.0.0.1"));
    CHECK(result.out.empty());
    fx.check_no_secrets();
}

TEST_CASE("cli: a server certificate nobody trusts exits 5", "[cli]") {
    CliFixture fx;
    // No --ca-file: the emulator's throwaway CA is not in the system store.
    auto result = fx.run({"webhooks", "list", "--creds", fx.creds_file().string(), "--base-url", fx.base_url()});
    CHECK(result.exit_code == 5);
    fx.check_no_secrets();
}

// ---------------------------------------------------------------------------------------
// Webhooks against the emulator

TEST_CASE("cli: webhooks create, list, get, update, rotate-secret, failed-events, delete (JSON)", "[cli]") {
    CliFixture fx;
    auto created = fx.run_json({"webhooks", "create", "--url", "https://example.com/hooks", "--event",
                                "PayoutLinkCreated"});
    const std::string id = string_at(created, "id");
    const std::string secret = string_at(created, "signing_secret");
    fx.add_signing_secret(secret);
    CHECK(string_at(created, "url") == "https://example.com/hooks");
    CHECK(events_of(created) == std::vector<std::string>{"PayoutLinkCreated"});
    CHECK(secret.starts_with("wsk_"));

    auto defaults = fx.run_json({"webhooks", "create", "--url", "https://example.com/defaults"});
    fx.add_signing_secret(string_at(defaults, "signing_secret"));
    CHECK(events_of(defaults) == std::vector<std::string>{"TransactionCreated", "TransactionStateChanged"});

    auto listed = fx.run_json({"webhooks", "list"});
    REQUIRE(listed.is_array());
    REQUIRE(listed.as_array().size() == 2);
    CHECK(string_at(listed.as_array()[0], "id") == id);
    CHECK_FALSE(listed.as_array()[0].as_object().contains("signing_secret"));

    auto fetched = fx.run_json({"webhooks", "get", id});
    CHECK(string_at(fetched, "id") == id);
    const bool same_secret = string_at(fetched, "signing_secret") == secret;
    CHECK(same_secret);

    // Comma-separated and repeated --event both work; --url alone leaves the events alone.
    auto updated = fx.run_json({"webhooks", "update", id, "--event", "TransactionCreated,TransactionStateChanged",
                                "--event", "PayoutLinkStateChanged"});
    CHECK(events_of(updated) ==
          std::vector<std::string>{"TransactionCreated", "TransactionStateChanged", "PayoutLinkStateChanged"});
    CHECK(string_at(updated, "url") == "https://example.com/hooks");
    auto moved = fx.run_json({"webhooks", "update", id, "--url", "https://example.com/v2"});
    CHECK(string_at(moved, "url") == "https://example.com/v2");
    CHECK(events_of(moved).size() == 3);

    auto rotated = fx.run_json({"webhooks", "rotate-secret", id, "--expiration-period", "P1D"});
    const std::string new_secret = string_at(rotated, "signing_secret");
    fx.add_signing_secret(new_secret);
    const bool rotated_differs = new_secret != secret;
    CHECK(rotated_differs);
    auto valid = fx.mock().call([&](mock::Server& s) { return s.valid_signing_secrets(Uuid(id)); });
    CHECK(valid.size() == 2);  // the old one lives on for a day

    const auto now = now_utc();
    for (int i = 0; i < 3; ++i) {
        json::object payload;
        payload["event"] = "TransactionCreated";
        payload["data"] = json::object{{"seq", i}};
        fx.mock().call([&](mock::Server& s) { s.add_failed_event(Uuid(id), now - std::chrono::hours(3 - i), payload); });
    }
    auto failed = fx.run_json({"webhooks", "failed-events", id, "--limit", "2"});
    REQUIRE(failed.as_array().size() == 2);
    CHECK(failed.as_array()[0].at("payload").at("data").at("seq").as_int64() == 2);  // newest first
    CHECK(string_at(failed.as_array()[0], "webhook_id") == id);
    const std::string before = string_at(failed.as_array()[1], "created_at");
    auto older = fx.run_json({"webhooks", "failed-events", id, "--created-before", before});
    REQUIRE(older.as_array().size() == 1);
    CHECK(older.as_array()[0].at("payload").at("data").at("seq").as_int64() == 0);

    auto deleted = fx.run_connected({"webhooks", "delete", id});
    CHECK(deleted.exit_code == 0);
    CHECK(deleted.out.empty());
    CHECK(contains(deleted.err, id));
    auto remaining = fx.run_json({"webhooks", "list"});
    REQUIRE(remaining.as_array().size() == 1);
    CHECK(string_at(remaining.as_array()[0], "id") == string_at(defaults, "id"));
    fx.check_no_secrets();
}

TEST_CASE("cli: --table output is readable and never shows a signing secret without --show-secret", "[cli]") {
    CliFixture fx;
    auto empty = fx.run_connected({"webhooks", "list", "--table"});
    CHECK(empty.exit_code == 0);
    CHECK(contains(empty.out, "(none)"));

    // Created in table mode: the secret is not printed; learn it afterwards to check.
    auto created = fx.run_connected({"webhooks", "create", "--url", "https://example.com/t", "--table"});
    REQUIRE(created.exit_code == 0);
    CHECK(contains(created.out, "signing_secret"));
    CHECK(contains(created.out, "--show-secret"));
    auto listed_json = fx.run_json({"webhooks", "list"});
    const std::string id = string_at(listed_json.as_array().at(0), "id");
    auto fetched = fx.run_json({"webhooks", "get", id});
    fx.add_signing_secret(string_at(fetched, "signing_secret"));

    auto table = fx.run_connected({"webhooks", "list", "--table"});
    REQUIRE(table.exit_code == 0);
    std::istringstream lines(table.out);
    std::string header, rule, row;
    std::getline(lines, header);
    std::getline(lines, rule);
    std::getline(lines, row);
    CHECK(header.starts_with("ID"));
    CHECK(contains(header, "URL"));
    CHECK(contains(header, "EVENTS"));
    CHECK(rule.starts_with("----"));
    CHECK(row.starts_with(id));
    CHECK(contains(row, "https://example.com/t"));
    CHECK(contains(row, "TransactionCreated,TransactionStateChanged"));

    auto get = fx.run_connected({"webhooks", "get", id, "--table"});
    CHECK(get.exit_code == 0);
    CHECK(contains(get.out, "id "));
    CHECK(contains(get.out, "hidden"));

    auto rotated = fx.run_connected({"webhooks", "rotate-secret", id, "--table"});
    CHECK(rotated.exit_code == 0);
    auto after_rotation = fx.run_json({"webhooks", "get", id});
    fx.add_signing_secret(string_at(after_rotation, "signing_secret"));

    auto raw = fx.run_connected({"api", "GET", "/2.0/webhooks/" + id, "--table"});
    CHECK(raw.exit_code == 0);
    CHECK(contains(raw.out, "hidden"));

    auto failed = fx.run_connected({"webhooks", "failed-events", id, "--table"});
    CHECK(failed.exit_code == 0);
    CHECK(contains(failed.out, "(none)"));

    // Asked for explicitly: shown (this output may hold it).
    auto conn = fx.connection();
    std::vector<std::string> shown_args{"webhooks", "get", id, "--table", "--show-secret"};
    shown_args.insert(shown_args.end(), conn.begin(), conn.end());
    auto shown = fx.run(shown_args, true);
    CHECK(shown.exit_code == 0);
    const bool secret_shown = contains(shown.out, string_at(after_rotation, "signing_secret"));
    CHECK(secret_shown);
    fx.check_no_secrets();
}

TEST_CASE("cli: the secret scan finds a signing secret printed where it must not be", "[cli]") {
    // Guards the guard: a table run with --show-secret recorded as "no secrets allowed".
    CliFixture fx;
    auto created = fx.run_json({"webhooks", "create", "--url", "https://example.com/scan"});
    fx.add_signing_secret(string_at(created, "signing_secret"));
    CHECK(fx.secret_findings().empty());
    auto shown = fx.run_connected({"webhooks", "get", string_at(created, "id"), "--table", "--show-secret"});
    REQUIRE(shown.exit_code == 0);
    auto findings = fx.secret_findings();
    REQUIRE(findings.size() == 1);
    CHECK(contains(findings[0], "a signing secret in the output of `revolut webhooks get"));
}

TEST_CASE("cli: api sends raw calls through the client and prints the JSON answer", "[cli]") {
    CliFixture fx;
    auto created = fx.run_json({"api", "POST", "/2.0/webhooks", R"({"url": "https://example.com/raw"})"});
    const std::string id = string_at(created, "id");
    fx.add_signing_secret(string_at(created, "signing_secret"));

    auto listed = fx.run_json({"api", "GET", "/2.0/webhooks"});
    REQUIRE(listed.as_array().size() == 1);
    CHECK(string_at(listed.as_array()[0], "url") == "https://example.com/raw");

    // The path as the API reference writes it works too; the method is case-insensitive.
    auto same = fx.run_json({"api", "get", "/api/2.0/webhooks/" + id});
    CHECK(string_at(same, "id") == id);

    write_file(fx.dir() / "patch.json", R"({"events": ["PayoutLinkCreated"]})");
    auto patched = fx.run_json({"api", "PATCH", "/2.0/webhooks/" + id, "@patch.json"});
    CHECK(events_of(patched) == std::vector<std::string>{"PayoutLinkCreated"});

    CliRun piped;
    piped.stdin_kind = Stdin::pipe;
    piped.input = R"({"expiration_period": "P1D"})";
    auto conn = fx.connection();
    std::vector<std::string> rotate{"api", "POST", "/2.0/webhooks/" + id + "/rotate-signing-secret", "@-"};
    rotate.insert(rotate.end(), conn.begin(), conn.end());
    auto rotated = fx.run(rotate, true, piped);
    REQUIRE(rotated.exit_code == 0);
    fx.add_signing_secret(string_at(json::parse(rotated.out), "signing_secret"));

    auto deleted = fx.run_json({"api", "DELETE", "/2.0/webhooks/" + id});
    CHECK(deleted == json::object());
    auto none = fx.run_json({"api", "GET", "/2.0/webhooks"});
    CHECK(none.as_array().empty());

    auto invalid = fx.run_connected({"api", "POST", "/2.0/webhooks", R"({"url": "http://not-https"})"});
    CHECK(invalid.exit_code == 4);  // the server's 400/422: raw calls do no validation of their own
    fx.check_no_secrets();
}

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
    SECTION("expired credentials readable by others are not overwritten") {
        Credentials expired = fx.creds();
        expired.tokens.refresh_token_expiration_dt = now_utc() - std::chrono::hours(1);
        const fs::path path = fx.dir() / "expired.json";
        save_credentials_file(path, expired);
        fs::permissions(path, fs::perms(0644));
        const std::string before = read_file(path);
        auto result = fx.run(with({"auth-manual", "--creds", path.string()}));
        CHECK(result.exit_code == 3);
        CHECK(contains(result.err, "0644"));
        CHECK(contains(result.err, "--force"));
        const bool unchanged = read_file(path) == before;
        CHECK(unchanged);
        CHECK(mode_of(path) == 0644);
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

namespace {

// What the end-to-end auth-manual test needs from the emulator: registering a client as the
// certificate upload does (returns its client ID) and minting a single-use authorization code
// as consenting does, plus POST /api/1.0/auth/token. Checked as a concept so that this file
// states the contract it relies on.
template <class S>
concept SeedsAuthorizationCodes = requires(S& server, const std::string& text) {
    { server.register_client(text, text) } -> std::convertible_to<std::string>;  // (certificate_pem, redirect_uri)
    { server.issue_authorization_code(text) } -> std::convertible_to<std::string>;  // (client_id)
};

static_assert(SeedsAuthorizationCodes<mock::Server>);

}  // namespace

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

TEST_CASE("cli: options are accepted anywhere after their command, in both spellings", "[cli]") {
    const cli::Command root = cli::root_command();
    auto inv = cli::parse_command_line(
        root, {"--table", "webhooks", "update", "--event=A,B", "0d6f6d2c-6c57-4a8e-9b1a-0b8a4cf1f5a1", "--event",
               "C", "--creds", "x.json"});
    CHECK(inv.command_name() == "revolut webhooks update");
    CHECK(inv.has("--table"));
    CHECK(inv.values_of("--event") == std::vector<std::string>{"A,B", "C"});
    CHECK(inv.value("--creds") == "x.json");
    CHECK(inv.positionals == std::vector<std::string>{"0d6f6d2c-6c57-4a8e-9b1a-0b8a4cf1f5a1"});

    auto raw = cli::parse_command_line(root, {"api", "--", "GET", "-weird", "--table"});
    CHECK(raw.positionals == std::vector<std::string>{"GET", "-weird", "--table"});
    CHECK_FALSE(raw.has("--table"));

    const std::vector<std::string> two_ids{"webhooks", "get", "a", "b"};
    CHECK_THROWS_AS(cli::parse_command_line(root, two_ids), cli::UsageError);
    const std::vector<std::string> help{"--creds", "x", "webhooks", "rotate-secret", "-h"};
    auto help_inv = cli::parse_command_line(root, help);
    CHECK(help_inv.help);
    CHECK(help_inv.command_name() == "revolut webhooks rotate-secret");
}

TEST_CASE("cli: JSON output is indented and keeps exact amounts; tables are plain text", "[cli]") {
    json::object event;
    event["amount"] = detail::make_exact_number("10.50");
    event["tags"] = json::array{"a", 1};
    event["empty"] = json::object();
    CHECK(cli::pretty_json(event) ==
          "{\n  \"amount\": 10.50,\n  \"tags\": [\n    \"a\",\n    1\n  ],\n  \"empty\": {}\n}\n");

    const std::vector<std::vector<std::string>> rows{{"1", "evil\x1b[2Jname\nline"}, {"22", "ok"}};
    CHECK(cli::render_table({"ID", "NAME"}, rows) ==
          "ID  NAME\n"
          "--  -----------------\n"
          "1   evil [2Jname line\n"
          "22  ok\n");
    CHECK(cli::render_table({"ID"}, {}) == "(none)\n");

    json::array hooks{json::object{{"id", "x"}, {"signing_secret", "wsk_1"}}, json::object{{"id", "y"}, {"url", "u"}}};
    const std::string table = cli::render_json_table(hooks);
    CHECK_FALSE(contains(table, "wsk_1"));
    CHECK(contains(table, "ID  SIGNING_SECRET"));
    CHECK(contains(cli::render_json_table(hooks, true), "wsk_1"));
    CHECK(cli::render_json_table(event) ==
          "amount  10.50\n"
          "tags    [\"a\",1]\n"
          "empty   {}\n");
}

TEST_CASE("cli: the exit code follows the error class", "[cli]") {
    using cli::ExitCode;
    using cli::exit_code_for;
    CHECK(exit_code_for(make_error_code(Errc::credentials)) == ExitCode::auth);
    CHECK(exit_code_for(make_error_code(Errc::reauthentication_required)) == ExitCode::auth);
    CHECK(exit_code_for(make_error_code(Errc::token_refresh_failed)) == ExitCode::auth);
    CHECK(exit_code_for(make_error_code(Errc::unauthorized)) == ExitCode::auth);
    CHECK(exit_code_for(make_error_code(Errc::not_found)) == ExitCode::api);
    CHECK(exit_code_for(make_error_code(Errc::unprocessable_entity)) == ExitCode::api);
    CHECK(exit_code_for(make_error_code(Errc::server_error)) == ExitCode::api);
    CHECK(exit_code_for(make_error_code(Errc::network)) == ExitCode::network);
    CHECK(exit_code_for(make_error_code(Errc::tls)) == ExitCode::network);
    CHECK(exit_code_for(make_error_code(Errc::timeout)) == ExitCode::network);
    CHECK(exit_code_for(make_error_code(Errc::invalid_argument)) == ExitCode::usage);
}
