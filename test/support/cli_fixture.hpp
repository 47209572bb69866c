#pragma once
// Shared by the CLI tests: the fixture that runs the `revolut` binary against a background
// revolut-mock and scans every output for secrets, plus small file and JSON helpers.

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


namespace revolut::test::cli_fixture {


namespace asio = boost::asio;
namespace fs = std::filesystem;
namespace json = boost::json;
using namespace revolut;
using test::CliResult;
using test::CliRun;
using test::Stdin;

using BackgroundMock = test::BackgroundService<mock::Server>;

inline std::string read_file(const fs::path& path) {
    std::ifstream file(path, std::ios::binary);
    std::ostringstream text;
    text << file.rdbuf();
    return text.str();
}

inline void write_file(const fs::path& path, const std::string& text) {
    std::ofstream(path, std::ios::binary | std::ios::trunc) << text;
}

inline mode_t mode_of(const fs::path& path) {
    struct stat st {};
    REQUIRE(::stat(path.c_str(), &st) == 0);
    return st.st_mode & 07777;
}

inline std::string random_hex() {
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
inline std::uint16_t unused_port() {
    asio::io_context ioc;
    asio::ip::tcp::acceptor acceptor(ioc, asio::ip::tcp::endpoint(asio::ip::make_address("127.0.0.1"), 0));
    return acceptor.local_endpoint().port();
}

inline Timestamp now_utc() {
    return std::chrono::time_point_cast<std::chrono::microseconds>(std::chrono::system_clock::now());
}

// The body lines of a PEM block (what would betray the key if printed).
inline std::vector<std::string> pem_body_lines(const std::string& pem) {
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

inline std::string string_at(const json::value& v, std::string_view key) {
    REQUIRE(v.is_object());
    const auto* field = v.get_object().if_contains(key);
    REQUIRE(field);
    REQUIRE(field->is_string());
    return std::string(field->get_string());
}

inline std::vector<std::string> events_of(const json::value& v) {
    std::vector<std::string> events;
    for (const auto& e : v.at("events").as_array()) events.emplace_back(e.as_string());
    return events;
}

inline bool contains(const std::string& text, std::string_view part) { return text.find(part) != std::string::npos; }


}  // namespace revolut::test::cli_fixture
