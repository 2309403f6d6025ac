// Placeholder until the suite is written.
#include <QtTest/QtTest>
class tst_framewriter : public QObject { Q_OBJECT };
QTEST_APPLESS_MAIN(tst_framewriter)
#include "tst_framewriter.moc"
