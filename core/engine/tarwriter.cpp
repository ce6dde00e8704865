// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "tarwriter.h"

#include <cstring>

namespace DevDock::Core {

namespace {

constexpr int kBlock = 512;

void putOctal(char *field, int width, qint64 value)
{
    // width includes the terminating NUL
    QByteArray digits = QByteArray::number(value, 8).rightJustified(width - 1, '0');
    std::memcpy(field, digits.constData(), std::min<qsizetype>(digits.size(), width - 1));
    field[width - 1] = '\0';
}

QByteArray paxRecord(const QByteArray &key, const QByteArray &value)
{
    // "%d %s=%s\n" where the length counts itself.
    const QByteArray body = ' ' + key + '=' + value + '\n';
    qsizetype length = body.size() + 1;
    while (QByteArray::number(length).size() + body.size() != length) {
        ++length;
    }
    return QByteArray::number(length) + body;
}

} // namespace

void TarWriter::pad()
{
    const qsizetype rest = m_data.size() % kBlock;
    if (rest != 0) {
        m_data.append(kBlock - rest, '\0');
    }
}

void TarWriter::writeHeader(const QByteArray &name, char type, qint64 size, int mode, qint64 mtime,
                            const QByteArray &linkTarget)
{
    char header[kBlock];
    std::memset(header, 0, sizeof header);
    std::memcpy(header, name.constData(), std::min<qsizetype>(name.size(), 100));
    putOctal(header + 100, 8, mode);
    putOctal(header + 108, 8, 0);
    putOctal(header + 116, 8, 0);
    putOctal(header + 124, 12, size);
    putOctal(header + 136, 12, mtime);
    header[156] = type;
    std::memcpy(header + 157, linkTarget.constData(), std::min<qsizetype>(linkTarget.size(), 100));
    std::memcpy(header + 257, "ustar", 6);
    std::memcpy(header + 263, "00", 2);
    std::memset(header + 148, ' ', 8);
    unsigned sum = 0;
    for (unsigned char c : header) {
        sum += c;
    }
    putOctal(header + 148, 7, sum);
    header[155] = ' ';
    m_data.append(header, kBlock);
}

void TarWriter::addEntry(const QByteArray &name, char type, const QByteArray &data, int mode,
                         qint64 mtime, const QByteArray &linkTarget)
{
    if (name.size() > 100 || linkTarget.size() > 100) {
        QByteArray pax;
        if (name.size() > 100) {
            pax += paxRecord("path", name);
        }
        if (linkTarget.size() > 100) {
            pax += paxRecord("linkpath", linkTarget);
        }
        writeHeader("PaxHeaders/entry", 'x', pax.size(), 0644, mtime, {});
        m_data.append(pax);
        pad();
    }
    writeHeader(name.left(100), type, data.size(), mode, mtime, linkTarget.left(100));
    m_data.append(data);
    pad();
}

void TarWriter::addFile(const QString &path, const QByteArray &data, int mode, qint64 mtime)
{
    addEntry(path.toUtf8(), '0', data, mode, mtime);
}

void TarWriter::addDirectory(const QString &path, int mode, qint64 mtime)
{
    QByteArray name = path.toUtf8();
    if (!name.endsWith('/')) {
        name += '/';
    }
    addEntry(name, '5', {}, mode, mtime);
}

void TarWriter::addSymlink(const QString &path, const QString &target, qint64 mtime)
{
    addEntry(path.toUtf8(), '2', {}, 0777, mtime, target.toUtf8());
}

QByteArray TarWriter::finish()
{
    m_data.append(2 * kBlock, '\0');
    return std::exchange(m_data, {});
}

} // namespace DevDock::Core
