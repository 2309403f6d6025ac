// Fuzzes the HTTP upgrade (app/protocol/handshake.h).
//
//   byte 0 % 3 == 0: ServerHandshake on arbitrary request bytes, fed whole and
//                    split (same verdict, same response, same leftover)
//   byte 0 % 3 == 1: ClientHandshake on arbitrary response bytes, whole and split
//                    (same verdict, status, reason, refusal body); then the
//                    client-role WsConnection on the same bytes, whole and
//                    split (same upgrade, state and events)
//   byte 0 % 3 == 2: round trip: a ClientHandshake's request built from
//                    fuzzed (well-formed) options must be accepted by a
//                    ServerHandshake, and its 101 by the client
//
// Invariants: Complete ⇒ the response is "HTTP/1.1 101 ..." carrying the
// right Sec-WebSocket-Accept; Failed ⇒ a 4xx/5xx status and a non-empty,
// well-formed error response (no header injection, Content-Length right).

#include "fuzzsupport.h"

#include "protocol/handshake.h"
#include "protocol/wsconnection.h"

#include <QtCore/QByteArray>
#include <QtCore/QList>
#include <QtCore/QString>
#include <QtCore/QStringList>

#include <cstdint>
#include <cstdio>

using namespace closecall::protocol;
using closecall::fuzz::Reader;
using namespace Qt::StringLiterals;

namespace {

constexpr QByteArrayView kRfcKey = "dGhlIHNhbXBsZSBub25jZQ==";
constexpr QByteArrayView kRfcAccept = "s3pPLMBiTxaQ9kYGzzhZRbK+xOo="; // RFC 6455 §1.3

// An HTTP response we wrote must be well formed whatever the request held:
// CRLF-separated header lines without stray CR, LF or NUL (a reason echoed
// into a header would be response splitting), and a correct Content-Length.
void checkResponseShape(const QByteArray &response)
{
    const qsizetype end = response.indexOf("\r\n\r\n");
    FUZZ_CHECK(end > 0, "response without an end of headers");
    const QByteArray head = response.first(end);
    const QByteArray body = response.sliced(end + 4);
    qsizetype contentLength = -1;
    for (qsizetype pos = 0; pos <= head.size();) {
        qsizetype eol = head.indexOf("\r\n", pos);
        if (eol < 0)
            eol = head.size();
        const QByteArray line = head.sliced(pos, eol - pos);
        FUZZ_CHECK(!line.contains('\r') && !line.contains('\n') && !line.contains('\0'),
                   "stray CR, LF or NUL in a response header line");
        if (line.toLower().startsWith("content-length:")) {
            bool ok = false;
            contentLength = line.sliced(15).trimmed().toLongLong(&ok);
            FUZZ_CHECK(ok, "unreadable Content-Length");
        }
        pos = eol + 2;
    }
    if (contentLength >= 0)
        FUZZ_CHECK(contentLength == body.size(), "Content-Length differs from the body");
}

void checkServerVerdict(const ServerHandshake &hs, const ServerHandshakeConfig &config)
{
    const QByteArray response = hs.response();
    switch (hs.status()) {
    case HandshakeStatus::NeedMore:
        FUZZ_CHECK(response.isEmpty(), "a response before the verdict");
        break;
    case HandshakeStatus::Complete: {
        FUZZ_CHECK(response.startsWith("HTTP/1.1 101"), "Complete without a 101");
        checkResponseShape(response);
        const HandshakeRequest &req = hs.request();
        FUZZ_CHECK(req.method == "GET", "accepted a method other than GET");
        const auto key =
            QByteArray::fromBase64Encoding(req.key, QByteArray::AbortOnBase64DecodingErrors);
        FUZZ_CHECK(key.decodingStatus == QByteArray::Base64DecodingStatus::Ok &&
                       key.decoded.size() == 16,
                   "accepted a Sec-WebSocket-Key that is not 16 bytes of base64");
        FUZZ_CHECK(response.contains(computeAcceptKey(req.key)),
                   "101 without the right Sec-WebSocket-Accept");
        const QString sub = hs.selectedSubprotocol();
        if (!sub.isEmpty()) {
            FUZZ_CHECK(config.subprotocols.contains(sub), "selected a subprotocol we do not speak");
            FUZZ_CHECK(req.offeredSubprotocols.contains(sub),
                       "selected a subprotocol the client did not offer");
        }
        if (!config.allowedOrigins.isEmpty())
            FUZZ_CHECK(config.allowedOrigins.contains(req.origin, Qt::CaseInsensitive),
                       "accepted an Origin that is not allowed");
        break;
    }
    case HandshakeStatus::Failed:
        FUZZ_CHECK(hs.httpStatus() >= 400 && hs.httpStatus() <= 599, "Failed without a 4xx/5xx");
        FUZZ_CHECK(!response.isEmpty(), "Failed with no response to send");
        FUZZ_CHECK(
            response.startsWith(QByteArray("HTTP/1.1 " + QByteArray::number(hs.httpStatus()))),
            "error response status line differs from httpStatus()");
        FUZZ_CHECK(!hs.failureReason().isEmpty(), "Failed without a reason");
        checkResponseShape(response);
        if (hs.httpStatus() == 426)
            FUZZ_CHECK(response.toLower().contains("sec-websocket-version: 13"),
                       "426 without Sec-WebSocket-Version: 13");
        break;
    }
}

struct ServerOutcome
{
    HandshakeStatus status;
    int httpStatus;
    QByteArray response;
    QByteArray leftover;
};

ServerOutcome runServer(const ServerHandshakeConfig &config, const QByteArray &input,
                        QByteArrayView seed)
{
    ServerHandshake hs(config);
    HandshakeStatus st = HandshakeStatus::NeedMore;
    qsizetype fed = 0;
    closecall::fuzz::forEachChunk(input.size(), seed, [&](qsizetype pos, qsizetype n) {
        if (st != HandshakeStatus::NeedMore)
            return; // the driver hands later bytes to the session
        st = hs.feed(QByteArrayView(input).sliced(pos, n));
        FUZZ_CHECK(st == hs.status(), "feed() and status() disagree");
        fed = pos + n;
    });
    checkServerVerdict(hs, config);
    ServerOutcome out{st, hs.httpStatus(), hs.response(), {}};
    if (st == HandshakeStatus::Complete) {
        // Unfed bytes would have reached the session directly.
        out.leftover = hs.takeLeftover() + input.sliced(fed);
        FUZZ_CHECK(input.endsWith(out.leftover), "leftover is not the tail of the input");
        FUZZ_CHECK(hs.request().key.size() > 0, "");
    }
    // A verdict is final.
    if (st != HandshakeStatus::NeedMore)
        FUZZ_CHECK(hs.feed("GET / HTTP/1.1\r\n\r\n") == st, "the verdict changed after more input");
    return out;
}

void fuzzServer(Reader &in)
{
    const quint8 cfg = in.byte();
    ServerHandshakeConfig config;
    if (cfg & 1)
        config.subprotocols = {u"chat"_s, u"superchat"_s};
    if (cfg & 2)
        config.allowedOrigins = {u"https://example.com"_s};
    if (cfg & 4)
        config.maxHeaderBytes = 64 + 8 * qsizetype(in.byte());
    const QByteArray seed = in.bytes(in.byte() % 16);
    const QByteArray input = in.rest();

    const ServerOutcome whole = runServer(config, input, {});
    const ServerOutcome split = runServer(config, input, seed);
    FUZZ_CHECK(whole.status == split.status, "split request bytes gave another verdict");
    FUZZ_CHECK(whole.httpStatus == split.httpStatus, "split request bytes gave another status");
    FUZZ_CHECK(whole.response == split.response, "split request bytes gave another response");
    FUZZ_CHECK(whole.leftover == split.leftover, "split request bytes gave another leftover");
}

// Every event of a session, as comparable text (payload views copied).
class EventLog final : public SessionSink
{
public:
    void onSessionEvent(const SessionEvent &e) override
    {
        text += QByteArray::number(int(e.kind)) + '/' + QByteArray::number(int(e.state)) + '/' +
                QByteArray::number(int(e.to)) + '/' + QByteArray::number(int(e.postClose)) + '/' +
                QByteArray::number(int(e.how)) + '/' + QByteArray::number(int(e.transport)) + '/' +
                (e.code ? QByteArray::number(*e.code) : QByteArray("-")) + '/' +
                e.payload.toByteArray().toHex() + '/' + e.text.toUtf8() + '\n';
    }
    QByteArray text;
};

struct ClientConnectionOutcome
{
    WsConnection::Upgrade upgrade;
    State state;
    int status;
    QString reason;
    QByteArray events;
};

// The client-role connection on the server's bytes, fed in pieces, then
// (when `eof`) the transport's end.
ClientConnectionOutcome runClientConnection(const ClientHandshakeOptions &options,
                                            const QByteArray &input, QByteArrayView seed, bool eof)
{
    EventLog log;
    WsConnection ws(log, options);
    FUZZ_CHECK(ws.output() == ClientHandshake(options).request(),
               "the client connection does not start with its request");
    ws.output().clear();
    QByteArray bytes = input;
    closecall::fuzz::forEachChunk(
        bytes.size(), seed, [&](qsizetype pos, qsizetype n) { ws.receive(bytes.data() + pos, n); });
    if (eof)
        ws.transportClosed(false);
    if (ws.upgrade() == WsConnection::Upgrade::Accepted) {
        FUZZ_CHECK(input.startsWith("HTTP/1.1 101"), "opened without a 101");
        FUZZ_CHECK(input.contains(kRfcAccept), "opened without our accept key");
    }
    if (eof)
        FUZZ_CHECK(!ws.isConnecting(), "still connecting after the transport ended");
    return {ws.upgrade(), ws.state(), ws.httpStatus(), ws.failureReason(), log.text};
}

void fuzzClient(Reader &in)
{
    const quint8 cfg = in.byte();
    ClientHandshakeOptions options;
    options.key = kRfcKey.toByteArray();
    if (cfg & 1)
        options.subprotocols = {u"chat"_s};
    const bool eof = (cfg & 2) != 0;
    const QByteArray seed = in.bytes(in.byte() % 16);
    const QByteArray input = in.rest();

    ClientHandshake probe(options);
    const QByteArray request = probe.request();
    FUZZ_CHECK(request.startsWith("GET / HTTP/1.1\r\n") && request.endsWith("\r\n\r\n"),
               "client request malformed");

    HandshakeStatus results[2] = {};
    int statuses[2] = {};
    QString reasons[2];
    QByteArray bodies[2];
    bool bodyDone[2] = {};
    for (int pass = 0; pass < 2; ++pass) {
        ClientHandshake hs(options);
        HandshakeStatus st = HandshakeStatus::NeedMore;
        // Every byte is fed, also after the verdict: a refusal's body comes then.
        closecall::fuzz::forEachChunk(input.size(), pass ? QByteArrayView(seed) : QByteArrayView(),
                                      [&](qsizetype pos, qsizetype n) {
                                          const HandshakeStatus now =
                                              hs.feed(QByteArrayView(input).sliced(pos, n));
                                          FUZZ_CHECK(st == HandshakeStatus::NeedMore || now == st,
                                                     "the verdict changed after more input");
                                          st = now;
                                      });
        if (eof) {
            st = hs.transportClosed();
            FUZZ_CHECK(st != HandshakeStatus::NeedMore, "undecided after the transport ended");
            FUZZ_CHECK(hs.bodyComplete(), "a body still expected after the transport ended");
        }
        FUZZ_CHECK(st == hs.status(), "");
        FUZZ_CHECK(hs.responseBody().size() <= ClientHandshake::MaxBodyBytes, "body over the cap");
        FUZZ_CHECK(hs.responseBody().isEmpty() ||
                       (st == HandshakeStatus::Failed && hs.httpStatus() >= 100),
                   "a body without a refusal");
        if (st == HandshakeStatus::Complete) {
            // The status line ends in CRLF, or in a bare LF, which the client
            // accepts as a line end as RFC 9112 §2.2 allows.
            FUZZ_CHECK(input.startsWith("HTTP/1.1 101 ") || input.startsWith("HTTP/1.1 101\r\n") ||
                           input.startsWith("HTTP/1.1 101\n"),
                       "client accepted a status line other than HTTP/1.1 101");
            FUZZ_CHECK(input.contains(kRfcAccept), "client accepted a wrong Sec-WebSocket-Accept");
            FUZZ_CHECK(hs.httpStatus() == 101, "");
            FUZZ_CHECK(hs.subprotocol().isEmpty() ||
                           options.subprotocols.contains(hs.subprotocol()),
                       "client accepted a subprotocol it did not offer");
            const QByteArray left = hs.takeLeftover();
            FUZZ_CHECK(input.endsWith(left), "leftover is not the tail of the response");
        } else if (st == HandshakeStatus::Failed) {
            FUZZ_CHECK(!hs.failureReason().isEmpty(), "client failed without a reason");
        }
        results[pass] = st;
        statuses[pass] = hs.httpStatus();
        reasons[pass] = hs.failureReason();
        bodies[pass] = hs.responseBody();
        bodyDone[pass] = hs.bodyComplete();
    }
    FUZZ_CHECK(results[0] == results[1], "split response bytes gave another verdict");
    FUZZ_CHECK(statuses[0] == statuses[1], "split response bytes gave another status");
    FUZZ_CHECK(reasons[0] == reasons[1], "split response bytes gave another reason");
    FUZZ_CHECK(bodies[0] == bodies[1], "split response bytes gave another body");
    FUZZ_CHECK(bodyDone[0] == bodyDone[1], "split response bytes ended the body elsewhere");

    const ClientConnectionOutcome whole = runClientConnection(options, input, {}, eof);
    const ClientConnectionOutcome split = runClientConnection(options, input, seed, eof);
    FUZZ_CHECK(whole.upgrade == split.upgrade, "split bytes gave the connection another upgrade");
    FUZZ_CHECK(whole.state == split.state, "split bytes gave the connection another state");
    FUZZ_CHECK(whole.status == split.status, "split bytes gave the connection another status");
    FUZZ_CHECK(whole.reason == split.reason, "split bytes gave the connection another reason");
    FUZZ_CHECK(whole.events == split.events, "split bytes gave the connection other events");
}

// A token of 1..8 characters from `alphabet`, drawn from the input.
QString token(Reader &in, QLatin1StringView alphabet)
{
    const int n = 1 + in.byte() % 8;
    QString s;
    for (int i = 0; i < n; ++i)
        s += QChar(alphabet[in.byte() % alphabet.size()]);
    return s;
}

void fuzzRoundTrip(Reader &in)
{
    const auto tok = "abcdefghijklmnopqrstuvwxyz0123456789-."_L1;
    const quint8 cfg = in.byte();

    ClientHandshakeOptions options;
    options.host =
        u"h"_s + token(in, tok) + ((cfg & 1) ? u":"_s + QString::number(in.u16()) : QString());
    QString path = u"/"_s;
    if (cfg & 2)
        path += token(in, "abc019/-_.~"_L1);
    QString query;
    if (cfg & 4)
        query = token(in, "ab01=&"_L1);
    options.target = query.isEmpty() ? path : path + u"?"_s + query;
    const int offered = (cfg >> 3) % 4;
    const QStringList known = {u"chat"_s, u"superchat"_s, u"mqtt"_s, u"v2.json"_s};
    for (int i = 0; i < offered; ++i)
        options.subprotocols.append((in.byte() & 1) ? known[in.byte() % known.size()]
                                                    : token(in, tok));
    options.subprotocols.removeDuplicates();
    if (cfg & 0x20)
        options.origin = u"https://"_s + token(in, tok);
    if (cfg & 0x40)
        options.extraHeaders.append({QByteArrayLiteral("X-Extra"), token(in, tok).toLatin1()});
    // Leave the key empty half the time: a fresh random key is then checked too.
    if (cfg & 0x80)
        options.key = QByteArray(16, char(in.byte())).toBase64();

    ServerHandshakeConfig config;
    for (int i = in.byte() % 3; i > 0; --i)
        config.subprotocols.append(known[in.byte() % known.size()]);
    config.subprotocols.removeDuplicates();
    if (!options.origin.isEmpty() && (in.byte() & 1))
        config.allowedOrigins = {u"https://other.example"_s, options.origin};

    const QByteArray seed = in.bytes(in.byte() % 16);
    const QByteArray early = in.bytes(64); // frames sent right behind the request/response

    ClientHandshake client(options);
    const QByteArray request = client.request();
    ServerHandshake server(config);
    const QByteArray wire = request + early;
    HandshakeStatus st = HandshakeStatus::NeedMore;
    qsizetype fed = 0;
    closecall::fuzz::forEachChunk(wire.size(), seed, [&](qsizetype pos, qsizetype n) {
        if (st == HandshakeStatus::NeedMore) {
            st = server.feed(QByteArrayView(wire).sliced(pos, n));
            fed = pos + n;
        }
    });
    if (st != HandshakeStatus::Complete) {
        std::fprintf(stderr, "request:\n%s\nstatus %d: %s\n", request.constData(),
                     server.httpStatus(), qPrintable(server.failureReason()));
        FUZZ_CHECK(false, "the server refused the client's well-formed request");
    }
    checkServerVerdict(server, config);
    FUZZ_CHECK(server.takeLeftover() + wire.sliced(fed) == early, "server leftover is wrong");

    const HandshakeRequest &req = server.request();
    FUZZ_CHECK(req.method == "GET", "");
    FUZZ_CHECK(req.target == options.target.toLatin1(), "request-target not kept as sent");
    FUZZ_CHECK(req.path == path, "path parsed wrong");
    FUZZ_CHECK(req.query == query, "query parsed wrong");
    FUZZ_CHECK(req.host == options.host, "Host parsed wrong");
    FUZZ_CHECK(req.origin == options.origin, "Origin parsed wrong");
    FUZZ_CHECK(req.offeredSubprotocols == options.subprotocols,
               "offered subprotocols parsed wrong");
    FUZZ_CHECK(req.header("sec-websocket-version") == "13", "header() lookup failed");

    // Ours in preference order; the first the client offers wins.
    QString expectedSub;
    for (const QString &s : config.subprotocols) {
        if (options.subprotocols.contains(s)) {
            expectedSub = s;
            break;
        }
    }
    FUZZ_CHECK(server.selectedSubprotocol() == expectedSub, "server picked the wrong subprotocol");

    const QByteArray answer = server.response() + early;
    st = HandshakeStatus::NeedMore;
    fed = 0;
    closecall::fuzz::forEachChunk(answer.size(), seed, [&](qsizetype pos, qsizetype n) {
        if (st == HandshakeStatus::NeedMore) {
            st = client.feed(QByteArrayView(answer).sliced(pos, n));
            fed = pos + n;
        }
    });
    if (st != HandshakeStatus::Complete) {
        std::fprintf(stderr, "response:\n%s\nreason: %s\n", server.response().constData(),
                     qPrintable(client.failureReason()));
        FUZZ_CHECK(false, "the client refused the server's 101");
    }
    FUZZ_CHECK(client.subprotocol() == expectedSub,
               "client and server disagree on the subprotocol");
    FUZZ_CHECK(client.takeLeftover() + answer.sliced(fed) == early, "client leftover is wrong");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const bool rfcVector = computeAcceptKey(kRfcKey) == kRfcAccept;
    FUZZ_CHECK(rfcVector, "computeAcceptKey fails the RFC 6455 §1.3 example");

    Reader in(data, size);
    switch (in.byte() % 3) {
    case 0:
        fuzzServer(in);
        break;
    case 1:
        fuzzClient(in);
        break;
    default:
        fuzzRoundTrip(in);
        break;
    }
    return 0;
}
