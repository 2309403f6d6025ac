// The Qt QWebSocket client of the interop matrix; behaves as README.md says
// and prints its report on stdout. Usage: interop_qt_client URL
#include <QtCore/QCoreApplication>
#include <QtCore/QElapsedTimer>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QTimer>
#include <QtWebSockets/QWebSocket>

#include <cstdio>

using namespace Qt::StringLiterals;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (app.arguments().value(1) == u"--version"_s) {
        std::printf("Qt QWebSocket %s\n", qVersion());
        return 0;
    }
    if (app.arguments().size() != 2) {
        std::fputs("usage: interop_qt_client URL\n", stderr);
        return 2;
    }
    QElapsedTimer clock;
    clock.start();
    const auto now = [&clock] {
        return double(clock.nsecsElapsed() / 100000) / 10.0;
    };

    QJsonObject report{{u"client"_s, u"qt-qwebsocket"_s},
                       {u"version"_s, QString::fromLatin1(qVersion())},
                       {u"url"_s, app.arguments().at(1)}};
    QJsonArray received, events, errors;
    int sent = 0, refused = 0;

    QWebSocket ws;
    QTimer timer;
    timer.setInterval(20);
    QObject::connect(&timer, &QTimer::timeout, &ws, [&] {
        if (ws.state() != QAbstractSocket::ConnectedState) {
            ++refused;
            return;
        }
        ws.sendTextMessage(u"c%1"_s.arg(sent + 1));
        ++sent;
    });
    QObject::connect(&ws, &QWebSocket::connected, &ws, [&] {
        events.append(QJsonObject{{u"t"_s, now()}, {u"what"_s, u"open"_s}});
        timer.start();
    });
    QObject::connect(&ws, &QWebSocket::textMessageReceived, &ws, [&](const QString &text) {
        received.append(QJsonObject{{u"t"_s, now()}, {u"data"_s, text}});
        if (text.startsWith(u"close-now:"_s)) {
            const QStringList parts = text.split(u':');
            const int code = parts.value(1).toInt();
            const QString reason = parts.mid(2).join(u':');
            events.append(QJsonObject{{u"t"_s, now()},
                                      {u"what"_s, u"close_called"_s},
                                      {u"code"_s, code},
                                      {u"reason"_s, reason}});
            ws.close(QWebSocketProtocol::CloseCode(code), reason);
        } else if (text == u"stop-sending"_s) {
            timer.stop();
        }
    });
    QObject::connect(
        &ws, QOverload<QAbstractSocket::SocketError>::of(&QWebSocket::error), &ws,
        [&](QAbstractSocket::SocketError) {
            errors.append(QJsonObject{{u"t"_s, now()}, {u"message"_s, ws.errorString()}});
        });
    QObject::connect(&ws, &QWebSocket::disconnected, &ws, [&] {
        timer.stop();
        report[u"sent"_s] = sent;
        report[u"send_refused"_s] = refused;
        report[u"received"_s] = received;
        report[u"events"_s] = events;
        report[u"errors"_s] = errors;
        // QWebSocket reports 1000 and no reason when no Close arrived at all
        // (its default); the close code is what the library says.
        report[u"close"_s] = QJsonObject{{u"t"_s, now()},
                                         {u"code"_s, int(ws.closeCode())},
                                         {u"reason"_s, ws.closeReason()},
                                         {u"was_clean"_s, QJsonValue::Null}};
        std::fputs(QJsonDocument(report).toJson(QJsonDocument::Compact).constData(), stdout);
        std::fputs("\n", stdout);
        std::fflush(stdout);
        QCoreApplication::quit();
    });
    ws.open(QUrl(app.arguments().at(1)));
    return app.exec();
}
