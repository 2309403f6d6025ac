#pragma once

#include <QtCore/QByteArray>
#include <QtCore/QByteArrayView>
#include <QtCore/QString>

#include <memory>

// permessage-deflate's compression (RFC 7692 §7.2) over zlib's raw deflate:
// one message in, one payload out, the trailing 00 00 ff ff of a sync flush
// removed on the way out and put back on the way in. zlib's state is made on
// the first message and, without context takeover, given back after each
// one, so an idle connection costs nothing here.
namespace closecall::protocol {

class MessageDeflater
{
public:
    // `windowBits` 8–15 as negotiated for our side; zlib cannot compress raw
    // deflate within 8 bits, so then every message goes out uncompressed
    // (RSV1 clear), which RFC 7692 allows.
    MessageDeflater(int windowBits, bool noContextTakeover);
    ~MessageDeflater();
    Q_DISABLE_COPY_MOVE(MessageDeflater)

    bool canCompress() const { return m_windowBits >= 9; }
    // The compressed payload of one whole message (the first frame carries
    // RSV1). Call only when canCompress().
    QByteArray compress(QByteArrayView message);
    // Bytes of zlib state held now (0 between messages without context
    // takeover).
    qsizetype memoryInUse() const;

private:
    struct State;
    int m_windowBits;
    bool m_noContextTakeover;
    std::unique_ptr<State> m_state;
};

class MessageInflater
{
public:
    enum class Status : quint8 {
        Ok,
        TooBig,  // the message would pass maxMessageSize (close with 1009)
        Corrupt, // not valid deflate data (fail the connection: 1007)
    };

    // `noContextTakeover`: the peer resets its compressor after every
    // message, so our state may go too. Inflating always uses a 15-bit
    // window, which decodes data made with any smaller one.
    MessageInflater(bool noContextTakeover, quint64 maxMessageSize);
    ~MessageInflater();
    Q_DISABLE_COPY_MOVE(MessageInflater)

    void setMaxMessageSize(quint64 bytes);
    // One frame's payload of a compressed message: what it inflates to is
    // appended to `out` (the message so far), never past maxMessageSize.
    Status feed(QByteArrayView data, QByteArray &out);
    // The message's last frame has been fed: inflates the end of it.
    Status finish(QByteArray &out);
    // What zlib said when Corrupt; the limit when TooBig.
    QString error() const { return m_error; }
    qsizetype memoryInUse() const;

private:
    struct State;
    Status run(QByteArrayView data, QByteArray &out);
    void endMessage();

    bool m_noContextTakeover;
    quint64 m_maxMessageSize;
    bool m_streamEnded = false; // a BFINAL block ended this message's stream
    QString m_error;
    std::unique_ptr<State> m_state;
};

} // namespace closecall::protocol
