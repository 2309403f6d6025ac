// The event publisher alone (docs/architecture.md): numbering and batches in
// order, the next batch's reserved room, and previews shared only when their
// bytes are equal (an echo's message_out, a peer repeating itself).

#include "server/eventpublisher.h"

#include <QtCore/QObject>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

using namespace closecall;
using server::Event;
using server::EventBatch;
using server::EventPublisher;
namespace events = server::events;

class tst_EventPublisher final : public QObject
{
    Q_OBJECT

private slots:
    void previewCutAtTheLimit();
    void equalPreviewsShareTheirBytes();
    void batchesInOrderWithRoomForTheNext();
};

void tst_EventPublisher::previewCutAtTheLimit()
{
    QObject owner;
    EventPublisher publisher([](const EventBatch &) {}, &owner);
    const QByteArray big(3000, 'q');
    QCOMPARE(publisher.preview(big), big.first(server::MaxPreviewBytes));
    QCOMPARE(publisher.preview("short"), QByteArray("short"));
    QCOMPARE(publisher.preview(QByteArrayView()), QByteArray());
    QCOMPARE(publisher.preview(QByteArrayView("", 0)), QByteArray(""));
}

void tst_EventPublisher::equalPreviewsShareTheirBytes()
{
    QObject owner;
    EventPublisher publisher([](const EventBatch &) {}, &owner);
    QByteArray payload("hello, world");
    const QByteArray in = publisher.preview(payload);
    // The same bytes again (the echo): the same block, not a copy.
    const QByteArray out = publisher.preview(payload);
    QCOMPARE(out, in);
    QCOMPARE(out.constData(), in.constData());
    // The payload buffer is reused for the next message: the previews made
    // keep their own bytes.
    payload[0] = 'J';
    const QByteArray next = publisher.preview(payload);
    QCOMPARE(next, QByteArray("Jello, world"));
    QVERIFY(next.constData() != in.constData());
    QCOMPARE(in, QByteArray("hello, world"));
    // Same size, other bytes; a prefix; longer: each its own.
    QCOMPARE(publisher.preview("Jello, worle"), QByteArray("Jello, worle"));
    QCOMPARE(publisher.preview("Jello"), QByteArray("Jello"));
    QCOMPARE(publisher.preview("Jello!"), QByteArray("Jello!"));
    // Beyond the limit only the first MaxPreviewBytes count.
    const QByteArray a = QByteArray(server::MaxPreviewBytes, 'z') + "a";
    const QByteArray b = QByteArray(server::MaxPreviewBytes, 'z') + "b";
    QCOMPARE(publisher.preview(a).constData(), publisher.preview(b).constData());
}

void tst_EventPublisher::batchesInOrderWithRoomForTheNext()
{
    QObject owner;
    QList<EventBatch> batches;
    EventPublisher publisher([&](const EventBatch &batch) { batches.append(batch); }, &owner);
    for (int i = 0; i < 100; ++i) {
        events::MessageIn m;
        m.preview = publisher.preview(QByteArray::number(i));
        publisher.publish(Event(m, 1, protocol::State::Open));
    }
    publisher.flush();
    QCOMPARE(batches.size(), 1);
    QCOMPARE(batches[0].size(), 100);
    for (int i = 0; i < 100; ++i) {
        QCOMPARE(batches[0][i].seq, quint64(i + 1));
        QCOMPARE(batches[0][i].as<events::MessageIn>().preview, QByteArray::number(i));
        QVERIFY(batches[0][i].wallUs != 0);
    }
    // The next batch, fewer events: numbered on, nothing of the first in it.
    for (int i = 0; i < 3; ++i)
        publisher.publish(Event(events::Error{QStringLiteral("e")}));
    publisher.flush();
    QCOMPARE(batches.size(), 2);
    QCOMPARE(batches[1].size(), 3);
    QCOMPARE(batches[1][0].seq, quint64(101));
    QCOMPARE(batches[1][2].seq, quint64(103));
    // Nothing pending: no empty batch.
    publisher.flush();
    QCOMPARE(batches.size(), 2);
}

QTEST_GUILESS_MAIN(tst_EventPublisher)
#include "tst_eventpublisher.moc"
