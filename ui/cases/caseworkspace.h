// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class PositionProvider;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTabWidget;
class QTableWidget;

namespace Core {
class Session;
struct CaseFile;
} // namespace Core

// One case file: a summary header (number, status, risk, assigned, sync state), status
// transitions within the workflow's rules, and tabs for people, incident, assessment, visits,
// services and referrals, notes and the field-level history from the change log.
class CaseWorkspace final : public QWidget
{
    Q_OBJECT

public:
    CaseWorkspace(Core::Session &session, const QString &language, PositionProvider *gps,
                  QWidget *parent = nullptr);

    void open(const QString &caseId);
    const QString &caseId() const { return m_caseId; }
    // Reads the open case again (after a sync). False when it is no longer on this laptop.
    bool reload();

signals:
    void caseChanged(const QString &caseId);

private:
    void reviewConflicts();
    void changeStatus();
    void addNote();
    void recordVisit();
    void addFollowup();
    void markFollowupDone();
    void saveAttachmentCopy();

public:
    // Attaches a file (encrypted into the profile); the "Attach file…" button asks for the path.
    bool attachFile(const QString &path);
    // Writes a decrypted copy of an attachment where the user chose; nothing else decrypts to disk.
    bool saveAttachmentTo(const QString &attachmentId, const QString &path);

private:
    void fill(const Core::CaseFile &file);
    QTableWidget *addTable(const QString &objectName, const QString &title, const QStringList &headers);
    QWidget *addEntryForm(QTableWidget *table, const QString &entity, const QStringList &fields);
    void updateService();
    QString label(QStringView list, const QString &code) const;
    QString when(qint64 ms) const;

    Core::Session &m_session;
    QString m_language;
    PositionProvider *m_gps;
    QString m_caseId;
    QLabel *m_header;
    QComboBox *m_statusCombo;
    QLineEdit *m_reason;
    QLabel *m_statusError;
    QTabWidget *m_tabs;
    QPushButton *m_conflicts;
    QTableWidget *m_people;
    QLabel *m_incident;
    QTableWidget *m_risks;
    QTableWidget *m_visits;
    QTableWidget *m_services;
    QTableWidget *m_plan;
    QComboBox *m_serviceStatus;
    QLabel *m_serviceError;
    QList<class EntryForm *> m_forms;
    QTableWidget *m_notes;
    QPlainTextEdit *m_noteEdit;
    QLabel *m_noteError;
    QTableWidget *m_history;
    QTableWidget *m_followups;
    class QDateEdit *m_followupDue;
    QLineEdit *m_followupText;
    QLabel *m_followupError;
    QTableWidget *m_documents;
    QLabel *m_documentError;
};
