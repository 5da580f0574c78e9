// SPDX-License-Identifier: GPL-3.0-or-later
#include "sync/wire.h"

#include "core/util/uuid.h"

#include <QCborArray>
#include <QCborMap>
#include <QCborStreamReader>
#include <QCborValue>
#include <QScopeGuard>
#include <QUuid>
#include <QtEndian>

#include <limits>
#include <memory>
#include <type_traits>
#include <utility>
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

// Strict field readers: a missing or mistyped field fails the whole page (the first failure is
// the one reported).
class Reader
{
public:
    Reader(const QCborMap &map, QLatin1StringView where)
        : m_map(map)
        , m_where(where)
    { }

    QString text(QLatin1StringView key, bool optional)
    {
        const QCborValue v = m_map.value(key);
        if (v.isString())
            return v.toString();
        if (!(optional && (v.isUndefined() || v.isNull())))
            fail(key, u"text");
        return {};
    }
    qint64 integer(QLatin1StringView key, bool optional)
    {
        const QCborValue v = m_map.value(key);
        if (v.isInteger())
            return v.toInteger();
        if (!(optional && v.isUndefined()))
            fail(key, u"integer");
        return 0;
    }
    bool boolean(QLatin1StringView key, bool optional)
    {
        const QCborValue v = m_map.value(key);
        if (v.isBool())
            return v.toBool();
        if (!(optional && v.isUndefined()))
            fail(key, u"boolean");
        return false;
    }
    QByteArray bytes(QLatin1StringView key, bool optional)
    {
        const QCborValue v = m_map.value(key);
        if (v.isByteArray())
            return v.toByteArray();
        if (!(optional && (v.isUndefined() || v.isNull())))
            fail(key, u"bytes");
        return {};
    }
    // Always present on the wire: null when there is no value (a tombstone, an empty field).
    // A page that leaves it out reads as null too, as it always has.
    std::optional<QByteArray> nullableBytes(QLatin1StringView key)
    {
        const QCborValue v = m_map.value(key);
        if (v.isByteArray())
            return v.toByteArray();
        if (!v.isNull() && !v.isUndefined())
            fail(key, u"bytes or null");
        return std::nullopt;
    }
    QCborArray array(QLatin1StringView key, bool optional)
    {
        const QCborValue v = m_map.value(key);
        if (v.isArray())
            return v.toArray();
        if (!(optional && v.isUndefined()))
            fail(key, u"array");
        return {};
    }
    QCborValue raw(QLatin1StringView key) const { return m_map.value(key); }
    // An id that names a record, transaction, device or attachment: a UUID, or absent/empty
    // when `optional`. Anything else fails the page, before it can reach a file name or a row.
    QString uuid(QLatin1StringView key, bool optional)
    {
        QString id = text(key, optional);
        if (!Core::isUuid(id) && !(optional && id.isEmpty()))
            fail(key, u"a UUID");
        return id;
    }
    QString site(QLatin1StringView key, bool optional)
    {
        QString id = text(key, optional);
        if (!Core::isSiteId(id) && !(optional && id.isEmpty()))
            fail(key, u"a site id");
        return id;
    }
    QStringList uuids(QLatin1StringView key, bool optional)
    {
        QStringList out;
        const QCborArray values = array(key, optional);
        for (const QCborValue v : values) {
            if (!v.isString() || !Core::isUuid(v.toString())) {
                fail(key, u"an array of UUIDs");
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
    void fail(QLatin1StringView key, QStringView expected)
    {
        if (m_error.isEmpty())
            m_error = u"%1: field '%2' missing or not %3"_s.arg(m_where, key, expected);
    }
    // A nested message (an op of a push, the first page of a handshake) did not read: its own
    // detail says which of its fields.
    void failInside(QLatin1StringView key, const QString &detail)
    {
        if (m_error.isEmpty())
            m_error = u"%1: field '%2': %3"_s.arg(m_where, key, detail);
    }
    // A message whose fields read but do not make sense together.
    void failWhole(QStringView detail)
    {
        if (m_error.isEmpty())
            m_error = u"%1: %2"_s.arg(m_where, detail);
    }

private:
    QCborMap m_map; // by value: callers pass temporaries (v.toMap())
    QLatin1StringView m_where;
    QString m_error;
};

// --- One field table per message ---------------------------------------------------------
//
// Each message is described once, by a table of its fields in the order they are written
// (which is the order of the keys on the wire: QCborMap keeps insertion order, and laptops and
// servers in the field compare nothing but read everything, so the order is kept for the golden
// pages of tests/sync/test_wire.cpp). encode() and decode() both walk the table; adding a field is
// one line in it.

// How a field is written, and whether a page may leave it out.
enum class Presence {
    Required, // always written; a page without it is refused
    Optional, // always written; absent (or null, for text and bytes) reads as the default
    IfSet, // written when set (non-empty, non-zero, non-null); absent reads as the default
    IfPositive, // written when above zero; absent reads as 0
    IfKnown, // an integer written when not negative; absent (or negative) reads as -1: unknown
};

// What a field holds on the wire, and what decode checks of it (Reader).
enum class As {
    Text,
    Uuid, // text that Core::isUuid accepts (an empty one only when the field may be absent)
    Site, // text that Core::isSiteId accepts (likewise)
    Integer, // any integer member, read as a CBOR integer and cast to the member's type
    Boolean,
    Bytes,
    NullableBytes, // std::optional<QByteArray>: bytes or null, always written
    Uuids, // QStringList of UUIDs
    Name, // an enum, written as its name (Names<E>); any other text is refused
    Map, // std::shared_ptr<T>: one nested message, read with T's own table
    Maps, // QList<T>: an array of nested messages, each read with T's own table
};

template <typename M> struct Field
{
    const char *key;
    void (*write)(const M &message, QLatin1StringView key, QCborMap &map);
    void (*read)(M &message, QLatin1StringView key, Reader &reader);
};

// The tables, one specialisation per message: `where` (names the message in an error detail),
// `fields`, and optionally `check` (a rule across fields; empty when the message is whole) and
// `maxCount` (how many of it one array may hold).
template <typename M> struct Table;

// The names of an enum on the wire.
template <typename E> struct Names;

template <> struct Names<Verdict::Kind>
{
    static constexpr std::pair<Verdict::Kind, const char *> values[] = {
        {Verdict::Kind::Accepted, "accepted"},
        {Verdict::Kind::Duplicate, "duplicate"},
        {Verdict::Kind::Rejected, "rejected"},
    };
};

template <typename M> QCborMap toMap(const M &message)
{
    QCborMap map;
    for (const Field<M> &field : Table<M>::fields)
        field.write(message, QLatin1StringView(field.key), map);
    return map;
}

template <typename M> Status fromMap(const QCborMap &map, M &out)
{
    Reader reader(map, QLatin1StringView(Table<M>::where));
    for (const Field<M> &field : Table<M>::fields)
        field.read(out, QLatin1StringView(field.key), reader);
    if constexpr (requires { Table<M>::check(out); }) {
        if (reader.status()) {
            if (const QString problem = Table<M>::check(out); !problem.isEmpty())
                reader.failWhole(problem);
        }
    }
    return reader.status();
}

template <typename T> constexpr bool isSet(const T &value)
{
    if constexpr (std::is_arithmetic_v<T>)
        return value != 0;
    else if constexpr (requires { value.isEmpty(); })
        return !value.isEmpty();
    else
        return bool(value);
}

template <typename T> struct MemberOf;
template <typename C, typename T> struct MemberOf<T C::*>
{
    using Owner = C;
    using Type = T;
};

template <As as, typename T> QCborValue toCbor(const T &value)
{
    if constexpr (as == As::Integer)
        return QCborValue(qint64(value));
    else if constexpr (as == As::NullableBytes)
        return value ? QCborValue(*value) : QCborValue(nullptr);
    else if constexpr (as == As::Uuids) {
        QCborArray array;
        for (const QString &id : value)
            array.append(id);
        return array;
    } else if constexpr (as == As::Name) {
        for (const auto &[v, name] : Names<T>::values) {
            if (v == value)
                return QCborValue(QLatin1StringView(name));
        }
        return QCborValue(nullptr); // not a value of the enum: refused by any reader
    } else if constexpr (as == As::Map)
        return toMap(*value);
    else if constexpr (as == As::Maps) {
        QCborArray array;
        for (const auto &element : value)
            array.append(toMap(element));
        return array;
    } else
        return QCborValue(value);
}

template <auto member, As as, Presence presence>
void writeField(const typename MemberOf<decltype(member)>::Owner &message, QLatin1StringView key,
                QCborMap &map)
{
    const auto &value = message.*member;
    if constexpr (presence == Presence::IfSet) {
        if (!isSet(value))
            return;
    } else if constexpr (presence == Presence::IfPositive) {
        if (value <= 0)
            return;
    } else if constexpr (presence == Presence::IfKnown) {
        if (value < 0)
            return;
    }
    map.insert(key, toCbor<as>(value));
}

template <As as, typename T> void readNested(Reader &reader, QLatin1StringView key, bool optional, T &out)
{
    if constexpr (as == As::Map) {
        using E = typename T::element_type;
        const QCborValue v = reader.raw(key);
        out.reset();
        if (v.isUndefined() && optional)
            return;
        if (!v.isMap())
            return reader.fail(key, u"a map");
        auto element = std::make_shared<E>();
        if (Status s = fromMap(v.toMap(), *element); !s)
            return reader.failInside(key, s.error().detail);
        out = std::move(element);
    } else {
        using E = typename T::value_type;
        out.clear();
        const QCborArray array = reader.array(key, optional);
        if constexpr (requires { Table<E>::maxCount; }) {
            if (array.size() > Table<E>::maxCount)
                return reader.fail(key, u"an array of at most %1"_s.arg(Table<E>::maxCount));
        }
        out.reserve(array.size());
        for (const QCborValue v : array) {
            if (!v.isMap())
                return reader.fail(key, u"an array of maps");
            E element;
            if (Status s = fromMap(v.toMap(), element); !s)
                return reader.failInside(key, s.error().detail);
            out << std::move(element);
        }
    }
}

template <auto member, As as, Presence presence>
void readField(typename MemberOf<decltype(member)>::Owner &message, QLatin1StringView key, Reader &reader)
{
    constexpr bool optional = presence != Presence::Required;
    auto &value = message.*member;
    using T = typename MemberOf<decltype(member)>::Type;
    if constexpr (as == As::Text)
        value = reader.text(key, optional);
    else if constexpr (as == As::Uuid)
        value = reader.uuid(key, optional);
    else if constexpr (as == As::Site)
        value = reader.site(key, optional);
    else if constexpr (as == As::Integer && presence == Presence::IfKnown)
        value = reader.raw(key).isUndefined() ? T(-1) : std::max(T(-1), T(reader.integer(key, optional)));
    else if constexpr (as == As::Integer)
        value = T(reader.integer(key, optional));
    else if constexpr (as == As::Boolean)
        value = reader.boolean(key, optional);
    else if constexpr (as == As::Bytes)
        value = reader.bytes(key, optional);
    else if constexpr (as == As::NullableBytes)
        value = reader.nullableBytes(key);
    else if constexpr (as == As::Uuids)
        value = reader.uuids(key, optional);
    else if constexpr (as == As::Name) {
        value = T{};
        const QString name = reader.text(key, optional);
        for (const auto &[v, known] : Names<T>::values) {
            if (name == QLatin1StringView(known)) {
                value = v;
                return;
            }
        }
        if (!(optional && name.isEmpty()))
            reader.fail(key, u"one of its names");
    } else
        readNested<as>(reader, key, optional, value);
}

// One line of a table: the member, what it is on the wire, whether it may be left out.
template <auto member, As as, Presence presence = Presence::Required>
constexpr Field<typename MemberOf<decltype(member)>::Owner> field(const char *key)
{
    static_assert(as != As::NullableBytes || presence == Presence::Required,
                  "a nullable value is always written (null when empty)");
    static_assert(as != As::Map || presence == Presence::IfSet,
                  "a nested message is written when there is one");
    static_assert(presence != Presence::IfKnown || as == As::Integer, "only a count can be unknown");
    return {key, &writeField<member, as, presence>, &readField<member, as, presence>};
}

// The list of sealed keys of an office bundle's meta is a message of its own: {keys: [...]}.
struct SealedKeysPage
{
    QList<SealedKey> keys;
};

using P = Presence;

template <> struct Table<WireOp>
{
    static constexpr char where[] = "op";
    static constexpr Field<WireOp> fields[] = {
        field<&WireOp::site, As::Site>("s"),
        field<&WireOp::seq, As::Integer>("q"),
        field<&WireOp::txn, As::Uuid>("t"),
        field<&WireOp::entity, As::Text>("e"),
        field<&WireOp::entityId, As::Uuid>("i"),
        field<&WireOp::caseId, As::Uuid, P::IfSet>("c"), // an op may name no case
        field<&WireOp::field, As::Text>("f"),
        field<&WireOp::op, As::Text>("o"),
        field<&WireOp::value, As::NullableBytes>("v"),
        field<&WireOp::hlc, As::Integer>("h"),
        field<&WireOp::author, As::Text>("a"),
        field<&WireOp::base, As::Integer, P::IfSet>("b"),
        field<&WireOp::schemaVersion, As::Integer>("sv"),
    };
    // (site, seq) is the idempotency key and (entity, id) the row: none of them may be empty.
    static QString check(const WireOp &op)
    {
        if (op.seq <= 0 || op.site.isEmpty() || op.entity.isEmpty() || op.entityId.isEmpty())
            return u"an op needs a site, a positive seq, an entity and an id"_s;
        return {};
    }
};

template <> struct Table<ErrorReply>
{
    static constexpr char where[] = "error";
    static constexpr Field<ErrorReply> fields[] = {
        field<&ErrorReply::code, As::Text>("error"),
        field<&ErrorReply::message, As::Text, P::Optional>("message"),
    };
};

template <> struct Table<EnrollRequest>
{
    static constexpr char where[] = "enroll";
    static constexpr Field<EnrollRequest> fields[] = {
        field<&EnrollRequest::secret, As::Bytes>("secret"),
        field<&EnrollRequest::deviceName, As::Text>("device_name"),
        field<&EnrollRequest::siteId, As::Site>("site"),
        field<&EnrollRequest::bundleSignPublic, As::Bytes, P::Optional>("sign_pk"),
        field<&EnrollRequest::bundleBoxPublic, As::Bytes, P::Optional>("box_pk"),
    };
};

template <> struct Table<EnrollReply>
{
    static constexpr char where[] = "enroll reply";
    static constexpr Field<EnrollReply> fields[] = {
        field<&EnrollReply::deviceId, As::Uuid>("device"),
        field<&EnrollReply::token, As::Bytes>("token"),
        field<&EnrollReply::login, As::Text>("login"),
        field<&EnrollReply::role, As::Text>("role"),
        field<&EnrollReply::districtCode, As::Text>("district"),
        field<&EnrollReply::serverSite, As::Site>("server_site"),
        field<&EnrollReply::sealedDistrictKey, As::Bytes>("key"),
        field<&EnrollReply::serverSignPublic, As::Bytes, P::Optional>("sign_pk"),
        field<&EnrollReply::serverBoxPublic, As::Bytes, P::Optional>("box_pk"),
    };
};

template <> struct Table<HandshakeRequest>
{
    static constexpr char where[] = "handshake";
    static constexpr Field<HandshakeRequest> fields[] = {
        field<&HandshakeRequest::protocol, As::Integer>("protocol"),
        field<&HandshakeRequest::schemaVersion, As::Integer>("schema"),
        field<&HandshakeRequest::siteId, As::Site, P::Optional>("site"),
        field<&HandshakeRequest::cursor, As::Bytes, P::Optional>("cursor"),
        field<&HandshakeRequest::pullMax, As::Integer, P::IfPositive>("pull"),
        field<&HandshakeRequest::keyEpoch, As::Integer, P::IfPositive>("key_epoch"),
        field<&HandshakeRequest::marks, As::Bytes, P::IfSet>("marks"),
    };
};

template <> struct Table<SealedKey>
{
    static constexpr char where[] = "sealed key";
    // A laptop holds one key per rotation, so a long list is not one a server made.
    static constexpr qsizetype maxCount = 1024;
    static constexpr Field<SealedKey> fields[] = {
        field<&SealedKey::epoch, As::Integer>("epoch"),
        field<&SealedKey::sealed, As::Bytes>("sealed"),
    };
};

template <> struct Table<PullReply>
{
    static constexpr char where[] = "pull reply";
    static constexpr Field<PullReply> fields[] = {
        field<&PullReply::ops, As::Maps>("ops"),
        field<&PullReply::nextCursor, As::Bytes>("cursor"),
        field<&PullReply::more, As::Boolean>("more"),
        field<&PullReply::purge, As::Uuids, P::IfSet>("purge"),
        field<&PullReply::remaining, As::Integer, P::IfKnown>("remaining"),
    };
};

template <> struct Table<HandshakeReply>
{
    static constexpr char where[] = "handshake reply";
    static constexpr Field<HandshakeReply> fields[] = {
        field<&HandshakeReply::protocol, As::Integer>("protocol"),
        field<&HandshakeReply::schemaMin, As::Integer>("schema_min"),
        field<&HandshakeReply::schemaMax, As::Integer>("schema_max"),
        field<&HandshakeReply::serverTimeMs, As::Integer>("time"),
        field<&HandshakeReply::serverSite, As::Site>("server_site"),
        field<&HandshakeReply::ackedThrough, As::Integer>("acked"),
        field<&HandshakeReply::cursorValid, As::Boolean>("cursor_valid"),
        field<&HandshakeReply::epoch, As::Site, P::IfSet>("epoch"),
        field<&HandshakeReply::firstPage, As::Map, P::IfSet>("page"),
        field<&HandshakeReply::keys, As::Maps, P::IfSet>("keys"),
    };
};

template <> struct Table<PushRequest>
{
    static constexpr char where[] = "push";
    static constexpr Field<PushRequest> fields[] = {
        field<&PushRequest::siteId, As::Site>("site"),
        field<&PushRequest::ops, As::Maps>("ops"),
    };
};

template <> struct Table<Verdict>
{
    static constexpr char where[] = "verdict";
    static constexpr Field<Verdict> fields[] = {
        field<&Verdict::seq, As::Integer>("q"),
        field<&Verdict::kind, As::Name>("k"),
        field<&Verdict::reason, As::Text, P::IfSet>("r"),
        field<&Verdict::hlc, As::Integer, P::IfSet>("h"),
    };
};

template <> struct Table<PushReply>
{
    static constexpr char where[] = "push reply";
    static constexpr Field<PushReply> fields[] = {
        field<&PushReply::verdicts, As::Maps>("verdicts"),
        field<&PushReply::ackedThrough, As::Integer>("acked"),
    };
};

template <> struct Table<PullRequest>
{
    static constexpr char where[] = "pull";
    static constexpr Field<PullRequest> fields[] = {
        field<&PullRequest::cursor, As::Bytes, P::Optional>("cursor"),
        field<&PullRequest::maxOps, As::Integer, P::Optional>("max"),
    };
};

template <> struct Table<BlobRequest>
{
    static constexpr char where[] = "blob";
    static constexpr Field<BlobRequest> fields[] = {
        field<&BlobRequest::put, As::Boolean>("put"),
        field<&BlobRequest::attachmentId, As::Uuid, P::Optional>("id"), // empty: an ask
        field<&BlobRequest::part, As::Integer>("part"),
        field<&BlobRequest::parts, As::Integer>("parts"),
        field<&BlobRequest::data, As::Bytes, P::IfSet>("data"),
        field<&BlobRequest::ask, As::Uuids, P::IfSet>("ask"),
    };
};

template <> struct Table<BlobReply>
{
    static constexpr char where[] = "blob reply";
    static constexpr Field<BlobReply> fields[] = {
        field<&BlobReply::held, As::Integer>("held"),
        field<&BlobReply::parts, As::Integer>("parts"),
        field<&BlobReply::data, As::Bytes, P::IfSet>("data"),
        field<&BlobReply::missing, As::Uuids, P::IfSet>("missing"),
    };
};

template <> struct Table<SealedKeysPage>
{
    static constexpr char where[] = "sealed keys";
    static constexpr Field<SealedKeysPage> fields[] = {
        field<&SealedKeysPage::keys, As::Maps, P::Optional>("keys"),
    };
};

template <typename M> QByteArray encodePage(const M &message)
{
    return frame(toMap(message));
}

template <typename M> Status decodePage(const QByteArray &page, M &out, const Limits &limits)
{
    QCborMap map;
    if (Status s = unframe(page, limits, map); !s)
        return s;
    return fromMap(map, out);
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

// Every message is its table (above); these only name the overloads sync/wire.h declares.
// clang-format off
QByteArray encode(const WireOp &m) { return encodePage(m); }
QByteArray encode(const ErrorReply &m) { return encodePage(m); }
QByteArray encode(const EnrollRequest &m) { return encodePage(m); }
QByteArray encode(const EnrollReply &m) { return encodePage(m); }
QByteArray encode(const HandshakeRequest &m) { return encodePage(m); }
QByteArray encode(const HandshakeReply &m) { return encodePage(m); }
QByteArray encode(const PushRequest &m) { return encodePage(m); }
QByteArray encode(const PushReply &m) { return encodePage(m); }
QByteArray encode(const PullRequest &m) { return encodePage(m); }
QByteArray encode(const PullReply &m) { return encodePage(m); }
QByteArray encode(const BlobRequest &m) { return encodePage(m); }
QByteArray encode(const BlobReply &m) { return encodePage(m); }
QByteArray encode(const QList<SealedKey> &keys) { return encodePage(SealedKeysPage{keys}); }

Status decode(const QByteArray &page, WireOp &out, const Limits &limits)
{ return decodePage(page, out, limits); }
Status decode(const QByteArray &page, ErrorReply &out, const Limits &limits)
{ return decodePage(page, out, limits); }
Status decode(const QByteArray &page, EnrollRequest &out, const Limits &limits)
{ return decodePage(page, out, limits); }
Status decode(const QByteArray &page, EnrollReply &out, const Limits &limits)
{ return decodePage(page, out, limits); }
Status decode(const QByteArray &page, HandshakeRequest &out, const Limits &limits)
{ return decodePage(page, out, limits); }
Status decode(const QByteArray &page, HandshakeReply &out, const Limits &limits)
{ return decodePage(page, out, limits); }
Status decode(const QByteArray &page, PushRequest &out, const Limits &limits)
{ return decodePage(page, out, limits); }
Status decode(const QByteArray &page, PushReply &out, const Limits &limits)
{ return decodePage(page, out, limits); }
Status decode(const QByteArray &page, PullRequest &out, const Limits &limits)
{ return decodePage(page, out, limits); }
Status decode(const QByteArray &page, PullReply &out, const Limits &limits)
{ return decodePage(page, out, limits); }
Status decode(const QByteArray &page, BlobRequest &out, const Limits &limits)
{ return decodePage(page, out, limits); }
Status decode(const QByteArray &page, BlobReply &out, const Limits &limits)
{ return decodePage(page, out, limits); }
// clang-format on

Status decode(const QByteArray &page, QList<SealedKey> &out, const Limits &limits)
{
    SealedKeysPage keys;
    Status s = decodePage(page, keys, limits);
    out = std::move(keys.keys);
    return s;
}

QByteArray packMarks(const QList<SiteMark> &marks)
{
    QByteArray packed;
    for (const SiteMark &mark : marks.first(std::min<qsizetype>(marks.size(), maxMarks))) {
        char seq[8];
        qToBigEndian(quint64(mark.seq), seq);
        packed.append(seq, 8).append(QUuid::fromString(mark.txn).toRfc4122());
    }
    return packed;
}

Core::Result<QList<SiteMark>> unpackMarks(const QByteArray &packed)
{
    constexpr int markBytes = 8 + 16;
    if (packed.size() % markBytes != 0 || packed.size() / markBytes > maxMarks)
        return Error{Error::Code::Corrupt, u"marks: not whole marks, or more than %1"_s.arg(maxMarks)};
    QList<SiteMark> marks;
    for (qsizetype at = 0; at < packed.size(); at += markBytes) {
        const quint64 seq = qFromBigEndian<quint64>(packed.constData() + at);
        const QUuid txn = QUuid::fromRfc4122(QByteArrayView(packed).sliced(at + 8, 16));
        if (seq < 1 || seq > quint64(std::numeric_limits<qint64>::max()) || txn.isNull())
            return Error{Error::Code::Corrupt, u"marks: a seq below 1 or a txn that is not a UUID"_s};
        marks.append(SiteMark{qint64(seq), txn.toString(QUuid::WithoutBraces)});
    }
    return marks;
}

} // namespace Sync::Wire
