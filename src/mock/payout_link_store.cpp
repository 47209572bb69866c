#include "mock/payout_link_store.hpp"

#include <algorithm>

namespace revolut::mock {

StoredPayoutLink* PayoutLinkStore::find(const Uuid& id) {
    auto found = std::find_if(links_.begin(), links_.end(), [&](const StoredPayoutLink& l) { return l.id == id; });
    return found == links_.end() ? nullptr : &*found;
}

StoredPayoutLink* PayoutLinkStore::find_by_request_id(const std::string& request_id) {
    auto found = std::find_if(links_.begin(), links_.end(),
                              [&](const StoredPayoutLink& l) { return l.request_id == request_id; });
    return found == links_.end() ? nullptr : &*found;
}

StoredPayoutLink& PayoutLinkStore::add(StoredPayoutLink link) {
    links_.push_back(std::move(link));
    return links_.back();
}

}  // namespace revolut::mock
