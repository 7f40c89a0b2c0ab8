#include "sync_counter.h"

#include <sqlite3.h>
#include <stdatomic.h>
#include <string.h>

static sqlite3_vfs *base_vfs;
static sqlite3_vfs counting_vfs;
static atomic_llong sync_count;

/// A file of the counting VFS: our methods first, the real file of the base VFS right after.
typedef struct {
    sqlite3_file header;
    sqlite3_file *real;
} counting_file;

#define REAL(file) (((counting_file *)(file))->real)

static int c_close(sqlite3_file *f) { return REAL(f)->pMethods ? REAL(f)->pMethods->xClose(REAL(f)) : SQLITE_OK; }
static int c_read(sqlite3_file *f, void *b, int n, sqlite3_int64 o) { return REAL(f)->pMethods->xRead(REAL(f), b, n, o); }
static int c_write(sqlite3_file *f, const void *b, int n, sqlite3_int64 o) { return REAL(f)->pMethods->xWrite(REAL(f), b, n, o); }
static int c_truncate(sqlite3_file *f, sqlite3_int64 s) { return REAL(f)->pMethods->xTruncate(REAL(f), s); }
static int c_sync(sqlite3_file *f, int flags) {
    atomic_fetch_add(&sync_count, 1);
    return REAL(f)->pMethods->xSync(REAL(f), flags);
}
static int c_size(sqlite3_file *f, sqlite3_int64 *s) { return REAL(f)->pMethods->xFileSize(REAL(f), s); }
static int c_lock(sqlite3_file *f, int l) { return REAL(f)->pMethods->xLock(REAL(f), l); }
static int c_unlock(sqlite3_file *f, int l) { return REAL(f)->pMethods->xUnlock(REAL(f), l); }
static int c_check(sqlite3_file *f, int *r) { return REAL(f)->pMethods->xCheckReservedLock(REAL(f), r); }
static int c_control(sqlite3_file *f, int op, void *a) { return REAL(f)->pMethods->xFileControl(REAL(f), op, a); }
static int c_sector(sqlite3_file *f) { return REAL(f)->pMethods->xSectorSize(REAL(f)); }
static int c_device(sqlite3_file *f) { return REAL(f)->pMethods->xDeviceCharacteristics(REAL(f)); }
static int c_shm_map(sqlite3_file *f, int p, int s, int e, void volatile **m) {
    return REAL(f)->pMethods->xShmMap(REAL(f), p, s, e, m);
}
static int c_shm_lock(sqlite3_file *f, int o, int n, int fl) { return REAL(f)->pMethods->xShmLock(REAL(f), o, n, fl); }
static void c_shm_barrier(sqlite3_file *f) { REAL(f)->pMethods->xShmBarrier(REAL(f)); }
static int c_shm_unmap(sqlite3_file *f, int d) { return REAL(f)->pMethods->xShmUnmap(REAL(f), d); }
static int c_fetch(sqlite3_file *f, sqlite3_int64 o, int n, void **p) { return REAL(f)->pMethods->xFetch(REAL(f), o, n, p); }
static int c_unfetch(sqlite3_file *f, sqlite3_int64 o, void *p) { return REAL(f)->pMethods->xUnfetch(REAL(f), o, p); }

static const sqlite3_io_methods counting_methods = {
    3, c_close, c_read, c_write, c_truncate, c_sync, c_size, c_lock, c_unlock, c_check, c_control, c_sector, c_device,
    c_shm_map, c_shm_lock, c_shm_barrier, c_shm_unmap, c_fetch, c_unfetch,
};

static int c_open(sqlite3_vfs *vfs, const char *name, sqlite3_file *file, int flags, int *out_flags) {
    (void)vfs;
    counting_file *wrapper = (counting_file *)file;
    wrapper->real = (sqlite3_file *)&wrapper[1];
    int rc = base_vfs->xOpen(base_vfs, name, wrapper->real, flags, out_flags);
    // The base VFS sets pMethods only when the open succeeded; so do we.
    wrapper->header.pMethods = (rc == SQLITE_OK && wrapper->real->pMethods) ? &counting_methods : NULL;
    return rc;
}

// Everything but opening goes to the base VFS, with the base VFS as its first argument.
static int v_delete(sqlite3_vfs *v, const char *n, int d) { (void)v; return base_vfs->xDelete(base_vfs, n, d); }
static int v_access(sqlite3_vfs *v, const char *n, int f, int *r) { (void)v; return base_vfs->xAccess(base_vfs, n, f, r); }
static int v_full(sqlite3_vfs *v, const char *n, int s, char *o) { (void)v; return base_vfs->xFullPathname(base_vfs, n, s, o); }
static void *v_dlopen(sqlite3_vfs *v, const char *n) { (void)v; return base_vfs->xDlOpen(base_vfs, n); }
static void v_dlerror(sqlite3_vfs *v, int n, char *m) { (void)v; base_vfs->xDlError(base_vfs, n, m); }
static void (*v_dlsym(sqlite3_vfs *v, void *h, const char *s))(void) { (void)v; return base_vfs->xDlSym(base_vfs, h, s); }
static void v_dlclose(sqlite3_vfs *v, void *h) { (void)v; base_vfs->xDlClose(base_vfs, h); }
static int v_random(sqlite3_vfs *v, int n, char *o) { (void)v; return base_vfs->xRandomness(base_vfs, n, o); }
static int v_sleep(sqlite3_vfs *v, int us) { (void)v; return base_vfs->xSleep(base_vfs, us); }
static int v_time(sqlite3_vfs *v, double *t) { (void)v; return base_vfs->xCurrentTime(base_vfs, t); }
static int v_error(sqlite3_vfs *v, int n, char *m) { (void)v; return base_vfs->xGetLastError(base_vfs, n, m); }
static int v_time64(sqlite3_vfs *v, sqlite3_int64 *t) { (void)v; return base_vfs->xCurrentTimeInt64(base_vfs, t); }

int schakel_sync_counter_install(void) {
    if (base_vfs) return SQLITE_OK;
    base_vfs = sqlite3_vfs_find(NULL);
    if (!base_vfs || base_vfs->iVersion < 2) return SQLITE_ERROR;
    memset(&counting_vfs, 0, sizeof counting_vfs);
    counting_vfs.iVersion = 2;
    counting_vfs.szOsFile = (int)sizeof(counting_file) + base_vfs->szOsFile;
    counting_vfs.mxPathname = base_vfs->mxPathname;
    counting_vfs.zName = "schakel-telt-syncs";
    counting_vfs.xOpen = c_open;
    counting_vfs.xDelete = v_delete;
    counting_vfs.xAccess = v_access;
    counting_vfs.xFullPathname = v_full;
    counting_vfs.xDlOpen = v_dlopen;
    counting_vfs.xDlError = v_dlerror;
    counting_vfs.xDlSym = v_dlsym;
    counting_vfs.xDlClose = v_dlclose;
    counting_vfs.xRandomness = v_random;
    counting_vfs.xSleep = v_sleep;
    counting_vfs.xCurrentTime = v_time;
    counting_vfs.xGetLastError = v_error;
    counting_vfs.xCurrentTimeInt64 = v_time64;
    return sqlite3_vfs_register(&counting_vfs, 1);
}

long long schakel_sync_count(void) { return atomic_load(&sync_count); }
