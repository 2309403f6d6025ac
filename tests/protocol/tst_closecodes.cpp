// Placeholder until the suite is written.
#include <QtTest/QtTest>
class tst_closecodes : public QObject { Q_OBJECT };
QTEST_APPLESS_MAIN(tst_closecodes)
#include "tst_closecodes.moc"
