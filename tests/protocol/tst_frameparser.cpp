// RFC 6455 §5 frame parsing of valid input: the §5.7 examples, identical
// sink calls for any split of the input (R14), the limits, the zero-copy
// fast path, stop() and buffer accounting. What a broken stream gets is in
// tst_frameparser_errors.cpp.
#include "framerecorder.h"

#include <QtTest/QtTest>

using namespace closecall::protocol;
using namespace closecall::test;
using namespace Qt::StringLiterals;

class tst_frameparser : public QObject
{
    Q_OBJECT

private slots:
    void rfcExamples_data();
    void rfcExamples();
    void anySplitSameCalls_data();
    void anySplitSameCalls();
    void limits_data();
    void limits();
    void zeroCopyFastPath();
    void stopEndsTheCurrentFeed();
    void buffersAndReleaseMemory();
};

void tst_frameparser::rfcExamples_data()
{
    QTest::addColumn<Role>("role");
    QTest::addColumn<QByteArray>("stream");
    QTest::addColumn<QStringList>("expected");

    const QByteArray b64k = randomBytes(65536, 7), b256 = b64k.left(256);
    // RFC 6455 §5.7. The unmasked examples come from a server, so a client
    // reads them; the masked ones come from a client.
    QTest::newRow("single-frame unmasked text 'Hello' [RFC 6455 §5.7]")
        << Role::Client << QByteArray::fromHex("810548656c6c6f")
        << QStringList{messageCall(MessageType::Text, "Hello", 1)};
    QTest::newRow("single-frame masked text 'Hello' [RFC 6455 §5.7]")
        << Role::Server << QByteArray::fromHex("818537fa213d7f9f4d5158")
        << QStringList{messageCall(MessageType::Text, "Hello", 1)};
    QTest::newRow("fragmented unmasked text 'Hel' + 'lo' [RFC 6455 §5.7]")
        << Role::Client << QByteArray::fromHex("010348656c80026c6f")
        << QStringList{messageCall(MessageType::Text, "Hello", 2)};
    QTest::newRow("unmasked Ping 'Hello' [RFC 6455 §5.7]")
        << Role::Client << QByteArray::fromHex("890548656c6c6f")
        << QStringList{controlCall(Opcode::Ping, "Hello")};
    QTest::newRow("masked Pong 'Hello' [RFC 6455 §5.7]")
        << Role::Server << QByteArray::fromHex("8a8537fa213d7f9f4d5158")
        << QStringList{controlCall(Opcode::Pong, "Hello")};
    QTest::newRow("masked Ping 'Hello'")
        << Role::Server << QByteArray::fromHex("898537fa213d7f9f4d5158")
        << QStringList{controlCall(Opcode::Ping, "Hello")};
    QTest::newRow("256-byte unmasked binary, 16-bit length [RFC 6455 §5.7]")
        << Role::Client << QByteArray(QByteArray::fromHex("827e0100") + b256)
        << QStringList{messageCall(MessageType::Binary, b256, 1)};
    QTest::newRow("64 KiB unmasked binary, 64-bit length [RFC 6455 §5.7]")
        << Role::Client << QByteArray(QByteArray::fromHex("827f0000000000010000") + b64k)
        << QStringList{messageCall(MessageType::Binary, b64k, 1)};
}

void tst_frameparser::rfcExamples()
{
    QFETCH(Role, role);
    QFETCH(QByteArray, stream);
    QFETCH(QStringList, expected);
    QCOMPARE(parse(role, stream, whole()), expected);
    QCOMPARE(parse(role, stream, fixed(1)), expected);
}

void tst_frameparser::anySplitSameCalls_data()
{
    QTest::addColumn<Role>("role");
    QTest::addColumn<QString>("chunking");
    for (Role role : {Role::Server, Role::Client}) {
        const char *who = role == Role::Server ? "server reads masked" : "client reads unmasked";
        QStringList kinds{u"whole"_s, u"byte by byte"_s};
        for (int n : {2, 3, 7, 13, 64, 1000, 65536})
            kinds << u"fixed %1"_s.arg(n);
        for (int seed = 1; seed <= 20; ++seed)
            kinds << u"random seed %1"_s.arg(seed);
        for (const QString &k : kinds) {
            const QByteArray name = QByteArray(who) + ", " + k.toLatin1() + " [R14]";
            QTest::newRow(name.constData()) << role << k;
        }
    }
}

void tst_frameparser::anySplitSameCalls()
{
    QFETCH(Role, role);
    QFETCH(QString, chunking);
    Chunker chunker;
    if (chunking == u"whole")
        chunker = whole();
    else if (chunking == u"byte by byte")
        chunker = fixed(1);
    else if (chunking.startsWith(u"fixed "))
        chunker = fixed(chunking.mid(6).toInt());
    else
        chunker = randomChunks(chunking.mid(12).toUInt());

    const Stream s = richStream(role == Role::Server);
    const QStringList calls = parse(role, s.bytes, chunker);
    QCOMPARE(calls.size(), s.expected.size());
    for (int i = 0; i < calls.size(); ++i)
        QCOMPARE(calls.at(i), s.expected.at(i));
}

void tst_frameparser::limits_data()
{
    QTest::addColumn<QByteArray>("stream");
    QTest::addColumn<quint64>("maxSize");
    QTest::addColumn<QStringList>("expected");

    {
        Stream s(true);
        s.message(MessageType::Binary, QByteArray(100, 'x'));
        QTest::newRow("single frame of exactly the limit is fine")
            << s.bytes << quint64(100) << s.expected;
    }
    {
        Stream s(true);
        s.fragmented(MessageType::Text, {QByteArray(50, 'a'), {}, QByteArray(50, 'b')});
        QTest::newRow("fragments totalling exactly the limit are fine")
            << s.bytes << quint64(100) << s.expected;
    }
    {
        Stream s(true);
        s.control(Opcode::Ping, QByteArray(125, 'p')).control(Opcode::Close, QByteArray(125, 'c'));
        QTest::newRow("125-byte control frames are fine, even over a small limit")
            << s.bytes << quint64(10) << s.expected;
    }
    {
        Stream s(true);
        s.message(MessageType::Text, "\xEF\xBB\xBF"
                                     "BOM and U+10FFFF \xF4\x8F\xBF\xBF");
        QTest::newRow("BOM and U+10FFFF are valid text") << s.bytes << quint64(100) << s.expected;
    }
}

void tst_frameparser::limits()
{
    QFETCH(QByteArray, stream);
    QFETCH(quint64, maxSize);
    QFETCH(QStringList, expected);
    QCOMPARE(parse(Role::Server, stream, whole(), maxSize), expected);
    QCOMPARE(parse(Role::Server, stream, fixed(1), maxSize), expected);
}

void tst_frameparser::zeroCopyFastPath()
{
    Stream s(true);
    s.message(MessageType::Text, "first").control(Opcode::Ping, "ping");
    s.message(MessageType::Binary, QByteArray(1000, 'z'));
    s.frame(Opcode::Text, "frag", false).frame(Opcode::Continuation, "ment");
    QByteArray buf = s.bytes;
    buf.detach(); // so the pointers below stay the ones fed
    FrameParser parser(Role::Server);
    Recorder rec;
    rec.bufBegin = buf.constData();
    rec.bufEnd = buf.constData() + buf.size();
    QCOMPARE(parser.feed(buf.data(), buf.size(), rec), buf.size());
    QCOMPARE(rec.calls, s.expected + QStringList{messageCall(MessageType::Text, "fragment", 2)});
    // Whole unfragmented frames: views into the caller's buffer, unmasked in
    // place. The fragmented message was reassembled.
    QCOMPARE(rec.inCallerBuffer, (QList<bool>{true, true, true, false}));
    QCOMPARE(buf.mid(s.headerSize(5), 5), QByteArray("first"));

    // A frame cut across two reads is reassembled.
    Stream t(true);
    t.message(MessageType::Text, "straddling");
    Recorder rec2;
    FrameParser p2(Role::Server);
    QByteArray a = t.bytes.left(9), b = t.bytes.mid(9);
    b.detach();
    rec2.bufBegin = b.constData();
    rec2.bufEnd = b.constData() + b.size();
    p2.feed(a.data(), a.size(), rec2);
    QCOMPARE(p2.bufferedBytes(), 9 - t.headerSize(10));
    p2.feed(b.data(), b.size(), rec2);
    QCOMPARE(rec2.calls, t.expected);
    QCOMPARE(rec2.inCallerBuffer, QList<bool>{false});
}

void tst_frameparser::stopEndsTheCurrentFeed()
{
    Stream s(true);
    s.message(MessageType::Text, "one").control(Opcode::Ping, "two");
    s.message(MessageType::Binary, "three");
    QByteArray buf = s.bytes;
    FrameParser parser(Role::Server);
    Recorder rec;
    rec.stopParser = &parser;
    const qsizetype first = s.headerSize(3) + 3;
    QCOMPARE(parser.feed(buf.data(), buf.size(), rec), first);
    QCOMPARE(rec.calls, s.expected.mid(0, 1));
    // The rest of the buffer is untouched (still masked) until fed again.
    const qsizetype second = s.headerSize(3) + 3;
    QCOMPARE(parser.feed(buf.data() + first, buf.size() - first, rec), second);
    QCOMPARE(parser.feed(buf.data() + first + second, buf.size() - first - second, rec),
             buf.size() - first - second);
    QCOMPARE(rec.calls, s.expected);
    QVERIFY(!parser.hasFailed());
}

void tst_frameparser::buffersAndReleaseMemory()
{
    Stream s(true);
    s.frame(Opcode::Binary, QByteArray(200000, 'a'), false);
    s.frame(Opcode::Continuation, QByteArray(10, 'b'), true);
    QByteArray buf = s.bytes;
    FrameParser parser(Role::Server);
    Recorder rec;
    const qsizetype firstFrame = s.headerSize(200000) + 200000;
    QVERIFY(!parser.inMessage());
    parser.feed(buf.data(), firstFrame + 3, rec);
    QVERIFY(parser.inMessage());
    QCOMPARE(parser.bufferedBytes(), 200000);
    parser.releaseMemory(); // pending data is kept
    QCOMPARE(parser.bufferedBytes(), 200000);
    parser.feed(buf.data() + firstFrame + 3, buf.size() - firstFrame - 3, rec);
    QVERIFY(!parser.inMessage());
    QCOMPARE(parser.bufferedBytes(), 0);
    parser.releaseMemory();
    QCOMPARE(rec.calls.size(), 1);
    QCOMPARE(rec.calls.at(0),
             messageCall(MessageType::Binary, QByteArray(200000, 'a').append(10, 'b'), 2));
}

QTEST_APPLESS_MAIN(tst_frameparser)
#include "tst_frameparser.moc"
