// SPDX-License-Identifier: GPL-3.0-or-later
// Shared by the libFuzzer targets of this folder (see README.md's "Fuzzing").
#pragma once

#include <QByteArray>
#include <QString>
#include <QtGlobal>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace Fuzz {

// The fuzzer's bytes without a copy: libFuzzer hands us an exactly sized heap buffer, so a read
// one byte past the end still trips AddressSanitizer.
inline QByteArray bytes(const uint8_t *data, size_t size)
{
    return QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
}

// A property of the code under test that must hold for every input: abort, so libFuzzer keeps
// the input as a crash (assertions of the harness must not be compiled out).
[[noreturn]] inline void fail(const char *what, const char *file, int line)
{
    std::fprintf(stderr, "fuzz property failed: %s (%s:%d)\n", what, file, line);
    std::abort();
}

// Qt warns on every damaged zlib stream and the like; printing that millions of times slows
// the fuzzer down. Fatal messages (Q_ASSERT under QT_FORCE_ASSERTS) still print, and abort.
inline void quietHandler(QtMsgType type, const QMessageLogContext &, const QString &message)
{
    if (type == QtFatalMsg || type == QtCriticalMsg)
        std::fprintf(stderr, "%s\n", qPrintable(message));
}

} // namespace Fuzz

namespace {
// Per target (each is one translation unit including this header): installed before main.
[[maybe_unused]] const bool fuzzQuietQt = (qInstallMessageHandler(Fuzz::quietHandler), true);
} // namespace

#define FUZZ_CHECK(condition)                                                                                \
    do {                                                                                                     \
        if (!(condition))                                                                                    \
            Fuzz::fail(#condition, __FILE__, __LINE__);                                                      \
    } while (false)
