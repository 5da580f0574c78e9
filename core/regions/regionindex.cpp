// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/regions/regionindex.h"

#include "core/util/text.h"

#include <QResource>

#include <algorithm>
#include <cstring>
#include <limits>
#include <vector>

using namespace Qt::StringLiterals;

namespace Core {

namespace {

constexpr int levelCount = 4;
constexpr qint32 noCoordinate = std::numeric_limits<qint32>::min();
constexpr double coordinateScale = 1e5;
// Key arithmetic: a code is PPKKCCDDDD as a number, absent segments zero. Every key of the
// subtree of a level-l region lies in [key, key + subtreeSpan[l]).
constexpr quint64 subtreeSpan[levelCount] = {100'000'000, 1'000'000, 10'000, 1};
// Offsets of words inside a folded name are stored in 8 bits, rows in the other 24.
constexpr int maxFoldedLength = 255;
constexpr qsizetype maxRows = qsizetype(1) << 24;

struct ParsedCode
{
    quint64 key = 0;
    int level = -1;
};

// One code unit of either kind of text as UTF-16 (a byte >= 0x80 is never a digit or a dot).
char16_t unit(QChar c)
{
    return c.unicode();
}

char16_t unit(char c)
{
    return char16_t(static_cast<unsigned char>(c));
}

int digit(char16_t c)
{
    return (c >= u'0' && c <= u'9') ? c - u'0' : -1;
}

// Accepts "PP", "PP.KK", "PP.KK.CC", "PP.KK.CC.DDDD" and the same digits without dots.
// A segment of all zeros is rejected: it would collide with "segment absent" in the key.
template <typename Chars> std::optional<ParsedCode> parseCode(const Chars &code)
{
    static constexpr int widths[levelCount] = {2, 2, 2, 4};
    const qsizetype size = code.size();
    const bool dotted = size > 2 && unit(code[2]) == u'.';
    ParsedCode parsed;
    qsizetype pos = 0;
    for (int level = 0; level < levelCount; ++level) {
        if (level > 0) {
            if (pos == size)
                break;
            if (dotted) {
                if (unit(code[pos]) != u'.')
                    return std::nullopt;
                ++pos;
            }
        }
        quint64 segment = 0;
        for (int i = 0; i < widths[level]; ++i, ++pos) {
            const int d = pos < size ? digit(unit(code[pos])) : -1;
            if (d < 0)
                return std::nullopt;
            segment = segment * 10 + quint64(d);
        }
        if (segment == 0)
            return std::nullopt;
        parsed.key += segment * subtreeSpan[level];
        parsed.level = level;
    }
    if (pos != size)
        return std::nullopt;
    return parsed;
}

QString formatCode(quint64 key, int level)
{
    static constexpr int widths[levelCount] = {2, 2, 2, 4};
    char16_t buffer[13];
    int length = 0;
    for (int l = 0; l <= level; ++l) {
        if (l > 0)
            buffer[length++] = u'.';
        quint64 segment = key / subtreeSpan[l] % (l == 3 ? 10'000 : 100);
        for (int i = widths[l] - 1; i >= 0; --i) {
            buffer[length + i] = char16_t(u'0' + segment % 10);
            segment /= 10;
        }
        length += widths[l];
    }
    return QString(reinterpret_cast<const QChar *>(buffer), length);
}

quint64 truncateKey(quint64 key, int level)
{
    return key / subtreeSpan[level] * subtreeSpan[level];
}

// "-0.29912" -> -29912. At most 5 decimals; the caller checks the range.
std::optional<qint32> parseCoordinate(QByteArrayView text)
{
    qsizetype pos = 0;
    const bool negative = !text.isEmpty() && text[0] == '-';
    if (negative)
        ++pos;
    qint64 value = 0;
    int integerDigits = 0;
    while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9' && integerDigits < 4) {
        value = value * 10 + (text[pos++] - '0');
        ++integerDigits;
    }
    if (integerDigits == 0)
        return std::nullopt;
    int decimals = 0;
    if (pos < text.size() && text[pos] == '.') {
        ++pos;
        while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9' && decimals < 5) {
            value = value * 10 + (text[pos++] - '0');
            ++decimals;
        }
        if (decimals == 0)
            return std::nullopt;
    }
    if (pos != text.size())
        return std::nullopt;
    for (; decimals < 5; ++decimals)
        value *= 10;
    return qint32(negative ? -value : value);
}

struct Row
{
    quint64 key;
    int level;
    qsizetype nameOffset; // into the source text
    qsizetype nameLength;
    qint32 lat;
    qint32 lng;
};

Error corrupt(qsizetype line, const QString &what)
{
    return Error{Error::Code::Corrupt, u"region list line %1: %2"_s.arg(line).arg(what)};
}

QByteArrayView foldedView(const char *folded, const quint32 *starts, qsizetype row)
{
    // Each folded name is followed by a NUL, which the view leaves out.
    return QByteArrayView(folded + starts[row], starts[row + 1] - starts[row] - 1);
}

} // namespace

Result<RegionIndex> RegionIndex::loadBuiltin()
{
    // QResource rather than QFile: QFile would decompress the 4 MB and then copy it again.
    const QResource resource(u":/data/regions/regions.tsv"_s);
    if (!resource.isValid())
        return Error{Error::Code::NotFound, u"built-in region list :/data/regions/regions.tsv is missing"_s};
    const QByteArray tsv = resource.uncompressedData();
    return loadFromTsv(tsv);
}

// Reads the TSV in three passes: the lines into rows (checked, in key order), the rows regrouped
// by level into the index's columns (each with its parent), then the word-level suffix array.
class RegionIndexLoader
{
public:
    explicit RegionIndexLoader(QByteArrayView tsv)
        : m_tsv(tsv)
    { }

    Result<RegionIndex> load()
    {
        if (Status s = readLines(); !s)
            return s.error();
        if (Status s = checkCount(); !s)
            return s.error();
        if (Status s = buildColumns(); !s)
            return s.error();
        buildWordIndex();
        m_index.m_names.squeeze();
        m_index.m_folded.squeeze();
        return std::move(m_index);
    }

private:
    Status readLines();
    Status readHeader(QByteArrayView line, qsizetype lineNumber);
    Status readRow(QByteArrayView line, qsizetype lineNumber);
    Status checkCount() const;
    std::vector<qsizetype> levelOrder();
    Status buildColumns();
    void buildWordIndex();

    QByteArrayView m_tsv;
    RegionIndex m_index;
    qsizetype m_expectedRows = -1;
    std::vector<Row> m_rows;
    quint64 m_previousKey = 0;
    std::vector<quint32> m_words; // (row << 8 | byte offset) of every word start in the folded names
};

Status RegionIndexLoader::readLines()
{
    m_rows.reserve(size_t(std::count(m_tsv.begin(), m_tsv.end(), '\n')) + 1);
    qsizetype lineNumber = 0;
    for (qsizetype pos = 0; pos < m_tsv.size();) {
        qsizetype end = m_tsv.indexOf('\n', pos);
        if (end < 0)
            end = m_tsv.size();
        QByteArrayView line = m_tsv.sliced(pos, end - pos);
        pos = end + 1;
        ++lineNumber;
        if (line.endsWith('\r'))
            line.chop(1);
        if (line.isEmpty())
            continue;
        // Codes and coordinates are parsed as ASCII; names and the header must be UTF-8.
        // Checking only lines with non-ASCII bytes (a handful) saves decoding 4 MB.
        const bool ascii = std::none_of(line.begin(), line.end(), [](char c) { return c & 0x80; });
        if (!ascii && !isValidUtf8(line))
            return corrupt(lineNumber, u"not valid UTF-8"_s);
        Status read = line.startsWith('#') ? readHeader(line, lineNumber) : readRow(line, lineNumber);
        if (!read)
            return read;
    }
    return {};
}

Status RegionIndexLoader::readHeader(QByteArrayView line, qsizetype lineNumber)
{
    // Only the first line is a header; "key=value" pairs separated by ';'.
    if (lineNumber != 1)
        return {};
    const QList<QByteArray> pairs = line.sliced(1).toByteArray().split(';');
    for (const QByteArray &pair : pairs) {
        const qsizetype eq = pair.indexOf('=');
        if (eq < 0)
            continue;
        const QByteArray name = pair.first(eq).trimmed();
        const QByteArray value = pair.sliced(eq + 1).trimmed();
        if (name == "decree") {
            m_index.m_decree = QString::fromUtf8(value);
        } else if (name == "rows") {
            bool ok = false;
            m_expectedRows = value.toLongLong(&ok);
            if (!ok || m_expectedRows < 0)
                return corrupt(lineNumber, u"bad row count in header"_s);
        }
    }
    return {};
}

Status RegionIndexLoader::readRow(QByteArrayView line, qsizetype lineNumber)
{
    qsizetype tabs[3];
    qsizetype found = 0;
    for (qsizetype i = 0; i < line.size(); ++i) {
        if (line[i] == '\t') {
            if (found == 3)
                return corrupt(lineNumber, u"more than 4 fields"_s);
            tabs[found++] = i;
        }
    }
    if (found != 3)
        return corrupt(lineNumber, u"expected 4 tab-separated fields, found %1"_s.arg(found + 1));
    const QByteArrayView codeField = line.first(tabs[0]);
    const QByteArrayView nameField = line.sliced(tabs[0] + 1, tabs[1] - tabs[0] - 1);
    const QByteArrayView latField = line.sliced(tabs[1] + 1, tabs[2] - tabs[1] - 1);
    const QByteArrayView lngField = line.sliced(tabs[2] + 1);

    const std::optional<ParsedCode> code = parseCode(codeField);
    if (!code)
        return corrupt(lineNumber, u"malformed code"_s);
    // Sorted by code means sorted by key; strictly, so there are no duplicates.
    if (code->key <= m_previousKey)
        return corrupt(lineNumber,
                       u"code %1 is out of order or repeated"_s.arg(formatCode(code->key, code->level)));
    m_previousKey = code->key;
    if (nameField.trimmed().isEmpty())
        return corrupt(lineNumber, u"empty name"_s);

    Row row{code->key,        code->level,  (line.data() - m_tsv.data()) + tabs[0] + 1,
            nameField.size(), noCoordinate, noCoordinate};
    if (latField.isEmpty() != lngField.isEmpty())
        return corrupt(lineNumber, u"only one of lat/lng is set"_s);
    if (!latField.isEmpty()) {
        const std::optional<qint32> lat = parseCoordinate(latField);
        const std::optional<qint32> lng = parseCoordinate(lngField);
        if (!lat || !lng || qAbs(*lat) > 90 * 100'000 || qAbs(*lng) > 180 * 100'000)
            return corrupt(lineNumber, u"bad coordinates"_s);
        row.lat = *lat;
        row.lng = *lng;
    }
    m_rows.push_back(row);
    return {};
}

Status RegionIndexLoader::checkCount() const
{
    const qsizetype count = qsizetype(m_rows.size());
    if (count == 0)
        return Error{Error::Code::Corrupt, u"region list is empty"_s};
    if (count >= maxRows)
        return Error{Error::Code::Corrupt, u"region list has too many rows (%1)"_s.arg(count)};
    if (m_expectedRows >= 0 && m_expectedRows != count)
        return Error{Error::Code::Corrupt,
                     u"region list has %1 rows, its header says %2"_s.arg(count).arg(m_expectedRows)};
    return {};
}

std::vector<qsizetype> RegionIndexLoader::levelOrder()
{
    // Regroup by level. Each group keeps file order, which is key order.
    qsizetype levelCounts[levelCount] = {0, 0, 0, 0};
    for (const Row &row : m_rows)
        ++levelCounts[row.level];
    for (int l = 0; l < levelCount; ++l)
        m_index.m_levelStart[l + 1] = m_index.m_levelStart[l] + levelCounts[l];
    std::vector<qsizetype> order(m_rows.size());
    qsizetype next[levelCount];
    std::copy(m_index.m_levelStart, m_index.m_levelStart + levelCount, next);
    for (qsizetype i = 0; i < qsizetype(m_rows.size()); ++i)
        order[size_t(next[m_rows[size_t(i)].level]++)] = i;
    return order;
}

Status RegionIndexLoader::buildColumns()
{
    const std::vector<qsizetype> order = levelOrder();
    const qsizetype count = qsizetype(m_rows.size());
    RegionIndex &index = m_index;
    index.m_keys.reserve(count);
    index.m_lat.reserve(count);
    index.m_lng.reserve(count);
    index.m_nameStart.reserve(count + 1);
    index.m_foldedStart.reserve(count + 1);
    index.m_names.reserve(m_tsv.size() / 4);
    index.m_folded.reserve(m_tsv.size() / 4);
    m_words.reserve(m_rows.size() * 2);
    qsizetype parentRow = 0; // walks the previous level alongside the current one
    for (qsizetype r = 0; r < count; ++r) {
        const Row &row = m_rows[size_t(order[size_t(r)])];
        if (row.level > 0) {
            // Both levels are in key order, so the parents are found by one forward walk.
            const quint64 parent = truncateKey(row.key, row.level - 1);
            parentRow = std::max(parentRow, index.m_levelStart[row.level - 1]);
            while (parentRow < index.m_levelStart[row.level] && index.m_keys.at(parentRow) < parent)
                ++parentRow;
            if (parentRow == index.m_levelStart[row.level] || index.m_keys.at(parentRow) != parent) {
                return Error{Error::Code::Corrupt,
                             u"region %1 has no parent in the list"_s.arg(formatCode(row.key, row.level))};
            }
        }
        const QByteArrayView name = m_tsv.sliced(row.nameOffset, row.nameLength);
        index.m_keys.append(row.key);
        index.m_lat.append(row.lat);
        index.m_lng.append(row.lng);
        index.m_nameStart.append(quint32(index.m_names.size()));
        index.m_names.append(name.data(), name.size());

        const QByteArray folded = foldForSearch(QString::fromUtf8(name)).toUtf8();
        if (folded.size() > maxFoldedLength) {
            return Error{Error::Code::Corrupt,
                         u"region %1 has a name longer than %2 bytes"_s.arg(formatCode(row.key, row.level))
                             .arg(maxFoldedLength)};
        }
        for (qsizetype i = 0; i < folded.size(); ++i) {
            if (i == 0 || folded[i - 1] == ' ')
                m_words.push_back(quint32(r) << 8 | quint32(i));
        }
        index.m_foldedStart.append(quint32(index.m_folded.size()));
        index.m_folded.append(folded);
        index.m_folded.append('\0');
    }
    index.m_nameStart.append(quint32(index.m_names.size()));
    index.m_foldedStart.append(quint32(index.m_folded.size()));
    return {};
}

void RegionIndexLoader::buildWordIndex()
{
    // Word-level suffix array: each word with the rest of its name, in byte order (which is code
    // point order for UTF-8). A prefix of one or more words is then one contiguous range.
    // Sorting on the first 8 bytes as an integer first settles most comparisons without strcmp.
    const char *folded = m_index.m_folded.constData();
    const quint32 *starts = m_index.m_foldedStart.constData();
    struct SortEntry
    {
        quint64 head; // first 8 bytes, big-endian, NUL-padded
        quint32 word;
    };
    std::vector<SortEntry> sorted;
    sorted.reserve(m_words.size());
    for (const quint32 word : m_words) {
        const char *text = folded + starts[word >> 8] + (word & 0xff);
        quint64 head = 0;
        int i = 0;
        for (; i < 8 && text[i] != '\0'; ++i)
            head = head << 8 | quint64(static_cast<unsigned char>(text[i]));
        sorted.push_back({head << (8 * (8 - i)), word});
    }
    std::sort(sorted.begin(), sorted.end(), [folded, starts](const SortEntry &a, const SortEntry &b) {
        if (a.head != b.head)
            return a.head < b.head;
        // Equal heads: both suffixes have at least 8 bytes, or are equal and NUL-terminated.
        if ((a.head & 0xff) == 0)
            return false;
        return std::strcmp(folded + starts[a.word >> 8] + (a.word & 0xff) + 8,
                           folded + starts[b.word >> 8] + (b.word & 0xff) + 8)
             < 0;
    });
    m_index.m_words.reserve(qsizetype(sorted.size()));
    for (const SortEntry &entry : sorted)
        m_index.m_words.append(entry.word);
}

Result<RegionIndex> RegionIndex::loadFromTsv(QByteArrayView tsv)
{
    return RegionIndexLoader(tsv).load();
}

QString RegionIndex::normaliseCode(QStringView code)
{
    const std::optional<ParsedCode> parsed = parseCode(code.trimmed());
    return parsed ? formatCode(parsed->key, parsed->level) : QString();
}

QString RegionIndex::parentCode(QStringView code)
{
    const std::optional<ParsedCode> parsed = parseCode(code.trimmed());
    if (!parsed || parsed->level == 0)
        return {};
    return formatCode(truncateKey(parsed->key, parsed->level - 1), parsed->level - 1);
}

std::optional<Region> RegionIndex::find(QStringView code) const
{
    const std::optional<ParsedCode> parsed = parseCode(code.trimmed());
    if (!parsed)
        return std::nullopt;
    const qsizetype row = rowOf(parsed->key);
    if (row < 0)
        return std::nullopt;
    return regionAt(row);
}

bool RegionIndex::contains(QStringView code) const
{
    const std::optional<ParsedCode> parsed = parseCode(code.trimmed());
    return parsed && rowOf(parsed->key) >= 0;
}

QList<Region> RegionIndex::children(QStringView code) const
{
    qsizetype first = m_levelStart[0];
    qsizetype last = m_levelStart[1];
    if (!code.trimmed().isEmpty()) {
        const std::optional<ParsedCode> parsed = parseCode(code.trimmed());
        if (!parsed || parsed->level == levelCount - 1)
            return {};
        std::tie(first, last)
            = levelRange(parsed->level + 1, parsed->key, parsed->key + subtreeSpan[parsed->level]);
    }
    QList<Region> result;
    result.reserve(last - first);
    for (qsizetype row = first; row < last; ++row)
        result.append(regionAt(row));
    return result;
}

QList<Region> RegionIndex::ancestry(QStringView code) const
{
    const std::optional<ParsedCode> parsed = parseCode(code.trimmed());
    if (!parsed || rowOf(parsed->key) < 0)
        return {};
    QList<Region> result;
    result.reserve(parsed->level + 1);
    for (int level = 0; level <= parsed->level; ++level) {
        // Present: loading refuses a region whose parent is missing.
        const qsizetype row = rowOf(truncateKey(parsed->key, level));
        Q_ASSERT(row >= 0);
        result.append(regionAt(row));
    }
    return result;
}

QString RegionIndex::displayPath(QStringView code) const
{
    const QList<Region> chain = ancestry(code);
    QString path;
    for (auto it = chain.crbegin(); it != chain.crend(); ++it) {
        if (!path.isEmpty())
            path += u", "_s;
        path += it->name;
    }
    return path;
}

QList<Region> RegionIndex::searchByName(QStringView prefix, int limit, QStringView within,
                                        std::optional<RegionLevel> level) const
{
    if (limit <= 0)
        return {};
    const QByteArray needle = foldForSearch(prefix).toUtf8();
    if (needle.isEmpty())
        return {};

    // Key window and levels to consider.
    quint64 firstKey = 0;
    quint64 lastKey = std::numeric_limits<quint64>::max();
    int firstLevel = 0;
    int lastLevel = levelCount - 1;
    if (!within.trimmed().isEmpty()) {
        const std::optional<ParsedCode> parsed = parseCode(within.trimmed());
        if (!parsed)
            return {};
        firstKey = parsed->key + 1; // strict descendants
        lastKey = parsed->key + subtreeSpan[parsed->level];
        firstLevel = parsed->level + 1;
    }
    if (level) {
        firstLevel = std::max(firstLevel, int(*level));
        lastLevel = std::min(lastLevel, int(*level));
    }
    if (firstLevel > lastLevel)
        return {};

    // Two ways to find candidates; take the cheaper. Usually the word index, but for a short
    // prefix inside a small subtree (a district has a few dozen villages) scanning is cheaper.
    const auto [wordFirst, wordLast] = wordRange(needle);
    qsizetype subtreeSize = 0;
    std::pair<qsizetype, qsizetype> ranges[levelCount];
    for (int l = firstLevel; l <= lastLevel; ++l) {
        ranges[l] = levelRange(l, firstKey, lastKey);
        subtreeSize += ranges[l].second - ranges[l].first;
    }

    std::vector<qsizetype> hits;
    if (subtreeSize < wordLast - wordFirst) {
        for (int l = firstLevel; l <= lastLevel; ++l) {
            for (qsizetype row = ranges[l].first; row < ranges[l].second; ++row) {
                if (firstWordMatch(row, needle) >= 0)
                    hits.push_back(row);
            }
        }
    } else {
        const quint32 *words = m_words.constData();
        const quint64 *keys = m_keys.constData();
        const qsizetype firstRow = ranges[firstLevel].first;
        const qsizetype lastRow = ranges[lastLevel].second;
        for (qsizetype i = wordFirst; i < wordLast; ++i) {
            const qsizetype row = qsizetype(words[i] >> 8);
            const qsizetype offset = qsizetype(words[i] & 0xff);
            // Rows are ordered by level, so the level filter is a row window. A name can match
            // at several words ("Asir Asir" for "asir"); only its first match counts.
            if (row >= firstRow && row < lastRow && keys[row] >= firstKey && keys[row] < lastKey
                && (offset == 0 || firstWordMatch(row, needle) == offset)) {
                hits.push_back(row);
            }
        }
    }

    const auto keep = std::min(hits.size(), size_t(limit));
    std::partial_sort(hits.begin(), hits.begin() + qsizetype(keep), hits.end(),
                      [this](qsizetype a, qsizetype b) { return foldedLess(a, b); });
    QList<Region> result;
    result.reserve(qsizetype(keep));
    for (size_t i = 0; i < keep; ++i)
        result.append(regionAt(hits[i]));
    return result;
}

int RegionIndex::size() const
{
    return int(m_keys.size());
}

QString RegionIndex::decree() const
{
    return m_decree;
}

qsizetype RegionIndex::byteSize() const
{
    return m_keys.capacity() * qsizetype(sizeof(quint64)) + m_lat.capacity() * qsizetype(sizeof(qint32))
         + m_lng.capacity() * qsizetype(sizeof(qint32)) + m_nameStart.capacity() * qsizetype(sizeof(quint32))
         + m_names.capacity() + m_foldedStart.capacity() * qsizetype(sizeof(quint32)) + m_folded.capacity()
         + m_words.capacity() * qsizetype(sizeof(quint32)) + m_decree.capacity() * qsizetype(sizeof(QChar));
}

Region RegionIndex::regionAt(qsizetype row) const
{
    int level = levelCount - 1;
    while (row < m_levelStart[level])
        --level;
    const quint32 *nameStart = m_nameStart.constData();
    Region region;
    region.code = formatCode(m_keys.at(row), level);
    region.name
        = QString::fromUtf8(m_names.constData() + nameStart[row], nameStart[row + 1] - nameStart[row]);
    region.level = RegionLevel(level);
    if (m_lat.at(row) != noCoordinate) {
        region.lat = m_lat.at(row) / coordinateScale;
        region.lng = m_lng.at(row) / coordinateScale;
    }
    return region;
}

qsizetype RegionIndex::rowOf(quint64 key) const
{
    int level = 0;
    while (level < levelCount - 1 && key % subtreeSpan[level] != 0)
        ++level;
    const auto [first, last] = levelRange(level, key, key + 1);
    return first < last ? first : -1;
}

std::pair<qsizetype, qsizetype> RegionIndex::levelRange(int level, quint64 first, quint64 last) const
{
    const quint64 *begin = m_keys.constData() + m_levelStart[level];
    const quint64 *end = m_keys.constData() + m_levelStart[level + 1];
    const quint64 *lo = std::lower_bound(begin, end, first);
    const quint64 *hi = std::lower_bound(lo, end, last);
    return {lo - m_keys.constData(), hi - m_keys.constData()};
}

std::pair<qsizetype, qsizetype> RegionIndex::wordRange(QByteArrayView foldedPrefix) const
{
    const char *folded = m_folded.constData();
    const quint32 *starts = m_foldedStart.constData();
    const size_t length = size_t(foldedPrefix.size());
    // Compares only the first `length` bytes, so every suffix starting with the prefix is "equal".
    auto compare = [&](quint32 word) {
        return std::strncmp(folded + starts[word >> 8] + (word & 0xff), foldedPrefix.data(), length);
    };
    const quint32 *begin = m_words.constData();
    const quint32 *end = begin + m_words.size();
    const quint32 *lo = std::partition_point(begin, end, [&](quint32 w) { return compare(w) < 0; });
    const quint32 *hi = std::partition_point(lo, end, [&](quint32 w) { return compare(w) == 0; });
    return {lo - begin, hi - begin};
}

qsizetype RegionIndex::firstWordMatch(qsizetype row, QByteArrayView foldedPrefix) const
{
    const QByteArrayView name = foldedView(m_folded.constData(), m_foldedStart.constData(), row);
    for (qsizetype i = 0; i + foldedPrefix.size() <= name.size(); ++i) {
        if ((i == 0 || name[i - 1] == ' ') && name.sliced(i).startsWith(foldedPrefix))
            return i;
    }
    return -1;
}

bool RegionIndex::foldedLess(qsizetype a, qsizetype b) const
{
    // Row order is level order, and key order within a level.
    auto levelOf = [this](qsizetype row) {
        int level = levelCount - 1;
        while (row < m_levelStart[level])
            --level;
        return level;
    };
    const int levelA = levelOf(a);
    const int levelB = levelOf(b);
    if (levelA != levelB)
        return levelA < levelB;
    const int byName
        = std::strcmp(m_folded.constData() + m_foldedStart.at(a), m_folded.constData() + m_foldedStart.at(b));
    if (byName != 0)
        return byName < 0;
    return a < b;
}

} // namespace Core
