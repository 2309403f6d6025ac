#include "stdinreader.h"

#include <QtCore/QSocketNotifier>
#include <QtCore/QTimer>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace closecall::headless {

namespace {
constexpr qsizetype ReadChunk = 64 * 1024;
}

StdinReader::StdinReader(int fd, QObject *parent)
    : QObject(parent)
    , m_fd(fd)
{
    if (::fcntl(fd, F_GETFD) < 0) {
        // Started with stdin closed (`<&-`): nothing will ever come.
        QTimer::singleShot(0, this, [this] { emit finished(tr("stdin is closed")); });
        return;
    }
    m_notifier = new QSocketNotifier(qintptr(fd), QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &StdinReader::onReadable);
}

StdinReader::~StdinReader() = default;

void StdinReader::onReadable()
{
    char chunk[ReadChunk];
    const ssize_t n = ::read(m_fd, chunk, sizeof chunk);
    if (n < 0) {
        if (errno == EINTR || errno == EAGAIN)
            return;
        finish(tr("cannot read stdin: %1").arg(QString::fromLocal8Bit(std::strerror(errno))));
        return;
    }
    if (n == 0) {
        // A last line without '\n' is still a command.
        if (m_discarding < 0 && !m_buffer.isEmpty())
            emit lineRead(std::exchange(m_buffer, {}));
        finish(tr("end of stdin"));
        return;
    }

    QByteArrayView data(chunk, n);
    while (!data.isEmpty()) {
        const qsizetype newline = data.indexOf('\n');
        const QByteArrayView part = newline < 0 ? data : data.first(newline);
        if (m_discarding >= 0) {
            m_discarding += part.size();
        } else if (m_buffer.size() + part.size() > MaxLineBytes) {
            m_discarding = m_buffer.size() + part.size();
            m_buffer.clear();
        } else {
            m_buffer.append(part);
        }
        if (newline < 0)
            break;
        data = data.sliced(newline + 1);
        if (m_discarding >= 0) {
            emit lineTooLong(std::exchange(m_discarding, -1));
        } else {
            emit lineRead(m_buffer);
            m_buffer.clear();
        }
    }
}

void StdinReader::finish(const QString &why)
{
    if (!m_notifier)
        return;
    m_notifier->setEnabled(false);
    m_notifier->deleteLater();
    m_notifier = nullptr;
    emit finished(why);
}

} // namespace closecall::headless
