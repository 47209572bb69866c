#pragma once
// The catalog of every Business API operation the client offers: one entry per endpoint
// method, registered by each group's test/unit/catalog_<group>.cpp. Each entry builds a
// real request with sample arguments, so the README table, the routes and the code are
// checked against each other by operation_table_test.cpp.

#include <revolut/detail/api_call.hpp>

#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace revolut::test {

struct CatalogOperation {
    std::string group;        ///< the client accessor, e.g. "accounts"
    std::string method;       ///< the endpoint method, e.g. "get_all_accounts"
    std::string http_method;  ///< "GET", "POST", ...
    std::string route;        ///< full path on the host with {params}: "/api/1.0/accounts/{account_id}"
    bool in_pyrevolut;        ///< pyrevolut has this method
    std::function<detail::ApiRequest()> sample;  ///< the request the method sends for sample arguments
};

inline std::vector<CatalogOperation>& operation_catalog() {
    static std::vector<CatalogOperation> catalog;
    return catalog;
}

/// `static CatalogEntries entries{{...}, {...}};` in a group's catalog file.
struct CatalogEntries {
    CatalogEntries(std::initializer_list<CatalogOperation> operations) {
        for (const auto& op : operations) operation_catalog().push_back(op);
    }
};

}  // namespace revolut::test
