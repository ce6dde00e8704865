// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/result.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <optional>
#include <vector>

namespace DevDock::Core {

class JsonWriter;

// Value types of a loaded Compose project, in the normalised shapes `docker compose config`
// prints (ports as objects, depends_on as a map with conditions, healthcheck.test as a list,
// bind sources absolute). Immutable once loaded.

struct ComposeBuild
{
    QString context;
    QString dockerfile;
    QString target;
    QString dockerfileInline; // dockerfile_inline (then dockerfile is empty)
    QStringList ssh;          // "ID" or "ID=PATH"
    QMap<QString, QString> args;
    QStringList platforms;
    QStringList secretSources; // build.secrets, by top-level name
    QList<QJsonObject> secrets; // the same as Compose prints them (source, target, uid, gid, mode)
    QStringList cacheFrom;
    QStringList cacheTo;
    QStringList tags;
    QStringList extraHosts; // "host=ip", sorted
    QString network;
    QString isolation;
    QString shmSize; // bytes, as text
    bool noCache = false;
    bool pull = false;
    bool privileged = false;
    QMap<QString, QString> labels;
    QMap<QString, QString> additionalContexts; // name -> absolute path, or as written (a URL)
};

struct ComposePort
{
    int target = 0;
    QString published; // empty: not published (or chosen by the engine)
    QString protocol = QStringLiteral("tcp");
    QString hostIp;
    QString mode = QStringLiteral("ingress");
    QString name;        // the long form's name and app_protocol, as written
    QString appProtocol;
};

struct ComposeDependency
{
    QString condition = QStringLiteral("service_started");
    bool required = true;
    bool restart = false;
};

struct ComposeHealthcheck
{
    QStringList test;
    QString interval;
    QString timeout;
    QString startPeriod;
    QString startInterval;
    std::optional<int> retries;
    bool disable = false;
};

struct ComposeVolumeMount
{
    QString type; // bind, volume, tmpfs
    QString source;
    QString target;
    bool readOnly = false;
    QString consistency; // as written (Compose passes it on)
    // Options as Compose prints them, by kind: "bind" {propagation, create_host_path, selinux},
    // "volume" {nocopy, subpath}, "tmpfs" {size (bytes, as text), mode}. A kind is there when
    // written, even empty; a short bind has {create_host_path: true}, a short volume {} (and a
    // short volume with z or Z a "bind" {selinux} too, as Compose prints it).
    QMap<QString, QJsonObject> options;
};

struct ComposeWatchRule
{
    QString action; // sync, rebuild, sync+restart, sync+exec, restart
    QString path;   // absolute host path
    QString target; // path in the container (sync actions)
    QStringList ignore;
    bool initialSync = false;
    std::optional<QStringList> execCommand; // sync+exec: what runs in the container after a sync
};

struct ComposeService
{
    QString name;
    int line = 0; // where the service is defined (first file that defines it)
    QString file;
    QString image;
    std::optional<ComposeBuild> build;
    std::optional<QStringList> command;
    std::optional<QStringList> entrypoint;
    QMap<QString, std::optional<QString>> environment;
    QList<ComposePort> ports;
    QStringList expose;
    QMap<QString, ComposeDependency> dependsOn;
    std::optional<ComposeHealthcheck> healthcheck;
    QList<ComposeVolumeMount> volumes;
    QMap<QString, QStringList> networks; // name -> aliases
    // The other options of each network entry written as a map (ipv4_address, ipv6_address,
    // link_local_ips, mac_address, priority, driver_opts), as Compose prints them; an entry
    // written as a map, even an empty one, prints as an object, one written as a name or null
    // prints null.
    QMap<QString, QJsonObject> networkOptions;
    QStringList profiles;
    QString restart;
    QString networkMode; // host, none, service:NAME, container:NAME; empty: networks apply
    QStringList links;
    QString containerName;
    QString hostname;
    QString user;
    QString workingDir;
    QString platform;
    QString stopSignal;
    QString stopGracePeriod; // as Compose prints durations
    std::optional<bool> init;
    std::optional<bool> attach; // attach: (to the service's output on `up`)
    bool privileged = false;
    bool readOnly = false;
    bool stdinOpen = false;
    bool tty = false;
    QStringList capAdd;
    QStringList capDrop;
    QStringList extraHosts; // "host=ip", sorted
    QMap<QString, QString> labels;
    std::optional<int> replicas;
    // The rest of deploy: (mode, labels, update_config, rollback_config, restart_policy,
    // placement, resources, endpoint_mode) in Compose's shapes, zeros kept so that an override's
    // zero replaces (the writer leaves out what Compose leaves out); nullopt: no deploy: written.
    std::optional<QJsonObject> deploy;
    QStringList tmpfs;
    QList<ComposeWatchRule> watch; // develop.watch
    QJsonObject extensions;        // x-* keys, as JSON
    // Keys Compose passes on as they are written, by their Compose name: plain text (pid, ipc,
    // runtime, …), lists (security_opt, dns, volumes_from, …: an override appends, each entry
    // once) and whole numbers (cpu_shares, pids_limit, mem_swappiness, …; an override's zero
    // replaces, and a zero is not printed, as Compose prints them).
    QMap<QString, QString> otherTexts;
    QMap<QString, QStringList> otherLists;
    QMap<QString, qint64> otherNumbers;
    // Maps of text Compose passes on (sysctls, annotations: a list of "key=value" reads as a
    // map; an override merges entry by entry).
    QMap<QString, QMap<QString, QString>> otherMaps;
    // Objects Compose prints as it reads them (credential_spec; blkio_config in Compose's own
    // shape: {Path, Weight} and {Path, Rate} entries).
    QMap<QString, QJsonObject> otherObjects;
    std::optional<double> cpus;
    bool oomKillDisable = false;
    // ulimits: name -> a number (soft = hard) or {soft, hard}, as Compose prints them.
    QJsonObject ulimits;
    // devices: {source, target, permissions}, one per target.
    QList<QJsonObject> devices;
    // logging: the driver and its options (an override with the same or no driver merges them).
    std::optional<std::pair<QString, QMap<QString, QString>>> logging;
    // secrets: and configs:, each entry as Compose prints it (source, target, uid, gid, mode).
    QList<QJsonObject> secrets;
    QList<QJsonObject> configs;

    // This service as `docker compose config --format json` prints it (the modelled keys).
    QJsonObject toJson() const;
    void writeJson(JsonWriter &writer) const;
};

// A required variable (${NAME:?message}) without a value, where a load tolerated it.
struct ComposeMissingVariable
{
    QString name;
    QString file;
    int line = 0;
    int column = 0;
    QString message; // the text after :? in the file
    bool operator==(const ComposeMissingVariable &) const = default;
};

// Service name -> position in a list of services, for code that looks many names up (a project
// may have 100 000 services): an open-addressing table of positions, a few bytes per service,
// that keeps no copy of the names. The list must outlive it, unchanged.
class ServiceNumbers
{
public:
    explicit ServiceNumbers(const QList<ComposeService> &services);
    qsizetype find(QStringView name) const; // -1: no service of that name
    bool contains(QStringView name) const { return find(name) >= 0; }

private:
    const QList<ComposeService> &m_services;
    std::vector<std::uint32_t> m_slots; // position + 1; 0: empty
    std::size_t m_mask = 0;
};

struct ComposeProject
{
    QString name;
    QString workingDirectory;
    QStringList configFiles;
    QList<ComposeService> services; // active services, in file order
    // The options of each network and volume above, as Compose prints them (name, driver,
    // driver_opts, external, labels; networks: ipam, internal, attachable, enable_ipv6).
    QMap<QString, QJsonObject> networkDefinitions;
    QMap<QString, QJsonObject> volumeDefinitions;
    // The secrets and configs the active services use, as Compose prints them (name, file,
    // environment, content, external).
    QMap<QString, QJsonObject> secretDefinitions;
    QMap<QString, QJsonObject> configDefinitions;
    // The top-level x-* keys of the project's files (not of included ones), as Compose prints
    // them; a later file replaces an earlier one's key whole.
    QMap<QString, QJsonValue> extensions;
    QStringList disabledServices;   // inactive because of profiles
    // Each inactive service's profiles (none of them active), by service name.
    QMap<QString, QStringList> disabledProfiles;
    QStringList networks;
    QStringList volumes;
    QStringList secrets;
    QStringList configs;
    // Only with ComposeLoadOptions::tolerateMissingRequired: the unset required variables, in
    // file order; their uses hold "<NAME unset>". Such a project is for display: anything that
    // runs it (up, config --json) must refuse while this is not empty.
    QList<ComposeMissingVariable> missingRequired;

    const ComposeService *service(const QString &name) const;
    // Name -> service, for callers that look many names up (service() is a linear scan).
    QHash<QString, const ComposeService *> serviceIndex() const;
    // The first depends_on cycle among active services, as "a, b, c, a"; nullopt when none.
    std::optional<QStringList> dependencyCycle() const;
    std::optional<QStringList> dependencyCycle(const ServiceNumbers &numbers) const;
    // Services ordered so that every dependency comes before its dependents.
    QStringList startOrder() const;
    QStringList dependents(const QString &name) const; // direct and indirect
    QStringList roots() const;                         // services nothing depends on
    // The subset of `docker compose config --format json` DevDock models; toJsonText() is the
    // same as indented JSON text, written directly (fast for very large projects).
    QJsonObject toJson() const;
    QByteArray toJsonText() const;
};

} // namespace DevDock::Core
