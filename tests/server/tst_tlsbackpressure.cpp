// wss:// back-pressure (docs/architecture.md): a TLS peer that does not read
// what we send stops being read from once OutputHighWater waits for it, as
// a plain ws:// peer does, counting what QSslSocket holds (plaintext and
// encrypted); reading resumes below OutputLowWater, and nothing is lost.
//
// Real TLS over loopback, with a certificate made at test time. The
// transport tests drive a TlsTransport directly so its pause and its
// buffers can be checked at every step; the engine tests check the whole
// path (echo, Pongs) delivers everything in order once the peer reads.

#include "engineharness.h"
#include "testcertificate.h"

#include "protocol/frameparser.h"
#include "protocol/framewriter.h"
#include "protocol/handshake.h"
#include "server/tlstransport.h"

#include <QtCore/QFile>
#include <QtCore/QTemporaryDir>
#include <QtNetwork/QSslSocket>
#include <QtTest/QtTest>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <memory>

using namespace closecall;
using namespace closecall::test;
using namespace Qt::StringLiterals;
using server::OutputHighWater;
using server::OutputLowWater;
using server::TlsTransport;

namespace {

// Bytes nobody could mistake for a shifted copy of themselves.
char patternByte(qint64 i)
{
    return char((i * 131 + (i >> 9) * 7 + (i >> 17)) & 0xff);
}

QByteArray pattern(qint64 from, qsizetype size)
{
    QByteArray out(size, Qt::Uninitialized);
    for (qsizetype i = 0; i < size; ++i)
        out[i] = patternByte(from + i);
    return out;
}

// Echoes every byte read (a copy: the read buffer is shared), and records
// the most output and buffered input the transport ever held.
class EchoOwner final : public server::TransportOwner
{
public:
    void onTransportData(char *data, qsizetype size) override
    {
        received += size;
        QByteArray copy(data, size);
        transport->write(copy);
        maxPending = qMax(maxPending, transport->pendingBytes());
        maxBufferedInput = qMax(maxBufferedInput, transport->bufferedInput());
        if (transport->isReadPaused())
            ++pausesSeen;
    }
    void onTransportEof(bool) override { eof = true; }
    void onTransportError(const QString &message) override { error = message; }
    void onTransportClosed() override { closed = true; }

    TlsTransport *transport = nullptr;
    qint64 received = 0;
    qsizetype maxPending = 0;
    qsizetype maxBufferedInput = 0;
    int pausesSeen = 0;
    bool eof = false;
    bool closed = false;
    QString error;
};

// A loopback listener on a raw descriptor, as the engine's own: accept()
// hands the descriptor to a TlsTransport.
class Listener
{
public:
    Listener()
    {
        m_fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
        sockaddr_in a{};
        a.sin_family = AF_INET;
        a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        if (m_fd < 0 || ::bind(m_fd, reinterpret_cast<sockaddr *>(&a), sizeof a) != 0 ||
            ::listen(m_fd, 4) != 0)
            return;
        socklen_t len = sizeof a;
        ::getsockname(m_fd, reinterpret_cast<sockaddr *>(&a), &len);
        port = ntohs(a.sin_port);
    }
    ~Listener()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    Q_DISABLE_COPY_MOVE(Listener)

    // The next accepted descriptor, waiting (in the event loop) for it.
    int accept()
    {
        int fd = -1;
        (void)QTest::qWaitFor(
            [&] {
                fd = ::accept4(m_fd, nullptr, nullptr, SOCK_CLOEXEC | SOCK_NONBLOCK);
                return fd >= 0;
            },
            10000);
        return fd;
    }

    quint16 port = 0;

private:
    int m_fd = -1;
};

// The most a TCP socket buffers on one side (the third figure of
// /proc/sys/net/ipv4/tcp_rmem or tcp_wmem; autotuning grows up to it).
qint64 kernelBufferMax(const char *path)
{
    QFile f(QString::fromLatin1(path));
    if (f.open(QIODevice::ReadOnly)) {
        const QList<QByteArray> fields = f.readAll().simplified().split(' ');
        bool ok = false;
        const qint64 max = fields.value(2).toLongLong(&ok);
        if (ok && max > 0)
            return max;
    }
    return 64 * 1024 * 1024;
}

// More than every buffer between the two ends can hold (both kernels'
// buffers both ways, the server's high mark, QSslSocket's own buffers):
// a client that has sent this much to a server that never paused proves
// it, and stops, so the test fails instead of growing without end.
qint64 moreThanAllBuffers()
{
    const qint64 kernel = 2 * (kernelBufferMax("/proc/sys/net/ipv4/tcp_rmem") +
                               kernelBufferMax("/proc/sys/net/ipv4/tcp_wmem"));
    return kernel + 2 * OutputHighWater + 16 * 1024 * 1024;
}

// More output than the server's kernel send buffer and its high mark hold
// together: the server must pause on the way.
qint64 moreThanServerOutput()
{
    return OutputHighWater + kernelBufferMax("/proc/sys/net/ipv4/tcp_wmem") + 4 * 1024 * 1024;
}

// How much the client keeps queued on its own side while it feeds.
constexpr qint64 ClientQueue = 1024 * 1024;
constexpr qsizetype Chunk = 256 * 1024;
// The client's read buffer while it "does not read": QSslSocket then stops
// taking bytes off its kernel socket, and TCP pushes back on the server.
constexpr qint64 ClientReadBuffer = 64 * 1024;

} // namespace

class tst_TlsBackPressure : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void transportStopsReadingAPeerThatDoesNotRead();
    void bigWritePausesReadingUntilItDrains();
    void engineEchoArrivesCompleteAfterBackPressure();
    void enginePongsArriveCompleteAfterAPingFlood();

private:
    QTemporaryDir m_dir;
    TestCertificate m_cert;
};

void tst_TlsBackPressure::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_cert = TestCertificate::make(m_dir.path());
    if (m_cert.noOpenssl)
        QSKIP(qPrintable(m_cert.error));
    QVERIFY2(m_cert.error.isEmpty(), qPrintable(m_cert.error));
}

void tst_TlsBackPressure::transportStopsReadingAPeerThatDoesNotRead()
{
    Listener listener;
    QVERIFY(listener.port);
    QSslSocket client;
    client.setSslConfiguration(m_cert.clientConfig());
    client.setReadBufferSize(ClientReadBuffer);
    client.connectToHostEncrypted(u"127.0.0.1"_s, listener.port);
    const int fd = listener.accept();
    QVERIFY(fd >= 0);

    auto storage = std::make_unique<char[]>(256 * 1024);
    const server::ReadBuffer buffer{storage.get(), 256 * 1024};
    EchoOwner owner;
    TlsTransport transport(fd, m_cert.serverConfig(), buffer, owner);
    QVERIFY(transport.isValid());
    owner.transport = &transport;
    QVERIFY(QTest::qWaitFor([&] { return client.isEncrypted() || !owner.error.isEmpty(); }, 10000));
    QVERIFY2(owner.error.isEmpty(), qPrintable(owner.error));
    // A small receive buffer on the client: the server's output backs up
    // sooner (autotuning could let the kernel take tens of MiB first).
    client.setSocketOption(QAbstractSocket::ReceiveBufferSizeSocketOption, ClientReadBuffer);

    // The client writes and never reads; it keeps about ClientQueue of its
    // own output queued, so it stops when the server stops taking bytes.
    qint64 sent = 0;
    bool feeding = true;
    const qint64 cap = moreThanAllBuffers();
    const auto feed = [&] {
        while (feeding && sent < cap &&
               client.bytesToWrite() + client.encryptedBytesToWrite() < ClientQueue) {
            client.write(pattern(sent, Chunk));
            sent += Chunk;
        }
    };
    QObject scope; // ends the connections before the locals they use
    connect(&client, &QSslSocket::encryptedBytesWritten, &scope, feed);
    feed();

    // Without back-pressure the server reads all the client sends and never
    // pauses: the client reaches the cap, which no buffers on the way could
    // hold had the server stopped reading.
    QVERIFY(QTest::qWaitFor([&] { return transport.isReadPaused() || sent >= cap; }, 60000));
    QVERIFY2(transport.isReadPaused(),
             qPrintable(
                 u"%1 bytes read, %2 bytes of output held, and still reading"_s.arg(owner.received)
                     .arg(transport.pendingBytes())));
    feeding = false;
    QVERIFY(owner.received > OutputHighWater);
    // The output held never went past the high mark by more than the echo
    // of one read, and the input QSslSocket holds stays about two read
    // buffers (decrypted + encrypted) whatever the peer sends.
    QVERIFY2(owner.maxPending <= OutputHighWater + buffer.capacity,
             qPrintable(u"%1 bytes of output held"_s.arg(owner.maxPending)));
    QVERIFY2(owner.maxBufferedInput <= 3 * buffer.capacity,
             qPrintable(u"%1 bytes of input held"_s.arg(owner.maxBufferedInput)));
    QVERIFY2(transport.bufferedInput() <= 3 * buffer.capacity,
             qPrintable(u"%1 bytes of input held"_s.arg(transport.bufferedInput())));

    // The client reads now: every byte comes back, in order, and the
    // server resumes reading what the client still had queued.
    QByteArray echoed;
    client.setReadBufferSize(0);
    connect(&client, &QSslSocket::readyRead, &scope, [&] { echoed += client.readAll(); });
    echoed += client.readAll();
    QTRY_COMPARE_WITH_TIMEOUT(echoed.size(), sent, 60000);
    QCOMPARE(owner.received, sent);
    QVERIFY(echoed == pattern(0, sent));
    QVERIFY(!transport.isReadPaused());
    QVERIFY(owner.error.isEmpty());
    QVERIFY(!owner.eof);
}

void tst_TlsBackPressure::bigWritePausesReadingUntilItDrains()
{
    // A big send to a peer that does not read (an operator's 8 MiB) stops
    // reading at once, as it does for ws://; the peer reading resumes it.
    Listener listener;
    QVERIFY(listener.port);
    QSslSocket client;
    client.setSslConfiguration(m_cert.clientConfig());
    client.setReadBufferSize(ClientReadBuffer);
    client.connectToHostEncrypted(u"127.0.0.1"_s, listener.port);
    const int fd = listener.accept();
    QVERIFY(fd >= 0);
    auto storage = std::make_unique<char[]>(256 * 1024);
    const server::ReadBuffer buffer{storage.get(), 256 * 1024};
    EchoOwner owner;
    TlsTransport transport(fd, m_cert.serverConfig(), buffer, owner);
    owner.transport = &transport;
    QVERIFY(QTest::qWaitFor([&] { return client.isEncrypted(); }, 10000));

    const qsizetype big = 2 * OutputHighWater;
    QByteArray out = pattern(0, big);
    transport.write(out);
    QVERIFY(transport.isReadPaused());
    QCOMPARE(transport.pendingBytes(), big); // nothing can be sent inside write()

    // While paused, what the client sends is not read (it is not lost).
    client.write("after the big send");
    QByteArray echoed;
    QObject scope; // ends the connection before `echoed` goes
    client.setReadBufferSize(0);
    connect(&client, &QSslSocket::readyRead, &scope, [&] { echoed += client.readAll(); });
    echoed += client.readAll();
    const QByteArray tail = "after the big send";
    QTRY_COMPARE_WITH_TIMEOUT(echoed.size(), big + tail.size(), 60000);
    QVERIFY(echoed.first(big) == pattern(0, big));
    QCOMPARE(echoed.sliced(big), tail);
    QVERIFY(!transport.isReadPaused());
    QCOMPARE(owner.received, tail.size());
}

namespace {

// A WebSocket client over TLS written for these tests: it upgrades, then
// sends masked frames and, while told not to, reads nothing.
class TlsWsPeer final : private protocol::FrameSink
{
public:
    explicit TlsWsPeer(const QSslConfiguration &config)
    {
        socket.setSslConfiguration(config);
        QObject::connect(&socket, &QSslSocket::readyRead, &socket, [this] {
            if (reading)
                consume();
        });
    }

    bool open(quint16 port)
    {
        socket.connectToHostEncrypted(u"127.0.0.1"_s, port);
        if (!QTest::qWaitFor([&] { return socket.isEncrypted(); }, 10000))
            return false;
        protocol::ClientHandshakeOptions o;
        o.host = u"127.0.0.1:%1"_s.arg(port);
        o.target = u"/"_s;
        protocol::ClientHandshake hs(o);
        socket.write(hs.request());
        const bool done = QTest::qWaitFor(
            [&] {
                if (socket.bytesAvailable())
                    hs.feed(socket.readAll());
                return hs.status() != protocol::HandshakeStatus::NeedMore;
            },
            10000);
        if (!done || hs.status() != protocol::HandshakeStatus::Complete)
            return false;
        QByteArray rest = hs.takeLeftover();
        if (!rest.isEmpty())
            m_parser.feed(rest.data(), rest.size(), *this);
        reading = true;
        consume();
        return true;
    }

    // Reads nothing more: QSslSocket stops taking bytes off the socket, and
    // a small receive buffer makes the server's output back up sooner.
    void stopReading()
    {
        reading = false;
        socket.setReadBufferSize(ClientReadBuffer);
        socket.setSocketOption(QAbstractSocket::ReceiveBufferSizeSocketOption, ClientReadBuffer);
    }
    void startReading()
    {
        reading = true;
        socket.setReadBufferSize(0);
        consume();
    }
    void send(protocol::Opcode op, const QByteArray &payload)
    {
        QByteArray out;
        protocol::framewriter::appendFrame(out, protocol::Role::Client, op, payload, true);
        socket.write(out);
    }
    qint64 queued() const { return socket.bytesToWrite() + socket.encryptedBytesToWrite(); }

    QSslSocket socket;
    bool reading = false; // open() reads the upgrade response itself
    QList<QByteArray> messages;
    QList<QByteArray> pongs;
    QString protocolError;

private:
    void consume()
    {
        QByteArray in = socket.readAll();
        if (!in.isEmpty())
            m_parser.feed(in.data(), in.size(), *this);
    }
    void onMessage(protocol::MessageType, QByteArrayView payload, int) override
    {
        messages.append(payload.toByteArray());
    }
    void onControl(protocol::Opcode opcode, QByteArrayView payload) override
    {
        if (opcode == protocol::Opcode::Pong)
            pongs.append(payload.toByteArray());
    }
    void onProtocolError(quint16, const QString &why) override { protocolError = why; }

    protocol::FrameParser m_parser{protocol::Role::Client};
};

} // namespace

void tst_TlsBackPressure::engineEchoArrivesCompleteAfterBackPressure()
{
    ServerConfig cfg = testConfig();
    cfg.tlsCertFile = m_cert.certFile;
    cfg.tlsKeyFile = m_cert.keyFile;
    cfg.echo = true;
    EngineHarness h(cfg);
    const quint16 port = h.waitListening();
    QVERIFY(port);
    TlsWsPeer peer(m_cert.clientConfig());
    QVERIFY(peer.open(port));
    const quint32 id = h.waitOpen();
    QVERIFY(id);

    // Numbered binary messages, more than the server's send buffer and its
    // high mark hold, sent while the peer reads nothing. The server reads
    // until its output backs up, then stops; the rest waits in the kernel
    // and in the peer's own queue.
    peer.stopReading();
    constexpr qsizetype Size = 64 * 1024;
    const int Count = int(moreThanServerOutput() / Size);
    int next = 0;
    const auto feed = [&] {
        while (next < Count && peer.queued() < ClientQueue)
            peer.send(protocol::Opcode::Binary, pattern(qint64(next++) * Size, Size));
    };
    QObject scope; // ends the connection before the locals it uses
    connect(&peer.socket, &QSslSocket::encryptedBytesWritten, &scope, feed);
    feed();
    // The server has echoed past the high mark (its output is backed up
    // unless the kernel buffers took it all): wait for its events to say so.
    QTRY_VERIFY_WITH_TIMEOUT(h.all(EventType::MessageIn, id).size() * Size > OutputHighWater,
                             60000);

    peer.startReading();
    QTRY_COMPARE_WITH_TIMEOUT(peer.messages.size(), Count, 60000);
    for (int i = 0; i < Count; ++i)
        QVERIFY2(peer.messages.at(i) == pattern(qint64(i) * Size, Size),
                 qPrintable(QString::number(i)));
    QVERIFY2(peer.protocolError.isEmpty(), qPrintable(peer.protocolError));
    // Events come in batches: they may follow the echoes.
    QTRY_COMPARE_WITH_TIMEOUT(h.all(EventType::MessageIn, id).size(), Count, 60000);
    QCOMPARE(h.find(EventType::Closed, id), -1);
}

void tst_TlsBackPressure::enginePongsArriveCompleteAfterAPingFlood()
{
    ServerConfig cfg = testConfig();
    cfg.tlsCertFile = m_cert.certFile;
    cfg.tlsKeyFile = m_cert.keyFile;
    EngineHarness h(cfg);
    const quint16 port = h.waitListening();
    QVERIFY(port);
    TlsWsPeer peer(m_cert.clientConfig());
    QVERIFY(peer.open(port));
    const quint32 id = h.waitOpen();
    QVERIFY(id);

    // Numbered Pings (125 bytes, the most a control frame carries) whose
    // Pongs are not read, for more Pong bytes than the server may hold.
    peer.stopReading();
    constexpr qsizetype Size = 125;
    const int count = int(moreThanServerOutput() / Size);
    const auto payload = [](int i) -> QByteArray {
        QByteArray p = QByteArray::number(i).rightJustified(10, '0');
        return p + pattern(i, Size - p.size());
    };
    int next = 0;
    const auto feed = [&] {
        while (next < count && peer.queued() < ClientQueue)
            peer.send(protocol::Opcode::Ping, payload(next++));
    };
    QObject scope; // ends the connection before the locals it uses
    connect(&peer.socket, &QSslSocket::encryptedBytesWritten, &scope, feed);
    feed();
    QTRY_VERIFY_WITH_TIMEOUT(h.all(EventType::PingIn, id).size() * Size > OutputHighWater, 60000);

    peer.startReading();
    QTRY_COMPARE_WITH_TIMEOUT(peer.pongs.size(), count, 120000);
    for (int i = 0; i < count; ++i)
        QVERIFY2(peer.pongs.at(i) == payload(i), qPrintable(QString::number(i)));
    QVERIFY2(peer.protocolError.isEmpty(), qPrintable(peer.protocolError));
    QTRY_COMPARE_WITH_TIMEOUT(h.all(EventType::PingIn, id).size(), count, 60000);
}

QTEST_MAIN(tst_TlsBackPressure)
#include "tst_tlsbackpressure.moc"
