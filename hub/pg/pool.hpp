#pragma once
/// PostgreSQL work off the network threads: a few worker threads, each with its own libpqxx
/// connection, run queued jobs in order of arrival. A broken connection is reopened for the next
/// job. The hub keeps no other state: any number of hub processes may share one database.
#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <pqxx/connection>
#include <string>
#include <thread>
#include <vector>

#include "motcua/result.hpp"

namespace motcua::hub {

/// A libpq connection string (URI or key=value) fit for a log or an error message: libpq's own
/// reading of it as key=value pairs, with any password as "***".
std::string redacted_conninfo(const std::string& conninfo);

class PgPool {
public:
    using Job = std::function<void(pqxx::connection&)>;
    /// Called instead of the job when no connection can be had.
    using Failed = std::function<void(const Error&)>;

    /// Opens `size` connections to `uri`; fails when the first cannot be opened.
    static Result<std::unique_ptr<PgPool>> open(const std::string& uri, int size);
    ~PgPool();
    PgPool(const PgPool&) = delete;
    PgPool& operator=(const PgPool&) = delete;

    /// Queues a job; more than `max_queued` waiting jobs answer `failed` at once (503 busy).
    void submit(Job job, Failed failed);
    /// Runs a job and waits (start-up and the CLI).
    Status run(const Job& job);

private:
    PgPool(std::string uri, int size);
    void worker(std::unique_ptr<pqxx::connection> first);

    struct Pending {
        Job job;
        Failed failed;
    };
    std::string uri_;
    std::mutex mutex_;
    std::condition_variable cv_;
    std::deque<Pending> queue_;
    bool stopping_ = false;
    std::size_t max_queued_ = 4096;
    std::vector<std::thread> threads_;
};

/// A libpqxx or connection failure as an Error a person can act on.
Error pg_error(const std::exception& e);

}  // namespace motcua::hub
