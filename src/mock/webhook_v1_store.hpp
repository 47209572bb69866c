#pragma once
// The emulator's deprecated v1 webhook: one URL per business, or none.

#include <optional>
#include <string>
#include <utility>

namespace revolut::mock {

class WebhookV1Store {
public:
    const std::optional<std::string>& url() const { return url_; }
    /// Sets or replaces the URL.
    void set(std::string url) { url_ = std::move(url); }
    /// False when none was set.
    bool remove() {
        const bool had = url_.has_value();
        url_.reset();
        return had;
    }

private:
    std::optional<std::string> url_;
};

}  // namespace revolut::mock
