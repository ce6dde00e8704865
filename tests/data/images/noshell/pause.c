// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The only program of an image without any shell (tests/faults/tst_terminalfaults): it waits.
#include <unistd.h>

int main(void)
{
    for (;;) {
        pause();
    }
}
