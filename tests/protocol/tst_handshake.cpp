// Placeholder until the suite is written.
#include <QtTest/QtTest>
class tst_handshake : public QObject { Q_OBJECT };
QTEST_APPLESS_MAIN(tst_handshake)
#include "tst_handshake.moc"
