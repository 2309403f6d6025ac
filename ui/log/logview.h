#pragma once

#include "common/emptystatetableview.h"

// The log's table: follows the tail while the operator is at the bottom
// (new rows scroll into view), and stays put once they scroll up to read
// (as Wireshark's packet list does). Scrolling back to the bottom resumes
// following.
namespace closecall::ui {

class LogView final : public EmptyStateTableView
{
    Q_OBJECT

public:
    explicit LogView(QWidget *parent = nullptr);

    void setModel(QAbstractItemModel *model) override;

    // Whether the view is at the bottom and will keep the newest row in sight.
    bool isFollowingTail() const { return m_following; }

public Q_SLOTS:
    // Scrolls to the newest row and follows from now on.
    void followTail();

Q_SIGNALS:
    void followingChanged(bool following);

private:
    void onScrolled();
    void onRowsAboutToChange();
    void onRowsChanged();
    bool atBottom() const;
    void setFollowing(bool on);

    bool m_following = true;
    bool m_followBeforeChange = true;
    bool m_adjusting = false;
};

} // namespace closecall::ui
