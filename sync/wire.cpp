// SPDX-License-Identifier: GPL-3.0-or-later
#include "sync/wire.h"

#include "core/util/uuid.h"

#include <QCborArray>
#include <QCborMap>
#include <QCborStreamReader>
#include <QCborValue>
#include <QScopeGuard>
#include <QtEndian>

#include <zlib.h>

using namespace Qt::StringLiterals;
using Core::Error;
using Core::Status;

namespace Sync::Wire {

namespace {

constexpr char magic[] = "DPG1";
constexpr qsizetype frameBytes = 8; // magic + the unpacked size

QByteArray frame(const QCborMap &map)
{
    // qCompress prefixes the uncompressed size (4 bytes, big endian), which unpack() holds the
    // page to: it never unpacks more than declared, nor more than the message's limit.
    return QByteArray(magic, 4) + qCompress(map.toCborValue().toCbor(), 6);
}

Error corrupt(const QString &detail)
{
    return Error{Error::Code::Corrupt, detail};
}

// Walks one CBOR value and what it holds, counting against the limits; builds nothing. The
// recursion is bounded by limits.depth, checked before entering a container.
class CborWalk
{
public:
    CborWalk(const QByteArray &cbor, const Limits &limits)
        : m_reader(cbor)
        , m_limits(limits)
    { }

    Status run(qsizetype size)
    {
        if (Status s = value(1); !s)
            return s;
        if (m_reader.lastError() != QCborError::NoError)
            return malformed();
        if (m_reader.currentOffset() != size)
            return corrupt(u"bytes after the page's CBOR value"_s);
        return {};
    }

private:
    Status malformed()
    {
        const QCborError error = m_reader.lastError();
        return corrupt(u"malformed CBOR at byte %1: %2"_s.arg(m_reader.currentOffset())
                           .arg(error == QCborError::NoError ? u"unexpected end"_s : error.toString()));
    }

    Status value(int depth)
    {
        if (m_reader.lastError() != QCborError::NoError)
            return malformed();
        if (++m_items > m_limits.items)
            return corrupt(u"more than %1 CBOR values in the page"_s.arg(m_limits.items));
        switch (m_reader.type()) {
        case QCborStreamReader::Array:
        case QCborStreamReader::Map:
            return container(depth);
        case QCborStreamReader::ByteArray:
        case QCborStreamReader::String:
            // The length comes from the head, before any of the bytes are read.
            if (!m_reader.isLengthKnown())
                return corrupt(u"a chunked CBOR string (never written by Dampingi)"_s);
            if (m_reader.length() > quint64(m_limits.stringBytes))
                return corrupt(u"a CBOR string of %1 bytes, above the limit of %2"_s.arg(m_reader.length())
                                   .arg(m_limits.stringBytes));
            break;
        case QCborStreamReader::Tag:
            return corrupt(u"a CBOR tag (never written by Dampingi)"_s);
        case QCborStreamReader::Invalid:
            return malformed();
        default: // integers, simple values, floats
            break;
        }
        if (!m_reader.next())
            return malformed();
        return {};
    }

    Status container(int depth)
    {
        if (depth > m_limits.depth)
            return corrupt(u"CBOR nested deeper than %1"_s.arg(m_limits.depth));
        if (!m_reader.isLengthKnown())
            return corrupt(u"a CBOR container of indefinite length (never written by Dampingi)"_s);
        const bool map = m_reader.isMap();
        const quint64 entries = m_reader.length();
        if (entries > quint64(m_limits.entries))
            return corrupt(
                u"a CBOR %1 of %2 entries, above the limit of %3"_s.arg(map ? u"map"_s : u"array"_s)
                    .arg(entries)
                    .arg(m_limits.entries));
        if (!m_reader.enterContainer())
            return malformed();
        // A map's entries are key-value pairs: two values each.
        const quint64 values = map ? 2 * entries : entries;
        for (quint64 i = 0; i < values; ++i) {
            if (!m_reader.hasNext())
                return malformed();
            if (Status s = value(depth + 1); !s)
                return s;
        }
        if (m_reader.hasNext() || !m_reader.leaveContainer())
            return malformed();
        return {};
    }

    QCborStreamReader m_reader;
    const Limits &m_limits;
    qint64 m_items = 0;
};

Status unframe(const QByteArray &page, const Limits &limits, QCborMap &out)
{
    Core::Result<QByteArray> cbor = unpack(page, limits);
    if (!cbor)
        return cbor.error();
    if (Status s = checkCbor(*cbor, limits); !s)
        return s;
    QCborParserError error;
    const QCborValue value = QCborValue::fromCbor(*cbor, &error);
    if (error.error != QCborError::NoError)
        return corrupt(u"malformed CBOR at byte %1: %2"_s.arg(error.offset).arg(error.errorString()));
    if (!value.isMap())
        return corrupt(u"page is not a CBOR map"_s);
    out = value.toMap();
    return {};
}

// Strict field readers: a missing or mistyped field fails the whole page.
class Reader
{
public:
    explicit Reader(const QCborMap &map, QString where)
        : m_map(map)
        , m_where(std::move(where))
    { }

    QString text(QLatin1StringView key, bool optional = false)
    {
        const QCborValue v = m_map.value(key);
        if (v.isString())
            return v.toString();
        if (!(optional && (v.isUndefined() || v.isNull())))
            fail(key, "text");
        return {};
    }
    qint64 integer(QLatin1StringView key, bool optional = false)
    {
        const QCborValue v = m_map.value(key);
        if (v.isInteger())
            return v.toInteger();
        if (!(optional && v.isUndefined()))
            fail(key, "integer");
        return 0;
    }
    bool boolean(QLatin1StringView key, bool optional = false)
    {
        const QCborValue v = m_map.value(key);
        if (v.isBool())
            return v.toBool();
        if (!(optional && v.isUndefined()))
            fail(key, "boolean");
        return false;
    }
    QByteArray bytes(QLatin1StringView key, bool optional = false)
    {
        const QCborValue v = m_map.value(key);
        if (v.isByteArray())
            return v.toByteArray();
        if (!(optional && (v.isUndefined() || v.isNull())))
            fail(key, "bytes");
        return {};
    }
    std::optional<QByteArray> nullableBytes(QLatin1StringView key)
    {
        const QCborValue v = m_map.value(key);
        if (v.isByteArray())
            return v.toByteArray();
        if (!v.isNull() && !v.isUndefined())
            fail(key, "bytes or null");
        return std::nullopt;
    }
    QCborArray array(QLatin1StringView key, bool optional = false)
    {
        const QCborValue v = m_map.value(key);
        if (v.isArray())
            return v.toArray();
        if (!(optional && v.isUndefined()))
            fail(key, "array");
        return {};
    }
    QCborValue raw(QLatin1StringView key) const { return m_map.value(key); }
    // An id that names a record, transaction, device or attachment: a UUID, or absent/empty
    // when `optional`. Anything else fails the page, before it can reach a file name or a row.
    QString uuid(QLatin1StringView key, bool optional = false)
    {
        const QString id = text(key, optional);
        if (!Core::isUuid(id) && !(optional && id.isEmpty()))
            fail(key, "a UUID");
        return id;
    }
    QString site(QLatin1StringView key, bool optional = false)
    {
        const QString id = text(key, optional);
        if (!Core::isSiteId(id) && !(optional && id.isEmpty()))
            fail(key, "a site id");
        return id;
    }
    QStringList uuids(QLatin1StringView key)
    {
        QStringList out;
        for (const QCborValue &v : array(key, true)) {
            if (!v.isString() || !Core::isUuid(v.toString())) {
                fail(key, "an array of UUIDs");
                return {};
            }
            out << v.toString();
        }
        return out;
    }

    Status status() const
    {
        if (m_error.isEmpty())
            return {};
        return corrupt(m_error);
    }
    void failWith(const QString &detail)
    {
        if (m_error.isEmpty())
            m_error = detail;
    }
    void fail(QLatin1StringView key, const char *expected)
    {
        if (m_error.isEmpty())
            m_error = u"%1: field '%2' missing or not %3"_s.arg(m_where, key, QLatin1StringView(expected));
    }

private:
    QCborMap m_map; // by value: callers pass temporaries (v.toMap())
    QString m_where;
    QString m_error;
};

QCborMap opMap(const WireOp &op)
{
    QCborMap m;
    m.insert("s"_L1, op.site);
    m.insert("q"_L1, op.seq);
    m.insert("t"_L1, op.txn);
    m.insert("e"_L1, op.entity);
    m.insert("i"_L1, op.entityId);
    if (!op.caseId.isEmpty())
        m.insert("c"_L1, op.caseId);
    m.insert("f"_L1, op.field);
    m.insert("o"_L1, op.op);
    m.insert("v"_L1, op.value ? QCborValue(*op.value) : QCborValue(nullptr));
    m.insert("h"_L1, op.hlc);
    m.insert("a"_L1, op.author);
    if (op.base != 0)
        m.insert("b"_L1, op.base);
    m.insert("sv"_L1, op.schemaVersion);
    return m;
}

WireOp readOp(const QCborMap &m, Reader &r)
{
    Reader f(m, u"op"_s);
    WireOp op;
    op.site = f.site("s"_L1);
    op.seq = f.integer("q"_L1);
    op.txn = f.uuid("t"_L1);
    op.entity = f.text("e"_L1);
    op.entityId = f.uuid("i"_L1);
    op.caseId = f.uuid("c"_L1, true);
    op.field = f.text("f"_L1);
    op.op = f.text("o"_L1);
    op.value = f.nullableBytes("v"_L1);
    op.hlc = f.integer("h"_L1);
    op.author = f.text("a"_L1);
    op.base = f.integer("b"_L1, true);
    op.schemaVersion = int(f.integer("sv"_L1));
    if (!f.status())
        r.failWith(f.status().error().detail); // says which field of the op
    else if (op.seq <= 0 || op.site.isEmpty() || op.entity.isEmpty() || op.entityId.isEmpty())
        r.fail("ops"_L1, "ops with site, positive seq, entity and id");
    return op;
}

QCborArray opsArray(const QList<WireOp> &ops)
{
    QCborArray a;
    for (const WireOp &op : ops)
        a.append(opMap(op));
    return a;
}

QList<WireOp> readOps(Reader &r, QLatin1StringView key)
{
    QList<WireOp> ops;
    const QCborArray a = r.array(key);
    ops.reserve(a.size());
    for (const QCborValue &v : a) {
        if (!v.isMap()) {
            r.fail(key, "array of maps");
            return {};
        }
        ops << readOp(v.toMap(), r);
    }
    return ops;
}

QCborArray textArray(const QStringList &list)
{
    QCborArray a;
    for (const QString &s : list)
        a.append(s);
    return a;
}

template <typename Fill>
Status decodeWith(const QByteArray &page, const Limits &limits, const QString &where, Fill fill)
{
    QCborMap map;
    if (Status s = unframe(page, limits, map); !s)
        return s;
    Reader r(map, where);
    fill(r);
    return r.status();
}

QCborMap pullReplyMap(const PullReply &m)
{
    QCborMap map;
    map.insert("ops"_L1, opsArray(m.ops));
    map.insert("cursor"_L1, m.nextCursor);
    map.insert("more"_L1, m.more);
    if (!m.purge.isEmpty())
        map.insert("purge"_L1, textArray(m.purge));
    return map;
}

PullReply readPullReply(Reader &r)
{
    PullReply out;
    out.ops = readOps(r, "ops"_L1);
    out.nextCursor = r.bytes("cursor"_L1);
    out.more = r.boolean("more"_L1);
    out.purge = r.uuids("purge"_L1);
    return out;
}

// Sealed keys: [{epoch, sealed}, ...]. A laptop holds one key per rotation, so a long list is
// not one a server made.
constexpr qsizetype maxSealedKeys = 1024;

QCborArray sealedKeysArray(const QList<SealedKey> &keys)
{
    QCborArray array;
    for (const SealedKey &key : keys)
        array.append(QCborMap{{"epoch"_L1, key.epoch}, {"sealed"_L1, key.sealed}});
    return array;
}

QList<SealedKey> readSealedKeys(Reader &r)
{
    QList<SealedKey> out;
    const QCborArray array = r.array("keys"_L1, true);
    if (array.size() > maxSealedKeys) {
        r.fail("keys"_L1, "a short array");
        return {};
    }
    for (const QCborValue &v : array) {
        Reader kr(v.toMap(), u"sealed key"_s);
        SealedKey key{kr.integer("epoch"_L1), kr.bytes("sealed"_L1)};
        if (!v.isMap() || !kr.status()) {
            r.fail("keys"_L1, "an array of {epoch, sealed}");
            return {};
        }
        out << key;
    }
    return out;
}

} // namespace

Core::Result<QByteArray> unpack(const QByteArray &page, const Limits &limits)
{
    if (page.size() < frameBytes || !page.startsWith(magic))
        return corrupt(u"not a Dampingi page (bad frame header)"_s);
    if (page.size() > limits.pageBytes())
        return corrupt(u"page of %1 bytes, above the %2 this message may take"_s.arg(page.size())
                           .arg(limits.pageBytes()));
    const quint32 declared = qFromBigEndian<quint32>(page.constData() + 4);
    if (declared == 0)
        return corrupt(u"page declares nothing to unpack"_s);
    if (declared > limits.bytes)
        return corrupt(
            u"page declares %1 bytes unpacked, above the limit of %2"_s.arg(declared).arg(limits.bytes));
    // zlib directly, not qUncompress: Qt 6.4 takes the declared size as a hint only and keeps
    // doubling its buffer while the stream produces, so a small page could unpack to gigabytes.
    // Here the buffer is exactly what the page declares (at most the limit), and a stream that
    // would write past it is refused the moment it tries.
    QByteArray out(qsizetype(declared), Qt::Uninitialized);
    z_stream stream{};
    if (inflateInit(&stream) != Z_OK)
        return Error{Error::Code::Internal, u"zlib: cannot start inflating"_s};
    const auto end = qScopeGuard([&stream] { inflateEnd(&stream); });
    stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(page.constData() + frameBytes));
    stream.avail_in = uInt(page.size() - frameBytes); // at most pageBytes(): well below 4 GiB
    stream.next_out = reinterpret_cast<Bytef *>(out.data());
    stream.avail_out = uInt(declared);
    const int result = inflate(&stream, Z_FINISH);
    if (result == Z_STREAM_END) {
        if (stream.total_out != declared)
            return corrupt(
                u"page unpacks to %1 bytes, not the %2 it declares"_s.arg(stream.total_out).arg(declared));
        if (stream.avail_in != 0)
            return corrupt(u"bytes after the page's compressed stream"_s);
        return out;
    }
    // Out of room with input left: the stream has more to give than the page declared (a stream
    // whose input ran out instead is cut short, reported below).
    if (result == Z_BUF_ERROR && stream.avail_out == 0 && stream.avail_in > 0)
        return corrupt(u"page unpacks to more than the %1 bytes it declares"_s.arg(declared));
    return corrupt(u"page does not decompress (truncated or damaged)"_s);
}

Status checkCbor(const QByteArray &cbor, const Limits &limits)
{
    return CborWalk(cbor, limits).run(cbor.size());
}

const Limits *requestLimits(QByteArrayView endpoint)
{
    static const std::pair<const char *, const Limits *> table[] = {
        {Endpoint::enroll, &Limit::enroll}, {Endpoint::handshake, &Limit::handshake},
        {Endpoint::push, &Limit::push},     {Endpoint::pull, &Limit::pull},
        {Endpoint::blob, &Limit::blob},
    };
    for (const auto &[name, limits] : table) {
        if (endpoint == QByteArrayView(name))
            return limits;
    }
    return nullptr;
}

QByteArray encode(const WireOp &op)
{
    return frame(opMap(op));
}

Status decode(const QByteArray &page, WireOp &out, const Limits &limits)
{
    QCborMap map;
    if (Status s = unframe(page, limits, map); !s)
        return s;
    Reader r(map, u"op"_s);
    out = readOp(map, r);
    return r.status();
}

QByteArray encode(const ErrorReply &m)
{
    QCborMap map;
    map.insert("error"_L1, m.code);
    map.insert("message"_L1, m.message);
    return frame(map);
}

Status decode(const QByteArray &page, ErrorReply &out, const Limits &limits)
{
    return decodeWith(page, limits, u"error"_s, [&](Reader &r) {
        out.code = r.text("error"_L1);
        out.message = r.text("message"_L1, true);
    });
}

QByteArray encode(const EnrollRequest &m)
{
    QCborMap map;
    map.insert("secret"_L1, m.secret);
    map.insert("device_name"_L1, m.deviceName);
    map.insert("site"_L1, m.siteId);
    map.insert("sign_pk"_L1, m.bundleSignPublic);
    map.insert("box_pk"_L1, m.bundleBoxPublic);
    return frame(map);
}

Status decode(const QByteArray &page, EnrollRequest &out, const Limits &limits)
{
    return decodeWith(page, limits, u"enroll"_s, [&](Reader &r) {
        out.secret = r.bytes("secret"_L1);
        out.deviceName = r.text("device_name"_L1);
        out.siteId = r.site("site"_L1);
        out.bundleSignPublic = r.bytes("sign_pk"_L1, true);
        out.bundleBoxPublic = r.bytes("box_pk"_L1, true);
    });
}

QByteArray encode(const EnrollReply &m)
{
    QCborMap map;
    map.insert("device"_L1, m.deviceId);
    map.insert("token"_L1, m.token);
    map.insert("login"_L1, m.login);
    map.insert("role"_L1, m.role);
    map.insert("district"_L1, m.districtCode);
    map.insert("server_site"_L1, m.serverSite);
    map.insert("key"_L1, m.sealedDistrictKey);
    map.insert("sign_pk"_L1, m.serverSignPublic);
    map.insert("box_pk"_L1, m.serverBoxPublic);
    return frame(map);
}

Status decode(const QByteArray &page, EnrollReply &out, const Limits &limits)
{
    return decodeWith(page, limits, u"enroll reply"_s, [&](Reader &r) {
        out.deviceId = r.uuid("device"_L1);
        out.token = r.bytes("token"_L1);
        out.login = r.text("login"_L1);
        out.role = r.text("role"_L1);
        out.districtCode = r.text("district"_L1);
        out.serverSite = r.site("server_site"_L1);
        out.sealedDistrictKey = r.bytes("key"_L1);
        out.serverSignPublic = r.bytes("sign_pk"_L1, true);
        out.serverBoxPublic = r.bytes("box_pk"_L1, true);
    });
}

QByteArray encode(const HandshakeRequest &m)
{
    QCborMap map;
    map.insert("protocol"_L1, m.protocol);
    map.insert("schema"_L1, m.schemaVersion);
    map.insert("site"_L1, m.siteId);
    map.insert("cursor"_L1, m.cursor);
    if (m.pullMax > 0)
        map.insert("pull"_L1, m.pullMax);
    if (m.keyEpoch > 0)
        map.insert("key_epoch"_L1, m.keyEpoch);
    return frame(map);
}

Status decode(const QByteArray &page, HandshakeRequest &out, const Limits &limits)
{
    return decodeWith(page, limits, u"handshake"_s, [&](Reader &r) {
        out.protocol = int(r.integer("protocol"_L1));
        out.schemaVersion = int(r.integer("schema"_L1));
        out.siteId = r.site("site"_L1, true);
        out.cursor = r.bytes("cursor"_L1, true);
        out.pullMax = int(r.integer("pull"_L1, true));
        out.keyEpoch = r.integer("key_epoch"_L1, true);
    });
}

QByteArray encode(const HandshakeReply &m)
{
    QCborMap map;
    map.insert("protocol"_L1, m.protocol);
    map.insert("schema_min"_L1, m.schemaMin);
    map.insert("schema_max"_L1, m.schemaMax);
    map.insert("time"_L1, m.serverTimeMs);
    map.insert("server_site"_L1, m.serverSite);
    map.insert("acked"_L1, m.ackedThrough);
    map.insert("cursor_valid"_L1, m.cursorValid);
    if (!m.epoch.isEmpty())
        map.insert("epoch"_L1, m.epoch);
    if (m.firstPage)
        map.insert("page"_L1, pullReplyMap(*m.firstPage));
    if (!m.keys.isEmpty())
        map.insert("keys"_L1, sealedKeysArray(m.keys));
    return frame(map);
}

Status decode(const QByteArray &page, HandshakeReply &out, const Limits &limits)
{
    return decodeWith(page, limits, u"handshake reply"_s, [&](Reader &r) {
        out.protocol = int(r.integer("protocol"_L1));
        out.schemaMin = int(r.integer("schema_min"_L1));
        out.schemaMax = int(r.integer("schema_max"_L1));
        out.serverTimeMs = r.integer("time"_L1);
        out.serverSite = r.site("server_site"_L1);
        out.ackedThrough = r.integer("acked"_L1);
        out.cursorValid = r.boolean("cursor_valid"_L1);
        out.epoch = r.site("epoch"_L1, true);
        const QCborValue first = r.raw("page"_L1);
        if (first.isMap()) {
            Reader pr(first.toMap(), u"handshake page"_s);
            out.firstPage = std::make_shared<PullReply>(readPullReply(pr));
            if (!pr.status())
                r.fail("page"_L1, "a well-formed pull page");
        } else if (!first.isUndefined()) {
            r.fail("page"_L1, "a map");
        }
        out.keys = readSealedKeys(r);
    });
}

QByteArray encode(const PushRequest &m)
{
    QCborMap map;
    map.insert("site"_L1, m.siteId);
    map.insert("ops"_L1, opsArray(m.ops));
    return frame(map);
}

Status decode(const QByteArray &page, PushRequest &out, const Limits &limits)
{
    return decodeWith(page, limits, u"push"_s, [&](Reader &r) {
        out.siteId = r.site("site"_L1);
        out.ops = readOps(r, "ops"_L1);
    });
}

namespace {

QString verdictName(Verdict::Kind kind)
{
    switch (kind) {
    case Verdict::Kind::Accepted:
        return u"accepted"_s;
    case Verdict::Kind::Duplicate:
        return u"duplicate"_s;
    case Verdict::Kind::Rejected:
        break;
    }
    return u"rejected"_s;
}

} // namespace

QByteArray encode(const PushReply &m)
{
    QCborArray verdicts;
    for (const Verdict &v : m.verdicts) {
        QCborMap vm;
        vm.insert("q"_L1, v.seq);
        vm.insert("k"_L1, verdictName(v.kind));
        if (!v.reason.isEmpty())
            vm.insert("r"_L1, v.reason);
        if (v.hlc != 0)
            vm.insert("h"_L1, v.hlc);
        verdicts.append(vm);
    }
    QCborMap map;
    map.insert("verdicts"_L1, verdicts);
    map.insert("acked"_L1, m.ackedThrough);
    return frame(map);
}

Status decode(const QByteArray &page, PushReply &out, const Limits &limits)
{
    return decodeWith(page, limits, u"push reply"_s, [&](Reader &r) {
        out.ackedThrough = r.integer("acked"_L1);
        out.verdicts.clear();
        for (const QCborValue &v : r.array("verdicts"_L1)) {
            Reader vr(v.toMap(), u"verdict"_s);
            Verdict verdict;
            verdict.seq = vr.integer("q"_L1);
            const QString kind = vr.text("k"_L1);
            verdict.reason = vr.text("r"_L1, true);
            verdict.hlc = vr.integer("h"_L1, true);
            if (kind == "accepted"_L1)
                verdict.kind = Verdict::Kind::Accepted;
            else if (kind == "duplicate"_L1)
                verdict.kind = Verdict::Kind::Duplicate;
            else if (kind == "rejected"_L1)
                verdict.kind = Verdict::Kind::Rejected;
            else
                vr.fail("k"_L1, "a verdict kind");
            if (!v.isMap() || !vr.status())
                r.fail("verdicts"_L1, "well-formed verdicts");
            out.verdicts << verdict;
        }
    });
}

QByteArray encode(const PullRequest &m)
{
    QCborMap map;
    map.insert("cursor"_L1, m.cursor);
    map.insert("max"_L1, m.maxOps);
    return frame(map);
}

Status decode(const QByteArray &page, PullRequest &out, const Limits &limits)
{
    return decodeWith(page, limits, u"pull"_s, [&](Reader &r) {
        out.cursor = r.bytes("cursor"_L1, true);
        out.maxOps = int(r.integer("max"_L1, true));
    });
}

QByteArray encode(const PullReply &m)
{
    return frame(pullReplyMap(m));
}

Status decode(const QByteArray &page, PullReply &out, const Limits &limits)
{
    return decodeWith(page, limits, u"pull reply"_s, [&](Reader &r) { out = readPullReply(r); });
}

QByteArray encode(const BlobRequest &m)
{
    QCborMap map;
    map.insert("put"_L1, m.put);
    map.insert("id"_L1, m.attachmentId);
    map.insert("part"_L1, m.part);
    map.insert("parts"_L1, m.parts);
    if (!m.data.isEmpty())
        map.insert("data"_L1, m.data);
    if (!m.ask.isEmpty())
        map.insert("ask"_L1, textArray(m.ask));
    return frame(map);
}

Status decode(const QByteArray &page, BlobRequest &out, const Limits &limits)
{
    return decodeWith(page, limits, u"blob"_s, [&](Reader &r) {
        out.put = r.boolean("put"_L1);
        out.attachmentId = r.uuid("id"_L1, true);
        out.part = int(r.integer("part"_L1));
        out.parts = int(r.integer("parts"_L1));
        out.data = r.bytes("data"_L1, true);
        out.ask = r.uuids("ask"_L1);
    });
}

QByteArray encode(const BlobReply &m)
{
    QCborMap map;
    map.insert("held"_L1, m.held);
    map.insert("parts"_L1, m.parts);
    if (!m.data.isEmpty())
        map.insert("data"_L1, m.data);
    if (!m.missing.isEmpty())
        map.insert("missing"_L1, textArray(m.missing));
    return frame(map);
}

Status decode(const QByteArray &page, BlobReply &out, const Limits &limits)
{
    return decodeWith(page, limits, u"blob reply"_s, [&](Reader &r) {
        out.held = int(r.integer("held"_L1));
        out.parts = int(r.integer("parts"_L1));
        out.data = r.bytes("data"_L1, true);
        out.missing = r.uuids("missing"_L1);
    });
}

QByteArray encode(const QList<SealedKey> &keys)
{
    QCborMap map;
    map.insert("keys"_L1, sealedKeysArray(keys));
    return frame(map);
}

Status decode(const QByteArray &page, QList<SealedKey> &out, const Limits &limits)
{
    return decodeWith(page, limits, u"sealed keys"_s, [&](Reader &r) { out = readSealedKeys(r); });
}

} // namespace Sync::Wire
