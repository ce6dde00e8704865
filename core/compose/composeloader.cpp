// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "composeloader.h"

#include "env/envdocument.h"
#include "util/filereading.h"
#include "util/interpolation.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QSet>
#include <QVarLengthArray>

#include "yamlscalar.h"
#include "yamltree.h"

#include <limits>
#include <set>
#include <unordered_map>

namespace DevDock::Core {

namespace {

// Inside the loader a failure unwinds to loadComposeProject(), which turns it into a Result:
// yaml-cpp throws anyway, and the many small conversions stay readable.
struct LoadFailure
{
    Error error;
    QString where; // file:line:col, when the failure is about a position
    QString what;  // the message without the position
    QString path;  // below the service key: "interval", "test.1" (for the key's path)
};

[[noreturn]] void failAt(const QString &file, const YamlMark &mark, const QString &what,
                         const QString &path = {})
{
    QString where = file;
    if (mark.line >= 0) {
        where += QStringLiteral(":%1:%2").arg(mark.line + 1).arg(mark.column + 1);
    }
    throw LoadFailure{Error{Error::Code::InvalidArgument, where + QStringLiteral(": ") + what,
                            QStringLiteral("Fix the compose file; `docker compose config` shows "
                                           "Compose's own reading of it.")},
                      where, what, path};
}

// The keys a service may have (Compose 2.26's schema); anything else but x-* is refused.
const QSet<QString> &knownServiceKeys()
{
    static const QSet<QString> keys{"annotations",
                                    "attach",
                                    "blkio_config",
                                    "build",
                                    "cap_add",
                                    "cap_drop",
                                    "cgroup",
                                    "cgroup_parent",
                                    "command",
                                    "configs",
                                    "container_name",
                                    "cpu_count",
                                    "cpu_percent",
                                    "cpu_period",
                                    "cpu_quota",
                                    "cpu_rt_period",
                                    "cpu_rt_runtime",
                                    "cpu_shares",
                                    "cpus",
                                    "cpuset",
                                    "credential_spec",
                                    "depends_on",
                                    "deploy",
                                    "develop",
                                    "device_cgroup_rules",
                                    "devices",
                                    "dns",
                                    "dns_opt",
                                    "dns_search",
                                    "domainname",
                                    "entrypoint",
                                    "env_file",
                                    "environment",
                                    "expose",
                                    "extends",
                                    "external_links",
                                    "extra_hosts",
                                    "group_add",
                                    "healthcheck",
                                    "hostname",
                                    "image",
                                    "init",
                                    "ipc",
                                    "isolation",
                                    "labels",
                                    "links",
                                    "logging",
                                    "mac_address",
                                    "mem_limit",
                                    "mem_reservation",
                                    "mem_swappiness",
                                    "memswap_limit",
                                    "network_mode",
                                    "networks",
                                    "oom_kill_disable",
                                    "oom_score_adj",
                                    "pid",
                                    "pids_limit",
                                    "platform",
                                    "ports",
                                    "privileged",
                                    "profiles",
                                    "pull_policy",
                                    "read_only",
                                    "restart",
                                    "runtime",
                                    "scale",
                                    "secrets",
                                    "security_opt",
                                    "shm_size",
                                    "stdin_open",
                                    "stop_grace_period",
                                    "stop_signal",
                                    "storage_opt",
                                    "sysctls",
                                    "tmpfs",
                                    "tty",
                                    "ulimits",
                                    "user",
                                    "userns_mode",
                                    "uts",
                                    "volumes",
                                    "volumes_from",
                                    "working_dir"};
    return keys;
}

// Whether QDir::cleanPath would leave `path` as it is: no "." or ".." segment, no "//", no
// trailing "/" (checked by hand: a large file has a bind mount or two in every service).
bool isCleanPath(QStringView path)
{
    if (path.isEmpty() || (path.size() > 1 && path.endsWith(QLatin1Char('/')))) {
        return false;
    }
    qsizetype segment = 0;
    for (qsizetype i = 0; i <= path.size(); ++i) {
        if (i < path.size() && path[i] != QLatin1Char('/')) {
            continue;
        }
        const QStringView part = path.sliced(segment, i - segment);
        if ((part.isEmpty() && i > 0 && i < path.size()) || part == QLatin1String(".")
            || part == QLatin1String("..")) {
            return false;
        }
        segment = i + 1;
    }
    return true;
}

QString cleanPath(const QString &path)
{
    return isCleanPath(path) ? path : QDir::cleanPath(path);
}

// A known service key as a shared QString, found by its UTF-8 text (null: not a known key).
// Every service of a large file has the same few keys: sharing them saves a string made, hashed
// and freed per key.
const QString *knownServiceKey(std::string_view key)
{
    struct Hash
    {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
    };
    static const std::unordered_map<std::string, QString, Hash, std::equal_to<>> keys = [] {
        std::unordered_map<std::string, QString, Hash, std::equal_to<>> map;
        for (const QString &k : knownServiceKeys()) {
            map.emplace(k.toStdString(), k);
        }
        return map;
    }();
    const auto it = keys.find(key);
    return it == keys.end() ? nullptr : &it->second;
}

const QSet<QString> &knownTopLevelKeys()
{
    static const QSet<QString> keys{"version",  "name",    "include", "services",
                                    "networks", "volumes", "secrets", "configs"};
    return keys;
}

int editDistance(const QString &a, const QString &b)
{
    std::vector<int> row(b.size() + 1);
    for (qsizetype j = 0; j <= b.size(); ++j) {
        row[j] = static_cast<int>(j);
    }
    for (qsizetype i = 1; i <= a.size(); ++i) {
        int diagonal = row[0];
        row[0] = static_cast<int>(i);
        for (qsizetype j = 1; j <= b.size(); ++j) {
            const int above = row[j];
            row[j] = std::min(
                {row[j] + 1, row[j - 1] + 1, diagonal + (a.at(i - 1) == b.at(j - 1) ? 0 : 1)});
            diagonal = above;
        }
    }
    return row[b.size()];
}

// " (did you mean \"image\"?)" for the closest known key within a few edits, else "".
QString didYouMean(const QString &key, const QSet<QString> &known)
{
    QString best;
    int bestDistance = std::max<int>(2, static_cast<int>(key.size()) / 3) + 1;
    for (const QString &k : known) {
        const int d = editDistance(key.toLower(), k);
        if (d < bestDistance || (d == bestDistance && !best.isEmpty() && k < best)) {
            bestDistance = d;
            best = k;
        }
    }
    return best.isEmpty() ? QString() : QStringLiteral(" (did you mean \"%1\"?)").arg(best);
}

[[noreturn]] void fail(const QString &file, const YamlNode &node, const QString &what)
{
    failAt(file, node.isDefined() ? node.mark() : YamlMark{}, what);
}

// A few keys (those one service sets): a list, since a hash table per service cost more than
// the linear look-ups over ten or twenty keys (140 000 services in a 50 MB file).
class KeySet
{
public:
    void insert(const QString &key)
    {
        if (!m_keys.contains(key)) {
            m_keys << key;
        }
    }
    bool contains(QLatin1StringView key) const { return m_keys.contains(key); }
    bool contains(const QString &key) const { return m_keys.contains(key); }
    template<typename Predicate>
    void removeIf(Predicate p)
    {
        m_keys.removeIf(p);
    }
    KeySet &operator+=(const KeySet &other)
    {
        for (const QString &key : other.m_keys) {
            insert(key);
        }
        return *this;
    }
    QStringList::const_iterator begin() const { return m_keys.cbegin(); }
    QStringList::const_iterator end() const { return m_keys.cend(); }

private:
    QStringList m_keys;
};

// What the loader keeps about a service beside the service itself, for merging and checks.
// FileModel stores these apart from the services, so that the services it builds become the
// project's without a copy (a large file's services are a large array).
struct ServiceExtras
{
    KeySet present;                           // keys this file sets
    QList<std::pair<QString, bool>> envFiles; // path, required
    bool buildArgsOnly = false;
    // Read for checks, not (yet) printed: the secrets and configs the service uses, each with
    // where it is written.
    QList<std::pair<QString, QString>> secretRefs; // name, file:line:col
    QList<std::pair<QString, QString>> configRefs;
    // extends: the base service, its file (empty: this file), where it is set. A mark, not a
    // YamlNode: assigning to a bound YamlNode would overwrite the document's node.
    QString extendsService;
    QString extendsFile;
    YamlMark extendsMark;
    KeySet resets; // keys tagged !reset or !override: the base's value is dropped first
    // Paths below a key tagged so ({"build", "args"}, {"healthcheck", "interval"}, …): the
    // base's value there is dropped first (resetPath).
    QList<QStringList> nestedResets;
    // Per depends_on entry, which of its keys the file wrote (DependencyKey bits): an override
    // merges an entry key by key. The short (list) form writes condition and required.
    QMap<QString, int> dependencyKeys;
};

// One service as one file (or extends) reads it.
struct ServiceParts : ServiceExtras
{
    ComposeService service;
};

enum DependencyKey { kCondition = 1, kRequired = 2, kRestart = 4 };

// Service keys kept as written (ComposeService::otherTexts, otherLists, otherNumbers).
constexpr std::string_view kOtherTexts[] = {"cgroup",      "cgroup_parent", "domainname",
                                            "ipc",         "isolation",     "mac_address",
                                            "pid",         "pull_policy",   "runtime",
                                            "userns_mode", "uts",         "cpuset"};
// Sizes Compose prints in bytes, as text ("1g" -> "1073741824"; -1 is unlimited).
constexpr std::string_view kByteSizes[] = {"mem_limit", "mem_reservation", "memswap_limit",
                                           "shm_size"};
// Maps of text, merged entry by entry (ComposeService::otherMaps).
constexpr std::string_view kOtherMaps[] = {"annotations", "storage_opt", "sysctls"};
constexpr std::string_view kOtherLists[] = {"device_cgroup_rules", "dns",          "dns_opt",
                                            "dns_search",          "external_links", "group_add",
                                            "security_opt",        "volumes_from"};
constexpr std::string_view kOtherNumbers[] = {"cpu_count",     "cpu_percent",    "cpu_period",
                                              "cpu_quota",     "cpu_rt_period", "cpu_rt_runtime",
                                              "cpu_shares",    "oom_score_adj", "pids_limit",
                                              "scale"};

template <std::size_t N>
bool isOneOf(std::string_view key, const std::string_view (&keys)[N])
{
    return std::find(std::begin(keys), std::end(keys), key) != std::end(keys);
}

// The service's plain text and yes/no keys, by name (null: not one of them).
QString *textKey(ComposeService &s, const QString &key)
{
    const std::pair<const char *, QString *> keys[] = {{"container_name", &s.containerName},
                                                       {"hostname", &s.hostname},
                                                       {"user", &s.user},
                                                       {"working_dir", &s.workingDir},
                                                       {"platform", &s.platform},
                                                       {"stop_signal", &s.stopSignal},
                                                       {"stop_grace_period", &s.stopGracePeriod}};
    for (const auto &[name, field] : keys) {
        if (key == QLatin1String(name)) {
            return field;
        }
    }
    return nullptr;
}

bool *flagKey(ComposeService &s, const QString &key)
{
    const std::pair<const char *, bool *> keys[] = {{"privileged", &s.privileged},
                                                    {"read_only", &s.readOnly},
                                                    {"stdin_open", &s.stdinOpen},
                                                    {"oom_kill_disable", &s.oomKillDisable},
                                                    {"tty", &s.tty}};
    for (const auto &[name, field] : keys) {
        if (key == QLatin1String(name)) {
            return field;
        }
    }
    return nullptr;
}

// Back to "not set" for one service key, as !reset and !override need before a merge.
void resetKey(ComposeService &s, ServiceExtras &parts, const QString &key)
{
    const ComposeService blank;
    if (key == QLatin1String("image")) {
        s.image = blank.image;
    } else if (key == QLatin1String("build")) {
        s.build.reset();
    } else if (key == QLatin1String("command")) {
        s.command.reset();
    } else if (key == QLatin1String("entrypoint")) {
        s.entrypoint.reset();
    } else if (key == QLatin1String("environment")) {
        s.environment.clear();
    } else if (key == QLatin1String("env_file")) {
        parts.envFiles.clear();
    } else if (key == QLatin1String("ports")) {
        s.ports.clear();
    } else if (key == QLatin1String("expose")) {
        s.expose.clear();
    } else if (key == QLatin1String("depends_on")) {
        s.dependsOn.clear();
        parts.dependencyKeys.clear();
    } else if (key == QLatin1String("healthcheck")) {
        s.healthcheck.reset();
    } else if (key == QLatin1String("volumes")) {
        s.volumes.clear();
    } else if (key == QLatin1String("networks")) {
        s.networks.clear();
        s.networkOptions.clear();
    } else if (key == QLatin1String("profiles")) {
        s.profiles.clear();
    } else if (key == QLatin1String("restart")) {
        s.restart.clear();
    } else if (QString *text = textKey(s, key)) {
        text->clear();
    } else if (bool *flag = flagKey(s, key)) {
        *flag = false;
    } else if (key == QLatin1String("init")) {
        s.init.reset();
    } else if (key == QLatin1String("attach")) {
        s.attach.reset();
    } else if (key == QLatin1String("cap_add")) {
        s.capAdd.clear();
    } else if (key == QLatin1String("cap_drop")) {
        s.capDrop.clear();
    } else if (key == QLatin1String("extra_hosts")) {
        s.extraHosts.clear();
    } else if (key == QLatin1String("network_mode")) {
        s.networkMode.clear();
    } else if (key == QLatin1String("links")) {
        s.links.clear();
    } else if (key == QLatin1String("labels")) {
        s.labels.clear();
    } else if (key == QLatin1String("deploy")) {
        s.replicas.reset();
        s.deploy.reset();
    } else if (key == QLatin1String("tmpfs")) {
        s.tmpfs.clear();
    } else if (key == QLatin1String("develop")) {
        s.watch.clear();
    } else if (key == QLatin1String("cpus")) {
        s.cpus.reset();
    } else if (key == QLatin1String("ulimits")) {
        s.ulimits = {};
    } else if (key == QLatin1String("devices")) {
        s.devices.clear();
    } else if (key == QLatin1String("logging")) {
        s.logging.reset();
    } else if (s.otherTexts.remove(key) + s.otherLists.remove(key) + s.otherNumbers.remove(key)
                   + s.otherMaps.remove(key) + s.otherObjects.remove(key)
               > 0) {
        // one of the keys kept as written
    } else if (key == QLatin1String("secrets")) {
        parts.secretRefs.clear();
        s.secrets.clear();
    } else if (key == QLatin1String("configs")) {
        parts.configRefs.clear();
        s.configs.clear();
    } else if (key.startsWith(QLatin1String("x-"))) {
        s.extensions.remove(key);
    }
    const QString prefix = key + QLatin1Char('.');
    parts.present.removeIf([&](const QString &k) { return k == key || k.startsWith(prefix); });
}

// A JSON value's entry at `path` removed (nothing when it is not there).
void removeJsonPath(QJsonObject &o, const QStringList &path)
{
    if (path.isEmpty() || !o.contains(path.first())) {
        return;
    }
    if (path.size() == 1) {
        o.remove(path.first());
        return;
    }
    QJsonObject inner = o.value(path.first()).toObject();
    removeJsonPath(inner, path.mid(1));
    o.insert(path.first(), inner);
}

// Back to "not set" for a path below a service key, as a nested !reset or !override needs
// before a merge. Returns false for a path DevDock cannot reset yet (then nothing changes; with
// `apply` false only that is checked).
bool resetPath(ComposeService &s, ServiceExtras &parts, const QStringList &p, bool apply)
{
    const QString &k = p.at(0);
    const QString &sub = p.at(1);
    // A sequence item tagged so is only dropped from the override's list (the tree has done
    // that); the base's list keeps all of its items, as in Compose.
    bool index = !p.last().isEmpty();
    for (const QChar c : p.last()) {
        index = index && c.isDigit();
    }
    if (index) {
        return true;
    }
    const auto is = [](const QString &a, std::initializer_list<const char *> names) {
        return std::any_of(names.begin(), names.end(),
                           [&](const char *n) { return a == QLatin1String(n); });
    };
    if (k == u"build") {
        if (p.size() == 3 && is(sub, {"args", "labels", "additional_contexts"})) {
            if (apply && s.build) {
                (sub == u"args" ? s.build->args
                 : sub == u"labels" ? s.build->labels
                                    : s.build->additionalContexts)
                    .remove(p.at(2));
            }
            return true;
        }
        if (p.size() != 2 || sub == u"context" || sub == u"dockerfile") {
            return false;
        }
        if (!is(sub, {"args", "labels", "additional_contexts", "platforms", "secrets",
                      "cache_from", "cache_to", "tags", "extra_hosts", "ssh", "target",
                      "network", "isolation", "shm_size", "dockerfile_inline", "no_cache",
                      "pull", "privileged"})) {
            return false;
        }
        if (apply && s.build) {
            ComposeBuild &b = *s.build;
            for (auto [name, map] : {std::pair{"args", &b.args}, std::pair{"labels", &b.labels},
                                     std::pair{"additional_contexts", &b.additionalContexts}}) {
                if (sub == QLatin1String(name)) {
                    map->clear();
                }
            }
            for (auto [name, list] :
                 {std::pair{"platforms", &b.platforms}, std::pair{"cache_from", &b.cacheFrom},
                  std::pair{"cache_to", &b.cacheTo}, std::pair{"tags", &b.tags},
                  std::pair{"extra_hosts", &b.extraHosts}, std::pair{"ssh", &b.ssh}}) {
                if (sub == QLatin1String(name)) {
                    list->clear();
                }
            }
            for (auto [name, text] :
                 {std::pair{"target", &b.target}, std::pair{"network", &b.network},
                  std::pair{"isolation", &b.isolation}, std::pair{"shm_size", &b.shmSize},
                  std::pair{"dockerfile_inline", &b.dockerfileInline}}) {
                if (sub == QLatin1String(name)) {
                    text->clear();
                }
            }
            for (auto [name, flag] : {std::pair{"no_cache", &b.noCache},
                                      std::pair{"pull", &b.pull},
                                      std::pair{"privileged", &b.privileged}}) {
                if (sub == QLatin1String(name)) {
                    *flag = false;
                }
            }
            if (sub == u"secrets") {
                b.secrets.clear();
                b.secretSources.clear();
            }
        }
        return true;
    }
    if (k == u"healthcheck") {
        if (p.size() != 2 || !is(sub, {"test", "interval", "timeout", "start_period",
                                       "start_interval", "retries", "disable"})) {
            return false;
        }
        if (apply && s.healthcheck) {
            ComposeHealthcheck &h = *s.healthcheck;
            if (sub == u"test") {
                h.test.clear();
            } else if (sub == u"interval") {
                h.interval.clear();
            } else if (sub == u"timeout") {
                h.timeout.clear();
            } else if (sub == u"start_period") {
                h.startPeriod.clear();
            } else if (sub == u"start_interval") {
                h.startInterval.clear();
            } else if (sub == u"retries") {
                h.retries.reset();
            } else {
                h.disable = false;
            }
        }
        return true;
    }
    if (k == u"deploy") {
        if (apply) {
            if (p.size() == 2 && sub == u"replicas") {
                s.replicas.reset();
            } else if (s.deploy) {
                removeJsonPath(*s.deploy, p.mid(1));
            }
        }
        return true;
    }
    if (k == u"networks") {
        if (apply && s.networks.contains(sub)) {
            if (p.size() == 2) {
                s.networks.remove(sub);
                s.networkOptions.remove(sub);
            } else if (p.at(2) == u"aliases") {
                s.networks[sub].clear();
            } else if (s.networkOptions.contains(sub)) {
                removeJsonPath(s.networkOptions[sub], p.mid(2));
            }
        }
        return true;
    }
    if (p.size() != 2) {
        if (k == u"logging" && p.size() == 3 && sub == u"options") {
            if (apply && s.logging) {
                s.logging->second.remove(p.at(2));
            }
            return true;
        }
        return false;
    }
    if (!apply) {
        return is(k, {"environment", "labels", "depends_on", "logging", "ulimits", "sysctls",
                      "annotations", "storage_opt", "extra_hosts"});
    }
    if (k == u"extra_hosts") { // the map form: host: address
        s.extraHosts.removeIf(
            [&](const QString &entry) { return entry.section(QLatin1Char('='), 0, 0) == sub; });
    } else if (k == u"environment") {
        s.environment.remove(sub);
    } else if (k == u"labels") {
        s.labels.remove(sub);
    } else if (k == u"depends_on") {
        s.dependsOn.remove(sub);
        parts.dependencyKeys.remove(sub);
    } else if (k == u"logging") {
        if (s.logging) {
            if (sub == u"options") {
                s.logging->second.clear();
            } else if (sub == u"driver") {
                s.logging->first.clear();
            }
        }
    } else if (k == u"ulimits") {
        s.ulimits.remove(sub);
    } else if (s.otherMaps.contains(k)) {
        s.otherMaps[k].remove(sub);
    } else {
        return false;
    }
    return true;
}

QString position(const QString &file, const YamlNode &node);

class Loader
{
public:
    // missing: where tolerated missing required variables go (null: they are errors)
    Loader(const ComposeLoadOptions &options, VariableLookup lookup, QString projectDir,
           QList<ComposeMissingVariable> *missing)
        : m_options(options)
        , m_lookup(std::move(lookup))
        , m_dir(std::move(projectDir))
        , m_missing(missing)
    {}

    QString file;
    // The current file's nested merge tags, by service: paths below the service (mergeTagsOf).
    QHash<QString, QList<std::pair<QStringList, YamlMark>>> nestedTags;

    // A value as Compose reads it into text: a plain scalar typed as go-yaml types it and printed
    // back as Go prints it (0755 -> "493", 1.50 -> "1.5", TRUE -> "true"), then interpolated.
    QString scalar(const YamlNode &node)
    {
        if (!node.isScalar()) {
            fail(file, node, QStringLiteral("expected a single value"));
        }
        if (!node.isQuoted() && node.tag().empty()) {
            const YamlScalar typed = resolvePlainScalar(node.text());
            if (typed.type == YamlScalar::Type::NotFinite) {
                fail(file, node,
                     QStringLiteral("%1 is not a number Compose can check; quote it (\"%1\") "
                                    "if it is text")
                         .arg(typed.printed));
            }
            if (typed.type != YamlScalar::Type::String) {
                return typed.printed; // a number, boolean or time has no ${...} to interpolate
            }
        }
        return interpolated(node);
    }

    // A key whose value Compose's schema types as a string: a plain number, boolean or time is
    // refused as Compose refuses it ("services.app.user must be a string"). `path`: where the
    // value is below the service key ("interval", "test.1"), for the message.
    QString text(const YamlNode &node, const QString &path = {})
    {
        if (node.isScalar() && !node.isQuoted() && node.tag().empty()) {
            const YamlScalar typed = resolvePlainScalar(node.text());
            if (typed.type != YamlScalar::Type::String) {
                static const QString kinds[] = {QString(), QStringLiteral("boolean"),
                                                QStringLiteral("number"), QStringLiteral("number"),
                                                QStringLiteral("time"), QStringLiteral("number")};
                failAt(file, node.mark(),
                       QStringLiteral("must be a string, not the %1 %2; quote it (\"%3\") to "
                                      "keep it as written")
                           .arg(kinds[int(typed.type)], typed.printed, node.qtext()),
                       path);
            }
        }
        if (!node.isScalar()) {
            failAt(file, node.mark(), QStringLiteral("expected a single value"), path);
        }
        return interpolated(node);
    }

    // Every item a string (text()): a list, or a single value where Compose takes one.
    QStringList textList(const YamlNode &node, const QString &path = {})
    {
        if (node.isScalar()) {
            return {text(node, path)};
        }
        if (!node.isSequence()) {
            failAt(file, node.mark(), QStringLiteral("expected a list"), path);
        }
        QStringList list;
        list.reserve(qsizetype(node.size()));
        for (const auto &item : node) {
            const QString index = QString::number(list.size());
            list << text(item, path.isEmpty() ? index : path + QLatin1Char('.') + index);
        }
        return list;
    }

    QString interpolated(const YamlNode &node)
    {
        const QString raw = node.qtext();
        if (node.text().find('$') == std::string_view::npos) {
            return raw; // nothing to interpolate: most values of a large file
        }
        auto value = interpolate(raw, m_lookup);
        if (!value && m_missing) {
            value = interpolateTolerating(raw, node);
        }
        if (!value) {
            fail(file, node, value.error().message);
        }
        return *value;
    }

    // For a load that tolerates missing required variables (to show a project before its
    // secrets exist): each ${NAME:?message} without a value is recorded, with its position, and
    // stands in the value as "<NAME unset>"; other errors stay errors.
    Result<QString> interpolateTolerating(const QString &raw, const YamlNode &node)
    {
        // interpolate() words it "Required variable NAME is missing a value: MESSAGE".
        static const QRegularExpression required(
            QStringLiteral("^Required variable (\\S+) is missing a value: (.*)$"),
            QRegularExpression::DotMatchesEverythingOption);
        QHash<QString, QString> placeholders;
        while (true) {
            auto value = interpolate(raw, [&](const QString &name) -> std::optional<QString> {
                const auto it = placeholders.constFind(name);
                return it != placeholders.cend() ? std::optional<QString>(*it) : m_lookup(name);
            });
            if (value) {
                return value;
            }
            const auto m = required.match(value.error().message);
            if (!m.hasMatch() || placeholders.contains(m.captured(1))) {
                return value;
            }
            const QString name = m.captured(1);
            placeholders.insert(name, QStringLiteral("<%1 unset>").arg(name));
            const ComposeMissingVariable missing{name, file, node.mark().line + 1,
                                                 node.mark().column + 1, m.captured(2)};
            if (!m_missing->contains(missing)) {
                m_missing->append(missing);
            }
        }
    }

    QList<ComposeMissingVariable> *missingSink() const { return m_missing; }

    QStringList stringList(const YamlNode &node)
    {
        QStringList list;
        if (node.isScalar()) {
            list << scalar(node);
            return list;
        }
        if (!node.isSequence()) {
            fail(file, node, QStringLiteral("expected a list"));
        }
        list.reserve(qsizetype(node.size()));
        for (const auto &item : node) {
            list << scalar(item);
        }
        return list;
    }

    // "a b 'c d'" -> {a, b, c d}, as Compose splits command strings (shell words).
    QStringList shellSplit(const YamlNode &node, const QString &text)
    {
        QStringList words;
        QString current;
        bool inWord = false;
        QChar quote;
        for (qsizetype i = 0; i < text.size(); ++i) {
            const QChar c = text.at(i);
            if (!quote.isNull()) {
                if (c == quote) {
                    quote = QChar();
                } else if (c == QLatin1Char('\\') && quote == QLatin1Char('"')
                           && i + 1 < text.size()) {
                    current += text.at(++i);
                } else {
                    current += c;
                }
                continue;
            }
            if (c == QLatin1Char('\'') || c == QLatin1Char('"')) {
                quote = c;
                inWord = true;
            } else if (c == QLatin1Char('\\') && i + 1 < text.size()) {
                current += text.at(++i);
                inWord = true;
            } else if (c.isSpace()) {
                if (inWord) {
                    words << current;
                    current.clear();
                    inWord = false;
                }
            } else {
                current += c;
                inWord = true;
            }
        }
        if (!quote.isNull()) {
            fail(file, node, QStringLiteral("unterminated quote in \"%1\"").arg(text));
        }
        if (inWord) {
            words << current;
        }
        return words;
    }

    QStringList commandList(const YamlNode &node)
    {
        if (node.isNull()) {
            return {};
        }
        if (node.isScalar()) {
            return shellSplit(node, text(node));
        }
        return textList(node);
    }

    QMap<QString, std::optional<QString>> keyValues(const YamlNode &node, bool listAllowsBare)
    {
        QMap<QString, std::optional<QString>> map;
        if (node.isMap()) {
            for (const auto &kv : node) {
                const QString key = kv.first.qtext();
                if (kv.second.isNull()) {
                    map.insert(key, std::nullopt);
                } else {
                    map.insert(key, scalar(kv.second));
                }
            }
        } else if (node.isSequence()) {
            for (const auto &item : node) {
                const QString entry = scalar(item);
                const qsizetype eq = entry.indexOf(QLatin1Char('='));
                if (eq < 0) {
                    if (!listAllowsBare) {
                        fail(file, item,
                             QStringLiteral("expected KEY=VALUE, got \"%1\"").arg(entry));
                    }
                    map.insert(entry, std::nullopt);
                } else {
                    map.insert(entry.left(eq), entry.mid(eq + 1));
                }
            }
        } else if (!node.isNull()) {
            fail(file, node, QStringLiteral("expected a map or a list of KEY=VALUE"));
        }
        return map;
    }

    // A map of text: a map, or a list of "key=value" (a key without a value maps to "").
    QMap<QString, QString> textMap(const YamlNode &node)
    {
        QMap<QString, QString> map;
        const auto entries = keyValues(node, true);
        for (auto it = entries.begin(); it != entries.end(); ++it) {
            map.insert(it.key(), it.value().value_or(QString()));
        }
        return map;
    }

    // textMap() as a JSON object (deploy labels, device options, network driver_opts).
    QJsonObject jsonTextMap(const YamlNode &node)
    {
        QJsonObject o;
        const QMap<QString, QString> map = textMap(node);
        for (auto it = map.begin(); it != map.end(); ++it) {
            o.insert(it.key(), it.value());
        }
        return o;
    }

    // One entry of a service's secrets: or configs: as Compose prints it: a secret's target
    // defaults to /run/secrets/SOURCE (a written one is kept as written); uid and gid are text;
    // mode a number (written octal, 0440 is 288).
    QJsonObject fileMount(bool secret, const YamlNode &item, const QString &source)
    {
        QJsonObject o{{QStringLiteral("source"), source}};
        QString target;
        if (item.isMap()) {
            for (const auto &kv : item) {
                const std::string_view k = kv.first.text();
                if (k == "target") {
                    target = text(kv.second);
                } else if (k == "uid" || k == "gid") {
                    o.insert(kv.first.qtext(), scalar(kv.second));
                } else if (k == "mode") {
                    bool ok = false;
                    const qint64 mode = kv.second.isQuoted()
                                            ? scalar(kv.second).toLongLong(&ok, 8)
                                            : scalar(kv.second).toLongLong(&ok);
                    if (!ok) {
                        fail(file, kv.second, QStringLiteral("mode must be a number, like 0440"));
                    }
                    o.insert(QStringLiteral("mode"), mode);
                }
            }
        }
        if (secret && target.isEmpty()) {
            target = QStringLiteral("/run/secrets/") + source;
        }
        if (!target.isEmpty()) {
            o.insert(QStringLiteral("target"), target);
        }
        return o;
    }

    // A top-level secret or config as Compose prints it (its name aside, as for networks).
    QJsonObject fileDefinition(const YamlNode &node)
    {
        QJsonObject o;
        if (node.isNull()) {
            return o;
        }
        if (!node.isMap()) {
            fail(file, node, QStringLiteral("expected a map"));
        }
        for (const auto &kv : node) {
            const std::string_view k = kv.first.text();
            const QString key = kv.first.qtext();
            if (k == "file") {
                o.insert(key, absolute(text(kv.second)));
            } else if (k == "name" || k == "environment" || k == "content") {
                o.insert(key, text(kv.second));
            } else if (k == "external") {
                if (kv.second.asBool(false)) {
                    o.insert(key, true);
                }
            }
        }
        return o;
    }

    // A top-level network or volume as Compose prints it, but for its name when none is
    // written (the project's name is known only when every file is read).
    QJsonObject resourceDefinition(bool network, const YamlNode &node)
    {
        QJsonObject o;
        if (node.isNull()) {
            return o;
        }
        if (!node.isMap()) {
            fail(file, node, QStringLiteral("expected a map"));
        }
        const auto textMap = [&](const YamlNode &map) {
            QJsonObject m;
            const auto values = keyValues(map, true);
            for (auto it = values.begin(); it != values.end(); ++it) {
                m.insert(it.key(), it.value().value_or(QString()));
            }
            return m;
        };
        for (const auto &kv : node) {
            const std::string_view k = kv.first.text();
            const QString key = kv.first.qtext();
            const YamlNode &v = kv.second;
            if (k == "name" || k == "driver") {
                o.insert(key, text(v));
            } else if (k == "driver_opts" || k == "labels") {
                o.insert(key, textMap(v));
            } else if (k == "external") {
                // `external: true`, or the old `external: {name: …}`.
                if (v.isMap()) {
                    o.insert(key, true);
                    if (v["name"]) {
                        o.insert(QStringLiteral("name"), text(v["name"]));
                    }
                } else if (v.asBool(false)) {
                    o.insert(key, true);
                }
            } else if (network && (k == "internal" || k == "attachable")) {
                if (v.asBool(false)) {
                    o.insert(key, true);
                }
            } else if (network && (k == "enable_ipv6" || k == "enable_ipv4")) {
                o.insert(key, v.asBool(false));
            } else if (network && k == "ipam") {
                QJsonObject ipam;
                if (v["driver"]) {
                    ipam.insert(QStringLiteral("driver"), text(v["driver"]));
                }
                if (const YamlNode config = v["config"]; config && config.isSequence()) {
                    QJsonArray pools;
                    for (const auto &pool : config) {
                        QJsonObject p;
                        for (const auto &pkv : pool) {
                            p.insert(pkv.first.qtext(), pkv.first.text() == "aux_addresses"
                                                             ? QJsonValue(textMap(pkv.second))
                                                             : QJsonValue(text(pkv.second)));
                        }
                        pools.append(p);
                    }
                    ipam.insert(QStringLiteral("config"), pools);
                }
                // ipam.options: accepted and dropped, as Compose does (its model has no field).
                o.insert(key, ipam);
            }
        }
        return o;
    }

    QString absolute(const QString &path) const
    {
        if (path.startsWith(QStringLiteral("~/")) || path == QLatin1String("~")) {
            return QDir::cleanPath(
                m_options.environment.value(QStringLiteral("HOME"), QDir::homePath())
                + path.mid(1));
        }
        // What QDir(m_dir).absoluteFilePath() gives, without a QDir per bind mount ("./" is
        // dropped first: cleanPath would, and most relative paths start with it).
        if (QDir::isAbsolutePath(path)) {
            return cleanPath(path);
        }
        QStringView relative = path;
        while (relative.startsWith(QLatin1String("./"))) {
            relative = relative.sliced(2);
        }
        return cleanPath(m_dir + QLatin1Char('/') + relative);
    }

    // A build context as Compose resolves it: a remote one (a git URL, github.com/…, git@…, or
    // any scheme:// such as docker-image://) is kept as written, for the builder to fetch; a
    // path is made absolute.
    QString buildContext(const QString &context) const
    {
        if (context.contains(QLatin1String("://")) || context.startsWith(QLatin1String("git@"))
            || context.startsWith(QLatin1String("github.com/"))) {
            return context;
        }
        return absolute(context);
    }

    // A Go duration's nanoseconds ("1m30s", "1.5h", "500ms"): number-unit parts, nothing else.
    // By hand rather than with a regular expression: every health check of a large file has
    // two or three of them.
    static std::optional<double> goDurationNanos(QStringView text)
    {
        double ns = 0;
        qsizetype i = 0;
        const auto digits = [&] {
            const qsizetype from = i;
            while (i < text.size() && text[i] >= QLatin1Char('0') && text[i] <= QLatin1Char('9')) {
                ++i;
            }
            return i > from;
        };
        while (i < text.size()) {
            const qsizetype from = i;
            if (!digits()) {
                return std::nullopt;
            }
            if (i < text.size() && text[i] == QLatin1Char('.')) {
                ++i;
                if (!digits()) {
                    return std::nullopt;
                }
            }
            // Whole numbers (nearly all of them) without toDouble()'s locale machinery.
            double n = 0;
            const QStringView number = text.sliced(from, i - from);
            if (number.contains(QLatin1Char('.'))) {
                n = number.toDouble();
            } else {
                for (const QChar d : number) {
                    n = n * 10 + (d.unicode() - '0');
                }
            }
            const QChar u = i < text.size() ? text[i] : QChar();
            const bool secondsNext = i + 1 < text.size() && text[i + 1] == QLatin1Char('s');
            double unit = 0;
            if ((u == QLatin1Char('n') || u == QLatin1Char('u') || u == QChar(0xb5)
                 || u == QLatin1Char('m'))
                && secondsNext) {
                unit = u == QLatin1Char('n') ? 1 : u == QLatin1Char('m') ? 1e6 : 1e3;
                i += 2;
            } else if (u == QLatin1Char('s') || u == QLatin1Char('m') || u == QLatin1Char('h')) {
                unit = u == QLatin1Char('s') ? 1e9 : u == QLatin1Char('m') ? 60e9 : 3600e9;
                ++i;
            } else {
                return std::nullopt;
            }
            ns += n * unit;
        }
        if (text.isEmpty()) {
            return std::nullopt;
        }
        return ns;
    }

    // `ns`: goDurationNanos(text), read once by the caller.
    static QString goDuration(const QString &text, std::optional<double> ns)
    {
        // Compose prints durations the way Go's time.Duration does ("90s" -> "1m30s").
        if (!ns) {
            return text;
        }
        const qint64 total = static_cast<qint64>(*ns);
        if (total == 0) {
            return QStringLiteral("0s");
        }
        if (total < 1000000000LL) {
            if (total % 1000000 == 0) {
                return QString::number(total / 1000000) + QStringLiteral("ms");
            }
            if (total % 1000 == 0) {
                return QString::number(total / 1000) + QStringLiteral("µs");
            }
            return QString::number(total) + QStringLiteral("ns");
        }
        const qint64 hours = total / 3600000000000LL;
        const qint64 minutes = (total / 60000000000LL) % 60;
        const qint64 nanos = total % 60000000000LL;
        QString seconds = QString::number(nanos / 1000000000LL);
        if (nanos % 1000000000LL) {
            QString frac =
                QString::number(nanos % 1000000000LL).rightJustified(9, QLatin1Char('0'));
            while (frac.endsWith(QLatin1Char('0'))) {
                frac.chop(1);
            }
            seconds += QLatin1Char('.') + frac;
        }
        QString out;
        if (hours) {
            out += QString::number(hours) + QLatin1Char('h');
        }
        if (hours || minutes) {
            out += QString::number(minutes) + QLatin1Char('m');
        }
        return out + seconds + QLatin1Char('s');
    }

    // A Go duration ("1m30s", "500ms"), in Compose's printed form. `key`: its name below the
    // service key (empty: the service key itself).
    QString duration(const YamlNode &node, const QString &key)
    {
        const QString text = this->text(node, key);
        const std::optional<double> ns = goDurationNanos(text);
        const QString printed = goDuration(text, ns);
        if (text != QLatin1String("0") && !ns) {
            fail(file, node,
                 (key.isEmpty() ? QString() : key + QStringLiteral(": "))
                     + QStringLiteral("\"%1\" is not a duration (use e.g. 30s, 1m30s or 500ms)")
                           .arg(text));
        }
        return printed;
    }

    QList<ComposePort> ports(const YamlNode &node)
    {
        QList<ComposePort> list;
        if (!node.isSequence()) {
            fail(file, node, QStringLiteral("ports must be a list"));
        }
        for (const auto &item : node) {
            if (item.isMap()) {
                checkKeys(item,
                          {"target", "published", "protocol", "host_ip", "mode", "name",
                           "app_protocol"},
                          QString::number(list.size()));
                ComposePort p;
                if (item["target"]) {
                    p.target = scalar(item["target"]).toInt();
                }
                if (item["published"]) {
                    p.published = scalar(item["published"]);
                }
                if (item["protocol"]) {
                    p.protocol = scalar(item["protocol"]);
                }
                if (item["host_ip"]) {
                    p.hostIp = scalar(item["host_ip"]);
                }
                if (item["mode"]) {
                    p.mode = scalar(item["mode"]);
                }
                if (item["name"]) {
                    p.name = text(item["name"], QStringLiteral("name"));
                }
                if (item["app_protocol"]) {
                    p.appProtocol = text(item["app_protocol"], QStringLiteral("app_protocol"));
                }
                if (p.target <= 0) {
                    fail(file, item, QStringLiteral("a port needs a target"));
                }
                list << p;
                continue;
            }
            list << shortPorts(item, scalar(item));
        }
        return list;
    }

    QList<ComposePort> shortPorts(const YamlNode &node, QString spec)
    {
        QString protocol = QStringLiteral("tcp");
        if (const qsizetype slash = spec.lastIndexOf(QLatin1Char('/')); slash >= 0) {
            protocol = spec.mid(slash + 1);
            spec = spec.left(slash);
        }
        QString hostIp;
        if (spec.startsWith(QLatin1Char('['))) {
            const qsizetype close = spec.indexOf(QLatin1Char(']'));
            if (close < 0) {
                fail(file, node, QStringLiteral("invalid IPv6 address in port \"%1\"").arg(spec));
            }
            hostIp = spec.mid(1, close - 1);
            spec = spec.mid(close + 2);
        }
        // Views, not copies: every service of a large file has ports.
        QList<QStringView> parts = QStringView(spec).split(QLatin1Char(':'));
        if (parts.size() == 3) {
            hostIp = parts.takeFirst().toString();
        } else if (parts.size() > 3) {
            fail(file, node, QStringLiteral("invalid port \"%1\"").arg(spec));
        }
        auto range = [&](QStringView text, int &from, int &to) {
            bool ok1 = false;
            bool ok2 = true;
            const qsizetype dash = text.indexOf(QLatin1Char('-'));
            const QStringView second = dash < 0 ? QStringView() : text.sliced(dash + 1);
            from = (dash < 0 ? text : text.first(dash)).toInt(&ok1);
            to = dash < 0 ? from : second.toInt(&ok2);
            if (!ok1 || !ok2 || second.contains(QLatin1Char('-')) || to < from || from <= 0
                || to > 65535) {
                fail(file, node, QStringLiteral("invalid port or range \"%1\"").arg(text));
            }
        };
        int targetFrom = 0;
        int targetTo = 0;
        range(parts.last(), targetFrom, targetTo);
        int pubFrom = 0;
        int pubTo = 0;
        const bool published = parts.size() >= 2 && !parts.at(parts.size() - 2).isEmpty();
        if (published) {
            range(parts.at(parts.size() - 2), pubFrom, pubTo);
        }
        QList<ComposePort> list;
        for (int t = targetFrom; t <= targetTo; ++t) {
            ComposePort p;
            p.target = t;
            p.protocol = protocol;
            p.hostIp = hostIp;
            if (published) {
                const int n = t - targetFrom;
                if (pubTo - pubFrom == targetTo - targetFrom) {
                    p.published = QString::number(pubFrom + n);
                } else if (targetFrom == targetTo) {
                    p.published = pubFrom == pubTo
                                      ? QString::number(pubFrom)
                                      : QStringLiteral("%1-%2").arg(pubFrom).arg(pubTo);
                } else {
                    fail(file, node, QStringLiteral("port ranges of different sizes"));
                }
            }
            list << p;
        }
        return list;
    }

    QList<ComposeVolumeMount> volumes(const YamlNode &node)
    {
        QList<ComposeVolumeMount> list;
        if (!node.isSequence()) {
            fail(file, node, QStringLiteral("volumes must be a list"));
        }
        for (const auto &item : node) {
            ComposeVolumeMount v;
            if (item.isMap()) {
                v.type = item["type"] ? scalar(item["type"]) : QStringLiteral("volume");
                if (item["source"]) {
                    v.source = scalar(item["source"]);
                }
                if (item["target"]) {
                    v.target = scalar(item["target"]);
                }
                if (item["read_only"]) {
                    v.readOnly = item["read_only"].asBool(false);
                }
                if (item["consistency"]) {
                    v.consistency = text(item["consistency"]);
                }
                if (auto options = mountOptions(v.type, item, list.size())) {
                    v.options.insert(v.type, *options);
                }
            } else {
                const QString spec = scalar(item);
                const QList<QStringView> parts = QStringView(spec).split(QLatin1Char(':'));
                if (parts.size() > 3) {
                    fail(file, item,
                         QStringLiteral("invalid volume \"%1\": too many colons (use "
                                        "SOURCE:TARGET[:MODE])")
                             .arg(spec));
                }
                if (parts.size() == 1) {
                    v.type = QStringLiteral("volume");
                    v.target = spec;
                    v.options = shortMountOptions(false);
                } else {
                    v.source = parts.at(0).toString();
                    v.target = parts.at(1).toString();
                    const bool path = v.source.startsWith(QLatin1Char('.'))
                                      || v.source.startsWith(QLatin1Char('/'))
                                      || v.source.startsWith(QLatin1Char('~'));
                    v.type = path ? QStringLiteral("bind") : QStringLiteral("volume");
                    v.options = shortMountOptions(path);
                    if (parts.size() > 2) {
                        for (const QStringView mode : parts.at(2).split(QLatin1Char(','))) {
                            shortMountMode(v, mode);
                        }
                    }
                }
            }
            // Compose resolves a relative bind source (cleaned) but keeps an absolute one as
            // written: "/proc/" stays "/proc/".
            if (v.type == QLatin1String("bind") && !v.source.isEmpty()
                && !QDir::isAbsolutePath(v.source)) {
                v.source = absolute(v.source);
            }
            // Compose cleans container paths: "/app/src/" is "/app/src".
            if (v.target.startsWith(QLatin1Char('/'))) {
                v.target = cleanPath(v.target);
            }
            if (v.target.isEmpty()) {
                fail(file, item, QStringLiteral("a volume needs a target"));
            }
            list << v;
        }
        return list;
    }

    // A whole number as Compose reads one: a plain number or a numeric string, within
    // [min, max]. `path`: where the value is below the service key ("retries", "nofile.soft"),
    // for the message.
    qint64 wholeNumber(const YamlNode &node, const QString &path = {},
                       qint64 min = std::numeric_limits<qint64>::min(),
                       qint64 max = std::numeric_limits<qint64>::max())
    {
        bool ok = false;
        const QString written = node.isScalar() ? scalar(node) : QString();
        const qint64 n = written.toLongLong(&ok);
        if (!ok) {
            failAt(file, node.mark(),
                   node.isScalar()
                       ? QStringLiteral("must be a whole number, not \"%1\"").arg(written)
                       : QStringLiteral("must be a whole number, not a list or map"),
                   path);
        }
        if (n < min || n > max) {
            failAt(file, node.mark(),
                   max == std::numeric_limits<qint64>::max()
                       ? QStringLiteral("must be at least %1, not %2").arg(min).arg(n)
                       : QStringLiteral("must be from %1 to %2, not %3").arg(min).arg(max).arg(n),
                   path);
        }
        return n;
    }

    // A number of CPUs ("1.5"), as cpus: and deploy's resources take it.
    double cpuCount(const YamlNode &node, const QString &path = {})
    {
        bool ok = false;
        const double n = node.isScalar() ? scalar(node).toDouble(&ok) : 0;
        if (!ok) {
            failAt(file, node.mark(), QStringLiteral("must be a number of CPUs, like 1.5"), path);
        }
        return n;
    }

    // What Compose prints for a short volume before its modes: a bind creates its source when
    // missing, a volume has options, none set. Shared (every service of a large file has one).
    static const QMap<QString, QJsonObject> &shortMountOptions(bool bind)
    {
        static const QMap<QString, QJsonObject> binds{
            {QStringLiteral("bind"), QJsonObject{{QStringLiteral("create_host_path"), true}}}};
        static const QMap<QString, QJsonObject> volumes{{QStringLiteral("volume"), {}}};
        return bind ? binds : volumes;
    }

    // One mode of a short volume ("ro", "z", "rshared", "nocopy", …) as Compose reads it;
    // consistency modes (cached, delegated, consistent) are dropped, as Compose drops them.
    static void shortMountMode(ComposeVolumeMount &v, QStringView mode)
    {
        static const QStringList propagations{
            QStringLiteral("shared"),  QStringLiteral("rshared"), QStringLiteral("slave"),
            QStringLiteral("rslave"),  QStringLiteral("private"), QStringLiteral("rprivate")};
        if (mode == QLatin1String("ro")) {
            v.readOnly = true;
        } else if (mode == QLatin1String("rw")) {
            v.readOnly = false;
        } else if (mode == QLatin1String("z") || mode == QLatin1String("Z")) {
            v.options[QStringLiteral("bind")].insert(QStringLiteral("selinux"), mode.toString());
        } else if (v.type == QLatin1String("bind") && propagations.contains(mode)) {
            v.options[v.type].insert(QStringLiteral("propagation"), mode.toString());
        } else if (v.type == QLatin1String("volume") && mode == QLatin1String("nocopy")) {
            v.options[v.type].insert(QStringLiteral("nocopy"), true);
        }
    }

    // true or false, as Compose reads a flag (a YAML boolean, or text Go's ParseBool takes).
    bool boolean(const YamlNode &node, const QString &path)
    {
        static const QStringList yes{QStringLiteral("1"), QStringLiteral("t"), QStringLiteral("T"),
                                     QStringLiteral("true"), QStringLiteral("TRUE"),
                                     QStringLiteral("True")};
        static const QStringList no{QStringLiteral("0"), QStringLiteral("f"), QStringLiteral("F"),
                                    QStringLiteral("false"), QStringLiteral("FALSE"),
                                    QStringLiteral("False")};
        const QString value = node.isScalar() ? scalar(node) : QString();
        if (yes.contains(value)) {
            return true;
        }
        if (!no.contains(value)) {
            failAt(file, node.mark(),
                   QStringLiteral("must be true or false, not \"%1\"").arg(value), path);
        }
        return false;
    }

    // The options of the long-form volume number `index` for its type, as Compose prints them
    // (a false flag and an empty text are left out; a written map is printed, even empty).
    std::optional<QJsonObject> mountOptions(const QString &type, const YamlNode &item,
                                            qsizetype index)
    {
        const YamlNode node = item[type.toStdString()];
        if (!node || node.isNull()) {
            return std::nullopt;
        }
        const QString at = QString::number(index) + QLatin1Char('.') + type;
        if (!node.isMap()) {
            failAt(file, node.mark(), QStringLiteral("must be a map of options"), at);
        }
        QJsonObject options;
        for (const auto &kv : node) {
            const std::string_view k = kv.first.text();
            const QString name = kv.first.qtext();
            if ((type == QLatin1String("bind") && k == "create_host_path")
                || (type == QLatin1String("volume") && k == "nocopy")) {
                if (boolean(kv.second, at + QLatin1Char('.') + name)) {
                    options.insert(name, true);
                }
            } else if ((type == QLatin1String("bind") && (k == "propagation" || k == "selinux"))
                       || (type == QLatin1String("volume") && k == "subpath")) {
                if (const QString value = text(kv.second); !value.isEmpty()) {
                    options.insert(name, value);
                }
            } else if (type == QLatin1String("tmpfs") && k == "size") {
                options.insert(name, QString::number(byteSize(kv.second, scalar(kv.second))));
            } else if (type == QLatin1String("tmpfs") && k == "mode") {
                options.insert(name, wholeNumber(kv.second, at + QStringLiteral(".mode")));
            } else {
                failAt(file, kv.first.mark(),
                       QStringLiteral("unknown %1 option \"%2\"").arg(type, name), at);
            }
        }
        return options;
    }

    // extra_hosts: "host=ip", "host:ip" (the older form) or a map; Compose prints "host=ip".
    QStringList extraHosts(const YamlNode &v)
    {
        QStringList hosts;
        if (v.isMap()) {
            for (const auto &kv : v) {
                hosts << kv.first.qtext() + QLatin1Char('=') + scalar(kv.second);
            }
            return hosts;
        }
        for (QString entry : stringList(v)) {
            if (!entry.contains(QLatin1Char('='))) {
                const qsizetype colon = entry.indexOf(QLatin1Char(':'));
                if (colon < 0) {
                    fail(file, v, QStringLiteral("\"%1\" is not host=ip or host:ip").arg(entry));
                }
                entry[colon] = QLatin1Char('=');
            }
            hosts << entry;
        }
        return hosts;
    }

    // A map whose keys must be among `known` (x-* keys are allowed and dropped, as Compose drops
    // them); `path`: where it is below the service key.
    void checkKeys(const YamlNode &node, std::initializer_list<const char *> known,
                   const QString &path)
    {
        if (!node.isMap()) {
            failAt(file, node.mark(), QStringLiteral("must be a map"), path);
        }
        QSet<QString> names;
        for (const char *k : known) {
            names.insert(QLatin1String(k));
        }
        for (const auto &kv : node) {
            const QString key = kv.first.qtext();
            if (!names.contains(key) && !key.startsWith(QLatin1String("x-"))) {
                failAt(file, kv.first.mark(),
                       QStringLiteral("unknown key \"%1\"%2").arg(key, didYouMean(key, names)),
                       path);
            }
        }
    }

    // A value as Compose prints an extension (a top-level x-* key): plain scalars typed as
    // go-yaml types them (010 is 8, yes stays text, a time prints as RFC 3339), text
    // interpolated, an empty list null (Go's nil slice).
    QJsonValue jsonValue(const YamlNode &node)
    {
        if (node.isNull()) {
            return QJsonValue::Null;
        }
        if (node.isSequence()) {
            if (node.size() == 0) {
                return QJsonValue::Null;
            }
            QJsonArray a;
            for (const auto &item : node) {
                a.append(jsonValue(item));
            }
            return a;
        }
        if (node.isMap()) {
            QJsonObject o;
            for (const auto &kv : node) {
                o.insert(kv.first.qtext(), jsonValue(kv.second));
            }
            return o;
        }
        if (node.isQuoted() || !node.tag().empty()) {
            return interpolated(node);
        }
        const YamlScalar typed = resolvePlainScalar(node.text());
        switch (typed.type) {
        case YamlScalar::Type::String:
            return interpolated(node);
        case YamlScalar::Type::Bool:
            return typed.printed == QLatin1String("true");
        case YamlScalar::Type::Int:
        case YamlScalar::Type::Float:
            return typed.printed.toDouble();
        case YamlScalar::Type::Timestamp: {
            // Go's "2006-01-02 15:04:05.999 +0000 UTC" as its JSON prints a time.
            const QStringList parts = typed.printed.split(QLatin1Char(' '));
            const QString &offset = parts.value(2);
            const QString zone = offset == QLatin1String("+0000")
                                     ? QStringLiteral("Z")
                                     : offset.left(3) + QLatin1Char(':') + offset.mid(3);
            return QString(parts.value(0) + QLatin1Char('T') + parts.value(1) + zone);
        }
        case YamlScalar::Type::NotFinite:
            break;
        }
        return scalar(node); // refuses .inf and .nan, as Compose cannot print them
    }

    // build.ssh as Compose prints it: "ID" or "ID=PATH" for each key, from a list of such
    // entries or a map of ID: PATH (an ID without a path: the agent's default socket).
    QStringList sshKeys(const YamlNode &node)
    {
        QStringList keys;
        if (node.isMap()) {
            for (const auto &kv : node) {
                keys << (kv.second.isNull() ? kv.first.qtext()
                                            : kv.first.qtext() + QLatin1Char('=')
                                                  + text(kv.second, QStringLiteral("ssh")));
            }
            return keys;
        }
        keys = textList(node, QStringLiteral("ssh"));
        for (const QString &key : std::as_const(keys)) {
            if (!key.contains(QLatin1Char('=')) && key != QLatin1String("default")) {
                failAt(file, node.mark(),
                       QStringLiteral("invalid ssh key \"%1\": write ID=PATH (only \"default\" "
                                      "may go without a path)")
                           .arg(key),
                       QStringLiteral("ssh"));
            }
        }
        return keys;
    }

    // One entry of a service's networks: written as a map: its aliases into `aliases`, the rest
    // as Compose prints it (driver_opts values as text).
    QJsonObject networkEntry(const YamlNode &node, const QString &name, QStringList &aliases)
    {
        const QString &at = name;
        checkKeys(node,
                  {"aliases", "ipv4_address", "ipv6_address", "link_local_ips", "mac_address",
                   "priority", "driver_opts"},
                  at);
        QJsonObject o;
        for (const auto &kv : node) {
            const QString key = kv.first.qtext();
            const QString where = at + QLatin1Char('.') + key;
            if (key == QLatin1String("aliases")) {
                aliases = textList(kv.second, where);
            } else if (key == QLatin1String("link_local_ips")) {
                o.insert(key, QJsonArray::fromStringList(textList(kv.second, where)));
            } else if (key == QLatin1String("priority")) {
                o.insert(key, wholeNumber(kv.second, where));
            } else if (key == QLatin1String("driver_opts")) {
                o.insert(key, jsonTextMap(kv.second));
            } else if (!key.startsWith(QLatin1String("x-"))) {
                o.insert(key, text(kv.second, where));
            }
        }
        return o;
    }

    // deploy: but replicas, in Compose's printed shapes (durations as Go prints them, memory in
    // bytes as text, a device count "all" as -1). Zeros are kept: an override's zero replaces.
    QJsonObject deploy(const YamlNode &v)
    {
        checkKeys(v, {"mode", "replicas", "labels", "update_config", "rollback_config",
                      "resources", "restart_policy", "placement", "endpoint_mode"},
                  {});
        QJsonObject d;
        for (const char *name : {"mode", "endpoint_mode"}) {
            if (const YamlNode n = v[name]) {
                d.insert(QLatin1String(name), text(n, QLatin1String(name)));
            }
        }
        if (const YamlNode n = v["labels"]) {
            d.insert(QStringLiteral("labels"), jsonTextMap(n));
        }
        for (const char *name : {"update_config", "rollback_config"}) {
            const YamlNode n = v[name];
            if (!n) {
                continue;
            }
            const QString at = QLatin1String(name);
            checkKeys(n, {"parallelism", "delay", "failure_action", "monitor",
                          "max_failure_ratio", "order"},
                      at);
            QJsonObject u;
            if (const YamlNode x = n["parallelism"]) {
                u.insert(QStringLiteral("parallelism"),
                         wholeNumber(x, at + QStringLiteral(".parallelism"), 0));
            }
            for (const char *d : {"delay", "monitor"}) {
                if (const YamlNode x = n[d]) {
                    u.insert(QLatin1String(d), duration(x, at + QLatin1Char('.') + QLatin1String(d)));
                }
            }
            if (const YamlNode x = n["failure_action"]) {
                u.insert(QStringLiteral("failure_action"),
                         text(x, at + QStringLiteral(".failure_action")));
            }
            if (const YamlNode x = n["max_failure_ratio"]) {
                bool ok = false;
                const double ratio = x.isScalar() ? scalar(x).toDouble(&ok) : 0;
                if (!ok) {
                    failAt(file, x.mark(), QStringLiteral("must be a number, like 0.3"),
                           at + QStringLiteral(".max_failure_ratio"));
                }
                u.insert(QStringLiteral("max_failure_ratio"), ratio);
            }
            if (const YamlNode x = n["order"]) {
                const QString order = text(x, at + QStringLiteral(".order"));
                if (order != QLatin1String("start-first") && order != QLatin1String("stop-first")) {
                    failAt(file, x.mark(),
                           QStringLiteral("must be start-first or stop-first, not \"%1\"")
                               .arg(order),
                           at + QStringLiteral(".order"));
                }
                u.insert(QStringLiteral("order"), order);
            }
            d.insert(at, u);
        }
        if (const YamlNode n = v["restart_policy"]) {
            checkKeys(n, {"condition", "delay", "max_attempts", "window"},
                      QStringLiteral("restart_policy"));
            QJsonObject r;
            if (const YamlNode x = n["condition"]) {
                r.insert(QStringLiteral("condition"),
                         text(x, QStringLiteral("restart_policy.condition")));
            }
            for (const char *d : {"delay", "window"}) {
                if (const YamlNode x = n[d]) {
                    r.insert(QLatin1String(d),
                             duration(x, QStringLiteral("restart_policy.") + QLatin1String(d)));
                }
            }
            if (const YamlNode x = n["max_attempts"]) {
                r.insert(QStringLiteral("max_attempts"),
                         wholeNumber(x, QStringLiteral("restart_policy.max_attempts"), 0));
            }
            d.insert(QStringLiteral("restart_policy"), r);
        }
        if (const YamlNode n = v["placement"]) {
            checkKeys(n, {"constraints", "preferences", "max_replicas_per_node"},
                      QStringLiteral("placement"));
            QJsonObject p;
            if (const YamlNode x = n["constraints"]) {
                if (!x.isSequence()) {
                    failAt(file, x.mark(), QStringLiteral("must be a list"),
                           QStringLiteral("placement.constraints"));
                }
                p.insert(QStringLiteral("constraints"),
                         QJsonArray::fromStringList(
                             textList(x, QStringLiteral("placement.constraints"))));
            }
            if (const YamlNode x = n["preferences"]) {
                if (!x.isSequence()) {
                    failAt(file, x.mark(), QStringLiteral("must be a list of {spread: …}"),
                           QStringLiteral("placement.preferences"));
                }
                QJsonArray preferences;
                for (const auto &item : x) {
                    const QString at = QStringLiteral("placement.preferences.%1")
                                           .arg(preferences.size());
                    checkKeys(item, {"spread"}, at);
                    QJsonObject preference;
                    if (item["spread"]) {
                        preference.insert(QStringLiteral("spread"),
                                          text(item["spread"], at + QStringLiteral(".spread")));
                    }
                    preferences.append(preference);
                }
                p.insert(QStringLiteral("preferences"), preferences);
            }
            if (const YamlNode x = n["max_replicas_per_node"]) {
                p.insert(QStringLiteral("max_replicas_per_node"),
                         wholeNumber(x, QStringLiteral("placement.max_replicas_per_node"), 0));
            }
            d.insert(QStringLiteral("placement"), p);
        }
        if (const YamlNode n = v["resources"]) {
            checkKeys(n, {"limits", "reservations"}, QStringLiteral("resources"));
            QJsonObject r;
            for (const char *kind : {"limits", "reservations"}) {
                if (const YamlNode x = n[kind]) {
                    r.insert(QLatin1String(kind), resources(x, QLatin1String(kind)));
                }
            }
            d.insert(QStringLiteral("resources"), r);
        }
        return d;
    }

    // deploy.resources.limits or .reservations (only reservations have devices and generic
    // resources, as in Compose's schema).
    QJsonObject resources(const YamlNode &node, const QString &kind)
    {
        const QString at = QStringLiteral("resources.") + kind;
        if (kind == QLatin1String("limits")) {
            checkKeys(node, {"cpus", "memory", "pids"}, at);
        } else {
            checkKeys(node, {"cpus", "memory", "pids", "devices", "generic_resources"}, at);
        }
        QJsonObject r;
        if (const YamlNode x = node["cpus"]) {
            r.insert(QStringLiteral("cpus"), cpuCount(x, at + QStringLiteral(".cpus")));
        }
        if (const YamlNode x = node["memory"]) {
            r.insert(QStringLiteral("memory"), QString::number(byteSize(x, scalar(x))));
        }
        if (const YamlNode x = node["pids"]) {
            r.insert(QStringLiteral("pids"), wholeNumber(x, at + QStringLiteral(".pids")));
        }
        if (const YamlNode x = node["devices"]) {
            if (!x.isSequence()) {
                failAt(file, x.mark(), QStringLiteral("must be a list"), at + QStringLiteral(".devices"));
            }
            QJsonArray devices;
            for (const auto &item : x) {
                const QString where = at + QStringLiteral(".devices.%1").arg(devices.size());
                checkKeys(item, {"capabilities", "count", "device_ids", "driver", "options"},
                          where);
                QJsonObject device;
                const YamlNode capabilities = item["capabilities"];
                if (!capabilities) {
                    failAt(file, item.mark(), QStringLiteral("capabilities is required (e.g. [gpu])"),
                           where);
                }
                for (const auto &[name, list] : {std::pair{"capabilities", capabilities},
                                                 std::pair{"device_ids", item["device_ids"]}}) {
                    if (!list) {
                        continue;
                    }
                    if (!list.isSequence()) {
                        failAt(file, list.mark(), QStringLiteral("must be a list"),
                               where + QLatin1Char('.') + QLatin1String(name));
                    }
                    device.insert(QLatin1String(name),
                                  QJsonArray::fromStringList(textList(
                                      list, where + QLatin1Char('.') + QLatin1String(name))));
                }
                if (const YamlNode c = item["count"]) {
                    const QString count = c.isScalar() ? scalar(c) : QString();
                    bool ok = false;
                    const qint64 n = count.toLongLong(&ok);
                    if (!ok && count != QLatin1String("all")) {
                        failAt(file, c.mark(),
                               QStringLiteral("must be a number or \"all\", not \"%1\"").arg(count),
                               where + QStringLiteral(".count"));
                    }
                    device.insert(QStringLiteral("count"), ok ? n : -1);
                }
                if (const YamlNode t = item["driver"]) {
                    device.insert(QStringLiteral("driver"), text(t, where + QStringLiteral(".driver")));
                }
                if (const YamlNode o = item["options"]) {
                    device.insert(QStringLiteral("options"), jsonTextMap(o));
                }
                devices.append(device);
            }
            r.insert(QStringLiteral("devices"), devices);
        }
        if (const YamlNode x = node["generic_resources"]) {
            if (!x.isSequence()) {
                failAt(file, x.mark(), QStringLiteral("must be a list"),
                       at + QStringLiteral(".generic_resources"));
            }
            QJsonArray generic;
            for (const auto &item : x) {
                const QString where =
                    at + QStringLiteral(".generic_resources.%1").arg(generic.size());
                checkKeys(item, {"discrete_resource_spec"}, where);
                QJsonObject entry;
                if (const YamlNode spec = item["discrete_resource_spec"]) {
                    checkKeys(spec, {"kind", "value"}, where + QStringLiteral(".discrete_resource_spec"));
                    QJsonObject discrete;
                    discrete.insert(QStringLiteral("kind"),
                                    spec["kind"] ? text(spec["kind"], where + QStringLiteral(".kind"))
                                                 : QString());
                    // Compose reads the value as a number and keeps its whole part.
                    discrete.insert(QStringLiteral("value"),
                                    spec["value"] ? qint64(cpuCount(spec["value"],
                                                                    where + QStringLiteral(".value")))
                                                  : qint64(0));
                    entry.insert(QStringLiteral("discrete_resource_spec"), discrete);
                }
                generic.append(entry);
            }
            r.insert(QStringLiteral("generic_resources"), generic);
        }
        return r;
    }

    // ulimits: "nofile: 1024" or "nofile: {soft: 1024, hard: 2048}"; Compose prints a single
    // limit as a number and leaves out zeros (so "core: 0" prints as {}).
    QJsonObject ulimits(const YamlNode &node)
    {
        if (!node.isMap()) {
            fail(file, node, QStringLiteral("ulimits must be a map of limits"));
        }
        QJsonObject limits;
        for (const auto &kv : node) {
            const QString name = kv.first.qtext();
            if (kv.second.isMap()) {
                QJsonObject pair;
                for (const char *bound : {"soft", "hard"}) {
                    const YamlNode b = kv.second[bound];
                    if (!b) {
                        fail(file, kv.second,
                             QStringLiteral("ulimits.%1 needs soft and hard").arg(name));
                    }
                    if (const qint64 value = wholeNumber(b, name + QLatin1Char('.') + QLatin1String(bound));
                        value != 0) {
                        pair.insert(QLatin1String(bound), value);
                    }
                }
                limits.insert(name, pair);
            } else if (const qint64 value = wholeNumber(kv.second, name); value != 0) {
                limits.insert(name, value);
            } else {
                limits.insert(name, QJsonObject());
            }
        }
        return limits;
    }

    // credential_spec: {config, file, registry}, each text (Windows containers' credentials).
    QJsonObject credentialSpec(const YamlNode &node)
    {
        if (!node.isMap()) {
            fail(file, node, QStringLiteral("credential_spec must be a map (config, file or "
                                            "registry)"));
        }
        QJsonObject spec;
        for (const auto &kv : node) {
            const QString name = kv.first.qtext();
            if (name != QLatin1String("config") && name != QLatin1String("file")
                && name != QLatin1String("registry")) {
                failAt(file, kv.first.mark(),
                       QStringLiteral("unknown key (use config, file or registry)"), name);
            }
            spec.insert(name, text(kv.second, name));
        }
        return spec;
    }

    // blkio_config as Compose prints it: weight a number, each device entry {Path, Weight} or
    // {Path, Rate} (bps rates in bytes, iops rates as written, both as text).
    QJsonObject blkioConfig(const YamlNode &node)
    {
        if (!node.isMap()) {
            fail(file, node, QStringLiteral("blkio_config must be a map"));
        }
        static const QStringList lists{
            QStringLiteral("weight_device"),     QStringLiteral("device_read_bps"),
            QStringLiteral("device_write_bps"),  QStringLiteral("device_read_iops"),
            QStringLiteral("device_write_iops")};
        QJsonObject config;
        for (const auto &kv : node) {
            const QString name = kv.first.qtext();
            if (name == QLatin1String("weight")) {
                if (kv.second.isQuoted()) {
                    failAt(file, kv.second.mark(), QStringLiteral("must be a number, not text"),
                           name);
                }
                config.insert(name, wholeNumber(kv.second, name, 0, 65535));
                continue;
            }
            if (!lists.contains(name)) {
                failAt(file, kv.first.mark(),
                       QStringLiteral("unknown key (use weight, %1)")
                           .arg(lists.join(QStringLiteral(", "))),
                       name);
            }
            if (!kv.second.isSequence()) {
                failAt(file, kv.second.mark(), QStringLiteral("must be a list of {path, %1}")
                                                   .arg(name == QLatin1String("weight_device")
                                                            ? QStringLiteral("weight")
                                                            : QStringLiteral("rate")),
                       name);
            }
            QJsonArray entries;
            for (const auto &item : kv.second) {
                const QString at = name + QLatin1Char('.') + QString::number(entries.size());
                if (!item.isMap()) {
                    failAt(file, item.mark(), QStringLiteral("must be a map {path, …}"), at);
                }
                QJsonObject entry{{QStringLiteral("Path"),
                                   item["path"] ? text(item["path"], at + QStringLiteral(".path"))
                                                : QString()}};
                if (name == QLatin1String("weight_device")) {
                    entry.insert(QStringLiteral("Weight"),
                                 item["weight"] ? wholeNumber(item["weight"],
                                                              at + QStringLiteral(".weight"), 0,
                                                              65535)
                                                : 0);
                } else if (name.endsWith(QLatin1String("_bps"))) {
                    const YamlNode rate = item["rate"];
                    entry.insert(QStringLiteral("Rate"),
                                 rate ? QString::number(byteSize(rate, scalar(rate)))
                                      : QStringLiteral("0"));
                } else {
                    entry.insert(QStringLiteral("Rate"),
                                 item["rate"]
                                     ? QString::number(wholeNumber(item["rate"], at + QStringLiteral(".rate"), 0))
                                     : QStringLiteral("0"));
                }
                entries.append(entry);
            }
            config.insert(name, entries);
        }
        return config;
    }

    // devices: "/dev/x", "/dev/x:/dev/y", "/dev/x:/dev/y:rw" or {source, target, permissions};
    // the target defaults to the source and the permissions to rwm.
    QList<QJsonObject> devices(const YamlNode &node)
    {
        if (!node.isSequence()) {
            fail(file, node, QStringLiteral("devices must be a list"));
        }
        QList<QJsonObject> list;
        for (const auto &item : node) {
            QString source, target, permissions;
            if (item.isMap()) {
                source = item["source"] ? scalar(item["source"]) : QString();
                target = item["target"] ? scalar(item["target"]) : QString();
                permissions = item["permissions"] ? scalar(item["permissions"]) : QString();
            } else {
                const QStringList parts = scalar(item).split(QLatin1Char(':'));
                if (parts.size() > 3) {
                    fail(file, item, QStringLiteral("a device is SOURCE[:TARGET[:PERMISSIONS]]"));
                }
                source = parts.value(0);
                target = parts.value(1);
                permissions = parts.value(2);
            }
            if (source.isEmpty()) {
                fail(file, item, QStringLiteral("a device needs a source"));
            }
            QJsonObject device{{QStringLiteral("source"), source},
                               {QStringLiteral("target"), target.isEmpty() ? source : target},
                               {QStringLiteral("permissions"),
                                permissions.isEmpty() ? QStringLiteral("rwm") : permissions}};
            list.removeIf([&](const QJsonObject &d) {
                return d.value(QLatin1String("target")) == device.value(QLatin1String("target"));
            });
            list << device;
        }
        return list;
    }

    // "512M", "1g", "128mb", "1024" -> bytes (1024-based, as Compose reads them).
    qint64 byteSize(const YamlNode &node, const QString &text)
    {
        static const QRegularExpression re(QStringLiteral("^(\\d+(?:\\.\\d+)?)\\s*([kmgtp]?)b?$"),
                                           QRegularExpression::CaseInsensitiveOption);
        const auto m = re.match(text.trimmed());
        if (!m.hasMatch()) {
            fail(file, node, QStringLiteral("invalid size \"%1\" (use e.g. 512m or 2g)").arg(text));
        }
        const QString unit = m.captured(2).toLower();
        const int power = unit.isEmpty() ? 0 : QStringLiteral("kmgtp").indexOf(unit) + 1;
        double value = m.captured(1).toDouble();
        for (int i = 0; i < power; ++i) {
            value *= 1024;
        }
        return static_cast<qint64>(value);
    }

    ServiceParts service(const QString &name, const YamlNode &node)
    {
        ServiceParts parts;
        ComposeService &s = parts.service;
        s.name = name;
        s.file = file;
        s.line = node.mark().line + 1;
        if (node.isNull()) {
            return parts;
        }
        if (!node.isMap()) {
            fail(file, node, QStringLiteral("service \"%1\" must be a map").arg(name));
        }
        if (const auto tags = nestedTags.constFind(name); tags != nestedTags.constEnd()) {
            for (const auto &[path, mark] : *tags) {
                if (!resetPath(s, parts, path, false)) {
                    failAt(file, mark,
                           QStringLiteral("services.%1.%2: DevDock cannot apply !reset or "
                                          "!override this deep yet; tag the key above it "
                                          "instead")
                               .arg(name, path.join(QLatin1Char('.'))));
                }
                parts.nestedResets << path;
            }
        }
        for (const auto &kv : node) {
            const std::string_view keyText = kv.first.text();
            const QString *known = knownServiceKey(keyText);
            const QString key = known ? *known : kv.first.qtext();
            const YamlNode &v = kv.second;
            // Compose's merge tags: !reset drops what a base file (or extends) set for the key,
            // !override replaces it instead of merging.
            if (v.tag() == "!reset") {
                parts.resets.insert(key);
                continue;
            }
            if (v.tag() == "!override") {
                parts.resets.insert(key);
            }
            parts.present.insert(key);
            if (!known && !key.startsWith(QLatin1String("x-"))) {
                fail(file, kv.first,
                     QStringLiteral("services.%1.%2: unknown key%3")
                         .arg(name, key, didYouMean(key, knownServiceKeys())));
            }
            try {
                serviceKey(parts, key, keyText, v);
            } catch (LoadFailure &failure) {
                // Name the key's path in the message: "file:line:col: services.app.ports: ...".
                if (!failure.what.isEmpty()) {
                    const QString path =
                        failure.path.isEmpty() ? key : key + QLatin1Char('.') + failure.path;
                    failure.error.message = QStringLiteral("%1: services.%2.%3: %4")
                                                .arg(failure.where, name, path, failure.what);
                    failure.what.clear();
                }
                throw;
            }
        }
        return parts;
    }

    // `k` is `key` as written (compared as bytes: this runs for every key of every service).
    void serviceKey(ServiceParts &parts, const QString &key, std::string_view k, const YamlNode &v)
    {
        ComposeService &s = parts.service;
        if (k == "image") {
            s.image = text(v);
        } else if (k == "build") {
            ComposeBuild b;
            // Sub-keys are remembered: an override merges them into the base key by key.
            if (v.isScalar()) {
                b.context = buildContext(text(v));
                parts.present.insert(QStringLiteral("build.context"));
            } else if (v.isMap()) {
                b.context = buildContext(v["context"]
                                             ? text(v["context"], QStringLiteral("context"))
                                             : QStringLiteral("."));
                if (v["context"]) {
                    parts.present.insert(QStringLiteral("build.context"));
                }
                if (v["dockerfile"]) {
                    b.dockerfile = text(v["dockerfile"], QStringLiteral("dockerfile"));
                    parts.present.insert(QStringLiteral("build.dockerfile"));
                }
                if (v["target"]) {
                    b.target = text(v["target"], QStringLiteral("target"));
                }
                if (const YamlNode n = v["dockerfile_inline"]) {
                    b.dockerfileInline = text(n, QStringLiteral("dockerfile_inline"));
                    parts.present.insert(QStringLiteral("build.dockerfile_inline"));
                }
                if (const YamlNode n = v["ssh"]) {
                    b.ssh = sshKeys(n);
                }
                if (v["platforms"]) {
                    b.platforms = textList(v["platforms"], QStringLiteral("platforms"));
                }
                if (const YamlNode secrets = v["secrets"]; secrets && secrets.isSequence()) {
                    for (const auto &item : secrets) {
                        const YamlNode source = item.isMap() ? item["source"] : YamlNode(item);
                        if (source) {
                            b.secretSources << text(source);
                            // As a service's secret, without the default target.
                            b.secrets << fileMount(false, item, text(source));
                        }
                    }
                }
                for (const auto &[name, list] :
                     {std::pair{"cache_from", &b.cacheFrom}, std::pair{"cache_to", &b.cacheTo},
                      std::pair{"tags", &b.tags}}) {
                    if (const YamlNode n = v[name]) {
                        *list = textList(n, QLatin1String(name));
                    }
                }
                if (const YamlNode n = v["extra_hosts"]) {
                    b.extraHosts = extraHosts(n);
                    b.extraHosts.sort();
                }
                for (const auto &[name, field] :
                     {std::pair{"network", &b.network}, std::pair{"isolation", &b.isolation}}) {
                    if (const YamlNode n = v[name]) {
                        *field = text(n, QLatin1String(name));
                        parts.present.insert(QStringLiteral("build.") + QLatin1String(name));
                    }
                }
                if (const YamlNode n = v["shm_size"]) {
                    b.shmSize = QString::number(byteSize(n, scalar(n)));
                    parts.present.insert(QStringLiteral("build.shm_size"));
                }
                for (const auto &[name, flag] :
                     {std::pair{"no_cache", &b.noCache}, std::pair{"pull", &b.pull},
                      std::pair{"privileged", &b.privileged}}) {
                    if (const YamlNode n = v[name]) {
                        *flag = boolean(n, QStringLiteral("build.") + QLatin1String(name));
                        parts.present.insert(QStringLiteral("build.") + QLatin1String(name));
                    }
                }
                if (const YamlNode n = v["labels"]) {
                    b.labels = textMap(n);
                }
                if (const YamlNode n = v["additional_contexts"]) {
                    // Each needs a value (Compose: "expected key=value").
                    const auto contexts = keyValues(n, false);
                    for (auto it = contexts.begin(); it != contexts.end(); ++it) {
                        b.additionalContexts.insert(it.key(),
                                                    buildContext(it.value().value_or(QString())));
                    }
                }
                if (v["args"]) {
                    const auto args = keyValues(v["args"], true);
                    for (auto it = args.begin(); it != args.end(); ++it) {
                        // A bare arg takes its value from the variables; Compose drops it
                        // when there is none.
                        if (const auto value = it.value() ? it.value() : m_lookup(it.key())) {
                            b.args.insert(it.key(), *value);
                        }
                    }
                }
            } else {
                fail(file, v, QStringLiteral("build must be a path or a map"));
            }
            // Compose names no Dockerfile when the build brings its own inline.
            if (b.dockerfile.isEmpty() && !(v.isMap() && v["dockerfile_inline"])) {
                b.dockerfile = QStringLiteral("Dockerfile");
            }
            s.build = b;
        } else if (k == "command") {
            s.command = v.isNull() ? std::optional<QStringList>() : commandList(v);
        } else if (k == "entrypoint") {
            s.entrypoint = v.isNull() ? std::optional<QStringList>() : commandList(v);
        } else if (k == "environment") {
            s.environment = keyValues(v, true);
            // A bare key takes its value from the shell or .env, as Compose resolves it; it stays
            // null (unset in the container) when neither has it.
            for (auto it = s.environment.begin(); it != s.environment.end(); ++it) {
                if (!it.value()) {
                    it.value() = m_lookup(it.key());
                }
            }
        } else if (k == "env_file") {
            if (v.isScalar()) {
                parts.envFiles.append({absolute(scalar(v)), true});
            } else if (!v.isSequence() && !v.isNull()) {
                fail(file, v, QStringLiteral("env_file must be a path or a list"));
            }
            for (const auto &item : v) {
                if (item.isMap()) {
                    // Compose 2.26 reads env files in its own format only.
                    if (const YamlNode format = item["format"]; format && !format.isNull()) {
                        fail(file, format,
                             QStringLiteral("env_file format \"%1\" is not supported by Compose "
                                            "2.26 (leave format: out)")
                                 .arg(scalar(format)));
                    }
                    parts.envFiles.append(
                        {absolute(scalar(item["path"])),
                         item["required"] ? item["required"].asBool(true) : true});
                } else {
                    parts.envFiles.append({absolute(scalar(item)), true});
                }
            }
        } else if (k == "ports") {
            s.ports = ports(v);
        } else if (k == "expose") {
            s.expose = stringList(v);
        } else if (k == "depends_on") {
            if (v.isSequence()) {
                for (const QString &dep : stringList(v)) {
                    s.dependsOn.insert(dep, ComposeDependency{});
                    parts.dependencyKeys.insert(dep, kCondition | kRequired);
                }
            } else if (v.isMap()) {
                for (const auto &d : v) {
                    ComposeDependency dep;
                    int written = 0;
                    if (d.second.isMap()) {
                        if (d.second["condition"]) {
                            dep.condition = scalar(d.second["condition"]);
                            written |= kCondition;
                        }
                        if (d.second["required"]) {
                            dep.required = d.second["required"].asBool(true);
                            written |= kRequired;
                        }
                        if (d.second["restart"]) {
                            dep.restart = d.second["restart"].asBool(false);
                            written |= kRestart;
                        }
                    }
                    parts.dependencyKeys.insert(d.first.qtext(), written);
                    static const QStringList conditions{
                        QStringLiteral("service_started"), QStringLiteral("service_healthy"),
                        QStringLiteral("service_completed_successfully")};
                    if (!conditions.contains(dep.condition)) {
                        fail(file, d.second["condition"],
                             QStringLiteral("unknown depends_on condition \"%1\" (use %2)")
                                 .arg(dep.condition, conditions.join(QStringLiteral(", "))));
                    }
                    s.dependsOn.insert(d.first.qtext(), dep);
                }
            } else {
                fail(file, v, QStringLiteral("depends_on must be a list or a map"));
            }
        } else if (k == "healthcheck") {
            ComposeHealthcheck h;
            if (!v.isMap()) {
                fail(file, v, QStringLiteral("healthcheck must be a map"));
            }
            if (v["test"]) {
                parts.present.insert(QStringLiteral("healthcheck.test"));
                h.test = v["test"].isScalar()
                             ? QStringList{QStringLiteral("CMD-SHELL"),
                                           text(v["test"], QStringLiteral("test"))}
                             : textList(v["test"], QStringLiteral("test"));
            }
            if (v["interval"]) {
                parts.present.insert(QStringLiteral("healthcheck.interval"));
                h.interval = duration(v["interval"], QStringLiteral("interval"));
            }
            if (v["timeout"]) {
                parts.present.insert(QStringLiteral("healthcheck.timeout"));
                h.timeout = duration(v["timeout"], QStringLiteral("timeout"));
            }
            if (v["start_period"]) {
                parts.present.insert(QStringLiteral("healthcheck.start_period"));
                h.startPeriod = duration(v["start_period"], QStringLiteral("start_period"));
            }
            if (v["start_interval"]) {
                parts.present.insert(QStringLiteral("healthcheck.start_interval"));
                h.startInterval =
                    duration(v["start_interval"], QStringLiteral("start_interval"));
            }
            if (v["retries"]) {
                parts.present.insert(QStringLiteral("healthcheck.retries"));
                h.retries = int(wholeNumber(v["retries"], QStringLiteral("retries"), 0,
                                            std::numeric_limits<int>::max()));
            }
            if (v["disable"]) {
                parts.present.insert(QStringLiteral("healthcheck.disable"));
                h.disable = v["disable"].asBool(false);
            }
            s.healthcheck = h;
        } else if (k == "volumes") {
            s.volumes = volumes(v);
        } else if (k == "networks") {
            if (v.isSequence()) {
                for (const QString &n : stringList(v)) {
                    s.networks.insert(n, {});
                }
            } else if (v.isMap()) {
                for (const auto &n : v) {
                    const QString name = n.first.qtext();
                    QStringList aliases;
                    if (n.second.isMap()) {
                        s.networkOptions.insert(name, networkEntry(n.second, name, aliases));
                    } else if (!n.second.isNull()) {
                        fail(file, n.second,
                             QStringLiteral("networks.%1 must be a map or empty").arg(name));
                    }
                    s.networks.insert(name, aliases);
                }
            } else {
                fail(file, v, QStringLiteral("networks must be a list or a map"));
            }
        } else if (k == "profiles") {
            s.profiles = textList(v);
        } else if (k == "restart") {
            s.restart = text(v);
        } else if (QString *text = textKey(s, key)) {
            *text = key == QLatin1String("stop_grace_period") ? duration(v, {}) : this->text(v);
        } else if (bool *flag = flagKey(s, key)) {
            *flag = v.asBool(false);
        } else if (k == "init") {
            s.init = v.asBool(false);
        } else if (k == "attach") {
            s.attach = v.asBool(true);
        } else if (k == "cap_add") {
            s.capAdd = textList(v);
        } else if (k == "cap_drop") {
            s.capDrop = textList(v);
        } else if (k == "extra_hosts") {
            s.extraHosts = extraHosts(v);
        } else if (k == "network_mode") {
            s.networkMode = scalar(v);
        } else if (k == "links") {
            s.links = stringList(v);
        } else if (k == "labels") {
            const auto labels = keyValues(v, true);
            for (auto it = labels.begin(); it != labels.end(); ++it) {
                s.labels.insert(it.key(), it.value().value_or(QString()));
            }
        } else if (k == "deploy") {
            if (!v.isMap()) {
                fail(file, v, QStringLiteral("deploy must be a map"));
            }
            if (v["replicas"]) {
                s.replicas = int(wholeNumber(v["replicas"], QStringLiteral("replicas"), 0,
                                             std::numeric_limits<int>::max()));
            }
            s.deploy = deploy(v);
        } else if (k == "tmpfs") {
            s.tmpfs = textList(v);
        } else if (k == "develop") {
            if (const YamlNode w = v["watch"]) {
                if (!w.isSequence()) {
                    fail(file, w, QStringLiteral("develop.watch must be a list"));
                }
                for (const auto &item : w) {
                    ComposeWatchRule rule;
                    rule.action = item["action"] ? scalar(item["action"]) : QString();
                    static const QStringList actions{
                        QStringLiteral("sync"), QStringLiteral("rebuild"),
                        QStringLiteral("sync+restart"), QStringLiteral("sync+exec"),
                        QStringLiteral("restart")};
                    if (!actions.contains(rule.action)) {
                        fail(file, item,
                             QStringLiteral("develop.watch action must be one of %1")
                                 .arg(actions.join(QStringLiteral(", "))));
                    }
                    if (!item["path"]) {
                        fail(file, item, QStringLiteral("develop.watch rule needs a path"));
                    }
                    rule.path = absolute(scalar(item["path"]));
                    if (item["target"]) {
                        rule.target = scalar(item["target"]);
                    }
                    if (item["ignore"]) {
                        rule.ignore = stringList(item["ignore"]);
                    }
                    if (const YamlNode exec = item["exec"]; exec && exec["command"]) {
                        rule.execCommand = commandList(exec["command"]);
                    }
                    if (rule.action == QLatin1String("sync+exec") && !rule.execCommand) {
                        fail(file, item,
                             QStringLiteral("develop.watch action sync+exec needs exec.command "
                                            "(what to run in the container after a sync)"));
                    }
                    if (item["initial_sync"]) {
                        rule.initialSync = item["initial_sync"].asBool(false);
                    } else if (item["x-initial_sync"]) {
                        // The same for Compose before 2.27, whose schema refuses
                        // initial_sync but allows extensions.
                        rule.initialSync = item["x-initial_sync"].asBool(false);
                    }
                    s.watch << rule;
                }
            }
        } else if (isOneOf(k, kOtherTexts)) {
            s.otherTexts.insert(key, this->text(v));
        } else if (isOneOf(k, kByteSizes)) {
            const QString size = scalar(v);
            s.otherTexts.insert(key, size.trimmed() == QLatin1String("-1")
                                         ? size.trimmed()
                                         : QString::number(byteSize(v, size)));
        } else if (isOneOf(k, kOtherMaps)) {
            if (k == "storage_opt" && !v.isMap()) {
                fail(file, v, QStringLiteral("storage_opt must be a map (size: 20G)"));
            }
            s.otherMaps.insert(key, textMap(v));
        } else if (k == "cpus") {
            s.cpus = cpuCount(v);
        } else if (k == "ulimits") {
            s.ulimits = ulimits(v);
        } else if (k == "devices") {
            s.devices = devices(v);
        } else if (k == "logging") {
            if (!v.isMap()) {
                fail(file, v, QStringLiteral("logging must be a map (driver, options)"));
            }
            std::pair<QString, QMap<QString, QString>> logging;
            if (v["driver"]) {
                logging.first = this->text(v["driver"]);
            }
            if (const YamlNode options = v["options"]; options && !options.isNull()) {
                if (!options.isMap()) {
                    fail(file, options, QStringLiteral("logging.options must be a map"));
                }
                for (const auto &kv : options) {
                    logging.second.insert(kv.first.qtext(), scalar(kv.second));
                }
            }
            s.logging = logging;
        } else if (isOneOf(k, kOtherLists)) {
            // group_add takes numbers (gids) too; Compose prints them as text.
            s.otherLists.insert(key, k == "group_add" ? stringList(v) : textList(v));
        } else if (isOneOf(k, kOtherNumbers)) {
            s.otherNumbers.insert(key, k == "cpu_percent" ? wholeNumber(v, {}, 0, 100)
                                                          : wholeNumber(v));
        } else if (k == "mem_swappiness") {
            s.otherNumbers.insert(key, wholeNumber(v)); // printed as text (ComposeService)
        } else if (k == "credential_spec") {
            s.otherObjects.insert(key, credentialSpec(v));
        } else if (k == "blkio_config") {
            s.otherObjects.insert(key, blkioConfig(v));
        } else if (k == "secrets" || k == "configs") {
            if (!v.isSequence()) {
                fail(file, v, QStringLiteral("expected a list"));
            }
            const bool secret = k == "secrets";
            auto &refs = secret ? parts.secretRefs : parts.configRefs;
            QList<QJsonObject> &mounts = secret ? s.secrets : s.configs;
            mounts.clear();
            for (const auto &item : v) {
                const YamlNode name = item.isMap() ? item["source"] : YamlNode(item);
                if (!name) {
                    fail(file, item, QStringLiteral("needs a source: (the top-level name)"));
                }
                refs.append({this->text(name), position(file, name)});
                mounts.append(fileMount(secret, item, this->text(name)));
            }
        } else if (k == "extends") {
            parts.extendsMark = v.mark();
            if (v.isScalar()) {
                parts.extendsService = scalar(v);
            } else if (v.isMap() && v["service"]) {
                parts.extendsService = scalar(v["service"]);
                if (v["file"]) {
                    parts.extendsFile = scalar(v["file"]);
                }
            } else {
                fail(file, v,
                     QStringLiteral("extends is a service name or a map with service: "
                                    "(and file:)"));
            }
        } else if (key.startsWith(QStringLiteral("x-"))) {
            s.extensions.insert(key, v.toFlowYaml());
        }
    }

    const ComposeLoadOptions &options() const { return m_options; }
    const VariableLookup &lookup() const { return m_lookup; }

private:
    const ComposeLoadOptions &m_options;
    VariableLookup m_lookup;
    QString m_dir;
    QList<ComposeMissingVariable> *m_missing = nullptr;
};

// An override's list entries appended to the base's, each once (Compose's rule for cap_add,
// links, extra_hosts, dns, …).
void appendMissing(QStringList &mine, const QStringList &theirs)
{
    for (const QString &item : theirs) {
        if (!mine.contains(item)) {
            mine << item;
        }
    }
}

// An override's JSON merged into the base's as Compose merges YAML: maps key by key, lists
// appended, anything else replaced.
void mergeJson(QJsonObject &mine, const QJsonObject &theirs)
{
    for (auto it = theirs.begin(); it != theirs.end(); ++it) {
        const auto at = mine.find(it.key());
        if (at == mine.end()) {
            mine.insert(it.key(), it.value());
        } else if (at->isObject() && it->isObject()) {
            QJsonObject merged = at->toObject();
            mergeJson(merged, it->toObject());
            *at = merged;
        } else if (at->isArray() && it->isArray()) {
            QJsonArray merged = at->toArray();
            for (const QJsonValue &item : it->toArray()) {
                merged.append(item);
            }
            *at = merged;
        } else {
            *at = it.value();
        }
    }
}

void merge(ComposeService &b, ServiceExtras &base, const ServiceParts &over)
{
    for (const QStringList &path : over.nestedResets) {
        resetPath(b, base, path, true);
    }
    for (const QString &key : over.resets) {
        resetKey(b, base, key);
    }
    const ComposeService &o = over.service;
    const auto has = [&](const char *key) { return over.present.contains(QLatin1String(key)); };
    if (has("image")) {
        b.image = o.image;
    }
    if (has("build")) {
        if (!b.build) {
            b.build = o.build;
        } else if (o.build) {
            if (has("build.context")) {
                b.build->context = o.build->context;
            }
            if (has("build.dockerfile")) {
                b.build->dockerfile = o.build->dockerfile;
            }
            if (!o.build->target.isEmpty()) {
                b.build->target = o.build->target;
            }
            if (has("build.dockerfile_inline")) {
                b.build->dockerfileInline = o.build->dockerfileInline;
                if (!has("build.dockerfile")) {
                    b.build->dockerfile = o.build->dockerfile; // none, with an inline one
                }
            }
            appendMissing(b.build->ssh, o.build->ssh);
            b.build->platforms += o.build->platforms; // appended, duplicates kept (as Compose)
            b.build->secretSources += o.build->secretSources;
            b.build->args.insert(o.build->args);
            // As Compose merges them: lists appended (extra_hosts each once, sorted), maps
            // entry by entry, the rest replaced where the override writes it.
            b.build->secrets += o.build->secrets;
            b.build->cacheFrom += o.build->cacheFrom;
            b.build->cacheTo += o.build->cacheTo;
            b.build->tags += o.build->tags;
            appendMissing(b.build->extraHosts, o.build->extraHosts);
            b.build->extraHosts.sort();
            b.build->labels.insert(o.build->labels);
            b.build->additionalContexts.insert(o.build->additionalContexts);
            const auto replaceWritten = [&](const char *name, auto &mine, const auto &theirs) {
                if (has(name)) {
                    mine = theirs;
                }
            };
            replaceWritten("build.network", b.build->network, o.build->network);
            replaceWritten("build.isolation", b.build->isolation, o.build->isolation);
            replaceWritten("build.shm_size", b.build->shmSize, o.build->shmSize);
            replaceWritten("build.no_cache", b.build->noCache, o.build->noCache);
            replaceWritten("build.pull", b.build->pull, o.build->pull);
            replaceWritten("build.privileged", b.build->privileged, o.build->privileged);
        }
    }
    if (has("command")) {
        b.command = o.command;
    }
    if (has("entrypoint")) {
        b.entrypoint = o.entrypoint;
    }
    for (auto it = o.environment.begin(); it != o.environment.end(); ++it) {
        b.environment.insert(it.key(), it.value());
    }
    base.envFiles += over.envFiles;
    b.ports += o.ports;
    for (const QString &e : o.expose) {
        if (!b.expose.contains(e)) {
            b.expose << e;
        }
    }
    // depends_on entries merge key by key: `db: {restart: true}` keeps the base's condition.
    for (auto it = o.dependsOn.begin(); it != o.dependsOn.end(); ++it) {
        const auto existing = b.dependsOn.find(it.key());
        if (existing == b.dependsOn.end()) {
            b.dependsOn.insert(it.key(), it.value());
            base.dependencyKeys.insert(it.key(), over.dependencyKeys.value(it.key()));
            continue;
        }
        const int written = over.dependencyKeys.value(it.key());
        if (written & kCondition) {
            existing->condition = it->condition;
        }
        if (written & kRequired) {
            existing->required = it->required;
        }
        if (written & kRestart) {
            existing->restart = it->restart;
        }
        base.dependencyKeys[it.key()] |= written;
    }
    if (has("healthcheck")) {
        if (!b.healthcheck || !o.healthcheck) {
            b.healthcheck = o.healthcheck;
        } else {
            // Compose merges health checks key by key.
            ComposeHealthcheck &h = *b.healthcheck;
            const ComposeHealthcheck &oh = *o.healthcheck;
            if (has("healthcheck.test")) {
                h.test = oh.test;
            }
            if (has("healthcheck.interval")) {
                h.interval = oh.interval;
            }
            if (has("healthcheck.timeout")) {
                h.timeout = oh.timeout;
            }
            if (has("healthcheck.start_period")) {
                h.startPeriod = oh.startPeriod;
            }
            if (has("healthcheck.start_interval")) {
                h.startInterval = oh.startInterval;
            }
            if (has("healthcheck.retries")) {
                h.retries = oh.retries;
            }
            if (has("healthcheck.disable")) {
                h.disable = oh.disable;
            }
        }
    }
    for (const ComposeVolumeMount &v : o.volumes) {
        bool replaced = false;
        for (ComposeVolumeMount &existing : b.volumes) {
            if (existing.target == v.target) {
                existing = v;
                replaced = true;
            }
        }
        if (!replaced) {
            b.volumes << v;
        }
    }
    // A network entry merges into the base's: its aliases are appended (an entry without
    // aliases keeps the base's).
    for (auto it = o.networks.begin(); it != o.networks.end(); ++it) {
        b.networks[it.key()] += it.value();
    }
    // Their other options merge as maps do: lists appended, driver_opts merged, scalars
    // replaced.
    for (auto it = o.networkOptions.begin(); it != o.networkOptions.end(); ++it) {
        mergeJson(b.networkOptions[it.key()], *it);
    }
    b.profiles += o.profiles;
    if (has("restart")) {
        b.restart = o.restart;
    }
    if (has("network_mode")) {
        b.networkMode = o.networkMode;
    }
    for (const QString &key : over.present) {
        if (QString *text = textKey(b, key)) {
            *text = *textKey(const_cast<ComposeService &>(o), key);
        } else if (bool *flag = flagKey(b, key)) {
            *flag = *flagKey(const_cast<ComposeService &>(o), key);
        }
    }
    if (has("init")) {
        b.init = o.init;
    }
    if (has("attach")) {
        b.attach = o.attach;
    }
    b.otherTexts.insert(o.otherTexts);
    b.otherNumbers.insert(o.otherNumbers);
    for (auto it = o.otherMaps.begin(); it != o.otherMaps.end(); ++it) {
        b.otherMaps[it.key()].insert(it.value());
    }
    // credential_spec merges key by key; blkio_config too, with its device lists appended
    // (an entry for the same path kept twice, as Compose keeps it).
    for (auto it = o.otherObjects.begin(); it != o.otherObjects.end(); ++it) {
        QJsonObject &mine = b.otherObjects[it.key()];
        for (auto kv = it->begin(); kv != it->end(); ++kv) {
            if (kv.value().isArray() && mine.value(kv.key()).isArray()) {
                QJsonArray both = mine.value(kv.key()).toArray();
                for (const QJsonValue &entry : kv.value().toArray()) {
                    both.append(entry);
                }
                mine.insert(kv.key(), both);
            } else {
                mine.insert(kv.key(), kv.value());
            }
        }
    }
    if (has("cpus")) {
        b.cpus = o.cpus;
    }
    for (auto it = o.ulimits.begin(); it != o.ulimits.end(); ++it) {
        b.ulimits.insert(it.key(), it.value());
    }
    // devices: one per target; an override's entry replaces the base's in place.
    for (const QJsonObject &device : o.devices) {
        const auto target = device.value(QLatin1String("target"));
        auto same = std::find_if(b.devices.begin(), b.devices.end(), [&](const QJsonObject &d) {
            return d.value(QLatin1String("target")) == target;
        });
        if (same != b.devices.end()) {
            *same = device;
        } else {
            b.devices << device;
        }
    }
    if (o.logging) {
        if (b.logging && (o.logging->first.isEmpty() || o.logging->first == b.logging->first)) {
            b.logging->second.insert(o.logging->second);
        } else {
            b.logging = o.logging;
        }
    }
    for (auto it = o.otherLists.begin(); it != o.otherLists.end(); ++it) {
        appendMissing(b.otherLists[it.key()], it.value());
    }
    appendMissing(b.capAdd, o.capAdd);
    appendMissing(b.capDrop, o.capDrop);
    appendMissing(b.extraHosts, o.extraHosts);
    appendMissing(b.links, o.links);
    b.labels.insert(o.labels);
    if (o.replicas) {
        b.replicas = o.replicas;
    }
    // The rest of deploy merges as Compose merges YAML: maps key by key, lists appended.
    if (o.deploy) {
        if (b.deploy) {
            mergeJson(*b.deploy, *o.deploy);
        } else {
            b.deploy = o.deploy;
        }
    }
    // Sequences are appended (enforceUnicity() then keeps one of equal entries where Compose
    // does).
    b.tmpfs += o.tmpfs;
    b.watch += o.watch;
    base.secretRefs += over.secretRefs;
    base.configRefs += over.configRefs;
    // secrets and configs merge by source: a later entry replaces the one of its source.
    for (const auto &[mine, theirs] :
         {std::pair{&b.secrets, &o.secrets}, std::pair{&b.configs, &o.configs}}) {
        for (const QJsonObject &mount : *theirs) {
            const auto same = std::find_if(mine->begin(), mine->end(), [&](const QJsonObject &m) {
                return m.value(QStringLiteral("source")) == mount.value(QStringLiteral("source"));
            });
            if (same == mine->end()) {
                *mine << mount;
            } else {
                *same = mount;
            }
        }
    }
    for (auto it = o.extensions.begin(); it != o.extensions.end(); ++it) {
        b.extensions.insert(it.key(), it.value());
    }
    base.present += over.present;
}

// Compose keeps one of the entries of a sequence that share a key, in one file as after a merge
// (its EnforceUnicity): the first one's place, the last one's value. The lists are short: a
// linear search beats a hash table made per service.
template<typename T, typename KeyOf>
void keepUnique(QList<T> &list, KeyOf keyOf)
{
    if (list.size() < 2) {
        return;
    }
    // A short list is first looked over, pair by pair, without copying a key: most have no
    // duplicate and are left as they are.
    if (list.size() <= 8) {
        const QList<T> &items = list;
        bool duplicate = false;
        for (qsizetype i = 1; i < items.size() && !duplicate; ++i) {
            for (qsizetype j = 0; j < i && !duplicate; ++j) {
                duplicate = keyOf(items.at(i)) == keyOf(items.at(j));
            }
        }
        if (!duplicate) {
            return;
        }
    }
    // In place: the kept entries gather at the front; a list without duplicates is not written
    // (nor copied, when shared).
    QVarLengthArray<QString, 8> keys;
    qsizetype kept = 0;
    for (qsizetype i = 0; i < list.size(); ++i) {
        QString key = keyOf(std::as_const(list)[i]);
        const auto at = std::find(keys.cbegin(), keys.cend(), key);
        if (at != keys.cend()) {
            list[at - keys.cbegin()] = std::move(list[i]);
        } else {
            if (kept != i) {
                list[kept] = std::move(list[i]);
            }
            keys.append(std::move(key));
            ++kept;
        }
    }
    if (kept < list.size()) {
        list.erase(list.begin() + kept, list.end());
    }
}

// Strings are keyed by what comes before '=' ("a=1" and "a=2" are one label), as Compose keys
// profiles, tmpfs, capabilities, links and aliases.
QString keyBeforeEquals(const QString &entry)
{
    return entry.section(QLatin1Char('='), 0, 0);
}

void enforceUnicity(ComposeService &s)
{
    keepUnique(s.expose, [](const QString &e) { return e; });
    keepUnique(s.ports, [](const ComposePort &p) {
        return QStringLiteral("%1|%2|%3|%4")
            .arg(p.hostIp.isEmpty() ? QStringLiteral("0.0.0.0") : p.hostIp, p.published)
            .arg(p.target)
            .arg(p.protocol);
    });
    keepUnique(s.volumes, [](const ComposeVolumeMount &v) -> const QString & { return v.target; });
    for (QStringList *list : {&s.profiles, &s.tmpfs, &s.capAdd, &s.capDrop, &s.links}) {
        keepUnique(*list, keyBeforeEquals);
    }
    for (QStringList &aliases : s.networks) {
        keepUnique(aliases, keyBeforeEquals);
    }
}

// An env file's variables, interpolated from `lookup`; the file must be a regular file of a sane
// size (a FIFO or /dev/zero is refused at once).
Result<QList<std::pair<QString, QString>>> readEnvFile(const QString &path,
                                                       const VariableLookup &lookup)
{
    const auto bytes = readRegularFile(path, kMaxEnvFileBytes, QStringLiteral("env file"));
    if (!bytes) {
        return std::unexpected(bytes.error());
    }
    auto doc = EnvDocument::parse(QString::fromUtf8(*bytes), path);
    if (!doc) {
        return std::unexpected(doc.error());
    }
    return doc->resolve(lookup);
}

// What one compose file contributes, with everything it includes.
struct FileModel
{
    QString name; // name:, empty when the file sets none
    QList<ComposeService> services;
    QList<ServiceExtras> extras; // extras[i] belongs to services[i]
    QSet<QString> networks;
    QSet<QString> volumes;
    QSet<QString> secrets;
    QSet<QString> configs;
    // The declared networks' and volumes' options (Loader::resourceDefinition), by name.
    QHash<QString, QJsonObject> networkDefs;
    QHash<QString, QJsonObject> volumeDefs;
    QHash<QString, QJsonObject> secretDefs; // Loader::fileDefinition
    QHash<QString, QJsonObject> configDefs;
    QMap<QString, QJsonValue> extensions; // top-level x-* keys (Loader::jsonValue)
    // Paths below a top-level network's, volume's, secret's or config's key tagged !reset or
    // !override: the earlier files' value there is dropped before this file's merges in.
    QList<QStringList> resourceResets;

    // A later file's definition merges into an earlier one key by key (labels and driver_opts
    // entry by entry).
    static void mergeDefinitions(QHash<QString, QJsonObject> &mine,
                                 const QHash<QString, QJsonObject> &theirs)
    {
        for (auto it = theirs.begin(); it != theirs.end(); ++it) {
            QJsonObject &def = mine[it.key()];
            for (auto kv = it->begin(); kv != it->end(); ++kv) {
                if ((kv.key() == u"labels" || kv.key() == u"driver_opts") && def.contains(kv.key())) {
                    QJsonObject merged = def.value(kv.key()).toObject();
                    const QJsonObject add = kv.value().toObject();
                    for (auto a = add.begin(); a != add.end(); ++a) {
                        merged.insert(a.key(), a.value());
                    }
                    def.insert(kv.key(), merged);
                } else {
                    def.insert(kv.key(), kv.value());
                }
            }
        }
    }

    // The position of a service in services, -1 when there is none of that name.
    qsizetype find(const QString &service) const
    {
        return indexed().value(service, -1);
    }

    void reserve(qsizetype count)
    {
        services.reserve(count);
        extras.reserve(count);
    }

    void add(ServiceParts parts)
    {
        if (!m_index.isEmpty()) {
            m_index.insert(parts.service.name, services.size());
        }
        services.append(std::move(parts.service));
        extras.append(std::move(static_cast<ServiceExtras &>(parts)));
    }

    void replace(qsizetype i, ServiceParts parts)
    {
        services[i] = std::move(parts.service);
        extras[i] = std::move(static_cast<ServiceExtras &>(parts));
    }

    // Each service with its extras, as ServiceParts (moved out: the model is left empty).
    QList<ServiceParts> takeServices()
    {
        QList<ServiceParts> all;
        all.reserve(services.size());
        for (qsizetype i = 0; i < services.size(); ++i) {
            ServiceParts parts;
            static_cast<ServiceExtras &>(parts) = std::move(extras[i]);
            parts.service = std::move(services[i]);
            all.append(std::move(parts));
        }
        services.clear();
        extras.clear();
        m_index.clear();
        return all;
    }

    // `over` is a later -f file (or a later path of one include): its services merge into ours.
    void override(FileModel over)
    {
        if (services.isEmpty() && networks.isEmpty() && volumes.isEmpty() && secrets.isEmpty()
            && configs.isEmpty() && extensions.isEmpty()) {
            // The first file: nothing to merge into (and nothing copied, for large files).
            const QString kept = over.name.isEmpty() ? name : over.name;
            *this = std::move(over);
            name = kept;
            return;
        }
        if (!over.name.isEmpty()) {
            name = over.name;
        }
        for (ServiceParts &parts : over.takeServices()) {
            const qsizetype i = find(parts.service.name);
            if (i < 0) {
                add(std::move(parts));
            } else {
                merge(services[i], extras[i], parts);
            }
        }
        networks += over.networks;
        volumes += over.volumes;
        secrets += over.secrets;
        configs += over.configs;
        for (const QStringList &path : over.resourceResets) {
            QHash<QString, QJsonObject> &defs = path.first() == u"networks" ? networkDefs
                                                : path.first() == u"volumes" ? volumeDefs
                                                : path.first() == u"secrets" ? secretDefs
                                                                             : configDefs;
            if (const auto def = defs.find(path.at(1)); def != defs.end()) {
                removeJsonPath(*def, path.mid(2));
            }
        }
        mergeDefinitions(networkDefs, over.networkDefs);
        mergeDefinitions(volumeDefs, over.volumeDefs);
        mergeDefinitions(secretDefs, over.secretDefs);
        mergeDefinitions(configDefs, over.configDefs);
        // A later file's extension replaces the earlier one whole.
        for (auto it = over.extensions.begin(); it != over.extensions.end(); ++it) {
            extensions.insert(it.key(), *it);
        }
    }

private:
    // Service name -> position in services, built on first use: a single file of 140 000
    // services never needs it (the tree has refused duplicate names already).
    const QHash<QString, qsizetype> &indexed() const
    {
        if (m_index.size() != services.size()) {
            m_index.clear();
            m_index.reserve(services.size());
            for (qsizetype i = 0; i < services.size(); ++i) {
                m_index.insert(services.at(i).name, i);
            }
        }
        return m_index;
    }
    mutable QHash<QString, qsizetype> m_index;
};

QString position(const QString &file, const YamlNode &node)
{
    return QStringLiteral("%1:%2:%3")
        .arg(file)
        .arg(node.mark().line + 1)
        .arg(node.mark().column + 1);
}

// Reads and parses one compose file; the tree refuses duplicate keys, resolves merge keys and
// bounds alias expansion while it is built (see YamlTree).
// Compose's merge tags in a file's tree: those below a service key (services.NAME.KEY.…) go to
// `loader`, by service; those below a top-level network's, volume's, secret's or config's key
// are returned (FileModel::override applies them). Tags on a service key itself are read where
// the key is (Loader::service).
QList<QStringList> fileMergeTags(YamlTree &tree, Loader &loader)
{
    static const std::set<std::string> resources{"networks", "volumes", "secrets", "configs"};
    const auto tags = tree.takeMergeTags([](const std::vector<std::string> &path) {
        return (path.size() >= 4 && path[0] == "services")
               || (path.size() >= 3 && resources.count(path[0]));
    });
    QList<QStringList> rest;
    for (const YamlMergeTag &tag : tags) {
        QStringList path;
        for (const std::string &key : tag.path) {
            path << QString::fromStdString(key);
        }
        if (path.first() == u"services") {
            loader.nestedTags[path.at(1)].append({path.mid(2), tag.mark});
        } else {
            rest << path;
        }
    }
    return rest;
}

std::unique_ptr<YamlTree> parseFile(const QString &path)
{
    const auto text = readRegularFile(path, kMaxComposeFileBytes, QStringLiteral("compose file"));
    if (!text) {
        throw LoadFailure{text.error()};
    }
    YamlError error;
    auto tree = YamlTree::parse(std::string_view(text->constData(), text->size()), &error);
    if (!tree) {
        switch (error.kind) {
        case YamlError::Kind::Syntax:
        case YamlError::Kind::Unsupported: // only a Scanner::Fast parse gives up
            throw LoadFailure{Error{Error::Code::InvalidArgument,
                                    QStringLiteral("%1:%2:%3: %4")
                                        .arg(path)
                                        .arg(error.mark.line + 1)
                                        .arg(error.mark.column + 1)
                                        .arg(error.message),
                                    QStringLiteral("Fix the YAML syntax at that position.")}};
        case YamlError::Kind::DuplicateKey: {
            const auto at = [&](const YamlMark &m) {
                return QStringLiteral("%1:%2:%3").arg(path).arg(m.line + 1).arg(m.column + 1);
            };
            throw LoadFailure{
                Error{Error::Code::InvalidArgument,
                      QStringLiteral("%1: %2 (first at %3)")
                          .arg(at(error.mark), error.message, at(error.first)),
                      QStringLiteral("Remove or rename one of the two; Compose refuses "
                                     "duplicate keys too.")}};
        }
        case YamlError::Kind::Aliases:
            failAt(path, error.mark, error.message);
        }
    }
    const YamlNode root = tree->root();
    if (!root.isNull() && !root.isMap()) {
        fail(path, root, QStringLiteral("a compose file must be a map"));
    }
    return tree;
}

void applyIncludes(Loader &parent, const YamlNode &node, const QStringList &chain,
                   FileModel &model);

// The service `name` of `services` (the services: map of loader.file) with its `extends`
// applied as Compose applies it: the base service (from this file, or from file: read with paths
// relative to that file's folder, and with its own extends) is overridden by this service with
// the same rules as a later -f file. `chain` holds "file:service" already on the way, for cycles.
ServiceParts extendedService(Loader &loader, const YamlNode &services, const QString &name,
                             QStringList chain)
{
    const QString key = loader.file + QLatin1Char(':') + name;
    ServiceParts parts = loader.service(name, services[name.toStdString()]);
    if (parts.extendsService.isEmpty()) {
        return parts;
    }
    if (chain.contains(key)) {
        chain << key;
        failAt(loader.file, parts.extendsMark,
               QStringLiteral("extends cycle: %1")
                   .arg(chain.mid(chain.indexOf(key)).join(QStringLiteral(" -> "))));
    }
    chain << key;
    const QString &ref = parts.extendsService;
    ServiceParts base;
    if (parts.extendsFile.isEmpty()) {
        if (!services[ref.toStdString()]) {
            failAt(loader.file, parts.extendsMark,
                   QStringLiteral("service \"%1\" extends \"%2\", which is not defined in this "
                                  "file")
                       .arg(name, ref));
        }
        base = extendedService(loader, services, ref, chain);
    } else {
        const QString path = loader.absolute(parts.extendsFile);
        if (!QFileInfo::exists(path)) {
            failAt(loader.file, parts.extendsMark,
                   QStringLiteral("service \"%1\" extends a service in %2, which does not exist")
                       .arg(name, path));
        }
        const auto tree = parseFile(path);
        const YamlNode root = tree->root();
        const YamlNode baseServices = root.isMap() ? root["services"] : YamlNode();
        if (!baseServices || !baseServices.isMap() || !baseServices[ref.toStdString()]) {
            failAt(loader.file, parts.extendsMark,
                   QStringLiteral("service \"%1\" extends \"%2\", which %3 does not define")
                       .arg(name, ref, path));
        }
        Loader sub(loader.options(), loader.lookup(), QFileInfo(path).absolutePath(),
                   loader.missingSink());
        fileMergeTags(*tree, sub);
        sub.file = path;
        base = extendedService(sub, baseServices, ref, chain);
    }
    merge(base.service, base, parts);
    base.service.name = parts.service.name;
    base.service.file = parts.service.file;
    base.service.line = parts.service.line;
    base.extendsService.clear();
    base.extendsFile.clear();
    return base;
}

// One compose file as `loader` reads it (its project directory and variables); `chain` is the
// include chain that led here, for cycle detection.
FileModel loadFile(Loader &loader, const QString &path, QStringList chain)
{
    const auto tree = parseFile(path);
    const YamlNode root = tree->root();
    FileModel model;
    if (root.isNull()) {
        return model;
    }
    const QString previousFile = loader.file;
    const auto previousTags = std::exchange(loader.nestedTags, {});
    model.resourceResets = fileMergeTags(*tree, loader);
    loader.file = path;
    for (const auto &kv : root) {
        const QString key = kv.first.qtext();
        if (key.startsWith(QLatin1String("x-"))) {
            model.extensions.insert(key, loader.jsonValue(kv.second));
        } else if (!knownTopLevelKeys().contains(key)) {
            fail(path, kv.first,
                 QStringLiteral("unknown top-level key \"%1\"%2")
                     .arg(key, didYouMean(key, knownTopLevelKeys())));
        }
    }
    if (root["name"]) {
        model.name = loader.scalar(root["name"]);
    }
    if (const YamlNode s = root["services"]) {
        if (!s.isMap() && !s.isNull()) {
            fail(path, s, QStringLiteral("services must be a map"));
        }
        model.reserve(qsizetype(s.size()));
        for (const auto &kv : s) {
            const QString name = kv.first.qtext();
            if (!kv.first.isScalar() || name.isEmpty() || kv.first.isNull()) {
                fail(path, kv.first, QStringLiteral("a service needs a name"));
            }
            // Compose's schema: ^[a-zA-Z0-9._-]+$ (a container and DNS name is made of it).
            const auto allowed = [](QChar c) {
                return (c >= QLatin1Char('a') && c <= QLatin1Char('z'))
                       || (c >= QLatin1Char('A') && c <= QLatin1Char('Z'))
                       || (c >= QLatin1Char('0') && c <= QLatin1Char('9')) || c == QLatin1Char('.')
                       || c == QLatin1Char('_') || c == QLatin1Char('-');
            };
            if (!std::all_of(name.begin(), name.end(), allowed)) {
                fail(path, kv.first,
                     QStringLiteral("services: \"%1\" is not a valid service name (use only "
                                    "letters, digits, '.', '_' and '-')")
                         .arg(name));
            }
            model.add(loader.service(name, kv.second));
        }
        for (qsizetype i = 0; i < model.services.size(); ++i) {
            if (!model.extras.at(i).extendsService.isEmpty()) {
                model.replace(i, extendedService(loader, s, model.services.at(i).name, {}));
            }
        }
    }
    for (const auto &[key, set] :
         {std::pair{"networks", &model.networks}, std::pair{"volumes", &model.volumes},
          std::pair{"secrets", &model.secrets}, std::pair{"configs", &model.configs}}) {
        if (const YamlNode n = root[key]) {
            if (!n.isMap() && !n.isNull()) {
                fail(path, n, QStringLiteral("%1 must be a map").arg(QLatin1String(key)));
            }
            for (const auto &kv : n) {
                set->insert(kv.first.qtext());
                if (set == &model.networks || set == &model.volumes) {
                    (set == &model.networks ? model.networkDefs : model.volumeDefs)
                        .insert(kv.first.qtext(),
                                loader.resourceDefinition(set == &model.networks, kv.second));
                } else {
                    (set == &model.secrets ? model.secretDefs : model.configDefs)
                        .insert(kv.first.qtext(), loader.fileDefinition(kv.second));
                }
            }
        }
    }
    if (const YamlNode include = root["include"]) {
        chain << path;
        applyIncludes(loader, include, chain, model);
    }
    loader.nestedTags = previousTags;
    loader.file = previousFile;
    return model;
}

// Compose's `include` (2.20+): each entry is a sub-project (one file, or a file and its
// overrides) read with its own project directory (default: the first file's folder) and env file
// (default: the .env there), whose variables come after the including project's. Its services,
// networks, volumes, secrets and configs join the including file; a service of the same name is
// a conflict unless both are the same.
void applyIncludes(Loader &parent, const YamlNode &node, const QStringList &chain,
                   FileModel &model)
{
    const QString file = parent.file;
    if (!node.isSequence()) {
        fail(file, node, QStringLiteral("include must be a list"));
    }
    for (const YamlNode &item : node) {
        QStringList paths;
        QString projectDirectory;
        QStringList envFiles;
        if (item.isScalar()) {
            paths << parent.scalar(item);
        } else if (item.isMap()) {
            for (const auto &kv : item) {
                const QString key = kv.first.qtext();
                if (key == QLatin1String("path")) {
                    paths = parent.stringList(kv.second);
                } else if (key == QLatin1String("project_directory")) {
                    projectDirectory = parent.scalar(kv.second);
                } else if (key == QLatin1String("env_file")) {
                    envFiles = parent.stringList(kv.second);
                } else {
                    fail(file, kv.first,
                         QStringLiteral("include: unknown key \"%1\" (use path, "
                                        "project_directory, env_file)")
                             .arg(key));
                }
            }
        } else {
            fail(file, item, QStringLiteral("an include entry is a path or a map with path:"));
        }
        if (paths.isEmpty()) {
            fail(file, item, QStringLiteral("an include entry needs a path"));
        }
        for (QString &p : paths) {
            p = parent.absolute(p);
        }
        projectDirectory = projectDirectory.isEmpty() ? QFileInfo(paths.first()).absolutePath()
                                                      : parent.absolute(projectDirectory);
        if (chain.contains(paths.first())) {
            QStringList cycle = chain.mid(chain.indexOf(paths.first()));
            cycle << paths.first();
            fail(file, item,
                 QStringLiteral("include cycle: %1").arg(cycle.join(QStringLiteral(" -> "))));
        }
        if (envFiles.isEmpty()) {
            const QString dotEnv = QDir(projectDirectory).filePath(QStringLiteral(".env"));
            if (QFileInfo::exists(dotEnv)) {
                envFiles << dotEnv;
            }
        } else {
            for (QString &f : envFiles) {
                f = parent.absolute(f);
            }
        }
        // The including project's variables win over the included env files.
        QHash<QString, QString> variables;
        const VariableLookup outer = parent.lookup();
        for (const QString &f : envFiles) {
            auto values = readEnvFile(f, [&](const QString &n) -> std::optional<QString> {
                if (auto v = outer(n)) {
                    return v;
                }
                const auto it = variables.constFind(n);
                return it == variables.cend() ? std::nullopt : std::optional<QString>(*it);
            });
            if (!values) {
                Error error = values.error();
                error.message =
                    QStringLiteral("%1: include: %2").arg(position(file, item), error.message);
                throw LoadFailure{error};
            }
            for (const auto &[k, v] : *values) {
                variables.insert(k, v);
            }
        }
        Loader sub(
            parent.options(),
            [outer, variables](const QString &n) -> std::optional<QString> {
                if (auto v = outer(n)) {
                    return v;
                }
                const auto it = variables.constFind(n);
                return it == variables.cend() ? std::nullopt : std::optional<QString>(*it);
            },
            projectDirectory, parent.missingSink());
        FileModel included;
        for (const QString &p : paths) {
            if (!QFileInfo::exists(p)) {
                fail(file, item, QStringLiteral("included file %1 does not exist").arg(p));
            }
            included.override(loadFile(sub, p, chain));
        }
        for (ServiceParts &parts : included.takeServices()) {
            if (const qsizetype i = model.find(parts.service.name); i >= 0) {
                const ComposeService *existing = &model.services.at(i);
                if (existing->toJson() == parts.service.toJson()
                    && model.extras.at(i).envFiles == parts.envFiles) {
                    continue;
                }
                throw LoadFailure{Error{
                    Error::Code::InvalidArgument,
                    QStringLiteral("%1:%2: service \"%3\" is also defined, differently, in the "
                                   "included file %4:%5 (services.%3 conflicts with imported "
                                   "resource)")
                        .arg(existing->file)
                        .arg(existing->line)
                        .arg(parts.service.name, parts.service.file)
                        .arg(parts.service.line),
                    QStringLiteral("Rename one of the two, or define the service in one place "
                                   "only.")}};
            }
            model.add(std::move(parts));
        }
        model.networks += included.networks;
        model.volumes += included.volumes;
        // A resource both define must be the same one, as for services.
        for (const auto &[kind, mine, theirs] :
             {std::tuple{"networks", &model.networkDefs, &included.networkDefs},
              std::tuple{"volumes", &model.volumeDefs, &included.volumeDefs},
              std::tuple{"secrets", &model.secretDefs, &included.secretDefs},
              std::tuple{"configs", &model.configDefs, &included.configDefs}}) {
            for (auto it = theirs->cbegin(); it != theirs->cend(); ++it) {
                const auto existing = mine->constFind(it.key());
                if (existing != mine->cend() && *existing != it.value()) {
                    fail(file, item,
                         QStringLiteral("%1 \"%2\" is defined by this project and, differently, by "
                                        "the included %3 (%1.%2 conflicts with imported "
                                        "resource)")
                             .arg(QLatin1String(kind), it.key(), paths.join(QStringLiteral(", "))));
                }
                mine->insert(it.key(), it.value());
            }
        }
        model.secrets += included.secrets;
        model.configs += included.configs;
    }
}

// The top-level networks or volumes a file declares, and which of them services use: looked up
// once per use, by a scan while there are a few (the usual case) and by a hash beyond.
class DeclaredNames
{
public:
    explicit DeclaredNames(const QSet<QString> &names)
        : m_names(names.begin(), names.end())
        , m_used(std::size_t(m_names.size()), false)
    {
        if (m_names.size() > kScanned) {
            for (qsizetype i = 0; i < m_names.size(); ++i) {
                m_index.insert(m_names.at(i), i);
            }
        }
    }

    // Marks `name` used; false when it is not declared.
    bool use(const QString &name)
    {
        qsizetype at = -1;
        if (m_names.size() > kScanned) {
            at = m_index.value(name, -1);
        } else {
            at = m_names.indexOf(name);
        }
        if (at >= 0) {
            m_used[std::size_t(at)] = true;
        }
        return at >= 0;
    }

    QStringList used() const
    {
        QStringList list;
        for (qsizetype i = 0; i < m_names.size(); ++i) {
            if (m_used[std::size_t(i)]) {
                list << m_names.at(i);
            }
        }
        return list;
    }

private:
    static constexpr qsizetype kScanned = 16;
    QStringList m_names;
    std::vector<bool> m_used;
    QHash<QString, qsizetype> m_index;
};

QStringList discover(const QString &startDir)
{
    static const QStringList names{QStringLiteral("compose.yaml"), QStringLiteral("compose.yml"),
                                   QStringLiteral("docker-compose.yaml"),
                                   QStringLiteral("docker-compose.yml")};
    QDir dir(startDir);
    while (true) {
        for (const QString &name : names) {
            if (dir.exists(name)) {
                QStringList files{dir.filePath(name)};
                const QString base = name.section(QLatin1Char('.'), 0, 0);
                const QString ext = name.section(QLatin1Char('.'), 1);
                const QString override = base + QStringLiteral(".override.") + ext;
                if (dir.exists(override)) {
                    files << dir.filePath(override);
                }
                return files;
            }
        }
        if (!dir.cdUp()) {
            return {};
        }
    }
}

} // namespace

ComposeLoadOptions ComposeLoadOptions::fromProcess()
{
    ComposeLoadOptions options;
    const QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const QString &key : env.keys()) {
        options.environment.insert(key, env.value(key));
    }
    options.workingDirectory = QDir::currentPath();
    return options;
}

QString normalizeProjectName(const QString &name)
{
    QString out;
    for (const QChar c : name.toLower()) {
        // ASCII digits only, as Compose's [a-z0-9_-]: QChar::isDigit() would keep "٣".
        if ((c >= QLatin1Char('a') && c <= QLatin1Char('z'))
            || (c >= QLatin1Char('0') && c <= QLatin1Char('9')) || c == QLatin1Char('_')
            || c == QLatin1Char('-')) {
            out += c;
        }
    }
    while (!out.isEmpty() && !out.at(0).isLetterOrNumber()) {
        out.remove(0, 1);
    }
    return out;
}

Result<ComposeProject> loadComposeProject(const ComposeLoadOptions &options)
{
    try {
        const QString cwd =
            options.workingDirectory.isEmpty() ? QDir::currentPath() : options.workingDirectory;
        auto env = [&](const QString &name) -> std::optional<QString> {
            const auto it = options.environment.constFind(name);
            return it == options.environment.cend() ? std::nullopt : std::optional<QString>(*it);
        };
        QStringList files;
        for (const QString &f : options.files) {
            files << QDir::cleanPath(QDir(cwd).absoluteFilePath(f));
        }
        // Cleaned: `--project-directory .` names the project after the folder, not ".".
        QString projectDir =
            options.projectDirectory.isEmpty()
                ? (files.isEmpty() ? cwd : QFileInfo(files.first()).absolutePath())
                : QDir::cleanPath(QDir(cwd).absoluteFilePath(options.projectDirectory));

        // .env (or --env-file): the project's variables; the process environment wins.
        QHash<QString, QString> dotenv;
        const QStringList envFiles =
            options.envFiles.isEmpty()
                ? QStringList{QDir(projectDir).filePath(QStringLiteral(".env"))}
                : options.envFiles;
        for (const QString &path : envFiles) {
            const QString absolutePath = QDir(cwd).absoluteFilePath(path);
            // A missing default .env is normal; a named --env-file must exist.
            if (options.envFiles.isEmpty() && !QFileInfo::exists(absolutePath)) {
                continue;
            }
            auto values =
                readEnvFile(absolutePath, [&](const QString &n) -> std::optional<QString> {
                    if (auto v = env(n)) {
                        return v;
                    }
                    const auto it = dotenv.constFind(n);
                    return it == dotenv.cend() ? std::nullopt : std::optional<QString>(*it);
                });
            if (!values) {
                return std::unexpected(values.error());
            }
            for (const auto &[k, v] : *values) {
                dotenv.insert(k, v);
            }
        }
        const VariableLookup lookup = [&](const QString &name) -> std::optional<QString> {
            if (auto v = env(name)) {
                return v;
            }
            const auto it = dotenv.constFind(name);
            return it == dotenv.cend() ? std::nullopt : std::optional<QString>(*it);
        };

        if (files.isEmpty()) {
            if (const auto composeFile = lookup(QStringLiteral("COMPOSE_FILE"))) {
                // Like Compose: split at COMPOSE_PATH_SEPARATOR (the OS's list separator when
                // unset or empty), each path relative to where Compose runs, not to
                // --project-directory.
                QString separator =
                    lookup(QStringLiteral("COMPOSE_PATH_SEPARATOR")).value_or(QString());
                if (separator.isEmpty()) {
                    separator = QDir::listSeparator();
                }
                for (const QString &f : composeFile->split(separator, Qt::SkipEmptyParts)) {
                    files << QDir::cleanPath(QDir(cwd).absoluteFilePath(f));
                }
            } else {
                // Compose looks in the project directory when one is given, else where it runs.
                const QString start = options.projectDirectory.isEmpty() ? cwd : projectDir;
                files = discover(start);
                if (files.isEmpty()) {
                    return makeError(
                        Error::Code::NotFound,
                        QStringLiteral("No compose file found in %1 or its parents.").arg(start),
                        QStringLiteral("Create compose.yaml, or name files with -f."));
                }
            }
            if (options.projectDirectory.isEmpty()) {
                projectDir = QFileInfo(files.first()).absolutePath();
            }
        }

        ComposeProject project;
        Loader loader(options, lookup, projectDir,
                      options.tolerateMissingRequired ? &project.missingRequired : nullptr);
        project.workingDirectory = projectDir;
        project.configFiles = files;
        // The first file is the project; each further -f file overrides it.
        FileModel model;
        for (const QString &path : files) {
            model.override(loadFile(loader, path, {}));
        }
        const QString topName = model.name;
        QList<ComposeService> &services = model.services;
        const QSet<QString> &networks = model.networks;
        const QSet<QString> &volumes = model.volumes;
        const QSet<QString> &secrets = model.secrets;
        const QSet<QString> &configs = model.configs;

        // Name: -p, COMPOSE_PROJECT_NAME, name:, the project folder.
        QString name = options.projectName;
        if (name.isEmpty()) {
            name = lookup(QStringLiteral("COMPOSE_PROJECT_NAME")).value_or(QString());
        }
        if (name.isEmpty()) {
            name = topName;
        }
        if (name.isEmpty()) {
            name = QFileInfo(projectDir).fileName();
        }
        project.name = normalizeProjectName(name);
        if (project.name.isEmpty()) {
            return makeError(Error::Code::InvalidArgument,
                             QStringLiteral("\"%1\" gives no valid project name.").arg(name),
                             QStringLiteral("Set name: in the compose file or use -p NAME."));
        }

        QStringList profiles = options.profiles;
        if (profiles.isEmpty()) {
            profiles = lookup(QStringLiteral("COMPOSE_PROFILES"))
                           .value_or(QString())
                           .split(QLatin1Char(','), Qt::SkipEmptyParts);
        }
        bool usesDefaultNetwork = false;
        // The model's services become the project's (inactive ones left out), in place.
        std::vector<bool> inactive(std::size_t(services.size()), false);
        const qsizetype defined = services.size();
        for (qsizetype i = 0; i < services.size(); ++i) {
            ComposeService &s = services[i];
            const ServiceExtras &parts = model.extras.at(i);
            // env_file values first, environment overrides them.
            QMap<QString, std::optional<QString>> environment;
            for (const auto &[path, required] : parts.envFiles) {
                if (!QFileInfo::exists(path)) {
                    if (required) {
                        return makeError(Error::Code::NotFound,
                                         QStringLiteral("%1:%2: env file %3 not found (service %4).")
                                             .arg(s.file)
                                             .arg(s.line)
                                             .arg(path, s.name),
                                         QStringLiteral("Create it, or mark it required: false."));
                    }
                    continue;
                }
                // Compose interpolates env_file values with the project's variables (.env too).
                auto values = readEnvFile(path, lookup);
                if (!values) {
                    Error error = values.error();
                    error.message = QStringLiteral("%1:%2: env_file of service %3: %4")
                                        .arg(s.file)
                                        .arg(s.line)
                                        .arg(s.name, error.message);
                    return std::unexpected(error);
                }
                for (const auto &[k, v] : *values) {
                    environment.insert(k, v);
                }
            }
            if (!parts.envFiles.isEmpty()) {
                environment.insert(s.environment);
                s.environment = environment;
            }
            s.extraHosts.sort();
            enforceUnicity(s);
            if (!s.platform.isEmpty() && s.build && !s.build->platforms.isEmpty()
                && !s.build->platforms.contains(s.platform)) {
                return makeError(
                    Error::Code::InvalidArgument,
                    QStringLiteral("%1:%2: services.%3.platform: \"%4\" is not in "
                                   "build.platforms (%5)")
                        .arg(s.file)
                        .arg(s.line)
                        .arg(s.name, s.platform, s.build->platforms.join(QStringLiteral(", "))),
                    QStringLiteral("Add it to build.platforms, or build for one of those."));
            }
            if (s.image.isEmpty() && !s.build) {
                return makeError(
                    Error::Code::InvalidArgument,
                    QStringLiteral("%1:%2: services.%3: the service has neither an image nor a "
                                   "build context")
                        .arg(s.file)
                        .arg(s.line)
                        .arg(s.name),
                    QStringLiteral(
                        "Add image: (what to run) or build: (where its Dockerfile is)."));
            }
            const bool active =
                s.profiles.isEmpty() || profiles.contains(QStringLiteral("*"))
                || std::any_of(s.profiles.begin(), s.profiles.end(),
                               [&](const QString &p) { return profiles.contains(p); });
            if (!active) {
                project.disabledServices << s.name;
                project.disabledProfiles.insert(s.name, s.profiles);
                inactive[std::size_t(i)] = true;
                continue;
            }
            // links and network_mode: service:X make X a dependency (Compose restarts the
            // dependent with it).
            QStringList implied;
            for (const QString &link : s.links) {
                implied << link.section(QLatin1Char(':'), 0, 0);
            }
            if (s.networkMode.startsWith(QLatin1String("service:"))) {
                implied << s.networkMode.mid(8);
            }
            for (const QString &dep : implied) {
                if (!s.dependsOn.contains(dep)) {
                    ComposeDependency d;
                    d.restart = true;
                    s.dependsOn.insert(dep, d);
                }
            }
            // volumes_from a service (not container:NAME) waits for it, without a restart.
            for (const QString &from : s.otherLists.value(QStringLiteral("volumes_from"))) {
                if (!from.startsWith(QLatin1String("container:"))) {
                    const QString dep = from.section(QLatin1Char(':'), 0, 0);
                    if (!s.dependsOn.contains(dep)) {
                        s.dependsOn.insert(dep, ComposeDependency{});
                    }
                }
            }
            for (const auto &[refs, declared, kind] :
                 {std::tuple{&parts.secretRefs, &secrets, "secret"},
                  std::tuple{&parts.configRefs, &configs, "config"}}) {
                for (const auto &[ref, where] : *refs) {
                    if (!declared->contains(ref)) {
                        return makeError(
                            Error::Code::InvalidArgument,
                            QStringLiteral("%1: services.%2.%3s: service \"%2\" refers to "
                                           "undefined %3 %4")
                                .arg(where, s.name, QLatin1String(kind), ref),
                            QStringLiteral("Declare it under the top-level %1s: key, or fix "
                                           "the name.")
                                .arg(QLatin1String(kind)));
                    }
                }
            }
            for (const QString &source : s.build ? s.build->secretSources : QStringList()) {
                if (!secrets.contains(source)) {
                    return makeError(
                        Error::Code::InvalidArgument,
                        QStringLiteral("%1:%2: services.%3.build.secrets: service \"%3\" refers "
                                       "to undefined build secret %4")
                            .arg(s.file)
                            .arg(s.line)
                            .arg(s.name, source),
                        QStringLiteral("Declare it under the top-level secrets: key, or fix the "
                                       "name."));
                }
            }
            if (s.build && !s.build->dockerfile.isEmpty() && !s.build->dockerfileInline.isEmpty()) {
                return makeError(Error::Code::InvalidArgument,
                                 QStringLiteral("%1:%2: service \"%3\" declares both "
                                                "build.dockerfile and build.dockerfile_inline, "
                                                "which exclude each other")
                                     .arg(s.file)
                                     .arg(s.line)
                                     .arg(s.name),
                                 QStringLiteral("Keep one of them: the Dockerfile's path or its "
                                                "text inline."));
            }
            if (!s.networkMode.isEmpty() && !s.networks.isEmpty()) {
                return makeError(Error::Code::InvalidArgument,
                                 QStringLiteral("%1:%2: service \"%3\" declares both network_mode "
                                                "and networks, which exclude each other")
                                     .arg(s.file)
                                     .arg(s.line)
                                     .arg(s.name),
                                 QStringLiteral("Keep one of them: network_mode %1 joins no "
                                                "network.")
                                     .arg(s.networkMode));
            }
            // With a network_mode the service joins no network, not even "default".
            if (s.networks.isEmpty() && s.networkMode.isEmpty()) {
                // One map shared by every such service (a large file has 100 000 of them).
                static const QMap<QString, QStringList> defaultOnly{{QStringLiteral("default"), {}}};
                s.networks = defaultOnly;
            }
            usesDefaultNetwork =
                usesDefaultNetwork || s.networks.contains(QStringLiteral("default"));
        }
        model.extras = {};
        if (!project.disabledServices.isEmpty()) {
            qsizetype kept = 0;
            for (qsizetype i = 0; i < services.size(); ++i) {
                if (!inactive[std::size_t(i)]) {
                    if (kept != i) {
                        services[kept] = std::move(services[i]);
                    }
                    ++kept;
                }
            }
            services.erase(services.begin() + kept, services.end());
        }
        project.services = std::move(services);
        if (defined == 0) {
            return makeError(
                Error::Code::InvalidArgument,
                QStringLiteral("%1 defines no services.").arg(files.join(QStringLiteral(", "))),
                QStringLiteral("Add a services: section."));
        }

        // Validation: dependencies exist (or are disabled but optional), no cycles.
        const ServiceNumbers numbers(project.services);
        const QSet<QString> disabled(project.disabledServices.begin(),
                                     project.disabledServices.end());
        for (const ComposeService &s : project.services) {
            for (auto it = s.dependsOn.begin(); it != s.dependsOn.end(); ++it) {
                if (numbers.contains(it.key())) {
                    continue;
                }
                if (disabled.contains(it.key()) && !it.value().required) {
                    continue;
                }
                const QString why =
                    disabled.contains(it.key())
                        ? QStringLiteral("service \"%1\" depends on \"%2\", which is "
                                         "not in an enabled profile")
                        : QStringLiteral("service \"%1\" depends on undefined "
                                         "service \"%2\"");
                return makeError(
                    Error::Code::InvalidArgument,
                    QStringLiteral("%1:%2: %3")
                        .arg(s.file)
                        .arg(s.line)
                        .arg(why.arg(s.name, it.key())),
                    QStringLiteral("Define the service, fix the name, or enable its profile."));
            }
        }
        // Named volumes and networks a service uses must be declared at the top level (the
        // implicit "default" network aside), as Compose requires. Like Compose, the project has
        // the networks and named volumes its active services use (declared ones nobody uses
        // are left out; "default" exists when a service is on it).
        DeclaredNames declaredNetworks(networks);
        DeclaredNames declaredVolumes(volumes);
        for (const ComposeService &s : project.services) {
            const auto undefined = [&](const char *kind, const QString &name) {
                return makeError(
                    Error::Code::InvalidArgument,
                    QStringLiteral("%1:%2: service \"%3\" refers to undefined %4 %5")
                        .arg(s.file)
                        .arg(s.line)
                        .arg(s.name, QLatin1String(kind), name),
                    QStringLiteral("Declare it under the top-level %1s: key, or fix the name.")
                        .arg(QLatin1String(kind)));
            };
            for (const ComposeVolumeMount &v : s.volumes) {
                if (v.type == QLatin1String("volume") && !v.source.isEmpty()
                    && !declaredVolumes.use(v.source)) {
                    return undefined("volume", v.source);
                }
            }
            for (auto it = s.networks.begin(); it != s.networks.end(); ++it) {
                if (!declaredNetworks.use(it.key()) && it.key() != QLatin1String("default")) {
                    return undefined("network", it.key());
                }
            }
        }
        if (const auto cycle = project.dependencyCycle(numbers)) {
            const ComposeService *first = &project.services.at(numbers.find(cycle->first()));
            return makeError(Error::Code::InvalidArgument,
                             QStringLiteral("%1:%2: dependency cycle: %3")
                                 .arg(first->file)
                                 .arg(first->line)
                                 .arg(cycle->join(QStringLiteral(" -> "))),
                             QStringLiteral("Remove one of these depends_on entries."));
        }

        project.networks = declaredNetworks.used();
        if (usesDefaultNetwork && !networks.contains(QStringLiteral("default"))) {
            project.networks << QStringLiteral("default");
        }
        project.volumes = declaredVolumes.used();
        // Their options as Compose prints them: the name it gives each (the written one, the
        // key for an external one, else PROJECT_KEY), a network's IPAM (empty when unset).
        const auto finished = [&](QJsonObject def, const QString &key, bool network) {
            if (!def.contains(QStringLiteral("name"))) {
                def.insert(QStringLiteral("name"), def.value(QStringLiteral("external")).toBool()
                                                       ? key
                                                       : project.name + QLatin1Char('_') + key);
            }
            if (network && !def.contains(QStringLiteral("ipam"))) {
                def.insert(QStringLiteral("ipam"), QJsonObject{});
            }
            return def;
        };
        for (const QString &n : std::as_const(project.networks)) {
            project.networkDefinitions.insert(n, finished(model.networkDefs.value(n), n, true));
        }
        for (const QString &v : std::as_const(project.volumes)) {
            project.volumeDefinitions.insert(v, finished(model.volumeDefs.value(v), v, false));
        }
        project.secrets = QStringList(secrets.begin(), secrets.end());
        project.configs = QStringList(configs.begin(), configs.end());
        project.extensions = model.extensions;
        // The secrets and configs the active services use, as Compose prints them.
        for (const ComposeService &s : project.services) {
            for (const auto &[mounts, defs, out] :
                 {std::tuple{&s.secrets, &model.secretDefs, &project.secretDefinitions},
                  std::tuple{&s.configs, &model.configDefs, &project.configDefinitions}}) {
                for (const QJsonObject &mount : *mounts) {
                    const QString source = mount.value(QStringLiteral("source")).toString();
                    out->insert(source, finished(defs->value(source), source, false));
                }
            }
            // A build's secrets are used too.
            for (const QString &source : s.build ? s.build->secretSources : QStringList()) {
                project.secretDefinitions.insert(
                    source, finished(model.secretDefs.value(source), source, false));
            }
        }
        for (QStringList *l :
             {&project.networks, &project.volumes, &project.secrets, &project.configs}) {
            l->sort();
        }
        return project;
    } catch (const LoadFailure &failure) {
        return std::unexpected(failure.error);
    }
}

} // namespace DevDock::Core
