#pragma once

#include <QtCore/QtGlobal>

namespace closecall::protocol {

// XORs `size` bytes at `data` in place with the 4-byte masking key of RFC 6455
// §5.3, starting `phase` bytes into the key (0..3), so a payload split across
// reads is unmasked piece by piece. Works a vector/machine word at a time.
// `key` holds the key bytes in wire order: byte 0 of the key is the lowest
// byte in memory of the quint32 (i.e. load it with memcpy from the wire).
// Returns the phase for the byte after the last one.
quint8 applyMask(char *data, qsizetype size, quint32 key, quint8 phase = 0);

// Copies and masks in one pass: dst[i] = src[i] ^ key[(phase + i) % 4].
// dst and src may be the same; otherwise they must not overlap.
quint8 copyMasked(char *dst, const char *src, qsizetype size, quint32 key, quint8 phase = 0);

} // namespace closecall::protocol
