#pragma once
// Client: the blocking client, like pyrevolut's synchronous `Client`, for code that is not
// asynchronous. It runs an AsyncClient on an io_context of its own thread; every endpoint
// method is the AsyncClient's, completing with revolut::blocking, so it returns the result
// (or throws revolut::Error / ApiError) when the call is done:
//
//   revolut::Client client(options);
//   client.open();
//   for (const auto& account : client.accounts().get_all_accounts()) ...
//   // the destructor closes the client
//
// Its members may be called from any number of threads at once, but not from inside a
// callback running on the client's own thread (that would wait for itself).

#include <revolut/blocking.hpp>
#include <revolut/client.hpp>

#include <boost/beast/http/verb.hpp>
#include <boost/json/value.hpp>

#include <memory>
#include <optional>
#include <string>

namespace revolut {

class Client : public GroupAccessors<Client, blocking_t> {
public:
    /// Starts the client's thread; the client is not open yet.
    explicit Client(ClientOptions options = {});
    /// Closes the client (gracefully) if it is open, then stops its thread.
    ~Client();
    Client(const Client&) = delete;
    Client& operator=(const Client&) = delete;

    /// Loads credentials and prepares the connection pool; see AsyncClient::open.
    void open();
    /// Waits for calls in flight, then closes the connections; see AsyncClient::close.
    void close(CloseMode mode = CloseMode::graceful);
    bool is_open() const;
    ClientStats stats() const;

    /// Any route, raw; see AsyncClient::request.
    boost::json::value request(boost::beast::http::verb method, std::string target,
                               std::optional<boost::json::value> body = std::nullopt);

    /// The asynchronous client underneath, e.g. to start calls without waiting for them.
    AsyncClient& async_client() noexcept;

private:
    friend class GroupAccessors<Client, blocking_t>;
    const std::shared_ptr<detail::ClientCore>& core_for_groups() const;

    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace revolut
