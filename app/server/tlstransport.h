#pragma once

#include "plaintransport.h" // ReadBuffer
#include "transport.h"

#include <memory>

class QSslConfiguration;
class QSslSocket;

namespace closecall::server {

// TLS (wss://) through QSslSocket on an accepted descriptor. The TLS
// handshake is part of the connection's Connecting phase, so the handshake
// timeout and the connection id cover it (QSslServer in Qt 6.4 hides a
// socket until its TLS handshake is done and has no timeout for it).
class TlsTransport final : public Transport
{
public:
    TlsTransport(int fd, const QSslConfiguration &config, const ReadBuffer &buffer,
                 TransportOwner &owner);
    ~TlsTransport() override;
    Q_DISABLE_COPY_MOVE(TlsTransport)

    bool isValid() const { return m_socket != nullptr; }

    void write(QByteArray &data) override;
    qsizetype pendingBytes() const override;
    void closeAfterFlush() override;
    void closeNow() override;
    void reset() override;
    bool peerHasClosed() const override;
    bool isClosed() const override { return m_closed; }
    void releaseMemory() override {}
    void resumeReading() override;

private:
    void readAvailable();
    void onDisconnected();
    void detach();

    QSslSocket *m_socket = nullptr;
    const ReadBuffer &m_buffer;
    TransportOwner &m_owner;
    bool m_encrypted = false;
    bool m_closing = false;
    bool m_closed = false;
    bool m_readHeld = false; // the owner said mayRead() no
    std::shared_ptr<bool> m_alive = std::make_shared<bool>(true);
};

} // namespace closecall::server
