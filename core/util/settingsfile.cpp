// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "util/settingsfile.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QCoreApplication>
#include <QDataStream>
#include <QFileDevice>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QMutex>
#include <QStorageInfo>

#include <cerrno>

Q_LOGGING_CATEGORY(lcSettings, "devdock.settings")

namespace DevDock::Core {

namespace {

// Values keep their type: strings, lists, numbers and booleans as JSON; anything else (window
// geometry, byte arrays) as a tagged QDataStream image.
const QLatin1String VariantTag("@variant");

QJsonValue encode(const QVariant &value)
{
    switch (value.typeId()) {
    case QMetaType::QString:
        return value.toString();
    case QMetaType::Bool:
        return value.toBool();
    case QMetaType::Int:
    case QMetaType::LongLong:
    case QMetaType::UInt:
        return value.toLongLong();
    case QMetaType::Double:
        return value.toDouble();
    case QMetaType::QStringList:
        return QJsonArray::fromStringList(value.toStringList());
    default:
        break;
    }
    QByteArray image;
    QDataStream stream(&image, QIODevice::WriteOnly);
    stream.setVersion(QDataStream::Qt_6_0);
    stream << value;
    return QJsonObject{{VariantTag, QString::fromLatin1(image.toBase64())}};
}

QVariant decode(const QJsonValue &value)
{
    if (value.isArray()) {
        QStringList list;
        for (const QJsonValue &item : value.toArray()) {
            list.append(item.toString());
        }
        return list;
    }
    if (value.isObject() && value.toObject().contains(VariantTag)) {
        QVariant decoded;
        QDataStream stream(QByteArray::fromBase64(value.toObject().value(VariantTag).toString().toLatin1()));
        stream.setVersion(QDataStream::Qt_6_0);
        stream >> decoded;
        return decoded;
    }
    if (value.isDouble()) {
        const double d = value.toDouble();
        if (d == static_cast<double>(static_cast<qint64>(d))) {
            return static_cast<qint64>(d);
        }
        return d;
    }
    return value.toVariant();
}

// What the last failed write saw (QSettings only tells "AccessError").
QMutex failureLock;
QString lastFailure;

bool readJson(QIODevice &device, QSettings::SettingsMap &map)
{
    const QByteArray bytes = device.readAll();
    if (bytes.trimmed().isEmpty()) {
        return true;
    }
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &error);
    if (!doc.isObject()) {
        qCWarning(lcSettings).noquote()
            << "DevDock's settings file is not valid JSON (" << error.errorString()
            << "); starting from defaults";
        return false;
    }
    const QJsonObject object = doc.object();
    for (auto it = object.begin(); it != object.end(); ++it) {
        map.insert(it.key(), decode(it.value()));
    }
    return true;
}

bool writeJson(QIODevice &device, const QSettings::SettingsMap &map)
{
    QJsonObject object;
    for (auto it = map.begin(); it != map.end(); ++it) {
        object.insert(it.key(), encode(it.value()));
    }
    const QByteArray bytes = QJsonDocument(object).toJson(QJsonDocument::Indented);
    qint64 written = device.write(bytes);
    auto *file = qobject_cast<QFileDevice *>(&device);
    // Push Qt's write buffer out now, so that a short write shows here and not only inside
    // QSaveFile::commit(), where QSettings keeps it to itself.
    if (written == bytes.size() && file && !file->flush()) {
        written = -1;
    }
    QMutexLocker locker(&failureLock);
    if (written == bytes.size()) {
        lastFailure.clear();
        return true;
    }
    const QString path = file ? file->fileName() : QString();
    const bool full = errno == ENOSPC || written >= 0; // a short count: the disk filled up
    lastFailure = full ? QStringLiteral("disk full: %1 bytes needed at %2").arg(bytes.size()).arg(path)
                       : device.errorString();
    return false; // QSettings then drops the temporary file; the old one stays
}

} // namespace

QSettings::Format checkedSettingsFormat()
{
    static const QSettings::Format format =
        QSettings::registerFormat(QStringLiteral("json"), readJson, writeJson);
    return format;
}

void prepareSettings()
{
    QSettings::setDefaultFormat(checkedSettingsFormat());
    const QString org = QCoreApplication::organizationName();
    const QString app = QCoreApplication::applicationName();
    for (const QString &name : {app, QStringLiteral("DevDock")}) {
        QSettings current(checkedSettingsFormat(), QSettings::UserScope, org, name);
        if (QFileInfo::exists(current.fileName())) {
            continue;
        }
        QSettings legacy(QSettings::NativeFormat, QSettings::UserScope, org, name);
        if (!QFileInfo::exists(legacy.fileName())) {
            continue;
        }
        const QStringList keys = legacy.allKeys();
        for (const QString &key : keys) {
            current.setValue(key, legacy.value(key));
        }
        if (auto saved = saveSettings(current); !saved) {
            qCWarning(lcSettings).noquote() << saved.error().message;
        }
    }
}

Result<void> saveSettings(QSettings &settings)
{
    {
        QMutexLocker locker(&failureLock);
        lastFailure.clear();
    }
    // QSettings::status() keeps the first error for the object's life, so what this sync did is
    // told by the writer above, or by the status turning bad now.
    const QSettings::Status before = settings.status();
    settings.sync();
    QString reason;
    {
        QMutexLocker locker(&failureLock);
        reason = lastFailure;
    }
    if (reason.isEmpty() && (before != QSettings::NoError || settings.status() == QSettings::NoError)) {
        return {};
    }
    const QString path = settings.fileName();
    if (reason.isEmpty()) {
        const QStorageInfo volume(QFileInfo(path).absolutePath());
        reason = volume.isValid() && volume.bytesAvailable() < 64 * 1024
                     ? QStringLiteral("disk full at %1").arg(path)
                     : QStringLiteral("it could not be written");
    }
    const bool full = reason.startsWith(QLatin1String("disk full"));
    return std::unexpected(Error{
        Error::Code::Io,
        QStringLiteral("DevDock's settings were not saved (%1).").arg(reason),
        full ? QStringLiteral("Free some space on the disk that holds %1 and try again. The "
                              "settings saved before are kept.")
                   .arg(path)
             : QStringLiteral("Check that %1 can be written. The settings saved before are kept.")
                   .arg(path)});
}

QString projectSettingsGroup(const QString &kind, const QString &projectKey)
{
    return kind + QLatin1Char('/')
           + QString::fromLatin1(
               QCryptographicHash::hash(projectKey.toUtf8(), QCryptographicHash::Sha256)
                   .toHex()
                   .left(16));
}

} // namespace DevDock::Core
