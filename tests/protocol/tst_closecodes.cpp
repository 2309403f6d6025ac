// The close code registry and the send/receive rules of docs/close-semantics.md
// (R10 for what an operator may send, R12 for Close payloads received).
#include "protocol/closecodes.h"

#include <QtTest/QtTest>

using namespace closecall::protocol;
using namespace Qt::StringLiterals;

namespace {

// Data columns carry a code as int: -1 stands for Empty (no status code).
constexpr int EmptyCode = -1;

using Parsed = std::optional<CloseCode>;

CloseCode toCode(int value)
{
    return value == EmptyCode ? CloseCode{} : CloseCode{static_cast<quint16>(value)};
}

QByteArray codeBytes(quint16 code)
{
    const char bytes[2] = {char(code >> 8), char(code & 0xFF)};
    return QByteArray(bytes, 2);
}

} // namespace

class tst_closecodes : public QObject
{
    Q_OBJECT

private slots:
    void registry_data();
    void registry();
    void registryIsComplete();
    void unregisteredHaveNoInfo();

    void validateOutgoing_data();
    void validateOutgoing();
    void clientOnlyCode();

    void parseCode_data();
    void parseCode();
    void everyRegistryNameParses();

    void describe_data();
    void describe();

    void receivedCodes_data();
    void receivedCodes();

    void parsePayload_data();
    void parsePayload();

    void buildPayload_data();
    void buildPayload();
    void buildThenParseEverySendableCode();
};

void tst_closecodes::registry_data()
{
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("rfcName");
    QTest::addColumn<QString>("dotNetName");
    QTest::addColumn<QString>("qtName");
    QTest::addColumn<bool>("sendable");

    const auto row = [](int code, const char *rfc, const char *dotNet, const char *qt,
                        bool sendable) {
        QTest::addRow("%d %s", code, rfc)
            << code << QString::fromLatin1(rfc) << QString::fromLatin1(dotNet)
            << QString::fromLatin1(qt) << sendable;
    };
    row(1000, "Normal Closure", "NormalClosure", "CloseCodeNormal", true);
    row(1001, "Going Away", "EndpointUnavailable", "CloseCodeGoingAway", true);
    row(1002, "Protocol Error", "ProtocolError", "CloseCodeProtocolError", true);
    row(1003, "Unsupported Data", "InvalidMessageType", "CloseCodeDatatypeNotSupported", true);
    row(1004, "Reserved", "", "CloseCodeReserved1004", false);
    row(1005, "No Status Rcvd", "Empty", "CloseCodeMissingStatusCode", false);
    row(1006, "Abnormal Closure", "", "CloseCodeAbnormalDisconnection", false);
    row(1007, "Invalid frame payload data", "InvalidPayloadData", "CloseCodeWrongDatatype", true);
    row(1008, "Policy Violation", "PolicyViolation", "CloseCodePolicyViolated", true);
    row(1009, "Message Too Big", "MessageTooBig", "CloseCodeTooMuchData", true);
    row(1010, "Mandatory Ext.", "MandatoryExtension", "CloseCodeMissingExtension", true);
    row(1011, "Internal Error", "InternalServerError", "CloseCodeBadOperation", true);
    row(1012, "Service Restart", "", "", true);
    row(1013, "Try Again Later", "", "", true);
    row(1014, "Bad Gateway", "", "", true);
    row(1015, "TLS handshake", "", "CloseCodeTlsHandshakeFailed", false);
}

void tst_closecodes::registry()
{
    QFETCH(int, code);
    QFETCH(QString, rfcName);
    QFETCH(QString, dotNetName);
    QFETCH(QString, qtName);
    QFETCH(bool, sendable);

    const CloseCodeInfo *info = closeCodeInfo(quint16(code));
    QVERIFY(info);
    QCOMPARE(int(info->code), code);
    QCOMPARE(QString(info->rfcName), rfcName);
    QCOMPARE(QString(info->dotNetName), dotNetName);
    QCOMPARE(QString(info->qtName), qtName);
    QCOMPARE(info->sendable, sendable);
}

void tst_closecodes::registryIsComplete()
{
    const auto codes = registeredCloseCodes();
    QCOMPARE(codes.size(), std::size_t(16));
    for (std::size_t i = 0; i < codes.size(); ++i)
        QCOMPARE(std::size_t(codes[i].code), 1000 + i);
}

void tst_closecodes::unregisteredHaveNoInfo()
{
    for (quint16 code : {0, 999, 1016, 2999, 3000, 4000, 4999, 5000, 65535})
        QVERIFY2(!closeCodeInfo(code), QByteArray::number(code).constData());
}

void tst_closecodes::validateOutgoing_data()
{
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<QString>("errorContains"); // empty = accepted

    // Code boundaries, with a short reason so the reason never decides.
    const QString bye = u"bye"_s;
    QTest::newRow("0 refused [R10]") << 0 << bye << u"0-999"_s;
    QTest::newRow("999 refused [R10]") << 999 << bye << u"0-999"_s;
    QTest::newRow("1000 accepted [R10]") << 1000 << bye << QString();
    QTest::newRow("1001 accepted [R10]") << 1001 << bye << QString();
    QTest::newRow("1002 accepted [R10]") << 1002 << bye << QString();
    QTest::newRow("1003 accepted [R10]") << 1003 << bye << QString();
    QTest::newRow("1004 refused [R10]") << 1004 << bye << u"1004 is reserved"_s;
    QTest::newRow("1005 as a number refused, use Empty [R10]")
        << 1005 << QString() << u"use Empty"_s;
    QTest::newRow("1006 refused [R10]") << 1006 << QString() << u"use Abort"_s;
    QTest::newRow("1007 accepted [R10]") << 1007 << bye << QString();
    QTest::newRow("1008 accepted [R10]") << 1008 << bye << QString();
    QTest::newRow("1009 accepted [R10]") << 1009 << bye << QString();
    QTest::newRow("1010 accepted (client's code, UI warns) [R10]") << 1010 << bye << QString();
    QTest::newRow("1011 accepted [R10]") << 1011 << bye << QString();
    QTest::newRow("1012 accepted [R10]") << 1012 << bye << QString();
    QTest::newRow("1013 accepted [R10]") << 1013 << bye << QString();
    QTest::newRow("1014 accepted [R10]") << 1014 << bye << QString();
    QTest::newRow("1015 refused [R10]") << 1015 << bye << u"1015"_s;
    QTest::newRow("1016 refused, unregistered [R10]") << 1016 << bye << u"not registered"_s;
    QTest::newRow("2999 refused, unregistered [R10]") << 2999 << bye << u"not registered"_s;
    QTest::newRow("3000 accepted [R10]") << 3000 << bye << QString();
    QTest::newRow("3999 accepted [R10]") << 3999 << bye << QString();
    QTest::newRow("4000 accepted [R10]") << 4000 << bye << QString();
    QTest::newRow("4999 accepted [R10]") << 4999 << bye << QString();
    QTest::newRow("5000 refused [R10]") << 5000 << bye << u"out of range"_s;
    QTest::newRow("65535 refused [R10]") << 65535 << bye << u"out of range"_s;

    // Empty: a Close with no payload takes no description.
    QTest::newRow("Empty without reason accepted [R10]") << EmptyCode << QString() << QString();
    QTest::newRow("Empty with a reason refused [R10]") << EmptyCode << bye << u"Empty"_s;

    // The 123-byte limit counts UTF-8 bytes, not characters.
    QTest::newRow("no reason accepted [R10]") << 1000 << QString() << QString();
    QTest::newRow("123 ASCII bytes accepted [R10]") << 1000 << QString(123, u'x') << QString();
    QTest::newRow("124 ASCII bytes refused [R10]")
        << 1000 << QString(124, u'x') << u"reason is 124 bytes of UTF-8; the limit is 123"_s;
    QTest::newRow("123 bytes of euro signs accepted [R10]")
        << 1001 << QString(41, QChar(0x20AC)) << QString();
    QTest::newRow("126 bytes of euro signs refused [R10]")
        << 1001 << QString(42, QChar(0x20AC)) << u"reason is 126 bytes of UTF-8"_s;
    QTest::newRow("123 bytes of aring + a accepted [R10]")
        << 1000 << QString(QString(61, QChar(0xE5)) + u'a') << QString();
    QTest::newRow("124 bytes of aring refused [R10]")
        << 1000 << QString(62, QChar(0xE5)) << u"reason is 124 bytes of UTF-8"_s;
    QString emoji = u"\U0001F600"_s; // 4 bytes of UTF-8, 2 UTF-16 units
    QTest::newRow("123 bytes of emoji + abc accepted [R10]")
        << 4000 << QString(emoji.repeated(30) + u"abc"_s) << QString();
    QTest::newRow("124 bytes of emoji refused [R10]")
        << 4000 << emoji.repeated(31) << u"reason is 124 bytes of UTF-8"_s;
    QTest::newRow("131 bytes refused with the count [R10]")
        << 1000 << QString(QString(43, QChar(0x20AC)) + u"ab"_s)
        << u"reason is 131 bytes of UTF-8; the limit is 123"_s;

    // Invalid UTF-16 is refused, not converted to '?' behind the operator's back.
    QTest::newRow("lone high surrogate refused [R10]")
        << 1000 << QString(u"ab"_s + QChar(0xD83D) + u"c"_s) << u"surrogate"_s;
    QTest::newRow("lone low surrogate refused [R10]")
        << 1000 << QString(QChar(0xDE00)) << u"surrogate"_s;
    QTest::newRow("high surrogate at the end refused [R10]")
        << 1000 << QString(u"ab"_s + QChar(0xD83D)) << u"surrogate"_s;
    QTest::newRow("surrogate pair accepted [R10]") << 1000 << emoji << QString();
}

void tst_closecodes::validateOutgoing()
{
    QFETCH(int, code);
    QFETCH(QString, reason);
    QFETCH(QString, errorContains);

    const QString error = validateOutgoingClose(toCode(code), reason);
    if (errorContains.isEmpty()) {
        QVERIFY2(error.isEmpty(), qPrintable(error));
    } else {
        QVERIFY2(error.contains(errorContains), qPrintable(error));
    }
}

void tst_closecodes::clientOnlyCode()
{
    QVERIFY(isClientOnlyCode(1010));
    for (quint16 code : {1000, 1001, 1009, 1011, 3000, 4000})
        QVERIFY(!isClientOnlyCode(code));
}

void tst_closecodes::parseCode_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<int>("expected"); // EmptyCode for Empty

    QTest::newRow("number") << u"1001"_s << true << 1001;
    QTest::newRow("number with spaces") << u" 1001 "_s << true << 1001;
    QTest::newRow("0 parses (validation refuses later)") << u"0"_s << true << 0;
    QTest::newRow("65535 parses") << u"65535"_s << true << 65535;
    QTest::newRow("65536 too big") << u"65536"_s << false << 0;
    QTest::newRow("negative") << u"-1"_s << false << 0;
    QTest::newRow("digits then letters") << u"10x1"_s << false << 0;
    QTest::newRow("nothing") << u""_s << false << 0;
    QTest::newRow("only spaces") << u"   "_s << false << 0;
    QTest::newRow("Empty") << u"Empty"_s << true << EmptyCode;
    QTest::newRow("empty lower case") << u"empty"_s << true << EmptyCode;
    QTest::newRow(".NET name") << u"EndpointUnavailable"_s << true << 1001;
    QTest::newRow("RFC name") << u"Going Away"_s << true << 1001;
    QTest::newRow("RFC name, no space") << u"GoingAway"_s << true << 1001;
    QTest::newRow("snake case") << u"going_away"_s << true << 1001;
    QTest::newRow("kebab upper case") << u"GOING-AWAY"_s << true << 1001;
    QTest::newRow("Qt name") << u"CloseCodeGoingAway"_s << true << 1001;
    QTest::newRow("Qt name lower case") << u"closecodegoingaway"_s << true << 1001;
    QTest::newRow("Qt name without prefix") << u"TooMuchData"_s << true << 1009;
    QTest::newRow("Normal Closure") << u"Normal Closure"_s << true << 1000;
    QTest::newRow("NormalClosure") << u"NormalClosure"_s << true << 1000;
    QTest::newRow("No Status Rcvd is 1005 as a number") << u"No Status Rcvd"_s << true << 1005;
    QTest::newRow("CloseCodeMissingStatusCode") << u"CloseCodeMissingStatusCode"_s << true << 1005;
    QTest::newRow("Mandatory Ext. with the dot") << u"Mandatory Ext."_s << true << 1010;
    QTest::newRow("MandatoryExtension") << u"MandatoryExtension"_s << true << 1010;
    QTest::newRow("Internal Error") << u"internal error"_s << true << 1011;
    QTest::newRow("InternalServerError") << u"InternalServerError"_s << true << 1011;
    QTest::newRow("Service Restart") << u"Service Restart"_s << true << 1012;
    QTest::newRow("try_again_later") << u"try_again_later"_s << true << 1013;
    QTest::newRow("Bad Gateway") << u"Bad Gateway"_s << true << 1014;
    QTest::newRow("TLS handshake") << u"TLS handshake"_s << true << 1015;
    QTest::newRow("CloseCodeReserved1004") << u"CloseCodeReserved1004"_s << true << 1004;
    QTest::newRow("unknown name") << u"Goodbye"_s << false << 0;
}

void tst_closecodes::parseCode()
{
    QFETCH(QString, text);
    QFETCH(bool, ok);
    QFETCH(int, expected);

    QString error;
    const std::optional<CloseCode> parsed = parseCloseCode(text, &error);
    QCOMPARE(parsed.has_value(), ok);
    if (ok) {
        QCOMPARE(*parsed, toCode(expected));
        QVERIFY(error.isEmpty());
    } else {
        QVERIFY(!error.isEmpty());
        // The error shows what was typed (when anything was) and an example.
        QVERIFY2(error.contains(u"1001"_s) || error.contains(u"1000"_s), qPrintable(error));
        if (!text.trimmed().isEmpty())
            QVERIFY2(error.contains(text.trimmed()), qPrintable(error));
    }
    QCOMPARE(parseCloseCode(text).has_value(), ok); // no error pointer: no crash
}

void tst_closecodes::everyRegistryNameParses()
{
    for (const CloseCodeInfo &info : registeredCloseCodes()) {
        const QString number = QString::number(info.code);
        QCOMPARE(parseCloseCode(number), Parsed{CloseCode{info.code}});
        QCOMPARE(parseCloseCode(QString(info.rfcName)), Parsed{CloseCode{info.code}});
        if (!info.qtName.isEmpty())
            QCOMPARE(parseCloseCode(QString(info.qtName)), Parsed{CloseCode{info.code}});
        // .NET's Empty is the one name that means "no code", not 1005.
        if (!info.dotNetName.isEmpty() && info.dotNetName != "Empty"_L1)
            QCOMPARE(parseCloseCode(QString(info.dotNetName)), Parsed{CloseCode{info.code}});
    }
}

void tst_closecodes::describe_data()
{
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("expected");

    QTest::newRow("Empty") << EmptyCode << u"Empty (no status code)"_s;
    QTest::newRow("1000") << 1000 << u"1000 Normal Closure (NormalClosure)"_s;
    QTest::newRow("1001") << 1001 << u"1001 Going Away (EndpointUnavailable)"_s;
    QTest::newRow("1004, no .NET name") << 1004 << u"1004 Reserved"_s;
    QTest::newRow("1012, IANA only") << 1012 << u"1012 Service Restart"_s;
    QTest::newRow("1015") << 1015 << u"1015 TLS handshake"_s;
    QTest::newRow("3000") << 3000 << u"3000 (registered for libraries and frameworks)"_s;
    QTest::newRow("3999") << 3999 << u"3999 (registered for libraries and frameworks)"_s;
    QTest::newRow("4000") << 4000 << u"4000 (private use)"_s;
    QTest::newRow("4999") << 4999 << u"4999 (private use)"_s;
    QTest::newRow("999") << 999 << u"999 (not used)"_s;
    QTest::newRow("2000") << 2000 << u"2000 (reserved, not registered)"_s;
    QTest::newRow("5000") << 5000 << u"5000 (out of range)"_s;
}

void tst_closecodes::describe()
{
    QFETCH(int, code);
    QFETCH(QString, expected);
    QCOMPARE(describeCloseCode(toCode(code)), expected);
}

void tst_closecodes::receivedCodes_data()
{
    QTest::addColumn<int>("code");
    QTest::addColumn<bool>("valid");

    const auto row = [](int code, bool valid) {
        QTest::addRow("%d %s [R12]", code, valid ? "valid" : "-> 1002") << code << valid;
    };
    for (int code : {0, 999, 1004, 1005, 1006, 1015, 1016, 2999, 5000, 65535})
        row(code, false);
    for (int code : {1000, 1001, 1002, 1003, 1007, 1008, 1009, 1010, 1011, 1012, 1013, 1014, 3000,
                     3999, 4000, 4999})
        row(code, true);
}

void tst_closecodes::receivedCodes()
{
    QFETCH(int, code);
    QFETCH(bool, valid);
    QCOMPARE(isValidReceivedCloseCode(quint16(code)), valid);
}

void tst_closecodes::parsePayload_data()
{
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<int>("code"); // EmptyCode: no code
    QTest::addColumn<QString>("reason");
    QTest::addColumn<int>("errorCode");

    QTest::newRow("empty payload -> no code, valid") << QByteArray() << EmptyCode << QString() << 0;
    QTest::newRow("1-byte close payload -> 1002 [R12]")
        << QByteArray(1, '\x03') << EmptyCode << QString() << 1002;
    QTest::newRow("1000, no reason") << codeBytes(1000) << 1000 << QString() << 0;
    QTest::newRow("1001 with reason")
        << QByteArray(codeBytes(1001) + "bye") << 1001 << u"bye"_s << 0;
    QTest::newRow("UTF-8 reason decoded")
        << QByteArray(codeBytes(4000) + "\xC3\xA5\xE2\x82\xAC\xF0\x9F\x98\x80") << 4000
        << QString(QString(QChar(0xE5)) + QChar(0x20AC) + u"\U0001F600"_s) << 0;
    QTest::newRow("123-byte reason valid")
        << QByteArray(codeBytes(1000) + QByteArray(123, 'x')) << 1000 << QString(123, u'x') << 0;
    QTest::newRow("124-byte reason -> 1002 [R12]")
        << QByteArray(codeBytes(1000) + QByteArray(124, 'x')) << 1000 << QString() << 1002;

    for (int code : {0, 999, 1004, 1005, 1006, 1015, 1016, 2999, 5000, 65535}) {
        QTest::addRow("code %d -> 1002 [R12]", code)
            << QByteArray(codeBytes(quint16(code)) + "x") << code << QString() << 1002;
    }
    for (int code : {1000, 1003, 1007, 1010, 1014, 3000, 4999})
        QTest::addRow("code %d valid", code) << codeBytes(quint16(code)) << code << QString() << 0;

    const auto bad = [](const char *name, QByteArray reason) {
        QTest::addRow("%s -> 1007 [R12]", name)
            << QByteArray(codeBytes(1000) + reason) << 1000 << QString() << 1007;
    };
    bad("reason with 0xFF", "ok\xFF");
    bad("reason with a lone continuation byte", "\x80");
    bad("reason cut inside a character", "\xE2\x82");
    bad("reason with an overlong '/'", "\xC0\xAF");
    bad("reason with an encoded surrogate", "\xED\xA0\x80");
    bad("reason above U+10FFFF", "\xF4\x90\x80\x80");
    QTest::newRow("bad code wins over bad UTF-8 -> 1002 [R12]")
        << QByteArray(codeBytes(1005) + "\xFF") << 1005 << QString() << 1002;
}

void tst_closecodes::parsePayload()
{
    QFETCH(QByteArray, payload);
    QFETCH(int, code);
    QFETCH(QString, reason);
    QFETCH(int, errorCode);

    const ReceivedClose received = parseClosePayload(payload);
    QCOMPARE(received.errorCode, errorCode);
    QCOMPARE(received.error.isEmpty(), errorCode == 0);
    QCOMPARE(received.code, toCode(code));
    QCOMPARE(received.reason, reason);
}

void tst_closecodes::buildPayload_data()
{
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("Empty -> no payload") << EmptyCode << QString() << QByteArray();
    QTest::newRow("1000 big-endian") << 1000 << QString() << QByteArray("\x03\xE8", 2);
    QTest::newRow("4999 with UTF-8 reason")
        << 4999 << u"\u20AC!"_s << QByteArray("\x13\x87\xE2\x82\xAC!", 6);
    QTest::newRow("65535 (builder does not validate)") << 65535 << u"a"_s
                                                       << QByteArray("\xFF\xFF"
                                                                     "a",
                                                                     3);
}

void tst_closecodes::buildPayload()
{
    QFETCH(int, code);
    QFETCH(QString, reason);
    QFETCH(QByteArray, expected);
    QCOMPARE(buildClosePayload(toCode(code), reason), expected);
}

void tst_closecodes::buildThenParseEverySendableCode()
{
    const QString reason = QString(40, QChar(0x20AC)) + u"abc"_s; // exactly 123 bytes
    QList<quint16> codes;
    for (const CloseCodeInfo &info : registeredCloseCodes()) {
        if (info.sendable)
            codes.append(info.code);
    }
    codes << 3000 << 3999 << 4000 << 4999;
    for (quint16 code : std::as_const(codes)) {
        QVERIFY(validateOutgoingClose(code, reason).isEmpty());
        const ReceivedClose received = parseClosePayload(buildClosePayload(code, reason));
        QCOMPARE(received.errorCode, 0);
        QCOMPARE(received.code, CloseCode{code});
        QCOMPARE(received.reason, reason);
    }
    // Empty round-trips as a payload-less Close.
    const ReceivedClose empty = parseClosePayload(buildClosePayload(std::nullopt, {}));
    QCOMPARE(empty.code, CloseCode{});
    QCOMPARE(empty.errorCode, 0);
}

QTEST_APPLESS_MAIN(tst_closecodes)
#include "tst_closecodes.moc"
