// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#undef QT_USE_QSTRINGBUILDER // plain QByteArray concatenation below

// Fault injection for every file DevDock writes: a real tmpfs with a few KB free (the tests run
// as root and mount it), another program that edits a file at the worst moment, files that are
// not clean UTF-8, files owned by someone else. Each test asserts the exact outcome: exit code,
// message, the file's bytes, and that nothing else was written.

#include "../common/dockertest.h"
#include "../common/smalldisk.h"

#include "devloop/devmode.h"
#include "env/enveditor.h"
#include "env/enveditorpanel.h"
#include "env/envfile.h"
#include "env/envkeymodel.h"
#include "logs/logpanel.h"
#include "logs/projectlogs.h"
#include "util/atomicwrite.h"
#include "util/settingsfile.h"

#include <QDir>
#include <QFile>
#include <QProcessEnvironment>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

using namespace DevDock;
using namespace DevDock::Core;
using DevDock::Test::SmallDisk;

namespace {

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("<missing>");
}

bool writeAll(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size()
           && f.flush();
}

QStringList entries(const QString &dir)
{
    QStringList names =
        QDir(dir).entryList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot);
    names.sort();
    return names;
}

// Sets the "other program" hook for one test and always takes it away again.
struct HookGuard
{
    explicit HookGuard(std::function<void(const QString &)> hook)
    {
        Testing::setBeforeReplaceHook(std::move(hook));
    }
    ~HookGuard() { Testing::setBeforeReplaceHook({}); }
};

// A .env.local of exactly `size` bytes of plain KEY=value lines.
QByteArray envFileOfSize(qsizetype size)
{
    QByteArray out;
    for (int i = 0; out.size() < size; ++i) {
        out += "KEY_" + QByteArray::number(i).rightJustified(5, '0') + "=value-of-the-key\n";
    }
    out.truncate(size - 1);
    out += '\n';
    return out;
}

struct FileOwner
{
    uint uid = 0;
    uint gid = 0;
    uint mode = 0;
};

FileOwner ownerOf(const QString &path)
{
    struct stat st = {};
    ::stat(QFile::encodeName(path).constData(), &st);
    return {uint(st.st_uid), uint(st.st_gid), uint(st.st_mode & 07777)};
}

bool giveAway(const QString &path)
{
    const QByteArray p = QFile::encodeName(path);
    return ::chown(p.constData(), 1234, 5678) == 0 && ::chmod(p.constData(), 0640) == 0;
}

DevModeSources sourcesWith(const QString &service, int lines)
{
    DevModeSources sources;
    QString section = QStringLiteral("environment:\n");
    for (int i = 0; i < lines; ++i) {
        section +=
            QStringLiteral("  DEV_VARIABLE_%1: a value long enough to fill the disk\n").arg(i);
    }
    sources.sections.insert(service, section);
    return sources;
}

void fillLogs(ProjectLogs &logs, int lines)
{
    const int source = logs.addSource("api", "api-1");
    QByteArray batch;
    for (int i = 0; i < lines; ++i) {
        batch += "INFO request " + QByteArray::number(i) + " answered in 12 ms\n";
    }
    logs.ingest(source, 1, batch, false);
}

Result<qint64> exportAndWait(Ui::LogPanel &panel, const QString &path)
{
    std::optional<Result<qint64>> result;
    panel.exportTo(path, true, [&](Result<qint64> r) { result = r; });
    if (!QTest::qWaitFor([&] { return result.has_value(); }, 30000)) {
        return makeError(Error::Code::Timeout, "the export did not finish");
    }
    return *result;
}

// Both ways of making the temporary copy: unnamed (O_TMPFILE, linked in at the end) and named
// (file systems without O_TMPFILE); a failure leaves neither behind.
void addTemporaryKinds()
{
    QTest::addColumn<bool>("unnamed");
    QTest::newRow("unnamed temporary") << true;
    QTest::newRow("named temporary") << false;
}

} // namespace

class TestFileFaults : public QObject
{
    Q_OBJECT
private slots:
    void envSet_onFullDisk_exitsNonZero_keepsTheFileByteForByte();
    void devOverride_onFullDisk_reportsIt_keepsThePreviousOverride_data();
    void devOverride_onFullDisk_reportsIt_keepsThePreviousOverride();
    void logExport_onFullDisk_reportsIt_keepsThePreviousExport();
    void atomicFile_shortWriteOnFullDisk_cancels_data();
    void atomicFile_shortWriteOnFullDisk_cancels();
    void envSave_otherProgramEditsBeforeRename_isConflict_theirEditStays_data();
    void envSave_otherProgramEditsBeforeRename_isConflict_theirEditStays();
    void envEditor_otherProgramEditsWhileSaving_landsInConflict_mergeKeepsBoth();
    void envPanel_otherProgramEditsWhileSaving_showsTheConflictBanner();
    void envSave_bomAndLatin1_oneLineEdit_changesOnlyThatLinesBytes();
    void rewrite_asRoot_keepsOwnerGroupAndMode();
    void rewrite_throughSymlink_replacesTheFileItNames();
    void settings_onFullDisk_reportsIt_keepsThePreviousFile();
    void settings_fromAnEarlierVersion_areCarriedOver();
    void cleanup() { Testing::setUnnamedTemporaryFiles(true); }
};

void TestFileFaults::envSet_onFullDisk_exitsNonZero_keepsTheFileByteForByte()
{
    SmallDisk disk(128 * 1024);
    MOUNT_OR_FAIL(disk);
    QVERIFY(writeAll(disk.path("compose.yaml"),
                     "services:\n  app:\n    image: devdock-test/busybox\n"));
    const QByteArray original = envFileOfSize(30 * 1024);
    QVERIFY(writeAll(disk.path(".env.local"), original));
    QVERIFY(disk.fillLeaving(8 * 1024));

    // A HOME of its own: whatever devdockctl writes besides the project is not in the listing.
    QTemporaryDir home;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert("HOME", home.path());
    env.insert("XDG_CACHE_HOME", home.filePath("cache"));
    env.insert("XDG_CONFIG_HOME", home.filePath("config"));
    env.insert("XDG_DATA_HOME", home.filePath("data"));
    auto envSet = [&] {
        QProcess p;
        p.setProcessEnvironment(env);
        p.start(DEVDOCKCTL_PATH, {"env", "set", "FOO", "new", "--project-directory", disk.path()});
        const bool finished = p.waitForFinished(60000);
        return std::tuple{finished ? p.exitCode() : -1,
                          QString::fromUtf8(p.readAllStandardError())};
    };

    const auto [code, err] = envSet();
    QCOMPARE(code, 1);
    // The new file needs all of its bytes: the old 30 KB and "FOO=new\n".
    const QString expected = QStringLiteral("devdockctl: disk full: %1 bytes needed at %2")
                                 .arg(original.size() + 8)
                                 .arg(disk.path(".env.local"));
    QVERIFY2(err.contains(expected), qPrintable(err));
    QVERIFY2(err.contains("8192 bytes are free there"), qPrintable(err));
    QCOMPARE(readAll(disk.path(".env.local")), original);
    QCOMPARE(entries(disk.path()), (QStringList{".env.local", "compose.yaml", "filler"}));

    // With room again the same command works: the failure was the disk, not the command.
    disk.unfill();
    const auto [again, againErr] = envSet();
    QVERIFY2(again == 0, qPrintable(againErr));
    QCOMPARE(readAll(disk.path(".env.local")), original + "FOO=new\n");
    QCOMPARE(entries(disk.path()), (QStringList{".env.local", "compose.yaml"}));
}

void TestFileFaults::devOverride_onFullDisk_reportsIt_keepsThePreviousOverride_data()
{
    addTemporaryKinds();
}

void TestFileFaults::devOverride_onFullDisk_reportsIt_keepsThePreviousOverride()
{
    QFETCH(bool, unnamed);
    Testing::setUnnamedTemporaryFiles(unnamed);
    const DevModeSources small = sourcesWith("api", 2);
    const DevModeSources large = sourcesWith("api", 400);
    // What the large override is, written where there is room: its size is what is needed.
    QTemporaryDir roomy;
    QVERIFY(writeDevOverride(large, {"api"}, roomy.filePath("override.yaml")));
    const qint64 needed = QFileInfo(roomy.filePath("override.yaml")).size();
    QVERIFY(needed > 16 * 1024);

    SmallDisk disk(64 * 1024);
    MOUNT_OR_FAIL(disk);
    const QString path = disk.path("compose.devdock-dev.yaml");
    QVERIFY(writeDevOverride(small, {"api"}, path));
    const QByteArray previous = readAll(path);
    QVERIFY(previous.contains("DEV_VARIABLE_1"));
    QVERIFY(disk.fillLeaving(8 * 1024));

    const auto written = writeDevOverride(large, {"api"}, path);
    QVERIFY(!written);
    QCOMPARE(written.error().message,
             QStringLiteral("disk full: %1 bytes needed at %2.").arg(needed).arg(path));
    QVERIFY2(written.error().hint.contains(path + " was left as it was"),
             qPrintable(written.error().hint));
    // Whole sentences, as the window and devdockctl show message and hint together.
    QVERIFY2(written.error().toString().contains(
                 QStringLiteral("bytes needed at %1. The disk that holds").arg(path)),
             qPrintable(written.error().toString()));
    QVERIFY2(written.error().hint.contains(
                 QStringLiteral(" more, then try again. %1 was left as it was.").arg(path)),
             qPrintable(written.error().hint));
    QCOMPARE(readAll(path), previous);
    QCOMPARE(entries(disk.path()), (QStringList{"compose.devdock-dev.yaml", "filler"}));
}

void TestFileFaults::logExport_onFullDisk_reportsIt_keepsThePreviousExport()
{
    ProjectLogs logs(nullptr);
    fillLogs(logs, 2000);
    Ui::LogPanel panel(&logs);
    QTest::qWait(100); // the batched announcement of the lines
    QTemporaryDir roomy;
    const auto full = exportAndWait(panel, roomy.filePath("all.log"));
    QVERIFY2(full, full ? "" : qPrintable(full.error().message));
    QCOMPARE(*full, 2000);
    const qint64 needed = QFileInfo(roomy.filePath("all.log")).size();
    QVERIFY(needed > 32 * 1024);

    SmallDisk disk(64 * 1024);
    MOUNT_OR_FAIL(disk);
    const QString path = disk.path("logs.txt");
    const QByteArray previous = "an earlier export\n";
    QVERIFY(writeAll(path, previous));
    QVERIFY(disk.fillLeaving(12 * 1024));

    const auto exported = exportAndWait(panel, path);
    QVERIFY(!exported);
    QCOMPARE(exported.error().message,
             QStringLiteral("disk full: %1 bytes needed at %2.").arg(needed).arg(path));
    QCOMPARE(readAll(path), previous);
    QCOMPARE(entries(disk.path()), (QStringList{"filler", "logs.txt"}));
}

void TestFileFaults::atomicFile_shortWriteOnFullDisk_cancels_data()
{
    // Without a size up front nothing is reserved: the disk fills up inside write(), which
    // first returns a short count (the pages that were free) and then ENOSPC.
    QTest::addColumn<qint64>("announced");
    QTest::addColumn<bool>("unnamed");
    QTest::newRow("size unknown, unnamed temporary") << qint64(-1) << true;
    QTest::newRow("size unknown, named temporary") << qint64(-1) << false;
    QTest::newRow("size reserved up front") << qint64(40 * 1024) << true;
}

void TestFileFaults::atomicFile_shortWriteOnFullDisk_cancels()
{
    QFETCH(qint64, announced);
    QFETCH(bool, unnamed);
    Testing::setUnnamedTemporaryFiles(unnamed);
    SmallDisk disk(64 * 1024);
    MOUNT_OR_FAIL(disk);
    const QString path = disk.path("data.bin");
    const QByteArray previous(4096, 'p');
    QVERIFY(writeAll(path, previous));
    QVERIFY(disk.fillLeaving(12 * 1024));

    AtomicFile::Options options;
    options.totalBytes = announced;
    AtomicFile file(path, options);
    const QByteArray first(8 * 1024, 'a');   // fits
    const QByteArray second(32 * 1024, 'b'); // does not: 4 KB of it fit, then the disk is full
    // With the size announced, open() reserves it and fails at once; without, write() does.
    Result<void> failed = file.open();
    QCOMPARE(failed.has_value(), announced < 0);
    if (failed) {
        QVERIFY(file.write(first));
        failed = file.write(second);
    }
    QVERIFY(!failed);
    QCOMPARE(failed.error().message,
             QStringLiteral("disk full: %1 bytes needed at %2.").arg(40 * 1024).arg(path));
    QVERIFY(!file.write(first)); // a failed file stays failed
    QVERIFY(!file.commit());
    QCOMPARE(readAll(path), previous);
    QCOMPARE(entries(disk.path()), (QStringList{"data.bin", "filler"}));
}

void TestFileFaults::envSave_otherProgramEditsBeforeRename_isConflict_theirEditStays_data()
{
    // What the other program does to .env.local; the hook runs it after DevDock has written its
    // new copy and right before the rename, the last moment a check can see it.
    QTest::addColumn<QString>("edit");
    QTest::addColumn<bool>("unnamed");
    QTest::newRow("appends a line") << "append" << true;
    QTest::newRow("appends a line, named temporary") << "append" << false;
    QTest::newRow("same size, mtime put back") << "in place" << true;
    QTest::newRow("replaces it by rename") << "rename" << true;
    QTest::newRow("deletes it") << "delete" << true;
    QTest::newRow("edits it between read and save") << "before save" << true;
}

void TestFileFaults::envSave_otherProgramEditsBeforeRename_isConflict_theirEditStays()
{
    QFETCH(QString, edit);
    QFETCH(bool, unnamed);
    Testing::setUnnamedTemporaryFiles(unnamed);
    QTemporaryDir dir;
    const QString path = dir.filePath(".env.local");
    const QByteArray original = "# mine and theirs\nA=1\nB=2\n";
    QVERIFY(writeAll(path, original));
    auto file = EnvFile::read(path);
    QVERIFY(file);
    file->document.set("A", "mine");

    QByteArray theirs = original;
    auto otherProgram = [&] {
        if (edit == "append" || edit == "before save") {
            theirs = original + "C=theirs\n";
            QVERIFY(writeAll(path, theirs));
        } else if (edit == "in place") {
            // Same length, and the modification time set back to what DevDock read: only the
            // content hash can tell.
            theirs = QByteArray(original).replace("B=2", "B=9");
            QVERIFY(writeAll(path, theirs));
            const struct timespec times[2] = {
                {0, UTIME_OMIT},
                {time_t(file->stamp.mtimeNs / 1000000000), long(file->stamp.mtimeNs % 1000000000)}};
            QCOMPARE(::utimensat(AT_FDCWD, QFile::encodeName(path).constData(), times, 0), 0);
            QCOMPARE(QFileInfo(path).size(), qint64(original.size()));
        } else if (edit == "rename") {
            theirs = "A=from another checkout\n";
            QVERIFY(writeAll(dir.filePath("incoming"), theirs));
            QVERIFY(::rename(QFile::encodeName(dir.filePath("incoming")).constData(),
                             QFile::encodeName(path).constData())
                    == 0);
        } else if (edit == "delete") {
            theirs = "<missing>";
            QVERIFY(QFile::remove(path));
        }
    };
    int hookRuns = 0;
    HookGuard hook([&](const QString &target) {
        QCOMPARE(target, path);
        // DevDock's new copy is complete and named in the folder by now, beside the target.
        QStringList during = entries(dir.path());
        QVERIFY2(during.removeAll(".env.local") == 1, qPrintable(during.join(' ')));
        QVERIFY2(during.size() == 1 && during.first().startsWith(".devdock-")
                     && during.first().endsWith("-.env.local"),
                 qPrintable(during.join(' ')));
        ++hookRuns;
        if (edit != "before save") {
            otherProgram();
        }
    });
    if (edit == "before save") {
        otherProgram();
    }

    const auto saved = file->save();
    QVERIFY(!saved);
    QCOMPARE(saved.error().code, Error::Code::Conflict);
    QVERIFY2(saved.error().message.startsWith(path + " changed on disk since DevDock read it"),
             qPrintable(saved.error().message));
    QVERIFY(!saved.error().hint.isEmpty());
    QCOMPARE(hookRuns, 1); // the check ran after the hook: as late as it can be
    QCOMPARE(readAll(path), theirs);
    QCOMPARE(entries(dir.path()),
             edit == "delete" ? QStringList() : QStringList{".env.local"}); // no temporary file
    QVERIFY(file->changedOnDisk());
}

void TestFileFaults::envEditor_otherProgramEditsWhileSaving_landsInConflict_mergeKeepsBoth()
{
    QTemporaryDir dir;
    QVERIFY(writeAll(dir.filePath(".env.example"), "API_PORT=8000\n"));
    const QString path = dir.filePath(".env.development");
    QVERIFY(writeAll(path, "API_PORT=8001\n"));
    auto editor = EnvEditor::open(dir.path(), "development");
    QVERIFY(editor);
    QVERIFY(editor->setValue(".env.development", "API_PORT", "9000"));

    const QByteArray theirs = "API_PORT=8001\nREDIS_URL=redis://cache:6379\n";
    bool edited = false;
    HookGuard hook([&](const QString &) {
        if (!edited) { // the other program saves once, while DevDock is saving
            edited = true;
            QVERIFY(writeAll(path, theirs));
        }
    });
    const auto refused = editor->saveFiles();
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, Error::Code::Conflict);
    QCOMPARE(readAll(path), theirs);
    // The editor's reload/merge path takes over: it knows which file, and keeps the edit.
    QCOMPARE(editor->filesChangedOnDisk(), QStringList{".env.development"});
    QVERIFY(editor->isModified());
    QVERIFY(editor->merge());
    QVERIFY(editor->filesChangedOnDisk().isEmpty());
    const auto saved = editor->saveFiles();
    QVERIFY2(saved, saved ? "" : qPrintable(saved.error().message));
    QCOMPARE(readAll(path), QByteArray("API_PORT=9000\nREDIS_URL=redis://cache:6379\n"));
    QCOMPARE(entries(dir.path()), (QStringList{".env.development", ".env.example"}));
}

void TestFileFaults::envPanel_otherProgramEditsWhileSaving_showsTheConflictBanner()
{
    // The window's editor: a save that meets the other program's edit lands in the banner that
    // offers reload and merge, with their edit on disk. (No secret keys: no keychain involved.)
    QTemporaryDir dir;
    QVERIFY(writeAll(dir.filePath(".env.example"), "API_PORT=8000\n"));
    const QString path = dir.filePath(".env.development");
    QVERIFY(writeAll(path, "API_PORT=8001\n"));
    Ui::EnvEditorPanel panel;
    panel.show();
    QSignalSpy loaded(&panel, &Ui::EnvEditorPanel::loaded);
    panel.open(dir.path(), "development", {});
    QVERIFY(loaded.wait(10000));
    QAbstractItemModel *model = panel.model();
    int row = -1;
    for (int r = 0; r < model->rowCount(); ++r) {
        row = model->index(r, 0).data().toString() == "API_PORT" ? r : row;
    }
    QVERIFY(model->setData(model->index(row, Ui::EnvKeyModel::ValueColumn), "9000"));

    const QByteArray theirs = "API_PORT=8001\nREDIS_URL=redis://cache:6379\n";
    bool edited = false;
    HookGuard hook([&](const QString &) {
        if (!edited) {
            edited = true;
            QVERIFY(writeAll(path, theirs));
        }
    });
    QSignalSpy conflict(&panel, &Ui::EnvEditorPanel::conflictDetected);
    panel.save();
    QVERIFY(conflict.size() == 1 || conflict.wait(10000));
    QCOMPARE(conflict.first().first().toStringList(), QStringList{".env.development"});
    QVERIFY(panel.findChild<QWidget *>("envConflict")->isVisible());
    QVERIFY2(panel.errorText().contains("changed on disk since DevDock read it"),
             qPrintable(panel.errorText()));
    QCOMPARE(readAll(path), theirs);

    QTest::mouseClick(panel.findChild<QPushButton *>("envConflictMerge"), Qt::LeftButton);
    QSignalSpy saved(&panel, &Ui::EnvEditorPanel::saved);
    panel.save();
    QVERIFY2(saved.size() == 1 || saved.wait(10000), qPrintable(panel.errorText()));
    QCOMPARE(readAll(path), QByteArray("API_PORT=9000\nREDIS_URL=redis://cache:6379\n"));
    QCOMPARE(entries(dir.path()), (QStringList{".env.development", ".env.example"}));
}

void TestFileFaults::envSave_bomAndLatin1_oneLineEdit_changesOnlyThatLinesBytes()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(".env.local");
    // A byte order mark, Latin-1 bytes (0xE9 is "é" there, invalid UTF-8) in a comment, in a
    // value and in a trailing comment, CRLF endings, a quoted multi-line value, no final newline.
    const QByteArray original = "\xEF\xBB\xBF# caf\xE9 au lait\r\n"
                                "A=1\r\n"
                                "NAME=Ren\xE9\x65 # \xE9t\xE9\r\n"
                                "QUOTED=\"two\nlines \xE9\"\r\n"
                                "LAST=\xFF\xFE";
    QVERIFY(writeAll(path, original));

    auto file = EnvFile::read(path);
    QVERIFY(file);
    QCOMPARE(file->document.rawValue("A").value(), QString("1")); // the BOM is not in the key
    file->document.set("A", "2");
    QVERIFY(file->save());
    QByteArray expected = QByteArray(original).replace("A=1\r\n", "A=2\r\n");
    QCOMPARE(readAll(path), expected);

    // The Latin-1 line's value: its trailing comment keeps its bytes.
    file->document.set("NAME", "new");
    file->document.set("NEW", "x");
    QVERIFY(file->save());
    expected.replace("NAME=Ren\xE9\x65 # ", "NAME=new # ");
    expected += "\r\nNEW=x\r\n";
    QCOMPARE(readAll(path), expected);
    QCOMPARE(entries(dir.path()), QStringList{".env.local"});
}

void TestFileFaults::rewrite_asRoot_keepsOwnerGroupAndMode()
{
    QCOMPARE(::geteuid(), uid_t(0)); // only root can give a file away
    QTemporaryDir dir;

    const QString envPath = dir.filePath(".env.local");
    QVERIFY(writeAll(envPath, "A=1\n"));
    QVERIFY(giveAway(envPath));
    auto file = EnvFile::read(envPath);
    QVERIFY(file);
    file->document.set("A", "2");
    QVERIFY(file->save());
    QCOMPARE(readAll(envPath), QByteArray("A=2\n"));

    const QString overridePath = dir.filePath("compose.devdock-dev.yaml");
    QVERIFY(writeDevOverride(sourcesWith("api", 1), {"api"}, overridePath));
    QVERIFY(giveAway(overridePath));
    QVERIFY(writeDevOverride(sourcesWith("api", 3), {"api"}, overridePath));
    QVERIFY(readAll(overridePath).contains("DEV_VARIABLE_2"));

    for (const QString &path : {envPath, overridePath}) {
        const FileOwner owner = ownerOf(path);
        QCOMPARE(owner.uid, 1234u);
        QCOMPARE(owner.gid, 5678u);
        QCOMPARE(owner.mode, 0640u);
    }
    // A new file gets the usual mode (0666 less the umask), owned by whoever writes it.
    const mode_t mask = ::umask(022);
    ::umask(mask);
    QVERIFY(writeFileAtomically(dir.filePath("new.txt"), "x"));
    QCOMPARE(ownerOf(dir.filePath("new.txt")).mode, uint(0666 & ~mask));
    QCOMPARE(entries(dir.path()),
             (QStringList{".env.local", "compose.devdock-dev.yaml", "new.txt"}));
}

void TestFileFaults::rewrite_throughSymlink_replacesTheFileItNames()
{
    QTemporaryDir dir;
    QVERIFY(QDir(dir.path()).mkdir("shared"));
    const QString target = dir.filePath("shared/team.env");
    QVERIFY(writeAll(target, "A=1\n"));
    const QString link = dir.filePath(".env.local");
    QVERIFY(QFile::link("shared/team.env", link));
    auto file = EnvFile::read(link);
    QVERIFY(file);
    file->document.set("A", "2");
    QVERIFY(file->save());
    QCOMPARE(QFileInfo(link).symLinkTarget(), target);
    QCOMPARE(readAll(target), QByteArray("A=2\n"));
    QCOMPARE(entries(dir.path()), (QStringList{".env.local", "shared"}));
    QCOMPARE(entries(dir.filePath("shared")), QStringList{"team.env"});
}

void TestFileFaults::settings_onFullDisk_reportsIt_keepsThePreviousFile()
{
    SmallDisk disk(64 * 1024);
    MOUNT_OR_FAIL(disk);
    const QString path = disk.path("DevDock.json");
    QStringList recent;
    for (int i = 0; i < 40; ++i) {
        recent << QStringLiteral("/home/dev/src/project-%1").arg(i);
    }
    const QByteArray geometry("\x01\x02\x00\xff binary window state", 27);
    {
        QSettings settings(path, checkedSettingsFormat());
        settings.setValue("recentProjects", recent);
        settings.setValue("onboarded/abc", true);
        settings.setValue("window/geometry", geometry);
        settings.setValue("zoom", 3);
        QVERIFY(saveSettings(settings));
    }
    const QByteArray previous = readAll(path);
    QVERIFY(previous.contains("project-39"));
    QVERIFY(disk.fillLeaving(8 * 1024));

    QSettings settings(path, checkedSettingsFormat());
    settings.setValue("notes", QString(30 * 1024, QLatin1Char('n')));
    const auto saved = saveSettings(settings);
    QVERIFY(!saved);
    QVERIFY2(saved.error().message.contains(
                 QRegularExpression(QStringLiteral("disk full: \\d+ bytes needed at ")
                                    + QRegularExpression::escape(path))),
             qPrintable(saved.error().message));
    QVERIFY2(saved.error().hint.contains(QLatin1String("settings saved before are kept")),
             qPrintable(saved.error().hint));
    QCOMPARE(readAll(path), previous); // Qt's INI writer would have cut it to 8 KB here
    QCOMPARE(entries(disk.path()), (QStringList{"DevDock.json", "filler"}));

    // With room again it saves, and every value comes back with its type.
    disk.unfill();
    QVERIFY(saveSettings(settings));
    QSettings reread(path, checkedSettingsFormat());
    QCOMPARE(reread.value("recentProjects").toStringList(), recent);
    QCOMPARE(reread.value("onboarded/abc").toBool(), true);
    QCOMPARE(reread.value("window/geometry").toByteArray(), geometry);
    QCOMPARE(reread.value("zoom").toInt(), 3);
    QCOMPARE(reread.value("notes").toString().size(), 30 * 1024);
}

void TestFileFaults::settings_fromAnEarlierVersion_areCarriedOver()
{
    QTemporaryDir home;
    const QString legacyPath = home.filePath("config/DevDock/DevDock.conf");
    {
        QSettings legacy(legacyPath, QSettings::NativeFormat);
        legacy.setValue("devMode/0123456789abcdef", QStringList{"api", "worker"});
        legacy.setValue("onboarded/0123456789abcdef", true);
        legacy.sync();
        QCOMPARE(legacy.status(), QSettings::NoError);
    }
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert("HOME", home.path());
    env.insert("XDG_CONFIG_HOME", home.filePath("config"));
    env.insert("XDG_CACHE_HOME", home.filePath("cache"));
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(DEVDOCKCTL_PATH, {"--version"});
    QVERIFY(p.waitForFinished(30000));
    QCOMPARE(p.exitCode(), 0);
    const QString current = home.filePath("config/DevDock/DevDock.json");
    QVERIFY2(QFileInfo::exists(current), qPrintable(current));
    QSettings carried(current, checkedSettingsFormat());
    QCOMPARE(carried.value("devMode/0123456789abcdef").toStringList(),
             (QStringList{"api", "worker"}));
    QCOMPARE(carried.value("onboarded/0123456789abcdef").toBool(), true);
}

QTEST_MAIN(TestFileFaults)
#include "tst_filefaults.moc"
