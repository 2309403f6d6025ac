#pragma once

#include <QtCore/QByteArray>
#include <QtCore/QObject>

class QSocketNotifier;

namespace closecall::headless {

// Reads lines from a file descriptor (stdin) on the event loop, without a
// thread and without touching the descriptor's flags: a QSocketNotifier says
// when a read(2) will not block, and exactly one read is done per
// notification. O_NONBLOCK is not set on purpose: it belongs to the open
// file description, which a terminal shares with the shell that started us,
// and would be left behind on exit. Works for pipes, terminals and regular
// files (which always poll readable).
class StdinReader final : public QObject
{
    Q_OBJECT

public:
    // A line longer than this (a send of a huge base64 message is the only
    // legitimate reason) is dropped and reported rather than buffered forever.
    static constexpr qsizetype MaxLineBytes = qsizetype(64) << 20;

    explicit StdinReader(int fd = 0, QObject *parent = nullptr);
    ~StdinReader() override;
    Q_DISABLE_COPY_MOVE(StdinReader)

    bool atEnd() const { return m_notifier == nullptr; }

signals:
    void lineRead(const QByteArray &line); // without the '\n'
    void lineTooLong(qsizetype bytes);     // the dropped line's length so far
    void finished(const QString &why);     // end of input or a read error

private:
    void onReadable();
    void finish(const QString &why);

    int m_fd;
    QSocketNotifier *m_notifier = nullptr;
    QByteArray m_buffer;
    qsizetype m_discarding = -1; // >= 0: inside an over-long line, bytes dropped so far
};

} // namespace closecall::headless
