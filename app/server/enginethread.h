#pragma once

#include "engine.h"

#include <QtCore/QPointer>
#include <QtCore/QThread>

namespace closecall::server {

// RAII owner of the engine thread: creates the Engine, moves it to a named
// thread, and on destruction quits and joins. The engine is
// deleted on its own thread via deleteLater when the thread finishes.
class EngineThread final
{
public:
    explicit EngineThread(ServerConfig config);
    ~EngineThread();
    Q_DISABLE_COPY_MOVE(EngineThread)

    // Talk to it only through queued connections / QMetaObject::invokeMethod.
    Engine *engine() const { return m_engine; }
    void start(); // starts the thread, then invokes Engine::start on it

private:
    QThread m_thread;
    QPointer<Engine> m_engine;
};

} // namespace closecall::server
