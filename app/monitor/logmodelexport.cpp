#include "logmodelexport.h"

#include "eventjson.h"
#include "logmodel.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QDir>
#include <QtCore/QSaveFile>

namespace closecall::monitor {

namespace {

// The same words as logexport's, under its translation context.
QString cannotWrite(const QString &path, const QString &why)
{
    return QCoreApplication::translate("LogExport", "cannot write %1: %2")
        .arg(QDir::toNativeSeparators(path), why);
}

} // namespace

ExportResult exportLogModel(const LogModel &log, const QString &path, LogFormat format,
                            const std::function<bool(int row)> &accept)
{
    ExportResult result;
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        result.error = cannotWrite(path, file.errorString());
        return result;
    }
    const LogBuffer &buffer = log.buffer();
    const int rows = log.rowCount();
    const auto forEach = [&](auto &&visit) {
        for (int row = 0; row < rows; ++row) {
            if (!accept || accept(row))
                visit(buffer.toEvent(buffer.at(row)));
        }
    };

    if (format == LogFormat::Har) {
        HarBuilder har;
        forEach([&](const server::Event &e) {
            har.add(e);
            ++result.events;
        });
        file.write(har.document().toJson(QJsonDocument::Indented));
    } else {
        constexpr qsizetype Chunk = 1 << 20;
        QByteArray out;
        out.reserve(Chunk + 64 * 1024);
        if (format == LogFormat::Csv)
            out += csvHeader();
        forEach([&](const server::Event &e) {
            switch (format) {
            case LogFormat::Jsonl:
                appendEventJson(out, e);
                break;
            case LogFormat::Text:
                appendTextLine(out, e);
                break;
            case LogFormat::Csv:
                appendCsvRow(out, e);
                break;
            case LogFormat::Har:
                break;
            }
            ++result.events;
            if (out.size() >= Chunk) {
                file.write(out);
                out.resize(0); // keeps the capacity
            }
        });
        file.write(out);
    }
    // QSaveFile refuses to commit after a failed write: an old file stays.
    if (!file.commit()) {
        result.error = cannotWrite(path, file.errorString());
        result.events = 0;
    }
    return result;
}

} // namespace closecall::monitor
