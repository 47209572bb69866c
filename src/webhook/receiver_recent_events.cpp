#include "webhook/receiver_recent_events.hpp"

#include <revolut/error.hpp>

#include <openssl/evp.h>

namespace revolut::detail {

WebhookRecentEvents::Key WebhookRecentEvents::key_of(std::string_view identity) {
    Key key{};
    unsigned int size = 0;
    if (EVP_Digest(identity.data(), identity.size(), key.data(), &size, EVP_sha256(), nullptr) != 1 ||
        size != key.size())
        throw Error(make_error_code(boost::system::errc::not_enough_memory), "OpenSSL SHA-256 failed");
    return key;
}

WebhookRecentEvents::Status WebhookRecentEvents::begin(const Key& key) {
    if (auto it = index_.find(key); it != index_.end()) {
        order_.splice(order_.begin(), order_, it->second);
        return Status::handled;
    }
    if (!in_flight_.insert(key).second) return Status::in_flight;
    return Status::fresh;
}

void WebhookRecentEvents::succeeded(const Key& key) {
    in_flight_.erase(key);
    if (capacity_ == 0 || index_.contains(key)) return;
    order_.push_front(key);
    index_.emplace(key, order_.begin());
    while (index_.size() > capacity_) {
        index_.erase(order_.back());
        order_.pop_back();
    }
}

void WebhookRecentEvents::failed(const Key& key) {
    in_flight_.erase(key);
}

}  // namespace revolut::detail
