// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/sync/usbexportdialog.h"

#include "core/changelog/changelog.h"
#include "core/clock/clock.h"
#include "core/profile/profile.h"
#include "sync/bundlefile.h"
#include "sync/client/syncclient.h"
#include "ui/common/errortext.h"
#include "ui/sync/syncrunner.h"

#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {

constexpr int nameRole = Qt::UserRole + 1; // a drive's name, beside its folder (Qt::UserRole)

} // namespace

UsbExportDialog::UsbExportDialog(Core::Profile &profile, const SyncRunner &sync, QWidget *parent)
    : QDialog(parent)
    , m_profile(profile)
    , m_sync(sync)
    , m_chooser([](QWidget *owner) {
        const QList<UsbDrive> drives = UsbDrive::removable();
        return QFileDialog::getExistingDirectory(owner, UsbExportDialog::tr("Choose a folder for the bundle"),
                                                 drives.isEmpty() ? QDir::homePath()
                                                                  : drives.first().rootPath);
    })
    , m_drives(new QComboBox(this))
    , m_fileName(new QLineEdit(this))
    , m_pending(new QLabel(this))
    , m_result(new QLabel(this))
    , m_export(new QPushButton(tr("Export"), this))
{
    setObjectName(u"usbExportDialog"_s);
    setWindowTitle(tr("Export to USB"));
    setMinimumWidth(560);
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("Where there is no connection, your changes not yet sent can travel to the "
                                "district office on a USB stick."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    auto *form = new QFormLayout;
    m_drives->setObjectName(u"driveCombo"_s);
    auto *choose = new QPushButton(tr("Choose folder…"), this);
    choose->setObjectName(u"chooseFolderButton"_s);
    auto *driveRow = new QHBoxLayout;
    driveRow->addWidget(m_drives, 1);
    driveRow->addWidget(choose);
    form->addRow(tr("Save to"), driveRow);
    m_fileName->setObjectName(u"fileNameEdit"_s);
    m_fileName->setText(defaultFileName());
    form->addRow(tr("File name"), m_fileName);
    layout->addLayout(form);

    m_pending->setObjectName(u"pendingLabel"_s);
    m_pending->setWordWrap(true);
    layout->addWidget(m_pending);
    m_result->setObjectName(u"resultLabel"_s);
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_result, 1);

    auto *buttons = new QDialogButtonBox(this);
    m_export->setObjectName(u"exportButton"_s);
    m_export->setDefault(true);
    buttons->addButton(m_export, QDialogButtonBox::AcceptRole);
    // Our own word: Qt's standard buttons would need Qt's catalogues, which the app does not load.
    QPushButton *close = buttons->addButton(tr("Close"), QDialogButtonBox::RejectRole);
    close->setObjectName(u"closeButton"_s);
    layout->addWidget(buttons);

    connect(choose, &QPushButton::clicked, this, &UsbExportDialog::chooseFolder);
    connect(m_export, &QPushButton::clicked, this, &UsbExportDialog::runExport);
    connect(close, &QPushButton::clicked, this, &QDialog::reject);
    setDrives(UsbDrive::removable());
    refreshPending();
}

void UsbExportDialog::setDrives(const QList<UsbDrive> &drives)
{
    m_drives->clear();
    for (const UsbDrive &drive : drives)
        addDrive(drive);
    // With a placeholder a combo box selects nothing by itself: the first stick is the default.
    m_drives->setPlaceholderText(tr("No USB stick found: plug one in, or choose a folder"));
    m_drives->setCurrentIndex(drives.isEmpty() ? -1 : 0);
}

void UsbExportDialog::setFolderChooser(FolderChooser chooser)
{
    m_chooser = std::move(chooser);
}

QString UsbExportDialog::targetPath() const
{
    const QString folder = m_drives->currentData().toString();
    // A name, never a path: a slash would write elsewhere than the drive shown.
    const QString name = m_fileName->text().trimmed().remove(u'/');
    if (folder.isEmpty() || name.isEmpty())
        return {};
    return QDir(folder).filePath(name);
}

void UsbExportDialog::chooseFolder()
{
    const QString path = m_chooser ? m_chooser(this) : QString();
    if (path.isEmpty())
        return;
    const UsbDrive drive = UsbDrive::folder(path);
    const int known = m_drives->findData(drive.rootPath);
    if (known >= 0) {
        m_drives->setCurrentIndex(known);
        return;
    }
    addDrive(drive);
    m_drives->setCurrentIndex(m_drives->count() - 1);
}

void UsbExportDialog::addDrive(const UsbDrive &drive)
{
    // "KINGSTON — 3,2 GB free": which stick, and whether a bundle fits.
    const QString label
        = drive.bytesFree < 0
            ? drive.name
            : tr("%1 — %2 free")
                  .arg(drive.name,
                       QLocale().formattedDataSize(drive.bytesFree, 1, QLocale::DataSizeTraditionalFormat));
    m_drives->addItem(label, drive.rootPath);
    m_drives->setItemData(m_drives->count() - 1, drive.name, nameRole);
}

QString UsbExportDialog::defaultFileName() const
{
    const Core::Result<Sync::SyncConfig> config = Sync::SyncClient::config(m_profile);
    const QString device = config && config->enrolled() ? config->deviceId.left(8) : QString();
    const QDateTime now = m_profile.districtTime().dateTime(m_profile.clock().nowMs());
    QStringList parts{u"dampingi"_s, m_profile.actor().login};
    if (!device.isEmpty())
        parts << device;
    parts << now.toString(u"yyyyMMdd-HHmm"_s);
    // Login names are letters, digits, dots and dashes; anything else is dropped from a file name.
    static const QRegularExpression unsafe(u"[^A-Za-z0-9._-]"_s);
    return parts.join(u'-').remove(unsafe) + u".bundle"_s;
}

void UsbExportDialog::refreshPending()
{
    const Core::Result<Sync::SyncConfig> config = Sync::SyncClient::config(m_profile);
    const Core::Result<qint64> pending = m_profile.changeLog().pendingCount();
    if (!config || !config->enrolled()) {
        m_pending->setText(
            ErrorText::bundleMessage(Core::Error{Core::Error::Code::NotFound, u"not enrolled"_s}));
        m_export->setEnabled(false);
    } else if (!pending) {
        m_pending->setText(ErrorText::message(pending.error()));
    } else if (*pending == 0) {
        m_pending->setText(tr("No changes are waiting. The bundle still tells the office what this laptop "
                              "has, so its answer brings your team's changes."));
    } else {
        m_pending->setText(tr("%n change(s) not yet sent will go in the bundle.", nullptr, int(*pending)));
    }
}

void UsbExportDialog::runExport()
{
    if (m_sync.running()) {
        showError(tr("A sync is running. Wait until it has finished, then export."));
        return;
    }
    const QString path = targetPath();
    if (path.isEmpty()) {
        showError(tr("Choose a USB stick or a folder, and a file name."));
        return;
    }
    const Core::Result<Sync::SyncConfig> config = Sync::SyncClient::config(m_profile);
    if (!config || !config->enrolled()) {
        showError(ErrorText::bundleMessage(
            config ? Core::Error{Core::Error::Code::NotFound, u"not enrolled"_s} : config.error()));
        return;
    }
    const Core::Result<qint64> pending = m_profile.changeLog().pendingCount();
    if (!pending) {
        showError(ErrorText::bundleMessage(pending.error()));
        return;
    }
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const auto restore = qScopeGuard([] { QApplication::restoreOverrideCursor(); });
    // A bundle needs no connection; the transport is never used.
    const std::unique_ptr<Sync::Transport> transport = SyncRunner::httpTransport()(*config);
    Sync::SyncClient client(m_profile, *transport);
    const Core::Result<QByteArray> bundle = client.exportBundle();
    if (!bundle) {
        showError(ErrorText::bundleMessage(bundle.error()));
        return;
    }
    const Core::Result<Sync::BundleFile::Written> written = Sync::BundleFile::write(path, *bundle);
    if (!written) {
        showError(ErrorText::bundleMessage(written.error()));
        return;
    }
    showResult(path, *pending, written->permissionsKept);
    emit exported(path);
}

void UsbExportDialog::showResult(const QString &path, qint64 changes, bool permissionsKept)
{
    // "KINGSTON/dampingi-siti-….bundle": the stick as the list names it, then the file.
    const QString where = m_drives->currentData(nameRole).toString() + u'/' + QFileInfo(path).fileName();
    QStringList lines;
    lines << (changes > 0
                  ? tr("%n change(s) not yet sent were saved to %1.", nullptr, int(changes)).arg(where)
                  : tr("The bundle was saved to %1 (no changes were waiting).").arg(where));
    lines << tr("Next: take the USB stick to the district office. The office imports it with "
                "“dampingi-server admin bundle import” and gives you an answer file; import that here with "
                "“Import from USB”. Until then your changes stay on this laptop as not yet sent.");
    if (!permissionsKept)
        lines << tr("This stick keeps no file permissions; the bundle is sealed for the district server, so "
                    "nobody else can read it.");
    m_result->setStyleSheet(QString());
    m_result->setText(lines.join(u"\n\n"_s));
    adjustSize(); // room for every line
}

void UsbExportDialog::showError(const QString &sentence)
{
    m_result->setStyleSheet(u"color:#a40000"_s);
    m_result->setText(sentence);
    adjustSize();
}
