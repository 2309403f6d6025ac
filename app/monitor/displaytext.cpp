#include "displaytext.h"

#include "utf8.h"

#include "protocol/closecodes.h"

#include <QtCore/QDateTime>
#include <QtCore/QLocale>

namespace closecall::monitor {

using namespace Qt::StringLiterals;
using server::EventType;

QString DisplayText::closeCode(protocol::CloseCode code)
{
    if (!code)
        return tr("Empty (no status code)");
    if (const auto *info = protocol::closeCodeInfo(*code))
        return QString::number(*code) + u' ' + QString(info->rfcName);
    return QString::number(*code);
}

QString DisplayText::closeStatus(protocol::CloseCode code, const QString &reason)
{
    QString text = closeCode(code);
    if (!reason.isEmpty()) {
        QByteArray escaped;
        appendEscapedUtf8(escaped, reason.toUtf8(), false);
        text += u": "_s + QString::fromUtf8(escaped);
    }
    return text;
}

QString DisplayText::eventLabel(EventType type)
{
    switch (type) {
    case EventType::Listening:
        return tr("Listening");
    case EventType::HandshakeFailed:
        return tr("Handshake failed");
    case EventType::Open:
        return tr("Open");
    case EventType::MessageIn:
        return tr("Message in");
    case EventType::MessageOut:
        return tr("Message out");
    case EventType::PingIn:
        return tr("Ping in");
    case EventType::PongIn:
        return tr("Pong in");
    case EventType::PingOut:
        return tr("Ping out");
    case EventType::PongOut:
        return tr("Pong out");
    case EventType::CloseSent:
        return tr("Close sent");
    case EventType::CloseReceived:
        return tr("Close received");
    case EventType::StateChange:
        return tr("State");
    case EventType::Closed:
        return tr("Closed");
    case EventType::Error:
        return tr("Error");
    case EventType::NotRelayed:
        return tr("Not relayed");
    case EventType::Result:
        return tr("Result");
    }
    return {};
}

QString DisplayText::direction(Direction dir)
{
    switch (dir) {
    case Direction::In:
        return tr("in", "direction: from the peer");
    case Direction::Out:
        return tr("out", "direction: to the peer");
    case Direction::None:
        break;
    }
    return {};
}

QString DisplayText::messageType(protocol::MessageType type)
{
    return type == protocol::MessageType::Text ? tr("text") : tr("binary");
}

QString DisplayText::closeMode(protocol::CloseMode mode)
{
    switch (mode) {
    case protocol::CloseMode::Close:
        return tr("Close");
    case protocol::CloseMode::CloseOutput:
        return tr("Close Output");
    case protocol::CloseMode::Ack:
        return tr("acknowledging the peer's Close");
    case protocol::CloseMode::ProtocolError:
        return tr("protocol error");
    case protocol::CloseMode::Shutdown:
        return tr("server shutdown");
    }
    return {};
}

QString DisplayText::howEnded(protocol::HowEnded how)
{
    // One vocabulary for the table, the log and the details: what ended the
    // connection, said from the server's side (the peer is the client).
    switch (how) {
    case protocol::HowEnded::Handshake:
        return tr("close handshake");
    case protocol::HowEnded::Timeout:
        return tr("timed out");
    case protocol::HowEnded::Abort:
        return tr("aborted by the operator");
    case protocol::HowEnded::PeerReset:
        return tr("client reset TCP");
    case protocol::HowEnded::PeerEof:
        return tr("client closed TCP");
    case protocol::HowEnded::ProtocolError:
        return tr("protocol error");
    }
    return {};
}

QString DisplayText::initiator(protocol::Initiator who)
{
    switch (who) {
    case protocol::Initiator::Server:
        return tr("server");
    case protocol::Initiator::Client:
        return tr("client");
    case protocol::Initiator::None:
        break;
    }
    return {};
}

QString DisplayText::postClose(protocol::PostClose pc)
{
    switch (pc) {
    case protocol::PostClose::Delivered:
        return tr("delivered");
    case protocol::PostClose::Discarded:
        return tr("discarded");
    case protocol::PostClose::None:
        break;
    }
    return {};
}

QString DisplayText::postCloseCounts(quint64 delivered, quint64 discarded)
{
    const QLocale locale;
    const quint64 total = delivered + discarded;
    if (total == 0)
        return {};
    if (discarded == 0)
        return tr("%1 (delivered)").arg(locale.toString(total));
    if (delivered == 0)
        return tr("%1 (discarded)").arg(locale.toString(total));
    return tr("%1 (%2 delivered, %3 discarded)")
        .arg(locale.toString(total), locale.toString(delivered), locale.toString(discarded));
}

QString DisplayText::duration(qint64 us)
{
    const qint64 s = std::max<qint64>(us, 0) / 1'000'000;
    if (s < 60)
        return tr("%1 s").arg(s);
    const auto two = [](qint64 n) {
        return QString::number(n).rightJustified(2, u'0');
    };
    if (s < 3600)
        return QString::number(s / 60) + u':' + two(s % 60);
    return QString::number(s / 3600) + u':' + two(s / 60 % 60) + u':' + two(s % 60);
}

QString DisplayText::milliseconds(qint64 us)
{
    if (us < 0)
        return {};
    return QLocale().toString(double(us) / 1000.0, 'f', 1);
}

QString DisplayText::clockTime(qint64 wallUs, bool micros)
{
    const QDateTime t = QDateTime::fromMSecsSinceEpoch(wallUs / 1000);
    QString text = t.toString(u"HH:mm:ss"_s);
    if (micros)
        text += u'.' + QString::number(wallUs % 1'000'000).rightJustified(6, u'0');
    return text;
}

QString DisplayText::fullTime(qint64 wallUs)
{
    const QDateTime t = QDateTime::fromMSecsSinceEpoch(wallUs / 1000, Qt::UTC);
    return t.toString(u"yyyy-MM-dd HH:mm:ss"_s) + u'.' +
           QString::number(wallUs % 1'000'000).rightJustified(6, u'0') + u" UTC"_s;
}

void DisplayText::appendEscapedUtf8(QByteArray &out, QByteArrayView bytes, bool binary)
{
    if (!binary) {
        // A preview cut inside a character is not an error: drop the tail.
        utf8::appendEscaped(out, bytes, true, false);
        return;
    }
    static constexpr char Hex[] = "0123456789abcdef";
    out.reserve(out.size() + bytes.size() * 3);
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        if (i > 0)
            out += ' ';
        const auto b = uchar(bytes[i]);
        out += Hex[b >> 4];
        out += Hex[b & 0xf];
    }
}

QString DisplayText::preview(QByteArrayView bytes, bool binary, bool cut)
{
    QByteArray out;
    appendEscapedUtf8(out, bytes, binary);
    QString text = QString::fromUtf8(out);
    if (cut)
        text += u'\u2026';
    return text;
}

} // namespace closecall::monitor
