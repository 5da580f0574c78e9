// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/security/hostilelaptop.h"

#include "core/changelog/changelog.h"
#include "core/changelog/schema.h"
#include "core/changelog/valuecodec.h"
#include "core/clock/hlc.h"
#include "core/sql/migrations.h"
#include "core/util/uuid.h"
#include "sync/client/httptransport.h"
#include "sync/districtkeys.h"
#include "sync/enrollmentcode.h"
#include "sync/protocol.h"
#include "sync/transitcipher.h"

#include <QDateTime>

using namespace Qt::StringLiterals;

namespace Test {

HostileLaptop::HostileLaptop(const QUrl &server, const QByteArray &pin)
    : m_transport(std::make_unique<Sync::HttpTransport>(server, pin))
{ }

HostileLaptop::~HostileLaptop() = default;

Sync::Response HostileLaptop::post(const char *endpoint, const QByteArray &page, const QByteArray &token)
{
    const Core::Result<Sync::Response> response
        = m_transport->post(endpoint, token.isEmpty() ? m_token : token, page);
    if (!response)
        return Sync::Response{0, response.error().detail.toUtf8()};
    return *response;
}

template <typename Reply>
Answer<Reply> HostileLaptop::exchange(const char *endpoint, const QByteArray &page, const QByteArray &token)
{
    const Sync::Response response = post(endpoint, page, token);
    Answer<Reply> answer;
    answer.status = response.status;
    if (response.status == 0) {
        answer.message = QString::fromUtf8(response.body);
        return answer;
    }
    if (response.status != 200) {
        Sync::ErrorReply error;
        if (Sync::Wire::decode(response.body, error))
            answer = {response.status, error.code, error.message, {}};
        return answer;
    }
    if (const Core::Status s = Sync::Wire::decode(response.body, answer.reply); !s) {
        // A 200 that is no reply page: not what any test expects, so say so in the code.
        answer.code = u"undecodable"_s;
        answer.message = s.error().detail;
    }
    return answer;
}

Answer<Sync::EnrollReply> HostileLaptop::enroll(const QString &code, const QString &siteId)
{
    Answer<Sync::EnrollReply> answer;
    const Core::Result<Sync::EnrollmentCode> parsed = Sync::EnrollmentCode::parse(code);
    if (!parsed) {
        answer.code = u"code"_s;
        answer.message = parsed.error().detail;
        return answer;
    }
    const QString site = siteId.isEmpty() ? Core::ChangeLog::newSiteId() : siteId;
    const Sync::EnrollRequest request{parsed->secret, u"hostile"_s, site, {}, {}};
    answer = exchange<Sync::EnrollReply>(Sync::Endpoint::enroll, Sync::Wire::encode(request));
    if (!answer.ok())
        return answer;
    // The district key comes sealed under the code's secret, as for any laptop.
    Core::Result<Sync::DistrictKeys> keys
        = Sync::EnrollmentCode::openDistrictKeys(parsed->secret, answer.reply.sealedDistrictKey);
    if (!keys) {
        answer.code = u"district_key"_s;
        answer.message = keys.error().detail;
        return answer;
    }
    m_transit = std::make_unique<Sync::TransitCipher>(*keys);
    m_token = answer.reply.token;
    m_login = answer.reply.login;
    m_deviceId = answer.reply.deviceId;
    m_site = site;
    m_acked = 0;
    return answer;
}

Answer<Sync::HandshakeReply> HostileLaptop::handshake(const QByteArray &cursor, const QString &siteId,
                                                      const QByteArray &marks)
{
    const Sync::HandshakeRequest hello{Sync::protocolVersion,
                                       Core::Migrations::latestVersion(),
                                       siteId.isEmpty() ? m_site : siteId,
                                       cursor,
                                       0,
                                       0,
                                       marks};
    Answer<Sync::HandshakeReply> answer
        = exchange<Sync::HandshakeReply>(Sync::Endpoint::handshake, Sync::Wire::encode(hello));
    if (answer.ok() && (siteId.isEmpty() || siteId == m_site))
        m_acked = answer.reply.ackedThrough;
    return answer;
}

Answer<Sync::PushReply> HostileLaptop::push(QList<Core::ReplicaOp> ops)
{
    Sync::PushRequest request{m_site, {}};
    qint64 seq = m_acked;
    for (Core::ReplicaOp &op : ops) {
        op.site = m_site;
        op.seq = ++seq;
        request.ops << m_transit->seal(op);
    }
    return pushRaw(request);
}

Answer<Sync::PushReply> HostileLaptop::pushRaw(const Sync::PushRequest &request)
{
    Answer<Sync::PushReply> answer
        = exchange<Sync::PushReply>(Sync::Endpoint::push, Sync::Wire::encode(request));
    if (answer.ok() && request.siteId == m_site)
        m_acked = std::max(m_acked, answer.reply.ackedThrough);
    return answer;
}

Answer<Sync::PullReply> HostileLaptop::pull(const QByteArray &cursor, int maxOps, const QByteArray &token)
{
    return exchange<Sync::PullReply>(Sync::Endpoint::pull,
                                     Sync::Wire::encode(Sync::PullRequest{cursor, maxOps}), token);
}

Answer<Sync::PullReply> HostileLaptop::pullAll(QByteArray &cursor)
{
    Answer<Sync::PullReply> all;
    for (int page = 0; page < 100; ++page) {
        Answer<Sync::PullReply> one = pull(cursor);
        all.status = one.status;
        all.code = one.code;
        all.message = one.message;
        if (!one.ok())
            return all;
        all.reply.ops += one.reply.ops;
        all.reply.purge += one.reply.purge;
        cursor = one.reply.nextCursor;
        all.reply.nextCursor = cursor;
        if (!one.reply.more)
            break;
    }
    return all;
}

Answer<Sync::BlobReply> HostileLaptop::blob(const Sync::BlobRequest &request)
{
    return exchange<Sync::BlobReply>(Sync::Endpoint::blob, Sync::Wire::encode(request));
}

Answer<Sync::BlobReply> HostileLaptop::putContent(const QString &attachmentId, const QByteArray &content)
{
    const int parts
        = int(std::max<qsizetype>(1, (content.size() + Sync::blobPartBytes - 1) / Sync::blobPartBytes));
    Answer<Sync::BlobReply> answer;
    for (int part = 0; part < parts; ++part) {
        const QByteArrayView chunk
            = QByteArrayView(content)
                  .sliced(qsizetype(part) * Sync::blobPartBytes)
                  .first(std::min<qsizetype>(Sync::blobPartBytes,
                                             content.size() - qsizetype(part) * Sync::blobPartBytes));
        answer = blob(Sync::BlobRequest{
            true, attachmentId, part, parts, m_transit->sealPart(attachmentId, part, parts, chunk), {}});
        if (!answer.ok())
            return answer;
    }
    return answer;
}

qint64 HostileLaptop::stampAt(qint64 ms, int counter)
{
    return qint64(Core::HlcStamp::from(quint64(ms), quint64(counter)).packed);
}

qint64 HostileLaptop::stampNow()
{
    // Strictly increasing, like a laptop's HLC, so ops of later actions order after earlier ones.
    m_lastStamp = std::max(stampAt(QDateTime::currentMSecsSinceEpoch()), m_lastStamp + 1);
    return m_lastStamp;
}

Core::ReplicaOp HostileLaptop::createOp(const QString &entity, const QString &entityId, const QString &caseId,
                                        const QString &txn)
{
    Core::ReplicaOp op;
    op.txn = txn;
    op.entity = entity;
    op.entityId = entityId;
    op.caseId = caseId;
    op.field = u"_create"_s;
    op.op = u"create"_s;
    op.value = entityId.toUtf8();
    op.hlc = stampNow();
    op.author = m_login;
    op.schemaVersion = Core::Migrations::latestVersion();
    return op;
}

Core::ReplicaOp HostileLaptop::setOp(const QString &entity, const QString &entityId, const QString &caseId,
                                     const QString &field, const QVariant &value, const QString &txn)
{
    Core::ReplicaOp op = createOp(entity, entityId, caseId, txn);
    op.field = field;
    op.op = u"set"_s;
    const Core::EntityDef *def = Core::Schema::entity(entity);
    const Core::FieldDef *fieldDef = def ? def->field(field) : nullptr;
    // An unknown field goes as UTF-8: the server's validation is what such a test is about.
    if (value.isNull())
        op.value.reset();
    else
        op.value = fieldDef ? Core::ValueCodec::encode(*fieldDef, value) : value.toString().toUtf8();
    return op;
}

QList<Core::ReplicaOp> HostileLaptop::oneAction(QList<Core::ReplicaOp> ops)
{
    for (Core::ReplicaOp &op : ops)
        op.hlc = ops.first().hlc;
    return ops;
}

QString HostileLaptop::createCase(QString *personId, QString *txnOut)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const QString caseId = Core::newUuidV7(now);
    const QString person = Core::newUuidV7(now);
    const QString link = Core::newUuidV7(now);
    const QString txn = Core::newUuidV7(now);
    const QList<Core::ReplicaOp> ops
        = oneAction({createOp(u"case"_s, caseId, caseId, txn),
                     setOp(u"case"_s, caseId, caseId, u"assigned_user"_s, m_login, txn),
                     setOp(u"case"_s, caseId, caseId, u"intake_channel"_s, u"walk_in"_s, txn),
                     setOp(u"case"_s, caseId, caseId, u"reported_on"_s, u"2026-11-20"_s, txn),
                     createOp(u"person"_s, person, caseId, txn),
                     setOp(u"person"_s, person, caseId, u"name"_s, u"Korban Penyerang"_s, txn),
                     createOp(u"case_person"_s, link, caseId, txn),
                     setOp(u"case_person"_s, link, caseId, u"person_id"_s, person, txn),
                     setOp(u"case_person"_s, link, caseId, u"role"_s, u"victim"_s, txn)});
    const Answer<Sync::PushReply> pushed = push(ops);
    if (!pushed.ok())
        return {};
    // The creator's assignment (ops[1]) is the server's to judge (issue 9 makes server-only
    // fields the server's); every other op of an intake must go in.
    for (qsizetype i = 0; i < pushed.reply.verdicts.size(); ++i) {
        if (i != 1 && pushed.reply.verdicts.at(i).kind != Sync::Verdict::Kind::Accepted)
            return {};
    }
    if (pushed.reply.verdicts.size() != ops.size())
        return {};
    if (personId)
        *personId = person;
    if (txnOut)
        *txnOut = txn;
    return caseId;
}

} // namespace Test
