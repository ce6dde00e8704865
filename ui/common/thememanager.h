// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QPalette>

class QActionGroup;
class QMenu;
class QWidget;

namespace DevDock::Ui {

// Light and dark: follows the desktop unless the user chose one (View > Theme, kept in
// QSettings). Dark is Fusion with DevDock's dark palette; light on a light desktop is the
// desktop's own style and palette, on a dark desktop Fusion's light palette.
class ThemeManager final : public QObject
{
    Q_OBJECT
public:
    enum class Theme { System, Light, Dark };
    Q_ENUM(Theme)

    // Remembers the desktop's style and palette as they are now: call before anything changes them.
    explicit ThemeManager(QObject *parent = nullptr);

    Theme theme() const { return m_theme; }
    bool isDark() const { return m_dark; }
    // Applies the choice, and remembers it unless told not to (a one-off from the command line).
    void setTheme(Theme theme, bool remember = true);
    // Applies the remembered choice (or System).
    void restore();

    // View > Theme: System / Light / Dark, checked as they are.
    QMenu *createMenu(QWidget *parent);

    static QPalette darkPalette();
    static QPalette lightPalette();
    // Whether the desktop asks for dark: Qt's colour scheme (Qt 6.5+), else GTK's settings
    // (GTK_THEME, gtk-3.0/settings.ini), else the lightness of the desktop's own palette.
    bool desktopPrefersDark() const;

    static QString settingsKey() { return QStringLiteral("appearance/theme"); }

signals:
    void themeChanged(bool dark);

private:
    void apply();

    Theme m_theme = Theme::System;
    bool m_dark = false;
    QString m_desktopStyle;
    QPalette m_desktopPalette;
    QActionGroup *m_group = nullptr;
};

} // namespace DevDock::Ui
