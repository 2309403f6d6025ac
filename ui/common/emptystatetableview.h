#pragma once

#include <QtWidgets/QTableView>

class QSettings;

// A table view for big, live models: uniform row heights (no per-row
// measuring: a million rows stay fast), no word wrap, a message drawn over the viewport
// while the model has no rows ("No connections yet: ..."), and its
// header's widths and sort order saved in the settings.
namespace closecall::ui {

class EmptyStateTableView : public QTableView
{
    Q_OBJECT

public:
    explicit EmptyStateTableView(QWidget *parent = nullptr);

    // The message: a first line drawn larger, the rest as a hint.
    void setEmptyText(const QString &title, const QString &hint = {});
    QString emptyTitle() const { return m_title; }

    // The header's context menu shows and hides columns; these start hidden
    // (until saved settings say otherwise).
    void setDefaultHiddenColumns(const QList<int> &columns);

    // Header widths, order, hidden columns and the sort indicator.
    void restoreHeaderState(const QSettings &settings, const QString &key);
    void saveHeaderState(QSettings &settings, const QString &key) const;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    void showHeaderMenu(const QPoint &pos);

    QString m_title;
    QString m_hint;
};

} // namespace closecall::ui
