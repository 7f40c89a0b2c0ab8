#ifndef SCHAKEL_SYNC_COUNTER_H
#define SCHAKEL_SYNC_COUNTER_H

// For the benchmarks only: a SQLite VFS that passes everything to the default one and counts
// the syncs SQLite asks of it (each becomes an fsync or fdatasync), so that "every acknowledged
// commit is synced" can be shown as a figure. Installed as the default VFS of this process.

/// Installs the counting VFS as the default; 0 on success, a SQLite error code otherwise.
int schakel_sync_counter_install(void);

/// Syncs of the main database and its WAL since the process started.
long long schakel_sync_count(void);

#endif
