// Fuzzes the webhook body -> typed event parsers: parse_event (streaming, on the raw body)
// and event_from_json (on a parsed envelope), which must agree with each other, and
// serialize_event, whose output must parse back to the same event.
// Input: the delivery body.

#include "fuzz_support.hpp"

#include "json/exact_json.hpp"

#include <revolut/error.hpp>
#include <revolut/webhook/events.hpp>
#include <revolut/webhook/receiver.hpp>

#include <optional>
#include <string>

namespace {

using namespace revolut;

struct Outcome {
    std::optional<webhook::Event> event;
    boost::system::error_code error;
};

template <class F>
Outcome attempt(F parse) {
    Outcome out;
    try {
        out.event = parse();
    } catch (const Error& e) {
        out.error = e.code();
        FUZZ_CHECK(e.code() == Errc::invalid_response || e.code() == Errc::body_not_json);
    }
    return out;
}

bool same_event(const webhook::Event& a, const webhook::Event& b) {
    return a.event == b.event && a.timestamp == b.timestamp && a.data == b.data;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view body(reinterpret_cast<const char*>(data), size);

    const Outcome streamed = attempt([&] { return webhook::parse_event(body); });

    // The same document through the tree parser must give the same answer.
    boost::system::error_code ec;
    const boost::json::value tree = detail::parse_json_exact(body, ec);
    FUZZ_CHECK(!ec == (streamed.error != Errc::body_not_json));
    if (!ec) {
        const Outcome from_tree = attempt([&] { return webhook::event_from_json(tree); });
        FUZZ_CHECK(from_tree.error == streamed.error);
        if (streamed.event) FUZZ_CHECK(same_event(*streamed.event, *from_tree.event));
    }
    if (!streamed.event) return 0;

    const webhook::Event& event = *streamed.event;
    FUZZ_CHECK(event.raw == body);
    (void)event.raw_json();
    (void)webhook::event_identity(event);

    // What serialize_event writes parses back to the same event.
    const std::string again = webhook::serialize_event(event);
    const Outcome reparsed = attempt([&] { return webhook::parse_event(again); });
    FUZZ_CHECK(reparsed.event.has_value());
    FUZZ_CHECK(same_event(event, *reparsed.event));
    return 0;
}
