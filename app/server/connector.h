#pragma once

#include <QtCore/QCoreApplication>
#include <QtCore/QElapsedTimer>
#include <QtCore/QObject>
#include <QtCore/QString>
#include <QtNetwork/QHostAddress>

#include <functional>

class QHostInfo;
class QSocketNotifier;
class QTimer;

namespace closecall::server {

// Opens the TCP connection under an outgoing WebSocket connection, on the
// engine thread without ever blocking it: a host name is resolved by
// QHostInfo (its lookups run in Qt's own thread pool, so neither the GUI
// nor the engine thread waits on DNS), then each address is tried in turn
// with a non-blocking connect() watched by a notifier. Reports once, from
// the event loop: a connected non-blocking descriptor (the receiver owns
// it) and the address it reached, or -1 and a sentence saying what failed.
class Connector final : public QObject
{
    Q_OBJECT

public:
    using Done = std::function<void(int fd, const QHostAddress &address, const QString &error)>;

    // `timeoutMs` bounds the whole attempt (resolution and every address).
    Connector(QString host, quint16 port, int timeoutMs, Done done, QObject *parent = nullptr);
    ~Connector() override; // an unfinished attempt's socket is closed, nothing reported
    Q_DISABLE_COPY_MOVE(Connector)

    // Starts; the result comes later, never from inside this call.
    void start();
    // Since start(): what the TCP connect took of the timeout, which goes
    // on to cover TLS and the upgrade.
    qint64 elapsedMs() const { return m_clock.isValid() ? m_clock.elapsed() : 0; }
    // The attempt ended because its time ran out (proxy mode answers 504).
    bool timedOut() const { return m_timedOut; }

private:
    void onResolved(const QHostInfo &info);
    void tryNext();
    void onWritable();
    void closeSocket();
    void finish(int fd, const QString &error);

    QString m_host;
    quint16 m_port;
    int m_timeoutMs;
    Done m_done;
    QList<QHostAddress> m_addresses;
    qsizetype m_next = 0;
    QStringList m_failures; // "address: why", one per address tried
    int m_fd = -1;
    QSocketNotifier *m_notifier = nullptr;
    QTimer *m_timer = nullptr;
    QElapsedTimer m_clock;
    int m_lookupId = -1;
    bool m_finished = false;
    bool m_timedOut = false;
};

} // namespace closecall::server
