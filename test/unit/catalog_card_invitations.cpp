// Catalog entries of the Card invitations group (see test/support/operation_catalog.hpp).
#include "support/operation_catalog.hpp"

#include <revolut/api/card_invitations.hpp>

namespace revolut::test {
namespace {

const Uuid id{"4016b891-bb50-4bd2-8a1b-adb74f4aacdd"};
namespace ci = detail::card_invitations;

CreateCardInvitationRequest invitation() {
    CreateCardInvitationRequest r;
    r.holder_id = Uuid{"3791712d-e5b5-4d5f-b1f1-79a93d57e08b"};
    return r;
}

UpdateCardInvitationRequest new_label() {
    UpdateCardInvitationRequest u;
    u.label = "Meals";
    return u;
}

const CatalogEntries entries{
    {"card_invitations", "create_card_invitation", "POST", "/api/1.0/card-invitations", false,
     [] { return ci::create_card_invitation(invitation(), std::nullopt); }},
    {"card_invitations", "get_all_card_invitations", "GET", "/api/1.0/card-invitations", false,
     [] { return ci::get_all_card_invitations(std::nullopt, 10, {CardInvitationState::created}); }},
    {"card_invitations", "get_card_invitation", "GET", "/api/1.0/card-invitations/{card_invitation_id}", false,
     [] { return ci::get_card_invitation(id); }},
    {"card_invitations", "update_card_invitation", "PATCH", "/api/1.0/card-invitations/{card_invitation_id}", false,
     [] { return ci::update_card_invitation(id, new_label()); }},
    {"card_invitations", "cancel_card_invitation", "POST", "/api/1.0/card-invitations/{card_invitation_id}/cancel",
     false, [] { return ci::cancel_card_invitation(id); }},
};

}  // namespace
}  // namespace revolut::test
