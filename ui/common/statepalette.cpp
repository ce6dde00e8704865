// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "statepalette.h"

#include <QCoreApplication>
#include <QHash>
#include <QPainter>
#include <QPainterPath>
#include <QPixmap>

namespace DevDock::Ui {

namespace {

QColor hue(StateKind kind)
{
    switch (kind) {
    case StateKind::Healthy:
    case StateKind::Running:
        return QColor(0x00, 0x9E, 0x73); // bluish green
    case StateKind::Starting:
        return QColor(0x56, 0xB4, 0xE9); // sky blue: progress, not a warning
    case StateKind::Unhealthy:
        return QColor(0xE6, 0x9F, 0x00); // orange
    case StateKind::Failed:
        return QColor(0xD5, 0x5E, 0x00); // vermillion
    case StateKind::Stopped:
    case StateKind::NotCreated:
    case StateKind::Unknown:
        break;
    }
    return {};
}

// The glyph of a kind, drawn white on the badge, in a 16x16 box.
QPainterPath glyph(StateKind kind)
{
    QPainterPath path;
    switch (kind) {
    case StateKind::Healthy:
        path.moveTo(4.5, 8.3);
        path.lineTo(7, 10.8);
        path.lineTo(11.5, 5.5);
        break;
    case StateKind::Running:
        path.moveTo(6, 4.8);
        path.lineTo(11.2, 8);
        path.lineTo(6, 11.2);
        path.closeSubpath();
        break;
    case StateKind::Starting: // a clock
        path.moveTo(8, 4.5);
        path.lineTo(8, 8);
        path.lineTo(10.5, 9.5);
        break;
    case StateKind::Unhealthy:
        path.moveTo(8, 4.2);
        path.lineTo(8, 9);
        path.moveTo(8, 11.3);
        path.lineTo(8, 11.8);
        break;
    case StateKind::Failed:
        path.moveTo(5.5, 5.5);
        path.lineTo(10.5, 10.5);
        path.moveTo(10.5, 5.5);
        path.lineTo(5.5, 10.5);
        break;
    case StateKind::Stopped:
        path.addRect(5.5, 5.5, 5, 5);
        break;
    case StateKind::NotCreated:
    case StateKind::Unknown:
        break;
    }
    return path;
}

QPixmap badge(StateKind kind, const QColor &color, const QColor &onColor, int size, qreal dpr)
{
    QPixmap pixmap(QSize(size, size) * dpr);
    pixmap.setDevicePixelRatio(dpr);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    p.scale(size / 16.0, size / 16.0);
    const QRectF circle(1, 1, 14, 14);
    if (kind == StateKind::NotCreated) { // an empty dashed ring: nothing is there
        p.setPen(QPen(color, 1.6, Qt::DashLine));
        p.drawEllipse(circle.adjusted(0.8, 0.8, -0.8, -0.8));
        return pixmap;
    }
    p.setPen(Qt::NoPen);
    p.setBrush(color);
    p.drawEllipse(circle);
    if (kind == StateKind::Unknown) {
        QFont font;
        font.setPixelSize(11);
        font.setBold(true);
        p.setFont(font);
        p.setPen(onColor);
        p.drawText(circle, Qt::AlignCenter, QStringLiteral("?"));
        return pixmap;
    }
    const QPainterPath path = glyph(kind);
    const bool filled = kind == StateKind::Running || kind == StateKind::Stopped;
    p.setPen(filled ? Qt::NoPen : QPen(onColor, 1.8, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    p.setBrush(filled ? QBrush(onColor) : Qt::NoBrush);
    if (kind == StateKind::Starting) {
        p.setPen(QPen(onColor, 1.4, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        p.drawEllipse(QRectF(3.5, 3.5, 9, 9));
    }
    p.drawPath(path);
    return pixmap;
}

// Between two palette colours: the neutral greys follow the palette in both themes.
QColor mix(const QColor &a, const QColor &b, qreal t)
{
    return QColor::fromRgbF(a.redF() + (b.redF() - a.redF()) * t,
                            a.greenF() + (b.greenF() - a.greenF()) * t,
                            a.blueF() + (b.blueF() - a.blueF()) * t);
}

} // namespace

bool StatePalette::isDark(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightnessF() < 0.45;
}

QColor StatePalette::color(StateKind kind, const QPalette &palette)
{
    switch (kind) {
    case StateKind::Stopped: // the palette's own neutral: as calm as any idle control
        return mix(palette.color(QPalette::Text), palette.color(QPalette::Base), 0.42);
    case StateKind::NotCreated:
        return palette.color(QPalette::Disabled, QPalette::Text);
    case StateKind::Unknown:
        return palette.color(QPalette::PlaceholderText);
    default:
        break;
    }
    // Darker hues on a light base (contrast for text), lighter ones on a dark base.
    const QColor base = hue(kind);
    return isDark(palette) ? base.lighter(125) : base.darker(kind == StateKind::Unhealthy ? 130 : 115);
}

QColor StatePalette::tint(StateKind kind, const QPalette &palette)
{
    QColor c = color(kind, palette);
    c.setAlphaF(isDark(palette) ? 0.28 : 0.16);
    return c;
}

QIcon StatePalette::icon(StateKind kind, const QPalette &palette)
{
    const QColor c = color(kind, palette);
    const QColor on = isDark(palette) ? palette.color(QPalette::Base) : QColor(Qt::white);
    static QHash<QString, QIcon> cache;
    const QString key = QStringLiteral("%1-%2-%3").arg(int(kind)).arg(c.rgba()).arg(on.rgba());
    if (auto it = cache.constFind(key); it != cache.cend()) {
        return *it;
    }
    QIcon icon;
    for (int size : {16, 22, 32, 48}) {
        for (qreal dpr : {1.0, 2.0}) {
            icon.addPixmap(badge(kind, c, on, size, dpr));
        }
    }
    cache.insert(key, icon);
    return icon;
}

QString StatePalette::label(StateKind kind)
{
    switch (kind) {
    case StateKind::Healthy:
        return QCoreApplication::translate("DevDock::Ui::StatePalette", "healthy");
    case StateKind::Running:
        return QCoreApplication::translate("DevDock::Ui::StatePalette", "running");
    case StateKind::Starting:
        return QCoreApplication::translate("DevDock::Ui::StatePalette", "starting");
    case StateKind::Unhealthy:
        return QCoreApplication::translate("DevDock::Ui::StatePalette", "unhealthy");
    case StateKind::Failed:
        return QCoreApplication::translate("DevDock::Ui::StatePalette", "failed");
    case StateKind::Stopped:
        return QCoreApplication::translate("DevDock::Ui::StatePalette", "stopped");
    case StateKind::NotCreated:
        return QCoreApplication::translate("DevDock::Ui::StatePalette", "not created");
    case StateKind::Unknown:
        return QCoreApplication::translate("DevDock::Ui::StatePalette", "unknown");
    }
    return {};
}

QString StatePalette::symbol(StateKind kind)
{
    switch (kind) {
    case StateKind::Healthy:
        return QStringLiteral("✔");
    case StateKind::Running:
        return QStringLiteral("▶");
    case StateKind::Starting:
        return QStringLiteral("◔");
    case StateKind::Unhealthy:
        return QStringLiteral("⚠");
    case StateKind::Failed:
        return QStringLiteral("✖");
    case StateKind::Stopped:
        return QStringLiteral("■");
    case StateKind::NotCreated:
        return QStringLiteral("◌");
    case StateKind::Unknown:
        return QStringLiteral("?");
    }
    return {};
}

} // namespace DevDock::Ui
