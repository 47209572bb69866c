#include "mock/faults.hpp"

#include <revolut/error.hpp>

#include <boost/beast/http/field.hpp>
#include <boost/beast/http/status.hpp>

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <initializer_list>
#include <limits>
#include <stdexcept>
#include <cstdio>
#include <ctime>

namespace revolut::mock {

void check_fault(const Fault& fault) {
    if (!(fault.probability >= 0.0 && fault.probability <= 1.0)) {
        throw Error(make_error_code(Errc::invalid_argument),
                    "Fault::probability must be between 0 and 1");
    }
    const int wire_faults = int(fault.close_before_response) + int(fault.reset_mid_body) +
                            int(fault.truncated_body);
    if (wire_faults > 1) {
        throw Error(make_error_code(Errc::invalid_argument),
                    "a Fault has at most one of close_before_response, reset_mid_body and "
                    "truncated_body");
    }
}

namespace {

namespace http = boost::beast::http;

bool body_allowed(unsigned status) {
    return status >= 200 && status != 204 && status != 304;
}

// IMF-fixdate (RFC 9110), e.g. "Sun, 06 Nov 1994 08:49:37 GMT".
std::string http_date(std::chrono::system_clock::time_point when) {
    const std::time_t t = std::chrono::system_clock::to_time_t(when);
    std::tm utc{};
    gmtime_r(&t, &utc);
    static constexpr const char* days[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    static constexpr const char* months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                             "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    char text[32];
    std::snprintf(text, sizeof text, "%s, %02d %s %04d %02d:%02d:%02d GMT", days[utc.tm_wday],
                  utc.tm_mday, months[utc.tm_mon], utc.tm_year + 1900, utc.tm_hour, utc.tm_min,
                  utc.tm_sec);
    return text;
}

// A JSON document of exactly `size` bytes (at least the 15 of its frame).
std::string json_of_size(std::size_t size) {
    const std::string open = R"({"padding":")";
    const std::string close = R"("})";
    const std::size_t frame = open.size() + close.size();
    return open + std::string(size > frame ? size - frame : 0, 'x') + close;
}

[[noreturn]] void bad_spec(std::string_view spec, const std::string& why) {
    throw std::invalid_argument("--fault '" + std::string(spec) + "': " + why);
}

std::vector<std::string_view> words_of(std::string_view text) {
    std::vector<std::string_view> words;
    std::size_t at = 0;
    while (at < text.size()) {
        const auto begin = text.find_first_not_of(" \t", at);
        if (begin == std::string_view::npos) break;
        const auto end = std::min(text.find_first_of(" \t", begin), text.size());
        words.push_back(text.substr(begin, end - begin));
        at = end;
    }
    return words;
}

// A whole number with an optional unit suffix from `units` (name, multiplier).
std::optional<std::uint64_t> number_with_unit(
    std::string_view text, std::initializer_list<std::pair<std::string_view, std::uint64_t>> units) {
    std::uint64_t multiplier = 1;
    for (const auto& [suffix, factor] : units) {
        if (text.size() > suffix.size() && text.ends_with(suffix)) {
            text.remove_suffix(suffix.size());
            multiplier = factor;
            break;
        }
    }
    std::uint64_t value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc{} || end != text.data() + text.size() || text.empty()) return std::nullopt;
    if (value > std::numeric_limits<std::uint64_t>::max() / multiplier) return std::nullopt;
    return value * multiplier;
}

std::string default_error_body(unsigned status, bool html) {
    const auto reason = std::string(http::obsolete_reason(static_cast<http::status>(status)));
    const std::string title = std::to_string(status) + " " + reason;
    if (html) {
        return "<!DOCTYPE html>\n<html><head><title>" + title + "</title></head><body><h1>" + title +
               "</h1><p>upstream error</p></body></html>\n";
    }
    return R"({"code":)" + std::to_string(status) + R"(,"message":")" + reason + R"("})";
}

}  // namespace

FaultSpec parse_fault_spec(std::string_view text) {
    using namespace std::chrono;
    const auto words = words_of(text);
    if (words.empty()) bad_spec(text, "empty");
    FaultSpec spec;
    std::size_t next = 0;
    if (words[0] == "tls_handshake_failure") {
        spec.tls_handshake_failure = true;
        next = 1;
    } else {
        if (words.size() < 3) bad_spec(text, "needs METHOD PATH EFFECT...");
        spec.method = http::string_to_verb(words[0]);
        if (spec.method == http::verb::unknown) bad_spec(text, "unknown method '" + std::string(words[0]) + "'");
        if (!words[1].starts_with('/')) bad_spec(text, "the path must start with /");
        spec.path_prefix = std::string(words[1]);
        next = 2;
    }
    auto& fault = spec.fault;
    bool any_effect = false;
    bool html = false;
    bool body_given = false;
    for (; next < words.size(); ++next) {
        const auto word = words[next];
        const auto equals = word.find('=');
        const auto key = word.substr(0, equals);
        const std::optional<std::string_view> value =
            equals == std::string_view::npos ? std::nullopt : std::optional(word.substr(equals + 1));
        auto number = [&](std::initializer_list<std::pair<std::string_view, std::uint64_t>> units,
                          std::uint64_t max) {
            if (!value) bad_spec(text, std::string(key) + " needs a value (" + std::string(key) + "=N)");
            auto n = number_with_unit(*value, units);
            if (!n || *n > max) bad_spec(text, "bad value in '" + std::string(word) + "'");
            return *n;
        };
        auto flag = [&] {
            if (value) bad_spec(text, std::string(key) + " takes no value");
        };
        const bool request_effect = !spec.tls_handshake_failure;
        if (key == "times") {
            fault.times = number({}, std::numeric_limits<std::size_t>::max());
        } else if (key == "after" && request_effect) {
            fault.after = number({}, std::numeric_limits<std::size_t>::max());
        } else if (key == "probability" && request_effect) {
            double p = -1;
            const auto v = value.value_or("");
            const auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), p);
            if (ec != std::errc{} || end != v.data() + v.size() || !(p >= 0.0 && p <= 1.0))
                bad_spec(text, "probability needs a number from 0 to 1");
            fault.probability = p;
        } else if (key == "delay" && request_effect) {
            fault.delay = milliseconds(number({{"ms", 1}, {"s", 1000}}, 3'600'000));
            any_effect = true;
        } else if (key == "close_before_response" && request_effect) {
            flag();
            fault.close_before_response = any_effect = true;
        } else if (key == "reset_mid_body" && request_effect) {
            flag();
            fault.reset_mid_body = any_effect = true;
        } else if (key == "truncated_body" && request_effect) {
            flag();
            fault.truncated_body = any_effect = true;
        } else if (key == "malformed_json" && request_effect) {
            flag();
            fault.malformed_json = any_effect = true;
        } else if (key == "wrong_content_type" && request_effect) {
            fault.wrong_content_type = std::string(value.value_or("text/html; charset=utf-8"));
            any_effect = true;
        } else if (key == "oversized_body" && request_effect) {
            fault.oversized_body = number({{"KiB", 1024}, {"MiB", 1024 * 1024}}, 1024ull * 1024 * 1024);
            any_effect = true;
        } else if (key == "status" && request_effect) {
            fault.status = static_cast<unsigned>(number({}, 599));
            if (*fault.status < 100) bad_spec(text, "status must be from 100 to 599");
            any_effect = true;
        } else if (key == "html" && request_effect) {
            flag();
            html = true;
        } else if (key == "body" && request_effect) {
            fault.body = std::string(value.value_or(""));
            body_given = true;
        } else if ((key == "retry_after" || key == "retry_after_date") && request_effect) {
            fault.retry_after = seconds(number({}, 366ull * 24 * 3600));
            fault.retry_after_http_date = key == "retry_after_date";
            any_effect = true;
        } else {
            bad_spec(text, "unknown or misplaced '" + std::string(word) + "'");
        }
    }
    if (spec.tls_handshake_failure) return spec;
    if (!any_effect) bad_spec(text, "names no effect");
    if ((html || body_given) && !fault.status) bad_spec(text, "html and body= go with status=");
    if (fault.status) {
        if (!body_given) fault.body = default_error_body(*fault.status, html);
        if (html) fault.content_type = "text/html; charset=utf-8";
    }
    try {
        check_fault(fault);
    } catch (const Error&) {
        bad_spec(text, "at most one of close_before_response, reset_mid_body, truncated_body");
    }
    return spec;
}

Response fault_response(const Fault& fault) {
    Response response{static_cast<http::status>(*fault.status), 11};
    if (body_allowed(*fault.status) && !fault.body.empty()) {
        response.set(http::field::content_type, fault.content_type);
        response.body() = fault.body;
    }
    return response;
}

void alter_response(Response& response, const Fault& fault,
                    std::chrono::system_clock::time_point now) {
    for (const auto& [name, value] : fault.headers) response.set(name, value);
    if (fault.retry_after) {
        response.set(http::field::retry_after,
                     fault.retry_after_http_date ? http_date(now + *fault.retry_after)
                                                 : std::to_string(fault.retry_after->count()));
    }
    if (fault.oversized_body > 0 || fault.malformed_json) {
        if (!body_allowed(response.result_int())) response.result(http::status::ok);
        response.set(http::field::content_type, "application/json");
    }
    if (fault.oversized_body > 0) response.body() = json_of_size(fault.oversized_body);
    if (fault.malformed_json) {
        // A prefix of a JSON text followed by '<' is never JSON, whatever the prefix.
        auto& body = response.body();
        body = body.substr(0, body.size() / 2) + "<!-- not JSON -->";
    }
    if (fault.wrong_content_type) response.set(http::field::content_type, *fault.wrong_content_type);
}

void FaultTable::set(boost::beast::http::verb method, std::string path_prefix, Fault fault) {
    check_fault(fault);
    std::erase_if(rules_, [&](const Rule& rule) {
        return rule.method == method && rule.path_prefix == path_prefix;
    });
    if (fault.times == 0) return;
    rules_.push_back(Rule{method, std::move(path_prefix), std::move(fault)});
}

void FaultTable::fail_tls_handshakes(std::size_t connections) {
    tls_failures_ = connections;
}

void FaultTable::clear() {
    rules_.clear();
    tls_failures_ = 0;
}

std::optional<Fault> FaultTable::take(boost::beast::http::verb method, std::string_view target) {
    auto match = std::find_if(rules_.rbegin(), rules_.rend(), [&](const Rule& rule) {
        return rule.method == method && target.starts_with(rule.path_prefix);
    });
    if (match == rules_.rend()) return std::nullopt;
    auto& fault = match->fault;
    if (fault.after > 0) {
        --fault.after;
        return std::nullopt;
    }
    if (fault.probability < 1.0) {
        std::uniform_real_distribution<double> draw(0.0, 1.0);
        if (draw(random_) >= fault.probability) return std::nullopt;
    }
    Fault applied = fault;
    if (--fault.times == 0) rules_.erase(std::next(match).base());
    return applied;
}

bool FaultTable::take_tls_failure() {
    if (tls_failures_ == 0) return false;
    --tls_failures_;
    return true;
}

}  // namespace revolut::mock
