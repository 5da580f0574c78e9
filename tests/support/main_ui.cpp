// SPDX-License-Identifier: GPL-3.0-or-later
// Catch2 runner for widget tests: a QApplication on the offscreen platform unless told
// otherwise (test discovery runs without CTest's environment and would otherwise find no
// display), Indonesian as the UI language like the app's default.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include <QApplication>

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    return Catch::Session().run(argc, argv);
}
