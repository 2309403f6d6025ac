#pragma once

#include <QtCore/QByteArrayView>
#include <QtCore/QtGlobal>

namespace closecall::protocol {

// Incremental UTF-8 validation (RFC 3629, as RFC 6455 §8.1 requires): the
// bytes of one text message may arrive in any number of pieces, and the
// validator fails at the first byte that can no longer start or continue a
// valid sequence, not at the end of the message. Overlong forms, surrogates
// (U+D800..U+DFFF) and code points above U+10FFFF are invalid.
class Utf8Validator final
{
public:
    // Feeds the next piece. Returns -1 while everything so far is valid (or a
    // valid prefix), else the offset within `bytes` of the first invalid byte.
    // After a failure the validator stays failed until reset().
    qsizetype feed(QByteArrayView bytes);

    // True when everything fed so far is valid and no sequence is left
    // incomplete: the check to make when the message ends.
    bool isComplete() const { return m_state == Accept; }
    bool hasFailed() const { return m_state == Reject; }

    void reset() { m_state = Accept; }

    // One-shot check of a whole buffer.
    static bool isValid(QByteArrayView bytes);

private:
    enum : quint8 { Accept = 0, Reject = 1 };
    quint8 m_state = Accept;
};

} // namespace closecall::protocol
