#pragma once
// What the cards integration tests share: the emulator's business owner (a team member who
// can hold cards) and a minimal card request for a holder.
#include <revolut/api/cards.hpp>
#include <revolut/api/team_members.hpp>
#include <revolut/client.hpp>

#include <boost/asio/awaitable.hpp>

#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <utility>

namespace revolut::test {

inline boost::asio::awaitable<Uuid> owner_id(AsyncClient& client) {
    auto members = co_await client.team_members().get_team_members();
    auto owner = std::find_if(members.begin(), members.end(), [](const auto& m) { return m.role_id == "owner"; });
    REQUIRE(owner != members.end());
    co_return owner->id;
}

inline CreateCardRequest card_for(Uuid holder, std::string label = {}) {
    CreateCardRequest r;
    r.holder_id = holder;
    if (!label.empty()) r.label = std::move(label);
    return r;
}

}  // namespace revolut::test
