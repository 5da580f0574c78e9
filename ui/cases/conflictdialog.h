// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

#include <memory>

class QLabel;
class QVBoxLayout;

namespace Core {
class Session;
struct CaseFile;
struct ConflictRecord;
} // namespace Core

// Review of one case's open sync conflicts: per conflict the field, the value kept now and the
// other one, who wrote each and when, and a choice ("Keep this", or "Checked" for a refused or
// unapplied change). A choice goes through Session::resolveConflict; nothing is settled silently.
class ConflictDialog final : public QDialog
{
    Q_OBJECT

public:
    ConflictDialog(Core::Session &session, const QString &caseId, const QString &language,
                   QWidget *parent = nullptr);
    ~ConflictDialog() override;

    // Open conflicts shown now.
    int count() const { return m_count; }

signals:
    void conflictResolved(const QString &caseId);

private:
    enum class Side { Winner, Loser, Neither };
    void reload();
    Side keptSide(const Core::ConflictRecord &conflict) const;
    QString author(const QString &login, const QString &site) const;
    QWidget *conflictBox(const Core::ConflictRecord &conflict, int row);
    QWidget *sideBox(const Core::ConflictRecord &conflict, bool winner, bool kept, int row, QWidget *parent);
    void resolve(const QString &conflictId, const QString &keep, QLabel *error);
    QString when(qint64 hlc) const;

    Core::Session &m_session;
    QString m_caseId;
    QString m_language;
    QLabel *m_summary;
    QWidget *m_list = nullptr;
    QVBoxLayout *m_listLayout = nullptr;
    std::unique_ptr<Core::CaseFile> m_file; // the case as it is now, to tell which value it kept
    int m_count = 0;
};
