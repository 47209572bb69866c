#include "mock/faults.hpp"

#include <algorithm>

namespace revolut::mock {

void FaultTable::set(boost::beast::http::verb method, std::string path_prefix, Fault fault) {
    std::erase_if(rules_, [&](const Rule& rule) {
        return rule.method == method && rule.path_prefix == path_prefix;
    });
    if (fault.times == 0) return;
    rules_.push_back(Rule{method, std::move(path_prefix), std::move(fault)});
}

void FaultTable::clear() {
    rules_.clear();
}

std::optional<Fault> FaultTable::take(boost::beast::http::verb method, std::string_view target) {
    auto match = std::find_if(rules_.rbegin(), rules_.rend(), [&](const Rule& rule) {
        return rule.method == method && target.starts_with(rule.path_prefix);
    });
    if (match == rules_.rend()) return std::nullopt;
    Fault fault = match->fault;
    if (--match->fault.times == 0) rules_.erase(std::next(match).base());
    return fault;
}

}  // namespace revolut::mock
