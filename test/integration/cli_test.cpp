// The `revolut` command line: the built binary runs as a child process against revolut-mock,
// which serves on a background thread (the test waits on the child meanwhile). Every output
// of every run is checked for the secrets in play: tokens, the client-assertion JWT, private
// key material, and signing secrets anywhere but the JSON a user asked for.
// The pure pieces (argument parsing, consent URL, code extraction) are checked directly.

#include "support/cli_fixture.hpp"

using namespace revolut::test::cli_fixture;

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

TEST_CASE("cli: JSON output is indented and keeps exact amounts, tables are plain text", "[cli]") {
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
