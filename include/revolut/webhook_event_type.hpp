#pragma once
// The webhook event types Revolut delivers; shared by the Webhooks API group and the
// webhook receiver.

#include <revolut/open_enum.hpp>

#include <array>
#include <span>
#include <string_view>

namespace revolut {

/// Enumerators are spelled as the API spells them; unknown values are kept by OpenEnum.
enum class WebhookEventType {
    unknown,
    TransactionCreated,
    TransactionStateChanged,
    PayoutLinkCreated,
    PayoutLinkStateChanged,
};

namespace detail {
inline constexpr std::array<std::string_view, 5> webhook_event_type_names{
    "", "TransactionCreated", "TransactionStateChanged", "PayoutLinkCreated",
    "PayoutLinkStateChanged"};
}  // namespace detail

constexpr std::span<const std::string_view> enum_names(WebhookEventType) noexcept {
    return detail::webhook_event_type_names;
}

/// A webhook event type as received: known enumerator or the original text.
using WebhookEvent = OpenEnum<WebhookEventType>;

}  // namespace revolut
