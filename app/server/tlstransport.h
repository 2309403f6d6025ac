#pragma once

#include "plaintransport.h" // ReadBuffer
#include "transport.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QStringList>

#include <memory>
#include <optional>

class QSslConfiguration;
class QSslError;
class QSslSocket;

namespace closecall::server {

// wss:// in the client role (an outgoing connection): whom we expect.
struct TlsClient
{
    // The URL's host: sent as SNI (not for an address, RFC 6066 §3) and the
    // name the server's certificate must carry.
    QString host;
    // Accept a certificate that fails verification (self-signed, another
    // name); certificateErrors() then says what was accepted.
    bool insecure = false;
};

// TLS (wss://) through QSslSocket on a connected descriptor: an accepted
// one (server role), or one a Connector made (client role, `client` set).
// The TLS handshake is part of the connection's Connecting phase, so the
// handshake timeout and the connection id cover it (QSslServer in Qt 6.4
// hides a socket until its TLS handshake is done and has no timeout for it).
// Output written before the handshake is done (the client's upgrade
// request) waits in QSslSocket until it is.
class TlsTransport final : public Transport
{
    Q_DECLARE_TR_FUNCTIONS(TlsTransport)

public:
    TlsTransport(int fd, const QSslConfiguration &config, const ReadBuffer &buffer,
                 TransportOwner &owner, std::optional<TlsClient> client = std::nullopt);
    ~TlsTransport() override;
    Q_DISABLE_COPY_MOVE(TlsTransport)

    bool isValid() const { return m_socket != nullptr; }
    // The TLS handshake finished (and, in the client role, the certificate
    // was verified or accepted as insecure).
    bool isEncrypted() const { return m_encrypted; }
    // Client role: why the server's certificate failed verification, in
    // plain words ("the certificate is self-signed"), one entry each; with
    // `insecure` these were accepted. Empty when it verified.
    const QStringList &certificateErrors() const { return m_certificateErrors; }
    // Back-pressure: reading stopped because too much output waits
    // (OutputHighWater in transport.h).
    bool isReadPaused() const { return m_readPaused; }
    // Decrypted and encrypted input QSslSocket holds that we did not read
    // yet: bounded by the read buffer's capacity, for the tests to check.
    qsizetype bufferedInput() const;

    void write(QByteArray &data) override;
    qsizetype pendingBytes() const override;
    void closeAfterFlush() override;
    void closeNow() override;
    void reset() override;
    qsizetype unreadInputBytes() const override;
    bool peerHasClosed() const override;
    bool isClosed() const override { return m_closed; }
    void releaseMemory() override {}
    void resumeReading() override;

private:
    // The verification failures in plain words, in a fixed order, without
    // repeats.
    static QStringList describe(const QList<QSslError> &errors, const QString &host);
    void onErrorOccurred(int error);
    void readAvailable();
    // Sets or clears m_readPaused from the output waiting now.
    void updateReadPause();
    // Some output reached the TLS layer or the kernel: maybe resume reading.
    void onOutputDrained();
    void onDisconnected();
    void detach();

    QSslSocket *m_socket = nullptr;
    const ReadBuffer &m_buffer;
    TransportOwner &m_owner;
    std::optional<TlsClient> m_client;
    QStringList m_certificateErrors;
    bool m_encrypted = false;
    bool m_closing = false;
    bool m_closed = false;
    bool m_readPaused = false;
    bool m_reading = false;  // inside readAvailable's loop
    bool m_readHeld = false; // the owner said mayRead() no
    std::shared_ptr<bool> m_alive = std::make_shared<bool>(true);
};

} // namespace closecall::server
