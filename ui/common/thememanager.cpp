// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "thememanager.h"

#include "statepalette.h"

#include <QActionGroup>
#include <QApplication>
#include <QDir>
#include <QMenu>
#include <QSettings>
#include <QStandardPaths>
#include <QStyle>
#include <QStyleFactory>
#include <QStyleHints>

namespace DevDock::Ui {

namespace {

// GTK's own word for dark, as GNOME and most GTK desktops set it.
std::optional<bool> gtkPrefersDark()
{
    const QString gtkTheme = qEnvironmentVariable("GTK_THEME");
    if (!gtkTheme.isEmpty()) {
        return gtkTheme.endsWith(QLatin1String(":dark"), Qt::CaseInsensitive)
               || gtkTheme.contains(QLatin1String("-dark"), Qt::CaseInsensitive);
    }
    const QString file = QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation)
                         + QStringLiteral("/gtk-3.0/settings.ini");
    if (!QFileInfo::exists(file)) {
        return std::nullopt;
    }
    QSettings gtk(file, QSettings::IniFormat);
    const QVariant prefer = gtk.value(QStringLiteral("Settings/gtk-application-prefer-dark-theme"));
    if (prefer.isValid()) {
        const QString value = prefer.toString().toLower();
        return value == u"1" || value == u"true";
    }
    const QString name = gtk.value(QStringLiteral("Settings/gtk-theme-name")).toString();
    if (!name.isEmpty()) {
        return name.contains(QLatin1String("dark"), Qt::CaseInsensitive);
    }
    return std::nullopt;
}

ThemeManager::Theme themeFromString(const QString &name)
{
    if (name == u"dark") {
        return ThemeManager::Theme::Dark;
    }
    if (name == u"light") {
        return ThemeManager::Theme::Light;
    }
    return ThemeManager::Theme::System;
}

QString themeToString(ThemeManager::Theme theme)
{
    switch (theme) {
    case ThemeManager::Theme::Dark:
        return QStringLiteral("dark");
    case ThemeManager::Theme::Light:
        return QStringLiteral("light");
    case ThemeManager::Theme::System:
        break;
    }
    return QStringLiteral("system");
}

} // namespace

ThemeManager::ThemeManager(QObject *parent)
    : QObject(parent)
    , m_desktopStyle(QApplication::style()->name())
    , m_desktopPalette(QApplication::palette())
{
#if QT_VERSION >= QT_VERSION_CHECK(6, 5, 0)
    connect(QGuiApplication::styleHints(), &QStyleHints::colorSchemeChanged, this, [this] {
        if (m_theme == Theme::System) {
            apply();
        }
    });
#endif
}

bool ThemeManager::desktopPrefersDark() const
{
#if QT_VERSION >= QT_VERSION_CHECK(6, 5, 0)
    const Qt::ColorScheme scheme = QGuiApplication::styleHints()->colorScheme();
    if (scheme != Qt::ColorScheme::Unknown) {
        return scheme == Qt::ColorScheme::Dark;
    }
#endif
    if (const std::optional<bool> gtk = gtkPrefersDark()) {
        return *gtk;
    }
    return StatePalette::isDark(m_desktopPalette);
}

QPalette ThemeManager::darkPalette()
{
    const QColor window(0x2b, 0x2d, 0x31);
    const QColor base(0x1e, 0x1f, 0x22);
    const QColor text(0xe4, 0xe6, 0xea);
    const QColor disabled(0x74, 0x78, 0x80);
    QPalette p;
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(0x27, 0x29, 0x2d));
    p.setColor(QPalette::ToolTipBase, QColor(0x35, 0x38, 0x3d));
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, QColor(0x8e, 0x93, 0x9b));
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, QColor(0x36, 0x39, 0x3e));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, QColor(0xff, 0x8a, 0x80));
    p.setColor(QPalette::Light, QColor(0x4a, 0x4e, 0x55));
    p.setColor(QPalette::Midlight, QColor(0x3e, 0x41, 0x47));
    p.setColor(QPalette::Mid, QColor(0x5a, 0x5e, 0x66));
    p.setColor(QPalette::Dark, QColor(0x18, 0x19, 0x1b));
    p.setColor(QPalette::Shadow, QColor(0x0b, 0x0b, 0x0c));
    p.setColor(QPalette::Highlight, QColor(0x3b, 0x78, 0xd8));
    p.setColor(QPalette::HighlightedText, QColor(0xff, 0xff, 0xff));
    p.setColor(QPalette::Link, QColor(0x7c, 0xb8, 0xff));
    p.setColor(QPalette::LinkVisited, QColor(0xc0, 0x9c, 0xff));
    for (QPalette::ColorRole role :
         {QPalette::WindowText, QPalette::Text, QPalette::ButtonText}) {
        p.setColor(QPalette::Disabled, role, disabled);
    }
    p.setColor(QPalette::Disabled, QPalette::Base, window);
    p.setColor(QPalette::Disabled, QPalette::Highlight, QColor(0x4a, 0x4e, 0x55));
    return p;
}

QPalette ThemeManager::lightPalette()
{
    std::unique_ptr<QStyle> fusion(QStyleFactory::create(QStringLiteral("Fusion")));
    return fusion ? fusion->standardPalette() : QPalette();
}

void ThemeManager::setTheme(Theme theme, bool remember)
{
    m_theme = theme;
    if (remember) {
        QSettings().setValue(settingsKey(), themeToString(theme));
    }
    apply();
}

void ThemeManager::restore()
{
    m_theme = themeFromString(QSettings().value(settingsKey()).toString());
    apply();
}

void ThemeManager::apply()
{
    const bool desktopDark = desktopPrefersDark();
    const bool dark = m_theme == Theme::Dark || (m_theme == Theme::System && desktopDark);
    const bool desktopLookFits = StatePalette::isDark(m_desktopPalette) == dark;
    if (desktopLookFits) {
        // The desktop already looks the way wanted: its own style and colours.
        QApplication::setStyle(m_desktopStyle);
        QApplication::setPalette(m_desktopPalette);
    } else {
        QApplication::setStyle(QStringLiteral("Fusion"));
        QApplication::setPalette(dark ? darkPalette() : lightPalette());
    }
    m_dark = dark;
    if (m_group) {
        for (QAction *action : m_group->actions()) {
            action->setChecked(action->data().toInt() == int(m_theme));
        }
    }
    emit themeChanged(dark);
}

QMenu *ThemeManager::createMenu(QWidget *parent)
{
    auto *menu = new QMenu(tr("T&heme"), parent);
    menu->setObjectName(QStringLiteral("themeMenu"));
    menu->setAccessibleName(tr("Theme"));
    m_group = new QActionGroup(menu);
    m_group->setExclusive(true);
    const std::pair<Theme, QString> entries[] = {
        {Theme::System, tr("&System")}, {Theme::Light, tr("&Light")}, {Theme::Dark, tr("&Dark")}};
    for (const auto &[theme, text] : entries) {
        QAction *action = menu->addAction(text);
        action->setCheckable(true);
        action->setData(int(theme));
        action->setChecked(theme == m_theme);
        m_group->addAction(action);
        connect(action, &QAction::triggered, this, [this, theme] { setTheme(theme); });
    }
    return menu;
}

} // namespace DevDock::Ui
