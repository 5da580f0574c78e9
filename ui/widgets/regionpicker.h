// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

#include <array>
#include <optional>

namespace Core {
class RegionIndex;
}

class QComboBox;
class QCompleter;
class QLineEdit;
class QModelIndex;
class QStandardItemModel;

// Picks an Indonesian region (usually a village) from all 91,599: type-ahead over names
// (accent/case-insensitive word prefixes, searched first within the profile's regency), and the
// cascade province → regency → kecamatan → village. Keyboard first: type, arrows, Enter.
class RegionPicker final : public QWidget
{
    Q_OBJECT

public:
    explicit RegionPicker(const Core::RegionIndex &regions, QWidget *parent = nullptr);
    ~RegionPicker() override;

    // The area to prefer (e.g. the profile's regency "64.02"); the cascade starts there.
    void setScope(const QString &code);
    // The chosen region's code (any level; a village when the cascade is complete), or empty.
    QString code() const;
    void setCode(const QString &code);

signals:
    // Emitted once for every change of code(), whether the user or setCode() made it.
    void codeChanged(const QString &code);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    static constexpr int levelCount = 4;

    void search(const QString &text);
    void suggestionActivated(const QModelIndex &index);
    void comboChanged(int level, int index);
    void searchFinished();
    // Shows `displayCode` in the cascade (the combos), then makes `code` the value.
    void apply(const QString &displayCode, const QString &code);
    void showInCombos(const QString &code);
    void fillCombo(int level, const QString &parentCode);
    QString searchText() const;

    const Core::RegionIndex &m_regions;
    QLineEdit *m_search;
    QStandardItemModel *m_suggestions;
    QCompleter *m_completer;
    std::array<QComboBox *, levelCount> m_combos{};
    // The parent whose children each combo holds; nullopt while it holds only its placeholder.
    std::array<std::optional<QString>, levelCount> m_filledFor;
    QString m_scope;
    QString m_code;
};
