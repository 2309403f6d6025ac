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
    bool m_encrypted = false;
    bool m_closing = false;
    bool m_closed = false;
    bool m_readPaused = false;
    bool m_reading = false;  // inside readAvailable's loop
    bool m_readHeld = false; // the owner said mayRead() no
    std::shared_ptr<bool> m_alive = std::make_shared<bool>(true);
};

} // namespace closecall::server
