// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sql/transaction.h"

#include "core/logging.h"
#include "core/sql/database.h"
#include "core/sql/statement.h"

using namespace Qt::StringLiterals;

namespace Core {

namespace {

Status run(Database &db, const QString &sql)
{
    return db.statement(sql).exec();
}

} // namespace

Transaction::Transaction(Database &db)
    : m_db(db)
{ }

Transaction::~Transaction()
{
    if (m_active)
        rollback();
}

Status Transaction::begin()
{
    Q_ASSERT(!m_active);
    const int depth = m_db.transactionDepth();
    if (depth > 0) {
        m_savepoint = u"sp%1"_s.arg(depth);
        if (Status s = run(m_db, u"SAVEPOINT "_s + m_savepoint); !s)
            return s;
    } else {
        m_savepoint.clear();
        if (Status s = run(m_db, u"BEGIN IMMEDIATE"_s); !s)
            return s;
    }
    m_active = true;
    m_db.setTransactionDepth(depth + 1);
    return {};
}

Status Transaction::commit()
{
    Q_ASSERT(m_active);
    const QString sql = m_savepoint.isEmpty() ? u"COMMIT"_s : u"RELEASE "_s + m_savepoint;
    if (Status s = run(m_db, sql); !s) {
        rollback();
        return s;
    }
    m_active = false;
    m_db.setTransactionDepth(m_db.transactionDepth() - 1);
    return {};
}

void Transaction::rollback()
{
    if (!m_active)
        return;
    m_active = false;
    m_db.setTransactionDepth(m_db.transactionDepth() - 1);
    if (!m_db.inTransaction())
        return; // SQLite already rolled back (after SQLITE_FULL, for one)
    if (m_savepoint.isEmpty()) {
        if (Status s = run(m_db, u"ROLLBACK"_s); !s)
            qCWarning(lcStore) << "rollback failed:" << s.error().detail;
        return;
    }
    // Undo the savepoint's work and drop it; the outer transaction goes on.
    if (Status s = run(m_db, u"ROLLBACK TO "_s + m_savepoint); !s)
        qCWarning(lcStore) << "rollback to savepoint failed:" << s.error().detail;
    // A savepoint left open only nests the outer transaction one level deeper until it ends;
    // nothing is lost, so this is logged rather than reported.
    if (Status s = run(m_db, u"RELEASE "_s + m_savepoint); !s)
        qCWarning(lcStore) << "releasing a rolled-back savepoint failed:" << s.error().detail;
}

} // namespace Core
