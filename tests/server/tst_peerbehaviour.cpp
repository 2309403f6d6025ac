// The peer behaviour spec (docs/headless.md "Peer behaviours"): what parses
// to what, every kind of bad input with the sentence that names it, and
// the canonical spec back.

#include "server/peerbehaviour.h"

#include <QtTest/QtTest>

using namespace closecall;
using namespace Qt::StringLiterals;
using server::PeerBehaviour;
using Traffic = PeerBehaviour::Traffic;
using OnClose = PeerBehaviour::OnClose;

class tst_PeerBehaviour : public QObject
{
    Q_OBJECT

private slots:
    void emptyIsPlain_data();
    void emptyIsPlain();
    void everyKey();
    void spacesAndCase();
    void registryNameForCode();
    void canonicalSpec_data();
    void canonicalSpec();
    void badSpec_data();
    void badSpec();
};

void tst_PeerBehaviour::emptyIsPlain_data()
{
    QTest::addColumn<QString>("spec");
    QTest::newRow("empty") << QString();
    QTest::newRow("spaces") << u"   "_s;
    QTest::newRow("semicolons") << u" ; ;"_s;
    QTest::newRow("defaults spelt out") << u"traffic=silent; on-close=answer"_s;
}

void tst_PeerBehaviour::emptyIsPlain()
{
    QFETCH(QString, spec);
    QString error;
    const auto b = PeerBehaviour::parse(spec, &error);
    QVERIFY2(b, qPrintable(error));
    QVERIFY(b->isPlain());
    QVERIFY(b->answersAtOnce());
    QCOMPARE(b->toSpec(), QString());
}

void tst_PeerBehaviour::everyKey()
{
    QString error;
    auto b = PeerBehaviour::parse(u"traffic=binary;every=250;size=70000;on-close=send;sends=7;"
                                  u"close-after=1500;close-mode=close_output;close-code=4001;"
                                  u"close-reason=bye now"_s,
                                  &error);
    QVERIFY2(b, qPrintable(error));
    QCOMPARE(b->traffic, Traffic::Binary);
    QCOMPARE(b->everyMs, 250);
    QCOMPARE(b->size, 70000);
    QCOMPARE(b->onClose, OnClose::Send);
    QCOMPARE(b->sends, 7);
    QCOMPARE(b->closeAfterMs, std::optional<int>(1500));
    QCOMPARE(b->closeMode, protocol::CloseMode::CloseOutput);
    QCOMPARE(b->closeCode, protocol::CloseCode(4001));
    QCOMPARE(b->closeReason, u"bye now"_s);
    QVERIFY(!b->isPlain());
    QVERIFY(!b->answersAtOnce());

    b = PeerBehaviour::parse(u"traffic=text;on-close=delay;delay=20"_s, &error);
    QVERIFY2(b, qPrintable(error));
    QCOMPARE(b->traffic, Traffic::Text);
    QCOMPARE(b->everyMs, 1000); // the default
    QCOMPARE(b->onClose, OnClose::Delay);
    QCOMPARE(b->delayMs, 20);
    QVERIFY(!b->closeAfterMs);

    // The ranges' ends are in.
    b = PeerBehaviour::parse(u"traffic=binary;every=10;size=16777216;close-after=0"_s, &error);
    QVERIFY2(b, qPrintable(error));
    QCOMPARE(b->everyMs, 10);
    QCOMPARE(b->size, 16777216);
    QCOMPARE(b->closeAfterMs, std::optional<int>(0));
    b = PeerBehaviour::parse(u"traffic=text;every=3600000;on-close=send;sends=1000"_s, &error);
    QVERIFY2(b, qPrintable(error));
    QCOMPARE(b->everyMs, 3600000);
    QCOMPARE(b->sends, 1000);

    for (const QString &onClose : {u"answer"_s, u"never"_s, u"reset"_s, u"fin"_s}) {
        b = PeerBehaviour::parse(QString(u"on-close="_s + onClose), &error);
        QVERIFY2(b, qPrintable(error));
        QCOMPARE(b->answersAtOnce(), onClose == u"answer");
    }
    b = PeerBehaviour::parse(u"traffic=echo"_s, &error);
    QVERIFY2(b, qPrintable(error));
    QCOMPARE(b->traffic, Traffic::Echo);
}

void tst_PeerBehaviour::spacesAndCase()
{
    QString error;
    const auto b = PeerBehaviour::parse(
        u"  Traffic = TEXT ;every= 50 ; close-after =10;close-reason= a = b ;"_s, &error);
    QVERIFY2(b, qPrintable(error));
    QCOMPARE(b->traffic, Traffic::Text);
    QCOMPARE(b->everyMs, 50);
    QCOMPARE(b->closeAfterMs, std::optional<int>(10));
    QCOMPARE(b->closeReason, u"a = b"_s); // the first '=' splits; the reason keeps the rest
}

void tst_PeerBehaviour::registryNameForCode()
{
    QString error;
    auto b = PeerBehaviour::parse(u"close-after=5; close-code=GoingAway"_s, &error);
    QVERIFY2(b, qPrintable(error));
    QCOMPARE(b->closeCode, protocol::CloseCode(1001));
    b = PeerBehaviour::parse(u"close-after=5; close-code=Empty"_s, &error);
    QVERIFY2(b, qPrintable(error));
    QCOMPARE(b->closeCode, protocol::CloseCode());
    QCOMPARE(b->toSpec(), u"close-after=5; close-code=empty"_s);
}

void tst_PeerBehaviour::canonicalSpec_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<QString>("canonical");
    QTest::newRow("order and spaces") << u"sends=5;on-close=send ;traffic=text;every=200"_s
                                      << u"traffic=text; every=200; on-close=send; sends=5"_s;
    QTest::newRow("defaults left out")
        << u"traffic=binary;every=1000;size=1024;on-close=delay;delay=1000"_s
        << u"traffic=binary; on-close=delay"_s;
    QTest::newRow("close")
        << u"close-reason=done;close-code=NormalClosure;close-mode=CLOSE-OUTPUT;close-after=300"_s
        << u"close-after=300; close-mode=close_output; close-reason=done"_s;
    QTest::newRow("registry name to number")
        << u"close-after=0;close-code=PolicyViolation"_s << u"close-after=0; close-code=1008"_s;
    QTest::newRow("everything")
        << u"traffic=binary;every=20;size=1;on-close=send;sends=1;close-after=1;"
           u"close-mode=close_output;close-code=4999;close-reason=x"_s
        << u"traffic=binary; every=20; size=1; on-close=send; sends=1; close-after=1; "
           u"close-mode=close_output; close-code=4999; close-reason=x"_s;
}

void tst_PeerBehaviour::canonicalSpec()
{
    QFETCH(QString, spec);
    QFETCH(QString, canonical);
    QString error;
    const auto b = PeerBehaviour::parse(spec, &error);
    QVERIFY2(b, qPrintable(error));
    QCOMPARE(b->toSpec(), canonical);
    // The canonical spec parses back to the same behaviour.
    const auto again = PeerBehaviour::parse(canonical, &error);
    QVERIFY2(again, qPrintable(error));
    QVERIFY(*again == *b);
}

void tst_PeerBehaviour::badSpec_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<QStringList>("errorHas");
    QTest::newRow("not key=value") << u"traffic"_s << QStringList{u"\"traffic\""_s, u"key=value"_s};
    QTest::newRow("no key") << u"=5"_s << QStringList{u"no key"_s, u"close-after"_s};
    QTest::newRow("typo") << u"trafic=text"_s
                          << QStringList{u"unknown key \"trafic\""_s,
                                         u"did you mean \"traffic\""_s};
    QTest::newRow("underscore") << u"close_after=10"_s
                                << QStringList{u"did you mean \"close-after\""_s};
    QTest::newRow("nothing near") << u"colour=blue"_s
                                  << QStringList{u"unknown key \"colour\""_s,
                                                 u"keys are traffic"_s};
    QTest::newRow("twice") << u"traffic=text; traffic=binary"_s
                           << QStringList{u"traffic is given twice"_s};
    QTest::newRow("bad traffic") << u"traffic=loud"_s
                                 << QStringList{u"traffic=loud"_s, u"silent, echo, text, binary"_s};
    QTest::newRow("bad on-close") << u"on-close=later"_s
                                  << QStringList{u"on-close=later"_s, u"answer, delay, send"_s};
    QTest::newRow("bad close-mode") << u"close-after=1;close-mode=abort"_s
                                    << QStringList{u"close-mode=abort"_s, u"close_output"_s};
    QTest::newRow("not a number") << u"traffic=text;every=1s"_s
                                  << QStringList{u"every=1s is not a whole number"_s,
                                                 u"10 to 3600000"_s};
    QTest::newRow("negative") << u"close-after=-5"_s
                              << QStringList{u"close-after=-5 is not a whole number"_s};
    QTest::newRow("empty number") << u"traffic=text;every="_s
                                  << QStringList{u"every= is not a whole number"_s};
    QTest::newRow("every too small")
        << u"traffic=text;every=9"_s
        << QStringList{u"every=9 is out of range"_s, u"10 to 3600000"_s};
    QTest::newRow("size too big") << u"traffic=binary;size=16777217"_s
                                  << QStringList{u"size=16777217 is out of range"_s,
                                                 u"1 to 16777216"_s};
    QTest::newRow("size zero") << u"traffic=binary;size=0"_s
                               << QStringList{u"size=0 is out of range"_s};
    QTest::newRow("sends too many") << u"on-close=send;sends=1001"_s
                                    << QStringList{u"sends=1001 is out of range"_s, u"1 to 1000"_s};
    QTest::newRow("huge number") << u"close-after=99999999999999999999999"_s
                                 << QStringList{u"close-after=99999999999999999999999"_s};
    QTest::newRow("every without traffic")
        << u"every=100"_s
        << QStringList{u"every applies only with traffic=text or traffic=binary"_s};
    QTest::newRow("every with echo")
        << u"traffic=echo;every=100"_s << QStringList{u"every applies only with"_s};
    QTest::newRow("size with text")
        << u"traffic=text;size=10"_s << QStringList{u"size applies only with traffic=binary"_s};
    QTest::newRow("sends without send")
        << u"on-close=delay;sends=2"_s << QStringList{u"sends applies only with on-close=send"_s};
    QTest::newRow("delay without delay")
        << u"delay=100"_s << QStringList{u"delay applies only with on-close=delay"_s};
    QTest::newRow("close-code without close-after")
        << u"close-code=1001"_s << QStringList{u"close-code applies only with close-after"_s};
    QTest::newRow("close-mode without close-after")
        << u"close-mode=close_output"_s
        << QStringList{u"close-mode applies only with close-after"_s};
    QTest::newRow("close-reason without close-after")
        << u"close-reason=x"_s << QStringList{u"close-reason applies only with close-after"_s};
    QTest::newRow("code may not be sent")
        << u"close-after=1;close-code=1005"_s << QStringList{u"close-code=1005"_s, u"1005"_s};
    QTest::newRow("code 1006 by name")
        << u"close-after=1;close-code=AbnormalClosure"_s << QStringList{u"close-code=1006"_s};
    QTest::newRow("code out of any range")
        << u"close-after=1;close-code=5000"_s << QStringList{u"close-code=5000"_s};
    QTest::newRow("code not a code")
        << u"close-after=1;close-code=soon"_s << QStringList{u"close-code:"_s, u"soon"_s};
    QTest::newRow("reason too long")
        << QString(u"close-after=1;close-reason="_s + QString(124, u'r'))
        << QStringList{u"close-reason:"_s, u"124 bytes"_s, u"123"_s};
    QTest::newRow("reason too long in UTF-8")
        << QString(u"close-after=1;close-reason="_s + QString(62, QChar(0xE9)))
        << QStringList{u"124 bytes"_s};
    QTest::newRow("reason without a code")
        << u"close-after=1;close-code=empty;close-reason=x"_s << QStringList{u"close-reason:"_s};
}

void tst_PeerBehaviour::badSpec()
{
    QFETCH(QString, spec);
    QFETCH(QStringList, errorHas);
    QString error;
    const auto b = PeerBehaviour::parse(spec, &error);
    QVERIFY2(!b, qPrintable(b ? b->toSpec() : QString()));
    QVERIFY(error.startsWith(u"behaviour: "_s));
    for (const QString &part : errorHas)
        QVERIFY2(error.contains(part), qPrintable(u"\"%1\" not in: %2"_s.arg(part, error)));
}

QTEST_GUILESS_MAIN(tst_PeerBehaviour)
#include "tst_peerbehaviour.moc"
