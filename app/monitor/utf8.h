#pragma once

#include <QtCore/QByteArray>
#include <QtCore/QByteArrayView>
#include <QtCore/QStringView>

#include <optional>

// Byte-level writers shared by the JSON, text and CSV exporters. Each
// writes through a raw pointer into room the caller has already made and
// returns the new end; the bound on how much room each needs is stated.
// Internal to closecall_monitor.
namespace closecall::monitor::utf8 {

// A JSON string literal with quotes. Needs 6 * input size + 2 bytes.
// UTF-8 input: invalid sequences become U+FFFD; with `dropTruncatedTail`,
// an incomplete sequence at the very end is dropped instead.
// UTF-16 input: unpaired surrogates become U+FFFD.
char *writeJsonString(char *d, QByteArrayView s, bool dropTruncatedTail);
char *writeJsonString(char *d, QStringView s);

// Standard base64 with padding. Needs (size + 2) / 3 * 4 bytes.
char *writeBase64(char *d, QByteArrayView s);

// "2026-11-26T10:44:22.123456Z" (or with ' ' and no 'Z'). Needs 40 bytes.
char *writeIsoTime(char *d, qint64 wallUs, char separator, bool zulu);
std::optional<qint64> parseIsoTime(QStringView text);

// `s` as valid UTF-8: each invalid sequence becomes U+FFFD (the same
// replacements writeJsonString makes); with `dropTruncatedTail` an
// incomplete final sequence is dropped.
QByteArray sanitized(QByteArrayView s, bool dropTruncatedTail);

// See monitor::utf8CompletePrefix.
qsizetype completePrefix(QByteArrayView s);

// Appends `s` with C-style escapes for a human log or a CSV cell: \\, \n,
// \r, \t, \xNN for other C0 controls and DEL, \uXXXX for C1 controls, line
// and paragraph separators and the bidirectional overrides (which could
// make a log line read differently from what it holds); '"' as \" when
// `escapeQuote`. Invalid UTF-8 becomes U+FFFD; with `dropTruncatedTail` an
// incomplete final sequence is dropped.
void appendEscaped(QByteArray &out, QByteArrayView s, bool dropTruncatedTail, bool escapeQuote);

} // namespace closecall::monitor::utf8
