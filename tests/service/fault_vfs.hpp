#pragma once
/// A test SQLite VFS over the default one that fails writes on command (DESIGN.md §6's disk
/// faults): SQLite's own I/O-error tests inject faults the same way.
#include <atomic>
#include <string>

namespace harness {

class FaultVfs {
public:
    /// What the disk does to writes and syncs of the database and its WAL.
    enum class Mode { healthy, full, io_error };

    /// Registers the VFS (once per process) under name().
    static FaultVfs& instance();
    [[nodiscard]] static const std::string& name();

    void set(Mode mode) { mode_ = mode; }
    [[nodiscard]] Mode mode() const { return mode_; }
    /// Writes and syncs refused since the process started.
    [[nodiscard]] long refused() const { return refused_; }

    /// For the shim's methods: the code a write or sync gets now, SQLITE_OK when healthy.
    int write_result(bool sync);

private:
    FaultVfs();
    std::atomic<Mode> mode_{Mode::healthy};
    std::atomic<long> refused_{0};
};

}  // namespace harness
