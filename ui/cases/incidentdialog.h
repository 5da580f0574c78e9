// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

#include <memory>

class IntakeFields;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class RegionPicker;

namespace Core {
class Session;
struct Error;
struct Record;
} // namespace Core

// Corrects what the case file says about the incident: its date, scene, place, village, violence
// types, case typing and narrative. Built from the intake's fields (IntakeFields, IntakeForm);
// saving is one CaseRepository::update with the intake's validation, so it syncs and shows in
// the history; a refusal shows under the field it names and the input stays.
class IncidentDialog final : public QDialog
{
    Q_OBJECT

public:
    IncidentDialog(Core::Session &session, const Core::Record &kase, const QString &language,
                   QWidget *parent = nullptr);
    ~IncidentDialog() override;

    bool save();

signals:
    void incidentSaved();

private:
    void build(const QString &language);
    QListWidget *codeList(const QString &name, QStringView list, const QString &language);
    void fill(const Core::Record &kase);
    static QStringList checkedCodes(const QListWidget *list);
    void showError(const Core::Error &error);

    Core::Session &m_session;
    QString m_caseId;
    std::unique_ptr<IntakeFields> m_fields;
    QLineEdit *m_incidentOn = nullptr;
    QComboBox *m_scene = nullptr;
    QLineEdit *m_place = nullptr;
    RegionPicker *m_region = nullptr;
    QListWidget *m_violenceTypes = nullptr;
    QListWidget *m_typing = nullptr;
    QPlainTextEdit *m_narrative = nullptr;
    QLabel *m_formError = nullptr;
};
