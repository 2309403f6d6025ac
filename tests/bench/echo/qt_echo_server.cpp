// Baseline for the echo benchmark: Qt's own QWebSocketServer, single-threaded,
// used the way its documentation's echo server example uses it. Echoes text as
// text and binary as binary; messages up to 64 MiB.
//
//   qt_echo_server PORT        listens on 127.0.0.1:PORT (0 = any free port)
//
// Prints {"event":"listening","address":"127.0.0.1","port":N} once listening;
// exits 0 on SIGTERM or SIGINT.

#include <QtCore/QCoreApplication>
#include <QtCore/QSocketNotifier>
#include <QtNetwork/QHostAddress>
#include <QtWebSockets/QWebSocket>
#include <QtWebSockets/QWebSocketServer>

#include <signal.h>
#include <sys/signalfd.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>

using namespace Qt::StringLiterals;

namespace {
constexpr qint64 kMaxMessage = 64 * 1024 * 1024; // the loads go up to 16 MiB
}

int main(int argc, char **argv)
{
    // Block the stop signals before Qt starts any thread, and read them from a
    // signalfd in the event loop: no work in a signal handler.
    sigset_t mask;
    sigemptyset(&mask);
    sigaddset(&mask, SIGTERM);
    sigaddset(&mask, SIGINT);
    sigprocmask(SIG_BLOCK, &mask, nullptr);
    const int sigfd = signalfd(-1, &mask, SFD_NONBLOCK | SFD_CLOEXEC);

    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    bool okPort = args.size() == 2;
    const uint port = okPort ? args.at(1).toUInt(&okPort) : 0;
    if (!okPort || port > 65535 || sigfd < 0) {
        std::fprintf(stderr, "usage: qt_echo_server PORT   (0 = any free port)\n");
        return 2;
    }

    QSocketNotifier stop(sigfd, QSocketNotifier::Read);
    QObject::connect(&stop, &QSocketNotifier::activated, &app, [sigfd] {
        signalfd_siginfo si{};
        while (::read(sigfd, &si, sizeof si) == ssize_t(sizeof si)) {
        }
        QCoreApplication::quit();
    });

    QWebSocketServer server(u"qt_echo_server"_s, QWebSocketServer::NonSecureMode);
    if (!server.listen(QHostAddress::LocalHost, quint16(port))) {
        std::fprintf(stderr, "qt_echo_server: cannot listen on 127.0.0.1:%u: %s\n", port,
                     qPrintable(server.errorString()));
        return 1;
    }
    QObject::connect(&server, &QWebSocketServer::newConnection, &server, [&server] {
        // Bounded by the pending queue (maxPendingConnections, 30 by default).
        while (QWebSocket *ws = server.nextPendingConnection()) {
            ws->setMaxAllowedIncomingMessageSize(kMaxMessage);
            ws->setMaxAllowedIncomingFrameSize(kMaxMessage);
            QObject::connect(ws, &QWebSocket::textMessageReceived, ws,
                             [ws](const QString &m) { ws->sendTextMessage(m); });
            QObject::connect(ws, &QWebSocket::binaryMessageReceived, ws,
                             [ws](const QByteArray &m) { ws->sendBinaryMessage(m); });
            QObject::connect(ws, &QWebSocket::disconnected, ws, &QObject::deleteLater);
        }
    });

    std::printf("{\"event\":\"listening\",\"address\":\"127.0.0.1\",\"port\":%u}\n",
                unsigned(server.serverPort()));
    std::fflush(stdout);
    const int rc = app.exec();
    server.close();
    return rc;
}
