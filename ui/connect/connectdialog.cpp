#include "connectdialog.h"

#include "behaviourchoices.h"

#include "control/commandparser.h"

#include <QtCore/QJsonArray>
#include <QtCore/QJsonObject>
#include <QtCore/QSettings>
#include <QtWidgets/QCheckBox>
#include <QtWidgets/QComboBox>
#include <QtWidgets/QDialogButtonBox>
#include <QtWidgets/QFormLayout>
#include <QtWidgets/QGroupBox>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QPlainTextEdit>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QSpinBox>
#include <QtWidgets/QVBoxLayout>

using namespace Qt::StringLiterals;

namespace closecall::ui {

namespace {

constexpr int MaxRecentUrls = 10;
// The engine opens at most this many per command (docs/headless.md `connect`).
constexpr int MaxCount = 1000;

QComboBox *choicesBox(BehaviourDimension dimension, const QString &objectName, QWidget *parent)
{
    auto *box = new QComboBox(parent);
    box->setObjectName(objectName);
    for (const BehaviourChoice &choice : behaviourChoices(dimension))
        box->addItem(choice.label, choice.spec);
    return box;
}

// A listener on every address is reached on loopback.
QString reachable(const QString &serverUrl)
{
    QString url = serverUrl;
    url.replace(u"://0.0.0.0:"_s, u"://127.0.0.1:"_s);
    url.replace(u"://[::]:"_s, u"://[::1]:"_s);
    return url.endsWith(u'/') ? url : url + u'/';
}

} // namespace

ConnectDialog::ConnectDialog(QWidget *parent)
    : QDialog(parent)
    , m_url(new QComboBox(this))
    , m_count(new QSpinBox(this))
    , m_subprotocols(new QLineEdit(this))
    , m_headers(new QPlainTextEdit(this))
    , m_traffic(choicesBox(BehaviourDimension::Traffic, u"connectTraffic"_s, this))
    , m_onClose(choicesBox(BehaviourDimension::OnClose, u"connectOnClose"_s, this))
    , m_closeAfter(choicesBox(BehaviourDimension::CloseAfter, u"connectCloseAfter"_s, this))
    , m_behaviour(new QLineEdit(this))
    , m_insecure(
          new QCheckBox(tr("Accept a certificate the system does not trust (self-signed)"), this))
    , m_message(new QLabel(this))
{
    setObjectName(u"connectDialog"_s);
    setWindowTitle(tr("Connect"));

    m_url->setObjectName(u"connectUrl"_s);
    m_url->setEditable(true);
    m_url->setInsertPolicy(QComboBox::NoInsert);
    m_url->lineEdit()->setPlaceholderText(tr("ws://host:port/path or wss://…"));
    m_url->setToolTip(tr("The server to connect to; the list holds this server and the URLs "
                         "used before"));
    m_count->setObjectName(u"connectCount"_s);
    m_count->setRange(1, MaxCount);
    m_count->setToolTip(tr("How many identical connections to open"));
    m_subprotocols->setObjectName(u"connectSubprotocols"_s);
    m_subprotocols->setPlaceholderText(tr("none; e.g. chat, superchat"));
    m_subprotocols->setToolTip(tr("Offered in Sec-WebSocket-Protocol, in this order; separate "
                                  "them with commas"));
    m_headers->setObjectName(u"connectHeaders"_s);
    m_headers->setPlaceholderText(tr("One per line, e.g.\nOrigin: https://app.example\n"
                                     "Authorization: Bearer …"));
    m_headers->setTabChangesFocus(true);
    m_headers->setFixedHeight(m_headers->fontMetrics().lineSpacing() * 4 + 12);
    m_behaviour->setObjectName(u"connectBehaviour"_s);
    m_behaviour->setPlaceholderText(tr("a plain client"));
    m_behaviour->setToolTip(tr("The behaviour spec sent with the command: key=value pairs "
                               "separated by semicolons. The menus above write it; type here "
                               "for anything they do not offer (see the user guide)."));
    m_insecure->setObjectName(u"connectInsecure"_s);
    m_insecure->setToolTip(tr("wss:// only. The log says so for every connection that "
                              "accepts such a certificate."));
    m_message->setObjectName(u"connectMessage"_s);
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->hide();

    auto *form = new QFormLayout;
    const auto addRow = [this, form](const QString &label, QWidget *field) {
        auto *l = new QLabel(label, this);
        l->setBuddy(field);
        form->addRow(l, field);
    };
    addRow(tr("&URL:"), m_url);
    addRow(tr("C&ount:"), m_count);
    addRow(tr("&Subprotocols:"), m_subprotocols);
    addRow(tr("&Headers:"), m_headers);
    form->addRow(QString(), m_insecure);

    auto *behaviour = new QGroupBox(tr("Behaviour"), this);
    auto *behaviourForm = new QFormLayout(behaviour);
    const auto addBehaviourRow = [this, behaviourForm](const QString &label, QWidget *field) {
        auto *l = new QLabel(label, this);
        l->setBuddy(field);
        behaviourForm->addRow(l, field);
    };
    addBehaviourRow(tr("&Traffic:"), m_traffic);
    addBehaviourRow(tr("When the server's &Close arrives:"), m_onClose);
    addBehaviourRow(tr("Start the close &itself:"), m_closeAfter);
    addBehaviourRow(tr("S&pec:"), m_behaviour);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_connect = buttons->button(QDialogButtonBox::Ok);
    m_connect->setText(tr("Co&nnect"));
    connect(buttons, &QDialogButtonBox::accepted, this, &ConnectDialog::tryConnect);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    for (QComboBox *box : {m_traffic, m_onClose, m_closeAfter})
        connect(box, &QComboBox::currentIndexChanged, this, &ConnectDialog::rebuildBehaviour);
    connect(m_url, &QComboBox::currentTextChanged, this, &ConnectDialog::updateInsecure);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(behaviour);
    layout->addWidget(m_message);
    layout->addWidget(buttons);
    resize(560, sizeHint().height());
    updateInsecure();
}

void ConnectDialog::setOwnServerUrl(const QString &serverUrl)
{
    m_ownUrl = serverUrl.isEmpty() ? QString() : reachable(serverUrl);
    m_url->clear();
    QStringList items;
    if (!m_ownUrl.isEmpty())
        items.append(m_ownUrl);
    for (const QString &url : std::as_const(m_recentUrls)) {
        if (!items.contains(url))
            items.append(url);
    }
    m_url->addItems(items);
    m_url->setCurrentIndex(items.isEmpty() ? -1 : 0);
    updateInsecure();
}

void ConnectDialog::restoreSettings(const QSettings &settings)
{
    m_recentUrls = settings.value(u"connect/recentUrls"_s).toStringList();
    m_count->setValue(settings.value(u"connect/count"_s, 1).toInt());
    m_subprotocols->setText(settings.value(u"connect/subprotocols"_s).toString());
    m_headers->setPlainText(settings.value(u"connect/headers"_s).toStringList().join(u'\n'));
    const auto restoreChoice = [&settings](QComboBox *box, const QString &key) {
        const int index = box->findData(settings.value(key).toString());
        box->setCurrentIndex(index < 0 ? 0 : index);
    };
    restoreChoice(m_traffic, u"connect/traffic"_s);
    restoreChoice(m_onClose, u"connect/onClose"_s);
    restoreChoice(m_closeAfter, u"connect/closeAfter"_s);
    // The spec as last sent: it may hold more than the menus offer.
    m_behaviour->setText(settings.value(u"connect/behaviour"_s, m_behaviour->text()).toString());
    m_insecure->setChecked(settings.value(u"connect/insecure"_s, false).toBool());
    setOwnServerUrl(m_ownUrl);
}

void ConnectDialog::saveSettings(QSettings &settings) const
{
    QStringList recent = m_recentUrls;
    const QString url = urlText();
    if (!url.isEmpty()) {
        recent.removeAll(url);
        recent.prepend(url);
    }
    settings.setValue(u"connect/recentUrls"_s, recent.mid(0, MaxRecentUrls));
    settings.setValue(u"connect/count"_s, m_count->value());
    settings.setValue(u"connect/subprotocols"_s, m_subprotocols->text());
    settings.setValue(u"connect/headers"_s,
                      m_headers->toPlainText().split(u'\n', Qt::SkipEmptyParts));
    settings.setValue(u"connect/traffic"_s, m_traffic->currentData());
    settings.setValue(u"connect/onClose"_s, m_onClose->currentData());
    settings.setValue(u"connect/closeAfter"_s, m_closeAfter->currentData());
    settings.setValue(u"connect/behaviour"_s, m_behaviour->text());
    settings.setValue(u"connect/insecure"_s, m_insecure->isChecked());
}

QString ConnectDialog::urlText() const
{
    return m_url->currentText().trimmed();
}

std::optional<control::Command> ConnectDialog::command(QString *error) const
{
    // The same object a script would write, through the same parser: one
    // set of rules, one wording of what is wrong.
    QJsonObject object{
        {u"cmd"_s, u"connect"_s}, {u"url"_s, urlText()}, {u"count"_s, m_count->value()}};
    QJsonArray subprotocols;
    for (const QString &name : m_subprotocols->text().split(u',', Qt::SkipEmptyParts)) {
        if (!name.trimmed().isEmpty())
            subprotocols.append(name.trimmed());
    }
    if (!subprotocols.isEmpty())
        object.insert(u"subprotocols"_s, subprotocols);
    QJsonArray headers;
    for (const QString &line : m_headers->toPlainText().split(u'\n')) {
        if (!line.trimmed().isEmpty())
            headers.append(line.trimmed());
    }
    if (!headers.isEmpty())
        object.insert(u"headers"_s, headers);
    if (!m_behaviour->text().trimmed().isEmpty())
        object.insert(u"behaviour"_s, m_behaviour->text().trimmed());
    if (m_insecure->isEnabled() && m_insecure->isChecked())
        object.insert(u"insecure"_s, true);
    control::ParsedCommand parsed = control::parseCommand(object);
    if (!parsed.ok()) {
        if (error)
            *error = parsed.error;
        return std::nullopt;
    }
    return parsed.command;
}

void ConnectDialog::tryConnect()
{
    QString error;
    const std::optional<control::Command> made = command(&error);
    if (!made) {
        showError(error);
        return;
    }
    setMessage(tr("Connecting…"), false);
    m_connect->setEnabled(false);
    Q_EMIT connectRequested(*made);
}

void ConnectDialog::showResult(bool ok, const QString &error)
{
    m_connect->setEnabled(true);
    if (ok) {
        m_message->hide();
        accept();
        return;
    }
    showError(error);
}

void ConnectDialog::showError(const QString &error)
{
    m_connect->setEnabled(true);
    setMessage(tr("Not connected: %1").arg(error), true);
}

void ConnectDialog::setMessage(const QString &text, bool error)
{
    m_message->setText(text);
    m_message->setStyleSheet(error ? u"QLabel { color: #c62828; }"_s : QString());
    m_message->show();
}

void ConnectDialog::rebuildBehaviour()
{
    m_behaviour->setText(
        joinBehaviour({m_traffic->currentData().toString(), m_onClose->currentData().toString(),
                       m_closeAfter->currentData().toString()}));
    m_behaviour->setCursorPosition(0); // a long spec reads from its start
}

void ConnectDialog::updateInsecure()
{
    m_insecure->setEnabled(urlText().startsWith(u"wss://"_s, Qt::CaseInsensitive));
}

} // namespace closecall::ui
