#include "pg/pool.hpp"

#include <fmt/format.h>
#include <libpq-fe.h>
#include <spdlog/spdlog.h>

#include <future>
#include <pqxx/pqxx>

namespace motcua::hub {

Error pg_error(const std::exception& e) {
    std::string what = e.what();
    while (!what.empty() && (what.back() == '\n' || what.back() == ' ')) what.pop_back();
    for (auto& c : what)
        if (c == '\n') c = ' ';
    if (dynamic_cast<const pqxx::broken_connection*>(&e) != nullptr)
        return make_error(ErrorCode::database_unavailable,
                          fmt::format("PostgreSQL is unreachable: {}", what));
    return make_error(ErrorCode::database_error, fmt::format("PostgreSQL: {}", what));
}

std::string redacted_conninfo(const std::string& conninfo) {
    char* error = nullptr;
    PQconninfoOption* options = PQconninfoParse(conninfo.c_str(), &error);
    if (options == nullptr) {
        PQfreemem(error);
        return "(a connection string libpq cannot read)";
    }
    std::string out;
    for (const PQconninfoOption* o = options; o->keyword != nullptr; ++o) {
        if (o->val == nullptr || *o->val == '\0') continue;
        if (!out.empty()) out += ' ';
        out += o->keyword;
        out += '=';
        out += std::string_view(o->keyword) == "password" ? "***" : o->val;
    }
    PQconninfoFree(options);
    return out;
}

Result<std::unique_ptr<PgPool>> PgPool::open(const std::string& uri, int size) {
    std::unique_ptr<pqxx::connection> first;
    try {
        first = std::make_unique<pqxx::connection>(uri);
    } catch (const std::exception& e) {
        return pg_error(e);
    }
    std::unique_ptr<PgPool> pool(new PgPool(uri, size));
    pool->threads_.emplace_back(
        [p = pool.get(), c = std::move(first)]() mutable { p->worker(std::move(c)); });
    for (int i = 1; i < size; ++i)
        pool->threads_.emplace_back([p = pool.get()] { p->worker(nullptr); });
    return pool;
}

PgPool::PgPool(std::string uri, int size) : uri_(std::move(uri)) {
    threads_.reserve(static_cast<std::size_t>(size));
}

PgPool::~PgPool() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    cv_.notify_all();
    for (auto& t : threads_) t.join();
}

void PgPool::submit(Job job, Failed failed) {
    {
        std::lock_guard lock(mutex_);
        if (queue_.size() < max_queued_) {
            queue_.push_back({std::move(job), std::move(failed)});
            cv_.notify_one();
            return;
        }
    }
    failed(make_error(ErrorCode::busy, "the hub is busy; try again shortly"));
}

Status PgPool::run(const Job& job) {
    std::promise<Status> done;
    submit(
        [&](pqxx::connection& c) {
            try {
                job(c);
                done.set_value(Ok{});
            } catch (const std::exception& e) {
                done.set_value(pg_error(e));
            }
        },
        [&](const Error& e) { done.set_value(e); });
    return done.get_future().get();
}

void PgPool::worker(std::unique_ptr<pqxx::connection> connection) {
    for (;;) {
        Pending item;
        {
            std::unique_lock lock(mutex_);
            cv_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
            if (queue_.empty()) return;  // stopping, and every job has run
            item = std::move(queue_.front());
            queue_.pop_front();
        }
        try {
            if (!connection || !connection->is_open())
                connection = std::make_unique<pqxx::connection>(uri_);
        } catch (const std::exception& e) {
            connection.reset();
            spdlog::warn("hub database: {}", e.what());
            item.failed(pg_error(e));
            continue;
        }
        try {
            item.job(*connection);
        } catch (const pqxx::broken_connection& e) {
            // The job could not answer; the next one reconnects.
            connection.reset();
            item.failed(pg_error(e));
        } catch (const std::exception& e) {
            item.failed(pg_error(e));  // jobs catch their own errors; this is the backstop
        }
    }
}

}  // namespace motcua::hub
