#include "logmodelexport.h"

#include "eventjson.h"
#include "exporttarget.h"
#include "logmodel.h"

namespace closecall::monitor {

ExportResult exportLogModel(const LogModel &log, const QString &path, LogFormat format,
                            const std::function<bool(int row)> &accept)
{
    ExportResult result;
    ExportFile file(path); // checks the target (exporttarget.h)
    if (!file.open()) {
        result.error = file.errorString();
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
    // Nothing is committed after a failed write: an old file stays.
    if (!file.commit()) {
        result.error = file.errorString();
        result.events = 0;
    }
    return result;
}

} // namespace closecall::monitor
