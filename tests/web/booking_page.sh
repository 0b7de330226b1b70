#!/usr/bin/env bash
# The booking page in Debian's chromium, headless, on a phone-sized viewport (390×844): a person
# books (category, day, time, phone, confirm), the booking is checked through the API, the page
# has no horizontal scroll, a screenshot is kept (look at it), and the booking is cancelled.
#
# usage: booking_page.sh BIN_DIR SOURCE_DIR SHOT_DIR NODE_CACHE
set -euo pipefail
BIN=$1
SRC=$2
SHOTS=$3
CACHE=$4
# shellcheck source=tests/ui/lib.sh
source "$SRC/tests/ui/lib.sh"
CONFIG=$SRC/assets/config/ward-demo.toml
WORK=$(mktemp -d)
DB=$WORK/ward.db
trap 'service_stop; rm -rf "$WORK"' EXIT
mkdir -p "$SHOTS"

"$SRC/tests/web/ensure-playwright" "$CACHE"
service_start
set_clock "2026-11-23T08:00:00+07:00"  # a Monday
PLAYWRIGHT_CORE="$CACHE/node_modules/playwright-core" \
    node "$SRC/tests/web/booking.cjs" "$(url)" "$SHOTS" || ui_fail "the booking page test failed"
echo "booking page: ok (screenshots in $SHOTS)"
