#pragma once

// The two kinds of process the headless suite drives: the `closecall`
// binary (JSON Lines on stdin/stdout, as docs/headless.md) and the independent
// python3-websockets peer (tests/headless/peers/wspeer.py). Both collect
// their stdout lines as JSON objects; waits spin the event loop so several
// processes make progress at once.

#include <QtCore/QDeadlineTimer>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QProcess>
#include <QtTest/QtTest>

#include <functional>
#include <memory>

namespace closecall::test {

// Spins the event loop until `done` holds or `timeoutMs` passes.
inline bool waitUntil(const std::function<bool()> &done, int timeoutMs = 5000)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!done()) {
        if (deadline.hasExpired())
            return false;
        QTest::qWait(5);
    }
    return true;
}

using Match = std::function<bool(const QJsonObject &)>;

// A process whose stdout is JSON Lines.
class JsonLinesProcess
{
public:
    JsonLinesProcess()
    {
        QObject::connect(&m_process, &QProcess::readyReadStandardOutput, &m_process,
                         [this] { readLines(); });
        QObject::connect(&m_process, &QProcess::readyReadStandardError, &m_process,
                         [this] { m_stderr += m_process.readAllStandardError(); });
    }
    virtual ~JsonLinesProcess()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(2000);
        }
    }
    Q_DISABLE_COPY_MOVE(JsonLinesProcess)

    QProcess &process() { return m_process; }
    const QList<QJsonObject> &lines() const { return m_lines; }
    QByteArray stderrText() const { return m_stderr; }
    QList<QByteArray> rawLines() const { return m_raw; }
    // Lines that were not JSON objects: always a failure of the contract.
    const QList<QByteArray> &badLines() const { return m_bad; }

    // The first line from index `from` on that matches, waiting for it.
    std::optional<QJsonObject> waitFor(const Match &match, int timeoutMs = 5000,
                                       qsizetype *index = nullptr, qsizetype from = 0)
    {
        std::optional<QJsonObject> found;
        waitUntil(
            [&] {
                for (qsizetype i = from; i < m_lines.size(); ++i) {
                    if (match(m_lines[i])) {
                        found = m_lines[i];
                        if (index)
                            *index = i;
                        return true;
                    }
                }
                return m_process.state() == QProcess::NotRunning && !m_process.bytesAvailable();
            },
            timeoutMs);
        return found;
    }

    bool waitForExit(int timeoutMs = 5000)
    {
        return waitUntil([this] { return m_process.state() == QProcess::NotRunning; }, timeoutMs);
    }

    void writeLine(const QByteArray &line) { m_process.write(line + '\n'); }
    void writeJson(const QJsonObject &object)
    {
        writeLine(QJsonDocument(object).toJson(QJsonDocument::Compact));
    }

private:
    void readLines()
    {
        m_pending += m_process.readAllStandardOutput();
        qsizetype newline;
        while ((newline = m_pending.indexOf('\n')) >= 0) {
            const QByteArray line = m_pending.left(newline);
            m_pending.remove(0, newline + 1);
            m_raw.append(line);
            QJsonParseError error;
            const QJsonDocument doc = QJsonDocument::fromJson(line, &error);
            if (doc.isObject())
                m_lines.append(doc.object());
            else
                m_bad.append(line);
        }
    }

    QProcess m_process;
    QByteArray m_pending;
    QByteArray m_stderr;
    QList<QJsonObject> m_lines;
    QList<QByteArray> m_raw;
    QList<QByteArray> m_bad;
};

inline Match eventIs(const QString &name)
{
    return [name](const QJsonObject &o) {
        return o.value(QLatin1StringView("event")) == name;
    };
}

inline Match eventIs(const QString &name, int conn)
{
    return [name, conn](const QJsonObject &o) {
        return o.value(QLatin1StringView("event")) == name &&
               o.value(QLatin1StringView("conn")).toInt() == conn;
    };
}

inline Match resultFor(const QJsonValue &id)
{
    return [id](const QJsonObject &o) {
        return o.value(QLatin1StringView("event")) == QLatin1StringView("result") &&
               o.value(QLatin1StringView("id")) == id;
    };
}

inline Match peerIs(const QString &kind)
{
    return [kind](const QJsonObject &o) {
        return o.value(QLatin1StringView("peer")) == kind;
    };
}

} // namespace closecall::test
