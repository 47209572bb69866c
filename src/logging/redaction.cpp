#include "logging/redaction.hpp"

#include <algorithm>
#include <array>
#include <cctype>

namespace revolut::logging {
namespace {

char lower(char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); }

std::string normalized(std::string_view name) {
    std::string out;
    out.reserve(name.size());
    for (char c : name) out += c == '-' ? '_' : lower(c);
    return out;
}

bool starts_with_nocase(std::string_view text, std::size_t at, std::string_view prefix) {
    if (text.size() - at < prefix.size()) return false;
    for (std::size_t i = 0; i < prefix.size(); ++i)
        if (lower(text[at + i]) != lower(prefix[i])) return false;
    return true;
}

bool is_token_char(char c) {  // base64url, plus '.' joining JWT segments
    return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.';
}

// Length of the run of token characters starting at `at`.
std::size_t token_run(std::string_view text, std::size_t at) {
    std::size_t end = at;
    while (end < text.size() && is_token_char(text[end])) ++end;
    return end - at;
}

// A PEM block from `at` ("-----BEGIN ...") through its "-----END ...-----" line (or to the end
// of a truncated text).
std::size_t pem_length(std::string_view text, std::size_t at) {
    auto end = text.find("-----END", at);
    if (end == std::string_view::npos) return text.size() - at;
    auto close = text.find("-----", end + 8);
    return close == std::string_view::npos ? text.size() - at : close + 5 - at;
}

// Token prefixes Revolut uses for access and refresh tokens, authorization codes and
// webhook signing secrets.
constexpr std::array<std::string_view, 4> secret_prefixes{"oa_sand_", "oa_prod_", "oa_code_", "wsk_"};

}  // namespace

bool is_secret_field(std::string_view name) {
    static constexpr std::array<std::string_view, 24> secret_fields{
        "access_token",  "refresh_token", "id_token",       "token",         "client_assertion",
        "assertion",     "client_secret", "signing_secret", "secret",        "private_key",
        "privatekey",    "private_key_pem", "password",     "passphrase",    "jwt",
        "client_assert_jwt", "authorization", "cookie",     "pan",           "cvv",
        "cvv2",          "cvc",           "card_number",    "expiry"};
    auto key = normalized(name);
    return std::find(secret_fields.begin(), secret_fields.end(), key) != secret_fields.end();
}

namespace {

bool ends_with_nocase(std::string_view text, std::string_view suffix) {
    return text.size() >= suffix.size() && starts_with_nocase(text, text.size() - suffix.size(), suffix);
}

// Where a secret starts inside a run of token characters (text.size() when none does). Looked
// for anywhere in the run, not only at its start: in JSON "\neyJ..." the run is "neyJ...".
std::size_t secret_start(std::string_view run) {
    std::size_t first = run.size();
    for (auto prefix : secret_prefixes) first = std::min(first, run.find(prefix));
    for (auto at = run.find("eyJ"); at != std::string_view::npos && at < first; at = run.find("eyJ", at + 1)) {
        auto rest = run.substr(at);
        if (std::count(rest.begin(), rest.end(), '.') >= 2) {
            first = at;
            break;
        }
    }
    return first;
}

// Masks secret-shaped runs (JWTs, prefixed tokens) and the credential after "Bearer "/"Basic ".
std::string mask_tokens(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    bool after_scheme = false;
    std::size_t i = 0;
    while (i < text.size()) {
        if (!is_token_char(text[i])) {
            if (text[i] != ' ') after_scheme = false;
            out += text[i++];
            continue;
        }
        auto run = text.substr(i, token_run(text, i));
        i += run.size();
        if (after_scheme) {
            out += redacted;
            while (i < text.size() && text[i] == '=') ++i;  // base64 padding of Basic credentials
            after_scheme = false;
            continue;
        }
        auto secret = secret_start(run);
        out.append(run.substr(0, secret));
        if (secret < run.size()) out += redacted;
        after_scheme = i < text.size() && text[i] == ' ' &&
                       (ends_with_nocase(run, "bearer") || ends_with_nocase(run, "basic"));
    }
    return out;
}

}  // namespace

std::string redact_text(std::string_view text) {
    std::string out;
    std::size_t pos = 0;
    for (auto begin = text.find("-----BEGIN"); begin != std::string_view::npos;
         begin = text.find("-----BEGIN", pos)) {
        out += mask_tokens(text.substr(pos, begin - pos));
        out += "[REDACTED PEM]";
        pos = begin + pem_length(text, begin);
    }
    out += mask_tokens(text.substr(pos));
    return out;
}

namespace {

// A small JSON scanner: copies the text, replacing the values of secret fields and passing
// every other string's contents through redact_text. It never rejects input, so a truncated
// or malformed body is still redacted.
class JsonRedactor {
public:
    explicit JsonRedactor(std::string_view text) : text_(text) {}

    std::string run() {
        while (pos_ < text_.size()) {
            char c = text_[pos_];
            if (c != '"') {
                out_ += c;
                ++pos_;
                continue;
            }
            auto [begin, end] = scan_string(pos_);
            auto raw = text_.substr(begin, end - begin);
            pos_ = end < text_.size() ? end + 1 : end;
            if (auto colon = next_non_space(pos_); colon < text_.size() && text_[colon] == ':') {
                key(raw, colon);
            } else {
                out_ += '"';
                out_ += redact_text(raw);
                if (end < text_.size()) out_ += '"';
            }
        }
        return std::move(out_);
    }

private:
    // [begin, end) of a string's raw contents starting at the quote at `quote`; end is the
    // closing quote's index (text_.size() when unterminated).
    std::pair<std::size_t, std::size_t> scan_string(std::size_t quote) const {
        std::size_t i = quote + 1;
        while (i < text_.size() && text_[i] != '"') i += text_[i] == '\\' ? 2 : 1;
        return {quote + 1, std::min(i, text_.size())};
    }

    std::size_t next_non_space(std::size_t i) const {
        while (i < text_.size() && std::isspace(static_cast<unsigned char>(text_[i]))) ++i;
        return i;
    }

    // One past the end of the value starting at `i` (a string, a nested object or array, or
    // a literal).
    std::size_t skip_value(std::size_t i) const {
        if (i >= text_.size()) return i;
        if (text_[i] == '"') {
            auto [begin, end] = scan_string(i);
            (void)begin;
            return std::min(end + 1, text_.size());
        }
        if (text_[i] == '{' || text_[i] == '[') {
            int depth = 0;
            while (i < text_.size()) {
                char c = text_[i];
                if (c == '"') {
                    i = scan_string(i).second + 1;
                    continue;
                }
                if (c == '{' || c == '[') ++depth;
                if ((c == '}' || c == ']') && --depth == 0) return i + 1;
                ++i;
            }
            return text_.size();
        }
        while (i < text_.size() && text_[i] != ',' && text_[i] != '}' && text_[i] != ']' &&
               !std::isspace(static_cast<unsigned char>(text_[i])))
            ++i;
        return i;
    }

    void key(std::string_view raw, std::size_t colon) {
        out_ += '"';
        out_.append(raw);
        out_ += '"';
        out_.append(text_.substr(pos_, colon + 1 - pos_));
        pos_ = colon + 1;
        auto value = next_non_space(pos_);
        // `code` is a secret in auth flows (a string) but a plain error number in API errors.
        bool secret = is_secret_field(raw) ||
                      (normalized(raw) == "code" && value < text_.size() && text_[value] == '"');
        if (!secret) return;
        out_.append(text_.substr(pos_, value - pos_));
        out_ += '"';
        out_ += redacted;
        out_ += '"';
        pos_ = skip_value(value);
    }

    std::string_view text_;
    std::size_t pos_ = 0;
    std::string out_;
};

int hex_digit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    c = lower(c);
    return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

std::string percent_decoded(std::string_view key) {
    std::string out;
    for (std::size_t i = 0; i < key.size(); ++i) {
        int hi = key[i] == '%' && i + 2 < key.size() ? hex_digit(key[i + 1]) : -1;
        int lo = hi >= 0 ? hex_digit(key[i + 2]) : -1;
        if (lo >= 0) {
            out += static_cast<char>(hi * 16 + lo);
            i += 2;
        } else {
            out += key[i] == '+' ? ' ' : key[i];
        }
    }
    return out;
}

bool looks_like_json(std::string_view body) {
    auto first = body.find_first_not_of(" \t\r\n");
    return first != std::string_view::npos && (body[first] == '{' || body[first] == '[');
}

}  // namespace

std::string redact_json(std::string_view json) { return JsonRedactor(json).run(); }

std::string redact_form(std::string_view form) {
    std::string out;
    std::size_t start = 0;
    while (start <= form.size()) {
        auto end = std::min(form.find('&', start), form.size());
        auto field = form.substr(start, end - start);
        auto eq = field.find('=');
        if (eq == std::string_view::npos) {
            out += redact_text(field);
        } else {
            auto key = field.substr(0, eq);
            auto name = percent_decoded(key);
            out.append(key);
            out += '=';
            out += is_secret_field(name) || normalized(name) == "code" ? std::string(redacted)
                                                                       : redact_text(field.substr(eq + 1));
        }
        if (end == form.size()) break;
        out += '&';
        start = end + 1;
    }
    return out;
}

std::string redact_header(std::string_view name, std::string_view value) {
    auto key = normalized(name);
    if (key == "authorization" || key == "proxy_authorization") {
        auto space = value.find(' ');
        return space == std::string_view::npos ? std::string(redacted)
                                               : std::string(value.substr(0, space + 1)) + std::string(redacted);
    }
    if (key == "cookie" || key == "set_cookie" || key == "revolut_signature" || key == "x_api_key" ||
        is_secret_field(key))
        return std::string(redacted);
    return redact_text(value);
}

std::string redact_body(std::string_view body, std::string_view content_type, std::size_t max_size) {
    std::string type = normalized(content_type);
    std::string out;
    if (type.find("json") != std::string::npos || (type.find("form") == std::string::npos && looks_like_json(body)))
        out = redact_json(body);
    else if (type.find("x_www_form_urlencoded") != std::string::npos)
        out = redact_form(body);
    else
        out = redact_text(body);
    if (out.size() > max_size) {
        auto dropped = out.size() - max_size;
        out.resize(max_size);
        out += "... [" + std::to_string(dropped) + " more bytes]";
    }
    return out;
}

}  // namespace revolut::logging
