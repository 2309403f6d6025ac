#include "httpfields.h"

#include <QtCore/QCoreApplication>

#include <algorithm>

namespace closecall::protocol::httpfields {

bool isTokenChar(char c)
{
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
        return true;
    return QByteArrayView("!#$%&'*+-.^_`|~").contains(c);
}

bool isToken(QByteArrayView text)
{
    return !text.isEmpty() && std::all_of(text.begin(), text.end(), isTokenChar);
}

bool equalsNoCase(QByteArrayView a, QByteArrayView b)
{
    return a.size() == b.size() && a.compare(b, Qt::CaseInsensitive) == 0;
}

// Every value of a (possibly repeated) header, joined by ", " as RFC 9110
// §5.3 allows for list-valued fields.
QByteArray headerValue(const HttpHeaders &headers, QByteArrayView name)
{
    QByteArray value;
    bool found = false;
    for (const auto &[key, v] : headers) {
        if (!equalsNoCase(key, name))
            continue;
        if (found)
            value += ", ";
        value += v;
        found = true;
    }
    return value;
}

qsizetype headerCount(const HttpHeaders &headers, QByteArrayView name)
{
    return std::count_if(headers.cbegin(), headers.cend(),
                         [name](const auto &h) { return equalsNoCase(h.first, name); });
}

// The comma-separated elements of a list-valued header, trimmed, empty
// elements dropped (RFC 9110 §5.6.1 asks recipients to ignore them).
QList<QByteArray> listElements(QByteArrayView value)
{
    QList<QByteArray> out;
    for (const QByteArray &part : value.toByteArray().split(',')) {
        const QByteArray element = part.trimmed();
        if (!element.isEmpty())
            out.append(element);
    }
    return out;
}

// Upgrade and Connection are token lists, compared case-insensitively
// (RFC 6455 §4.2.1 items 3 and 4): "keep-alive, Upgrade" contains "upgrade".
bool listContainsToken(QByteArrayView value, QByteArrayView token)
{
    const QList<QByteArray> elements = listElements(value);
    return std::any_of(elements.cbegin(), elements.cend(),
                       [token](const QByteArray &e) { return equalsNoCase(e, token); });
}

QString quoted(QByteArrayView value)
{
    return u'"' + QString::fromUtf8(value) + u'"';
}

// Splits the header lines of a request or response (everything after the
// start line) into `out`. RFC 9112 §5: "name: value"; no whitespace before
// the colon (§5.1 says reject it: request smuggling); no obsolete line
// folding (§5.2); value trimmed of optional whitespace.
bool parseHeaderLines(const QList<QByteArray> &lines, HttpHeaders &out, QString *error)
{
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray &line = lines[i];
        const QString lineNo = QString::number(i + 1);
        if (line.startsWith(' ') || line.startsWith('\t')) {
            *error =
                QCoreApplication::translate(
                    "Handshake", "header line %1 starts with whitespace (obsolete line folding, "
                                 "RFC 9112 §5.2); send each header on one line.")
                    .arg(lineNo);
            return false;
        }
        const qsizetype colon = line.indexOf(':');
        if (colon < 0) {
            *error = QCoreApplication::translate(
                         "Handshake", "header line %1 has no ':' (%2); each header must be "
                                      "\"Name: value\".")
                         .arg(lineNo, quoted(line.left(64)));
            return false;
        }
        const QByteArray name = line.left(colon);
        if (!isToken(name)) {
            *error =
                QCoreApplication::translate(
                    "Handshake", "header line %1 has an invalid name %2 (empty, or with spaces or "
                                 "separators before the ':').")
                    .arg(lineNo, quoted(name.left(64)));
            return false;
        }
        const QByteArray value = line.mid(colon + 1).trimmed();
        // CR and LF cannot be here (lines were split on CRLF) unless bare;
        // bare CR/LF and NUL are refused (RFC 9112 §2.2, §5).
        if (value.contains('\r') || value.contains('\n') || value.contains('\0')) {
            *error = QCoreApplication::translate(
                         "Handshake",
                         "header %1 contains a bare CR, LF or NUL; lines must end with CRLF.")
                         .arg(QString::fromUtf8(name));
            return false;
        }
        out.append({name, value});
    }
    return true;
}

} // namespace closecall::protocol::httpfields
