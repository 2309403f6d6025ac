#pragma once

// An independent CSV reader for the export tests: RFC 4180 as written, no
// more, so a file CloseCall writes that a strict reader would reject fails.

#include <QtCore/QByteArray>
#include <QtCore/QList>

namespace csvreader {

// RFC 4180 strictly: records end with CRLF, fields are plain or quoted with
// "" for a quote, and a quote may not appear in an unquoted field.
// Returns no records at all on a syntax error.
inline QList<QList<QByteArray>> parseCsv(const QByteArray &text)
{
    QList<QList<QByteArray>> records;
    QList<QByteArray> record;
    QByteArray field;
    qsizetype i = 0;
    while (i < text.size()) {
        if (text[i] == '"') {
            ++i;
            for (;;) {
                if (i >= text.size())
                    return {};
                if (text[i] == '"') {
                    if (i + 1 < text.size() && text[i + 1] == '"') {
                        field += '"';
                        i += 2;
                        continue;
                    }
                    ++i;
                    break;
                }
                field += text[i++];
            }
        } else {
            while (i < text.size() && text[i] != ',' && text[i] != '\r') {
                if (text[i] == '"' || text[i] == '\n')
                    return {};
                field += text[i++];
            }
        }
        record.append(field);
        field.clear();
        if (i < text.size() && text[i] == ',') {
            ++i;
            continue;
        }
        if (text.mid(i, 2) != "\r\n")
            return {};
        i += 2;
        records.append(record);
        record.clear();
    }
    return records;
}

} // namespace csvreader
