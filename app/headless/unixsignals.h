#pragma once

#include <QtCore/QList>
#include <QtCore/QObject>

class QSocketNotifier;

namespace closecall::headless {

// Turns SIGINT/SIGTERM into a Qt signal on the event loop with the
// self-pipe trick: the handler only write(2)s the signal number to a
// socketpair (async-signal-safe); a QSocketNotifier on the other end emits
// received() where any code may run. One instance per process.
class UnixSignals final : public QObject
{
    Q_OBJECT

public:
    explicit UnixSignals(const QList<int> &signalNumbers, QObject *parent = nullptr);
    // Restores the default dispositions, so a signal after this ends the
    // process the ordinary way.
    ~UnixSignals() override;
    Q_DISABLE_COPY_MOVE(UnixSignals)

    bool isValid() const { return m_notifier != nullptr; }

signals:
    void received(int signalNumber);

private:
    void onReadable();

    QList<int> m_signals;
    int m_fds[2] = {-1, -1};
    QSocketNotifier *m_notifier = nullptr;
};

} // namespace closecall::headless
