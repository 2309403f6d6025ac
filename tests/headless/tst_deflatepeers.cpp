// permessage-deflate against real compressing clients (RFC 7692):
// Debian's python3-websockets and Node's ws offer it, `closecall --headless
// --deflate` accepts it, and a compressing client's messages are shown and
// closed exactly like any other's: the `open` event names the extension,
// message events give the size on the wire beside the inflated size, echoes
// go back compressed and arrive intact, and messages the client sends after
// our Close are inflated, flagged and counted (docs/close-semantics.md).
#include "serverandpeer.h"

#include <QtTest/QtTest>

#include <memory>
#include <vector>

using namespace closecall::test;
using namespace Qt::StringLiterals;

class tst_deflatepeers : public QObject
{
    Q_OBJECT

private slots:
    void cleanup();
    void pythonClientCompresses();
    void postCloseMessagesCompressed_data();
    void postCloseMessagesCompressed();
    void offerParametersHonoured_data();
    void offerParametersHonoured();
    void offerDeclinedWithoutTheOption();
    void nodeWsCompresses();
    void clientRoleOffersIt();
    void badDeflateOptions_data();
    void badDeflateOptions();

private:
    Server &startServer(const QStringList &extra);
    Peer &startPeer(const QString &path, const QStringList &extra);

    std::unique_ptr<Server> m_server;
    std::vector<std::unique_ptr<Peer>> m_peers;
};

Server &tst_deflatepeers::startServer(const QStringList &extra)
{
    return startServerInto(m_server, extra);
}

Peer &tst_deflatepeers::startPeer(const QString &path, const QStringList &extra)
{
    return startPeerInto(m_peers, *m_server, path, extra);
}

void tst_deflatepeers::cleanup()
{
    m_peers.clear();
    if (m_server)
        QVERIFY2(m_server->badLines().isEmpty(), m_server->badLines().value(0).constData());
    m_server.reset();
}

void tst_deflatepeers::pythonClientCompresses()
{
    Server &server = startServer({u"--deflate"_s, u"--echo"_s});
    Peer &peer = startPeer(u"/z"_s, {u"--deflate"_s});
    const auto peerOpen = peer.waitFor(peerIs(u"open"_s));
    QVERIFY(peerOpen);
    QVERIFY2(peerOpen->value("extensions"_L1).toString().startsWith(u"permessage-deflate"_s),
             qPrintable(peerOpen->value("extensions"_L1).toString()));
    const int conn = server.connFor(u"/z"_s);
    const auto open = server.waitFor(eventIs(u"open"_s, conn));
    QVERIFY(open);
    // Both sides name the same agreement.
    QCOMPARE(open->value("extensions"_L1).toString(), peerOpen->value("extensions"_L1).toString());

    const QString text = u"compress me, compress me again; "_s.repeated(64);
    peer.send({{"send"_L1, text}});
    qsizetype at = 0;
    const auto in = server.waitFor(eventIs(u"message_in"_s, conn), 10000, &at);
    QVERIFY(in);
    QCOMPARE(in->value("size"_L1).toInteger(), text.size());
    const qint64 wire = in->value("wire_size"_L1).toInteger(-1);
    QVERIFY2(wire > 0 && wire < text.size() / 4, qPrintable(QString::number(wire)));
    QVERIFY2(text.startsWith(in->value("preview"_L1).toString()),
             "the preview is the inflated text");
    // The echo goes back compressed and arrives whole.
    const auto out = server.waitFor(eventIs(u"message_out"_s, conn), 10000, nullptr, at + 1);
    QVERIFY(out);
    QVERIFY(out->value("wire_size"_L1).toInteger(-1) > 0);
    const auto echoed = peer.waitFor(peerIs(u"message"_s));
    QVERIFY(echoed);
    QCOMPARE(echoed->value("data"_L1).toString(), text);
}

void tst_deflatepeers::postCloseMessagesCompressed_data()
{
    QTest::addColumn<QString>("cmd");
    QTest::addColumn<QString>("postClose");
    QTest::newRow("close discards [R2]") << u"close"_s << u"discarded"_s;
    QTest::newRow("close_output delivers [R3]") << u"close_output"_s << u"delivered"_s;
}

// The client answers our Close with three compressed messages, then its
// Close: each is inflated, flagged and counted as without compression.
void tst_deflatepeers::postCloseMessagesCompressed()
{
    QFETCH(QString, cmd);
    QFETCH(QString, postClose);
    Server &server = startServer({u"--deflate"_s});
    Peer &peer = startPeer(u"/late"_s, {u"--deflate"_s, u"--after-close-send"_s, u"3"_s});
    const int conn = server.connFor(u"/late"_s);
    QVERIFY(server.command({{"cmd"_L1, cmd}, {"conn"_L1, conn}, {"code"_L1, 1001}})
                .value("ok"_L1)
                .toBool());
    QVERIFY(peer.waitFor(peerIs(u"sent_after_close"_s)));

    qsizetype at = 0;
    QVERIFY(server.waitFor(eventIs(u"close_sent"_s, conn), 5000, &at));
    for (int i = 1; i <= 3; ++i) {
        const auto message = server.waitFor(eventIs(u"message_in"_s, conn), 5000, &at, at + 1);
        QVERIFY2(message, "a message the peer sent after our Close is missing");
        QCOMPARE(message->value("preview"_L1), u"after close %1"_s.arg(i));
        QCOMPARE(message->value("post_close"_L1), postClose);
        QVERIFY2(message->value("wire_size"_L1).toInteger(-1) > 0, "it travelled compressed");
    }
    const auto closed = server.waitFor(eventIs(u"closed"_s, conn));
    QVERIFY(closed);
    QCOMPARE(closed->value("final"_L1), u"Closed"_s);
    // The table counts them as for any client.
    const QJsonArray rows = server.command({{"cmd"_L1, u"list"_s}}).value("data"_L1).toArray();
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows.first().toObject().value("post_close"_L1).toObject().value(postClose).toInt(), 3);
}

void tst_deflatepeers::offerParametersHonoured_data()
{
    QTest::addColumn<QString>("offer");
    QTest::addColumn<QStringList>("answer");
    QTest::addColumn<bool>("repliesCompressed");
    QTest::newRow("server window 9")
        << u"server_max_window_bits=9"_s << QStringList{u"server_max_window_bits=9"_s} << true;
    QTest::newRow("server window 12, no context takeover either way")
        << u"server_max_window_bits=12;server_no_context_takeover;client_no_context_takeover"_s
        << QStringList{u"server_max_window_bits=12"_s, u"server_no_context_takeover"_s,
                       u"client_no_context_takeover"_s}
        << true;
    // The client declares it compresses within 9 bits; the server may
    // leave the parameter out of its answer (RFC 7692 §7.1.2.2) and does.
    QTest::newRow("client window 9") << u"client_max_window_bits=9"_s << QStringList{} << true;
    QTest::newRow("client window without a value")
        << u"client_max_window_bits"_s << QStringList{} << true;
    // zlib cannot compress raw deflate within 8 bits: the replies go as they
    // are, which RFC 7692 allows; the client's messages still come compressed.
    QTest::newRow("server window 8")
        << u"server_max_window_bits=8"_s << QStringList{u"server_max_window_bits=8"_s} << false;
}

// The same echo under each offer a conformance suite tries (RFC 7692 §7.1):
// the agreement states the offer's parameters, the client's compressed
// messages inflate, and our replies, compressed within the window and the
// context rules agreed, reach it intact message after message.
void tst_deflatepeers::offerParametersHonoured()
{
    QFETCH(QString, offer);
    QFETCH(QStringList, answer);
    QFETCH(bool, repliesCompressed);
    Server &server = startServer({u"--deflate"_s, u"--echo"_s});
    Peer &peer = startPeer(u"/offer"_s, {u"--deflate-offer"_s, offer});
    const auto peerOpen = peer.waitFor(peerIs(u"open"_s));
    QVERIFY(peerOpen);
    const QString agreed = peerOpen->value("extensions"_L1).toString();
    QVERIFY2(agreed.startsWith(u"permessage-deflate"_s), qPrintable(agreed));
    for (const QString &parameter : answer)
        QVERIFY2(agreed.contains(parameter), qPrintable(agreed));
    const int conn = server.connFor(u"/offer"_s);

    qsizetype at = 0;
    qsizetype peerAt = -1;
    for (int i = 1; i <= 3; ++i) {
        // Alike enough that context takeover pays, different enough to matter.
        const QString text = u"message %1: the same words again and again; "_s.arg(i).repeated(100);
        peer.send({{"send"_L1, text}});
        const auto in = server.waitFor(eventIs(u"message_in"_s, conn), 10000, &at, at + 1);
        QVERIFY(in);
        QCOMPARE(in->value("size"_L1).toInteger(), text.size());
        const qint64 wire = in->value("wire_size"_L1).toInteger(-1);
        QVERIFY2(wire > 0 && wire < text.size(), qPrintable(QString::number(wire)));
        const auto out = server.waitFor(eventIs(u"message_out"_s, conn), 10000, &at, at + 1);
        QVERIFY(out);
        QCOMPARE(out->contains("wire_size"_L1), repliesCompressed);
        const auto echoed = peer.waitFor(peerIs(u"message"_s), 10000, &peerAt, peerAt + 1);
        QVERIFY(echoed);
        QCOMPARE(echoed->value("data"_L1).toString(), text);
    }
}

void tst_deflatepeers::offerDeclinedWithoutTheOption()
{
    // Off by default: the offer is declined, messages go as they are.
    Server &server = startServer({u"--echo"_s});
    Peer &peer = startPeer(u"/plain"_s, {u"--deflate"_s});
    const auto peerOpen = peer.waitFor(peerIs(u"open"_s));
    QVERIFY(peerOpen);
    QCOMPARE(peerOpen->value("extensions"_L1).toString(), QString());
    const int conn = server.connFor(u"/plain"_s);
    const auto open = server.waitFor(eventIs(u"open"_s, conn));
    QVERIFY(open);
    QVERIFY(!open->contains("extensions"_L1));
    peer.send({{"send"_L1, u"hello hello hello hello"_s}});
    const auto in = server.waitFor(eventIs(u"message_in"_s, conn));
    QVERIFY(in);
    QVERIFY(!in->contains("wire_size"_L1));
    QCOMPARE(peer.waitFor(peerIs(u"message"_s))->value("data"_L1), u"hello hello hello hello"_s);
}

void tst_deflatepeers::nodeWsCompresses()
{
    Server &server = startServer({u"--deflate"_s, u"--echo"_s});
    JsonLinesProcess node;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"NODE_PATH"_s, u"/usr/share/nodejs"_s); // Debian's node-ws
    env.insert(u"WSPEER_DEFLATE"_s, u"1"_s);
    node.process().setProcessEnvironment(env);
    const QString text = u"node compresses this, and this, and this; "_s.repeated(40);
    node.process().start(u"node"_s, {QStringLiteral(WSPEER_JS), server.url(u"/node"_s), text});
    const auto nodeOpen = node.waitFor(peerIs(u"open"_s));
    QVERIFY2(nodeOpen, qPrintable(u"node's ws did not connect (is node-ws installed?): "_s +
                                  QString::fromLocal8Bit(node.stderrText())));
    QVERIFY2(nodeOpen->value("extensions"_L1).toString().contains(u"permessage-deflate"_s),
             qPrintable(nodeOpen->value("extensions"_L1).toString()));
    const int conn = server.connFor(u"/node"_s);
    const auto in = server.waitFor(eventIs(u"message_in"_s, conn));
    QVERIFY(in);
    QCOMPARE(in->value("size"_L1).toInteger(), text.size());
    QVERIFY(in->value("wire_size"_L1).toInteger(-1) > 0);
    const auto echoed = node.waitFor(peerIs(u"message"_s));
    QVERIFY(echoed);
    QCOMPARE(echoed->value("data"_L1).toString(), text);

    QVERIFY(server.command({{"cmd"_L1, u"close_output"_s}, {"conn"_L1, conn}, {"code"_L1, 4002}})
                .value("ok"_L1)
                .toBool());
    const auto seen = node.waitFor(peerIs(u"close"_s));
    QVERIFY(seen);
    QCOMPARE(seen->value("code"_L1).toInt(), 4002);
    QVERIFY(node.waitForExit());
}

void tst_deflatepeers::clientRoleOffersIt()
{
    // CloseCall connects to its own listener offering deflate: both rows
    // name the same agreement, and a message from the out row arrives
    // compressed at the in row.
    Server &server = startServer({u"--deflate"_s});
    const QJsonObject result = server.command(
        {{"cmd"_L1, u"connect"_s}, {"url"_L1, server.url(u"/self"_s)}, {"deflate"_L1, true}});
    QVERIFY2(result.value("ok"_L1).toBool(), qPrintable(result.value("error"_L1).toString()));
    const int out =
        result.value("data"_L1).toObject().value("connections"_L1).toArray().first().toInt();
    const auto outOpen = server.waitFor(eventIs(u"open"_s, out));
    QVERIFY(outOpen);
    const int in = server.connFor(u"/self"_s);
    QVERIFY(in != out);
    const auto inOpen = server.waitFor(eventIs(u"open"_s, in));
    QVERIFY(inOpen);
    QVERIFY2(outOpen->value("extensions"_L1).toString().startsWith(u"permessage-deflate"_s),
             qPrintable(outOpen->value("extensions"_L1).toString()));
    QCOMPARE(inOpen->value("extensions"_L1), outOpen->value("extensions"_L1));

    const QString text = u"out and in, compressed; "_s.repeated(50);
    QVERIFY(server.command({{"cmd"_L1, u"send"_s}, {"conn"_L1, out}, {"text"_L1, text}})
                .value("ok"_L1)
                .toBool());
    const auto arrived = server.waitFor(eventIs(u"message_in"_s, in));
    QVERIFY(arrived);
    QCOMPARE(arrived->value("size"_L1).toInteger(), text.size());
    QVERIFY(arrived->value("wire_size"_L1).toInteger(-1) > 0);
}

void tst_deflatepeers::badDeflateOptions_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("error");
    QTest::newRow("tuning without --deflate")
        << QStringList{u"--deflate-window-bits"_s, u"12"_s}
        << u"closecall: --deflate-window-bits: needs --deflate"_s;
    QTest::newRow("8 bits for our side")
        << QStringList{u"--deflate"_s, u"--deflate-window-bits"_s, u"8"_s}
        << u"closecall: --deflate-window-bits: "_s;
    QTest::newRow("16 bits for the client")
        << QStringList{u"--deflate"_s, u"--deflate-client-window-bits"_s, u"16"_s}
        << u"closecall: --deflate-client-window-bits: "_s;
}

void tst_deflatepeers::badDeflateOptions()
{
    QFETCH(QStringList, args);
    QFETCH(QString, error);
    QProcess closecall;
    closecall.start(QStringLiteral(CLOSECALL_BIN), QStringList{u"--headless"_s} + args);
    QVERIFY(closecall.waitForFinished(30000));
    QCOMPARE(closecall.exitCode(), 2);
    const QString stderrText = QString::fromUtf8(closecall.readAllStandardError());
    QVERIFY2(stderrText.startsWith(error) && stderrText.count(u'\n') == 1, qPrintable(stderrText));
    QVERIFY(closecall.readAllStandardOutput().isEmpty());
}

QTEST_GUILESS_MAIN(tst_deflatepeers)
#include "tst_deflatepeers.moc"
