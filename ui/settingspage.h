// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

namespace Core {
class Settings;
}

// Pengaturan: interface language (Indonesian by default), idle lock and GPS source. Values are
// written to the profile's settings at once; the language applies at the next start.
class SettingsPage final : public QWidget
{
    Q_OBJECT

public:
    explicit SettingsPage(Core::Settings &settings, QWidget *parent = nullptr);
};
