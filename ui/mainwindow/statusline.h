#pragma once

#include <QtWidgets/QWidget>

class QLabel;
class QStatusBar;

// The permanent part of the status bar: where the server
// listens, connections open / total, data messages a second in and out,
// the log's size and how many old events it dropped, and the log file.
namespace closecall::ui {

class StatusLine final : public QObject
{
    Q_OBJECT

public:
    explicit StatusLine(QStatusBar *bar);

    void setListening(const QString &text, bool ok);
    void setConnections(int open, quint64 total);
    void setRates(double in, double out);
    void setLog(qsizetype rows, quint64 dropped, qsizetype capacity);
    void setLogFile(const QString &path); // empty = not logging
    // The badge shown while a peer's Close waits for the operator's answer.
    void setManualAck(bool on);

    QString listeningText() const;
    QString connectionsText() const;
    QString logText() const;

private:
    QLabel *m_listening;
    QLabel *m_connections;
    QLabel *m_rates;
    QLabel *m_log;
    QLabel *m_logFile;
    QLabel *m_manualAck;
};

} // namespace closecall::ui
