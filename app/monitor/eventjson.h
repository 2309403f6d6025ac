#pragma once

#include "server/event.h"

#include <QtCore/QByteArray>
#include <QtCore/QByteArrayView>
#include <QtCore/QJsonObject>
#include <QtCore/QLatin1StringView>
#include <QtCore/QString>
#include <QtCore/QStringView>

#include <limits>
#include <optional>

// The JSON Lines form of an engine event (docs/headless.md "Events"): the headless
// stdout stream, --log-file and the .jsonl export all write these lines.
//
// The writer is on the hot path (every frame of every connection with full
// logging), so it appends by hand into a caller-owned QByteArray: no
// QJsonDocument, no temporary QString, no allocation once the buffer has
// grown. The reader goes the other way through QJsonDocument; it is for
// tests and for loading logs, not for speed.
namespace closecall::monitor {

using server::Event;
using server::EventType;

// The contract name of an event type ("message_in", "state", ...): the
// schema's (server/event.h).
QLatin1StringView eventName(EventType type);
using server::eventTypeFromName;

// Appends one event as one JSON object and a '\n'.
void appendEventJson(QByteArray &out, const Event &event);

// Appends the events of `batch` from index `from` on, each as
// appendEventJson() would (the same bytes), preparing `out` once for the
// whole batch rather than once an event: the path of every batch to stdout
// and to --log-file. Events carrying a payload (message_*, ping_*, pong_*)
// are left out unless `withPayloadEvents`. Stops after the event that makes
// `out` reach `maxBytes` (so a huge batch can go out in pieces) and returns
// the index of the next event to write: batch.size() when all are written.
qsizetype appendEventsJson(QByteArray &out, const server::EventBatch &batch, qsizetype from = 0,
                           bool withPayloadEvents = true,
                           qsizetype maxBytes = std::numeric_limits<qsizetype>::max());
// The same object without the trailing newline.
QByteArray eventToJson(const Event &event);

// Reads an object written by appendEventJson back (fields it does not know
// are ignored; missing ones keep their defaults). On an unknown or missing
// `event` name returns nullopt and says why in `error`.
std::optional<Event> eventFromJson(const QJsonObject &object, QString *error = nullptr);

// "2026-11-26T10:44:22.123456Z" from microseconds since the Unix epoch.
// `separator` is 'T' for ISO 8601; the text log uses ' ' and no 'Z'.
void appendIsoTime(QByteArray &out, qint64 wallUs, char separator = 'T', bool zulu = true);
QByteArray isoTime(qint64 wallUs);
// The inverse of isoTime(); nullopt when `text` is not in that form
// (fewer fraction digits are accepted).
std::optional<qint64> parseIsoTime(QStringView text);

// Whether a preview is shown as UTF-8 text (else base64). Data messages
// follow their type. Ping and pong payloads have no type on the wire: they
// are shown as text when the engine marked them Text and the bytes are valid
// UTF-8 (a cut character at the 1024-byte end is allowed), else as base64;
// the JSON line then carries an extra `type` so a reader knows which.
bool previewIsText(const Event &event);

// A text preview as valid UTF-8: a character split by the preview cut is
// dropped (only when the payload was longer than the preview), any other
// invalid byte sequence becomes U+FFFD.
QString previewText(const Event &event);

// Appends `utf8` as a JSON string literal (quotes included): '"' and '\\'
// escaped, control characters as \n, \r, \t or \u00XX, valid UTF-8 passed
// through, invalid sequences replaced by U+FFFD. When `dropTruncatedTail`
// is set, an incomplete (but so far valid) sequence at the very end is
// dropped instead of replaced: it is a character the preview cut in two.
void appendJsonString(QByteArray &out, QByteArrayView utf8, bool dropTruncatedTail = false);
void appendJsonString(QByteArray &out, QStringView text);

// The `headers` object of an `open` event: one member per name (first
// spelling, case-insensitive), repeated headers joined with ", ".
void appendHeadersJson(QByteArray &out, const protocol::HttpHeaders &headers);

// `utf8.size()` minus the bytes of an incomplete final sequence (a valid
// lead byte and continuation bytes that the end cut short): the length to
// keep so a preview ends on a character boundary. Invalid bytes elsewhere
// are not looked at.
qsizetype utf8CompletePrefix(QByteArrayView utf8);

} // namespace closecall::monitor
