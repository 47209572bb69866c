#pragma once
// Scripted misbehaviour: which requests get delayed, answered with a canned status, or
// dropped, and how many times.

#include <revolut/mock/server.hpp>

#include <boost/beast/http/verb.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace revolut::mock {

/// The faults set with Server::set_fault, matched against incoming requests.
class FaultTable {
public:
    /// Adds a rule, replacing an earlier one for the same method and prefix.
    void set(boost::beast::http::verb method, std::string path_prefix, Fault fault);
    void clear();
    /// The fault that applies to a request (the most recently set matching rule), counted
    /// against its `times`; a rule is forgotten once used up.
    std::optional<Fault> take(boost::beast::http::verb method, std::string_view target);

private:
    struct Rule {
        boost::beast::http::verb method;
        std::string path_prefix;
        Fault fault;
    };
    std::vector<Rule> rules_;  // oldest first
};

}  // namespace revolut::mock
