#!/usr/bin/env bash
# Install test of the built .deb, the way a user installs it: `apt-get install ./trunkops_*.deb`
# (apt resolves the Depends from the archive; `dpkg -i` does not). Then it checks what the package put
# on the system, runs `trunkops --help` and the smoke test against the installed command, purges the
# package and checks that nothing of it is left. Needs root and a .deb in target/deb/ (mvn -Pdist,deb).
#
# Exit status: 0 all checks passed; 1 a check failed; 2 no .deb or not root.
set -euo pipefail

cd "$(dirname "$0")/.."

say() { printf 'deb-test: %s\n' "$*"; }
fail() { say "FAIL: $*" >&2; exit 1; }

shopt -s nullglob
debs=(target/deb/trunkops_*.deb)
shopt -u nullglob
((${#debs[@]} == 1)) || { say "expected one target/deb/trunkops_*.deb, found ${#debs[@]} (mvn -B -Pdist,deb -DskipTests package)"; exit 2; }
[[ $EUID == 0 ]] || { say "must run as root (it installs and purges the package)"; exit 2; }
deb=${debs[0]}

export DEBIAN_FRONTEND=noninteractive
installed=0
cleanup() {
    if ((installed)); then apt-get purge -y -q trunkops >/dev/null 2>&1 || true; fi
}
trap cleanup EXIT

# apt needs package lists to resolve the Depends (the apt phase of .ci/run skips apt-get update when
# nothing was missing)
if ! compgen -G '/var/lib/apt/lists/*_Packages' >/dev/null; then
    apt-get update -q
fi

say "apt-get install -y ./$deb"
installed=1
apt-get install -y -q "./$deb"
[[ $(dpkg-query -W -f='${Status}' trunkops) == "install ok installed" ]] || fail "trunkops is not configured"

# what postinst promised: the command, the menu entry and the icon, linked into /opt/trunkops
[[ $(command -v trunkops) == /usr/bin/trunkops ]] || fail "no trunkops command on PATH"
[[ $(readlink -f /usr/bin/trunkops) == /opt/trunkops/bin/trunkops ]] || fail "/usr/bin/trunkops does not lead to /opt/trunkops/bin/trunkops"
[[ -f /usr/share/applications/trunkops.desktop ]] || fail "no menu entry /usr/share/applications/trunkops.desktop"
grep -qx 'Exec=/opt/trunkops/bin/trunkops' /usr/share/applications/trunkops.desktop || fail "the menu entry does not start /opt/trunkops/bin/trunkops"
[[ -f /usr/share/icons/hicolor/256x256/apps/trunkops.png ]] || fail "no icon in /usr/share/icons/hicolor/256x256/apps"
if command -v desktop-file-validate >/dev/null 2>&1; then
    desktop-file-validate /usr/share/applications/trunkops.desktop || fail "desktop-file-validate"
fi
say "installed: $(dpkg-query -W -f='${Package} ${Version}' trunkops), /usr/bin/trunkops, menu entry, icon"

# --help: a usage text and exit 0, without a display; an unknown option: one line and exit 2
help_rc=0
help_out=$(env -u DISPLAY -u WAYLAND_DISPLAY timeout 60 trunkops --help 2>&1) || help_rc=$?
((help_rc == 0)) || fail "trunkops --help exited $help_rc: $(tail -3 <<<"$help_out")"
grep -qi 'usage' <<<"$help_out" || fail "trunkops --help exited 0 without a usage text: $(head -3 <<<"$help_out")"
say "trunkops --help: exit 0, usage text ($(wc -l <<<"$help_out") lines)"
bad_rc=0
bad_out=$(env -u DISPLAY -u WAYLAND_DISPLAY timeout 60 trunkops --no-such-option 2>&1) || bad_rc=$?
((bad_rc == 2)) || fail "trunkops --no-such-option exited $bad_rc (expected 2): $(tail -3 <<<"$bad_out")"
say "trunkops --no-such-option: exit 2, $(wc -l <<<"$bad_out") line(s)"

SMOKE_APP=/usr/bin/trunkops packaging/smoke-test.sh

say "apt-get purge -y trunkops"
apt-get purge -y -q trunkops
installed=0
if dpkg-query -W -f='${Status}' trunkops 2>/dev/null | grep -q installed; then fail "trunkops still installed"; fi
for left in /usr/bin/trunkops /usr/share/applications/trunkops.desktop \
            /usr/share/icons/hicolor/256x256/apps/trunkops.png /opt/trunkops; do
    if [[ -e $left || -L $left ]]; then fail "$left is left after purge"; fi
done
say "purged: nothing left"
