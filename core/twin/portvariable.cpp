// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "portvariable.h"

#include "compose/yamltree.h"

#include <QFile>
#include <QRegularExpression>

namespace DevDock::Core {

QString PortVariable::key(const QString &service, int target, const QString &protocol)
{
    return service + QLatin1Char('/') + QString::number(target) + QLatin1Char('/')
           + (protocol.isEmpty() ? QStringLiteral("tcp") : protocol.toLower());
}

QString PortVariable::variableOf(const QString &hostPart)
{
    static const QRegularExpression braced(
        QStringLiteral(R"(^\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(?::?[-?+])[^}]*)?\}$)"));
    static const QRegularExpression bare(QStringLiteral(R"(^\$([A-Za-z_][A-Za-z0-9_]*)$)"));
    const QString text = hostPart.trimmed();
    auto match = braced.match(text);
    if (!match.hasMatch()) {
        match = bare.match(text);
    }
    return match.hasMatch() ? match.captured(1) : QString();
}

QStringList PortVariable::splitShortSyntax(const QString &text)
{
    QStringList parts;
    QString current;
    int braces = 0;
    bool bracket = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c == QLatin1Char('$') && i + 1 < text.size() && text.at(i + 1) == QLatin1Char('{')) {
            ++braces;
            current += c;
            current += text.at(++i);
            continue;
        }
        if (c == QLatin1Char('}') && braces > 0) {
            --braces;
        } else if (c == QLatin1Char('[') && braces == 0) {
            bracket = true;
        } else if (c == QLatin1Char(']') && braces == 0) {
            bracket = false;
        } else if (c == QLatin1Char(':') && braces == 0 && !bracket) {
            parts << current;
            current.clear();
            continue;
        }
        current += c;
    }
    parts << current;
    return parts;
}

Result<QHash<QString, PortVariable>> PortVariable::find(const ComposeProject &project)
{
    QHash<QString, PortVariable> found;
    for (const QString &path : project.configFiles) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            return makeError(Error::Code::Io,
                             QStringLiteral("Cannot read %1: %2").arg(path, file.errorString()));
        }
        const QByteArray bytes = file.readAll();
        YamlError error;
        const auto tree =
            YamlTree::parse(std::string_view(bytes.constData(), bytes.size()), &error);
        if (!tree) {
            // The loader read this file a moment ago; it reports its errors with positions.
            return makeError(
                Error::Code::InvalidArgument,
                QStringLiteral("%1:%2: %3").arg(path).arg(error.mark.line + 1).arg(error.message));
        }
        const YamlNode services = tree->root()[std::string_view("services")];
        if (!services.isMap()) {
            continue;
        }
        for (const YamlItem &service : services) {
            const QString name = service.first.qtext();
            const YamlNode ports = service.second[std::string_view("ports")];
            if (!ports.isSequence()) {
                continue;
            }
            for (const YamlItem &port : ports) {
                PortVariable entry;
                entry.service = name;
                QString host;
                QString target;
                if (port.isScalar()) {
                    const QStringList parts = splitShortSyntax(port.qtext());
                    if (parts.size() < 2) {
                        continue; // a container port only: the engine picks the host port
                    }
                    host = parts.at(parts.size() - 2);
                    target = parts.last();
                    const qsizetype slash = target.indexOf(QLatin1Char('/'));
                    if (slash >= 0) {
                        entry.protocol = target.mid(slash + 1).toLower();
                        target.truncate(slash);
                    }
                } else if (port.isMap()) {
                    host = port[std::string_view("published")].qtext();
                    target = port[std::string_view("target")].qtext();
                    const YamlNode protocol = port[std::string_view("protocol")];
                    if (protocol.isScalar()) {
                        entry.protocol = protocol.qtext().toLower();
                    }
                }
                bool numeric = false;
                entry.target = target.trimmed().toInt(&numeric);
                entry.variable = variableOf(host);
                const QString k = key(name, entry.target, entry.protocol);
                if (!numeric) {
                    continue; // a target from a variable cannot be matched with the loaded port
                }
                if (entry.variable.isEmpty()) {
                    found.remove(k); // a later file made it literal
                } else {
                    found.insert(k, entry);
                }
            }
        }
    }
    return found;
}

} // namespace DevDock::Core
