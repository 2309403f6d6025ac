// The frame parser under permessage-deflate (RFC 7692): RFC 7692's own
// frames byte for byte, compressed messages from our deflater under every
// split (R14), the RSV1 rules of §6.1, text validated after inflating, and
// the limit applied to what comes out of inflate (a bomb ends with 1009).
#include "framerecorder.h"

#include "protocol/deflatecodec.h"

using namespace closecall::test;

namespace {

QByteArray hex(const char *text)
{
    return QByteArray::fromHex(text);
}

auto withDeflate(bool peerNoContextTakeover = false)
{
    return [peerNoContextTakeover](FrameParser &parser) {
        parser.enableDeflate(peerNoContextTakeover);
    };
}

// Every way of cutting the stream must give the same calls (R14).
QList<Chunker> everySplit()
{
    return {whole(), fixed(1), fixed(3), fixed(7), randomChunks(1), randomChunks(2)};
}

// Records, beside each message, whether it came compressed and its wire size.
class WireRecorder final : public FrameSink
{
public:
    explicit WireRecorder(const FrameParser &parser)
        : m_parser(parser)
    {}
    QStringList calls;
    void onMessage(MessageType t, QByteArrayView p, int frames) override
    {
        calls << messageCall(t, p, frames) +
                     (m_parser.messageWasCompressed()
                          ? u" compressed %1"_s.arg(m_parser.messageWireBytes())
                          : u" plain %1"_s.arg(m_parser.messageWireBytes()));
    }
    void onControl(Opcode op, QByteArrayView p) override { calls << controlCall(op, p); }
    void onProtocolError(quint16 code, const QString &why) override
    {
        calls << u"error %1: %2"_s.arg(code).arg(why);
    }

private:
    const FrameParser &m_parser;
};

} // namespace

class TestDeflateFrames : public QObject
{
    Q_OBJECT

private slots:
    void rfcFrames_data();
    void rfcFrames();
    void compressedMessagesUnderEverySplit();
    void uncompressedMessagesStillPass();
    void wireSizeIsReported();
    void rsvRules_data();
    void rsvRules();
    void textIsValidatedAfterInflating();
    void bombEndsAtTheLimit();
    void corruptDataFailsWith1007();
    void compressedWireBytesAreBounded();
};

void TestDeflateFrames::rfcFrames_data()
{
    QTest::addColumn<QByteArray>("stream");
    QTest::addColumn<QStringList>("expected");
    const QString hello = messageCall(MessageType::Text, "Hello", 1);
    // RFC 7692 §7.2.3, the frames as a server sends them (unmasked).
    QTest::newRow("7.2.3.1 one compressed frame")
        << hex("c107f248cdc9c90700") << QStringList{hello};
    QTest::newRow("7.2.3.1 two fragments")
        << hex("4103f248cd"
               "8004c9c90700")
        << QStringList{messageCall(MessageType::Text, "Hello", 2)};
    QTest::newRow("7.2.3.2 shared window") << hex("c107f248cdc9c90700"
                                                  "c105f200110000")
                                           << QStringList{hello, hello};
    QTest::newRow("7.2.3.3 stored block")
        << hex("c10b000500faff48656c6c6f00") << QStringList{hello};
    QTest::newRow("7.2.3.5 final block, then a new stream") << hex("c109f348cdc9c907000000"
                                                                   "c107f248cdc9c90700")
                                                            << QStringList{hello, hello};
    QTest::newRow("7.2.3.6 two blocks")
        << hex("c10df24805000000ffffcac9c90700") << QStringList{hello};
    QTest::newRow("a Ping between fragments")
        << hex("4103f248cd"
               "8900"
               "8004c9c90700")
        << QStringList{controlCall(Opcode::Ping, ""), messageCall(MessageType::Text, "Hello", 2)};
}

void TestDeflateFrames::rfcFrames()
{
    QFETCH(QByteArray, stream);
    QFETCH(QStringList, expected);
    for (const Chunker &split : everySplit())
        QCOMPARE(parse(Role::Client, stream, split, 1024, nullptr, withDeflate()), expected);
}

void TestDeflateFrames::compressedMessagesUnderEverySplit()
{
    // A client's masked, compressed messages of many sizes, some in several
    // frames, read by the server: the same messages whatever the split.
    for (bool noContext : {false, true}) {
        MessageDeflater deflater(15, noContext);
        QRandomGenerator rng(11);
        Stream stream(true);
        for (qsizetype size : {0, 1, 5, 125, 126, 1000, 65535, 65536, 200000}) {
            QByteArray message(size, Qt::Uninitialized);
            for (qsizetype i = 0; i < size; ++i)
                message[i] = char('a' + rng.bounded(4));
            const QByteArray wire = deflater.compress(message);
            if (size % 2 == 0 || wire.size() < 3) {
                stream.frame(Opcode::Text, wire, true, 4);
                stream.expected << messageCall(MessageType::Text, message, 1);
            } else { // three fragments, RSV1 on the first only
                const qsizetype a = wire.size() / 3;
                stream.frame(Opcode::Text, wire.first(a), false, 4);
                stream.frame(Opcode::Continuation, wire.mid(a, a), false);
                stream.frame(Opcode::Continuation, wire.mid(2 * a), true);
                stream.expected << messageCall(MessageType::Text, message, 3);
            }
        }
        for (const Chunker &split : everySplit())
            QCOMPARE(
                parse(Role::Server, stream.bytes, split, 1 << 20, nullptr, withDeflate(noContext)),
                stream.expected);
    }
}

void TestDeflateFrames::uncompressedMessagesStillPass()
{
    // RSV1 clear: a message sent as it is (RFC 7692 allows it), between
    // compressed ones.
    MessageDeflater deflater(15, false);
    Stream stream(true);
    stream.frame(Opcode::Text, deflater.compress("one"), true, 4);
    stream.message(MessageType::Binary, "two");
    stream.frame(Opcode::Text, deflater.compress("three"), true, 4);
    const QStringList expected{messageCall(MessageType::Text, "one", 1),
                               messageCall(MessageType::Binary, "two", 1),
                               messageCall(MessageType::Text, "three", 1)};
    for (const Chunker &split : everySplit())
        QCOMPARE(parse(Role::Server, stream.bytes, split, 1024, nullptr, withDeflate()), expected);
}

void TestDeflateFrames::wireSizeIsReported()
{
    FrameParser parser(Role::Client, 1 << 20);
    parser.enableDeflate(false);
    WireRecorder rec(parser);
    QByteArray stream = hex("c107f248cdc9c90700") + hex("8105") + "plain";
    QCOMPARE(parser.feed(stream.data(), stream.size(), rec), stream.size());
    QCOMPARE(rec.calls,
             (QStringList{messageCall(MessageType::Text, "Hello", 1) + u" compressed 7"_s,
                          messageCall(MessageType::Text, "plain", 1) + u" plain 5"_s}));
}

void TestDeflateFrames::rsvRules_data()
{
    QTest::addColumn<bool>("deflate");
    QTest::addColumn<QByteArray>("stream");
    QTest::addColumn<QString>("error");
    QTest::newRow("RSV1 without deflate")
        << false << hex("c107f248cdc9c90700")
        << u"error 1002: RSV1 set, but no extension was negotiated"_s;
    QTest::newRow("RSV1 on a continuation")
        << true
        << hex("4103f248cd"
               "c004c9c90700")
        << u"error 1002: RSV1 set on a Continuation frame; permessage-deflate allows it on the "
           "first frame of a data message only"_s;
    QTest::newRow("RSV1 on a Ping")
        << true << hex("c900")
        << u"error 1002: RSV1 set on a Ping frame; permessage-deflate allows it on the first "
           "frame of a data message only"_s;
    QTest::newRow("RSV2 with deflate")
        << true << hex("a100") << u"error 1002: RSV2 set; permessage-deflate uses RSV1 only"_s;
    QTest::newRow("RSV1 and RSV3 with deflate")
        << true << hex("d100") << u"error 1002: RSV3 set; permessage-deflate uses RSV1 only"_s;
}

void TestDeflateFrames::rsvRules()
{
    QFETCH(bool, deflate);
    QFETCH(QByteArray, stream);
    QFETCH(QString, error);
    for (const Chunker &split : everySplit()) {
        const QStringList calls =
            parse(Role::Client, stream, split, 1024, nullptr,
                  deflate ? withDeflate() : std::function<void(FrameParser &)>());
        QCOMPARE(calls.last(), error);
    }
}

void TestDeflateFrames::textIsValidatedAfterInflating()
{
    // Invalid UTF-8 only once inflated: 1007 at the same byte of the
    // message whatever the split, and after the valid messages before it.
    MessageDeflater deflater(15, false);
    QByteArray bad = QByteArray(3000, 'a') + "\xC3\x28" + QByteArray(10, 'b');
    Stream stream(true);
    stream.frame(Opcode::Text, deflater.compress("fine"), true, 4);
    const QByteArray wire = deflater.compress(bad);
    stream.frame(Opcode::Text, wire.first(wire.size() / 2), false, 4);
    stream.frame(Opcode::Continuation, wire.mid(wire.size() / 2), true);
    // The same error, at the same byte, as the message sent uncompressed.
    Stream plain(true);
    plain.message(MessageType::Text, "fine");
    plain.frame(Opcode::Text, bad);
    const QStringList expected = parse(Role::Server, plain.bytes, whole(), 1 << 20);
    QCOMPARE(expected.size(), 2);
    QVERIFY(expected.last().startsWith(u"error 1007: invalid UTF-8 at byte 300"_s));
    for (const Chunker &split : everySplit())
        QCOMPARE(parse(Role::Server, stream.bytes, split, 1 << 20, nullptr, withDeflate()),
                 expected);

    // A compressed text message that ends inside a character.
    Stream cut(true);
    cut.frame(Opcode::Text, deflater.compress("ab\xE2\x82"), true, 4);
    const QStringList calls = parse(Role::Server, cut.bytes, whole(), 1024, nullptr, withDeflate());
    QCOMPARE(calls.last(),
             u"error 1007: invalid UTF-8: the text message of 4 bytes ends inside a character"_s);
}

void TestDeflateFrames::bombEndsAtTheLimit()
{
    // 10 MB of zeros compress to about 10 KB; with a 1 MiB limit the message
    // ends with 1009 once inflating passes the limit, the parser never
    // holding more than the limit (+1 byte).
    MessageDeflater deflater(15, true);
    const QByteArray wire = deflater.compress(QByteArray(10 * 1000 * 1000, '\0'));
    QVERIFY(wire.size() < 20000);
    Stream stream(true);
    stream.frame(Opcode::Binary, wire, true, 4);
    constexpr quint64 Limit = 1 << 20;
    for (const Chunker &split : {whole(), fixed(100), randomChunks(3)}) {
        Recorder rec;
        const QStringList calls =
            parse(Role::Server, stream.bytes, split, Limit, &rec, withDeflate(true));
        QCOMPARE(calls.size(), 1);
        QCOMPARE(rec.errorCode, quint16(1009));
        QVERIFY2(rec.why.contains(QString::number(Limit)), qPrintable(rec.why));
    }
    // Held while inflating: never past the limit.
    FrameParser parser(Role::Server, Limit);
    parser.enableDeflate(true);
    Recorder rec;
    qsizetype most = 0;
    QByteArray bytes = stream.bytes;
    for (qsizetype pos = 0; pos < bytes.size() && !parser.hasFailed(); pos += 64) {
        const qsizetype n = qMin<qsizetype>(64, bytes.size() - pos);
        parser.feed(bytes.data() + pos, n, rec);
        most = qMax(most, parser.bufferedBytes());
    }
    QCOMPARE(rec.errorCode, quint16(1009));
    QVERIFY2(quint64(most) <= Limit + 1, qPrintable(QString::number(most)));
}

void TestDeflateFrames::corruptDataFailsWith1007()
{
    // BTYPE 11 is reserved: not deflate data.
    const QStringList calls =
        parse(Role::Client, hex("c103ffffff"), whole(), 1024, nullptr, withDeflate());
    QCOMPARE(calls.size(), 1);
    QVERIFY2(calls.first().startsWith(u"error 1007: the compressed data is not valid deflate"_s),
             qPrintable(calls.first()));
}

void TestDeflateFrames::compressedWireBytesAreBounded()
{
    // A compressed frame longer on the wire than the limit allows (plus
    // deflate's overhead) is refused from its header, before inflating.
    QByteArray stream = hex("c17f");
    QByteArray length(8, '\0');
    qToBigEndian<quint64>(quint64(1) << 40, length.data());
    stream += length;
    const QStringList calls = parse(Role::Client, stream, whole(), 1024, nullptr, withDeflate());
    QCOMPARE(calls.size(), 1);
    QVERIFY2(calls.first().startsWith(u"error 1009: compressed message of 1099511627776 bytes"_s),
             qPrintable(calls.first()));
}

QTEST_GUILESS_MAIN(TestDeflateFrames)
#include "tst_deflateframes.moc"
