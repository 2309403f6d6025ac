#include "listener.h"

namespace closecall::server {

Listener::Listener(Accept accept, QObject *parent)
    : QTcpServer(parent)
    , m_accept(std::move(accept))
{
    // The kernel's backlog absorbs bursts of connects (issue 4: ≥ 55 k
    // accepts/s); Qt's default is 50.
    setListenBacklogSize(4096);
}

void Listener::incomingConnection(qintptr descriptor)
{
    m_accept(descriptor);
}

} // namespace closecall::server
