// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "stackenvironment.h"

#include <QJsonObject>

#include "env/envprofile.h"
#include "env/secretstore.h"

#include <QDir>
#include <QFileInfo>
#include <QProcessEnvironment>

namespace DevDock::Core {

QString projectDirectoryOf(const ComposeLoadOptions &options)
{
    if (!options.projectDirectory.isEmpty()) {
        return QDir(options.workingDirectory).absoluteFilePath(options.projectDirectory);
    }
    if (!options.files.isEmpty() && options.files.first() != u"-") {
        return QFileInfo(QDir(options.workingDirectory).absoluteFilePath(options.files.first()))
            .absolutePath();
    }
    return options.workingDirectory.isEmpty() ? QDir::currentPath() : options.workingDirectory;
}

void loadStackEnvironment(const QString &projectDirectory, const QString &profileName,
                          SecretStore *store, QObject *context,
                          std::function<void(StackEnvironment)> callback)
{
    StackEnvironment environment;
    environment.availableProfiles = EnvProfile::availableProfiles(projectDirectory);
    const QString name =
        profileName.isEmpty() ? EnvProfile::defaultProfile(projectDirectory) : profileName;
    auto profile = EnvProfile::load(projectDirectory, name);
    if (!profile) {
        environment.warnings << profile.error().message;
        callback(environment);
        return;
    }
    environment.profile = profile->name();
    for (const EnvFile &file : profile->stack()) {
        if (QFileInfo::exists(file.path)) { // a profile may name files it does not have
            environment.envFiles << QFileInfo(file.path).absoluteFilePath();
        }
    }
    const QStringList secretKeys = profile->secretKeys();
    environment.secretKeys = secretKeys;
    // Plain copies of secrets in the files reach Compose through --env-file, and Compose may
    // echo them: resolving registers them (and the keychain's values) for redaction.
    auto registerValues = [profile = *profile](const QHash<QString, QString> &secrets) {
        static const QProcessEnvironment process = QProcessEnvironment::systemEnvironment();
        (void)profile.resolve(
            [](const QString &name) {
                return process.contains(name) ? std::optional<QString>(process.value(name))
                                              : std::nullopt;
            },
            secrets);
    };
    if (!store || secretKeys.isEmpty()) {
        registerValues({});
        callback(environment);
        return;
    }
    readSecrets(*store, secretKeys, context,
                [environment, callback, registerValues](QHash<QString, QString> values,
                                                        std::optional<Error> error) mutable {
                    environment.secrets = std::move(values);
                    registerValues(environment.secrets);
                    if (error) {
                        environment.warnings << error->toString(); // with how to fix it
                    }
                    callback(environment);
                });
}

void applyStackEnvironment(ComposeLoadOptions &options, const StackEnvironment &environment)
{
    if (options.envFiles.isEmpty()) {
        options.envFiles = environment.envFiles;
    }
    for (auto it = environment.secrets.cbegin(); it != environment.secrets.cend(); ++it) {
        if (!options.environment.contains(it.key())) {
            options.environment.insert(it.key(), it.value());
        }
    }
}

QStringList servicesChangedBetween(const ComposeProject &before, const ComposeProject &after)
{
    const QJsonObject old = before.toJson().value(QStringLiteral("services")).toObject();
    const QJsonObject now = after.toJson().value(QStringLiteral("services")).toObject();
    QStringList changed;
    for (const QString &name : after.startOrder()) {
        if (old.value(name) != now.value(name)) {
            changed << name;
        }
    }
    return changed;
}

} // namespace DevDock::Core
