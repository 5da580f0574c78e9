// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/sync/usbimportdialog.h"

#include "core/changelog/changelog.h"
#include "core/profile/profile.h"
#include "sync/bundlefile.h"
#include "ui/common/errortext.h"
#include "ui/sync/syncrunner.h"
#include "ui/sync/usbdrives.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScopeGuard>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

UsbImportDialog::UsbImportDialog(Core::Profile &profile, const SyncRunner &sync, QWidget *parent)
    : QDialog(parent)
    , m_profile(profile)
    , m_sync(sync)
    , m_chooser([](QWidget *owner) {
        const QList<UsbDrive> drives = UsbDrive::removable();
        return QFileDialog::getOpenFileName(
            owner, UsbImportDialog::tr("Choose the office's answer"),
            drives.isEmpty() ? QDir::homePath() : drives.first().rootPath,
            UsbImportDialog::tr("Dampingi bundles (*.bundle);;All files (*)"));
    })
    , m_file(new QLineEdit(this))
    , m_result(new QLabel(this))
    , m_import(new QPushButton(tr("Import"), this))
{
    setObjectName(u"usbImportDialog"_s);
    setWindowTitle(tr("Import from USB"));
    setMinimumWidth(560);
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("The district office answers your bundle with a file for this laptop: it "
                                "confirms the changes it received and brings your team's changes."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    auto *row = new QHBoxLayout;
    m_file->setObjectName(u"fileEdit"_s);
    m_file->setReadOnly(true);
    m_file->setPlaceholderText(tr("No file chosen"));
    auto *choose = new QPushButton(tr("Choose file…"), this);
    choose->setObjectName(u"chooseFileButton"_s);
    row->addWidget(m_file, 1);
    row->addWidget(choose);
    layout->addLayout(row);

    m_result->setObjectName(u"resultLabel"_s);
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_result, 1);

    auto *buttons = new QDialogButtonBox(this);
    m_import->setObjectName(u"importButton"_s);
    m_import->setDefault(true);
    m_import->setEnabled(false);
    buttons->addButton(m_import, QDialogButtonBox::AcceptRole);
    // Our own word: Qt's standard buttons would need Qt's catalogues, which the app does not load.
    QPushButton *close = buttons->addButton(tr("Close"), QDialogButtonBox::RejectRole);
    close->setObjectName(u"closeButton"_s);
    layout->addWidget(buttons);

    connect(choose, &QPushButton::clicked, this, &UsbImportDialog::chooseFile);
    connect(m_import, &QPushButton::clicked, this, &UsbImportDialog::runImport);
    connect(close, &QPushButton::clicked, this, &QDialog::reject);
    const Core::Result<Sync::SyncConfig> config = Sync::SyncClient::config(m_profile);
    if (!config || !config->enrolled()) {
        showError(ErrorText::bundleMessage(Core::Error{Core::Error::Code::NotFound, u"not enrolled"_s}));
        choose->setEnabled(false);
    }
}

void UsbImportDialog::setFileChooser(FileChooser chooser)
{
    m_chooser = std::move(chooser);
}

void UsbImportDialog::setFile(const QString &path)
{
    m_file->setText(QDir::toNativeSeparators(path));
    m_result->clear();
    m_import->setEnabled(!path.isEmpty());
}

void UsbImportDialog::chooseFile()
{
    const QString path = m_chooser ? m_chooser(this) : QString();
    if (!path.isEmpty())
        setFile(path);
}

void UsbImportDialog::runImport()
{
    if (m_sync.running()) {
        showError(tr("A sync is running. Wait until it has finished, then import."));
        return;
    }
    const Core::Result<Sync::SyncConfig> config = Sync::SyncClient::config(m_profile);
    if (!config || !config->enrolled()) {
        showError(ErrorText::bundleMessage(
            config ? Core::Error{Core::Error::Code::NotFound, u"not enrolled"_s} : config.error()));
        return;
    }
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const auto restore = qScopeGuard([] { QApplication::restoreOverrideCursor(); });
    const Core::Result<QByteArray> bytes = Sync::BundleFile::read(QDir::fromNativeSeparators(m_file->text()));
    if (!bytes) {
        showError(ErrorText::bundleMessage(bytes.error()));
        return;
    }
    // A bundle needs no connection; the transport is never used.
    const std::unique_ptr<Sync::Transport> transport = SyncRunner::httpTransport()(*config);
    Sync::SyncClient client(m_profile, *transport);
    const Core::Result<Sync::SyncSummary> summary = client.importBundle(*bytes);
    if (!summary) {
        showError(ErrorText::bundleMessage(summary.error()));
        return;
    }
    m_import->setEnabled(false); // one answer imports once
    showResult(*summary);
    emit imported(*summary);
}

void UsbImportDialog::showResult(const Sync::SyncSummary &summary)
{
    QStringList lines{tr("The office's answer was imported.")};
    const int confirmed = summary.pushed + summary.duplicates;
    lines << tr("The office received %n change(s) from this laptop.", nullptr, confirmed);
    lines << tr("%n change(s) from your team arrived.", nullptr, summary.pulled);
    if (summary.conflicts > 0)
        lines << tr("%n conflict(s) to review.", nullptr, summary.conflicts);
    if (summary.rejected > 0)
        lines << tr("%n change(s) were refused by the district server; they are kept on this laptop for "
                    "review.",
                    nullptr, summary.rejected);
    if (summary.purged > 0)
        lines << tr("%n case(s) left your team's cases and were removed from this laptop.", nullptr,
                    summary.purged);
    if (const Core::Result<qint64> pending = m_profile.changeLog().pendingCount(); pending && *pending > 0)
        lines << tr("%n change(s) not yet sent: they go with your next bundle or sync.", nullptr,
                    int(*pending));
    m_result->setStyleSheet(QString());
    m_result->setText(lines.join(u'\n'));
    adjustSize(); // room for every line
}

void UsbImportDialog::showError(const QString &sentence)
{
    m_result->setStyleSheet(u"color:#a40000"_s);
    m_result->setText(sentence);
    adjustSize();
}
