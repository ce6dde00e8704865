#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 DevDock contributors
# SPDX-License-Identifier: GPL-3.0-or-later
# The dependency rule of DESIGN.md, checked on the sources and on the built libraries:
# app -> ui -> core, never back; core uses no Gui/Widgets; core/engine uses nothing else in core
# but util.
set -uo pipefail
src=${1:?usage: test_dependency_rule.sh SOURCE_DIR BUILD_DIR}
build=${2:?}
fail=0
check() { # description, command producing offending lines
    local what=$1; shift
    local hits
    hits=$("$@" 2>/dev/null || true)
    if [ -n "$hits" ]; then
        echo "FAIL: $what"; echo "$hits" | sed 's/^/    /'
        fail=1
    else
        echo "ok: $what"
    fi
}
check "core includes no Qt Gui/Widgets/Charts/Svg headers" \
    grep -rnE '#include <(QtGui|QtWidgets|QtCharts|QtSvg|QWidget|QApplication|QGuiApplication|QPixmap|QIcon|QColor)' "$src/core"
check "core includes nothing from ui/ or app/" \
    grep -rnE '#include "(\.\./)*(ui|app)/|#include "mainwindow.h"' "$src/core"
check "ui includes nothing from app/" \
    grep -rnE '#include "(\.\./)*app/' "$src/ui"
check "core/engine uses nothing in core but engine/ and util/" \
    grep -rnE '#include "(compose|env|stack|logs|devloop|onboarding)/' "$src/core/engine"
check "core/stack uses only engine/, compose/, env/ and util/ in core" \
    grep -rnE '#include "(logs|devloop|onboarding)/' "$src/core/stack"
check "core/compose and core/env use nothing of stack/ or engine/" \
    grep -rnE '#include "(stack|engine|logs|devloop|onboarding)/' "$src/core/compose" "$src/core/env"
check "core/twin uses only engine/, compose/, env/, stack/ and util/; the layers below it not twin/" \
    sh -c "grep -rnE '#include \"(logs|devloop|onboarding|data|workspace)/' '$src/core/twin'; grep -rnE '#include \"twin/' '$src/core/engine' '$src/core/compose' '$src/core/env' '$src/core/stack'"
check "devdock_core links no Qt Gui or Widgets" \
    sh -c "grep -oE 'Qt6::(Gui|Widgets|Charts|Svg)' '$build/core/CMakeFiles/devdock_core.dir/link.txt' '$src/core/CMakeLists.txt'"
check "devdockctl (the CLI) does not link Qt Widgets" \
    sh -c "ldd '$build/app/devdockctl' '$build/app/devdockctl-commands.so' | grep -E 'libQt6(Widgets|Gui)'"
if [ $fail -eq 0 ]; then echo "1 passed, 0 failed"; else echo "0 passed, 1 failed"; fi
exit $fail
