#pragma once
// Reading the JSON bodies of the money-moving routes (/pay, /transfer, /exchange, quotes):
// typed fields with the first problem kept as a message for a 400, and the canonical text
// of a request that tells a retry from a different request reusing its request_id.

#include "mock/exchange_store.hpp"
#include "mock/json_responses.hpp"

#include <revolut/money.hpp>
#include <revolut/types.hpp>

#include <boost/json/object.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace revolut::mock {

/// Reads fields of one JSON object; the first problem is kept in error() and later reads
/// return nullopt. `prefix` names nested objects in messages ("receiver.").
class BodyReader {
public:
    explicit BodyReader(const boost::json::object& body, std::string prefix = {})
        : body_(body), prefix_(std::move(prefix)) {}

    bool ok() const { return error_.empty(); }
    const std::string& error() const { return error_; }
    /// Takes over a nested reader's problem.
    void adopt(const BodyReader& nested) {
        if (ok() && !nested.ok()) error_ = nested.error();
    }

    std::optional<std::string> text(std::string_view key, bool required, std::size_t max_length = 10'000) {
        const auto* v = present(key);
        if (v == nullptr) return missing(key, required);
        const auto* s = plain_string(*v);
        if (s == nullptr) return fail(key, "must be a string");
        if (required && s->empty()) return fail(key, "must not be empty");
        if (s->size() > max_length) return fail(key, "must be at most " + std::to_string(max_length) + " characters");
        return std::string(*s);
    }

    std::optional<Uuid> uuid(std::string_view key, bool required) {
        auto s = text(key, required);
        if (!s) return std::nullopt;
        auto id = Uuid::try_parse(*s);
        if (!id) return fail(key, "must be a UUID");
        return id;
    }

    /// ISO 4217: three upper-case letters.
    std::optional<std::string> currency(std::string_view key, bool required) {
        auto s = text(key, required);
        if (!s) return std::nullopt;
        bool ok = s->size() == 3;
        for (char c : *s) ok = ok && c >= 'A' && c <= 'Z';
        if (!ok) return fail(key, "must be an ISO 4217 currency code");
        return s;
    }

    /// A number above zero.
    std::optional<Decimal> amount(std::string_view key, bool required) {
        const auto* v = present(key);
        if (v == nullptr) return missing(key, required);
        auto d = decimal_from_json(*v);
        if (!d || d->signum() <= 0) return fail(key, "must be a number greater than 0");
        return d;
    }

    const boost::json::object* object(std::string_view key, bool required) {
        const auto* v = present(key);
        if (v == nullptr) {
            missing(key, required);
            return nullptr;
        }
        if (!v->is_object()) {
            fail(key, "must be an object");
            return nullptr;
        }
        return &v->get_object();
    }

    /// Records a problem of the caller's own (if none yet).
    std::nullopt_t fail(std::string_view key, std::string_view problem) {
        if (ok()) error_ = prefix_ + std::string(key) + " " + std::string(problem);
        return std::nullopt;
    }

private:
    const boost::json::value* present(std::string_view key) const {
        if (!ok()) return nullptr;
        const auto* v = body_.if_contains(key);
        return v != nullptr && !v->is_null() ? v : nullptr;
    }
    std::nullopt_t missing(std::string_view key, bool required) {
        if (required) fail(key, "is required");
        return std::nullopt;
    }

    const boost::json::object& body_;
    std::string prefix_;
    std::string error_;
};

/// Appends `value` (or "-" when absent) and a separator to a request fingerprint. Amounts go
/// in without trailing zeros, so 10.5 and 10.50 are the same request.
inline void add_to_fingerprint(std::string& out, const std::optional<std::string>& value) {
    out += value ? *value : std::string("-");
    out += '|';
}
inline void add_to_fingerprint(std::string& out, const std::optional<Uuid>& value) {
    add_to_fingerprint(out, value ? std::optional<std::string>(value->to_string()) : std::nullopt);
}
inline void add_to_fingerprint(std::string& out, const std::optional<Decimal>& value) {
    add_to_fingerprint(out, value ? std::optional<std::string>(without_trailing_zeros(*value).to_string())
                                  : std::nullopt);
}

}  // namespace revolut::mock
