#include "connectioninfo.h"

#include <QtCore/QDateTime>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>

namespace closecall::server {

using namespace Qt::StringLiterals;

QString isoTimeUs(qint64 wallUs)
{
    const qint64 ms = wallUs / 1000;
    const QDateTime t = QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
    return t.toString(u"yyyy-MM-ddTHH:mm:ss."_s) +
           QStringLiteral("%1").arg(wallUs % 1'000'000, 6, 10, QLatin1Char('0')) + u'Z';
}

namespace {

QJsonValue codeValue(const protocol::CloseCode &code)
{
    return code ? QJsonValue(int(*code)) : QJsonValue(QJsonValue::Null);
}

QJsonValue closeObject(bool present, const protocol::CloseCode &code, const QString &reason)
{
    if (!present)
        return QJsonValue(QJsonValue::Null);
    return QJsonObject{{u"code"_s, codeValue(code)}, {u"reason"_s, reason}};
}

QJsonObject toJson(const ConnectionInfo &c)
{
    using namespace protocol;
    QJsonObject o;
    o[u"id"_s] = qint64(c.id);
    o[u"role"_s] = c.outgoing ? u"out"_s : u"in"_s;
    if (c.outgoing)
        o[u"url"_s] = c.url;
    o[u"remote"_s] = c.remote;
    o[u"path"_s] = c.path;
    o[u"query"_s] = c.query;
    o[u"subprotocol"_s] = c.subprotocol;
    o[u"extensions"_s] = c.extensions;
    o[u"state"_s] = QString(stateName(c.state));
    if (c.leg != server::Leg::None) {
        // Proxy mode (docs/headless.md "Proxy mode"): which pair, which leg.
        o[u"pair"_s] = qint64(c.pair);
        o[u"leg"_s] = c.leg == server::Leg::Client ? u"client"_s : u"server"_s;
    }
    o[u"opened"_s] =
        c.openedWallUs ? QJsonValue(isoTimeUs(c.openedWallUs)) : QJsonValue(QJsonValue::Null);
    o[u"msgs_in"_s] = qint64(c.msgsIn);
    o[u"msgs_out"_s] = qint64(c.msgsOut);
    o[u"bytes_in"_s] = qint64(c.bytesIn);
    o[u"bytes_out"_s] = qint64(c.bytesOut);
    o[u"close_sent"_s] = closeObject(c.closeSent, c.sentCode, c.sentReason);
    o[u"close_received"_s] = closeObject(c.closeReceived, c.receivedCode, c.receivedReason);
    // Confirmed by `closed`: until then `list` says none (the table already
    // shows who sent the first Close).
    o[u"initiated_by"_s] = QString(initiatorName(c.ended ? c.initiatedBy : Initiator::None));
    o[u"post_close"_s] = QJsonObject{{u"delivered"_s, qint64(c.postCloseDelivered)},
                                     {u"discarded"_s, qint64(c.postCloseDiscarded)}};
    o[u"how"_s] = c.ended ? QJsonValue(QString(howEndedName(c.how))) : QJsonValue(QJsonValue::Null);
    return o;
}

} // namespace

QByteArray connectionsToJson(const QList<const ConnectionInfo *> &rows)
{
    QJsonArray array;
    for (const ConnectionInfo *row : rows)
        array.append(toJson(*row));
    return QJsonDocument(array).toJson(QJsonDocument::Compact);
}

} // namespace closecall::server
