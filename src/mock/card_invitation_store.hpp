#pragma once
// The emulator's card invitations: created for a team member who has not onboarded yet,
// `created` until they expire (expiry_date passed) or are cancelled (both end `expired`);
// an invitation whose holder leaves the team `failed`. Spend controls as for cards.

#include "mock/card_store.hpp"

#include <revolut/types.hpp>

#include <boost/json/object.hpp>

#include <optional>
#include <string>
#include <vector>

namespace revolut::mock {

struct StoredCardInvitation {
    Uuid id;
    std::string state = "created";
    Timestamp created_at{};
    Timestamp updated_at{};
    Timestamp expiry_date{};
    std::optional<Uuid> holder_id;  ///< dropped when the team member is deleted
    std::optional<Uuid> card_id;    ///< the card issued on redemption
    CardControls controls;          ///< label "Virtual" unless given
    std::string request_id;
};

/// Invitations, oldest first.
class CardInvitationStore {
public:
    /// Expires what ran out of time by `now`, then returns every invitation.
    const std::vector<StoredCardInvitation>& all(Timestamp now);
    /// Pointers stay valid until the next add. Expiry is applied first.
    StoredCardInvitation* find(const Uuid& id, Timestamp now);
    /// The invitation created with `request_id` in the last 24 hours.
    StoredCardInvitation* find_by_request_id(const std::string& request_id, Timestamp now);
    /// Stores it (new id when nil; created_at `now` when unset).
    StoredCardInvitation& add(StoredCardInvitation invitation, Timestamp now);
    /// The holder left the team: their open invitations fail and lose the holder.
    void holder_removed(const Uuid& holder_id, Timestamp now);

private:
    void expire(Timestamp now);
    std::vector<StoredCardInvitation> invitations_;
};

/// The invitation in the API's shape.
boost::json::object card_invitation_json(const StoredCardInvitation& invitation);

}  // namespace revolut::mock
