#pragma once

#include "types.h"

#include <QtCore/QByteArray>
#include <QtCore/QByteArrayView>

#include <optional>

namespace closecall::protocol {

// Writes RFC 6455 §5.2 frames. A server's frames are unmasked; a client's
// are masked with a fresh random key (RFC §5.3), or `maskKey` when a test
// needs fixed bytes: its bytes in memory are the key's bytes on the wire, as
// in masking.h (build it with memcpy from the four wire bytes). Frames are appended to `out` so
// many frames can be batched into one write.
namespace framewriter {

// Size of the header a frame of `payloadSize` bytes gets.
qsizetype headerSize(quint64 payloadSize, bool masked);

// `rsv`: the 3-bit RSV1..RSV3 value (RSV1 = 4 marks a compressed message's
// first frame, RFC 7692 §6).
void appendFrame(QByteArray &out, Role writerRole, Opcode opcode, QByteArrayView payload,
                 bool fin = true, std::optional<quint32> maskKey = std::nullopt, quint8 rsv = 0);

// Writes only a header (for callers that append or stream the payload
// themselves). The caller masks the payload when `maskKey` is set.
void appendHeader(QByteArray &out, Opcode opcode, quint64 payloadSize, bool fin,
                  std::optional<quint32> maskKey, quint8 rsv = 0);

} // namespace framewriter
} // namespace closecall::protocol
