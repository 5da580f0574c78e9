// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLocale>
#include <QWidget>

#include <functional>
#include <optional>

class EntryForm;
class QDialog;
class QHBoxLayout;
class QLabel;
class QTableWidget;
class QVBoxLayout;
class RecordDetail;

namespace Core {
class Session;
struct CaseFile;
struct Record;
} // namespace Core

// One tab of the case file. The workspace opens a case in every tab, then hands each the case
// file it read; a tab that saves something emits changed() and the workspace reads the case again.
class CaseTab : public QWidget
{
    Q_OBJECT

public:
    CaseTab(Core::Session &session, const QString &language, QWidget *parent);

    virtual QString title() const = 0;
    // A new case (empty: none); what the last case showed is cleared.
    virtual void open(const QString &caseId);
    virtual void fill(const Core::CaseFile &file) = 0;

    Core::Session &session() const { return m_session; }
    const QString &caseId() const { return m_caseId; }
    const QString &language() const { return m_language; }
    // How the case file writes codes, moments and dates.
    QString label(QStringView list, const QString &code) const;
    QString when(qint64 ms) const; // a moment, in the district's local time
    QString date(const QString &iso, QLocale::FormatType format = QLocale::ShortFormat) const;

    // The details of the entry with this id (a row of one of the tab's tables), in a dialog that
    // does not block; null when the entry is not in the case any more.
    virtual RecordDetail *showDetail(const QString &id);
    // Opens the editor of the entry with this id (what "Edit…" does); null when there is none.
    virtual QDialog *editEntry(const QString &id);
    QDialog *showDialog(QDialog *dialog); // window-modal, not blocking, deleted on close

signals:
    void changed();

protected:
    // "View details" and "Edit…" for the selected row of `table`, as buttons under it (named
    // after the table: noteTableDetailButton, noteTableEditButton) and in its context menu;
    // a double-click shows the details. Returns the button row, for a tab's own buttons.
    QHBoxLayout *addRecordActions(QTableWidget *table);
    // The generic editor of an entry: the entity's EntryForm in edit mode, in a dialog.
    QDialog *openEntryEditor(const Core::Record &record, const QStringList &fields);
    // The entry `id` of any entity in the case as it is stored now.
    std::optional<Core::Record> findEntry(const QString &id) const;

    QVBoxLayout *column() const; // the tab's layout, top to bottom
    QTableWidget *addTable(const QString &objectName, const QStringList &headers);
    EntryForm *addEntryForm(const QString &entity, const QStringList &fields);
    QLabel *addErrorLabel(const QString &objectName);
    void showError(QLabel *label, const QString &text);
    static void setRows(QTableWidget *table, const QList<QStringList> &rows, const QStringList &ids = {});
    static QString rowId(const QTableWidget *table); // the selected row's record id, or empty

    Core::Session &m_session;
    QString m_language;
    QString m_caseId;
    QList<EntryForm *> m_forms;
};

// A table of one kind of entry, optionally with the form that adds one (assessments, the case
// plan, visits, the history). `rows` turns the case file into the table's rows and their ids.
class RecordsTab : public CaseTab
{
    Q_OBJECT

public:
    struct Rows
    {
        QList<QStringList> cells;
        QStringList ids;
    };
    using RowsOf = std::function<Rows(const RecordsTab &tab, const Core::CaseFile &file)>;

    RecordsTab(Core::Session &session, const QString &language, const QString &title,
               const QString &objectName, const QStringList &headers, RowsOf rows, QWidget *parent);

    QString title() const override { return m_title; }
    void fill(const Core::CaseFile &file) override;
    QTableWidget *table() const { return m_table; }

    // Adds the form for new entries of `entity` below the table.
    EntryForm *withEntryForm(const QString &entity, const QStringList &fields);
    // Lets the table's entries be read in full and corrected: `fields` are what the editor
    // changes (the entry form's editor), or `editor` opens a dedicated one.
    void withEditing(const QStringList &fields);
    void withEditing(std::function<QDialog *(const Core::Record &)> editor);
    QDialog *editEntry(const QString &id) override;

protected:
    QString m_title;
    QTableWidget *m_table;
    RowsOf m_rows;
    std::function<QDialog *(const Core::Record &)> m_editor;
};
