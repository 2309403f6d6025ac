// The client side of the RFC 6455 §4 upgrade (handshake.h): the request we
// send and the checks of the server's answer.
#include "handshake.h"
#include "httpfields.h"
#include "utf8validator.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QRandomGenerator>

#include <algorithm>
#include <array>

using namespace Qt::StringLiterals;

namespace closecall::protocol {

using namespace httpfields;

namespace {

// Printable ASCII without spaces: what a Host value and a request-target
// may hold (RFC 3986 characters; anything else must be percent-encoded).
bool isPrintableAsciiWord(QByteArrayView text)
{
    return std::all_of(text.begin(), text.end(), [](char c) { return c > 0x20 && c < 0x7f; });
}

// RFC 9110 §5.5: a field value is visible characters, spaces and tabs (and
// obs-text); CR, LF, NUL and other controls would end or split the line.
bool isFieldValue(QByteArrayView text)
{
    return std::all_of(text.begin(), text.end(), [](char c) {
        const auto u = static_cast<unsigned char>(c);
        return u == '\t' || (u >= 0x20 && u != 0x7f);
    });
}

// Headers the handshake writes itself (RFC 6455 §4.1) or that would give a
// GET upgrade a body: an extra header must not repeat or contradict them.
constexpr QByteArrayView OwnHeaders[] = {
    "Host",
    "Upgrade",
    "Connection",
    "Sec-WebSocket-Key",
    "Sec-WebSocket-Version",
    "Sec-WebSocket-Protocol",
    "Sec-WebSocket-Extensions",
    "Sec-WebSocket-Accept",
    "Content-Length",
    "Transfer-Encoding",
};

// The statuses whose response never has a body (RFC 9112 §6.3 item 1).
bool hasNoBody(int status)
{
    return (status >= 100 && status < 200) || status == 204 || status == 304;
}

} // namespace

QString ClientHandshake::checkOptions(const ClientHandshakeOptions &options)
{
    const QByteArray host = options.host.toUtf8();
    if (host.isEmpty() || !isPrintableAsciiWord(host))
        return tr("the host %1 is empty or not printable ASCII; give a host name (IDNA-encoded) "
                  "or an address, with the port if it is not the scheme's.")
            .arg(quoted(host.left(80)));
    const QByteArray target = options.target.toUtf8();
    if (!target.startsWith('/') || !isPrintableAsciiWord(target))
        return tr("the request target %1 must start with '/' and be printable ASCII without "
                  "spaces (percent-encode the rest).")
            .arg(quoted(target.left(80)));
    for (qsizetype i = 0; i < options.subprotocols.size(); ++i) {
        const QString &sub = options.subprotocols[i];
        // RFC 6455 §4.1 item 10: each subprotocol is a token, each offered once.
        if (!isToken(sub.toUtf8()))
            return tr("the subprotocol %1 is not a token (letters, digits and !#$%&'*+-.^_`|~ "
                      "only, RFC 6455 §4.1).")
                .arg(quoted(sub.toUtf8().left(80)));
        if (options.subprotocols.indexOf(sub) != i)
            return tr("the subprotocol %1 is offered twice.").arg(quoted(sub.toUtf8()));
    }
    if (!isFieldValue(options.origin.toUtf8()))
        return tr("the Origin %1 contains CR, LF or another control character.")
            .arg(quoted(options.origin.toUtf8().left(80)));
    if (!options.key.isEmpty()) {
        const auto decoded =
            QByteArray::fromBase64Encoding(options.key, QByteArray::AbortOnBase64DecodingErrors);
        if (options.key.size() != 24 || !decoded || decoded.decoded.size() != 16)
            return tr("the Sec-WebSocket-Key %1 is not 16 bytes in base64 (RFC 6455 §4.1).")
                .arg(quoted(options.key.left(64)));
    }
    for (const auto &[name, value] : options.extraHeaders) {
        if (!isToken(name))
            return tr("the header name %1 is not a token (no spaces, colons, CR or LF).")
                .arg(quoted(name.left(64)));
        if (!isFieldValue(value))
            return tr("the value of header %1 contains CR, LF or another control character.")
                .arg(QString::fromLatin1(name));
        for (QByteArrayView own : OwnHeaders) {
            if (equalsNoCase(name, own))
                return tr("the header %1 is the handshake's own; it cannot be set as an extra "
                          "header (subprotocols have their own option).")
                    .arg(QString::fromLatin1(name));
        }
        if (equalsNoCase(name, "Origin") && !options.origin.isEmpty())
            return tr("Origin is given twice: as the origin and as an extra header.");
    }
    if (options.maxHeaderBytes <= 0)
        return tr("the response header limit must be positive.");
    return {};
}

ClientHandshake::ClientHandshake(ClientHandshakeOptions options)
    : m_options(std::move(options))
{
    if (const QString why = checkOptions(m_options); !why.isEmpty()) {
        fail(why);
        return;
    }
    QByteArray key = m_options.key;
    if (key.isEmpty()) {
        // RFC 6455 §4.1: a nonce of 16 random bytes, fresh per connection,
        // from the operating system's generator.
        std::array<quint32, 4> nonce{};
        QRandomGenerator::system()->fillRange(nonce.data(), nonce.size());
        key = QByteArray(reinterpret_cast<const char *>(nonce.data()), 16).toBase64();
        m_options.key = key;
    }
    m_expectedAccept = computeAcceptKey(key);

    m_request = "GET " + m_options.target.toUtf8() +
                " HTTP/1.1\r\nHost: " + m_options.host.toUtf8() +
                "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: " + key +
                "\r\nSec-WebSocket-Version: 13\r\n";
    if (!m_options.origin.isEmpty())
        m_request += "Origin: " + m_options.origin.toUtf8() + "\r\n";
    if (!m_options.subprotocols.isEmpty())
        m_request +=
            "Sec-WebSocket-Protocol: " + m_options.subprotocols.join(u", "_s).toUtf8() + "\r\n";
    if (m_options.offerDeflate)
        m_request += "Sec-WebSocket-Extensions: " + deflateClientOffer() + "\r\n";
    for (const auto &[name, value] : std::as_const(m_options.extraHeaders))
        m_request += name + ": " + value + "\r\n";
    m_request += "\r\n";
}

// Item 5: an extension only if we offered it. We offer permessage-deflate
// at most, so the answer is one permessage-deflate that RFC 7692 §5.1 lets
// us accept, or nothing.
bool ClientHandshake::checkExtensions()
{
    if (headerCount(m_headers, "Sec-WebSocket-Extensions") == 0)
        return true;
    const QByteArray value = headerValue(m_headers, "Sec-WebSocket-Extensions");
    if (!m_options.offerDeflate) {
        fail(tr("the server chose extensions (%1) that were not offered.")
                 .arg(QString::fromUtf8(value)));
        return false;
    }
    QString error;
    const auto extensions = parseExtensions({value}, &error);
    if (!extensions) {
        fail(tr("the 101's Sec-WebSocket-Extensions is malformed: %1").arg(error));
        return false;
    }
    if (extensions->size() != 1 || extensions->first().name != "permessage-deflate") {
        fail(tr("the server chose extensions (%1); only permessage-deflate was offered.")
                 .arg(QString::fromUtf8(value)));
        return false;
    }
    m_deflate = readDeflateAnswer(extensions->first(), &error);
    if (!m_deflate) {
        fail(tr("the server's permessage-deflate answer cannot be accepted: %1").arg(error));
        return false;
    }
    return true;
}

HandshakeStatus ClientHandshake::feed(QByteArrayView data)
{
    if (m_status == HandshakeStatus::Complete) {
        m_leftover += data;
        return m_status;
    }
    if (m_status == HandshakeStatus::Failed) {
        appendBody(data); // a refusal's body, if one is still expected
        return m_status;
    }

    const qsizetype from = std::max<qsizetype>(0, m_buffer.size() - 3);
    m_buffer += data;
    const qsizetype end = m_buffer.indexOf(HeaderTerminator, from);
    // As the server's limit: a buffer at the limit without a terminator can
    // only end beyond it, so the verdict does not depend on the split.
    const qsizetype blockSize = end < 0 ? m_buffer.size() : end + HeaderTerminator.size();
    if ((end < 0 && blockSize >= m_options.maxHeaderBytes) ||
        (end >= 0 && blockSize > m_options.maxHeaderBytes)) {
        fail(tr("the response header is over %1 bytes.").arg(m_options.maxHeaderBytes));
        return m_status;
    }
    if (end < 0)
        return m_status;
    const QByteArray rest = m_buffer.mid(blockSize);
    QList<QByteArray> lines = m_buffer.left(end).split('\n');
    m_buffer.clear();
    for (QByteArray &line : lines) {
        if (line.endsWith('\r'))
            line.chop(1);
    }

    // Status line, RFC 9112 §4: HTTP-version SP 3DIGIT SP [reason].
    const QByteArray &statusLine = lines.first();
    const qsizetype sp = statusLine.indexOf(' ');
    const QByteArrayView version = QByteArrayView(statusLine).first(sp < 0 ? 0 : sp);
    const auto isDigit = [&](qsizetype i) {
        return i < statusLine.size() && statusLine[i] >= '0' && statusLine[i] <= '9';
    };
    // HTTP/1.x, a space, exactly three digits, then the end of the line or a space.
    const bool wellFormed = (version == "HTTP/1.1" || version == "HTTP/1.0") && isDigit(sp + 1) &&
                            isDigit(sp + 2) && isDigit(sp + 3) &&
                            (statusLine.size() == sp + 4 || statusLine[sp + 4] == ' ');
    const int status = wellFormed ? statusLine.mid(sp + 1, 3).toInt() : 0;
    if (!wellFormed || status < 100) {
        fail(tr("the response does not start with an HTTP status line: %1.")
                 .arg(quoted(statusLine.left(80))));
        return m_status;
    }
    // RFC 6455 §4.1: the upgrade answer is HTTP/1.1; an HTTP/1.0 server can
    // only be refusing (its status is still reported below).
    if (status == 101 && version != "HTTP/1.1") {
        fail(tr("the 101 response is %1, not HTTP/1.1.").arg(QString::fromLatin1(version)));
        return m_status;
    }
    m_httpStatus = status;
    QString error;
    if (!parseHeaderLines(lines, m_headers, &error)) {
        fail(tr("the response is malformed: %1").arg(error));
        return m_status;
    }
    if (status != 101) {
        fail(tr("the server answered %1 instead of 101 Switching Protocols.")
                 .arg(QString::fromUtf8(statusLine.mid(sp + 1))));
        // What the server says about its refusal is the useful part.
        startBody();
        appendBody(rest);
        return m_status;
    }
    if (!validate101())
        return m_status;
    // Frames the server sent right behind its 101 belong to the session.
    m_leftover = rest;
    m_status = HandshakeStatus::Complete;
    return m_status;
}

bool ClientHandshake::validate101()
{
    // RFC 6455 §4.1, the client's checks of the server's handshake, items 2-6.
    const QByteArray upgrade = headerValue(m_headers, "Upgrade");
    if (!listContainsToken(upgrade, "websocket")) {
        fail(tr("the 101 has Upgrade %1; it must be websocket.").arg(quoted(upgrade)));
        return false;
    }
    const QByteArray connection = headerValue(m_headers, "Connection");
    if (!listContainsToken(connection, "upgrade")) {
        fail(tr("the 101 has Connection %1; it must include Upgrade.").arg(quoted(connection)));
        return false;
    }
    const QByteArray accept = headerValue(m_headers, "Sec-WebSocket-Accept");
    if (accept != m_expectedAccept) {
        fail(accept.isEmpty() ? tr("the 101 has no Sec-WebSocket-Accept; expected %1 for our key.")
                                    .arg(QString::fromLatin1(m_expectedAccept))
                              : tr("Sec-WebSocket-Accept is %1; expected %2 for our key.")
                                    .arg(quoted(accept), QString::fromLatin1(m_expectedAccept)));
        return false;
    }
    if (!checkExtensions())
        return false;
    // Item 6: at most one subprotocol, and one we offered.
    if (headerCount(m_headers, "Sec-WebSocket-Protocol") > 0) {
        const QByteArray protocol = headerValue(m_headers, "Sec-WebSocket-Protocol");
        const QString chosen = QString::fromUtf8(protocol);
        if (listElements(protocol).size() > 1) {
            fail(tr("the server chose several subprotocols (%1), not one offered (%2); a server "
                    "chooses exactly one.")
                     .arg(quoted(protocol), m_options.subprotocols.join(u", "_s)));
            return false;
        }
        if (!m_options.subprotocols.contains(chosen)) {
            fail(m_options.subprotocols.isEmpty()
                     ? tr("the server chose subprotocol %1 but none was offered.")
                           .arg(quoted(protocol))
                     : tr("the server chose subprotocol %1, which is not one offered (%2).")
                           .arg(quoted(protocol), m_options.subprotocols.join(u", "_s)));
            return false;
        }
        m_subprotocol = chosen;
    }
    return true;
}

HandshakeStatus ClientHandshake::transportClosed()
{
    if (m_status == HandshakeStatus::NeedMore) {
        fail(m_buffer.isEmpty()
                 ? tr("the server closed the connection without answering the upgrade.")
                 : tr("the server closed the connection in the middle of its response (%1 bytes "
                      "received).")
                       .arg(m_buffer.size()));
    } else if (m_bodyFraming == BodyFraming::UntilClose) {
        m_bodyFraming = BodyFraming::Done; // RFC 9112 §6.3 item 8: the close ends the body
    } else if (m_bodyFraming != BodyFraming::Done) {
        m_bodyFraming = BodyFraming::Done; // cut short: what arrived is what we show
    }
    return m_status;
}

QString ClientHandshake::failureReason() const
{
    if (m_body.isEmpty() || !bodyComplete())
        return m_failureReason;
    // The server's own words (a text body), on one line and not too long.
    if (!Utf8Validator::isValid(m_body))
        return m_failureReason + u' ' + tr("Its body is %1 bytes of binary.").arg(m_body.size());
    QString said = QString::fromUtf8(m_body).simplified();
    if (said.size() > 200)
        said = said.left(200) + u'…';
    return m_failureReason + u' ' + tr("It said: %1").arg(said);
}

QByteArray ClientHandshake::takeLeftover()
{
    return std::exchange(m_leftover, {});
}

void ClientHandshake::fail(const QString &reason)
{
    m_status = HandshakeStatus::Failed;
    m_failureReason = reason;
    m_buffer.clear();
    m_leftover.clear();
}

// ---------------------------------------------------------------- a refusal's body

void ClientHandshake::startBody()
{
    // RFC 9112 §6.3: chunked wins over Content-Length; neither means the
    // body runs until the connection closes.
    m_bodyFraming = BodyFraming::UntilClose;
    if (hasNoBody(m_httpStatus)) {
        m_bodyFraming = BodyFraming::Done;
        return;
    }
    const QByteArray coding = headerValue(m_headers, "Transfer-Encoding");
    if (!coding.isEmpty()) {
        if (listContainsToken(coding, "chunked"))
            m_bodyFraming = BodyFraming::Chunked;
        return;
    }
    if (headerCount(m_headers, "Content-Length") > 0) {
        bool ok = false;
        const qint64 length = headerValue(m_headers, "Content-Length").toLongLong(&ok);
        if (ok && length >= 0) {
            m_bodyFraming = length == 0 ? BodyFraming::Done : BodyFraming::Length;
            m_bodyRemaining = length;
        }
    }
}

void ClientHandshake::appendBody(QByteArrayView data)
{
    switch (m_bodyFraming) {
    case BodyFraming::Done:
        return;
    case BodyFraming::Length: {
        const qsizetype n = qsizetype(std::min<qint64>(m_bodyRemaining, data.size()));
        m_bodyRemaining -= n;
        addBodyBytes(data.first(n));
        if (m_bodyRemaining == 0)
            m_bodyFraming = BodyFraming::Done;
        return;
    }
    case BodyFraming::UntilClose:
        addBodyBytes(data);
        return;
    case BodyFraming::Chunked:
        appendChunked(data);
        return;
    }
}

// RFC 9112 §7.1: chunk-size [;ext] CRLF data CRLF …, ended by a zero-size
// chunk (any trailer after it is not read). m_buffer holds what is not
// decoded yet; a malformed size line ends the body with what was decoded.
void ClientHandshake::appendChunked(QByteArrayView data)
{
    m_buffer += data;
    qsizetype pos = 0;
    while (m_bodyFraming == BodyFraming::Chunked) {
        if (m_bodyRemaining > 0) {
            const qsizetype n = qsizetype(std::min<qint64>(m_bodyRemaining, m_buffer.size() - pos));
            if (n == 0)
                break;
            addBodyBytes(QByteArrayView(m_buffer).sliced(pos, n));
            pos += n;
            m_bodyRemaining -= n;
            m_chunkNeedsCrlf = m_bodyRemaining == 0;
            continue;
        }
        if (m_chunkNeedsCrlf) {
            if (m_buffer.size() - pos < 2)
                break;
            pos += 2;
            m_chunkNeedsCrlf = false;
            continue;
        }
        const qsizetype eol = m_buffer.indexOf("\r\n", pos);
        if (eol < 0) {
            if (m_buffer.size() - pos > 1024) // no size line is that long
                m_bodyFraming = BodyFraming::Done;
            break;
        }
        QByteArray sizeText = m_buffer.sliced(pos, eol - pos);
        if (const qsizetype semicolon = sizeText.indexOf(';'); semicolon >= 0)
            sizeText.truncate(semicolon);
        bool ok = false;
        const qint64 size = sizeText.trimmed().toLongLong(&ok, 16);
        pos = eol + 2;
        if (!ok || size <= 0) {
            m_bodyFraming = BodyFraming::Done; // the last chunk, or a malformed size
            break;
        }
        m_bodyRemaining = size;
    }
    m_buffer.remove(0, pos);
    if (m_bodyFraming == BodyFraming::Done)
        m_buffer.clear();
}

void ClientHandshake::addBodyBytes(QByteArrayView data)
{
    const qsizetype room = MaxBodyBytes - m_body.size();
    m_body += data.first(std::min(room, data.size()));
    // Enough to show what the server said; the rest is not waited for.
    if (m_body.size() >= MaxBodyBytes)
        m_bodyFraming = BodyFraming::Done;
}

} // namespace closecall::protocol
