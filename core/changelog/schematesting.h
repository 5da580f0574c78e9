// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/changelog/schema.h"

namespace Core::Schema {

// Tests only: declares a rename (as a future schema step would) for its lifetime, so the
// rename path can be tested while the production list is empty. Not thread-safe: create it
// before the stores and threads that read the schema.
class ScopedRenameForTest final
{
public:
    explicit ScopedRenameForTest(FieldRename rename);
    ~ScopedRenameForTest();
    ScopedRenameForTest(const ScopedRenameForTest &) = delete;
    ScopedRenameForTest &operator=(const ScopedRenameForTest &) = delete;
};

} // namespace Core::Schema
