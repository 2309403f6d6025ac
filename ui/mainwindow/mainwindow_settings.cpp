// The window's QSettings: what it restores at start (geometry, docks, the
// listen address, TLS files, compression, the log's capacity; an option
// given on the command line wins over a saved value) and saves at exit.
#include "mainwindow.h"

#include "closepanel/closepanel.h"
#include "connections/connectionspane.h"
#include "log/logpane.h"
#include "monitor/logmodel.h"
#include "sendpanel/sendpanel.h"
#include "servertoolbar.h"

#include <QtCore/QSettings>
#include <QtGui/QAction>
#include <QtWidgets/QSplitter>

using namespace Qt::StringLiterals;

namespace closecall::ui {

void MainWindow::restoreSettings()
{
    const QSettings &s = *m_settings;
    const auto explicitly = [this](const char *option) {
        return m_options.explicitOptions.contains(QLatin1StringView(option));
    };

    if (!restoreGeometry(s.value(u"window/geometry"_s).toByteArray()))
        resize(1280, 800);
    restoreState(s.value(u"window/state"_s).toByteArray());
    if (!m_splitter->restoreState(s.value(u"window/splitter"_s).toByteArray()))
        m_splitter->setSizes({320, 480});
    m_connectionsPane->restoreState(s);
    m_logPane->restoreState(s);
    m_closePanel->loadSettings(s);
    m_sendPanel->loadSettings(s);
    if (explicitly("--close-timeout") || explicitly("--close-output-timeout"))
        m_closePanel->setTimeouts(m_options.config.closeTimeoutMs,
                                  m_options.config.closeOutputTimeoutMs);

    QString host = m_options.config.address.toString();
    quint16 port = m_options.config.port;
    if (!explicitly("--listen") && s.contains(u"server/host"_s)) {
        host = s.value(u"server/host"_s).toString();
        port = quint16(s.value(u"server/port"_s, port).toUInt());
    }
    m_toolBar->setHost(host);
    m_toolBar->setPort(port);

    m_tlsCert = m_options.config.tlsCertFile;
    m_tlsKey = m_options.config.tlsKeyFile;
    if (!explicitly("--tls-cert") && !explicitly("--tls-key")) {
        m_tlsCert = s.value(u"server/tlsCert"_s).toString();
        m_tlsKey = s.value(u"server/tlsKey"_s).toString();
    }
    m_tls->setCheckable(true);
    m_tls->setChecked(!m_tlsCert.isEmpty());
    m_deflate->setChecked(
        explicitly("--deflate")
            ? true
            : s.value(u"server/deflate"_s, m_options.config.deflate.enabled).toBool());
    updateTlsToolTip();
    restoreProxySettings(s);

    forgetUnsafeFolder();

    const qsizetype capacity =
        s.value(u"log/capacity"_s, qlonglong(monitor::LogModel::DefaultCapacity)).toLongLong();
    m_log->setCapacity(qMax<qsizetype>(1000, capacity));
}

void MainWindow::saveSettings()
{
    QSettings &s = *m_settings;
    s.setValue(u"window/geometry"_s, saveGeometry());
    s.setValue(u"window/state"_s, saveState());
    s.setValue(u"window/splitter"_s, m_splitter->saveState());
    m_connectionsPane->saveState(s);
    m_logPane->saveState(s);
    m_closePanel->saveSettings(s);
    m_sendPanel->saveSettings(s);
    s.setValue(u"server/host"_s, m_toolBar->host());
    s.setValue(u"server/port"_s, m_toolBar->port());
    s.setValue(u"server/tlsCert"_s, m_tlsCert);
    s.setValue(u"server/tlsKey"_s, m_tlsKey);
    s.setValue(u"server/deflate"_s, m_deflate->isChecked());
    saveProxySettings(s);
    s.setValue(u"log/capacity"_s, qlonglong(m_log->capacity()));
    s.sync();
}

} // namespace closecall::ui
