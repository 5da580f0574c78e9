// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/changelog/fieldclocks.h"

#include <QStringList>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Core {

namespace {
const QString created = u"*"_s;
} // namespace

FieldClocks FieldClocks::parse(const QString &text)
{
    FieldClocks clocks;
    for (QStringView entry : QStringView(text).split(u';', Qt::SkipEmptyParts)) {
        const qsizetype eq = entry.lastIndexOf(u'=');
        const qsizetype at = entry.lastIndexOf(u'@');
        if (eq <= 0 || at <= eq)
            continue; // a damaged entry falls back to "never written": the safe side for merges
        clocks.m_stamps.insert(entry.first(eq).toString(), {entry.sliced(eq + 1, at - eq - 1).toLongLong(),
                                                            entry.sliced(at + 1).toString()});
    }
    return clocks;
}

QString FieldClocks::toString() const
{
    // Sorted, so equal clocks serialise equally.
    QStringList keys = m_stamps.keys();
    std::sort(keys.begin(), keys.end());
    QString out;
    for (const QString &key : std::as_const(keys)) {
        const Stamp &stamp = m_stamps.value(key);
        if (!out.isEmpty())
            out += u';';
        out += key + u'=' + QString::number(stamp.hlc) + u'@' + stamp.site;
    }
    return out;
}

FieldClocks::Stamp FieldClocks::field(const QString &name) const
{
    const auto it = m_stamps.constFind(name);
    return it != m_stamps.cend() ? *it : m_stamps.value(created);
}

FieldClocks::Stamp FieldClocks::element(const QString &field, const QString &element) const
{
    return m_stamps.value(elementKey(field, element));
}

void FieldClocks::setCreated(qint64 hlc, const QString &site)
{
    m_stamps.insert(created, {hlc, site});
}

void FieldClocks::setField(const QString &name, qint64 hlc, const QString &site)
{
    m_stamps.insert(name, {hlc, site});
}

void FieldClocks::setElement(const QString &field, const QString &element, qint64 hlc, const QString &site)
{
    m_stamps.insert(elementKey(field, element), {hlc, site});
}

QString FieldClocks::elementKey(const QString &field, const QString &element)
{
    return field + u'[' + element + u']';
}

bool FieldClocks::moveSite(const QString &from, const QString &to, const QSet<qint64> &stamps)
{
    bool changed = false;
    for (auto it = m_stamps.begin(); it != m_stamps.end(); ++it) {
        if (it->site == from && stamps.contains(it->hlc)) {
            it->site = to;
            changed = true;
        }
    }
    return changed;
}

} // namespace Core
