// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace Core {

enum class RegionLevel { Province, Regency, District, Village };

struct Region
{
    QString code; // dotted Kemendagri code: "64", "64.02", "64.02.06", "64.02.06.2001"
    QString name;
    RegionLevel level = RegionLevel::Province;
    std::optional<double> lat; // polygon centroid, WGS84, 5 decimals; missing for some villages
    std::optional<double> lng;
};

// The Kemendagri region tree (province > regency > district > village) of one decree, read-only.
// About 4.6 MB for all 91,599 regions: codes as integers, names in one UTF-8 pool, and a word
// index for name search; Region values are built on demand. Copies share the data (implicit
// sharing) and every const method is safe to call from several threads.
class RegionIndex final
{
public:
    // The list compiled into the binary (":/data/regions/regions.tsv").
    static Result<RegionIndex> loadBuiltin();
    // `tsv`: an optional "# key=value; ..." header line (decree, rows), then
    // "code<TAB>name<TAB>lat<TAB>lng" rows sorted by code, every parent before its children.
    static Result<RegionIndex> loadFromTsv(QByteArrayView tsv);

    // "6402062001", "64.02.06.2001", " 640206 " -> dotted form; empty when it is not a code.
    // Only the shape is checked, not whether the region exists.
    static QString normaliseCode(QStringView code);
    // "64.02.06.2001" -> "64.02.06"; empty for a province or a malformed code.
    static QString parentCode(QStringView code);

    // Accepts dotted or undotted codes.
    std::optional<Region> find(QStringView code) const;
    bool contains(QStringView code) const;
    // Direct children ordered by code; an empty `code` gives the provinces.
    QList<Region> children(QStringView code) const;
    // Province first, `code` last; empty when `code` is unknown.
    QList<Region> ancestry(QStringView code) const;
    // Self first, then up to the province, comma-separated:
    // "Bukit Biru, Tenggarong, Kabupaten Kutai Kartanegara, Kalimantan Timur". Empty when unknown.
    QString displayPath(QStringView code) const;

    // Regions with a word of the name starting with `prefix` (accent- and case-insensitive;
    // a prefix of several words must match consecutive words). With `within`, only strict
    // descendants of that region; with `level`, only that level. Ordered by level, then name,
    // then code; at most `limit` results. An empty prefix or a malformed `within` finds nothing.
    QList<Region> searchByName(QStringView prefix, int limit, QStringView within = {},
                               std::optional<RegionLevel> level = {}) const;

    int size() const;
    QString decree() const;
    // Heap bytes held by the index (for diagnostics and benchmarks).
    qsizetype byteSize() const;

private:
    friend class RegionIndexLoader;
    RegionIndex() = default;

    Region regionAt(qsizetype row) const;
    qsizetype rowOf(quint64 key) const;
    // Rows of `level` whose key lies in [first, last).
    std::pair<qsizetype, qsizetype> levelRange(int level, quint64 first, quint64 last) const;
    std::pair<qsizetype, qsizetype> wordRange(QByteArrayView foldedPrefix) const;
    // Byte offset of the first word of the row's folded name that starts with the prefix, or -1.
    qsizetype firstWordMatch(qsizetype row, QByteArrayView foldedPrefix) const;
    bool foldedLess(qsizetype a, qsizetype b) const;

    // Rows are ordered by level, then code, so the children of a region are one contiguous run
    // of the next level and m_levelStart[l]..m_levelStart[l + 1] are the rows of level l.
    QList<quint64> m_keys; // code as 10 digits, PPKKCCDDDD, absent segments zero
    QList<qint32> m_lat; // degrees * 1e5; noCoordinate when missing
    QList<qint32> m_lng;
    QList<quint32> m_nameStart; // size()+1 offsets into m_names (UTF-8)
    QByteArray m_names;
    QList<quint32> m_foldedStart; // size()+1 offsets into m_folded (foldForSearch, UTF-8, NUL after each)
    QByteArray m_folded;
    // One entry per word of every folded name, (row << 8 | byte offset of the word in the folded name),
    // sorted by the folded text from that word to the end of the name: a word-level suffix array.
    QList<quint32> m_words;
    qsizetype m_levelStart[5] = {0, 0, 0, 0, 0};
    QString m_decree;
};

} // namespace Core
