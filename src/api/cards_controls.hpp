#pragma once
// Spend controls shared by cards and card invitations (label, spending limits and period,
// merchant categories and controls, countries, accounts): request-body building with the
// spec's rules checked before sending, and reading them back from responses.

#include <revolut/api/cards.hpp>

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace revolut::api::card_controls {

/// Throws revolut::Error(Errc::invalid_argument, what).
[[noreturn]] void invalid(const std::string& what);

/// The path segment for an ID (the nil UUID is refused).
std::string id_segment(const Uuid& id, std::string_view what);

/// Characters (Unicode code points) of UTF-8 text: the spec's lengths count these.
std::size_t code_points(std::string_view text);

/// Checks a label: 1..30 characters.
void check_label(const std::string& label);

/// The create-time controls, written into `body` when present (checked first).
struct Controls {
    const std::optional<std::string>& label;
    const std::optional<SpendingLimits>& spending_limits;
    const std::optional<SpendingPeriod>& spending_period;
    const std::vector<OpenEnum<MerchantCategory>>& categories;
    const std::optional<MerchantControls>& merchant_controls;
    const std::vector<std::string>& countries;
    const std::vector<Uuid>& accounts;
};
void put_controls(boost::json::object& body, const Controls& controls);

/// The settings an update changes (null for erased ones); Errc::invalid_argument when it
/// changes nothing.
void put_update(boost::json::object& body, const UpdateCardRequest& update);

/// `[ "uuid", … ]`, refusing nil UUIDs.
boost::json::array uuid_array(const std::vector<Uuid>& ids, std::string_view what);

/// Response fields (Errc::invalid_response when malformed).
SpendingLimits read_spending_limits(const boost::json::object& o);
SpendingPeriod read_spending_period(const boost::json::object& o);
MerchantControls read_merchant_controls(const boost::json::object& o);
CardReference read_reference(const boost::json::value& v);
std::vector<OpenEnum<MerchantCategory>> read_categories(const boost::json::object& o);
std::vector<Uuid> read_uuids(const boost::json::object& o, std::string_view key);
std::optional<SpendProgram> read_spend_program(const boost::json::object& o);

}  // namespace revolut::api::card_controls
