#pragma once
// Redelivery suppression for WebhookHandler: the identities of the last N events handled
// successfully (an LRU, by SHA-256 of the identity: fixed size whatever the event) plus the
// ones being handled right now. Not thread-safe: the handler guards it with its mutex.

#include <array>
#include <cstddef>
#include <cstring>
#include <list>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

namespace revolut::detail {

class WebhookRecentEvents {
public:
    using Key = std::array<unsigned char, 32>;
    enum class Status {
        fresh,      ///< neither remembered nor in flight: now marked in flight
        handled,    ///< handled successfully before (and now the most recently used)
        in_flight,  ///< being handled by another request right now
    };

    /// Remembers at most `capacity` handled events (0: remembers nothing).
    explicit WebhookRecentEvents(std::size_t capacity) : capacity_(capacity) {}

    /// SHA-256 of an event identity. Throws revolut::Error if OpenSSL fails.
    static Key key_of(std::string_view identity);

    /// Looks `key` up; a fresh key is marked in flight until succeeded() or failed().
    Status begin(const Key& key);
    /// The in-flight event was handled: remember it, forgetting the oldest beyond capacity.
    void succeeded(const Key& key);
    /// The in-flight event failed: forget it, so the retry runs the handler again.
    void failed(const Key& key);

    std::size_t remembered() const noexcept { return index_.size(); }
    std::size_t in_flight() const noexcept { return in_flight_.size(); }

private:
    struct KeyHash {
        std::size_t operator()(const Key& k) const noexcept {
            std::size_t h;  // the key is a cryptographic hash: any 8 bytes of it will do
            std::memcpy(&h, k.data(), sizeof h);
            return h;
        }
    };

    std::size_t capacity_;
    std::list<Key> order_;  // most recently used first
    std::unordered_map<Key, std::list<Key>::iterator, KeyHash> index_;
    std::unordered_set<Key, KeyHash> in_flight_;
};

}  // namespace revolut::detail
