#pragma once

// Small helpers for tests that use Qt's QWebSocket (an independent client)
// or a bare QTcpSocket against the engine.

#include <QtCore/QDeadlineTimer>
#include <QtNetwork/QTcpSocket>
#include <QtTest/QtTest>
#include <QtWebSockets/QWebSocket>

namespace closecall::test {

using namespace Qt::StringLiterals;

inline QUrl wsUrl(quint16 port, const QString &pathAndQuery = u"/"_s)
{
    return QUrl(u"ws://127.0.0.1:%1%2"_s.arg(port).arg(pathAndQuery));
}

// Opens `ws` and waits until it is connected.
inline bool openClient(QWebSocket &ws, quint16 port, const QString &pathAndQuery = u"/"_s)
{
    QSignalSpy connected(&ws, &QWebSocket::connected);
    ws.open(wsUrl(port, pathAndQuery));
    return connected.wait(5000) || connected.size() > 0;
}

inline bool waitDisconnected(QWebSocket &ws, int timeoutMs = 5000)
{
    return QTest::qWaitFor([&] { return ws.state() == QAbstractSocket::UnconnectedState; },
                           timeoutMs);
}

// Sends a raw upgrade request and returns the whole response (the server
// closes after an error response).
inline QByteArray rawRequest(quint16 port, const QByteArray &request)
{
    QTcpSocket s;
    s.connectToHost(QHostAddress::LocalHost, port);
    if (!s.waitForConnected(5000))
        return {};
    s.write(request);
    QByteArray response;
    QDeadlineTimer deadline(5000);
    while (s.state() == QAbstractSocket::ConnectedState && !deadline.hasExpired()) {
        if (s.waitForReadyRead(int(deadline.remainingTime())))
            response += s.readAll();
    }
    response += s.readAll();
    return response;
}

inline QByteArray upgradeRequest(quint16 port, const QByteArray &version = "13")
{
    return "GET / HTTP/1.1\r\nHost: 127.0.0.1:" + QByteArray::number(port) +
           "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
           "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: " +
           version + "\r\n\r\n";
}

} // namespace closecall::test
