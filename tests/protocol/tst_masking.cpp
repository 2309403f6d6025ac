// Placeholder until the suite is written.
#include <QtTest/QtTest>
class tst_masking : public QObject { Q_OBJECT };
QTEST_APPLESS_MAIN(tst_masking)
#include "tst_masking.moc"
