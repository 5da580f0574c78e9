# SPDX-License-Identifier: GPL-3.0-or-later
# Fails when a layer includes a header it must never see (docs/ARCHITECTURE.md, layers). Linking catches most
# of this; a header-only use such as <QtWidgets/...> in core is caught only here.
set(rules
    "core|QtWidgets|QtGui|QtNetwork|QtHttpServer|QWidget|QApplication|QGuiApplication|QNetwork|QTcp|QSsl|QHttpServer|\"sync/|\"ui/|<sync/|<ui/"
    "sync|QtWidgets|QWidget|QApplication|\"ui/|<ui/"
    "sync/client|\"sync/server/|<sync/server/|QtHttpServer|QHttpServer"
    "ui|\"app/|<app/|\"sync/server/|<sync/server/|QtHttpServer|QHttpServer"
    "app/desktop|\"sync/server/|<sync/server/|QtHttpServer|QHttpServer"
    "app/ctl|\"sync/server/|<sync/server/|QtHttpServer|QHttpServer")
set(failures "")
foreach(rule IN LISTS rules)
    string(REPLACE "|" ";" parts "${rule}")
    list(POP_FRONT parts layer)
    file(GLOB_RECURSE files "${SOURCE_DIR}/${layer}/*.h" "${SOURCE_DIR}/${layer}/*.cpp")
    foreach(file IN LISTS files)
        file(STRINGS "${file}" includes REGEX "^[ \t]*#[ \t]*include")
        foreach(line IN LISTS includes)
            foreach(forbidden IN LISTS parts)
                string(FIND "${line}" "${forbidden}" at)
                if(NOT at EQUAL -1)
                    file(RELATIVE_PATH rel "${SOURCE_DIR}" "${file}")
                    string(APPEND failures "${rel}: ${line}  (${layer}/ must not include ${forbidden})\n")
                endif()
            endforeach()
        endforeach()
    endforeach()
endforeach()
if(failures)
    message(FATAL_ERROR "Layering violations:\n${failures}")
endif()
message(STATUS "layering: ok")
