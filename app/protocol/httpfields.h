#pragma once

#include "handshake.h"

#include <QtCore/QByteArray>
#include <QtCore/QByteArrayView>
#include <QtCore/QList>
#include <QtCore/QString>

// HTTP/1.1 header-field helpers both ends of the upgrade use (RFC 9110,
// RFC 9112). Internal to the protocol library.
namespace closecall::protocol::httpfields {

// The blank line that ends a header block.
inline constexpr QByteArrayView HeaderTerminator = "\r\n\r\n";

// RFC 9110 §5.6.2: tchar, the characters of a header name or a token.
bool isTokenChar(char c);
bool isToken(QByteArrayView text);
bool equalsNoCase(QByteArrayView a, QByteArrayView b);

// Every value of a (possibly repeated) header, joined by ", " as RFC 9110
// §5.3 allows for list-valued fields.
QByteArray headerValue(const HttpHeaders &headers, QByteArrayView name);
qsizetype headerCount(const HttpHeaders &headers, QByteArrayView name);

// The comma-separated elements of a list-valued header, trimmed, empty
// elements dropped (RFC 9110 §5.6.1 asks recipients to ignore them).
QList<QByteArray> listElements(QByteArrayView value);

// Upgrade and Connection are token lists, compared case-insensitively
// (RFC 6455 §4.2.1 items 3 and 4): "keep-alive, Upgrade" contains "upgrade".
bool listContainsToken(QByteArrayView value, QByteArrayView token);

// The value in double quotes, for error sentences.
QString quoted(QByteArrayView value);

// Splits the header lines of a request or response (lines[1..], after the
// start line) into `out`; false and a sentence in `error` when malformed.
bool parseHeaderLines(const QList<QByteArray> &lines, HttpHeaders &out, QString *error);

} // namespace closecall::protocol::httpfields
