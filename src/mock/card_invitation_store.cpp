#include "mock/card_invitation_store.hpp"

#include <algorithm>
#include <chrono>

namespace revolut::mock {

namespace json = boost::json;

namespace {
constexpr std::chrono::hours idempotency_window{24};
}  // namespace

void CardInvitationStore::expire(Timestamp now) {
    for (auto& invitation : invitations_) {
        if (invitation.state == "created" && invitation.expiry_date <= now) {
            invitation.state = "expired";
            invitation.updated_at = invitation.expiry_date;
        }
    }
}

const std::vector<StoredCardInvitation>& CardInvitationStore::all(Timestamp now) {
    expire(now);
    return invitations_;
}

StoredCardInvitation* CardInvitationStore::find(const Uuid& id, Timestamp now) {
    expire(now);
    auto it = std::find_if(invitations_.begin(), invitations_.end(), [&](const auto& i) { return i.id == id; });
    return it == invitations_.end() ? nullptr : &*it;
}

StoredCardInvitation* CardInvitationStore::find_by_request_id(const std::string& request_id, Timestamp now) {
    auto it = std::find_if(invitations_.begin(), invitations_.end(), [&](const auto& i) {
        return i.request_id == request_id && now - i.created_at < idempotency_window;
    });
    return it == invitations_.end() ? nullptr : &*it;
}

StoredCardInvitation& CardInvitationStore::add(StoredCardInvitation invitation, Timestamp now) {
    if (invitation.id.is_nil()) invitation.id = Uuid::random();
    if (invitation.created_at == Timestamp{}) invitation.created_at = now;
    if (invitation.updated_at == Timestamp{}) invitation.updated_at = invitation.created_at;
    invitations_.push_back(std::move(invitation));
    return invitations_.back();
}

void CardInvitationStore::holder_removed(const Uuid& holder_id, Timestamp now) {
    expire(now);
    for (auto& invitation : invitations_) {
        if (invitation.holder_id != holder_id) continue;
        invitation.holder_id.reset();
        if (invitation.state == "created") {
            invitation.state = "failed";
            invitation.updated_at = now;
        }
    }
}

json::object card_invitation_json(const StoredCardInvitation& i) {
    json::object o;
    o["id"] = i.id.to_string();
    o["state"] = i.state;
    o["created_at"] = format_timestamp(i.created_at);
    o["updated_at"] = format_timestamp(i.updated_at);
    if (i.state == "created") o["expiry_date"] = format_timestamp(i.expiry_date);
    if (i.card_id) o["card_id"] = i.card_id->to_string();
    if (i.holder_id) o["holder_id"] = i.holder_id->to_string();
    o["virtual"] = true;
    write_controls(o, i.controls);
    return o;
}

}  // namespace revolut::mock
