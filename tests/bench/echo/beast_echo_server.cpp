// Baseline for the echo benchmark: Boost.Beast (Debian's libboost-dev 1.74,
// header-only), shaped like Beast's own example
// example/websocket/server/async/websocket_server_async.cpp with one
// io_context run on one thread (so no strand is needed). Async accept, read,
// write; echoes text as text and binary as binary; messages up to 64 MiB.
// Beast's other defaults are kept (auto_fragment on, no permessage-deflate).
//
//   beast_echo_server PORT     listens on 127.0.0.1:PORT (0 = any free port)
//
// Prints {"event":"listening","address":"127.0.0.1","port":N} once listening;
// exits 0 on SIGTERM or SIGINT.

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/websocket.hpp>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>

namespace beast = boost::beast;
namespace websocket = beast::websocket;
namespace net = boost::asio;
using tcp = net::ip::tcp;

namespace {

constexpr std::size_t kMaxMessage = 64 * 1024 * 1024; // the loads go up to 16 MiB

// Errors are expected (the load generator resets its connections) and not
// printed: a session simply ends.
class Session final : public std::enable_shared_from_this<Session>
{
public:
    explicit Session(tcp::socket &&socket)
        : m_ws(std::move(socket))
    {}

    void run()
    {
        m_ws.set_option(websocket::stream_base::timeout::suggested(beast::role_type::server));
        m_ws.read_message_max(kMaxMessage);
        m_ws.async_accept(beast::bind_front_handler(&Session::onAccept, shared_from_this()));
    }

private:
    void onAccept(beast::error_code ec)
    {
        if (ec)
            return;
        read();
    }

    void read()
    {
        m_ws.async_read(m_buffer, beast::bind_front_handler(&Session::onRead, shared_from_this()));
    }

    void onRead(beast::error_code ec, std::size_t)
    {
        if (ec)
            return; // websocket::error::closed after a Close handshake, or a reset
        m_ws.text(m_ws.got_text());
        m_ws.async_write(m_buffer.data(),
                         beast::bind_front_handler(&Session::onWrite, shared_from_this()));
    }

    void onWrite(beast::error_code ec, std::size_t)
    {
        if (ec)
            return;
        m_buffer.consume(m_buffer.size());
        read();
    }

    websocket::stream<beast::tcp_stream> m_ws;
    beast::flat_buffer m_buffer;
};

class Listener final : public std::enable_shared_from_this<Listener>
{
public:
    Listener(net::io_context &ioc, tcp::acceptor &acceptor)
        : m_ioc(ioc)
        , m_acceptor(acceptor)
    {}

    void accept()
    {
        m_acceptor.async_accept(m_ioc,
                                beast::bind_front_handler(&Listener::onAccept, shared_from_this()));
    }

private:
    void onAccept(beast::error_code ec, tcp::socket socket)
    {
        if (ec == net::error::operation_aborted)
            return; // acceptor closed: shutting down
        if (!ec)
            std::make_shared<Session>(std::move(socket))->run();
        accept();
    }

    net::io_context &m_ioc;
    tcp::acceptor &m_acceptor;
};

} // namespace

int main(int argc, char **argv)
{
    char *end = nullptr;
    const unsigned long port = argc == 2 ? std::strtoul(argv[1], &end, 10) : 0;
    if (argc != 2 || !end || *end || end == argv[1] || port > 65535) {
        std::fprintf(stderr, "usage: beast_echo_server PORT   (0 = any free port)\n");
        return 2;
    }

    net::io_context ioc{1}; // concurrency hint 1: one thread, no locking
    tcp::acceptor acceptor(ioc);
    beast::error_code ec;
    const tcp::endpoint ep(net::ip::make_address_v4("127.0.0.1"),
                           static_cast<unsigned short>(port));
    acceptor.open(ep.protocol(), ec);
    if (!ec)
        acceptor.set_option(net::socket_base::reuse_address(true), ec);
    if (!ec)
        acceptor.bind(ep, ec);
    if (!ec)
        acceptor.listen(net::socket_base::max_listen_connections, ec);
    if (ec) {
        std::fprintf(stderr, "beast_echo_server: cannot listen on 127.0.0.1:%lu: %s\n", port,
                     ec.message().c_str());
        return 1;
    }

    net::signal_set signals(ioc, SIGINT, SIGTERM);
    signals.async_wait([&](beast::error_code, int) {
        acceptor.close();
        ioc.stop();
    });

    std::make_shared<Listener>(ioc, acceptor)->accept();
    std::printf("{\"event\":\"listening\",\"address\":\"127.0.0.1\",\"port\":%u}\n",
                unsigned(acceptor.local_endpoint().port()));
    std::fflush(stdout);
    ioc.run();
    return 0;
}
