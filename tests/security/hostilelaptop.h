// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/replication/replicator.h"
#include "sync/transport.h"
#include "sync/wire.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QUrl>
#include <QVariant>

#include <memory>

namespace Sync {
class HttpTransport;
class TransitCipher;
} // namespace Sync

namespace Test {

// What the server answered to one hand-built page: the HTTP status (0 when the link failed),
// the code and message of its error page for any other status than 200, and the decoded reply
// for 200.
template <typename Reply> struct Answer
{
    int status = 0;
    QString code;
    QString message;
    Reply reply;

    bool ok() const { return status == 200; }
};

// A laptop in an attacker's hands: it holds what any enrolled laptop holds (a real device token,
// its site id and the district key, obtained through the real /v1/enroll with a code from
// `dampingi-server admin device enroll`) and builds every page itself, so it sends what the
// honest client never would. Ops are written in the clear (ValueCodec bytes, as core's change
// log holds them) and sealed with the district key on the way out, as a laptop seals them.
class HostileLaptop final
{
public:
    // `pin`: SHA-256 of the server certificate's DER (empty for plain http on loopback).
    HostileLaptop(const QUrl &server, const QByteArray &pin);
    ~HostileLaptop();
    HostileLaptop(const HostileLaptop &) = delete;
    HostileLaptop &operator=(const HostileLaptop &) = delete;

    // Redeems an enrollment code at /v1/enroll with `siteId` (empty: a fresh random one, as a new
    // profile has). On success the token, login, site and district key are this laptop's.
    Answer<Sync::EnrollReply> enroll(const QString &code, const QString &siteId = {});

    bool enrolled() const { return !m_token.isEmpty(); }
    const QString &site() const { return m_site; }
    const QString &login() const { return m_login; }
    const QString &deviceId() const { return m_deviceId; }
    const QByteArray &token() const { return m_token; }
    const Sync::TransitCipher &transit() const { return *m_transit; }
    // The highest seq of this laptop's site the server acknowledged (from handshakes and pushes).
    qint64 acked() const { return m_acked; }

    // One POST with this laptop's token, or with `token` when given.
    Sync::Response post(const char *endpoint, const QByteArray &page, const QByteArray &token = {});

    // `marks`: HandshakeRequest::marks exactly as given (packed or not).
    Answer<Sync::HandshakeReply> handshake(const QByteArray &cursor = {}, const QString &siteId = {},
                                           const QByteArray &marks = {});
    // Seals `ops` and pushes them as one page of this laptop's site, numbered on from acked():
    // each op's site and seq are overwritten, everything else goes as given.
    Answer<Sync::PushReply> push(QList<Core::ReplicaOp> ops);
    // Pushes a request exactly as given (its ops already sealed, numbered and of any site).
    Answer<Sync::PushReply> pushRaw(const Sync::PushRequest &request);
    Answer<Sync::PullReply> pull(const QByteArray &cursor, int maxOps = 0, const QByteArray &token = {});
    // Every page from `cursor` on, concatenated (purges too); `cursor` ends at the last cursor.
    Answer<Sync::PullReply> pullAll(QByteArray &cursor);
    Answer<Sync::BlobReply> blob(const Sync::BlobRequest &request);
    // Puts `content` whole as the attachment's parts, each sealed as a laptop seals them.
    Answer<Sync::BlobReply> putContent(const QString &attachmentId, const QByteArray &content);

    // A stamp of now (wall clock, a fresh counter per call), as a laptop's clock gives.
    qint64 stampNow();
    static qint64 stampAt(qint64 ms, int counter = 0);

    // Op builders, shaped like core's change log writes them. author = this laptop's login,
    // stamp = stampNow(), base 0: change any of it on the result to forge.
    Core::ReplicaOp createOp(const QString &entity, const QString &entityId, const QString &caseId,
                             const QString &txn);
    // A `set` of `field` with `value` encoded by the field's ValueCodec (a null QVariant: cleared).
    Core::ReplicaOp setOp(const QString &entity, const QString &entityId, const QString &caseId,
                          const QString &field, const QVariant &value, const QString &txn);
    // The ops of one action carry one stamp (the first op's), as core's change log writes them;
    // an edit with its own stamp next to a create would look concurrent to every replica.
    static QList<Core::ReplicaOp> oneAction(QList<Core::ReplicaOp> ops);
    // A case of this laptop, as an intake writes one: create, the creator's assignment, two plain
    // fields, a victim (person + case_person link). Returns the case id; the ids of the rest and
    // the intake's txn go to the optional outs.
    QString createCase(QString *personId = nullptr, QString *txn = nullptr);

private:
    template <typename Reply>
    Answer<Reply> exchange(const char *endpoint, const QByteArray &page, const QByteArray &token = {});

    std::unique_ptr<Sync::HttpTransport> m_transport;
    std::unique_ptr<Sync::TransitCipher> m_transit;
    QByteArray m_token;
    QString m_login;
    QString m_site;
    QString m_deviceId;
    qint64 m_acked = 0;
    qint64 m_lastStamp = 0;
};

} // namespace Test
