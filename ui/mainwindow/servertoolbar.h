#pragma once

#include <QtNetwork/QHostAddress>
#include <QtWidgets/QToolBar>

class QLineEdit;
class QSpinBox;

// The server toolbar: where to listen (address and port),
// Start/Stop, TLS, and the running options (Echo, Auto-acknowledge peer
// Close, Answer Pings), which the main window's actions provide.
namespace closecall::ui {

class ServerToolBar final : public QToolBar
{
    Q_OBJECT

public:
    explicit ServerToolBar(QWidget *parent = nullptr);

    // Adds the actions after the address fields, in order; nullptr = separator.
    void addServerActions(const QList<QAction *> &actions);

    QString host() const;
    quint16 port() const;
    void setHost(const QString &host);
    void setPort(quint16 port);
    // "127.0.0.1:9001", "[::1]:9001": what --listen takes.
    QString listenText() const;
    // Parses the fields with the command line's rules; on failure returns
    // false and says why in `error`.
    bool listenAddress(QHostAddress *address, quint16 *port, QString *error) const;

    // The fields can only change while the server is stopped.
    void setEditable(bool editable);

    void focusAddress();

    // Proxy mode (docs/headless.md "Proxy mode"): `proxyMode` (checkable)
    // and the target URL field after it, added after the address fields.
    void addProxyControls(QAction *proxyMode);
    QString proxyTarget() const;
    void setProxyTarget(const QString &url);
    // Empty when the field holds a ws:// or wss:// URL the client role can
    // connect to (the Connect dialog's parser), else why not.
    QString proxyTargetError() const;
    void focusProxyTarget();

Q_SIGNALS:
    // Enter in the address or port field.
    void startRequested();

private:
    void updateProxyField();

    QLineEdit *m_host;
    QSpinBox *m_port;
    QLineEdit *m_proxyTarget = nullptr;
    QAction *m_proxyMode = nullptr;
    bool m_editable = true;
    QString m_hostTip;
    QString m_portTip;
};

} // namespace closecall::ui
