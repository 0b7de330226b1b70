#!/bin/bash
# UI test: the reports dashboard (--mode reports) in a real window under Xvfb, against the real
# service with two office days driven through the API on the test clock (reports_scenario.sh).
#  1. The supervisor logs in with the keyboard; "Hôm nay" is the service's day (24/11/2026 on its
#     test clock), not the PC's.
#  2. "Tuần này", then each grouping's tab: every row and the total show exactly the figures of
#     the same report fetched with curl, written the Vietnamese way (1.234 · 06:53 · 81,8 %);
#     the officers' time at the counter too.
#  3. The charts show their titles, legends and the target line.
#  4. "Xuất CSV" saves a file equal to the API's CSV; "Xuất Excel" a workbook of five sheets.
#  5. A custom range: a day that is not in the calendar is refused in plain words; 23/11/2026
#     alone shows that day's figures.
# Screenshots of the login, each grouping and the charts are kept in SHOT_DIR.
#
# usage: reports_dashboard.sh BIN_DIR SOURCE_DIR SHOT_DIR
set -euo pipefail
# shellcheck source=tests/ui/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
ui_test 1920x1080 "$@"
# shellcheck source=tests/ui/reports_scenario.sh
source "$SRC/tests/ui/reports_scenario.sh"

service_start
reports_scenario
HOA=$(login hoa "$HOA_PASSWORD")
EXPORTS=$WORK/exports

# The dashboard's figures written the way it writes them, from the API's JSON.
JQ_CELLS='
def pad2: tostring | if length < 2 then "0" + . else . end;
def grouped: if length <= 3 then . else (.[:-3] | grouped) + "." + .[-3:] end;
def count: tostring | grouped;
def dur: ((. + 0.5) | floor) as $t | (($t / 3600) | floor) as $h
  | ((($t % 3600) / 60) | floor) as $m | ($t % 60) as $s
  | if $h > 0 then "\($h):\($m | pad2):\($s | pad2)" else "\($m | pad2):\($s | pad2)" end;
def pct: ((. * 10 + 0.5) | floor) as $t | "\((($t / 10) | floor) | count),\($t % 10)\u00a0%";
def name: if .key == "total" then "Tổng cộng"
          elif $g == "day" then (.key | split("-") | "\(.[2])/\(.[1])/\(.[0])")
          else .label end;
def main: (.served > 0) as $s
  | [name, (.issued | count), (.served | count), (.no_show | count), (.expired | count),
     (if $s then (.wait_s.mean | dur) else "—" end), (if $s then (.wait_s.p50 | dur) else "—" end),
     (if $s then (.wait_s.p90 | dur) else "—" end), (if $s then (.wait_s.max | dur) else "—" end),
     (if $s then (.service_s.mean | dur) else "—" end),
     (if (.served + .no_show) > 0 then (.within_target_pct | pct) else "—" end),
     (.ratings.count | count),
     (if .ratings.count > 0 then (.ratings.satisfied_pct | pct) else "—" end)];
def work: [name, (.open_s | dur), (.serving_s | dur), (.idle_s | dur), (.idle_while_waiting_s | dur)];
(.rows[], .total) | (main | join("\t")), (if $g == "officer" then "2\t" + (work | join("\t")) else empty end)
'

# The texts on the line of the n-th element labelled L (1-based), left to right, tab-separated.
JQ_LINE='
[.elements[] | select(.role == "text")] as $e
| ([$e[] | select(.label == $l)] | .[$n - 1]) as $h
| if $h == null then "(no \($l))" else
  [$h] + ([$e[] | select(.x > $h.x and (.y + .h / 2) > $h.y and (.y + .h / 2) < ($h.y + $h.h))]
          | sort_by(.x)) | map(.label) | join("\t") end
'

# check_table NAME GROUPING FROM TO: every row of the API's report is on screen as it says.
check_table() {
    local answer
    answer=$(api GET "/reports/turnaround?from=$3&to=$4&group_by=$2" "$HOA")
    [[ $answer == 200\ * ]] || ui_fail "report $2: $answer"
    jq -r --arg g "$2" "$JQ_CELLS" <<<"${answer#* }" >"$WORK/expected-$2.tsv"
    local rows=0 line want n label got
    while IFS= read -r line; do
        n=1
        # A second table (the officers' time) repeats each name: its lines are marked "2".
        if [[ $line == 2$'\t'* ]]; then n=2 line=${line#2$'\t'}; fi
        label=${line%%$'\t'*}
        got=$(jq -r --arg l "$label" --argjson n "$n" "$JQ_LINE" "${KIOSK_DUMPS[$1]}")
        [[ $got == "$line" ]] || ui_fail "$2, row '$label': the screen shows
  [$got]
the API says
  [$line]"
        rows=$((rows + 1))
    done <"$WORK/expected-$2.tsv"
    ((rows >= 2)) || ui_fail "$2: only $rows lines to compare"
    echo "  $2: $rows lines equal the API's"
}

kiosk_start dash --mode reports --config "$CONFIG" --windowed 1920x1080 --export-dir "$EXPORTS"
wait_screen dash reports_login
screenshot dash "$SHOTS/reports-login.png"

# ---- 1. log in; today is the service's day -----------------------------------------------------
dashboard_login dash hoa "$HOA_PASSWORD"
wait_screen dash reports_table 10
wait_text dash 'Ngày 24/11/2026 · số liệu lúc 08:40' 15
wait_until 15 "today's reports loaded" loaded dash
check_table dash category 2026-11-24 2026-11-24

# ---- 2. this week, every grouping --------------------------------------------------------------
click dash button "Tuần này"
wait_text dash 'Từ 23/11/2026 đến 29/11/2026 · số liệu lúc 08:40' 15
wait_until 15 "the week's reports loaded" loaded dash
for tab in "category:Theo lĩnh vực:Lĩnh vực" "counter:Theo quầy:Quầy" "officer:Theo cán bộ:Cán bộ" \
    "day:Theo ngày:Ngày" "hour:Theo giờ:Giờ"; do
    IFS=: read -r group words heading <<<"$tab"
    click dash button "$words"
    wait_text dash "$heading"
    sleep 0.3  # the frame after the click has been written
    check_table dash "$group" 2026-11-23 2026-11-29
    screenshot dash "$SHOTS/reports-table-$group.png"
done
# The officers' time at the counter belongs to their tab only (the last tab shown was the hours).
grep -qF '"label":"Thời gian làm việc tại quầy"' "${KIOSK_DUMPS[dash]}" &&
    ui_fail "the officers' time shows outside its tab"

# ---- 3. the charts -----------------------------------------------------------------------------
click dash button "Biểu đồ"
wait_screen dash reports_charts
for words in "Phân bố thời gian chờ" "Số lượt theo giờ trong ngày" "Mức độ hài lòng theo lĩnh vực" \
    "Chờ trung bình và mức hài lòng theo ngày" "Mục tiêu HT: 15 phút" "Rất hài lòng" "23/11" "24/11"; do
    wait_text dash "$words" 5
done
sleep 0.3
screenshot dash "$SHOTS/reports-charts.png"
click dash button "Lĩnh vực: Tất cả"
wait_text dash 'Trong mục tiêu' 5
screenshot dash "$SHOTS/reports-charts-category.png"

# ---- 3b. the appointments report ---------------------------------------------------------------
click dash button "Lịch hẹn"
wait_screen dash reports_appointments
wait_text dash 'Đã đặt' 5
sleep 0.3
answer=$(api GET "/reports/appointments?from=2026-11-23&to=2026-11-29&group_by=category" "$HOA")
[[ $answer == 200\ * ]] || ui_fail "appointments report: $answer"
jq -r '
  def name: if .key == "total" then "Tổng cộng" else .label end;
  def dur: if . == null then "—" else "\((. / 60 | floor) | tostring | if length < 2 then "0" + . else . end):\(. % 60 | tostring | if length < 2 then "0" + . else . end)" end;
  (.rows[], .total) | [name, (.booked | tostring), (.cancelled | tostring), (.checked_in | tostring),
    (.missed | tostring), (.served | tostring), (.punctuality_s.p50 | dur), (.punctuality_s.p90 | dur)]
  | join("\t")' <<<"${answer#* }" >"$WORK/expected-appointments.tsv"
grep -qP '^Tư pháp - Hộ tịch\t2\t0\t0\t2\t0\t' "$WORK/expected-appointments.tsv" ||
    ui_fail "the scenario's bookings are not in the API's report: $(cat "$WORK/expected-appointments.tsv")"
while IFS= read -r line; do
    label=${line%%$'\t'*}
    got=$(jq -r --arg l "$label" --argjson n 1 "$JQ_LINE" "${KIOSK_DUMPS[dash]}")
    [[ $got == "$line" ]] || ui_fail "appointments, row '$label': the screen shows
  $got
but the API says
  $line"
done <"$WORK/expected-appointments.tsv"
screenshot dash "$SHOTS/reports-appointments.png"
echo "  appointments: every row equals the API's"

# ---- 4. exports --------------------------------------------------------------------------------
click dash button "Theo lĩnh vực"
wait_text dash 'Lĩnh vực'
click dash button "Xuất CSV"
wait_for dash '"label":"Đã lưu: ' 15
saved=$(jq -r '.elements[] | select(.label | startswith("Đã lưu: ")) | .label | ltrimstr("Đã lưu: ")' \
    "${KIOSK_DUMPS[dash]}")
[[ $saved == "$EXPORTS/bao-cao-category-2026-11-23-2026-11-29.csv" ]] || ui_fail "saved as '$saved'"
curl -sS -H "Authorization: Bearer $HOA" -o "$WORK/api.csv" \
    "$(url)/api/v1/reports/turnaround?from=2026-11-23&to=2026-11-29&group_by=category&format=csv"
cmp "$saved" "$WORK/api.csv" || ui_fail "the saved CSV differs from the API's"
echo "  CSV: $saved equals the API's"
click dash button "Xuất Excel"
wait_for dash "\"label\":\"Đã lưu: $EXPORTS/bao-cao-tat-ca-2026-11-23-2026-11-29.xlsx\"" 20
sheets=$(python3 "$SRC/tests/service/read_xlsx.py" "$EXPORTS/bao-cao-tat-ca-2026-11-23-2026-11-29.xlsx" | grep -c '^#sheet')
((sheets == 5)) || ui_fail "the workbook has $sheets sheets, not one per grouping"
screenshot dash "$SHOTS/reports-exported.png"
echo "  Excel: five sheets"

# ---- 5. a custom range -------------------------------------------------------------------------
click dash button "Tùy chọn"
wait_for dash '"role":"textbox","label":"Từ ngày"' 5
sleep 0.3
select_all
xdotool type --delay 30 "31/11/2026"
xdotool key Return
sleep 0.3
select_all
xdotool type --delay 30 "31/11/2026"
xdotool key Return
wait_text dash 'Ngày 31/11/2026 không có trong lịch. Hãy kiểm tra lại ngày bắt đầu.' 5
screenshot dash "$SHOTS/reports-custom-refused.png"
click dash textbox "Từ ngày"
select_all
xdotool type --delay 30 "23/11/2026"
click dash textbox "Đến ngày"
select_all
xdotool type --delay 30 "2026-11-23"
click dash button "Xem"
wait_text dash 'Ngày 23/11/2026 · số liệu lúc 08:40' 15
wait_until 15 "the custom day loaded" loaded dash
check_table dash category 2026-11-23 2026-11-23

echo "PASS: logged in on the service's day; five groupings equal the API's figures; charts; CSV equal to the API's, Excel of five sheets; custom range checked"
