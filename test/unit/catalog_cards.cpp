// Catalog entries of the Cards group (see test/support/operation_catalog.hpp).
#include "support/operation_catalog.hpp"

#include <revolut/api/cards.hpp>

namespace revolut::test {
namespace {

const Uuid id{"0f5a3c1e-6d2b-4c7e-9a41-2b8d7e6f1a20"};
namespace c = detail::cards;

CreateCardRequest team_member_card() {
    CreateCardRequest r;
    r.holder_id = Uuid{"5e1b9c7a-2f3d-4a8e-b6c1-7d9e0a2b4c61"};
    return r;
}

UpdateCardRequest new_label() {
    UpdateCardRequest u;
    u.label = "Travel";
    return u;
}

const CatalogEntries entries{
    {"cards", "get_all_cards", "GET", "/api/1.0/cards", true, [] { return c::get_all_cards(std::nullopt, 10); }},
    {"cards", "get_card", "GET", "/api/1.0/cards/{card_id}", true, [] { return c::get_card(id); }},
    {"cards", "get_card_sensitive_details", "GET", "/api/1.0/cards/{card_id}/sensitive-details", true,
     [] { return c::get_card_sensitive_details(id); }},
    {"cards", "create_card", "POST", "/api/1.0/cards", true,
     [] { return c::create_card(team_member_card(), std::nullopt); }},
    {"cards", "freeze_card", "POST", "/api/1.0/cards/{card_id}/freeze", true, [] { return c::freeze_card(id); }},
    {"cards", "unfreeze_card", "POST", "/api/1.0/cards/{card_id}/unfreeze", true, [] { return c::unfreeze_card(id); }},
    {"cards", "update_card", "PATCH", "/api/1.0/cards/{card_id}", true, [] { return c::update_card(id, new_label()); }},
    {"cards", "delete_card", "DELETE", "/api/1.0/cards/{card_id}", true, [] { return c::delete_card(id); }},
    {"cards", "update_card_contacts", "PUT", "/api/1.0/cards/{card_id}/contacts", false,
     [] { return c::update_card_contacts(id, {Uuid{"3ea984a5-d599-4c97-b2b3-c6c12bb9b5e9"}}); }},
    {"cards", "update_card_references", "PUT", "/api/1.0/cards/{card_id}/references", false,
     [] { return c::update_card_references(id, {{"PNR", "RT12345"}}); }},
    {"cards", "lock_card", "POST", "/api/1.0/cards/{card_id}/lock", false, [] { return c::lock_card(id); }},
    {"cards", "unlock_card", "POST", "/api/1.0/cards/{card_id}/unlock", false, [] { return c::unlock_card(id); }},
};

}  // namespace
}  // namespace revolut::test
