// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/shell/searchindexloader.h"

#include "core/cases/recordreader.h"
#include "core/profile/profile.h"
#include "core/profile/session.h"
#include "core/search/searchindex.h"
#include "core/sql/database.h"
#include "ui/common/errortext.h"

#include <QThread>

SearchIndexLoader::SearchIndexLoader(Core::Session &session, QObject *parent)
    : QObject(parent)
    , m_session(session)
{ }

SearchIndexLoader::~SearchIndexLoader()
{
    if (m_thread) {
        m_thread->wait();
        delete m_thread; // not parented: it must not be deleted before wait() returns
    }
}

void SearchIndexLoader::start()
{
    Q_ASSERT(!m_thread);
    const QString path = m_session.profile().database().path();
    const Core::FieldCipher &cipher = m_session.profile().cipher();
    const Core::RegionIndex &regions = m_session.regions();
    m_thread = QThread::create([this, path, &cipher, &regions] {
        // One connection per thread: opened, used and closed here.
        auto db = Core::Database::open(path, Core::Database::Mode::ReadOnly);
        if (!db) {
            m_result = std::make_unique<Core::Result<std::unique_ptr<Core::SearchIndex>>>(db.error());
            return;
        }
        Core::RecordReader reader(**db, cipher);
        m_result = std::make_unique<Core::Result<std::unique_ptr<Core::SearchIndex>>>(
            Core::Session::indexCases(reader, regions));
    });
    connect(m_thread, &QThread::finished, this, [this] {
        if (!m_result || !*m_result) {
            emit failed(m_result ? ErrorText::message(m_result->error()) : QString());
            return;
        }
        const int cases = (**m_result)->size();
        m_session.adoptSearchIndex(std::move(m_result->value()));
        m_result.reset();
        emit finished(cases);
    });
    m_thread->start(QThread::LowPriority);
}
