// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"

class QIODevice;

namespace Core {

class CaseRepository;

// The decrypted export of every case a profile holds ("dampingi-export-1": one JSON object,
// `cases` = each case file in the form of core/domain/json.h). Streamed case by case, so memory
// stays flat however large the profile. The caller owns the device, its permissions and whether
// the file appears whole (QSaveFile).
class CaseExport final
{
public:
    static constexpr char Format[] = "dampingi-export-1";

    explicit CaseExport(CaseRepository &cases);

    // Writes the envelope to `out`. Returns the number of cases written.
    Result<qint64> writeAll(QIODevice &out);

private:
    CaseRepository &m_cases;
};

} // namespace Core
