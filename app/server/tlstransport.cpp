#include "tlstransport.h"

#include "sockets.h"

#include <QtNetwork/QSslCertificate>
#include <QtNetwork/QSslConfiguration>
#include <QtNetwork/QSslError>
#include <QtNetwork/QSslSocket>

#include <algorithm>

#include <unistd.h>

namespace closecall::server {

TlsTransport::TlsTransport(int fd, const QSslConfiguration &config, const ReadBuffer &buffer,
                           TransportOwner &owner, std::optional<TlsClient> client)
    : m_buffer(buffer)
    , m_owner(owner)
    , m_client(std::move(client))
{
    auto *socket = new QSslSocket;
    socket->setSslConfiguration(config);
    if (!socket->setSocketDescriptor(fd)) {
        delete socket;
        ::close(fd);
        m_closed = true;
        return;
    }
    m_socket = socket;
    // Back-pressure needs QSslSocket to stop pulling bytes off the kernel
    // socket while we do not read: with a read buffer size it decrypts only
    // while its buffer has room, and its inner TCP socket (given the same
    // size) stops reading the descriptor when its own buffer is full. So
    // at most about two buffers' worth is held; the rest waits in the
    // kernel, and TCP's window tells the peer to stop.
    socket->setReadBufferSize(buffer.capacity);
    QObject::connect(socket, &QSslSocket::encrypted, socket, [this] {
        m_encrypted = true;
        readAvailable(); // application data may have come with the last handshake record
    });
    QObject::connect(socket, &QSslSocket::readyRead, socket, [this] { readAvailable(); });
    QObject::connect(socket, &QSslSocket::disconnected, socket, [this] { onDisconnected(); });
    // Plaintext taken into TLS records, and records taken by the kernel.
    QObject::connect(socket, &QSslSocket::bytesWritten, socket, [this] { onOutputDrained(); });
    QObject::connect(socket, &QSslSocket::encryptedBytesWritten, socket,
                     [this] { onOutputDrained(); });
    QObject::connect(socket, &QSslSocket::errorOccurred, socket,
                     [this](QAbstractSocket::SocketError error) { onErrorOccurred(int(error)); });
    if (!m_client) {
        socket->startServerEncryption();
        return;
    }
    // The certificate is checked against the configuration's CAs (the
    // system's) and the URL's host; QSslSocket reports what failed here,
    // before it gives up, and goes on only when we ignore it (insecure).
    QObject::connect(socket, &QSslSocket::sslErrors, socket,
                     [this](const QList<QSslError> &errors) {
                         m_certificateErrors = describe(errors, m_client->host);
                         if (m_client->insecure && m_socket)
                             m_socket->ignoreSslErrors();
                     });
    socket->setPeerVerifyName(m_client->host); // also the SNI name
    socket->startClientEncryption();
}

void TlsTransport::onErrorOccurred(int error)
{
    if (m_closed || m_closing)
        return;
    if (!m_encrypted) {
        QString why;
        if (m_client && !m_certificateErrors.isEmpty() && !m_client->insecure)
            why = tr("TLS handshake failed: %1; connect with insecure to accept it")
                      .arg(m_certificateErrors.join(u"; "));
        else if (m_client && error == QAbstractSocket::RemoteHostClosedError)
            why = tr("the server closed the connection during the TLS handshake");
        else if (m_client && m_socket->errorString().contains(u"wrong version number"))
            // OpenSSL's words for a first record that is not TLS at all,
            // typically an HTTP answer from a plain server.
            why = tr("TLS handshake failed: the server's answer is not TLS; is it a ws:// "
                     "server? (%1)")
                      .arg(m_socket->errorString());
        else // a plain ws:// client on the wss:// port lands here
            why = tr("TLS handshake failed: %1").arg(m_socket->errorString());
        detach();
        m_owner.onTransportError(why);
        return;
    }
    if (error != QAbstractSocket::RemoteHostClosedError) {
        detach();
        m_owner.onTransportEof(true);
    }
    // RemoteHostClosedError: disconnected() follows.
}

QStringList TlsTransport::describe(const QList<QSslError> &errors, const QString &host)
{
    // In a fixed order (QSslError's), whatever order the checks ran in.
    QList<QSslError> sorted = errors;
    std::stable_sort(sorted.begin(), sorted.end(),
                     [](const QSslError &a, const QSslError &b) { return a.error() < b.error(); });
    QStringList out;
    for (const QSslError &e : std::as_const(sorted)) {
        const QSslCertificate cert = e.certificate();
        QString text;
        switch (e.error()) {
        case QSslError::SelfSignedCertificate:
            text = tr("the certificate is self-signed");
            break;
        case QSslError::SelfSignedCertificateInChain:
            text = tr("the certificate's chain ends in a self-signed certificate this system "
                      "does not trust");
            break;
        case QSslError::HostNameMismatch: {
            // Every name the certificate carries, so the user sees which
            // URL would have matched.
            QStringList names = cert.subjectInfo(QSslCertificate::CommonName);
            const auto alternatives = cert.subjectAlternativeNames();
            for (auto it = alternatives.cbegin(); it != alternatives.cend(); ++it) {
                if (!names.contains(it.value()))
                    names.append(it.value());
            }
            text = names.isEmpty()
                       ? tr("the certificate names no host, and %1 was asked for").arg(host)
                       : tr("the certificate is for %1, not %2").arg(names.join(u", "), host);
            break;
        }
        case QSslError::CertificateExpired:
            text = tr("the certificate expired on %1")
                       .arg(cert.expiryDate().toUTC().toString(Qt::ISODate));
            break;
        case QSslError::CertificateNotYetValid:
            text = tr("the certificate is not valid before %1")
                       .arg(cert.effectiveDate().toUTC().toString(Qt::ISODate));
            break;
        case QSslError::UnableToGetLocalIssuerCertificate:
        case QSslError::UnableToGetIssuerCertificate:
        case QSslError::UnableToVerifyFirstCertificate:
        case QSslError::CertificateUntrusted:
            text = tr("the certificate is not signed by a certificate authority this system "
                      "trusts");
            break;
        case QSslError::CertificateRevoked:
            text = tr("the certificate is revoked");
            break;
        case QSslError::NoPeerCertificate:
            text = tr("the server sent no certificate");
            break;
        default: {
            // Qt's own sentence, as a clause.
            text = e.errorString();
            if (!text.isEmpty())
                text[0] = text[0].toLower();
            break;
        }
        }
        if (!out.contains(text))
            out.append(text);
    }
    return out;
}

TlsTransport::~TlsTransport()
{
    // Never inside one of the socket's signals (connections are deleted on
    // a later turn, or with the engine when its thread has no event loop
    // left to run a deleteLater): delete it now.
    if (m_socket) {
        m_socket->disconnect(); // no callbacks into a transport being destroyed
        delete m_socket;
    }
}

void TlsTransport::detach()
{
    if (!m_socket)
        return;
    QSslSocket *socket = m_socket;
    m_socket = nullptr;
    m_closed = true;
    socket->disconnect(); // no more callbacks into this (dying) transport
    if (socket->state() != QAbstractSocket::UnconnectedState)
        socket->abort();
    // Possibly inside one of its own signals: let Qt delete it later.
    socket->deleteLater();
}

void TlsTransport::readAvailable()
{
    if (m_reading)
        return;
    m_reading = true;
    // Two things stop reading: our output to this peer backed up (m_readPaused,
    // updateReadPause) and the event reader falling behind (m_readHeld, the
    // owner's mayRead()). QSslSocket's read buffer stays bounded (set at
    // construction), so not reading stops it pulling off the kernel socket.
    while (m_socket && !m_closing && m_encrypted && !m_readPaused && !m_readHeld) {
        if (!m_owner.mayRead()) {
            m_readHeld = true;
            break;
        }
        const qint64 n = m_socket->read(m_buffer.data, m_buffer.capacity);
        if (n <= 0)
            break;
        m_owner.onTransportData(m_buffer.data, n);
        // The owner answered (echoes, Pongs): stop here if that backed up.
        const bool wasPaused = m_readPaused;
        updateReadPause();
        if (wasPaused && !m_readPaused && m_socket)
            m_owner.onOutputDrained();
    }
    m_reading = false;
}

void TlsTransport::updateReadPause()
{
    const qsizetype pending = pendingBytes();
    if (!m_readPaused && pending > OutputHighWater)
        m_readPaused = true;
    else if (m_readPaused && pending < OutputLowWater)
        m_readPaused = false;
}

void TlsTransport::onOutputDrained()
{
    // Inside readAvailable's loop the pause is checked after each read.
    if (!m_readPaused || m_reading)
        return;
    updateReadPause();
    // What QSslSocket buffered before we paused raises no new readyRead:
    // read it now (reading also lets it pull more off the kernel socket).
    if (!m_readPaused) {
        readAvailable();
        if (m_socket)
            m_owner.onOutputDrained();
    }
}

qsizetype TlsTransport::bufferedInput() const
{
    return m_socket ? m_socket->bytesAvailable() + m_socket->encryptedBytesAvailable() : 0;
}

void TlsTransport::resumeReading()
{
    if (!m_readHeld)
        return;
    m_readHeld = false;
    if (!m_socket)
        return;
    // What QSslSocket holds already brings no new readyRead: read it on
    // the next turn (the owner is never re-entered from its own call).
    QMetaObject::invokeMethod(
        m_socket,
        [this, alive = std::weak_ptr<bool>(m_alive)] {
            if (!alive.expired())
                readAvailable();
        },
        Qt::QueuedConnection);
}

void TlsTransport::onDisconnected()
{
    if (m_closed)
        return;
    const bool closing = m_closing;
    detach();
    if (closing)
        m_owner.onTransportClosed();
    else if (!m_encrypted)
        m_owner.onTransportError(
            m_client ? tr("the server closed the connection during the TLS handshake")
                     : tr("the client closed the connection during the TLS handshake"));
    else
        m_owner.onTransportEof(false);
}

void TlsTransport::write(QByteArray &data)
{
    if (m_socket && !m_closing && !data.isEmpty()) {
        m_socket->write(data);
        updateReadPause(); // a big send to a peer that does not read stops reading too
    }
    data.resize(0);
}

qsizetype TlsTransport::pendingBytes() const
{
    // Plaintext not yet in TLS records, and records the kernel did not take.
    return m_socket ? m_socket->bytesToWrite() + m_socket->encryptedBytesToWrite() : 0;
}

void TlsTransport::closeAfterFlush()
{
    if (!m_socket || m_closing)
        return;
    m_closing = true;
    // Closing reads on until the peer's close (nothing is handed on; the
    // close timeout bounds it).
    if (m_readHeld || m_readPaused)
        m_socket->setReadBufferSize(0);
    // QSslSocket flushes, then closes; disconnected() may be emitted from
    // inside this call, so it is queued to keep the owner un-re-entered.
    QSslSocket *socket = m_socket;
    socket->disconnect(socket, &QSslSocket::disconnected, nullptr, nullptr);
    // The queued call may outlive this transport: it checks a token first.
    QObject::connect(
        socket, &QSslSocket::disconnected, socket,
        [this, alive = std::weak_ptr<bool>(m_alive)] {
            if (!alive.expired())
                onDisconnected();
        },
        Qt::QueuedConnection);
    if (!m_encrypted) {
        // The TLS handshake never finished (a silent client, a handshake
        // timeout): nothing written can reach the peer, and QSslSocket would
        // hold the close itself until encryption, so the client saw it only
        // when the linger deadline aborted the socket, ~2 s after the
        // configured handshake timeout. Close now: on time.
        socket->abort();
        return;
    }
    socket->disconnectFromHost();
}

void TlsTransport::closeNow()
{
    detach();
}

void TlsTransport::reset()
{
    if (m_socket)
        sockets::setAbortiveClose(int(m_socket->socketDescriptor()));
    detach();
}

qsizetype TlsTransport::unreadInputBytes() const
{
    // Decrypted and not read by us yet. Encrypted bytes (in the kernel or
    // QSslSocket's own buffer) cannot be mapped to frames: TLS records
    // neither match frames nor have a known overhead, and a partial record
    // cannot be decrypted. readAvailable() drains on every readyRead, so
    // this is 0 between reads: on wss:// `crossed` is practically never set.
    return m_socket ? qsizetype(m_socket->bytesAvailable()) : 0;
}

bool TlsTransport::peerHasClosed() const
{
    return !m_socket || sockets::peerHasClosed(int(m_socket->socketDescriptor()));
}

} // namespace closecall::server
