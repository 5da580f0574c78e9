// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"

#include <QObject>

#include <memory>

class QThread;

namespace Core {
class SearchIndex;
class Session;
} // namespace Core

// Builds the search index in a worker thread on a read-only connection of its own, so the main
// window is usable at once after unlock; the finished index is swapped into the session on the
// UI thread. The destructor waits for the worker (it reads with the profile's key).
class SearchIndexLoader final : public QObject
{
    Q_OBJECT

public:
    explicit SearchIndexLoader(Core::Session &session, QObject *parent = nullptr);
    ~SearchIndexLoader() override;

    void start();

signals:
    void finished(int cases);
    void failed(const QString &message);

private:
    Core::Session &m_session;
    QThread *m_thread = nullptr;
    std::unique_ptr<Core::Result<std::unique_ptr<Core::SearchIndex>>> m_result;
};
