#pragma once

#include "server/event.h"

#include <QtCore/QJsonDocument>
#include <QtCore/QList>

#include <memory>

namespace closecall::monitor {

// HAR 1.2: one entry per connection whose `open` is among `events`, with the
// upgrade request and the 101 response, and `_webSocketMessages` as Chrome
// and mitmproxy write them. HAR is the client's view, as in a browser:
// "send" is a message the client sent (our message_in), "receive" one we
// sent (message_out). `data` is the preview (the first 1024 bytes).
// Proxy mode (docs/headless.md "Proxy mode"): one entry per pair, its
// client leg's request, with both legs' messages, each with `_leg`; on the
// server leg "send" is what CloseCall passed on to the server. The server
// leg's conn, URL and `closed` are in `_closecall.server_leg`.
class HarBuilder final
{
public:
    HarBuilder();
    ~HarBuilder();
    Q_DISABLE_COPY_MOVE(HarBuilder)

    // Feed events oldest first; events other than listening, open,
    // message_in/out and closed are ignored.
    void add(const server::Event &event);
    QJsonDocument document() const;

private:
    struct Data;
    std::unique_ptr<Data> d;
};

// All of `events` through one HarBuilder.
QJsonDocument buildHar(const QList<server::Event> &events);

} // namespace closecall::monitor
