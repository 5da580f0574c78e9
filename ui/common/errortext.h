// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"

#include <QCoreApplication>

// The one place where an Error becomes a sentence for users, so translators see every error
// message in one context. The technical detail stays in the log.
class ErrorText final
{
    Q_DECLARE_TR_FUNCTIONS(ErrorText)

public:
    // The reason's sentence, after the label of the field it names; the code's sentence when
    // there is no finer reason. Logs the detail.
    static QString message(const Core::Error &error);
    // The sentence for an error of a USB bundle (writing one to a drive, reading or importing
    // the office's answer): where message() would speak of the case store, this speaks of the
    // file and the drive, and what was kept. Other errors get message().
    static QString bundleMessage(const Core::Error &error);

private:
    static QString reasonSentence(const Core::Error &error);
    static QString codeSentence(Core::Error::Code code);
};
