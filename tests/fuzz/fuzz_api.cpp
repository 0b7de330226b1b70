// Fuzz target: every API and report decoder on arbitrary bytes. Decoders must return errors, never
// crash, and whatever decodes must encode again.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "motcua/api.hpp"
#include "motcua/reports.hpp"

using namespace motcua;
using namespace motcua::api;

namespace {

template <typename T>
void decode_as(const boost::json::value& v) {
    (void)decode<T>(v);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    static const OfficeZone report_zone = *OfficeZone::load("Asia/Ho_Chi_Minh");
    // The report decoders take the body itself; what decodes encodes to the same report again.
    if (auto r = decode_turnaround_report(bytes)) {
        auto again = decode_turnaround_report(write_json(motcua::to_json(*r)));
        if (!again || again->rows.size() != r->rows.size() || again->group_by != r->group_by)
            __builtin_trap();
    }
    if (auto h = decode_wait_histogram(bytes)) {
        auto again = decode_wait_histogram(write_json(motcua::to_json(*h)));
        if (!again || again->edges_s != h->edges_s) __builtin_trap();
    }
    if (auto d = decode_dossier_report(bytes)) {
        auto again = decode_dossier_report(write_json(motcua::to_json(*d, report_zone)));
        if (!again || again->rows != d->rows || again->total != d->total) __builtin_trap();
    }
    auto parsed = parse_json(bytes);
    if (!parsed) return 0;
    const auto& v = *parsed;
    decode_as<LoginRequest>(v);
    decode_as<IssueTicketRequest>(v);
    decode_as<FinishRequest>(v);
    decode_as<TransferRequest>(v);
    decode_as<ReinstateRequest>(v);
    decode_as<DossierStatusRequest>(v);
    decode_as<ApologyRequest>(v);
    decode_as<LoginResponse>(v);
    decode_as<CategoryInfo>(v);
    decode_as<ProcedureInfo>(v);
    decode_as<CounterInfo>(v);
    decode_as<DossierView>(v);
    decode_as<DueDatePreview>(v);
    decode_as<PublicQueue>(v);
    decode_as<ErrorBody>(v);
    static const OfficeZone zone = *OfficeZone::load("Asia/Ho_Chi_Minh");
    // What decodes encodes again, and decodes to the same thing.
    if (auto d = decode<DossierView>(v)) {
        auto again = decode<DossierView>(to_json(*d, zone));
        if (!again || again->code != d->code || again->due_date != d->due_date ||
            again->details.has_value() != d->details.has_value())
            __builtin_trap();
    }
    if (auto r = decode<RatingRequest>(v)) {
        auto again = decode<RatingRequest>(to_json(*r));
        if (!again || again->level != r->level || again->ticket != r->ticket) __builtin_trap();
    }
    if (auto t = decode<TicketView>(v)) {
        auto again = decode<TicketView>(to_json(*t, zone));
        if (!again || again->number != t->number || again->state != t->state) __builtin_trap();
    }
    if (auto e = decode<Event>(v)) (void)write_json(to_json(*e, zone));
    return 0;
}
