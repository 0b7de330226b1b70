#!/bin/bash
# Screenshots of every citizen screen, the counter console, the display board and the reports
# dashboard, in Vietnamese and in English, for the documentation:
# the real kiosk under Xvfb against the real service (temporary database, test clock), driven
# through --a11y-dump and xdotool like the UI tests. PNGs are scaled to 960 px wide.
#
# usage: tests/ui/screenshots.sh [OUT_DIR] [BIN_DIR]
#        (defaults: docs/screenshots and build/debug/bin of this checkout)
#        SHOTS_ONLY=accessible tests/ui/screenshots.sh: only the citizen screens in the default
#        theme, high contrast and large text (a11y-*.png), on a service of their own
set -euo pipefail
SRC=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
OUT=$(realpath -m "${1:-$SRC/docs/screenshots}")
BIN=$(realpath -m "${2:-$SRC/build/debug/bin}")
WIDTH=960

# shellcheck source=tests/ui/lib.sh
source "$SRC/tests/ui/lib.sh"
# Tall enough for the portrait kiosk (1080x1920) as well.
ui_begin 1920x1920 "$OUT" "$BIN"
mkdir -p "$OUT"
touch "$WORK/started"

# shot KIOSK NAME: a screenshot once two grabs in a row agree (the frame has been swapped).
shot() {
    local a=$WORK/shot-a.png b=$WORK/shot-b.png
    screenshot "$1" "$a"
    for _ in $(seq 20); do
        sleep 0.15
        screenshot "$1" "$b"
        cmp -s "$a" "$b" && break
        mv "$b" "$a"
    done
    convert "$b" -filter Lanczos -resize "${WIDTH}x" -strip "$OUT/$2.png"
    echo "  $OUT/$2.png"
}

# english KIOSK: switch to English (the button shows the language it switches to).
english() {
    tap "$1" button "English"
    wait_for "$1" '"role":"button","label":"Tiếng Việt"' 5
}

# ---- every citizen screen in the default theme, high contrast and large text (issue 17) --------
# A service of its own (a morning's queue, a dossier ready), so the other sections' figures do
# not depend on it: a11y-SCREEN-VARIANT.png, plus the portrait kiosk in large text.
accessible_screens() {
    local db_before=$DB
    DB=$WORK/accessible.db
    service_start
    set_clock 2026-11-23T08:40:00+07:00
    officer_add lan "Nguyễn Thị Lan" matkhau-123
    local kiosk pad officer answer dossier v flags
    kiosk=$(device_add "Kiosk lối vào" kiosk)
    pad=$(device_add "Đánh giá quầy 1" rating 1)
    officer=$(login lan matkhau-123)
    api POST /counters/1/open "$officer" >/dev/null
    for c in HT HT DC VX HT TK HT DC HT HT HT HT; do
        api POST /tickets "$kiosk" "{\"category\":\"$c\"}" >/dev/null
    done
    api POST /counters/1/call-next "$officer" >/dev/null
    answer=$(api POST /counters/1/finish "$officer" \
        '{"outcome":"dossier_received","procedure":"HT-HN","applicant":{"name":"Nguyễn Văn An","phone":"0912345678"}}')
    dossier=$(jq -r .dossier.code <<<"${answer#* }")
    api POST "/dossiers/$dossier/status" "$officer" '{"status":"ready"}' >/dev/null

    for v in default high-contrast large-text; do
        echo "citizen screens: $v"
        case $v in
            default) flags=() ;;
            high-contrast) flags=(--theme high-contrast) ;;
            large-text) flags=(--large-text) ;;
        esac
        kiosk_start k --mode ticket --token "$kiosk" --config "$CONFIG" --windowed 1920x1080 \
            --printer "file:$WORK/slip-a11y.bin" --data-dir "$WORK/kiosk-data" "${flags[@]}"
        wait_screen k ticket_home
        wait_for k 'Đang chờ:'
        shot k "a11y-ticket-home-$v"
        tap k button "Tôi thuộc diện ưu tiên"
        wait_screen k ticket_priority
        shot k "a11y-ticket-priority-$v"
        tap k button "Người cao tuổi (từ 60 tuổi)"
        wait_screen k ticket_home
        tap k button "Tư pháp - Hộ tịch"
        wait_screen k ticket_issued 10
        wait_for k "Mời Quý khách nhận phiếu ở khe bên dưới" 10
        shot k "a11y-ticket-issued-$v"
        tap k button "Xong"
        wait_screen k ticket_home
        tap k button "Tôi đã đặt lịch hẹn"
        wait_screen k appointment_check_in
        shot k "a11y-appointment-check-in-$v"
        tap k button "Quay lại"
        wait_screen k ticket_home
        tap k button "Tra cứu hồ sơ"
        wait_screen k dossier_lookup
        shot k "a11y-dossier-lookup-$v"
        # A scanner (a keyboard to the kiosk) with the dossier's code.
        xdotool windowfocus --sync "$(window_of k)"
        xdotool type --delay 8 "$dossier"
        xdotool key Return
        wait_screen k dossier_result 10
        shot k "a11y-dossier-result-$v"
        tap k button "Xong"
        wait_screen k ticket_home
        tap k button "Đánh giá dịch vụ"
        wait_screen k rate_keypad
        for key in A 0 0; do tap k button "$key"; done
        shot k "a11y-rate-keypad-$v"
        kiosk_stop k

        kiosk_start p --mode rating --counter 1 --token "$pad" --config "$CONFIG" \
            --windowed 1280x800 --data-dir "$WORK/pad-data" "${flags[@]}"
        wait_screen p rating_idle
        wait_for p 'Nguyễn Thị Lan'
        shot p "a11y-rating-idle-$v"
        api POST /counters/1/call-next "$officer" >/dev/null
        api POST /counters/1/finish "$officer" '{"outcome":"resolved"}' >/dev/null
        wait_screen p rating_levels 10
        shot p "a11y-rating-levels-$v"
        tap p button "Không hài lòng"
        wait_screen p rating_reasons
        tap p checkbox "Chờ quá lâu"
        wait_until 5 "the reason is ticked" \
            grep -qE '"label":"Chờ quá lâu".*"checked":true' "${KIOSK_DUMPS[p]}"
        shot p "a11y-rating-reasons-$v"
        tap p button "Gửi đánh giá"
        wait_screen p rating_thanks 10
        shot p "a11y-rating-thanks-$v"
        kiosk_stop p
    done

    echo "portrait kiosk: large text, high contrast"
    kiosk_start tall --mode ticket --token "$kiosk" --config "$CONFIG" --windowed 1080x1920 \
        --printer "file:$WORK/slip-a11y.bin" --data-dir "$WORK/kiosk-data" --large-text
    wait_screen tall ticket_home
    wait_for tall 'Đang chờ:'
    shot tall "a11y-ticket-home-portrait-large-text"
    tap tall button "Tương phản cao"
    wait_until 5 "high contrast is on" \
        grep -qE '"label":"Tương phản cao".*"checked":true' "${KIOSK_DUMPS[tall]}"
    shot tall "a11y-ticket-home-portrait-large-text-high-contrast"
    tap tall button "Tư pháp - Hộ tịch"
    wait_screen tall ticket_issued 10
    wait_for tall "Mời Quý khách nhận phiếu ở khe bên dưới" 10
    shot tall "a11y-ticket-issued-portrait-large-text-high-contrast"
    kiosk_stop tall
    service_stop
    DB=$db_before
}
if [[ ${SHOTS_ONLY:-} == accessible ]]; then
    accessible_screens
    echo "done: $(find "$OUT" -name 'a11y-*.png' -newer "$WORK/started" | wc -l) screenshots"
    exit 0
fi

service_start
set_clock 2026-11-23T08:40:00+07:00
officer_add lan "Nguyễn Thị Lan" matkhau-123
kiosk_token=$(device_add "Kiosk lối vào" kiosk)
pad_token=$(device_add "Đánh giá quầy 1" rating 1)
officer=$(login lan matkhau-123)
api POST /counters/1/open "$officer" >/dev/null
# A morning's queue, so the tiles have something to say.
for c in HT HT HT DC DC VX HT TK; do api POST /tickets "$kiosk_token" "{\"category\":\"$c\"}" >/dev/null; done
# Counter 1 serves a while so the estimate has service times to go by.
for m in 45 52; do
    api POST /counters/1/call-next "$officer" >/dev/null
    set_clock "2026-11-23T08:${m}:00+07:00"
    api POST /counters/1/finish "$officer" '{"outcome":"resolved"}' >/dev/null
done

# ---- the ticket kiosk, landscape, both languages -----------------------------------------------
for lang in vi en; do
    echo "ticket kiosk ($lang)"
    kiosk_start kiosk --mode ticket --token "$kiosk_token" --config "$CONFIG" --windowed 1920x1080 \
        --printer "file:$WORK/slip-$lang.bin" --data-dir "$WORK/kiosk-data"
    wait_screen kiosk ticket_home
    wait_for kiosk 'Đang chờ: 2 người · khoảng'  # the tiles carry the morning's queue
    [[ $lang == en ]] && english kiosk
    if [[ $lang == vi ]]; then
        cat_a="Tư pháp - Hộ tịch" cat_c="Văn hóa - Xã hội" prio="Tôi thuộc diện ưu tiên"
        elderly="Người cao tuổi (từ 60 tuổi)" done_="Xong" rate="Đánh giá dịch vụ" next="Tiếp tục"
        low="Không hài lòng" wait_reason="Chờ quá lâu" send="Gửi đánh giá"
        printed="Mời Quý khách nhận phiếu ở khe bên dưới" remember="Vui lòng ghi nhớ số của bạn"
    else
        cat_a="Justice - Civil status" cat_c="Culture - Social affairs" prio="I am entitled to priority"
        elderly="Elderly (60 or older)" done_="Done" rate="Rate our service" next="Continue"
        low="Dissatisfied" wait_reason="Waited too long" send="Send rating"
        printed="Please take your ticket from the slot below" remember="Please remember your number"
    fi
    shot kiosk "ticket-home-$lang"
    tap kiosk button "$prio"
    wait_screen kiosk ticket_priority
    shot kiosk "ticket-priority-$lang"
    tap kiosk button "$elderly"
    wait_screen kiosk ticket_home
    shot kiosk "ticket-home-priority-$lang"
    tap kiosk button "$cat_a"
    wait_screen kiosk ticket_issued 10
    wait_for kiosk "$printed" 10
    shot kiosk "ticket-issued-$lang"
    tap kiosk button "$done_"
    wait_screen kiosk ticket_home
    [[ $lang == en ]] && english kiosk
    tap kiosk button "$rate"
    wait_screen kiosk rate_keypad
    for k in A 0 0; do tap kiosk button "$k"; done
    shot kiosk "rate-keypad-$lang"
    tap kiosk button "9"
    tap kiosk button "$next"
    wait_screen kiosk rating_levels
    shot kiosk "rating-levels-kiosk-$lang"
    tap kiosk button "$low"
    wait_screen kiosk rating_reasons
    tap kiosk checkbox "$wait_reason"
    shot kiosk "rating-reasons-$lang"
    tap kiosk button "$send"
    wait_screen kiosk rate_keypad 10  # A009 was never issued: the kiosk says so
    shot kiosk "rate-keypad-unknown-$lang"
    kiosk_stop kiosk

    echo "ticket kiosk with a broken printer ($lang)"
    kiosk_start broken --mode ticket --token "$kiosk_token" --config "$CONFIG" --windowed 1920x1080 \
        --printer "file:$WORK/no-such-dir/slip.bin" --data-dir "$WORK/kiosk-data"
    wait_screen broken ticket_home
    [[ $lang == en ]] && english broken
    tap broken button "$cat_c"
    wait_screen broken ticket_issued 10
    wait_for broken "$remember" 10
    shot broken "ticket-issued-print-failed-$lang"
    kiosk_stop broken
done

# ---- dossier lookup at the ticket kiosk, both languages -----------------------------------------
# A dossier received at counter 1 and already processed, so its result waits to be collected.
api POST /counters/1/call-next "$officer" >/dev/null
answer=$(api POST /counters/1/finish "$officer" \
    '{"outcome":"dossier_received","procedure":"HT-HN","applicant":{"name":"Nguyễn Văn An","phone":"0912345678"}}')
dossier=$(jq -r .dossier.code <<<"${answer#* }")
api POST "/dossiers/$dossier/status" "$officer" '{"status":"ready"}' >/dev/null
for lang in vi en; do
    echo "dossier lookup ($lang)"
    if [[ $lang == vi ]]; then
        lookup="Tra cứu hồ sơ" submit="Tra cứu" done_="Xong" not_found="Không tìm thấy hồ sơ"
    else
        lookup="Look up a dossier" submit="Look up" done_="Done" not_found="No dossier has this code"
    fi
    kiosk_start lookup --mode ticket --token "$kiosk_token" --config "$CONFIG" --windowed 1920x1080 \
        --data-dir "$WORK/kiosk-data"
    wait_screen lookup ticket_home
    [[ $lang == en ]] && english lookup
    tap lookup button "$lookup"
    wait_screen lookup dossier_lookup
    shot lookup "dossier-lookup-$lang"
    for ((i = 0; i < ${#dossier}; i++)); do tap lookup button "${dossier:i:1}"; done
    wait_for lookup "\"role\":\"text\",\"label\":\"$dossier\"" 5
    shot lookup "dossier-lookup-typed-$lang"
    tap lookup button "$submit"
    wait_screen lookup dossier_result 10
    shot lookup "dossier-lookup-result-$lang"
    # A scanner (a keyboard to the kiosk) with a code nobody has.
    xdotool windowfocus --sync "$(window_of lookup)"
    xdotool type --delay 8 "${dossier%-*}-9999"
    xdotool key Return
    wait_for lookup "$not_found" 10
    shot lookup "dossier-lookup-not-found-$lang"
    kiosk_stop lookup
done

# ---- the rating pad, both languages ------------------------------------------------------------
for lang in vi en; do
    echo "rating pad ($lang)"
    kiosk_start pad --mode rating --counter 1 --token "$pad_token" --config "$CONFIG" \
        --windowed 1280x800 --lang "$lang" --data-dir "$WORK/pad-data"
    wait_screen pad rating_idle
    wait_for pad 'Nguyễn Thị Lan'
    shot pad "rating-idle-$lang"
    api POST /counters/1/call-next "$officer" >/dev/null
    api POST /counters/1/finish "$officer" '{"outcome":"resolved"}' >/dev/null
    wait_screen pad rating_levels 10
    shot pad "rating-levels-$lang"
    if [[ $lang == vi ]]; then best="Rất hài lòng"; else best="Very satisfied"; fi
    tap pad button "$best"
    wait_screen pad rating_thanks
    shot pad "rating-thanks-$lang"
    kiosk_stop pad
done

# ---- the counter console and the display board, both languages ---------------------------------
officer_add binh "Trần Văn Bình" matkhau-456
officer_add cuong "Lê Minh Cường" matkhau-789
board_token=$(device_add "Bảng hiển thị sảnh" board)
binh=$(login binh matkhau-456)
cuong=$(login cuong matkhau-789)
api POST /counters/2/open "$binh" >/dev/null
api POST /counters/3/open "$cuong" >/dev/null
for c in HT TK HT DC HT TK HT HT DC TK HT HT; do
    api POST /tickets "$kiosk_token" "{\"category\":\"$c\"}" >/dev/null
done
api POST /counters/2/call-next "$binh" >/dev/null
api POST /counters/3/call-next "$cuong" >/dev/null

to_return=$dossier  # looked up at the kiosk above: its result is ready
for lang in vi en; do
    echo "display board and counter console ($lang)"
    if [[ $lang == vi ]]; then
        user="Tên đăng nhập" open_="Quầy đang mở" serving="Đang phục vụ" finish_="Kết quả phục vụ số"
        transfer_="sang lĩnh vực nào" due_="Ngày hẹn trả kết quả: " printed_="Đã in giấy tiếp nhận"
        returned_="Đã ghi nhận trả kết quả"
    else
        user="Username" open_="Counter open" serving="Being served" finish_="How did the visit of"
        transfer_="to which category" due_="Result due on: " printed_="Receipt and appointment slip printed"
        returned_="is recorded as returned"
    fi
    mkdir -p "$WORK/receipts-$lang"
    kiosk_start board --mode board --token "$board_token" --config "$CONFIG" --windowed 1920x1080 \
        --lang "$lang" --audio-out "$WORK/calls-$lang"
    kiosk_start console --mode counter --counter 1 --config "$CONFIG" --windowed 1280x800 \
        --lang "$lang" --printer "file:$WORK/receipts-$lang/"
    wait_screen console counter_login
    xdotool windowmove "$(window_of console)" 0 1080  # under the board: never over it
    shot console "counter-login-$lang"
    console_login console lan matkhau-123 "$user"
    wait_for console "$open_" 10
    # A citizen who did not come, one put back in the queue, one at the desk being served.
    xdotool key F1
    sleep 0.5
    xdotool key F4
    sleep 0.5
    xdotool key F1
    sleep 0.5
    xdotool key F3
    wait_for console "$serving" 10
    api POST /counters/2/recall "$binh" >/dev/null
    sleep 1
    shot console "counter-console-$lang"
    shot board "board-$lang"
    xdotool key F6
    wait_for console "$finish_" 5
    shot console "counter-finish-$lang"
    xdotool key Escape
    sleep 0.3
    xdotool key F5
    wait_for console "$transfer_" 5
    shot console "counter-transfer-$lang"
    xdotool key Escape
    sleep 0.3
    # The citizen hands in a dossier: the form, then its receipt printed.
    xdotool key F6
    sleep 0.3
    xdotool key 2
    wait_screen console counter_dossier 5
    tap console button "Xác nhận tình trạng hôn nhân"
    wait_for console "$due_" 10
    sleep 0.3
    xdotool type --delay 150 "Nguyễn Văn An"
    xdotool key Return
    sleep 0.3
    xdotool type --delay 30 0912345678
    sleep 0.3
    shot console "counter-dossier-form-$lang"
    xdotool key Return
    wait_screen console counter_receipt 10
    wait_for console "$printed_" 15
    shot console "counter-dossier-receipt-$lang"
    received=$(jq -r '.elements[] | select(.label | test("^[0-9A-Z.]+-[0-9]{6}-[0-9]{4}$")) | .label' \
        "${KIOSK_DUMPS[console]}" | head -n 1)
    # The next citizen collects the result of a dossier received earlier.
    xdotool key F1
    sleep 0.5
    xdotool key F6
    sleep 0.3
    xdotool key 6
    wait_screen console counter_return 5
    sleep 0.3
    xdotool type --delay 8 "$to_return"
    sleep 0.3
    shot console "counter-dossier-return-$lang"
    xdotool key Return
    wait_for console "$returned_" 10
    echo "  received $received; returned $to_return"
    kiosk_stop console
    kiosk_stop board
    to_return=$received  # the next round returns the dossier received in this one
done

# ---- the portrait kiosk (deploy/run's 1080x1920), Vietnamese -----------------------------------
echo "portrait ticket kiosk"
kiosk_start tall --mode ticket --token "$kiosk_token" --config "$CONFIG" --windowed 1080x1920 \
    --printer "file:$WORK/slip-tall.bin" --data-dir "$WORK/kiosk-data"
wait_screen tall ticket_home
wait_for tall 'Đang chờ:'
shot tall "ticket-home-portrait-vi"
tap tall button "Trả kết quả"
wait_screen tall ticket_issued 10
wait_for tall "Mời Quý khách nhận phiếu ở khe bên dưới" 10
shot tall "ticket-issued-portrait-vi"
tap tall button "Xong"
wait_screen tall ticket_home

# After the day's stop time the service issues no more: the kiosk says so plainly.
set_clock 2026-11-23T16:50:00+07:00
tap tall button "Trả kết quả"
wait_for tall 'Đã hết giờ lấy số hôm nay' 10
shot tall "ticket-home-stopped-portrait-vi"
kiosk_stop tall

# ---- the reports dashboard, both languages -----------------------------------------------------
# A service of its own: two office days of tickets (reports_scenario.sh), read on the second day.
service_stop
DB=$WORK/reports.db
service_start
# shellcheck source=tests/ui/reports_scenario.sh
source "$SRC/tests/ui/reports_scenario.sh"
reports_scenario
for lang in vi en; do
    echo "reports dashboard ($lang)"
    if [[ $lang == vi ]]; then
        user="Tên đăng nhập" week="Tuần này" officers="Theo cán bộ" charts="Biểu đồ"
        category="Lĩnh vực: Tất cả" within="Trong mục tiêu" estimates="Ước tính chờ"
    else
        user="Username" week="This week" officers="By officer" charts="Charts"
        category="Category: All" within="Within target" estimates="Wait estimates"
    fi
    kiosk_start dash --mode reports --config "$CONFIG" --windowed 1920x1080 --lang "$lang" \
        --export-dir "$WORK/exports"
    wait_screen dash reports_login
    shot dash "reports-login-$lang"
    dashboard_login dash hoa "$HOA_PASSWORD" "$user"
    wait_screen dash reports_table 10
    click dash button "$week"
    sleep 0.5
    wait_until 15 "the week's reports" loaded dash
    shot dash "reports-table-$lang"
    click dash button "$officers"
    sleep 0.3
    shot dash "reports-officers-$lang"
    click dash button "$charts"
    wait_screen dash reports_charts
    shot dash "reports-charts-$lang"
    click dash button "$category"
    wait_text dash "$within" 5
    shot dash "reports-charts-category-$lang"
    click dash button "$estimates"
    wait_screen dash reports_estimates
    shot dash "reports-estimates-$lang"
    kiosk_stop dash
done
service_stop
accessible_screens
echo "done: $(find "$OUT" -name '*.png' -newer "$WORK/started" | wc -l) screenshots"
