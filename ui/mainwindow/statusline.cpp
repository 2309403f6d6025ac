#include "statusline.h"

#include <QtCore/QFileInfo>
#include <QtCore/QLocale>
#include <QtWidgets/QLabel>
#include <QtWidgets/QStatusBar>

using namespace Qt::StringLiterals;

namespace closecall::ui {

StatusLine::StatusLine(QStatusBar *bar)
    : QObject(bar)
    , m_listening(new QLabel(bar))
    , m_connections(new QLabel(bar))
    , m_rates(new QLabel(bar))
    , m_log(new QLabel(bar))
    , m_logFile(new QLabel(bar))
    , m_manualAck(new QLabel(bar))
{
    m_listening->setObjectName(u"statusListening"_s);
    m_connections->setObjectName(u"statusConnections"_s);
    m_rates->setObjectName(u"statusRates"_s);
    m_log->setObjectName(u"statusLog"_s);
    m_logFile->setObjectName(u"statusLogFile"_s);
    m_listening->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_rates->setToolTip(tr("Data messages a second over the last second, in (from the peers) "
                           "and out"));
    m_log->setToolTip(tr("Events in the log; when it is full the oldest go (Settings ▸ Log "
                         "capacity)"));
    m_manualAck->setObjectName(u"statusManualAck"_s);
    m_manualAck->setText(tr("Manual acknowledge"));
    m_manualAck->setToolTip(tr("A peer's Close waits in CloseReceived until you answer it with "
                               "Close or Close Output (Server ▸ Auto-acknowledge turns this off)"));
    // The colour of the rows waiting for an answer.
    m_manualAck->setStyleSheet(u"QLabel { color: white; background: #b45f06; "
                               "border-radius: 3px; padding: 1px 6px; }"_s);
    for (QLabel *label : {m_manualAck, m_listening, m_connections, m_rates, m_log, m_logFile}) {
        label->setContentsMargins(6, 0, 6, 0);
        bar->addPermanentWidget(label);
    }
    m_logFile->hide();
    m_manualAck->hide();
    setConnections(0, 0);
    setRates(0, 0);
    setLog(0, 0, 0);
}

void StatusLine::setListening(const QString &text, bool ok)
{
    m_listening->setText(text);
    m_listening->setStyleSheet(ok ? QString() : u"QLabel { color: #c62828; }"_s);
}

void StatusLine::setConnections(int open, quint64 total)
{
    m_connections->setText(tr("Connections: %L1 open / %L2 total").arg(open).arg(total));
}

void StatusLine::setRates(double in, double out)
{
    m_rates->setText(tr("Msgs/s: %L1 in, %L2 out").arg(in, 0, 'f', 0).arg(out, 0, 'f', 0));
}

void StatusLine::setLog(qsizetype rows, quint64 dropped, qsizetype capacity)
{
    QString text = tr("Log: %Ln event(s)", nullptr, int(rows));
    if (dropped > 0)
        text += u", "_s + tr("%L1 dropped").arg(dropped);
    m_log->setText(text);
    m_log->setStyleSheet(dropped > 0 ? u"QLabel { color: #b45f06; }"_s : QString());
    if (capacity > 0)
        m_log->setToolTip(tr("Events in the log (capacity %L1); when it is full the oldest go "
                             "and are counted as dropped (Settings ▸ Log capacity)")
                              .arg(capacity));
}

void StatusLine::setLogFile(const QString &path)
{
    m_logFile->setVisible(!path.isEmpty());
    m_logFile->setText(tr("● Logging to %1").arg(QFileInfo(path).fileName()));
    m_logFile->setToolTip(path);
    m_logFile->setStyleSheet(u"QLabel { color: #2e7d32; }"_s);
}

void StatusLine::setManualAck(bool on)
{
    m_manualAck->setVisible(on);
}

QString StatusLine::listeningText() const
{
    return m_listening->text();
}

QString StatusLine::connectionsText() const
{
    return m_connections->text();
}

QString StatusLine::logText() const
{
    return m_log->text();
}

} // namespace closecall::ui
