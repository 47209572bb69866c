// Webhook URLs: absolute https:// URLs with a host are accepted, plain ones and those only
// RFC 3986's full grammar accepts; everything else (a fragment too: an absolute URI has
// none) is refused with invalid_argument.
#include "api/https_url.hpp"

#include <revolut/error.hpp>

#include <catch2/catch.hpp>

#include <string>

using revolut::api::require_https_url;

namespace {

bool accepted(const std::string& url) {
    try {
        require_https_url(url);
        return true;
    } catch (const revolut::Error& e) {
        CHECK(e.code() == revolut::Errc::invalid_argument);
        return false;
    }
}

}  // namespace

TEST_CASE("plain https URLs are accepted", "[webhooks][url]") {
    for (const char* url : {"https://example.com", "https://example.com/", "https://example.com/hooks/revolut",
                            "https://hooks.example.com:8443/in?token=abc&x=1", "https://127.0.0.1:9443/h",
                            "https://example.com/a;b=c/~d_e.f-g!$'()*+,:@", "https://example.com?only=query",
                            "https://example.com:/empty-port"}) {
        CAPTURE(url);
        CHECK(accepted(url));
    }
}

TEST_CASE("https URLs in the rest of RFC 3986 are accepted", "[webhooks][url]") {
    for (const char* url : {"https://user:pw@example.com/h", "https://example.com/caf%C3%A9",
                            "https://[::1]:8443/h", "https://ex%41mple.com/"}) {
        CAPTURE(url);
        CHECK(accepted(url));
    }
}

TEST_CASE("anything else is refused", "[webhooks][url]") {
    for (const char* url : {"", "https://", "https:///path", "http://example.com/h", "ftp://example.com",
                            "example.com/h", "//example.com/h", "HTTPS://example.com/h", "https://exa mple.com/",
                            "https://example.com/a b", "https://example.com/%zz", "https://example.com/h#fragment",
                            "https://example.com/\"quoted\"", "https://example.com/<tag>", "https://ex\xC3\xA9.com/"}) {
        CAPTURE(url);
        CHECK_FALSE(accepted(url));
    }
}
