// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "timestamp.h"

#include <QRegularExpression>

namespace DevDock::Core {

namespace {

// Go's time.ParseDuration subset: a sequence of <number><unit>, units ns us ms s m h.
bool parseDuration(const QString &text, qint64 &nanos)
{
    static const QRegularExpression whole(
        QStringLiteral("^(?:\\d+(?:\\.\\d+)?(?:ns|us|µs|ms|s|m|h))+$"));
    if (!whole.match(text).hasMatch()) {
        return false;
    }
    static const QRegularExpression part(QStringLiteral("(\\d+(?:\\.\\d+)?)(ns|us|µs|ms|s|m|h)"));
    double total = 0;
    for (auto it = part.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        const double n = m.captured(1).toDouble();
        const QString unit = m.captured(2);
        double scale = 1;
        if (unit == QLatin1String("us") || unit == QStringLiteral("µs")) {
            scale = 1e3;
        } else if (unit == QLatin1String("ms")) {
            scale = 1e6;
        } else if (unit == QLatin1String("s")) {
            scale = 1e9;
        } else if (unit == QLatin1String("m")) {
            scale = 60e9;
        } else if (unit == QLatin1String("h")) {
            scale = 3600e9;
        }
        total += n * scale;
    }
    nanos = static_cast<qint64>(total);
    return true;
}

QString format(qint64 seconds, qint64 nanos)
{
    return QString::number(seconds) + QLatin1Char('.')
           + QString::number(nanos).rightJustified(9, QLatin1Char('0'));
}

} // namespace

Result<QString> toEngineTimestamp(const QString &valueIn, const QDateTime &now)
{
    const QString value = valueIn.trimmed();
    if (value.isEmpty()) {
        return QString();
    }
    static const QRegularExpression unix(QStringLiteral("^\\d+(\\.\\d{1,9})?$"));
    if (unix.match(value).hasMatch()) {
        return value;
    }
    qint64 nanos = 0;
    if (parseDuration(value, nanos)) {
        const qint64 at = now.toMSecsSinceEpoch() * 1000000LL - nanos;
        return format(at / 1000000000LL, at % 1000000000LL);
    }
    // RFC 3339 with optional fraction and zone, or a date alone.
    static const QRegularExpression dateTime(QStringLiteral(
        "^(\\d{4}-\\d{2}-\\d{2})(?:[T ](\\d{2}:\\d{2}(?::\\d{2})?)(?:\\.(\\d{1,9}))?)?"
        "(Z|[+-]\\d{2}:?\\d{2})?$"));
    const auto m = dateTime.match(value);
    if (m.hasMatch()) {
        const QDate date = QDate::fromString(m.captured(1), Qt::ISODate);
        QString timeText = m.captured(2);
        if (timeText.size() == 5) {
            timeText += QStringLiteral(":00");
        }
        const QTime time =
            timeText.isEmpty() ? QTime(0, 0) : QTime::fromString(timeText, Qt::ISODate);
        if (date.isValid() && time.isValid()) {
            QDateTime dt;
            const QString zone = m.captured(4);
            if (zone.isEmpty()) {
                dt = QDateTime(date, time, Qt::LocalTime);
            } else if (zone == QLatin1String("Z")) {
                dt = QDateTime(date, time, Qt::UTC);
            } else {
                QString digits = zone.mid(1);
                digits.remove(QLatin1Char(':'));
                const int offset = (digits.left(2).toInt() * 3600 + digits.mid(2).toInt() * 60)
                                   * (zone.startsWith(QLatin1Char('-')) ? -1 : 1);
                dt = QDateTime(date, time, Qt::OffsetFromUTC, offset);
            }
            const QString fraction = m.captured(3);
            const qint64 fracNanos =
                fraction.isEmpty() ? 0 : fraction.leftJustified(9, QLatin1Char('0')).toLongLong();
            return format(dt.toSecsSinceEpoch(), fracNanos);
        }
    }
    return makeError(Error::Code::InvalidArgument,
                     QStringLiteral("Cannot read \"%1\" as a time.").arg(value),
                     QStringLiteral("Use RFC 3339 (2026-11-29T10:00:00Z), a date (2026-11-29), a "
                                    "duration (10m, 1h30m) or a UNIX timestamp."));
}

} // namespace DevDock::Core
