# Two office days of a ward for the reports dashboard's UI test and screenshots (sourced after
# lib.sh, with the service started). Counter 1 (Nguyễn Thị Lan: HT, TK) and counter 3 (Trần Văn
# Bình: DC, TK) serve; a citizen does not come; a VX ticket nobody serves expires at midnight;
# citizens rate at the kiosk; the supervisor Phạm Thu Hòa reads the reports. The service's clock
# is left at Tuesday 24/11/2026 08:40: the dashboard's "today".
#
# Sets: KIOSK_TOKEN, LAN, BINH (officers' session tokens), HOA_PASSWORD. Also the dashboard's
# helpers: click (a desk's controls are smaller than lib.sh's tap allows), select_all, wait_text.

# at HH:MM [DAY]: the service's clock (day 23 unless given).
at() { set_clock "2026-11-${2:-23}T$1:00+07:00"; }

# issue CATEGORY: a ticket from the kiosk; prints its id.
issue() {
    local answer
    answer=$(api POST /tickets "$KIOSK_TOKEN" "{\"category\":\"$1\"}")
    [[ $answer == 201\ * ]] || ui_fail "issue $1: $answer"
    jq -r .id <<<"${answer#* }"
}

# desk TOKEN COUNTER ACTION [JSON]: a counter action that must succeed.
desk() {
    local answer
    answer=$(api POST "/counters/$2/$3" "$1" "${4:-}")
    [[ $answer == 200\ * ]] || ui_fail "counter $2 $3: $answer"
}

# rate TICKET LEVEL: the citizen's rating at the kiosk.
rate() {
    local answer
    answer=$(api POST /ratings "$KIOSK_TOKEN" "{\"ticket\":\"$1\",\"level\":$2}")
    [[ $answer == 201\ * ]] || ui_fail "rate $1: $answer"
}

reports_scenario() {
    HOA_PASSWORD=matkhau-hoa
    officer_add lan "Nguyễn Thị Lan" matkhau-123
    officer_add binh "Trần Văn Bình" matkhau-456
    echo "$HOA_PASSWORD" | "$BIN/motcua-service" user add --config "$CONFIG" --db "$DB" \
        --username hoa --name "Phạm Thu Hòa" --role supervisor >/dev/null 2>>"$WORK/service.log" ||
        ui_fail "user add hoa"
    KIOSK_TOKEN=$(device_add "Kiosk lối vào" kiosk)
    LAN=$(login lan matkhau-123)
    BINH=$(login binh matkhau-456)

    # ---- Monday 23/11/2026
    at 07:30
    # Bookings for Tuesday from a phone: nobody comes to check in (they are missed by 08:40), one
    # (the DC one) is cancelled. No ticket comes of them: the turnaround figures are the walk-ins'.
    local booked
    for slot in "HT 08:00 0912000001" "HT 08:00 0912000002" "DC 08:15 0912000003"; do
        read -r cat start phone <<<"$slot"
        booked=$(api POST /public/appointments "" \
            "{\"category\":\"$cat\",\"date\":\"2026-11-24\",\"start\":\"$start\",\"phone\":\"$phone\"}")
        [[ $booked == 201\ * ]] || ui_fail "booking $cat $start: $booked"
    done
    booked=$(jq -r .code <<<"${booked#* }")
    [[ $(api POST "/public/appointments/$booked/cancel") == 200\ * ]] || ui_fail "cancel $booked"
    desk "$LAN" 1 open
    desk "$BINH" 3 open
    at 07:35; local t1; t1=$(issue HT)
    at 07:36; issue HT >/dev/null
    at 07:40; local t3; t3=$(issue DC)
    at 07:41; local t4; t4=$(issue TK)
    at 07:45; desk "$LAN" 1 call-next   # A001
    at 07:46; desk "$LAN" 1 start
    at 07:48; desk "$BINH" 3 call-next  # B001
    at 07:52; desk "$LAN" 1 finish '{"outcome":"resolved"}'
    rate "$t1" 5
    at 07:55; desk "$LAN" 1 call-next   # A002 does not come
    at 08:01; desk "$LAN" 1 no-show
    at 08:03; desk "$LAN" 1 call-next   # D001
    at 08:10; desk "$BINH" 3 finish '{"outcome":"guidance"}'
    rate "$t3" 2
    at 08:12; desk "$LAN" 1 finish '{"outcome":"resolved"}'
    rate "$t4" 4
    at 09:05; issue HT >/dev/null
    at 09:20; desk "$LAN" 1 call-next   # A003, waited 15 minutes
    at 09:31; desk "$LAN" 1 finish '{"outcome":"resolved"}'
    at 09:40; issue VX >/dev/null       # nobody serves VX: expires at midnight
    at 11:30
    desk "$LAN" 1 close
    desk "$BINH" 3 close

    # ---- Tuesday 24/11/2026
    at 07:30 24
    desk "$LAN" 1 open
    at 07:40 24; local t7; t7=$(issue HT)
    at 07:42 24; local t8; t8=$(issue TK)
    at 08:00 24; desk "$LAN" 1 call-next
    at 08:10 24; desk "$LAN" 1 finish '{"outcome":"resolved"}'
    rate "$t7" 5
    at 08:15 24; desk "$LAN" 1 call-next
    at 08:16 24; desk "$LAN" 1 start
    at 08:21 24; desk "$LAN" 1 finish '{"outcome":"resolved"}'
    rate "$t8" 3
    at 08:30 24; issue HT >/dev/null    # still waiting
    at 08:40 24
}

# ---- the dashboard ------------------------------------------------------------------------------

# json_label TEXT: TEXT as the dump writes a label.
json_label() { jq -Rn --arg l "$1" '$l'; }

# wait_text NAME TEXT [SECONDS]: a text element with exactly TEXT.
wait_text() { wait_for "$1" "\"role\":\"text\",\"label\":$(json_label "$2")," "${3:-10}"; }

# click NAME ROLE LABEL: the centre of an element, with the mouse (a desk's controls are smaller
# than a finger's: lib.sh's tap would refuse them).
click() {
    wait_for "$1" "\"role\":\"$2\",\"label\":$(json_label "$3")," 10
    local line x y w h
    line=$(element "$1" "$2" "$3")
    x=$(field x "$line") y=$(field y "$line") w=$(field w "$line") h=$(field h "$line")
    xdotool mousemove --window "$(window_of "$1")" $((x + w / 2)) $((y + h / 2)) click 1
}

# loaded NAME: the status line no longer says the reports are loading (in either language).
loaded() { ! grep -qE 'Đang tải báo cáo…|Loading the report…' "${KIOSK_DUMPS[$1]}"; }

# select_all: Ctrl+A in the field with the keyboard. Ctrl is held across frames: ImGui 1.86 reads
# key states, and a chord pressed and released between two frames would be lost.
select_all() {
    xdotool keydown ctrl
    sleep 0.1
    xdotool key a
    sleep 0.1
    xdotool keyup ctrl
}

# dashboard_login NAME USERNAME PASSWORD [USERNAME_LABEL]: types the credentials into the login.
dashboard_login() {
    click "$1" textbox "${4:-Tên đăng nhập}"
    xdotool windowfocus --sync "$(window_of "$1")"  # no window manager: give it the keyboard
    xdotool type --delay 30 "$2"
    xdotool key Return
    sleep 0.3
    xdotool type --delay 30 "$3"
    xdotool key Return
}
