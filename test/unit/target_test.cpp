// Request targets: plain words and ids are joined as they are; anything else is
// percent-encoded, and a segment can never climb the path ("." and ".." are refused).
#include "api/target.hpp"

#include <revolut/error.hpp>

#include <catch2/catch.hpp>

using revolut::api::make_target;

TEST_CASE("plain segments and query values are joined without encoding", "[target]") {
    CHECK(make_target({"2.0", "webhooks"}) == "/2.0/webhooks");
    CHECK(make_target({"2.0", "webhooks", "0b7a1c3e-6c7f-4a54-9d0e-2f3c4b5a6d7e", "failed-events"},
                      {{"limit", "10"}, {"created_before", "1700000000000"}}) ==
          "/2.0/webhooks/0b7a1c3e-6c7f-4a54-9d0e-2f3c4b5a6d7e/failed-events?limit=10&created_before=1700000000000");
    CHECK(make_target({}) == "/");
}

TEST_CASE("segments that need it are percent-encoded", "[target]") {
    CHECK(make_target({"1.0", "counterparty", "Jo Co"}) == "/1.0/counterparty/Jo%20Co");
    CHECK(make_target({"1.0", "counterparty", "a/b"}) == "/1.0/counterparty/a%2Fb");
    CHECK(make_target({"1.0", "counterparty", "a?b#c"}) == "/1.0/counterparty/a%3Fb%23c");
}

TEST_CASE("an id of . or .. is refused before anything is sent", "[target]") {
    for (std::string_view dots : {".", ".."}) {
        try {
            auto target = make_target({"1.0", "counterparty", dots});
            FAIL("accepted a dot segment: " << target);
        } catch (const revolut::Error& e) {
            CHECK(e.code() == revolut::Errc::invalid_argument);
        }
    }
    // Dots inside an id are ordinary characters.
    CHECK(make_target({"1.0", "transaction", "a..b"}) == "/1.0/transaction/a..b");
}

TEST_CASE("query values that need it are percent-encoded", "[target]") {
    CHECK(make_target({"1.0", "counterparties"}, {{"name", "Jo & Co"}}) == "/1.0/counterparties?name=Jo%20%26%20Co");
    CHECK(make_target({"1.0", "transactions"}, {{"from", "2024-01-02T03:04:05Z"}, {"count", "1000"}}) ==
          "/1.0/transactions?from=2024-01-02T03:04:05Z&count=1000");
    CHECK(make_target({"1.0", "x"}, {{"q", "a#b"}}) == "/1.0/x?q=a%23b");
}
