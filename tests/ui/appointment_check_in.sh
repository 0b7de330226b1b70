#!/bin/bash
# UI test: "Tôi đã đặt lịch hẹn" at the ticket kiosk in a real window under Xvfb, against the real
# service (DESIGN.md §10).
#  1. Three bookings are made through the public API at 08:00: two in the 08:30 slot of
#     "Tư pháp - Hộ tịch", one in the 08:15 slot of "Địa chính".
#  2. At 08:35 the first citizen types the code on the on-screen keys: the issued screen shows the
#     slot, the slip prints with its appointment band (taller than a walk-in's), and the service
#     holds the booking as checked in with the kiosk's ticket.
#  3. The second citizen scans the booking page's QR code (its link) on the home screen.
#  4. The third citizen comes after the 08:15 slot's grace: the kiosk explains it kindly, and one
#     tap gives a normal ticket of the booking's category.
#  5. Counter 1's console lists its bookings of the day, and F1 calls the booked A002 (its slot
#     has started) before the walk-in A001 issued earlier, showing the slot.
# Screenshots are kept in SHOT_DIR.
#
# usage: appointment_check_in.sh BIN_DIR SOURCE_DIR SHOT_DIR
set -euo pipefail
# shellcheck source=tests/ui/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
ui_test 1920x1080 "$@"

day=2026-11-23  # a Monday

service_start
set_clock ${day}T08:00:00+07:00
officer_add lan "Nguyễn Thị Lan" matkhau-123
kiosk_token=$(device_add "Kiosk lối vào" kiosk)
[[ -n $kiosk_token ]] || ui_fail "no kiosk token"

# book CATEGORY START PHONE: the new booking's code.
book() {
    local answer
    answer=$(api POST /public/appointments "" \
        "{\"category\":\"$1\",\"date\":\"$day\",\"start\":\"$2\",\"phone\":\"$3\"}")
    [[ $answer == 201\ * ]] || ui_fail "booking $1 at $2: $answer"
    jq -r .code <<<"${answer#* }"
}

# state_of CODE: the booking's state in the officers' list of the day.
state_of() {
    local answer
    answer=$(api GET "/appointments?date=$day" "$officer")
    [[ $answer == 200\ * ]] || ui_fail "officers' list: $answer"
    jq -r --arg c "$1" '.[] | select(.code == $c) | .state' <<<"${answer#* }"
}

# ---- 1. bookings ---------------------------------------------------------------------------------
typed=$(book HT 08:30 0912345001)
scanned=$(book HT 08:30 0912345002)
late=$(book DC 08:15 0912345003)
for code in "$typed" "$scanned" "$late"; do
    [[ $code =~ ^[ACDEFGHJKMNPQRTUVWXY34679]{8}$ ]] || ui_fail "odd booking code '$code'"
done
officer=$(login lan matkhau-123)
echo "booked $typed and $scanned at 08:30 (HT), $late at 08:15 (DC)"

set_clock ${day}T08:35:00+07:00
slip=$WORK/slip.bin
kiosk_start ticket --mode ticket --token "$kiosk_token" --config "$CONFIG" --windowed 1920x1080 \
    --printer "file:$slip" --data-dir "$WORK/kiosk-data"
wait_screen ticket ticket_home
wait_for ticket 'Không có người chờ'

# A walk-in's slip first: the appointment band must make the booked one taller.
tap ticket button "Tư pháp - Hộ tịch"
wait_screen ticket ticket_issued 10
wait_for ticket 'Mời Quý khách nhận phiếu ở khe bên dưới' 15
walk_in_h=$(identify -format '%h' "$slip.png")
tap ticket button "Xong"
wait_screen ticket ticket_home 5

# ---- 2. the code typed on the keys -------------------------------------------------------------
tap ticket button "Tôi đã đặt lịch hẹn"
wait_screen ticket appointment_check_in 5
wait_for ticket '"label":"Ví dụ: K7PM3QX9"'
so_far=
for ((i = 0; i < ${#typed}; i++)); do
    tap ticket button "${typed:i:1}"
    so_far+=${typed:i:1}
    wait_for ticket "\"role\":\"text\",\"label\":\"$so_far\"" 5
done
screenshot ticket "$SHOTS/check-in-typed.png"
tap ticket button "Xác nhận"
wait_screen ticket ticket_issued 10
wait_for ticket '"label":"Lịch hẹn lúc 08:30"' 5
wait_for ticket 'Quý khách sẽ được mời vào quầy khi đến giờ hẹn.' 5
wait_for ticket 'Mời Quý khách nhận phiếu ở khe bên dưới' 15
"$BIN/ui_probe" compare-slip "$slip" "$slip.png" || ui_fail "the booked ticket's slip is wrong"
booked_h=$(identify -format '%h' "$slip.png")
((booked_h > walk_in_h)) ||
    ui_fail "the booked slip ($booked_h px) has no appointment band over a walk-in's ($walk_in_h px)"
screenshot ticket "$SHOTS/check-in-issued.png"
cp "$slip.png" "$SHOTS/check-in-slip.png"
[[ $(state_of "$typed") == checked_in ]] || ui_fail "$typed is not checked in: $(state_of "$typed")"
# The phone number is never on a screen.
if grep -qF -e 0912345001 -e "345 001" "${KIOSK_DUMPS[ticket]}"; then
    ui_fail "the kiosk shows the booking's phone number"
fi
tap ticket button "Xong"
wait_screen ticket ticket_home 5

# ---- 3. the booking page's QR code scanned on the home screen ----------------------------------
xdotool windowfocus --sync "$(window_of ticket)"
xdotool type --delay 8 "$(url)/dat-lich/$scanned"
xdotool key Return
wait_screen ticket ticket_issued 10
wait_for ticket '"label":"Lịch hẹn lúc 08:30"' 5
[[ $(state_of "$scanned") == checked_in ]] || ui_fail "$scanned is not checked in"
screenshot ticket "$SHOTS/check-in-scanned.png"
tap ticket button "Xong"
wait_screen ticket ticket_home 5

# ---- 4. too late: told kindly, a normal ticket of the booking's category -----------------------
xdotool type --delay 8 "$late"
xdotool key Return
wait_screen ticket appointment_check_in 10
wait_for ticket 'đã quá 15 phút nên không còn giữ chỗ' 10
wait_for ticket 'Quý khách vẫn được phục vụ, mời lấy số thường.' 5
screenshot ticket "$SHOTS/check-in-missed.png"
tap ticket button "Lấy số thường"
wait_screen ticket ticket_issued 10
wait_for ticket '"label":"B001"' 5
if grep -qF 'Lịch hẹn lúc' "${KIOSK_DUMPS[ticket]}"; then
    ui_fail "the late arrival's normal ticket is marked as an appointment"
fi
[[ $(state_of "$late") == missed ]] || ui_fail "$late is not missed: $(state_of "$late")"

# ---- 5. the counter console: the day's bookings, and the booked ticket called first -------------
kiosk_stop ticket
kiosk_start console --mode counter --counter 1 --config "$CONFIG" --windowed 1920x1080
wait_screen console counter_login
console_login console lan matkhau-123
# Counter 1 serves HT: both its bookings came; the DC one is another counter's.
wait_for console 'Lịch hẹn: chờ đến 0 · đã đến 2 · lỡ hẹn 0' 10
wait_for console "\"label\":\"08:30  •••••${typed: -3}\"" 5
grep -qF "$typed" "${KIOSK_DUMPS[console]}" && ui_fail "the console shows a whole booking code"
screenshot console "$SHOTS/check-in-console.png"
# A001 (walk-in) was issued first, but the 08:30 slot has started: the booking is called first.
xdotool key F1
wait_for console '"label":"A002"' 10
wait_for console '"label":"Lịch hẹn lúc 08:30"' 5
screenshot console "$SHOTS/check-in-console-called.png"

echo "PASS: $typed typed and $scanned scanned checked in at 08:30 (slip ${booked_h} px vs a" \
    "walk-in's ${walk_in_h} px); $late, too late, got the normal ticket B001; the console" \
    "listed the bookings and called A002 (booked) before A001 (walk-in)"
