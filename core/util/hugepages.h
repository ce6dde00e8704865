// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>

namespace DevDock::Core {

// Asks for transparent huge pages on the whole 2 MiB pages inside [data, data + bytes), for a
// large array that is about to be filled front to back once (a large compose file's tree and
// services): one page fault per 2 MiB instead of per 4 KiB, which on a shared machine cost more
// than the parse. Linux with THP in "madvise" mode; elsewhere, and for small arrays, nothing.
void adviseHugePages(const void *data, std::size_t bytes);

} // namespace DevDock::Core
