// Placeholder until the suite is written.
#include <QtTest/QtTest>
class tst_utf8validator : public QObject { Q_OBJECT };
QTEST_APPLESS_MAIN(tst_utf8validator)
#include "tst_utf8validator.moc"
