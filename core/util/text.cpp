// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/util/text.h"

#include <QStringDecoder>

namespace Core {

QString foldForSearch(QStringView text)
{
    // NFKD splits "é" into "e" + combining accent; dropping marks leaves the base letter.
    const QString decomposed = text.toString().normalized(QString::NormalizationForm_KD);
    QString out;
    out.reserve(decomposed.size());
    bool pendingSpace = false;
    for (const QChar c : decomposed) {
        if (c.isMark())
            continue;
        if (c.isLetterOrNumber()) {
            if (pendingSpace && !out.isEmpty())
                out.append(u' ');
            pendingSpace = false;
            out.append(c.toLower());
        } else {
            pendingSpace = true;
        }
    }
    return out;
}

bool isValidUtf8(QByteArrayView bytes)
{
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString decoded = decoder.decode(bytes);
    Q_UNUSED(decoded);
    return !decoder.hasError();
}

} // namespace Core
