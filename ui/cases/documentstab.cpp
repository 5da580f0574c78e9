// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/cases/documentstab.h"

#include "core/cases/attachmentstore.h"
#include "core/cases/caserepository.h"
#include "core/profile/session.h"
#include "ui/common/errortext.h"
#include "ui/common/logging.h"

#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSaveFile>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

DocumentsTab::DocumentsTab(Core::Session &session, const QString &language, QWidget *parent)
    : CaseTab(session, language, parent)
    , m_table(addTable(u"documentTable"_s, {tr("File"), tr("Type"), tr("Size"), tr("Added")}))
{
    auto *row = new QHBoxLayout;
    row->addStretch();
    auto *attach = new QPushButton(tr("Attach file…"), this);
    attach->setObjectName(u"attachButton"_s);
    row->addWidget(attach);
    auto *saveCopy = new QPushButton(tr("Save a copy…"), this);
    saveCopy->setObjectName(u"saveCopyButton"_s);
    saveCopy->setToolTip(tr("The copy is not encrypted: keep it only as long as needed."));
    row->addWidget(saveCopy);
    column()->addLayout(row);
    m_error = addErrorLabel(u"documentError"_s);
    connect(attach, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Attach a document"));
        if (!path.isEmpty())
            attachFile(path);
    });
    connect(saveCopy, &QPushButton::clicked, this, &DocumentsTab::saveSelectedCopy);
}

void DocumentsTab::fill(const Core::CaseFile &file)
{
    const QLocale locale(m_language);
    QList<QStringList> rows;
    QStringList ids;
    for (const Core::Record &d : file.children.value(u"attachment"_s)) {
        // Attached on another laptop: the row came with sync, the content follows it.
        const bool here = QFile::exists(m_session.attachments().pathFor(d.id));
        rows.append(
            {here ? d.text(u"file_name"_s) : tr("%1 (arrives with a sync)").arg(d.text(u"file_name"_s)),
             d.text(u"mime_type"_s), locale.formattedDataSize(d.value(u"size_bytes"_s).toLongLong()),
             when(d.createdAt)});
        ids << d.id;
    }
    setRows(m_table, rows, ids);
}

bool DocumentsTab::attachFile(const QString &path)
{
    m_error->hide();
    const Core::Result<Core::Record> added = m_session.attachments().attach(m_caseId, path);
    if (!added) {
        showError(m_error, ErrorText::message(added.error()));
        return false;
    }
    emit changed();
    return true;
}

bool DocumentsTab::saveAttachmentTo(const QString &attachmentId, const QString &path)
{
    m_error->hide();
    const Core::Result<QByteArray> content = m_session.attachments().read(attachmentId);
    QSaveFile file(path);
    if (!content || !file.open(QIODevice::WriteOnly) || file.write(*content) != content->size()
        || !file.commit()) {
        const bool notHere = !content && content.error().code == Core::Error::Code::NotFound
                          && !QFile::exists(m_session.attachments().pathFor(attachmentId));
        if (content)
            qCWarning(lcUi) << "saving a copy of an attachment failed:" << file.errorString();
        showError(m_error, content ? tr("The copy could not be written there. Choose another folder or drive "
                                        "with free space.")
                           : notHere
                               ? tr("This file has not reached this laptop yet. It arrives with a sync, "
                                    "once the laptop that attached it has synced too.")
                               : ErrorText::message(content.error()));
        return false;
    }
    return true;
}

void DocumentsTab::saveSelectedCopy()
{
    const int row = m_table->currentRow();
    if (row < 0)
        return;
    const QString path = QFileDialog::getSaveFileName(this, tr("Save a copy"), m_table->item(row, 0)->text());
    if (!path.isEmpty())
        saveAttachmentTo(rowId(m_table), path);
}
