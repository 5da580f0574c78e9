// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/common/errortext.h"

#include "core/logging.h"
#include "ui/common/fieldlabels.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace {

// The schema field an error names: the last segment of its path ("people[1].person.nik" → "nik").
QString fieldId(const QString &path)
{
    static const QRegularExpression index(u"\\[\\d+\\]$"_s);
    return path.section(u'.', -1).remove(index);
}

} // namespace

QString ErrorText::message(const Core::Error &error)
{
    // The technical detail is for whoever reads the log, never for the sentence.
    qCWarning(lcStore).noquote() << "error" << int(error.code) << int(error.reason) << error.field << ":"
                                 << error.detail;
    const QString sentence = reasonSentence(error);
    if (sentence.isEmpty())
        return codeSentence(error.code);
    const QString label = FieldLabels::known(error.entity, fieldId(error.field));
    //: A field's label and what is wrong with it, e.g. "Incident date — This date cannot be in the future."
    return label.isEmpty() ? sentence : tr("%1 — %2").arg(label, sentence);
}

QString ErrorText::bundleMessage(const Core::Error &error)
{
    using Reason = Core::Error::Reason;
    using Code = Core::Error::Code;
    QString general = message(error); // logs the detail
    switch (error.reason) {
    case Reason::Stale: // the answer's hash is among those imported (SyncClient::importBundle)
        return tr("This answer from the office was imported already. Nothing changed.");
    case Reason::DiskFull:
        return tr("The USB stick or folder is full. Nothing was lost: your changes stay on this laptop, not "
                  "yet sent. Free some space or choose another drive.");
    case Reason::ReadOnly:
        return tr("The USB stick or folder cannot be written (read-only or locked). Nothing was lost: your "
                  "changes stay on this laptop, not yet sent. Choose another drive.");
    case Reason::TooLarge:
        return tr("This file is far larger than any bundle from the office. Nothing was imported.");
    case Reason::BadFormat: // no bundle's header (Bundle::read)
        return tr("This file is not a Dampingi bundle. Nothing was imported.");
    case Reason::TooShort: // shorter than its manifest says: an incomplete copy
        return tr("This bundle is incomplete: the copy was cut short. Nothing was imported; copy it again "
                  "from the office.");
    case Reason::VersionTooOld:
        return tr("This bundle was written by a newer version of Dampingi. Please update the application, "
                  "then import it again.");
    case Reason::None:
        break;
    default:
        return general;
    }
    switch (error.code) {
    case Code::StoreUnavailable:
        return tr("The file could not be written or read whole. Was the USB stick pulled out? Nothing was "
                  "lost: plug it in and try again.");
    case Code::InvalidInput:
        return tr("The file cannot be opened. Check that the USB stick is plugged in, then choose the file "
                  "again.");
    case Code::Corrupt:
        return tr("This bundle is damaged and cannot be read. Nothing was imported; ask the office for a new "
                  "copy.");
    case Code::NotFound:
        return tr("This laptop is not enrolled for USB bundles. Enroll it with the district server first "
                  "(Settings).");
    default:
        return general;
    }
}

QString ErrorText::reasonSentence(const Core::Error &error)
{
    using Reason = Core::Error::Reason;
    switch (error.reason) {
    case Reason::None:
    case Reason::LastReason:
        break;
    case Reason::Required:
        return tr("This entry is required.");
    case Reason::NotAllowedValue:
        return tr("Choose one of the values offered.");
    case Reason::OutOfRange:
        return tr("This value is outside the possible range.");
    case Reason::TooLong:
        return tr("Too long: at most %1 characters.").arg(error.limit);
    case Reason::TooShort:
        return tr("Too short: at least %1 characters.").arg(error.limit);
    case Reason::TooLarge:
        return tr("Too large: at most %1 MB.").arg(qMax<qint64>(1, error.limit / (1024 * 1024)));
    case Reason::BadFormat:
        return tr("This entry is not in the expected form.");
    case Reason::BadCharacters:
        return tr("This entry contains characters that cannot be stored.");
    case Reason::InTheFuture:
        return tr("This date cannot be in the future.");
    case Reason::AfterOther: {
        const QString other = FieldLabels::known(QString(), error.other);
        return other.isEmpty() ? tr("This date is after a date it must precede.")
                               : tr("This date cannot be after the field \"%1\".").arg(other);
    }
    case Reason::SetBySystem:
        return tr("This value is set by Dampingi and cannot be entered.");
    case Reason::Duplicate:
        return tr("This already exists. Choose another.");
    case Reason::NikWrongLength:
        return tr("A NIK has 16 digits.");
    case Reason::NikNotDigits:
        return tr("A NIK holds digits only.");
    case Reason::NikUnknownRegion:
        return tr("The first digits of the NIK are not a known province or regency.");
    case Reason::NikInvalidBirthDate:
        return tr("Digits 7 to 12 of the NIK are not a birth date.");
    case Reason::NikBirthDateInFuture:
        return tr("The birth date in the NIK is in the future.");
    case Reason::NikZeroSerial:
        return tr("The last four digits of the NIK cannot be 0000.");
    case Reason::NikSexMismatch:
        return tr("The NIK does not match the sex entered. Check both.");
    case Reason::NikBirthDateMismatch:
        return tr("The NIK does not match the birth date entered. Check both.");
    case Reason::DiskFull:
        return tr("The disk is full. Nothing was lost: free some space and save again.");
    case Reason::ReadOnly:
        return tr("The profile folder cannot be written (read-only). Nothing was saved.");
    case Reason::TransitionForbidden:
        return tr("This status change is not a step of the workflow.");
    case Reason::TransitionNeedsReason:
        return tr("This status change needs a reason.");
    case Reason::RoleForbidden:
        return tr("Your role does not allow this. Please ask your supervisor.");
    case Reason::OutOfScope:
        return tr("This case is not among the cases you work on.");
    case Reason::Stale:
        return tr("This was already changed, perhaps on another laptop. Reload it and check again.");
    case Reason::AlreadyEnrolled:
        return tr("This profile is already enrolled with the district server.");
    case Reason::Revoked:
        return tr("The district office revoked this laptop and its case data was erased. Please contact "
                  "the office.");
    case Reason::NotEnrolled:
        return tr("The district server does not know this laptop. Please ask the office to enroll it again.");
    case Reason::VersionTooOld:
        return tr("The district server needs a newer version of Dampingi. Please update the application.");
    case Reason::EnrollmentRejected:
        return tr("The enrollment code is unknown, already used or expired. Please ask the office for a new "
                  "one.");
    case Reason::BadCertificate:
        return tr("This is not the district server this laptop was enrolled with (its certificate does not "
                  "match); the network may be redirecting you, as a hotspot's login page does. Nothing was "
                  "sent. Try another connection; if it keeps happening, call the district office.");
    case Reason::NotForThisLaptop:
        return tr("This bundle is not meant for this laptop.");
    case Reason::BundleAltered:
        return tr("This bundle was altered or does not come from the district office. Nothing was imported.");
    case Reason::LastVictim:
        return tr("A case needs at least one victim. Add the right victim first, then remove this one.");
    case Reason::Cancelled:
        return tr("The sync was cancelled. Nothing was lost: the next sync goes on where this one stopped.");
    case Reason::RateLimited:
        return tr("The district server is busy. Your work is kept on this laptop; Dampingi tries again "
                  "shortly.");
    case Reason::ClockSkew:
        return tr("This laptop's clock is far from the district server's. Set the date and time in the "
                  "laptop's settings, then sync again.");
    }
    return {};
}

QString ErrorText::codeSentence(Core::Error::Code code)
{
    using Code = Core::Error::Code;
    switch (code) {
    case Code::InvalidInput:
        return tr("Please check this entry.");
    case Code::NotFound:
        return tr("The record was not found. It may have been removed or moved to another team.");
    case Code::Locked:
        return tr("Wrong user name or passphrase.");
    case Code::StoreUnavailable:
        return tr("The case store cannot be written right now. Nothing was saved; please try again.");
    case Code::SchemaTooNew:
        return tr("This profile was written by a newer version of Dampingi. Please update the application.");
    case Code::MigrationFailed:
        return tr("The profile could not be upgraded. It was left unchanged.");
    case Code::Corrupt:
        return tr("Some stored data is damaged and was not shown. Please contact your supervisor.");
    case Code::Conflict:
        return tr("This change is not allowed now.");
    case Code::Unreachable:
        return tr("The district server cannot be reached right now. Your work is safe on this laptop and "
                  "is sent at the next sync, once there is a signal.");
    case Code::Refused:
        return tr("The district server refused this laptop. Please contact the district office.");
    case Code::Internal:
        break;
    }
    return tr("Something went wrong inside Dampingi. Nothing was saved.");
}
