// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "icons.h"

#include <QFile>
#include <QGuiApplication>
#include <QHash>
#include <QIconEngine>
#include <QPainter>
#include <QPalette>
#include <QSvgRenderer>

namespace DevDock::Ui {

namespace {

QString bundledPath(const QString &name)
{
    return QStringLiteral(":/icons/actions/%1.svg").arg(name);
}

// Renders an SVG whose strokes and fills say "currentColor" in the palette's colour at paint time
// (QSvgRenderer does not know currentColor; the text is substituted before it is parsed).
class PaletteSvgIconEngine final : public QIconEngine
{
public:
    explicit PaletteSvgIconEngine(QByteArray svg)
        : m_svg(std::move(svg))
    {}

    void paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State) override
    {
        QByteArray svg = m_svg;
        svg.replace("currentColor", color(mode).name().toLatin1());
        QSvgRenderer renderer(svg);
        renderer.render(painter, rect);
    }

    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state) override
    {
        return scaledPixmap(size, mode, state, 1.0);
    }

    QPixmap scaledPixmap(const QSize &size, QIcon::Mode mode, QIcon::State state,
                         qreal scale) override
    {
        QPixmap pixmap(size * scale);
        pixmap.fill(Qt::transparent);
        {
            QPainter painter(&pixmap);
            paint(&painter, QRect(QPoint(), pixmap.size()), mode, state);
        }
        pixmap.setDevicePixelRatio(scale);
        return pixmap;
    }

    QIconEngine *clone() const override { return new PaletteSvgIconEngine(m_svg); }
    QString key() const override { return QStringLiteral("DevDockPaletteSvg"); }

private:
    static QColor color(QIcon::Mode mode)
    {
        const QPalette palette = QGuiApplication::palette();
        switch (mode) {
        case QIcon::Disabled:
            return palette.color(QPalette::Disabled, QPalette::ButtonText);
        case QIcon::Selected:
            return palette.color(QPalette::HighlightedText);
        case QIcon::Normal:
        case QIcon::Active:
            break;
        }
        return palette.color(QPalette::ButtonText);
    }

    QByteArray m_svg;
};

// The desktop theme's icon while the palette is light; on a dark palette the bundled one, which
// paints in the palette's text colour (theme icons such as Adwaita's are dark on dark). Chosen at
// paint time: a theme switch needs no new icons.
class ThemeOrBundledIconEngine final : public QIconEngine
{
public:
    ThemeOrBundledIconEngine(QIcon theme, QIcon bundled)
        : m_theme(std::move(theme))
        , m_bundled(std::move(bundled))
    {}

    void paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State state) override
    {
        current().paint(painter, rect, Qt::AlignCenter, mode, state);
    }

    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state) override
    {
        return current().pixmap(size, mode, state);
    }

    QPixmap scaledPixmap(const QSize &size, QIcon::Mode mode, QIcon::State state,
                         qreal scale) override
    {
        return current().pixmap(size, scale, mode, state);
    }

    QSize actualSize(const QSize &size, QIcon::Mode mode, QIcon::State state) override
    {
        return current().actualSize(size, mode, state);
    }

    QIconEngine *clone() const override { return new ThemeOrBundledIconEngine(m_theme, m_bundled); }
    QString key() const override { return QStringLiteral("DevDockThemeOrBundled"); }

private:
    const QIcon &current() const
    {
        const QColor window = QGuiApplication::palette().color(QPalette::Window);
        return window.lightness() < 128 ? m_bundled : m_theme;
    }

    QIcon m_theme;
    QIcon m_bundled;
};

} // namespace

bool Icons::hasBundled(const QString &freedesktopName)
{
    return QFile::exists(bundledPath(freedesktopName));
}

QIcon Icons::bundled(const QString &freedesktopName)
{
    QFile file(bundledPath(freedesktopName));
    if (!file.open(QIODevice::ReadOnly)) {
        return {};
    }
    return QIcon(new PaletteSvgIconEngine(file.readAll()));
}

QIcon Icons::action(const QString &freedesktopName)
{
    const QIcon bundledIcon = bundled(freedesktopName);
    if (bundledIcon.isNull() || !QIcon::hasThemeIcon(freedesktopName)) {
        return QIcon::fromTheme(freedesktopName, bundledIcon);
    }
    return QIcon(new ThemeOrBundledIconEngine(QIcon::fromTheme(freedesktopName), bundledIcon));
}

} // namespace DevDock::Ui
