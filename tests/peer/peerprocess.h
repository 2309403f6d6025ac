#pragma once

// `closecall peer URL …` as a subprocess (docs/headless.md "closecall
// peer"): its stdout is JSON Lines like --headless, then one
// `peer_summary` object a connection. Needs CLOSECALL_BIN.
#include "processes.h"

#include <csignal>

namespace closecall::test {

using namespace Qt::StringLiterals;

class PeerProcess final : public JsonLinesProcess
{
public:
    void start(const QStringList &args)
    {
        process().start(QStringLiteral(CLOSECALL_BIN), QStringList{u"peer"_s} + args);
    }
    // Every connection's `open` (in the client role: the server's 101 was good).
    bool waitForOpens(int count, int timeoutMs = 10000)
    {
        return waitUntil(
                   [&] {
                       return std::count_if(lines().cbegin(), lines().cend(), eventIs(u"open"_s)) >=
                                  count ||
                              process().state() == QProcess::NotRunning;
                   },
                   timeoutMs) &&
               std::count_if(lines().cbegin(), lines().cend(), eventIs(u"open"_s)) >= count;
    }
    void signal(int number) { ::kill(pid_t(process().processId()), number); }
    // The process ended by itself with `exitCode`.
    bool exitedWith(int exitCode, int timeoutMs = 20000)
    {
        return waitForExit(timeoutMs) && process().exitStatus() == QProcess::NormalExit &&
               process().exitCode() == exitCode;
    }
    QList<QJsonObject> summaries() const
    {
        QList<QJsonObject> found;
        for (const QJsonObject &line : lines()) {
            if (line.value("event"_L1).toString() == u"peer_summary")
                found.append(line);
        }
        return found;
    }
    QString stderrLines() const { return QString::fromLocal8Bit(stderrText()); }
};

} // namespace closecall::test
