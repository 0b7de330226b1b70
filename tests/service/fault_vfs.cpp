#include "fault_vfs.hpp"

#include <sqlite3.h>

#include <cstring>
#include <stdexcept>

namespace harness {
namespace {

sqlite3_vfs* real_vfs = nullptr;
sqlite3_vfs fault_vfs{};

/// The shim's file: the real VFS's file follows it in the same allocation.
struct FaultFile {
    sqlite3_file base;
    sqlite3_file* real;
};

sqlite3_file* real_of(sqlite3_file* f) {
    return reinterpret_cast<FaultFile*>(f)->real;
}

int x_close(sqlite3_file* f) {
    return real_of(f)->pMethods->xClose(real_of(f));
}
int x_read(sqlite3_file* f, void* buf, int n, sqlite3_int64 offset) {
    return real_of(f)->pMethods->xRead(real_of(f), buf, n, offset);
}
int x_write(sqlite3_file* f, const void* buf, int n, sqlite3_int64 offset) {
    if (const int rc = FaultVfs::instance().write_result(false); rc != SQLITE_OK) return rc;
    return real_of(f)->pMethods->xWrite(real_of(f), buf, n, offset);
}
int x_truncate(sqlite3_file* f, sqlite3_int64 size) {
    return real_of(f)->pMethods->xTruncate(real_of(f), size);
}
int x_sync(sqlite3_file* f, int flags) {
    if (const int rc = FaultVfs::instance().write_result(true); rc != SQLITE_OK) return rc;
    return real_of(f)->pMethods->xSync(real_of(f), flags);
}
int x_file_size(sqlite3_file* f, sqlite3_int64* size) {
    return real_of(f)->pMethods->xFileSize(real_of(f), size);
}
int x_lock(sqlite3_file* f, int level) {
    return real_of(f)->pMethods->xLock(real_of(f), level);
}
int x_unlock(sqlite3_file* f, int level) {
    return real_of(f)->pMethods->xUnlock(real_of(f), level);
}
int x_check_reserved_lock(sqlite3_file* f, int* out) {
    return real_of(f)->pMethods->xCheckReservedLock(real_of(f), out);
}
int x_file_control(sqlite3_file* f, int op, void* arg) {
    return real_of(f)->pMethods->xFileControl(real_of(f), op, arg);
}
int x_sector_size(sqlite3_file* f) {
    return real_of(f)->pMethods->xSectorSize(real_of(f));
}
int x_device_characteristics(sqlite3_file* f) {
    return real_of(f)->pMethods->xDeviceCharacteristics(real_of(f));
}
int x_shm_map(sqlite3_file* f, int page, int size, int extend, void volatile** out) {
    return real_of(f)->pMethods->xShmMap(real_of(f), page, size, extend, out);
}
int x_shm_lock(sqlite3_file* f, int offset, int n, int flags) {
    return real_of(f)->pMethods->xShmLock(real_of(f), offset, n, flags);
}
void x_shm_barrier(sqlite3_file* f) {
    real_of(f)->pMethods->xShmBarrier(real_of(f));
}
int x_shm_unmap(sqlite3_file* f, int delete_flag) {
    return real_of(f)->pMethods->xShmUnmap(real_of(f), delete_flag);
}
int x_fetch(sqlite3_file* f, sqlite3_int64 offset, int n, void** out) {
    return real_of(f)->pMethods->xFetch(real_of(f), offset, n, out);
}
int x_unfetch(sqlite3_file* f, sqlite3_int64 offset, void* p) {
    return real_of(f)->pMethods->xUnfetch(real_of(f), offset, p);
}

// Version 3 (WAL's shared memory and memory-mapped reads), as the unix VFS's files.
const sqlite3_io_methods kMethods{3,
                                  x_close,
                                  x_read,
                                  x_write,
                                  x_truncate,
                                  x_sync,
                                  x_file_size,
                                  x_lock,
                                  x_unlock,
                                  x_check_reserved_lock,
                                  x_file_control,
                                  x_sector_size,
                                  x_device_characteristics,
                                  x_shm_map,
                                  x_shm_lock,
                                  x_shm_barrier,
                                  x_shm_unmap,
                                  x_fetch,
                                  x_unfetch};

int x_open(sqlite3_vfs*, const char* name, sqlite3_file* file, int flags, int* out_flags) {
    auto* f = reinterpret_cast<FaultFile*>(file);
    f->real = reinterpret_cast<sqlite3_file*>(f + 1);
    const int rc = real_vfs->xOpen(real_vfs, name, f->real, flags, out_flags);
    // SQLite calls xClose only on a file whose pMethods is set.
    f->base.pMethods = (rc == SQLITE_OK && f->real->pMethods != nullptr) ? &kMethods : nullptr;
    return rc;
}

}  // namespace

FaultVfs::FaultVfs() {
    real_vfs = sqlite3_vfs_find(nullptr);
    if (real_vfs == nullptr) throw std::runtime_error("no default SQLite VFS");
    fault_vfs = *real_vfs;
    fault_vfs.szOsFile = static_cast<int>(sizeof(FaultFile)) + real_vfs->szOsFile;
    fault_vfs.zName = name().c_str();
    fault_vfs.pNext = nullptr;
    fault_vfs.xOpen = x_open;
    if (sqlite3_vfs_register(&fault_vfs, 0) != SQLITE_OK)
        throw std::runtime_error("cannot register the fault VFS");
}

FaultVfs& FaultVfs::instance() {
    static FaultVfs vfs;
    return vfs;
}

const std::string& FaultVfs::name() {
    static const std::string n = "motcua-fault";
    return n;
}

int FaultVfs::write_result(bool sync) {
    switch (mode_.load()) {
        case Mode::healthy:
            return SQLITE_OK;
        case Mode::full:
            if (sync) return SQLITE_OK;  // what was written fits; new pages do not
            ++refused_;
            return SQLITE_FULL;
        case Mode::io_error:
            ++refused_;
            return sync ? SQLITE_IOERR_FSYNC : SQLITE_IOERR_WRITE;
    }
    return SQLITE_OK;
}

}  // namespace harness
