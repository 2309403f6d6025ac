#include "event.h"

namespace closecall::server {

static_assert(sizeof(Event) <= 96, "an Event is a header and its smallest kinds inline: "
                                   "keep big kinds Shared");

std::optional<EventType> eventTypeFromName(QStringView name)
{
    for (const EventKindInfo &kind : EventKinds) {
        if (name == kind.name)
            return kind.type;
    }
    return std::nullopt;
}

} // namespace closecall::server
