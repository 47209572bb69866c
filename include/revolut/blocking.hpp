#pragma once
// `revolut::blocking`: a completion token that waits for the operation and returns its
// result (or throws its error), for code that is not asynchronous:
//   auto accounts = async_client.accounts().get_all_accounts(revolut::blocking);
// Only call it from a thread that is not running the client's io_context, or it waits for
// itself forever; revolut::Client (sync_client.hpp) runs one on its own thread for you.

#include <boost/asio/async_result.hpp>
#include <boost/asio/use_future.hpp>

#include <exception>
#include <utility>

namespace revolut {

struct blocking_t {
    constexpr blocking_t() = default;
};
inline constexpr blocking_t blocking{};

}  // namespace revolut

namespace boost::asio {

template <class... Values>
class async_result<revolut::blocking_t, void(std::exception_ptr, Values...)> {
public:
    template <class Initiation, class... Args>
    static auto initiate(Initiation&& initiation, revolut::blocking_t, Args&&... args) {
        auto future = async_initiate<const use_future_t<>&, void(std::exception_ptr, Values...)>(
            std::forward<Initiation>(initiation), use_future, std::forward<Args>(args)...);
        return future.get();
    }
};

}  // namespace boost::asio
