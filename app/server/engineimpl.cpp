#include "engineimpl.h"

#include "connection.h"
#include "listener.h"
#include "poller.h"
#include "proxypair.h"
#include "sockets.h"
#include "tlstransport.h"

#include <QtCore/QFile>
#include <QtCore/QTimer>
#include <QtNetwork/QSslCertificate>
#include <QtNetwork/QSslKey>
#include <QtNetwork/QSslSocket>

#include <algorithm>
#include <climits>
#include <unistd.h>
#include <utility>

namespace closecall::server {

using namespace protocol;

namespace {
// One read buffer for every connection (docs/architecture.md "Performance
// targets"): large enough that a read
// takes many small frames, or a good slice of a 16 MiB one, per syscall.
constexpr qsizetype ReadBufferSize = 256 * 1024;
// Idle connections give back their buffers' capacity this often.
constexpr int SweepIntervalMs = 1000;
// Ended connections `list` still shows.
constexpr std::size_t HistoryLimit = 1000;
// A hold on reading is reported in the log at most this often (each notice
// says how many more there were), so a reader that keeps falling behind
// does not fill the log it cannot keep up with.
constexpr qint64 HoldNoticeIntervalMs = 60'000;
} // namespace

EngineImpl::EngineImpl(Engine &engine, ServerConfig config)
    : q(engine)
    , m_config(std::move(config))
    , m_backlog(m_config.maxEventBacklogBytes, [this] {
        // On the front end's thread: the engine reads on, on its own.
        QMetaObject::invokeMethod(
            &q, [this] { releaseReading(); }, Qt::QueuedConnection);
    })
{
    m_handshakeConfig.subprotocols = m_config.subprotocols;
    m_handshakeConfig.allowedOrigins = m_config.allowedOrigins;
    m_handshakeConfig.maxHeaderBytes = m_config.maxHeaderBytes;
    m_handshakeConfig.deflate = m_config.deflate;
    m_proxyHoldCloses = m_config.proxy.holdCloses;

    // Timers are children of the Engine and move with it to the engine
    // thread; sockets and notifiers are made there, in start().
    m_publisher = std::make_unique<EventPublisher>(
        [this](const EventBatch &batch) { emit q.eventsReady(batch); }, &q, &m_backlog);
    m_deadlines = std::make_unique<Deadlines>([this] { return m_publisher->nowMs(); },
                                              [this](quint32 id) { onDeadline(id); }, &q);
    m_reapTimer = new QTimer(&q);
    m_reapTimer->setSingleShot(true);
    QObject::connect(m_reapTimer, &QTimer::timeout, &q, [this] { reap(); });
    m_sweepTimer = new QTimer(&q);
    QObject::connect(m_sweepTimer, &QTimer::timeout, &q, [this] { sweep(); });
    m_shutdownTimer = new QTimer(&q);
    m_shutdownTimer->setSingleShot(true);
    m_shutdownTimer->setTimerType(Qt::PreciseTimer);
}

EngineImpl::~EngineImpl()
{
    // Connections before the poller and deadlines they use.
    const QList<Connection *> live = m_conns.values();
    m_conns.clear();
    qDeleteAll(live);
    reap();
    delete m_listener;
}

ServerConfig EngineImpl::configCopy() const
{
    QMutexLocker lock(&m_configMutex);
    return m_config;
}

// ---- start ------------------------------------------------------------------

void EngineImpl::failStart(const QString &message)
{
    m_publisher->publish(Event(events::Error{message}));
    m_publisher->flush(); // the error arrives before startFailed()
    emit q.startFailed(message);
}

bool EngineImpl::loadTls(QString *error)
{
    if (m_config.tlsCertFile.isEmpty() || m_config.tlsKeyFile.isEmpty()) {
        *error = tr("TLS needs both a certificate (--tls-cert) and a key (--tls-key)");
        return false;
    }
    if (!QSslSocket::supportsSsl()) {
        *error = tr("TLS is not available: Qt found no TLS backend (OpenSSL)");
        return false;
    }
    QFile certFile(m_config.tlsCertFile);
    if (!certFile.open(QIODevice::ReadOnly)) {
        *error = tr("cannot read the TLS certificate %1: %2")
                     .arg(m_config.tlsCertFile, certFile.errorString());
        return false;
    }
    const QList<QSslCertificate> chain = QSslCertificate::fromData(certFile.readAll(), QSsl::Pem);
    if (chain.isEmpty() || chain.first().isNull()) {
        *error = tr("%1 holds no PEM certificate").arg(m_config.tlsCertFile);
        return false;
    }
    QFile keyFile(m_config.tlsKeyFile);
    if (!keyFile.open(QIODevice::ReadOnly)) {
        *error =
            tr("cannot read the TLS key %1: %2").arg(m_config.tlsKeyFile, keyFile.errorString());
        return false;
    }
    const QByteArray keyPem = keyFile.readAll();
    QSslKey key;
    for (QSsl::KeyAlgorithm algorithm : {QSsl::Rsa, QSsl::Ec, QSsl::Dsa}) {
        key = QSslKey(keyPem, algorithm, QSsl::Pem, QSsl::PrivateKey);
        if (!key.isNull())
            break;
    }
    if (key.isNull()) {
        *error = tr("%1 holds no PEM private key (RSA, EC or DSA, without a passphrase)")
                     .arg(m_config.tlsKeyFile);
        return false;
    }
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setLocalCertificateChain(chain);
    tls.setPrivateKey(key);
    tls.setPeerVerifyMode(QSslSocket::VerifyNone); // clients are not asked for certificates
    tls.setProtocol(QSsl::TlsV1_2OrLater);
    m_tls = tls;
    return true;
}

void EngineImpl::start()
{
    if (m_started)
        return;
    m_started = true;
    m_publisher->startClock();

    m_readStorage = std::make_unique<char[]>(ReadBufferSize);
    m_readBuffer = {m_readStorage.get(), ReadBufferSize};
    m_poller = std::make_unique<Poller>(
        [this](quint64 key, quint32 events) { onPollEvent(key, events); }, &q);
    if (!m_poller->isValid()) {
        failStart(
            tr("cannot create the epoll set: %1").arg(QString::fromLocal8Bit(strerror(errno))));
        return;
    }
    if (m_config.useTls()) {
        QString error;
        if (!loadTls(&error)) {
            failStart(error);
            return;
        }
    }

    if (!m_config.listen) {
        // Outgoing connections only (`closecall peer`): no port, no
        // `listening`; connectTo() works as soon as the poller exists.
        m_sweepTimer->start(SweepIntervalMs);
        return;
    }
    m_listener =
        new Listener([this](int fd, const sockets::PeerAddress &peer) { accept(fd, peer); },
                     [this](const QString &message) { postError(message); }, *m_poller, &q);
    if (!m_listener->start(m_config.address, m_config.port)) {
        const QString address = m_config.address.toString();
        const QString message =
            m_listener->serverError() == QAbstractSocket::AddressInUseError
                ? tr("port %1 on %2 is already in use").arg(m_config.port).arg(address)
                : tr("cannot listen on %1 port %2: %3")
                      .arg(address)
                      .arg(m_config.port)
                      .arg(m_listener->errorString());
        delete m_listener;
        m_listener = nullptr;
        failStart(message);
        return;
    }
    m_publisher->publish(Event(events::Listening{m_config.address.toString(),
                                                 m_listener->serverPort(), m_tls.has_value()}));
    m_sweepTimer->start(SweepIntervalMs);
}

// ---- connections ---------------------------------------------------------------

void EngineImpl::accept(int fd, const sockets::PeerAddress &peer)
{
    if (m_stopping) {
        ::close(fd);
        return;
    }
    sockets::setNoDelay(fd);
    const quint32 id = m_nextId++;
    auto *conn = new Connection(*this, id, peer);
    std::unique_ptr<Transport> transport;
    bool valid = false;
    if (m_tls) {
        auto tls = std::make_unique<TlsTransport>(fd, *m_tls, m_readBuffer, *conn);
        valid = tls->isValid();
        transport = std::move(tls);
    } else {
        auto plain = std::make_unique<PlainTransport>(fd, id, *m_poller, m_readBuffer, *conn);
        valid = plain->isValid();
        transport = std::move(plain);
    }
    if (!valid) {
        delete conn;
        postError(tr("could not set up the socket of an accepted connection"));
        return;
    }
    m_conns.insert(id, conn);
    if (m_config.proxy.isOn())
        attachProxyPair(*conn);
    conn->start(std::move(transport), !m_tls);
}

void EngineImpl::onPollEvent(quint64 key, quint32 events)
{
    if (key == Listener::PollKey) {
        if (m_listener && mayRead(0))
            m_listener->onReadable();
        return;
    }
    if (Connection *conn = m_conns.value(quint32(key)))
        conn->onPollEvents(events);
}

void EngineImpl::onDeadline(quint32 id)
{
    if (Connection *conn = m_conns.value(id))
        conn->onDeadline();
}

void EngineImpl::connectionEnded()
{
    --m_openCount;
    if (m_stopping)
        finishShutdownIfDone();
}

void EngineImpl::connectionGone(Connection *conn)
{
    m_conns.remove(conn->id());
    if (conn->info().openedWallUs != 0) {
        m_history.push_back(conn->info());
        if (m_history.size() > HistoryLimit)
            m_history.pop_front();
    }
    if (conn->leg() != Leg::None)
        proxyLegGone(*conn);
    // Never deleted inside its own call stack: on the next turn.
    m_graveyard.push_back(conn);
    if (!m_reapTimer->isActive())
        m_reapTimer->start(0);
    if (m_stopping)
        finishShutdownIfDone();
}

void EngineImpl::reap()
{
    std::vector<Connection *> dead;
    dead.swap(m_graveyard);
    qDeleteAll(dead);
    m_deadPairs.clear();
}

void EngineImpl::sweep()
{
    for (Connection *conn : std::as_const(m_conns))
        conn->sweep();
}

// ---- holding reading while the event backlog is written ---------------------------

bool EngineImpl::mayRead(quint32 id)
{
    if (!m_readingHeld) {
        if (!m_backlog.isOverLimit())
            return true;
        holdReading();
        if (!m_readingHeld)
            return true;
    }
    m_heldConns.push_back(id);
    if (id == 0 && m_listener)
        m_listener->holdAccepting();
    return false;
}

void EngineImpl::holdReading()
{
    if (!m_backlog.waitForLowWater())
        return; // written already meanwhile
    m_readingHeld = true;
    ++m_holdsUnreported;
    const qint64 nowMs = m_publisher->nowMs();
    if (m_lastNoticeMs >= 0 && nowMs - m_lastNoticeMs < HoldNoticeIntervalMs)
        return;
    // One line in the log (docs/headless.md "When the reader falls behind"):
    // the reader learns why the peers went quiet, without an event per hold.
    const qint64 limitKiB = m_backlog.limit() / 1024;
    QString message = tr("the events are written more slowly than they come (%1 KiB of them "
                         "wait for stdout, the log file or the window): reading from every "
                         "peer and accepting connections pause until fewer than %2 KiB wait")
                          .arg(limitKiB)
                          .arg(m_backlog.lowWater() / 1024);
    if (m_lastNoticeMs >= 0)
        message += tr("; %n pause(s) since the last such notice", nullptr,
                      int(qMin<quint64>(m_holdsUnreported, INT_MAX)));
    m_lastNoticeMs = nowMs;
    m_holdsUnreported = 0;
    m_publisher->publish(Event(events::Error{message}));
}

void EngineImpl::releaseReading()
{
    if (!m_readingHeld)
        return;
    m_readingHeld = false;
    const std::vector<quint32> held = std::exchange(m_heldConns, {});
    for (quint32 id : held) {
        if (id == 0) {
            if (m_listener)
                m_listener->releaseAccepting();
        } else if (Connection *conn = m_conns.value(id)) {
            conn->resumeReading();
        }
    }
}

// ---- shutdown -----------------------------------------------------------------------

void EngineImpl::shutdown(CloseCode code, const QString &reason, int timeoutMs,
                          const QByteArray &resultId, bool answer)
{
    if (m_stopping || m_stopped) {
        if (answer)
            publishResult(resultId, false, tr("the server is already stopping"));
        return;
    }
    // A quit with a code that may not be sent changes nothing (docs/headless.md).
    if (const Refused why = checkOutgoingClose(code, reason)) {
        publishResult(resultId, false, RefusalText::sentence(why));
        return;
    }
    m_stopping = true;
    m_shutdownAnswer = answer;
    m_shutdownResultId = resultId;
    // No new connections while the old ones close.
    if (m_listener)
        m_listener->stop();
    dropPendingConnects(tr("the server is shutting down"));

    QList<quint32> ids = m_conns.keys();
    std::sort(ids.begin(), ids.end());
    const int waitMs = timeoutMs < 0 ? m_config.closeTimeoutMs : timeoutMs;
    for (quint32 id : std::as_const(ids)) {
        Connection *conn = m_conns.value(id);
        if (!conn)
            continue;
        if (conn->isConnecting())
            conn->refuseUpgrade(tr("the server is shutting down"));
        else if (conn->isLive() && conn->state() != State::CloseSent)
            (void)conn->close(code, reason, CloseMode::Shutdown, waitMs + 1000);
    }
    QObject::connect(m_shutdownTimer, &QTimer::timeout, &q, [this] {
        // Whoever has not answered by now is aborted.
        QList<quint32> left = m_conns.keys();
        std::sort(left.begin(), left.end());
        for (quint32 id : std::as_const(left)) {
            if (Connection *conn = m_conns.value(id); conn && conn->isLive())
                (void)conn->abort(HowEnded::Timeout);
        }
        finishShutdown();
    });
    m_shutdownTimer->start(qMax(waitMs, 0));
    finishShutdownIfDone();
}

void EngineImpl::finishShutdownIfDone()
{
    if (!m_stopping || m_stopped)
        return;
    for (Connection *conn : std::as_const(m_conns)) {
        if (conn->isLive() || conn->isConnecting())
            return;
    }
    // Called from inside a connection's call stack: finish on the next turn.
    QTimer::singleShot(0, &q, [this] { finishShutdown(); });
}

void EngineImpl::finishShutdown()
{
    if (m_stopped)
        return;
    m_stopped = true;
    m_shutdownTimer->stop();
    m_sweepTimer->stop();
    // Connections that ended and are only waiting for the peer's FIN.
    const QList<Connection *> left = m_conns.values();
    for (Connection *conn : left)
        conn->closeTransportNow();
    if (m_listener) {
        delete m_listener;
        m_listener = nullptr;
    }
    if (m_shutdownAnswer)
        publishResult(m_shutdownResultId, true);
    m_publisher->flush();
    emit q.stopped();
}

} // namespace closecall::server
