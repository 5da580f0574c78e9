// SPDX-License-Identifier: GPL-3.0-or-later
// Core::RegionIndex: the region code parser (normaliseCode, parentCode, find, children,
// ancestry, searchByName with a typed prefix and a `within` code) on the built-in list, and
// loadFromTsv on a list given as input (a region file is data a packager may replace).
// First byte: even: the rest is a query "code\nprefix\nwithin" against the built-in list,
//             odd:  the rest is a TSV file; when it loads, its own codes are queried.
#include "core/regions/regionindex.h"
#include "tests/fuzz/fuzzsupport.h"

namespace {

const Core::RegionIndex *builtin = nullptr;

void query(const Core::RegionIndex &index, const QString &code, const QString &prefix, const QString &within,
           int mode)
{
    const QString normal = Core::RegionIndex::normaliseCode(code);
    const QString parent = Core::RegionIndex::parentCode(code);
    if (!normal.isEmpty()) {
        // The dotted form is a fixed point, and a parent is a code of its own.
        FUZZ_CHECK(Core::RegionIndex::normaliseCode(normal) == normal);
        FUZZ_CHECK(Core::RegionIndex::parentCode(normal) == parent);
        if (!parent.isEmpty())
            FUZZ_CHECK(Core::RegionIndex::normaliseCode(parent) == parent && normal.startsWith(parent));
    } else {
        FUZZ_CHECK(parent.isEmpty());
    }
    const std::optional<Core::Region> found = index.find(code);
    FUZZ_CHECK(found.has_value() == index.contains(code));
    const QList<Core::Region> chain = index.ancestry(code);
    if (found) {
        FUZZ_CHECK(found->code == normal);
        FUZZ_CHECK(!chain.isEmpty() && chain.last().code == normal);
        FUZZ_CHECK(!index.displayPath(code).isEmpty());
    } else {
        FUZZ_CHECK(chain.isEmpty());
    }
    for (const Core::Region &child : index.children(code))
        FUZZ_CHECK(Core::RegionIndex::parentCode(child.code) == normal || normal.isEmpty());
    const int limit = 1 + mode % 40;
    const std::optional<Core::RegionLevel> level
        = (mode & 0x40) ? std::optional(Core::RegionLevel((mode >> 4) & 3)) : std::nullopt;
    const QList<Core::Region> hits = index.searchByName(prefix, limit, within, level);
    FUZZ_CHECK(hits.size() <= limit);
    for (const Core::Region &hit : hits) {
        FUZZ_CHECK(index.contains(hit.code));
        if (level)
            FUZZ_CHECK(hit.level == *level);
    }
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    Core::Result<Core::RegionIndex> loaded = Core::RegionIndex::loadBuiltin();
    if (!loaded) {
        std::fprintf(stderr, "cannot load the built-in regions\n");
        std::abort();
    }
    builtin = new Core::RegionIndex(std::move(*loaded));
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    const int mode = data[0];
    const QByteArray rest = Fuzz::bytes(data + 1, size - 1);
    if (mode & 1) {
        const Core::Result<Core::RegionIndex> index = Core::RegionIndex::loadFromTsv(rest);
        if (!index)
            return 0;
        FUZZ_CHECK(index->size() > 0);
        // Query every code of the list (the first field of each row, headers and comments aside) and a word
        // of its name.
        for (const QByteArray &line : rest.split('\n')) {
            const QList<QByteArray> fields = line.split('\t');
            if (fields.size() == 4 && !line.startsWith('#')) {
                const QString code = QString::fromUtf8(fields.at(0));
                FUZZ_CHECK(index->contains(code));
                query(*index, code, QString::fromUtf8(fields.at(1).left(4)), QString(), mode >> 1);
            }
        }
        return 0;
    }
    const QList<QByteArray> parts = rest.split('\n');
    query(*builtin, QString::fromUtf8(parts.value(0)), QString::fromUtf8(parts.value(1)),
          QString::fromUtf8(parts.value(2)), mode >> 1);
    return 0;
}
