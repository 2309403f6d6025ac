#pragma once

// What the client-role tests share (tst_clientconnection: the upgrade and
// masks; tst_clientclose: the close handshake seen from the client): RFC
// options for the handshake, server frames, the client's frames read off
// the wire, and a connection driven by a script of words.
#include "handshakesamples.h"
#include "sessionrecorder.h"

#include "protocol/handshake.h"
#include "protocol/wsconnection.h"

#include <QtCore/QtEndian>
#include <QtTest/QtTest>

#include <cstring>

Q_DECLARE_METATYPE(closecall::protocol::State)
Q_DECLARE_METATYPE(closecall::protocol::Refusal)
Q_DECLARE_METATYPE(closecall::protocol::CloseMode)
Q_DECLARE_METATYPE(closecall::protocol::PostClose)
Q_DECLARE_METATYPE(closecall::protocol::WsConnection::Upgrade)

namespace closecall::test {

using namespace closecall::protocol;
using namespace handshakesamples;
using namespace Qt::StringLiterals;

inline ClientHandshakeOptions rfcOptions()
{
    ClientHandshakeOptions options;
    options.host = u"127.0.0.1:9001"_s;
    options.target = u"/chat?room=1"_s;
    options.key = RfcKey;
    return options;
}

// A frame as a server sends it: unmasked.
inline QByteArray serverFrame(Opcode op, QByteArrayView payload, bool fin = true)
{
    QByteArray out;
    framewriter::appendFrame(out, Role::Server, op, payload, fin);
    return out;
}

inline QByteArray serverClose(CloseCode code, const QString &reason = {})
{
    return serverFrame(Opcode::Close, buildClosePayload(code, reason));
}

struct WireFrame
{
    Opcode opcode;
    bool masked;
    quint32 key;
    QByteArray payload; // unmasked
};

// Walks what the client wrote frame by frame, reading each header by hand
// (RFC 6455 §5.2) so the mask bit and key are seen as on the wire; the
// payloads are unmasked with their own key.
inline QList<WireFrame> clientFrames(QByteArray bytes)
{
    QList<WireFrame> out;
    qsizetype pos = 0;
    while (pos + 2 <= bytes.size()) {
        const auto b0 = quint8(bytes[pos]);
        const auto b1 = quint8(bytes[pos + 1]);
        qsizetype at = pos + 2;
        quint64 len = b1 & 0x7f;
        if (len == 126) {
            len = qFromBigEndian<quint16>(bytes.constData() + at);
            at += 2;
        } else if (len == 127) {
            len = qFromBigEndian<quint64>(bytes.constData() + at);
            at += 8;
        }
        WireFrame f{Opcode(b0 & 0x0f), (b1 & 0x80) != 0, 0, {}};
        if (f.masked) {
            std::memcpy(&f.key, bytes.constData() + at, 4);
            at += 4;
        }
        f.payload = bytes.mid(at, qsizetype(len));
        if (f.masked) {
            const auto *k = reinterpret_cast<const quint8 *>(&f.key);
            for (qsizetype i = 0; i < f.payload.size(); ++i)
                f.payload[i] = char(f.payload[i] ^ k[i % 4]);
        }
        out.append(f);
        pos = at + qsizetype(len);
    }
    Q_ASSERT(pos == bytes.size());
    return out;
}

// One client-role connection driven by a script of words, as
// tst_wsconnection drives the server role.
struct Run
{
    SessionRecorder recorder;
    WsConnection ws{recorder, rfcOptions()};
    Refused lastRefusal;
    qsizetype unread = 0;
    QByteArray output;

    void feed(QByteArray bytes) { unread += ws.receive(bytes.data(), bytes.size()); }
    void keep(const Refused &why) { lastRefusal = why; }

    bool step(const QString &word)
    {
        if (word == u"101") {
            feed(response101(RfcAccept));
        } else if (word == u"101+text") {
            feed(response101(RfcAccept) + serverFrame(Opcode::Text, "early"));
        } else if (word == u"half-101") {
            feed(response101(RfcAccept).first(20));
        } else if (word == u"bad-accept") {
            feed(response101("AAAAAAAAAAAAAAAAAAAAAAAAAAA="));
        } else if (word == u"404") {
            feed("HTTP/1.1 404 Not Found\r\nContent-Length: 9\r\n\r\nno chat\r\n");
        } else if (word == u"404-head") {
            feed("HTTP/1.1 404 Not Found\r\nContent-Length: 9\r\n\r\nno ");
        } else if (word == u"404-rest") {
            feed("chat\r\n");
        } else if (word == u"give-up") {
            ws.abandonUpgrade();
        } else if (word == u"eof") {
            ws.transportClosed(false);
        } else if (word == u"reset") {
            ws.transportClosed(true);
        } else if (word == u"manual") {
            ws.setAutoAcknowledge(false);
        } else if (word == u"peer-text") {
            feed(serverFrame(Opcode::Text, "hello"));
        } else if (word == u"peer-close") {
            feed(serverClose(1001, u"going away"_s));
        } else if (word == u"peer-close-and-more") {
            feed(serverClose(1000) + serverFrame(Opcode::Text, "late"));
        } else if (word == u"peer-masked") {
            feed(clientText(u"masked"_s)); // a masked frame from the server: §5.1
        } else if (word == u"close") {
            keep(ws.close(1000, u"bye", CloseMode::Close));
        } else if (word == u"close-output") {
            keep(ws.close(1000, u"bye", CloseMode::CloseOutput));
        } else if (word == u"send") {
            keep(ws.sendMessage(MessageType::Text, "hi"));
        } else if (word == u"ping") {
            keep(ws.ping("p"));
        } else if (word == u"abort") {
            keep(ws.abort());
        } else if (word == u"timeout") {
            keep(ws.abort(HowEnded::Timeout));
        } else {
            return false;
        }
        output += ws.output();
        ws.output().clear();
        return true;
    }

    QString trail() const
    {
        QStringList out;
        for (const RecordedEvent &e : recorder.ofKind(SessionEvent::Kind::StateChanged))
            out.append(QString(stateName(e.state)) + u'>' + stateName(e.to));
        return out.join(u' ');
    }

    QList<PostClose> postCloseFlags() const
    {
        QList<PostClose> out;
        for (const RecordedEvent &e : recorder.ofKind(SessionEvent::Kind::MessageIn))
            out.append(e.postClose);
        return out;
    }
};

} // namespace closecall::test
