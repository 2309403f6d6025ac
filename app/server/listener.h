#pragma once

#include <QtNetwork/QTcpServer>

#include <functional>

namespace closecall::server {

// The listening socket. Takes each accepted descriptor straight from
// accept() (incomingConnection), so no QTcpSocket is ever built for a plain
// connection and the pending-connection queue (30 by default, which pauses
// accepting) is never used.
class Listener final : public QTcpServer
{
    Q_OBJECT

public:
    using Accept = std::function<void(qintptr descriptor)>;
    Listener(Accept accept, QObject *parent);

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    Accept m_accept;
};

} // namespace closecall::server
