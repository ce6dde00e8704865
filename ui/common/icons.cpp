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
    return QIcon::fromTheme(freedesktopName, bundled(freedesktopName));
}

} // namespace DevDock::Ui
