#include "logmodelexport.h"

#include "logmodel.h"

namespace closecall::monitor {

EventView logModelView(const LogModel &log, const std::function<bool(int row)> &accept)
{
    return EventView(
        [&log, accept](const EventView::Visitor &visit) {
            const LogBuffer &buffer = log.buffer();
            const int rows = log.rowCount();
            for (int row = 0; row < rows; ++row) {
                if (!accept || accept(row))
                    visit(buffer.toEvent(buffer.at(row)));
            }
        },
        log.dropped());
}

ExportResult exportLogModel(const LogModel &log, const QString &path, LogFormat format,
                            const std::function<bool(int row)> &accept)
{
    return exportLog(logModelView(log, accept), path, format);
}

} // namespace closecall::monitor
