#include "unixsignals.h"

#include <QtCore/QSocketNotifier>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <sys/socket.h>
#include <unistd.h>

namespace closecall::headless {

namespace {

// Written once before the handlers are installed, read only by them.
volatile sig_atomic_t s_writeFd = -1;
volatile sig_atomic_t s_count = 0;
// The event loop handles the first signals (graceful, then immediate exit).
// If it is stuck (e.g. blocked writing to a stdout nobody reads), this many
// signals end the process the default way.
constexpr sig_atomic_t HardExitAfter = 3;

extern "C" void onUnixSignal(int signalNumber)
{
    // Only async-signal-safe calls here (signal-safety(7)): write(2), and
    // errno saved so the interrupted code does not see ours.
    const int savedErrno = errno;
    const unsigned char byte = static_cast<unsigned char>(signalNumber);
    if (s_writeFd >= 0)
        (void)!::write(s_writeFd, &byte, 1);
    s_count = s_count + 1; // not ++: C++20 deprecates it on volatile
    if (s_count >= HardExitAfter) {
        ::signal(signalNumber, SIG_DFL); // both async-signal-safe
        ::raise(signalNumber);
    }
    errno = savedErrno;
}

} // namespace

UnixSignals::UnixSignals(const QList<int> &signalNumbers, QObject *parent)
    : QObject(parent)
    , m_signals(signalNumbers)
{
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0, m_fds) != 0) {
        qWarning("closecall: cannot create the signal socketpair: %s", std::strerror(errno));
        return;
    }
    s_writeFd = m_fds[0];
    m_notifier = new QSocketNotifier(qintptr(m_fds[1]), QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &UnixSignals::onReadable);

    struct sigaction action = {};
    action.sa_handler = onUnixSignal;
    sigemptyset(&action.sa_mask);
    // SA_RESTART: a blocking read/write elsewhere is resumed, not failed with EINTR.
    action.sa_flags = SA_RESTART;
    for (int number : std::as_const(m_signals))
        ::sigaction(number, &action, nullptr);
}

UnixSignals::~UnixSignals()
{
    for (int number : std::as_const(m_signals))
        ::signal(number, SIG_DFL);
    s_writeFd = -1;
    for (int fd : m_fds) {
        if (fd >= 0)
            ::close(fd);
    }
}

void UnixSignals::onReadable()
{
    unsigned char bytes[16];
    ssize_t n;
    while ((n = ::read(m_fds[1], bytes, sizeof bytes)) > 0) {
        for (ssize_t i = 0; i < n; ++i)
            emit received(bytes[i]);
    }
}

} // namespace closecall::headless
