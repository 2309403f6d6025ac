#pragma once

#include "types.h"
#include "utf8validator.h"

#include <memory>

#include <QtCore/QByteArray>
#include <QtCore/QByteArrayView>
#include <QtCore/QString>

namespace closecall::protocol {

class MessageInflater;

// Receives what the parser finds. Payload views are valid only for the
// duration of the call (they point into the caller's buffer or the parser's
// reassembly buffer).
class FrameSink
{
public:
    virtual ~FrameSink() = default;
    // A complete data message (all its fragments joined, unmasked, and for
    // text validated as UTF-8). `frames` is how many frames carried it.
    virtual void onMessage(MessageType type, QByteArrayView payload, int frames) = 0;
    // A control frame (Close, Ping or Pong), unmasked. Close payloads are not
    // interpreted here: see parseClosePayload().
    virtual void onControl(Opcode opcode, QByteArrayView payload) = 0;
    // The stream is broken. `closeCode` is the code to answer with (1002,
    // 1007 or 1009, docs/close-semantics.md "What is a protocol error"); `why`
    // says what arrived. The parser accepts no more input after this.
    virtual void onProtocolError(quint16 closeCode, const QString &why) = 0;
};

// Incremental RFC 6455 §5.2 frame parser with message reassembly. Any split
// of the input into pieces yields the same calls on the sink (R14).
//
// The fast path is zero-copy: a whole unfragmented frame already in the
// caller's buffer is unmasked in place and handed on as a view. Frames that
// straddle reads or are fragmented are reassembled in an internal buffer.
class FrameParser final
{
public:
    // `role` is *our* role: a server requires masked frames from its peer
    // and a client refuses masked ones. `maxMessageSize` bounds a data
    // message (all fragments together); over it is a 1009 error.
    explicit FrameParser(Role role, quint64 maxMessageSize = 16 * 1024 * 1024);
    ~FrameParser();
    FrameParser(FrameParser &&) noexcept;
    FrameParser &operator=(FrameParser &&) noexcept;
    Q_DISABLE_COPY(FrameParser)

    // permessage-deflate (RFC 7692) was negotiated: RSV1 on the first frame
    // of a data message marks it compressed, and the sink gets it inflated
    // (text validated after inflating). `peerNoContextTakeover`: the peer
    // resets its compressor after each message, so ours may go too.
    // maxMessageSize then bounds the inflated size.
    void enableDeflate(bool peerNoContextTakeover);
    bool deflateEnabled() const { return m_inflater != nullptr; }
    // Inside onMessage(): whether the message came compressed, and how many
    // payload bytes it took on the wire (= its size when not compressed).
    bool messageWasCompressed() const { return m_compressed; }
    quint64 messageWireBytes() const { return m_wireBytes; }
    // zlib's state held for inflating now (0 without deflate).
    qsizetype inflaterMemory() const;

    // Parses `size` bytes at `data`, which it may modify (unmasking in place).
    // Calls the sink for every complete message, control frame or error.
    // Returns the number of bytes consumed: always `size` unless the sink
    // calls stop() from inside a callback, or after an error.
    qsizetype feed(char *data, qsizetype size, FrameSink &sink);

    // Ends the current feed() after the callback in progress returns; the
    // bytes not consumed are the caller's. The next feed() carries on (the
    // session keeps feeding in CloseReceived so late frames are reported).
    void stop() { m_stopped = true; }
    bool hasFailed() const { return m_failed; }

    void setMaxMessageSize(quint64 bytes);
    quint64 maxMessageSize() const { return m_maxMessageSize; }

    // True while a fragmented message is being reassembled.
    bool inMessage() const { return m_messageOpcode != Opcode::Continuation; }

    // Bytes currently held for reassembly (for memory accounting).
    qsizetype bufferedBytes() const { return m_message.size() + m_partial.size(); }

    // Drops reassembly buffers' capacity when idle, so idle connections cost little.
    void releaseMemory();

private:
    struct Header
    {
        bool fin = false;
        quint8 rsv = 0; // RSV1..3 as the 3-bit value (RSV1 = 4)
        Opcode opcode = Opcode::Continuation;
        bool masked = false;
        quint64 length = 0;
        quint32 maskKey = 0; // wire order, as applyMask() takes it
    };

    // RFC 6455 §5.2: 2 fixed bytes, up to 8 of extended length, 4 of mask key.
    static constexpr qsizetype MaxHeaderSize = 14;

    // Parses a header at data[0..size). Returns its length in bytes, or 0
    // when more bytes are needed. Validation is checkHeader()'s job.
    static qsizetype parseHeader(const char *data, qsizetype size, Header &h);
    // Every header rule, in one fixed order (so any split reports the same
    // error). Returns false after reporting an error.
    bool checkHeader(const Header &h, FrameSink &sink);
    // A whole unfragmented frame, already unmasked, in the caller's buffer.
    void deliverWhole(const Header &h, const char *payload, qsizetype size, FrameSink &sink);
    // Starts buffering the payload of m_pending.
    void beginPending(const Header &h);
    // Takes up to `size` payload bytes of m_pending; returns how many it took.
    qsizetype takePending(const char *data, qsizetype size, FrameSink &sink);
    void finishPending(FrameSink &sink);
    // Inflates one piece of a compressed message into m_message (the end of
    // it when `last`) and validates what came out; false after an error.
    bool inflatePiece(QByteArrayView wire, bool last, bool text, FrameSink &sink);
    // Text validated as it comes (R15), counted from the message's start;
    // false after reporting the first bad byte.
    bool validateText(qsizetype from, FrameSink &sink);
    void fail(quint16 code, const QString &why, FrameSink &sink);

    Role m_role;
    quint64 m_maxMessageSize;
    bool m_failed = false;
    bool m_stopped = false;

    // A header that did not fit in one feed() call.
    char m_header[MaxHeaderSize] = {};
    quint8 m_headerLen = 0;

    // The frame whose payload is arriving over several feed() calls (or is
    // a fragment): a control payload collects in m_partial, a data payload
    // goes straight into m_message.
    QByteArray m_partial;
    Header m_pending;
    bool m_havePending = false;
    quint64 m_remaining = 0; // payload bytes of m_pending still to come
    quint8 m_maskPhase = 0;

    // The data message being reassembled.
    Opcode m_messageOpcode = Opcode::Continuation; // Continuation = none
    QByteArray m_message;
    int m_messageFrames = 0;
    Utf8Validator m_utf8;

    // permessage-deflate: the inflater (null when not negotiated), whether
    // the message in progress is compressed, its bytes on the wire so far,
    // and where a compressed frame's payload is unmasked before inflating.
    std::unique_ptr<MessageInflater> m_inflater;
    bool m_compressed = false;
    quint64 m_wireBytes = 0;
    QByteArray m_scratch;
};

} // namespace closecall::protocol
