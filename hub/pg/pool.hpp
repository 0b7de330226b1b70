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
#include <pqxx/result>
#include <pqxx/transaction_base>
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

/// Calls `each(row)` for every row of `query`, read through a cursor `slice` rows at a time: a
/// month of thousands of wards is tens of millions of rows, which as one result would hold
/// gigabytes of text. Every row is wanted, so the plan is made for all of them.
template <class Each>
void for_each_row(pqxx::transaction_base& w, std::string_view query, std::size_t slice,
                  Each&& each) {
    w.exec("SET LOCAL cursor_tuple_fraction = 1.0");
    w.exec("DECLARE all_rows NO SCROLL CURSOR FOR " + std::string(query));
    const std::string fetch = "FETCH FORWARD " + std::to_string(slice) + " FROM all_rows";
    for (;;) {
        const pqxx::result rows = w.exec(fetch);
        for (const auto& row : rows) each(row);
        if (rows.size() < slice) break;
    }
    w.exec("CLOSE all_rows");
}

/// A libpqxx or connection failure as an Error a person can act on.
Error pg_error(const std::exception& e);

}  // namespace motcua::hub
