// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "envkeymodel.h"

#include "env/envprofile.h"

#include <QColor>
#include <QFont>

namespace DevDock::Ui {

EnvKeyModel::EnvKeyModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void EnvKeyModel::setEditor(Core::EnvEditor *editor)
{
    m_editor = editor;
    m_revealed.clear();
    refresh();
}

void EnvKeyModel::setFile(const QString &file)
{
    m_file = file;
    refresh();
}

void EnvKeyModel::setComposeReferences(const QMap<QString, QStringList> &references)
{
    m_references = references;
    m_referencesKnown = true;
    refresh();
}

void EnvKeyModel::setRevealed(const QString &key, bool revealed)
{
    if (revealed) {
        m_revealed.insert(key);
    } else {
        m_revealed.remove(key);
    }
    const int row = rowOf(key);
    if (row >= 0) {
        emit dataChanged(index(row, ValueColumn), index(row, ValueColumn));
    }
}

void EnvKeyModel::refresh()
{
    beginResetModel();
    m_rows.clear();
    m_resolved.clear();
    if (m_editor != nullptr) {
        const auto resolved = m_editor->resolve();
        if (resolved) {
            m_resolved = *resolved;
        }
        const Core::EnvProfile &profile = m_editor->profile();
        QSet<QString> defined;
        auto usedBy = [&](Row &row) {
            row.referenced = m_references.contains(row.key.key);
            row.usedBy = m_references.value(row.key.key);
        };
        if (m_file.isEmpty()) {
            for (const Core::ResolvedEnvKey &k : std::as_const(m_resolved)) {
                Row row;
                row.key = k;
                row.display = Core::EnvProfile::displayValue(k, m_resolved);
                usedBy(row);
                defined.insert(k.key);
                m_rows << row;
            }
            // What compose needs and no file defines.
            for (auto it = m_references.cbegin(); it != m_references.cend(); ++it) {
                if (defined.contains(it.key())) {
                    continue;
                }
                Row row;
                row.key.key = it.key();
                row.key.secret = profile.isSecret(it.key());
                row.undefined = true;
                row.referenced = true;
                row.usedBy = it.value();
                m_rows << row;
            }
        } else {
            const Core::EnvFile *file = nullptr;
            if (m_file == profile.example().name) {
                file = &profile.example();
            } else {
                for (const Core::EnvFile &f : profile.stack()) {
                    if (f.name == m_file) {
                        file = &f;
                    }
                }
            }
            if (file != nullptr) {
                for (const QString &key : file->document.keys()) {
                    Row row;
                    row.key.key = key;
                    row.key.value = file->document.rawValue(key).value_or(QString());
                    row.key.source = file->name;
                    row.key.secret = profile.isSecret(key);
                    row.key.description = profile.description(key);
                    row.key.empty = row.key.value.isEmpty();
                    row.display = row.key.secret && !row.key.value.isEmpty()
                                      ? QString(Core::EnvProfile::Mask)
                                      : row.key.value;
                    usedBy(row);
                    m_rows << row;
                }
            }
        }
    }
    endResetModel();
}

QString EnvKeyModel::keyAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).key.key : QString();
}

int EnvKeyModel::rowOf(const QString &key) const
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).key.key == key) {
            return i;
        }
    }
    return -1;
}

QString EnvKeyModel::targetFile(const QString &key) const
{
    if (!m_file.isEmpty()) {
        return m_file;
    }
    const int row = rowOf(key);
    if (row >= 0 && m_editor != nullptr) {
        const QString source = m_rows.at(row).key.source;
        for (const Core::EnvFile &f : m_editor->profile().stack()) {
            if (f.name == source) {
                return source;
            }
        }
    }
    return m_editor != nullptr ? m_editor->defaultFile() : QString();
}

int EnvKeyModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int EnvKeyModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant EnvKeyModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size()) {
        return {};
    }
    const Row &row = m_rows.at(index.row());
    const Core::ResolvedEnvKey &k = row.key;
    if (role == KeyRole) {
        return k.key;
    }
    if (role == SecretRole) {
        return k.secret;
    }
    if (role == UndefinedRole) {
        return row.undefined;
    }
    auto statusText = [&] {
        QStringList parts;
        if (row.undefined) {
            parts << tr("defined in no file");
        }
        if (k.missing) {
            parts << tr("missing (documented in .env.example)");
        }
        if (k.secret && k.source == QLatin1String("keychain")) {
            parts << tr("secret in the keychain");
        } else if (k.secret) {
            parts << tr("secret");
        }
        if (k.secretInFile) {
            parts << tr("secret in a plain file");
        }
        if (k.overridden) {
            parts << tr("overridden");
        }
        if (k.empty && !k.missing && !row.undefined) {
            parts << tr("empty");
        }
        if (k.extra) {
            parts << tr("not in .env.example");
        }
        if (m_referencesKnown) {
            parts << (row.referenced ? tr("used by %1")
                                           .arg(row.usedBy.join(QStringLiteral(", ")).isEmpty()
                                                    ? tr("the project")
                                                    : row.usedBy.join(QStringLiteral(", ")))
                                     : tr("not used by the compose files"));
        }
        return parts.join(QStringLiteral("; "));
    };
    switch (role) {
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        switch (index.column()) {
        case KeyColumn:
            return k.key;
        case ValueColumn:
            if (k.secret && m_revealed.contains(k.key)) {
                return k.value;
            }
            if (role == Qt::AccessibleTextRole && k.secret && !k.value.isEmpty()) {
                return tr("hidden secret");
            }
            return row.display;
        case SourceColumn:
            return k.source.isEmpty() ? tr("—") : k.source;
        case StatusColumn:
            return statusText();
        case DescriptionColumn:
            return k.description;
        }
        break;
    case Qt::EditRole:
        if (index.column() == ValueColumn) {
            return k.secret && !m_revealed.contains(k.key) ? QString() : k.value;
        }
        return data(index, Qt::DisplayRole);
    case Qt::ToolTipRole:
        if (index.column() == StatusColumn || index.column() == KeyColumn) {
            return statusText();
        }
        if (index.column() == DescriptionColumn) {
            return k.description;
        }
        break;
    case Qt::FontRole:
        if (index.column() == KeyColumn) {
            QFont font;
            font.setFamily(QStringLiteral("monospace"));
            font.setBold(k.missing || row.undefined);
            return font;
        }
        break;
    case Qt::ForegroundRole:
        // Okabe-Ito vermilion for what needs attention.
        if (index.column() == StatusColumn && (k.missing || row.undefined || k.secretInFile)) {
            return QColor(0xD5, 0x5E, 0x00);
        }
        break;
    default:
        break;
    }
    return {};
}

QVariant EnvKeyModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
    case KeyColumn:
        return tr("Key");
    case ValueColumn:
        return tr("Value");
    case SourceColumn:
        return tr("Source");
    case StatusColumn:
        return tr("Status");
    case DescriptionColumn:
        return tr("Description");
    }
    return {};
}

Qt::ItemFlags EnvKeyModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (index.isValid() && index.column() == ValueColumn && m_editor != nullptr) {
        f |= Qt::ItemIsEditable;
    }
    return f;
}

bool EnvKeyModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!index.isValid() || role != Qt::EditRole || index.column() != ValueColumn
        || m_editor == nullptr) {
        return false;
    }
    const QString key = keyAt(index.row());
    const QString text = value.toString();
    if (text == data(index, Qt::EditRole).toString()) {
        return false;
    }
    const auto result = m_editor->setValue(targetFile(key), key, text);
    if (!result) {
        emit editFailed(result.error());
        return false;
    }
    refresh();
    emit edited();
    return true;
}

} // namespace DevDock::Ui
