// Placeholder until the suite is written.
#include <QtTest/QtTest>
class tst_frameparser : public QObject { Q_OBJECT };
QTEST_APPLESS_MAIN(tst_frameparser)
#include "tst_frameparser.moc"
