#include "detailspanel.h"

#include "monitor/connectiontablemodel.h"
#include "monitor/displaytext.h"
#include "protocol/closecodes.h"

#include <QtCore/QDateTime>
#include <QtCore/QLocale>
#include <QtCore/QTimer>
#include <QtWidgets/QScrollBar>
#include <QtWidgets/QTextBrowser>
#include <QtWidgets/QVBoxLayout>

using namespace Qt::StringLiterals;

namespace closecall::ui {

using monitor::ConnectionRow;

namespace {

constexpr int RefreshMs = 250;

QString esc(const QString &text)
{
    return text.toHtmlEscaped();
}

QString row(const QString &name, const QString &valueHtml)
{
    return u"<tr><td style='padding-right:12px; color:palette(mid)'><b>"_s + esc(name) +
           u"</b></td><td>"_s + valueHtml + u"</td></tr>"_s;
}

QString wallTime(qint64 wallUs)
{
    if (wallUs <= 0)
        return {};
    const QDateTime t = QDateTime::fromMSecsSinceEpoch(wallUs / 1000).toLocalTime();
    return t.toString(u"yyyy-MM-dd HH:mm:ss.zzz"_s);
}

} // namespace

DetailsPanel::DetailsPanel(monitor::ConnectionTableModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_text(new QTextBrowser(this))
    , m_refresh(new QTimer(this))
{
    m_text->setObjectName(u"detailsBrowser"_s);
    setFocusProxy(m_text); // View ▸ Go to the Details
    m_text->setOpenLinks(false);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_text);

    m_refresh->setSingleShot(true);
    m_refresh->setInterval(RefreshMs);
    connect(m_refresh, &QTimer::timeout, this, &DetailsPanel::refresh);
    connect(model, &QAbstractItemModel::dataChanged, this, [this] {
        if ((m_conn != 0 || m_serverLeg != 0) && !m_refresh->isActive())
            m_refresh->start();
    });
    connect(model, &QAbstractItemModel::modelReset, this, &DetailsPanel::refresh);
    connect(model, &QAbstractItemModel::rowsRemoved, this, &DetailsPanel::refresh);
    refresh();
}

void DetailsPanel::showConnection(quint32 connId)
{
    if (connId == m_conn && !m_pair)
        return;
    m_conn = connId;
    m_serverLeg = 0;
    m_pair = false;
    refresh();
}

void DetailsPanel::showPair(quint32 clientConn, quint32 serverConn)
{
    if (m_pair && clientConn == m_conn && serverConn == m_serverLeg)
        return;
    m_pair = true;
    m_conn = clientConn;
    m_serverLeg = serverConn;
    refresh();
}

QString DetailsPanel::html() const
{
    return m_text->toHtml();
}

void DetailsPanel::refresh()
{
    m_refresh->stop();
    const ConnectionRow *r = m_conn ? m_model->row(m_conn) : nullptr;
    const ConnectionRow *serverLeg = m_serverLeg ? m_model->row(m_serverLeg) : nullptr;
    if (m_pair && (r || serverLeg)) {
        // Both legs of the pair, each under a heading that says what
        // CloseCall is on it.
        const auto legHtml = [this](const QString &title, const ConnectionRow *leg) -> QString {
            QString html = u"<h2 style='margin-bottom:2px'>"_s + esc(title) + u"</h2>"_s;
            return html +
                   (leg ? render(*leg)
                        : u"<p style='color:gray'>"_s + esc(tr("No connection yet.")) + u"</p>"_s);
        };
        const int scroll = m_text->verticalScrollBar()->value();
        m_text->setHtml(legHtml(tr("Client leg (CloseCall is the server)"), r) + u"<hr>"_s +
                        legHtml(tr("Server leg (CloseCall is the client)"), serverLeg));
        m_text->verticalScrollBar()->setValue(scroll);
        return;
    }
    if (!r) {
        m_text->setHtml(u"<p style='color:gray'>"_s +
                        esc(tr("Select a connection to see its upgrade request, subprotocol "
                               "and how it closed.")) +
                        u"</p>"_s);
        return;
    }
    const int scroll = m_text->verticalScrollBar()->value();
    m_text->setHtml(render(*r));
    m_text->verticalScrollBar()->setValue(scroll);
}

QString DetailsPanel::render(const ConnectionRow &r) const
{
    const QLocale locale;
    const auto none = [] {
        return u"<span style='color:gray'>—</span>"_s;
    };
    const auto code = [&](const protocol::CloseCode &c, const QString &reason) {
        QString text = esc(protocol::describeCloseCode(c));
        if (!reason.isEmpty())
            text += u": “"_s + esc(reason) + u"”"_s;
        return text;
    };

    QString html =
        u"<h3 style='margin-bottom:4px'>"_s +
        esc(tr("Connection %1 — %2").arg(r.id).arg(QString(protocol::stateName(r.state)))) +
        u"</h3><table cellspacing='2'>"_s;
    html += row(tr("Role"),
                esc(r.outgoing ? tr("out: CloseCall connected to %1 (the client)").arg(r.url)
                               : tr("in: a client connected to CloseCall (the server)")));
    html += row(tr("Remote"), esc(r.remote));
    QString target = r.path;
    if (!r.query.isEmpty())
        target += u'?' + r.query;
    html += row(tr("Request"), u"<code>GET "_s + esc(target) + u"</code>"_s);
    html += row(tr("Subprotocol"), r.subprotocol.isEmpty() ? tr("none") : esc(r.subprotocol));
    html += row(tr("Extensions"), r.extensions.isEmpty() ? tr("none") : esc(r.extensions));
    html += row(tr("Origin"), r.origin.isEmpty() ? none() : esc(r.origin));
    html += row(tr("User agent"), r.userAgent.isEmpty() ? none() : esc(r.userAgent));
    html += row(tr("Opened"), esc(wallTime(r.openedWallUs)));
    html += row(tr("Messages"), esc(tr("%L1 in (%2), %L3 out (%4)")
                                        .arg(r.msgsIn)
                                        .arg(locale.formattedDataSize(qint64(r.bytesIn)))
                                        .arg(r.msgsOut)
                                        .arg(locale.formattedDataSize(qint64(r.bytesOut)))));
    if (r.pingsIn || r.pingsOut)
        html += row(tr("Pings"), esc(tr("%L1 in, %L2 out").arg(r.pingsIn).arg(r.pingsOut)));
    if (r.errors)
        html += row(tr("Errors"), esc(tr("%L1; latest: %2").arg(r.errors).arg(r.lastError)));
    html += u"</table>"_s;

    html +=
        u"<h4 style='margin-bottom:4px'>"_s + esc(tr("Close")) + u"</h4><table cellspacing='2'>"_s;
    html += row(tr("Close sent"), r.closeSent ? code(r.sentCode, r.sentReason) + u" <i>("_s +
                                                    QString(protocol::closeModeName(r.sentMode)) +
                                                    u")</i>"_s
                                              : none());
    html += row(tr("Close received"),
                r.closeReceived ? code(r.receivedCode, r.receivedReason) : none());
    // "client" / "server" are the RFC 6455 roles: say which one is us.
    const bool weInitiated =
        r.initiatedBy == (r.outgoing ? protocol::Initiator::Client : protocol::Initiator::Server);
    html += row(tr("Initiated by"),
                r.initiatedBy == protocol::Initiator::None
                    ? none()
                    : esc((weInitiated ? tr("%1 (CloseCall)") : tr("%1 (the peer)"))
                              .arg(QString(protocol::initiatorName(r.initiatedBy)))));
    if (r.postCloseCount() > 0) {
        QString counts = esc(
            tr("%L1 delivered, %L2 discarded").arg(r.postCloseDelivered).arg(r.postCloseDiscarded));
        // Frames already here when our Close went out: the peer sent them
        // before it could see it (docs/headless.md "crossed").
        if (r.postCloseCrossed > 0)
            counts += u"</b> "_s +
                      esc(tr("(%L1 crossed our Close on the wire)").arg(r.postCloseCrossed)) +
                      u"<b>"_s;
        html += row(tr("Post-close data"), u"<b>"_s + counts + u"</b>"_s);
    }
    if (r.closeHandshakeUs >= 0)
        html += row(tr("Close handshake"),
                    esc(tr("%1 ms").arg(locale.toString(r.closeHandshakeUs / 1000.0, 'f', 1))));
    if (r.ackDelayUs >= 0)
        html +=
            row(tr("Ack delay"), esc(tr("%1 ms: the peer's Close waited this long for our answer")
                                         .arg(locale.toString(r.ackDelayUs / 1000.0, 'f', 1))));
    if (r.isEnded()) {
        // The table's words (How it ended), not the contract's names.
        html += row(tr("Ended"), esc(tr("%1 — %2")
                                         .arg(QString(protocol::stateName(r.state)))
                                         .arg(monitor::DisplayText::howEnded(r.how))));
        html += row(tr("Final code"), code(r.finalCode, r.finalReason));
        html += row(tr("TCP closed by"), r.tcpClosedByClient ? tr("client") : tr("server"));
    }
    html += u"</table>"_s;

    // An outgoing connection keeps the server's answer (docs/headless.md `open`).
    html += u"<h4 style='margin-bottom:4px'>"_s +
            esc(r.outgoing ? tr("Response headers (the server's 101)") : tr("Request headers")) +
            u"</h4><table cellspacing='2' style='font-family:monospace'>"_s;
    for (const auto &header : r.headers)
        html += u"<tr><td style='padding-right:12px'><b>"_s +
                esc(QString::fromLatin1(header.first)) + u"</b></td><td>"_s +
                esc(QString::fromUtf8(header.second)) + u"</td></tr>"_s;
    html += u"</table>"_s;
    return html;
}

} // namespace closecall::ui
