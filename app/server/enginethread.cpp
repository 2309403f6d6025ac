#include "enginethread.h"

namespace closecall::server {

EngineThread::EngineThread(ServerConfig config)
    : m_engine(new Engine(std::move(config)))
{
    // The Qt worker pattern: a parentless worker moved to a named thread, deleted on
    // that thread when it finishes.
    m_thread.setObjectName(QStringLiteral("engine"));
    m_engine->moveToThread(&m_thread);
    QObject::connect(&m_thread, &QThread::finished, m_engine.data(), &QObject::deleteLater);
}

EngineThread::~EngineThread()
{
    if (m_thread.isRunning()) {
        m_thread.quit();
        m_thread.wait();
    } else {
        delete m_engine.data(); // never started: nothing runs on its thread
    }
}

void EngineThread::start()
{
    m_thread.start();
    QMetaObject::invokeMethod(m_engine.data(), &Engine::start, Qt::QueuedConnection);
}

} // namespace closecall::server
