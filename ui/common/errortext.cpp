// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/common/errortext.h"

QString ErrorText::message(const Core::Error &error)
{
    using Code = Core::Error::Code;
    switch (error.code) {
    case Code::InvalidInput:
        return tr("Please check this entry: %1").arg(error.detail);
    case Code::NotFound:
        return tr("The record was not found. It may have been removed or moved to another team.");
    case Code::Locked:
        return tr("Wrong user name or passphrase.");
    case Code::StoreUnavailable:
        if (error.detail.startsWith(u"disk full"))
            return tr("The disk is full. Nothing was lost: free some space and save again.");
        if (error.detail.startsWith(u"read-only"))
            return tr("The profile folder cannot be written (read-only). Nothing was saved.");
        return tr("The case store cannot be written right now. Nothing was saved; please try again.");
    case Code::SchemaTooNew:
        return tr("This profile was written by a newer version of Dampingi. Please update the application.");
    case Code::MigrationFailed:
        return tr("The profile could not be upgraded. It was left unchanged.");
    case Code::Corrupt:
        return tr("Some stored data is damaged and was not shown. Please contact your supervisor.");
    case Code::Conflict:
        return tr("This change is not allowed now: %1").arg(error.detail);
    case Code::Unreachable:
        return tr("The district server cannot be reached. Your work is kept on this laptop and will be "
                  "sent at the next sync.");
    case Code::Refused:
        return tr("The district server refused this laptop: %1").arg(error.detail);
    case Code::Internal:
        break;
    }
    return tr("Something went wrong inside Dampingi. Nothing was saved.");
}
