#!/bin/bash
# UI test: "Tra cứu hồ sơ" at the ticket kiosk in a real window under Xvfb, against the real
# service.
#  1. A dossier is received through the API (counter 1 opens, a ticket is issued, called and
#     finished as dossier_received with an applicant's name and phone).
#  2. The citizen opens "Tra cứu hồ sơ" and types the code on the on-screen keys: the result shows
#     the code, the state and the due date, and neither the applicant's name nor the phone.
#  3. A scanner on the home screen (the code typed fast, then Return) opens the result directly;
#     an unknown code scanned says so with the code.
# Screenshots are kept in SHOT_DIR.
#
# usage: dossier_lookup.sh BIN_DIR SOURCE_DIR SHOT_DIR
set -euo pipefail
# shellcheck source=tests/ui/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
ui_test 1920x1080 "$@"

applicant="Nguyễn Văn An"
phone=0912345678

service_start
set_clock 2026-11-23T08:00:00+07:00
officer_add lan "Nguyễn Thị Lan" matkhau-123
kiosk_token=$(device_add "Kiosk lối vào" kiosk)
[[ -n $kiosk_token ]] || ui_fail "no kiosk token"

# ---- 1. a dossier received at counter 1 --------------------------------------------------------
officer=$(login lan matkhau-123)
[[ $(api POST /counters/1/open "$officer") == 200\ * ]] || ui_fail "open counter 1"
[[ $(api POST /tickets "$kiosk_token" '{"category":"HT"}') == 201\ * ]] || ui_fail "issue HT"
[[ $(api POST /counters/1/call-next "$officer") == 200\ * ]] || ui_fail "call next"
answer=$(api POST /counters/1/finish "$officer" \
    "{\"outcome\":\"dossier_received\",\"procedure\":\"HT-HN\",\"applicant\":{\"name\":\"$applicant\",\"phone\":\"$phone\"}}")
[[ $answer == 200\ * ]] || ui_fail "finish with a dossier: $answer"
code=$(jq -r .dossier.code <<<"${answer#* }")
due=$(jq -r .dossier.due_date <<<"${answer#* }")  # YYYY-MM-DD
due_vi="${due:8:2}/${due:5:2}/${due:0:4}"        # as the kiosk writes it
[[ $code =~ ^[0-9A-Z.]+-[0-9]{6}-[0-9]{4}$ ]] || ui_fail "odd dossier code '$code'"
echo "received $code, due $due_vi"

# check_result: the result screen names the dossier and says its state and due date, and shows
# nothing of the applicant (the public view: DESIGN.md §7).
check_result() {
    wait_screen ticket dossier_result 10
    wait_for ticket "\"role\":\"text\",\"label\":\"$code\"" 5
    wait_for ticket '"label":"Đã tiếp nhận"' 5
    wait_for ticket "$due_vi" 5
    wait_for ticket '"label":"Xác nhận tình trạng hôn nhân"' 5
    if grep -qF -e "$applicant" -e "$phone" -e "Nguyễn Thị Lan" "${KIOSK_DUMPS[ticket]}"; then
        ui_fail "the kiosk shows personal data on the result screen"
    fi
}

# ---- 2. the code typed on the on-screen keys ---------------------------------------------------
kiosk_start ticket --mode ticket --token "$kiosk_token" --config "$CONFIG" --windowed 1920x1080 \
    --data-dir "$WORK/kiosk-data"
wait_screen ticket ticket_home
wait_for ticket 'Không có người chờ'  # the tiles carry the service's numbers
tap ticket button "Tra cứu hồ sơ"
wait_screen ticket dossier_lookup 5
wait_for ticket '"label":"Ví dụ: 000.17.22.H56-261123-0007"'
typed=
for ((i = 0; i < ${#code}; i++)); do
    tap ticket button "${code:i:1}"
    typed+=${code:i:1}
    # each key lands before the next: the box shows what was typed so far
    wait_for ticket "\"role\":\"text\",\"label\":\"$typed\"" 5
done
screenshot ticket "$SHOTS/dossier-lookup-typed.png"
tap ticket button "Tra cứu"
check_result
screenshot ticket "$SHOTS/dossier-lookup-result.png"
tap ticket button "Xong"
wait_screen ticket ticket_home 5

# ---- 3. a scanner on the home screen -----------------------------------------------------------
# A barcode scanner is a keyboard that types the code and Return within milliseconds. No window
# manager here: give the kiosk the keyboard as the scanner's USB keyboard would have it.
xdotool windowfocus --sync "$(window_of ticket)"
xdotool type --delay 8 "$code"
xdotool key Return
check_result
screenshot ticket "$SHOTS/dossier-lookup-scanned.png"

# An unknown code scanned on the result screen: the keyboard screen says so, with the code.
unknown="${code%-*}-9999"
xdotool type --delay 8 "$unknown"
xdotool key Return
wait_screen ticket dossier_lookup 10
wait_for ticket "Không tìm thấy hồ sơ có mã này: $unknown." 10
screenshot ticket "$SHOTS/dossier-lookup-not-found.png"

echo "PASS: $code looked up by its keys and by a scan: state, due date $due_vi, no personal data"
