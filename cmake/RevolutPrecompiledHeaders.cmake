# Precompiled headers for our own targets. Asio, Beast and JSON are header-heavy templates:
# parsing them again in each of ~240 translation units dominated the build on CI's 2 cores.
# Consumers of the installed library are unaffected (the PCH is PRIVATE to each target).
# Targets built with the same flags share one PCH: each is ~270 MiB on disk with GCC.
option(REVOLUT_PRECOMPILE_HEADERS "Precompile the Boost and standard headers of our targets" ON)

set(REVOLUT_PCH_HEADERS
  <algorithm> <chrono> <cstdint> <functional> <map> <memory> <optional> <stdexcept>
  <string> <string_view> <utility> <variant> <vector>
  <boost/asio/awaitable.hpp> <boost/asio/co_spawn.hpp> <boost/asio/use_awaitable.hpp>
  <boost/asio/steady_timer.hpp> <boost/asio/ip/tcp.hpp> <boost/asio/ssl.hpp>
  <boost/beast/core.hpp> <boost/beast/http.hpp> <boost/beast/ssl.hpp>
  <boost/json.hpp> <boost/url/url.hpp>)

# revolut_precompile_headers(target [extra headers...])
function(revolut_precompile_headers target)
  if(REVOLUT_PRECOMPILE_HEADERS)
    target_precompile_headers(${target} PRIVATE ${REVOLUT_PCH_HEADERS} ${ARGN})
  endif()
endfunction()

# revolut_reuse_precompiled_headers(target from): use `from`'s PCH; both targets must have the
# same compile definitions and options (clang refuses a PCH whose macros differ).
function(revolut_reuse_precompiled_headers target from)
  if(REVOLUT_PRECOMPILE_HEADERS)
    target_precompile_headers(${target} REUSE_FROM ${from})
  endif()
endfunction()
