#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 DevDock contributors
# SPDX-License-Identifier: GPL-3.0-or-later
# A real PostgreSQL 15 image without a registry (scripts/datastore-image.sh).
#   postgres-image.sh TAG     e.g. devdock-test/postgres:15
set -euo pipefail
exec bash "$(dirname "$0")/datastore-image.sh" postgres "${1:?usage: postgres-image.sh TAG}"
