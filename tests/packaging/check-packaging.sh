#!/usr/bin/env bash
# The packaging's guarantees (DESIGN.md §12, docs/operations.md), checked on the .deb files that
# cpack makes from this build:
#   - each package's name, version, Depends (library ones from dpkg-shlibdeps and the runtime
#     data named in cmake/packaging.cmake), its files, its maintainer scripts;
#   - the units: systemd-analyze verify (clean), the sandboxing lines, and
#     systemd-analyze security --offline=true: the service and the hub rate "OK" or better;
#   - the maintainer scripts: sh -n, then run against stub commands: the users and paths they
#     create, with their owners and modes, and what purge removes, are exactly the documented ones;
#   - the paths in the units match those of the scripts and of the packages.
# Usage: check-packaging.sh SOURCE_DIR BUILD_DIR COMPONENTS(service,hub,kiosk) VERSION
set -euo pipefail
src="$1"
build="$2"
IFS=, read -r -a components <<<"$3"
version="$4"

tmp="$(mktemp -d /tmp/motcua-packaging.XXXXXX)"
trap 'rm -rf "$tmp"' EXIT
failures=0
fail() {
  echo "FAIL: $*" >&2
  failures=$((failures + 1))
}
pass() { echo "ok: $*"; }
has() { [[ " ${components[*]} " == *" $1 "* ]]; }

# ---- the packages ------------------------------------------------------------------------------
echo "== cpack -G DEB"
cpack_components="$(printf '%s;' "${components[@]}")"
if ! (cd "$build" && cpack -G DEB -B "$tmp/deb" -D "CPACK_COMPONENTS_ALL=${cpack_components%;}" \
        >"$tmp/cpack.log" 2>&1); then
  cat "$tmp/cpack.log" >&2
  fail "cpack -G DEB failed (are the programs built?)"
  exit 1
fi
release="$(sed -n 's/^set(CPACK_DEBIAN_PACKAGE_RELEASE "\(.*\)")$/\1/p' "$build/CPackConfig.cmake")"
arch="$(dpkg --print-architecture)"

for comp in "${components[@]}"; do
  pkg="motcua-$comp"
  failures_before=$failures
  deb="$tmp/deb/${pkg}_${version}-${release}_${arch}.deb"
  if [[ ! -f "$deb" ]]; then
    fail "$pkg: no $(basename "$deb") (made: $(cd "$tmp/deb" && ls ./*.deb | tr '\n' ' '))"
    continue
  fi
  mkdir -p "$tmp/root/$comp" "$tmp/control/$comp"
  dpkg-deb -x "$deb" "$tmp/root/$comp"
  dpkg-deb -e "$deb" "$tmp/control/$comp"
  field() { dpkg-deb -f "$deb" "$1"; }
  [[ "$(field Package)" == "$pkg" ]] || fail "$pkg: Package is '$(field Package)'"
  [[ "$(field Version)" == "$version-$release" ]] || fail "$pkg: Version is '$(field Version)'"
  for f in Maintainer Description Section Architecture; do
    [[ -n "$(field "$f")" ]] || fail "$pkg: no $f field"
  done
  depends="$(field Depends)"
  case "$comp" in
    service) wanted=(adduser tzdata fonts-noto-core libc6 libsqlite3-0 libssl3 libsodium23 libpangocairo-1.0-0) ;;
    hub) wanted=(adduser tzdata fonts-noto-core libc6 libpqxx-6.4) ;;
    kiosk) wanted=(adduser tzdata fonts-noto-core espeak-ng-data xinit xserver-xorg-core
                   xserver-xorg-input-libinput x11-xserver-utils libc6 libglfw3 libespeak-ng1) ;;
  esac
  for d in "${wanted[@]}"; do
    [[ ",$depends," =~ [,\ ]$d[\ ,\(] ]] || fail "$pkg: Depends lacks $d: $depends"
  done
  for script in postinst prerm postrm; do
    if ! cmp -s "$tmp/control/$comp/$script" "$src/deploy/debian/$pkg/$script"; then
      fail "$pkg: its $script is not deploy/debian/$pkg/$script"
    elif [[ "$(stat -c %a "$tmp/control/$comp/$script")" != 755 ]]; then
      fail "$pkg: $script is not mode 0755"
    fi
  done
  # Files: exactly these (directories aside).
  case "$comp" in
    service) files=(/usr/bin/motcua-service /lib/systemd/system/motcua-service.service
                    /usr/share/motcua/ward-demo.toml) ;;
    hub) files=(/usr/bin/motcua-hub /lib/systemd/system/motcua-hub.service /usr/share/motcua/hub.toml
                /usr/share/motcua/hub.env) ;;
    kiosk) files=(/usr/bin/motcua-kiosk /lib/systemd/system/motcua-kiosk.service
                  /usr/lib/motcua/kiosk-session /usr/share/motcua/kiosk.env) ;;
  esac
  files+=("/usr/share/doc/$pkg/copyright" "/usr/share/doc/$pkg/changelog.Debian.gz"
          "/usr/share/doc/$pkg/operations.md")
  expected="$(printf '%s\n' "${files[@]}" | sort)"
  actual="$(cd "$tmp/root/$comp" && find . -not -type d | sed 's/^\.//' | sort)"
  [[ "$expected" == "$actual" ]] || fail "$pkg: files differ from the expected:
$(diff <(echo "$expected") <(echo "$actual") || true)"
  for f in "${files[@]}"; do
    case "$f" in
      /usr/bin/* | /usr/lib/motcua/*) [[ -x "$tmp/root/$comp$f" ]] || fail "$pkg: $f is not executable" ;;
    esac
  done
  [[ $failures -eq $failures_before ]] &&
    pass "$pkg $(field Version): $(echo "${files[@]}" | wc -w) files; Depends: $depends"
done
[[ $failures -eq 0 ]] || { echo "$failures failure(s)" >&2; exit 1; }

unit_file() { echo "$tmp/root/$1/lib/systemd/system/motcua-$1.service"; }
# The value of KEY= in a unit (the last one), or nothing.
unit_value() { sed -n "s/^$2=//p" "$1" | tail -n1; }

# ---- the units ---------------------------------------------------------------------------------
echo "== units"
common=(NoNewPrivileges=yes ProtectSystem=strict ProtectHome=yes PrivateTmp=yes
        ProtectKernelTunables=yes ProtectKernelModules=yes ProtectControlGroups=yes
        RestrictNamespaces=yes LockPersonality=yes RestrictRealtime=yes
        SystemCallArchitectures=native CapabilityBoundingSet= UMask=0027 KillSignal=SIGTERM)
daemon=(PrivateDevices=yes PrivateUsers=yes PrivateMounts=yes ProtectKernelLogs=yes ProtectClock=yes
        ProtectHostname=yes ProtectProc=invisible ProcSubset=pid MemoryDenyWriteExecute=yes
        RestrictSUIDSGID=yes RemoveIPC=yes KeyringMode=private
        "RestrictAddressFamilies=AF_INET AF_INET6 AF_UNIX" SystemCallFilter=@system-service
        "SystemCallFilter=~@privileged @resources" User=motcua Group=motcua Restart=on-failure)
for comp in "${components[@]}"; do
  unit="$(unit_file "$comp")"
  case "$comp" in
    service) lines=("${common[@]}" "${daemon[@]}" StateDirectory=motcua ConfigurationDirectory=motcua
                    ReadWritePaths=/var/lib/motcua
                    "ExecStart=/usr/bin/motcua-service serve --config /etc/motcua/ward.toml --db /var/lib/motcua/motcua.db --listen 0.0.0.0:8080") ;;
    hub) lines=("${common[@]}" "${daemon[@]}" ConfigurationDirectory=motcua
                EnvironmentFile=/etc/motcua/hub.env ConditionPathExists=/etc/motcua/hub.env) ;;
    kiosk) lines=("${common[@]}" User=motcua-kiosk Group=motcua-kiosk PAMName=login TTYPath=/dev/tty7
                  StandardInput=tty EnvironmentFile=/etc/motcua/kiosk.env Restart=always
                  StateDirectory=motcua-kiosk ReadWritePaths=/var/lib/motcua-kiosk
                  "ExecStart=/usr/bin/xinit /usr/lib/motcua/kiosk-session -- :0 vt7 -keeptty -nolisten tcp -nocursor") ;;
  esac
  for line in "${lines[@]}"; do
    grep -qxF -- "$line" "$unit" || fail "motcua-$comp.service lacks '$line'"
  done
  # Writable: the data directory only.
  rw="$(grep '^ReadWritePaths=' "$unit" || true)"
  case "$comp" in
    service) [[ "$rw" == "ReadWritePaths=/var/lib/motcua" ]] || fail "motcua-service.service: $rw" ;;
    hub) [[ -z "$rw" ]] || fail "motcua-hub.service writes nowhere, yet: $rw" ;;
    kiosk) [[ "$rw" == "ReadWritePaths=/var/lib/motcua-kiosk" ]] || fail "motcua-kiosk.service: $rw" ;;
  esac
  # Verify a copy whose programs are the package's own (this machine has not installed them).
  mkdir -p "$tmp/verify"
  sed -e "s#/usr/bin/motcua-#$tmp/root/$comp/usr/bin/motcua-#g" \
      -e "s#/usr/lib/motcua/kiosk-session#$tmp/root/$comp/usr/lib/motcua/kiosk-session#g" \
      "$unit" >"$tmp/verify/motcua-$comp.service"
  if [[ "$comp" == kiosk ]] && ! command -v xinit >/dev/null; then
    sed -i "s#/usr/bin/xinit #/bin/true #" "$tmp/verify/motcua-$comp.service"
    echo "note: xinit is not installed here: verified with /bin/true in its place"
  fi
  if out="$(cd "$tmp/verify" && systemd-analyze verify --man=no "./motcua-$comp.service" 2>&1)" &&
     ! grep -q motcua <<<"$out"; then
    pass "systemd-analyze verify motcua-$comp.service: clean"
  else
    fail "systemd-analyze verify motcua-$comp.service: $out"
  fi
  sec="$(systemd-analyze security --offline=true --no-pager "$unit" 2>&1 | grep 'Overall exposure level' || true)"
  level="$(sed -n 's/.*: \([0-9.]*\) \([A-Z]*\).*/\1 \2/p' <<<"$sec")"
  case "$comp:${level#* }" in
    service:PERFECT | service:SAFE | service:OK | hub:PERFECT | hub:SAFE | hub:OK) pass "security motcua-$comp.service: $level" ;;
    kiosk:PERFECT | kiosk:SAFE | kiosk:OK | kiosk:MEDIUM) pass "security motcua-$comp.service: $level (X needs devices)" ;;
    *) fail "systemd-analyze security motcua-$comp.service: '${sec:-no answer}'" ;;
  esac
done

# ---- the maintainer scripts, against stubs -----------------------------------------------------
echo "== maintainer scripts"
stubs="$tmp/stubs"
mkdir -p "$stubs"
cat >"$stubs/stub" <<'EOF'
#!/bin/sh
# Records the call; answers as a fresh machine would (no user, no statoverride, unit enabled).
echo "${0##*/} $*" >>"$STUB_LOG"
case "${0##*/}" in
  getent) exit "${STUB_GETENT:-2}" ;;
  dpkg-statoverride) exit 1 ;;
  cmp) exit 0 ;;
  deb-systemd-helper) [ "$1 $2" = "--quiet is-enabled" ] && exit 1 ;;
esac
exit 0
EOF
chmod +x "$stubs/stub"
for c in adduser addgroup getent dpkg-statoverride chown chmod mkdir install cmp rm rmdir \
         deb-systemd-helper deb-systemd-invoke systemctl useradd groupadd; do
  ln -s stub "$stubs/$c"
done
# run_script PACKAGE SCRIPT ARGS...: the calls it made, in $tmp/calls.
run_script() {
  local pkg="$1" script="$2"
  shift 2
  : >"$tmp/calls"
  if ! env -i PATH="$stubs:/usr/bin:/bin" STUB_LOG="$tmp/calls" STUB_GETENT="${STUB_GETENT:-2}" \
      sh -e "$src/deploy/debian/$pkg/$script" "$@" >"$tmp/script.out" 2>&1; then
    fail "$pkg $script $*: exit status $?: $(cat "$tmp/script.out")"
  fi
}
calls() { grep -E "^($1) " "$tmp/calls" | sort || true; }
expect() {
  local what="$1" expected="$2" actual="$3"
  if [[ "$expected" == "$actual" ]]; then
    pass "$what"
  else
    fail "$what:
$(diff <(echo "$expected") <(echo "$actual") || true)"
  fi
}
for script in "$src"/deploy/debian/*/* "$src/deploy/kiosk/kiosk-session"; do
  sh -n "$script" || fail "sh -n $script"
done

for comp in "${components[@]}"; do
  pkg="motcua-$comp"
  unit="$(unit_file "$comp")"
  failures_before=$failures
  run_script "$pkg" postinst configure ""
  case "$comp" in
    service)
      expect "$pkg postinst: the motcua user" \
        "adduser --system --quiet --group --home /var/lib/motcua --no-create-home motcua" \
        "$(calls 'adduser|addgroup|useradd|groupadd')"
      owners="chmod 0750 /etc/motcua
chmod 0750 /var/lib/motcua
chmod 0750 /var/lib/motcua/backups
chown motcua:motcua /var/lib/motcua
chown motcua:motcua /var/lib/motcua/backups
chown root:motcua /etc/motcua"
      installs=""
      [[ -e /etc/motcua/ward.toml ]] ||
        installs="install -o root -g motcua -m 0640 /usr/share/motcua/ward-demo.toml /etc/motcua/ward.toml"
      ;;
    hub)
      expect "$pkg postinst: the motcua user" \
        "adduser --system --quiet --group --home /var/lib/motcua --no-create-home motcua" \
        "$(calls 'adduser|addgroup|useradd|groupadd')"
      owners="chmod 0750 /etc/motcua
chmod 0750 /var/lib/motcua
chown motcua:motcua /var/lib/motcua
chown root:motcua /etc/motcua"
      installs=""
      [[ -e /etc/motcua/hub.toml ]] ||
        installs="install -o root -g motcua -m 0640 /usr/share/motcua/hub.toml /etc/motcua/hub.toml"
      ;;
    kiosk)
      expect "$pkg postinst: the motcua-kiosk user" \
        "adduser --system --quiet --group --home /var/lib/motcua-kiosk --no-create-home motcua-kiosk" \
        "$(calls 'adduser|addgroup|useradd|groupadd')"
      owners="chmod 0750 /etc/motcua/kiosk
chmod 0750 /var/lib/motcua-kiosk
chown motcua-kiosk:motcua-kiosk /var/lib/motcua-kiosk
chown root:motcua-kiosk /etc/motcua/kiosk"
      [[ -d /etc/motcua ]] || owners="chmod 0755 /etc/motcua
$owners"
      installs=""
      [[ -e /etc/motcua/kiosk.env ]] ||
        installs="install -o root -g motcua-kiosk -m 0640 /usr/share/motcua/kiosk.env /etc/motcua/kiosk.env"
      ;;
  esac
  expect "$pkg postinst: owners and modes" "$(sort <<<"$owners")" "$(calls 'chown|chmod')"
  expect "$pkg postinst: files put in /etc" "$installs" "$(calls install)"
  # Every file it copies comes from the package.
  for from in $(calls install | awk '{print $(NF-1)}'); do
    [[ -f "$tmp/root/$comp$from" ]] || fail "$pkg postinst copies $from, which the package lacks"
  done
  # The service and the hub are enabled at install; the kiosk's autostart is not.
  enabled="$(calls deb-systemd-helper | grep -c " enable $pkg.service" || true)"
  if [[ "$comp" == kiosk ]]; then
    [[ "$enabled" == 0 ]] || fail "$pkg postinst enables its unit"
  else
    [[ "$enabled" == 1 ]] || fail "$pkg postinst does not enable $pkg.service"
  fi
  grep -q '^systemctl \(enable\|start\|restart\)' "$tmp/calls" &&
    fail "$pkg postinst calls systemctl enable/start itself (use deb-systemd-helper/-invoke)"
  # An existing user is kept.
  STUB_GETENT=0 run_script "$pkg" postinst configure "$version-0"
  [[ -z "$(calls 'adduser|addgroup|useradd|groupadd')" ]] || fail "$pkg postinst adds a user that exists"

  # remove keeps the data; purge removes exactly the package's config and data.
  run_script "$pkg" postrm remove
  [[ -z "$(calls 'rm')" ]] || fail "$pkg postrm remove deletes: $(calls rm)"
  run_script "$pkg" postrm purge
  case "$comp" in
    service) removed="rm -f /etc/motcua/ward.toml
rm -rf /var/lib/motcua" ;;
    hub) removed="rm -f /etc/motcua/hub.toml /etc/motcua/hub.env" ;;
    kiosk) removed="rm -f /etc/motcua/kiosk.env
rm -rf /etc/motcua/kiosk /var/lib/motcua-kiosk" ;;
  esac
  expect "$pkg postrm purge: removes" "$removed" "$(calls rm)"
  run_script "$pkg" prerm remove

  # ---- the units' paths are the scripts' and the packages' ----
  user="$(unit_value "$unit" User)"
  STUB_GETENT=2 run_script "$pkg" postinst configure ""
  [[ "$(calls adduser | awk '{print $NF}')" == "$user" ]] || fail "$pkg: User=$user is not the user its postinst adds"
  home="$(calls adduser | sed -n 's/.*--home \([^ ]*\).*/\1/p')"
  state="$(unit_value "$unit" StateDirectory)"
  if [[ -n "$state" ]]; then
    [[ "/var/lib/$state" == "$home" ]] || fail "$pkg: StateDirectory=$state, home $home"
    grep -qx "chown $user:$user /var/lib/$state" "$tmp/calls" || fail "$pkg: postinst does not give /var/lib/$state to $user"
  fi
  confdir="$(unit_value "$unit" ConfigurationDirectory)"
  if [[ -n "$confdir" ]]; then
    grep -qx "chown root:$user /etc/$confdir" "$tmp/calls" || fail "$pkg: postinst does not make /etc/$confdir root:$user"
  fi
  exec_start="$(unit_value "$unit" ExecStart)"
  if [[ "$comp" != kiosk ]]; then  # the kiosk's is xinit (a dependency); its session is below
    [[ -x "$tmp/root/$comp/$(awk '{print $1}' <<<"$exec_start")" ]] || fail "$pkg: ExecStart's program is not in the package"
  fi
  case "$comp" in
    service)
      db="$(sed -n 's/.*--db \([^ ]*\).*/\1/p' <<<"$exec_start")"
      [[ "$(dirname "$db")" == "/var/lib/$state" ]] || fail "$pkg: --db $db is outside /var/lib/$state"
      config="$(sed -n 's/.*--config \([^ ]*\).*/\1/p' <<<"$exec_start")"
      grep -q " $config\$" <<<"$(calls install)$installs" || fail "$pkg: --config $config is not the file postinst writes"
      backup_dir="$(sed -n 's/^dir = "\(.*\)"$/\1/p' "$tmp/root/$comp/usr/share/motcua/ward-demo.toml")"
      [[ "$backup_dir" == "/var/lib/$state/backups" ]] || fail "$pkg: the default config's [backup] dir is '$backup_dir'"
      grep -qx "chown motcua:motcua $backup_dir" "$tmp/calls" || fail "$pkg: postinst does not make $backup_dir"
      grep -q '^\[backup\]$' "$tmp/root/$comp/usr/share/motcua/ward-demo.toml" || fail "$pkg: no [backup] in the default config"
      # The packaged program takes the packaged default config (device add: the cheapest command
      # that loads it and creates a database).
      if ! out="$("$tmp/root/$comp/usr/bin/motcua-service" device add \
                  --config "$tmp/root/$comp/usr/share/motcua/ward-demo.toml" --db "$tmp/ward.db" \
                  --name check --role kiosk 2>&1)"; then
        fail "$pkg: motcua-service refuses the default config: $out"
      fi
      ;;
    hub)
      config="$(sed -n 's/.*--config \([^ ]*\).*/\1/p' <<<"$exec_start")"
      [[ "$config" == /etc/motcua/hub.toml ]] || fail "$pkg: --config $config"
      grep -q 'ConditionPathExists=/etc/motcua/hub.toml' "$unit" || fail "$pkg: starts without hub.toml"
      grep -q '^MOTCUA_HUB_PG=' "$tmp/root/$comp/usr/share/motcua/hub.env" || fail "$pkg: hub.env example lacks MOTCUA_HUB_PG"
      grep -q 'MOTCUA_HUB_PG' <<<"$exec_start" || fail "$pkg: ExecStart does not use MOTCUA_HUB_PG"
      ;;
    kiosk)
      session="$(awk '{print $2}' <<<"$exec_start")"
      [[ -x "$tmp/root/$comp$session" ]] || fail "$pkg: the session $session is not in the package"
      grep -qx "BindReadOnlyPaths=-/etc/motcua/kiosk" "$unit" || fail "$pkg: /etc/motcua/kiosk is not bound in"
      grep -qx "chown root:motcua-kiosk /etc/motcua/kiosk" "$tmp/calls" || fail "$pkg: postinst does not make /etc/motcua/kiosk"
      for var in $(grep -o 'MOTCUA_KIOSK_[A-Z]*' "$tmp/root/$comp$session" | sort -u); do
        grep -q "^#\?$var=" "$tmp/root/$comp/usr/share/motcua/kiosk.env" || fail "$pkg: kiosk.env does not mention $var"
      done
      # Unconfigured: the session's check stops with one line, and starts nothing.
      if out="$(env -i PATH=/usr/bin:/bin sh "$tmp/root/$comp$session" --check 2>&1)"; then
        fail "$pkg: kiosk-session --check passes without kiosk.env's values"
      elif [[ "$out" != *MOTCUA_KIOSK_MODE* ]]; then
        fail "$pkg: kiosk-session --check says: $out"
      fi
      ;;
  esac
  [[ $failures -eq $failures_before ]] && pass "$pkg: the unit's user and paths are the scripts' and the package's"
done

if [[ $failures -ne 0 ]]; then
  echo "$failures failure(s)" >&2
  exit 1
fi
echo "packaging: every check passed"
