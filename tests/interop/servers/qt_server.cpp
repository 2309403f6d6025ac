// The Qt QWebSocketServer server of the swapped interop matrix (CloseCall
// as the client); behaves as README.md says (without `late` and `hold_fin`:
// QWebSocket gives no way in before it reads). Usage: interop_qt_server
#include <QtCore/QCoreApplication>
#include <QtCore/QElapsedTimer>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QTimer>
#include <QtCore/QUrlQuery>
#include <QtWebSockets/QWebSocket>
#include <QtWebSockets/QWebSocketServer>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

void emitLine(const QJsonObject &o)
{
    std::fputs(QJsonDocument(o).toJson(QJsonDocument::Compact).constData(), stdout);
    std::fputs("\n", stdout);
    std::fflush(stdout);
}

// One accepted connection, doing what its query string says.
class Session : public QObject
{
public:
    explicit Session(QWebSocket *ws)
        : m_ws(ws)
    {
        m_ws->setParent(this);
        m_clock.start();
        const QUrl url = ws->requestUrl();
        const QUrlQuery query(url);
        m_report = {{u"event"_s, u"closed"_s},
                    {u"server"_s, u"qt-qwebsocketserver"_s},
                    {u"version"_s, QString::fromLatin1(qVersion())},
                    {u"path"_s, url.toString(QUrl::RemoveScheme | QUrl::RemoveAuthority)},
                    {u"late_sent"_s, 0},
                    {u"tcp_closed_first"_s, QJsonValue::Null},
                    {u"close_called_t"_s, QJsonValue::Null}};
        if (query.hasQueryItem(u"close"_s))
            m_closeCode = query.queryItemValue(u"close"_s).toInt();
        m_reason = query.queryItemValue(u"reason"_s, QUrl::FullyDecoded);
        m_after = query.queryItemValue(u"after"_s).toInt();

        connect(&m_timer, &QTimer::timeout, this, [this] {
            if (m_ws->state() != QAbstractSocket::ConnectedState || m_closeCalled)
                return;
            m_ws->sendTextMessage(u"s%1"_s.arg(++m_sent));
        });
        connect(m_ws, &QWebSocket::textMessageReceived, this, [this](const QString &text) {
            m_received.append(QJsonObject{
                {u"t"_s, now()}, {u"data"_s, text}, {u"after_close_called"_s, m_closeCalled}});
            if (m_closeCode >= 0 && !m_closeCalled && m_received.size() >= m_after)
                startClose();
        });
        connect(m_ws, QOverload<QAbstractSocket::SocketError>::of(&QWebSocket::error), this,
                [this](QAbstractSocket::SocketError) { m_errors.append(m_ws->errorString()); });
        connect(m_ws, &QWebSocket::disconnected, this, [this] {
            m_timer.stop();
            m_report[u"sent"_s] = m_sent;
            m_report[u"received"_s] = m_received;
            m_report[u"errors"_s] = m_errors;
            // QWebSocket's closeCode()/closeReason(): what it reports as the
            // close (1000 and no reason when no Close arrived at all).
            m_report[u"close"_s] = QJsonObject{{u"t"_s, now()},
                                               {u"code"_s, int(m_ws->closeCode())},
                                               {u"reason"_s, m_ws->closeReason()},
                                               {u"was_clean"_s, QJsonValue::Null}};
            emitLine(m_report);
            deleteLater();
        });

        m_ws->sendTextMessage(u"hello from qt"_s);
        if (const int every = query.queryItemValue(u"every"_s).toInt(); every > 0) {
            m_timer.setInterval(every);
            m_timer.start();
        }
        if (m_closeCode >= 0 && m_after == 0)
            startClose();
    }

private:
    double now() const { return double(m_clock.nsecsElapsed() / 100000) / 10.0; }
    void startClose()
    {
        m_closeCalled = true;
        m_report[u"close_called_t"_s] = now();
        m_timer.stop();
        m_ws->close(QWebSocketProtocol::CloseCode(m_closeCode), m_reason);
    }

    QWebSocket *m_ws;
    QElapsedTimer m_clock;
    QTimer m_timer;
    QJsonObject m_report;
    QJsonArray m_received;
    QJsonArray m_errors;
    QString m_reason;
    int m_closeCode = -1;
    int m_after = 0;
    int m_sent = 0;
    bool m_closeCalled = false;
};

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (app.arguments().value(1) == u"--version"_s) {
        std::printf("Qt QWebSocketServer %s\n", qVersion());
        return 0;
    }
    QWebSocketServer server(u"interop"_s, QWebSocketServer::NonSecureMode);
    if (!server.listen(QHostAddress::LocalHost, 0)) {
        std::fprintf(stderr, "cannot listen: %s\n", qPrintable(server.errorString()));
        return 1;
    }
    QObject::connect(&server, &QWebSocketServer::newConnection, &server, [&server] {
        while (QWebSocket *ws = server.nextPendingConnection())
            new Session(ws);
    });
    emitLine({{u"event"_s, u"listening"_s},
              {u"port"_s, int(server.serverPort())},
              {u"server"_s, u"qt-qwebsocketserver"_s},
              {u"version"_s, QString::fromLatin1(qVersion())}});
    return app.exec();
}
