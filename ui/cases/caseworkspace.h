// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class CaseTab;
class DocumentsTab;
class PositionProvider;
class QLabel;
class QPushButton;
class QTabWidget;
class StatusControl;

namespace Core {
class Session;
struct CaseFile;
} // namespace Core

// One case file: a summary header (number, status, risk, assigned, sync state), status
// transitions within the workflow's rules, and one tab widget per part of the file (people,
// incident, assessment, plan, visits, services and referrals, notes, follow-ups, documents,
// history; ui/cases/*tab*).
class CaseWorkspace final : public QWidget
{
    Q_OBJECT

public:
    // The tabs, in the order the constructor adds them.
    enum class Tab { People, Incident, Risk, Plan, Visits, Services, Notes, Followups, Documents, History };

    CaseWorkspace(Core::Session &session, const QString &language, PositionProvider *gps,
                  QWidget *parent = nullptr);

    void open(const QString &caseId);
    const QString &caseId() const { return m_caseId; }
    void showTab(Tab tab);
    // Reads the open case again (after a sync). False when it is no longer on this laptop.
    bool reload();

    // Attaches a file (encrypted into the profile); the "Attach file…" button asks for the path.
    bool attachFile(const QString &path);
    // Writes a decrypted copy of an attachment where the user chose; nothing else decrypts to disk.
    bool saveAttachmentTo(const QString &attachmentId, const QString &path);

signals:
    void caseChanged(const QString &caseId);

private:
    void buildHeader();
    void buildStatusRow();
    void orderFocus();
    void addTab(CaseTab *tab);
    void tabChanged();
    void reviewConflicts();
    void recordVisit();
    void fill(const Core::CaseFile &file);
    void fillHeader(const Core::CaseFile &file);
    QString label(QStringView list, const QString &code) const;

    Core::Session &m_session;
    QString m_language;
    PositionProvider *m_gps;
    QString m_caseId;
    QLabel *m_header;
    StatusControl *m_status;
    QTabWidget *m_tabs;
    QPushButton *m_conflicts;
    QList<CaseTab *> m_tabList;
    DocumentsTab *m_documents = nullptr;
};
