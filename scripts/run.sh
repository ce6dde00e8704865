#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 DevDock contributors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The README's run command: installs what is missing, makes sure a Docker engine answers (starting
# dockerd when none does; it keeps running afterwards), builds DevDock, brings up the offline demo
# stack (examples/demo) and starts DevDock. Without a display DevDock says so and exits non-zero.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

bash scripts/setup.sh
engine=$(bash scripts/dockerd.sh ensure)
echo "docker engine: $engine" >&2
cmake --preset dev >/dev/null
cmake --build --preset dev --target devdock devdockctl
bash scripts/prepare-demo
build/dev/app/devdockctl --project-directory examples/demo up || echo "The demo stack did not start fully; DevDock shows why." >&2
exec build/dev/app/devdock "$@"
