#include "closepanel.h"

#include "protocol/closecodes.h"
#include "protocol/refusal.h"

#include <QtCore/QSettings>
#include <QtCore/QStringListModel>
#include <QtWidgets/QComboBox>
#include <QtWidgets/QCompleter>
#include <QtWidgets/QDoubleSpinBox>
#include <QtWidgets/QFormLayout>
#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QToolButton>
#include <QtWidgets/QVBoxLayout>

using namespace Qt::StringLiterals;

namespace closecall::ui {

namespace {

// The combo box's item data for the two entries that are not a number.
constexpr int EmptyItem = -1;
constexpr int CustomItem = -2;

constexpr int MaxRecentReasons = 20;

QToolButton *actionButton(QAction *action, QWidget *parent)
{
    auto *button = new QToolButton(parent);
    button->setDefaultAction(action);
    button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    button->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    return button;
}

} // namespace

ClosePanel::ClosePanel(QAction *close, QAction *closeOutput, QAction *abort, QWidget *parent)
    : QWidget(parent)
    , m_codes(new QComboBox(this))
    , m_customCode(new QLineEdit(this))
    , m_reason(new QLineEdit(this))
    , m_counter(new QLabel(this))
    , m_problem(new QLabel(this))
    , m_closeTimeout(new QDoubleSpinBox(this))
    , m_closeOutputTimeout(new QDoubleSpinBox(this))
    , m_note(new QLabel(this))
    , m_result(new QLabel(this))
    , m_recentReasons(new QStringListModel(this))
{
    m_codes->setObjectName(u"closeCodeCombo"_s);
    for (const protocol::CloseCodeInfo &info : protocol::registeredCloseCodes()) {
        if (info.sendable)
            m_codes->addItem(protocol::describeCloseCode(info.code), int(info.code));
    }
    m_codes->addItem(protocol::describeCloseCode(std::nullopt), EmptyItem);
    m_codes->addItem(tr("Custom code…"), CustomItem);
    m_codes->setToolTip(tr("The status code of our Close frame: the number, the RFC name and "
                           "the .NET WebSocketCloseStatus name"));
    m_codes->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_codes->setMinimumContentsLength(24);

    // A line edit, not a spin box: a spin box clamps or drops what does not
    // fit its range and keeps sending its last valid value, so the box could
    // show one code while another went out. Here every keystroke stays
    // visible and the registry says whether the code may be sent.
    m_customCode->setObjectName(u"customCodeEdit"_s);
    m_customCode->setText(u"4000"_s);
    m_customCode->setPlaceholderText(u"4000"_s);
    m_customCode->setMaxLength(32);
    // Room for five digits: the box keeps it even while hidden, so the code
    // list beside it should lose no more than that.
    m_customCode->setFixedWidth(m_customCode->fontMetrics().horizontalAdvance(u"00000"_s) + 20);
    m_customCode->setToolTip(tr("The code to send: 3000–3999 are registered for libraries and "
                                "frameworks, 4000–4999 are for private use; a registered code "
                                "such as 1001 may be typed too"));
    // Choosing Custom code shows the box in space kept for it, so the dock
    // does not change size.
    QSizePolicy customPolicy = m_customCode->sizePolicy();
    customPolicy.setRetainSizeWhenHidden(true);
    m_customCode->setSizePolicy(customPolicy);

    m_reason->setObjectName(u"closeReasonEdit"_s);
    m_reason->setPlaceholderText(tr("Optional, e.g. \"deploy in progress\""));
    m_reason->setClearButtonEnabled(true);
    auto *completer = new QCompleter(m_recentReasons, this);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    m_reason->setCompleter(completer);

    m_counter->setObjectName(u"reasonByteCounter"_s);
    m_counter->setToolTip(tr("The description travels as UTF-8 in the Close frame: at most %1 "
                             "bytes (\"å\" is 2 bytes, \"€\" 3, an emoji 4)")
                              .arg(protocol::MaxCloseReasonBytes));
    m_problem->setObjectName(u"closeProblemLabel"_s);
    m_problem->setWordWrap(true);
    m_problem->setVisible(false);

    for (QDoubleSpinBox *box : {m_closeTimeout, m_closeOutputTimeout}) {
        box->setDecimals(1);
        box->setSingleStep(1.0);
        box->setRange(0.0, 3600.0);
        box->setSuffix(tr(" s"));
        box->setAccelerated(true);
    }
    m_closeTimeout->setObjectName(u"closeTimeoutSpin"_s);
    m_closeTimeout->setMinimum(0.1);
    m_closeTimeout->setToolTip(tr("Close waits this long for the peer's Close, then aborts the "
                                  "connection (Aborted — timed out)"));
    m_closeOutputTimeout->setObjectName(u"closeOutputTimeoutSpin"_s);
    m_closeOutputTimeout->setSpecialValueText(tr("never"));
    m_closeOutputTimeout->setToolTip(tr("Close Output keeps receiving for this long, then aborts "
                                        "the connection; \"never\" waits for as long as it takes"));
    setTimeouts(5000, 30000);

    m_note->setObjectName(u"closeSelectionNote"_s);
    m_note->setWordWrap(true);
    m_note->setTextFormat(Qt::PlainText);
    m_result->setObjectName(u"closeResultLabel"_s);
    m_result->setWordWrap(true);
    m_result->setTextFormat(Qt::PlainText);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *codeRow = new QHBoxLayout;
    codeRow->addWidget(m_codes, 1);
    codeRow->addWidget(m_customCode);

    auto *reasonBox = new QVBoxLayout;
    reasonBox->setSpacing(2);
    reasonBox->addWidget(m_reason);
    auto *counterRow = new QHBoxLayout;
    counterRow->addStretch(1);
    counterRow->addWidget(m_counter);
    reasonBox->addLayout(counterRow);

    auto *timeouts = new QHBoxLayout;
    timeouts->addWidget(m_closeTimeout);
    auto *closeOutputLabel = new QLabel(tr("Close O&utput:"), this);
    closeOutputLabel->setBuddy(m_closeOutputTimeout);
    timeouts->addWidget(closeOutputLabel);
    timeouts->addWidget(m_closeOutputTimeout);

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    auto *codeLabel = new QLabel(tr("St&atus code:"), this);
    codeLabel->setBuddy(m_codes);
    form->addRow(codeLabel, codeRow);
    auto *reasonLabel = new QLabel(tr("&Description:"), this);
    reasonLabel->setBuddy(m_reason);
    form->addRow(reasonLabel, reasonBox);
    form->addRow(QString(), m_problem);
    auto *timeoutLabel = new QLabel(tr("Time&outs: Close"), this);
    timeoutLabel->setBuddy(m_closeTimeout);
    form->addRow(timeoutLabel, timeouts);

    auto *buttons = new QHBoxLayout;
    QToolButton *closeButton = actionButton(close, this);
    closeButton->setObjectName(u"closeButton"_s);
    QToolButton *closeOutputButton = actionButton(closeOutput, this);
    closeOutputButton->setObjectName(u"closeOutputButton"_s);
    QToolButton *abortButton = actionButton(abort, this);
    abortButton->setObjectName(u"abortButton"_s);
    buttons->addWidget(closeButton);
    buttons->addWidget(closeOutputButton);
    buttons->addWidget(abortButton);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addLayout(buttons);
    layout->addWidget(m_note);
    layout->addWidget(m_result);
    layout->addStretch(1);

    connect(m_codes, &QComboBox::currentIndexChanged, this, &ClosePanel::onCodeChanged);
    connect(m_customCode, &QLineEdit::textChanged, this, &ClosePanel::revalidate);
    connect(m_reason, &QLineEdit::textChanged, this, &ClosePanel::revalidate);
    connect(m_closeTimeout, &QDoubleSpinBox::valueChanged, this, &ClosePanel::inputChanged);
    connect(m_closeOutputTimeout, &QDoubleSpinBox::valueChanged, this, &ClosePanel::inputChanged);

    setCode(protocol::closecode::Normal);
    onCodeChanged();
}

protocol::CloseCode ClosePanel::code() const
{
    const int item = m_codes->currentData().toInt();
    if (item == EmptyItem)
        return std::nullopt;
    if (item == CustomItem) {
        // Only meaningful while inputError() is empty (the actions check it).
        const std::optional<protocol::CloseCode> parsed = customCode();
        return parsed ? *parsed : protocol::CloseCode();
    }
    return quint16(item);
}

std::optional<protocol::CloseCode> ClosePanel::customCode(QString *error) const
{
    return protocol::parseCloseCode(m_customCode->text(), error);
}

QString ClosePanel::reason() const
{
    return m_reason->text();
}

int ClosePanel::closeTimeoutMs() const
{
    return qRound(m_closeTimeout->value() * 1000);
}

int ClosePanel::closeOutputTimeoutMs() const
{
    return qRound(m_closeOutputTimeout->value() * 1000);
}

void ClosePanel::setCode(protocol::CloseCode code)
{
    if (!code) {
        m_codes->setCurrentIndex(m_codes->findData(EmptyItem));
        return;
    }
    const int index = m_codes->findData(int(*code));
    if (index >= 0) {
        m_codes->setCurrentIndex(index);
        return;
    }
    // Not in the list (a custom code, or one that may not be sent): shown as
    // typed, and refused inline if it cannot be sent.
    m_customCode->setText(QString::number(*code));
    m_codes->setCurrentIndex(m_codes->findData(CustomItem));
}

void ClosePanel::setReason(const QString &reason)
{
    m_reason->setText(reason);
}

void ClosePanel::setTimeouts(int closeMs, int closeOutputMs)
{
    m_closeTimeout->setValue(closeMs / 1000.0);
    m_closeOutputTimeout->setValue(closeOutputMs / 1000.0);
}

void ClosePanel::setSelectionNote(const QString &text, bool acknowledges)
{
    m_note->setText(text);
    // The manual-ack hint is the one note worth a colour: the buttons now
    // answer a Close instead of starting one.
    m_note->setStyleSheet(acknowledges
                              ? u"QLabel { color: palette(highlighted-text); "
                                "background: #b45f06; border-radius: 3px; padding: 4px; }"_s
                              : QString());
}

void ClosePanel::showResult(bool ok, const QString &text)
{
    m_result->setText(text);
    m_result->setStyleSheet(ok ? u"QLabel { color: #2e7d32; }"_s : u"QLabel { color: #c62828; }"_s);
}

void ClosePanel::clearResult()
{
    m_result->clear();
    m_result->setStyleSheet(QString());
}

QString ClosePanel::resultText() const
{
    return m_result->text();
}

void ClosePanel::onCodeChanged()
{
    const bool custom = m_codes->currentData().toInt() == CustomItem;
    m_customCode->setVisible(custom);
    const bool empty = m_codes->currentData().toInt() == EmptyItem;
    m_reason->setPlaceholderText(empty ? tr("An empty Close carries no description")
                                       : tr("Optional, e.g. \"deploy in progress\""));
    revalidate();
    if (custom && isVisible()) {
        m_customCode->setFocus();
        m_customCode->selectAll();
    }
}

void ClosePanel::revalidate()
{
    const qsizetype bytes = m_reason->text().toUtf8().size();
    const bool overLimit = bytes > protocol::MaxCloseReasonBytes;
    m_counter->setText(tr("%1 / %2 bytes").arg(bytes).arg(protocol::MaxCloseReasonBytes));
    m_counter->setStyleSheet(overLimit ? u"QLabel { color: #c62828; font-weight: bold; }"_s
                                       : QString());

    // The verdict is the registry's (protocol/closecodes), its words
    // RefusalText's (protocol/refusal), in the panel's own terms.
    m_inputError.clear();
    if (m_codes->currentData().toInt() == CustomItem) {
        const std::optional<protocol::CloseCode> parsed = customCode(&m_inputError);
        if (parsed)
            m_inputError = protocol::RefusalText::forCloseInput(
                protocol::checkOutgoingClose(*parsed, m_reason->text()));
    } else {
        m_inputError = protocol::RefusalText::forCloseInput(
            protocol::checkOutgoingClose(code(), m_reason->text()));
    }
    QString problem = m_inputError;
    QString style = u"QLabel { color: #c62828; }"_s;
    if (problem.isEmpty()) {
        if (const protocol::CloseCode c = code(); c && protocol::isClientOnlyCode(*c)) {
            problem = tr("%1 is normally sent by a client (RFC 6455 §7.4.1); a server may "
                         "still send it.")
                          .arg(*c);
            style = u"QLabel { color: #b45f06; }"_s;
        }
    }
    m_problem->setText(problem);
    m_problem->setStyleSheet(style);
    m_problem->setVisible(!problem.isEmpty());
    m_reason->setToolTip(m_inputError);
    emit inputChanged();
}

void ClosePanel::rememberLastUsed()
{
    const QString text = m_reason->text();
    if (text.isEmpty())
        return;
    QStringList recent = m_recentReasons->stringList();
    recent.removeAll(text);
    recent.prepend(text);
    while (recent.size() > MaxRecentReasons)
        recent.removeLast();
    m_recentReasons->setStringList(recent);
}

void ClosePanel::loadSettings(const QSettings &settings)
{
    const QVariant code = settings.value(u"close/code"_s);
    if (code.isValid()) {
        const int value = code.toInt();
        if (value == CustomItem) {
            m_customCode->setText(settings.value(u"close/customCode"_s).toString());
            m_codes->setCurrentIndex(m_codes->findData(CustomItem));
        } else if (value >= 0 && value <= 0xFFFF) {
            setCode(protocol::CloseCode(quint16(value)));
        } else {
            setCode(std::nullopt);
        }
    }
    setReason(settings.value(u"close/reason"_s, reason()).toString());
    setTimeouts(settings.value(u"close/closeTimeoutMs"_s, closeTimeoutMs()).toInt(),
                settings.value(u"close/closeOutputTimeoutMs"_s, closeOutputTimeoutMs()).toInt());
    m_recentReasons->setStringList(settings.value(u"close/recentReasons"_s).toStringList());
}

void ClosePanel::saveSettings(QSettings &settings) const
{
    // A custom text that is not a code yet is kept as typed.
    const bool unsendableCustom = m_codes->currentData().toInt() == CustomItem && !customCode();
    const protocol::CloseCode c = code();
    settings.setValue(u"close/code"_s, unsendableCustom ? CustomItem : c ? int(*c) : EmptyItem);
    settings.setValue(u"close/customCode"_s, m_customCode->text());
    settings.setValue(u"close/reason"_s, reason());
    settings.setValue(u"close/closeTimeoutMs"_s, closeTimeoutMs());
    settings.setValue(u"close/closeOutputTimeoutMs"_s, closeOutputTimeoutMs());
    settings.setValue(u"close/recentReasons"_s, m_recentReasons->stringList());
}

void ClosePanel::focusCode()
{
    m_codes->setFocus(Qt::ShortcutFocusReason);
}

void ClosePanel::focusReason()
{
    m_reason->setFocus(Qt::ShortcutFocusReason);
    m_reason->selectAll();
}

} // namespace closecall::ui
