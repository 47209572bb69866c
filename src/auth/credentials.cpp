// pyrevolut's credentials schema (pyrevolut/utils/auth/creds.py, ModelCreds):
//
//   { "certificate":       { "public", "private", "expiration_dt" },
//     "client_assert_jwt": { "jwt", "expiration_dt" },
//     "tokens":            { "access_token", "refresh_token", "token_type",
//                            "access_token_expiration_dt", "refresh_token_expiration_dt" } }
//
// `public`/`private` hold the base64 of the PEM bytes. pyrevolut writes the file with
// json.dump(indent=4) of a pydantic v2 model, so datetimes come out as `…Z`; strings built by
// pendulum during auth-manual carry `+00:00`-style offsets. Both forms are read; we write the
// pydantic form with the same layout, so a file we write is what pyrevolut would write.
#include "auth/credentials_parse.hpp"

#include "crypto/base64.hpp"

#include <revolut/credentials.hpp>
#include <revolut/error.hpp>

#include <boost/json.hpp>

#include <cstdio>

namespace revolut {
namespace {

namespace json = boost::json;
using namespace std::chrono_literals;

constexpr std::string_view remedy = "; run `revolut auth-manual` to create credentials";

// Every message names the origin and the field, never a value: all of them may be secrets.
[[noreturn]] void fail(std::string_view origin, std::string_view problem) {
    std::string what(origin);
    what += ": ";
    what += problem;
    what += remedy;
    throw Error(make_error_code(Errc::credentials), what);
}

[[noreturn]] void fail_field(std::string_view origin, std::string_view field, std::string_view problem) {
    std::string text = "field '";
    text += field;
    text += "' ";
    text += problem;
    fail(origin, text);
}

class Reader {
public:
    explicit Reader(std::string_view origin) : origin_(origin) {}

    const json::object& section(const json::object& root, std::string_view name) const {
        auto it = root.find(name);
        if (it == root.end()) fail_field(origin_, name, "is missing");
        if (!it->value().is_object()) fail_field(origin_, name, "must be an object");
        return it->value().as_object();
    }

    std::string string(const json::object& parent, std::string_view section, std::string_view name,
                       bool allow_empty = false) const {
        auto field = path(section, name);
        auto it = parent.find(name);
        if (it == parent.end() || it->value().is_null()) fail_field(origin_, field, "is missing");
        if (!it->value().is_string()) fail_field(origin_, field, "must be a string");
        const json::string& value = it->value().as_string();
        if (value.empty() && !allow_empty) fail_field(origin_, field, "is empty");
        return std::string(value);
    }

    // A PEM block stored as the base64 of its bytes.
    std::string pem(const json::object& parent, std::string_view section, std::string_view name) const {
        std::string encoded = string(parent, section, name);
        auto decoded = detail::base64_decode(encoded);
        if (!decoded) fail_field(origin_, path(section, name), "is not base64");
        if (decoded->find("-----BEGIN ") == std::string::npos)
            fail_field(origin_, path(section, name), "is not the base64 of a PEM block");
        return std::move(*decoded);
    }

    Timestamp datetime(const json::object& parent, std::string_view section, std::string_view name) const {
        std::string text = string(parent, section, name);
        auto parsed = try_parse_timestamp(text);
        // pendulum reads a date-time without offset as UTC; so do we.
        if (!parsed) parsed = try_parse_timestamp(text + 'Z');
        if (!parsed)
            fail_field(origin_, path(section, name), "is not an ISO-8601 date-time");
        return *parsed;
    }

private:
    static std::string path(std::string_view section, std::string_view name) {
        std::string p(section);
        p += '.';
        p += name;
        return p;
    }

    std::string_view origin_;
};

// JSON string literal as Python's json.dump writes it (ensure_ascii): printable ASCII only, so the
// file reads back under any locale encoding pyrevolut's open() may pick.
void append_json_string(std::string& out, std::string_view text, std::string_view field) {
    auto hex4 = [&out](unsigned value) {
        char buffer[8];
        std::snprintf(buffer, sizeof buffer, "\\u%04x", value);
        out += buffer;
    };
    out += '"';
    for (std::size_t i = 0; i < text.size();) {
        auto byte = static_cast<unsigned char>(text[i]);
        if (byte < 0x80) {
            switch (byte) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            case '\b': out += "\\b"; break;
            case '\f': out += "\\f"; break;
            default:
                if (byte < 0x20 || byte == 0x7f) hex4(byte);
                else out += static_cast<char>(byte);
            }
            ++i;
            continue;
        }
        // Decode one UTF-8 sequence; anything invalid is refused rather than mangled.
        std::size_t length = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 0;
        unsigned code_point = length == 4 ? byte & 0x07u : length == 3 ? byte & 0x0fu : byte & 0x1fu;
        bool valid = length != 0 && byte < 0xf5 && i + length <= text.size();
        for (std::size_t k = 1; valid && k < length; ++k) {
            auto next = static_cast<unsigned char>(text[i + k]);
            valid = (next & 0xc0) == 0x80;
            code_point = code_point << 6 | (next & 0x3fu);
        }
        static constexpr unsigned minimum[] = {0, 0, 0x80, 0x800, 0x10000};
        valid = valid && code_point >= minimum[length] && code_point <= 0x10ffff &&
                !(code_point >= 0xd800 && code_point <= 0xdfff);
        if (!valid)
            throw Error(make_error_code(Errc::credentials),
                        "credentials: field '" + std::string(field) + "' is not valid UTF-8; cannot write it");
        if (code_point >= 0x10000) {
            code_point -= 0x10000;
            hex4(0xd800 + (code_point >> 10));
            hex4(0xdc00 + (code_point & 0x3ff));
        } else {
            hex4(code_point);
        }
        i += length;
    }
    out += '"';
}

// One `"key": value` line at `indent` spaces, as json.dump(indent=4) lays it out.
struct Writer {
    std::string out;

    void open_object(int indent, std::string_view key) {
        newline(indent);
        out += '"';
        out += key;
        out += "\": {";
    }
    void close_object(int indent) {
        newline(indent);
        out += '}';
    }
    void member(int indent, std::string_view section, std::string_view key, std::string_view value,
                bool last = false) {
        newline(indent);
        out += '"';
        out += key;
        out += "\": ";
        std::string field(section);
        field += '.';
        field += key;
        append_json_string(out, value, field);
        if (!last) out += ',';
    }
    void newline(int indent) {
        out += '\n';
        out.append(static_cast<std::size_t>(indent), ' ');
    }
};

}  // namespace

namespace detail {

Credentials parse_credentials_json(std::string_view json_text, std::string_view origin) {
    if (json_text.substr(0, 3) == "\xEF\xBB\xBF") json_text.remove_prefix(3);  // UTF-8 BOM
    boost::system::error_code ec;
    json::value root = json::parse(json_text, ec);
    if (ec) fail(origin, "not valid JSON (" + ec.message() + ")");
    if (!root.is_object())
        fail(origin, "not a JSON object with 'certificate', 'client_assert_jwt' and 'tokens'");
    const json::object& object = root.as_object();
    Reader read(origin);

    Credentials creds;
    const json::object& certificate = read.section(object, "certificate");
    const json::object& assertion = read.section(object, "client_assert_jwt");
    const json::object& tokens = read.section(object, "tokens");

    creds.certificate.public_pem = read.pem(certificate, "certificate", "public");
    creds.certificate.private_pem = read.pem(certificate, "certificate", "private");
    creds.certificate.expiration_dt = read.datetime(certificate, "certificate", "expiration_dt");

    creds.client_assert_jwt.jwt = read.string(assertion, "client_assert_jwt", "jwt");
    creds.client_assert_jwt.expiration_dt = read.datetime(assertion, "client_assert_jwt", "expiration_dt");

    creds.tokens.access_token = read.string(tokens, "tokens", "access_token");
    creds.tokens.refresh_token = read.string(tokens, "tokens", "refresh_token");
    creds.tokens.token_type = read.string(tokens, "tokens", "token_type", /*allow_empty=*/true);
    creds.tokens.access_token_expiration_dt = read.datetime(tokens, "tokens", "access_token_expiration_dt");
    creds.tokens.refresh_token_expiration_dt = read.datetime(tokens, "tokens", "refresh_token_expiration_dt");
    return creds;
}

}  // namespace detail

Credentials parse_credentials(std::string_view json_text) {
    return detail::parse_credentials_json(json_text, "credentials");
}

Credentials parse_inline_credentials(std::string_view json_or_base64) {
    std::string_view text = json_or_base64;
    auto trim = [](std::string_view s) {
        auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
        while (!s.empty() && space(s.front())) s.remove_prefix(1);
        while (!s.empty() && space(s.back())) s.remove_suffix(1);
        return s;
    };
    text = trim(text);
    if (text.empty()) fail("inline credentials", "empty");
    if (text.front() == '{') return detail::parse_credentials_json(text, "inline credentials");
    auto decoded = detail::base64_decode(text);
    if (!decoded || trim(*decoded).empty() || trim(*decoded).front() != '{')
        fail("inline credentials", "neither JSON nor base64-encoded JSON");
    return detail::parse_credentials_json(*decoded, "inline credentials (base64)");
}

std::string serialize_credentials(const Credentials& creds) {
    Writer w;
    w.out += '{';
    w.open_object(4, "certificate");
    w.member(8, "certificate", "public", detail::base64_encode(creds.certificate.public_pem));
    w.member(8, "certificate", "private", detail::base64_encode(creds.certificate.private_pem));
    w.member(8, "certificate", "expiration_dt", format_timestamp(creds.certificate.expiration_dt), true);
    w.close_object(4);
    w.out += ',';
    w.open_object(4, "client_assert_jwt");
    w.member(8, "client_assert_jwt", "jwt", creds.client_assert_jwt.jwt);
    w.member(8, "client_assert_jwt", "expiration_dt", format_timestamp(creds.client_assert_jwt.expiration_dt), true);
    w.close_object(4);
    w.out += ',';
    w.open_object(4, "tokens");
    w.member(8, "tokens", "access_token", creds.tokens.access_token);
    w.member(8, "tokens", "refresh_token", creds.tokens.refresh_token);
    w.member(8, "tokens", "token_type", creds.tokens.token_type);
    w.member(8, "tokens", "access_token_expiration_dt", format_timestamp(creds.tokens.access_token_expiration_dt));
    w.member(8, "tokens", "refresh_token_expiration_dt", format_timestamp(creds.tokens.refresh_token_expiration_dt), true);
    w.close_object(4);
    w.newline(0);
    w.out += '}';
    return std::move(w.out);
}

// pyrevolut: `access_token_expiration_dt.subtract(minutes=1) < now`.
bool Credentials::access_token_expired(Timestamp now) const noexcept {
    return tokens.access_token_expiration_dt - 1min < now;
}

// pyrevolut's credentials_expired: any long-lived part strictly before now.
bool Credentials::needs_reauthentication(Timestamp now) const noexcept {
    return certificate.expiration_dt < now || client_assert_jwt.expiration_dt < now ||
           tokens.refresh_token_expiration_dt < now;
}

}  // namespace revolut
