// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/cases/caseworkspace.h"

#include <QHash>
#include <QStringList>
#include <QWidget>

#include <array>

class QBoxLayout;
class QGridLayout;
class QLabel;
class QListWidget;
class QListWidgetItem;

namespace Core {
class Session;
struct CaseSubject;
} // namespace Core

// Beranda, for the start of a day: counts first, as tiles (overdue follow-ups, due today, due
// this week, urgent — Tinggi and Kritis —, waiting for a first visit, not yet sent), then short
// lists, most urgent first, each line saying who and where and opening the case on the tab it
// is about. A tile, or a list's "and N more…", opens the case list with just those cases.
class HomePage final : public QWidget
{
    Q_OBJECT

public:
    static constexpr int maxLines = 6; // per list; the rest are behind "and N more…"
    enum TileId { Overdue, Today, ThisWeek, Urgent, Waiting, Unsent, TileCount };

    HomePage(Core::Session &session, const QString &language, QWidget *parent = nullptr);

    void refresh();
    // Brings the needs-attention list into view with its first item chosen, so Enter opens it
    // (the sync notice's button).
    void showAttention();

signals:
    void caseActivated(const QString &caseId);
    void caseTabActivated(const QString &caseId, CaseWorkspace::Tab tab);
    void draftActivated(const QString &draftId);
    // Show these cases in the case list, under this title.
    void casesRequested(const QString &title, const QStringList &caseIds);

private:
    struct Tile
    {
        QWidget *widget = nullptr;
        QLabel *count = nullptr;
        QString title;
        QStringList caseIds; // the cases behind the count, in the order of the list
    };
    struct Line
    {
        QString caseId;
        QString text;
        bool alarm = false; // overdue or critical: red
    };

    void addTile(QBoxLayout *row, TileId id, const QString &objectName, const QString &title);
    void setTile(TileId id, qint64 count, const QStringList &caseIds);
    QListWidget *addList(const QString &objectName, const QString &title, QGridLayout *grid, int column);
    void activate(QListWidgetItem *item);
    // Fills a list with at most maxLines lines, then "and N more…" for the rest of `total`.
    void fillList(QListWidget *list, const QList<Line> &lines, qsizetype total, CaseWorkspace::Tab tab,
                  const QString &moreTitle, const QStringList &moreIds, const QString &empty);
    QHash<QString, Core::CaseSubject> subjects(const QStringList &caseIds);
    QString dueText(const QDate &dueOn) const;
    void fillFollowups();
    void fillUrgent();
    void fillWaiting();
    void fillSyncState();
    void fillAttention();

    Core::Session &m_session;
    QString m_language;
    std::array<Tile, TileCount> m_tiles;
    QListWidget *m_followups = nullptr;
    QListWidget *m_urgent = nullptr;
    QListWidget *m_waiting = nullptr;
    QLabel *m_sync = nullptr;
    QLabel *m_attention = nullptr;
    QListWidget *m_drafts = nullptr;
};
