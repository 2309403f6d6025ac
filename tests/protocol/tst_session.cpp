// Placeholder until the suite is written.
#include <QtTest/QtTest>
class tst_session : public QObject { Q_OBJECT };
QTEST_APPLESS_MAIN(tst_session)
#include "tst_session.moc"
