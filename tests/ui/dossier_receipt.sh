#!/bin/bash
# UI test: receiving a dossier at counter 1's console in a real window under Xvfb, against the
# real service, and returning its result later.
#  1. The officer logs in, calls A001 (F1), chooses Hoàn thành (F6) and "Tiếp nhận hồ sơ" (2),
#     clicks the procedure, and the due date shown equals the service's preview; types the
#     applicant's name and phone (Enter, Enter).
#  2. The receipt screen shows the new dossier's code; the service has the dossier with that
#     applicant; --printer file:DIR/ got form 01 as DIR/CODE-mau-01.pdf, a PDF whose text holds the
#     code; "In lại" prints it again.
#  3. The dossier's result is ready two days later; the citizen's ticket comes for it: F6, "Trả kết quả" (6), the code typed
#     with the keyboard (as a scanner would), Enter: the service has it returned.
# Screenshots are kept in SHOT_DIR.
#
# usage: dossier_receipt.sh BIN_DIR SOURCE_DIR SHOT_DIR
set -euo pipefail
# shellcheck source=tests/ui/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
ui_test 1280x800 "$@"

applicant="Nguyễn Văn An"
phone=0912345678
receipts=$WORK/receipts
mkdir -p "$receipts"

service_start
set_clock 2026-11-23T08:00:00+07:00
officer_add lan "Nguyễn Thị Lan" matkhau-123
kiosk_token=$(device_add "Kiosk lối vào" kiosk)
[[ $(api POST /tickets "$kiosk_token" '{"category":"HT"}') == 201\ * ]] || ui_fail "issue HT"

kiosk_start console --mode counter --counter 1 --config "$CONFIG" --windowed 1280x800 \
    --printer "file:$receipts/"
wait_screen console counter_login
console_login console lan matkhau-123
wait_for console 'Quầy đang mở' 10
officer=$(login lan matkhau-123)  # the test's own session, for checking through the API

# ---- 1. the receipt form --------------------------------------------------------------------------
xdotool key F1
wait_for console '"label":"A001"' 10
xdotool key F6
wait_screen console counter_finish 5
xdotool key 2
wait_screen console counter_dossier 5
wait_for console 'Chọn thủ tục để xem ngày hẹn trả kết quả.' 5
tap console button "Xác nhận tình trạng hôn nhân"
wait_for console 'Ngày hẹn trả kết quả: ' 10
preview=$(api GET /procedures/HT-HN/due-date "$officer")
[[ $preview == 200\ * ]] || ui_fail "due-date preview: $preview"
due=$(jq -r .due_date <<<"${preview#* }")
due_vi="${due:8:2}/${due:5:2}/${due:0:4}"
shown=$(grep -oF "Ngày hẹn trả kết quả: " "${KIOSK_DUMPS[console]}" >/dev/null &&
    jq -r '.elements[] | select(.label | startswith("Ngày hẹn trả kết quả: ")) | .label' \
        "${KIOSK_DUMPS[console]}")
[[ $shown == *", ngày $due_vi · "* ]] || ui_fail "the form shows '$shown', the service says $due_vi"
# The name field has the keyboard once the procedure is chosen; Enter moves to the phone; Enter
# there receives the dossier.
sleep 0.3
xdotool type --delay 150 "$applicant"
wait_for console "\"role\":\"textbox\",\"label\":\"Họ tên người nộp hồ sơ\"" 2
sleep 0.3
screenshot console "$SHOTS/counter-dossier-form.png"
xdotool key Return
sleep 0.3
xdotool type --delay 30 "$phone"
xdotool key Return

# ---- 2. the receipt -------------------------------------------------------------------------------
wait_screen console counter_receipt 10
code=$(jq -r '.elements[] | select(.label | test("^[0-9A-Z.]+-[0-9]{6}-[0-9]{4}$")) | .label' \
    "${KIOSK_DUMPS[console]}" | head -n 1)
[[ -n $code ]] || ui_fail "no dossier code on the receipt screen"
wait_for console "Hẹn trả kết quả: " 5
wait_for console "$due_vi" 5
wait_for console 'Đã in giấy tiếp nhận và hẹn trả kết quả. Mời trao cho công dân.' 15
screenshot console "$SHOTS/counter-dossier-receipt.png"
dossier=$(api GET "/dossiers/$code" "$officer")
[[ $dossier == 200\ * ]] || ui_fail "the service has no dossier $code: $dossier"
body=${dossier#* }
[[ $(jq -r .applicant.name <<<"$body") == "$applicant" ]] || ui_fail "applicant name: $body"
[[ $(jq -r .applicant.phone <<<"$body") == "$phone" ]] || ui_fail "applicant phone: $body"
[[ $(jq -r .procedure <<<"$body") == HT-HN ]] || ui_fail "procedure: $body"
[[ $(jq -r .due_date <<<"$body") == "$due" ]] || ui_fail "due date: $body"
pdf=$receipts/$code-mau-01.pdf
[[ -s $pdf ]] || ui_fail "no receipt at $pdf ($(ls "$receipts"))"
[[ $(head -c 4 "$pdf") == %PDF ]] || ui_fail "$pdf is not a PDF"
pdftotext "$pdf" - | grep -qF "$code" || ui_fail "the receipt's text does not hold $code"
cp "$pdf" "$SHOTS/counter-dossier-receipt.pdf"
# In lại: the same form again.
rm -f "$pdf"
tap console button "In lại"
wait_until 15 "the receipt is printed again" test -s "$pdf"
[[ $(grep -c "receipt of dossier $code sent to file:" "$WORK/console.log") == 2 ]] ||
    ui_fail "the console did not log two receipts"

# ---- 3. the result is returned by its code ------------------------------------------------------
set_clock 2026-11-25T09:00:00+07:00
[[ $(api POST "/dossiers/$code/status" "$officer" '{"status":"ready"}') == 200\ * ]] ||
    ui_fail "dossier ready"
[[ $(api POST /tickets "$kiosk_token" '{"category":"HT"}') == 201\ * ]] || ui_fail "issue HT"
xdotool key Return  # Xong (Enter): back to the desk
wait_screen console counter_console 5
# Counters close at the end of the office day (DESIGN.md §3): the officer opens it again.
wait_for console 'Quầy đang đóng. Bấm Mở quầy để bắt đầu làm việc.' 10
tap console button "Mở quầy"
wait_for console 'Quầy đang mở' 10
xdotool key F1
wait_for console 'Lấy số lúc 09:00' 10  # a new office day: numbers started again at A001
xdotool key F6
wait_screen console counter_finish 5
xdotool key 6
wait_screen console counter_return 5
sleep 0.3
xdotool type --delay 8 "$code"  # the receipt's barcode, as a scanner types it
xdotool key Return
wait_for console "Đã ghi nhận trả kết quả hồ sơ $code." 10
screenshot console "$SHOTS/counter-dossier-returned.png"
[[ $(api GET "/dossiers/$code" "$officer") == *'"state":"returned"'* ]] ||
    ui_fail "the service does not have $code returned"

echo "PASS: received $code (due $due_vi, as previewed) with the applicant, printed form 01 twice, returned it"
