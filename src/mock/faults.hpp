#pragma once
// Scripted misbehaviour: which requests get delayed, answered with a canned status, mangled or
// dropped, and how many times; and how many connections fail their TLS handshake.

#include "mock/http_message.hpp"

#include <revolut/mock/server.hpp>

#include <boost/beast/http/verb.hpp>

#include <chrono>

#include <cstddef>
#include <optional>
#include <random>
#include <string>
#include <string_view>
#include <vector>

namespace revolut::mock {

/// The faults set with Server::set_fault / fail_tls_handshakes, matched against incoming
/// requests and connections.
class FaultTable {
public:
    /// Adds a rule, replacing an earlier one for the same method and prefix. Throws
    /// revolut::Error(Errc::invalid_argument) for a fault that cannot be applied (see
    /// check_fault).
    void set(boost::beast::http::verb method, std::string path_prefix, Fault fault);
    void fail_tls_handshakes(std::size_t connections);
    void clear();
    /// The fault that applies to a request (the most recently set matching rule, once its
    /// `after` requests have passed and its probability draw says so), counted against its
    /// `times`; a rule is forgotten once used up.
    std::optional<Fault> take(boost::beast::http::verb method, std::string_view target);
    /// Whether this new connection's handshake must fail (counted).
    bool take_tls_failure();

private:
    struct Rule {
        boost::beast::http::verb method;
        std::string path_prefix;
        Fault fault;
    };
    std::vector<Rule> rules_;  // oldest first
    std::size_t tls_failures_ = 0;
    std::minstd_rand random_{20240601};  // fixed: the same script misbehaves the same way
};

/// Throws revolut::Error(Errc::invalid_argument) when `fault` asks for a probability outside
/// 0..1 or for more than one of close_before_response, reset_mid_body and truncated_body.
void check_fault(const Fault& fault);

/// A fault as the revolut-mock `--fault` flag writes it (see docs/mock.md).
struct FaultSpec {
    bool tls_handshake_failure = false;  ///< then only fault.times counts
    boost::beast::http::verb method = boost::beast::http::verb::unknown;
    std::string path_prefix;
    Fault fault;
};

/// Parses `METHOD PATH EFFECT... [times=N] [after=N] [probability=P]` or
/// `tls_handshake_failure [times=N]`. Throws std::invalid_argument with a message for the user.
FaultSpec parse_fault_spec(std::string_view text);

/// The canned answer of a fault with a `status`.
Response fault_response(const Fault& fault);

/// Applies the fault's header and body changes to an answer (the route's or the canned one):
/// extra headers, Retry-After (an HTTP-date counts from `now`), oversized or malformed body,
/// wrong Content-Type.
void alter_response(Response& response, const Fault& fault,
                    std::chrono::system_clock::time_point now);

}  // namespace revolut::mock
