#!/usr/bin/env bash
# deploy/local/test.sh - the project's test command (also what .ci/run executes).
#
#   deploy/local/test.sh [SOLUTION_OR_PROJECT [extra 'dotnet test' arguments...]]
#
# 1. starts the local PostgreSQL + RabbitMQ with infra-up.sh (a no-op when they already run) and
#    remembers which of them this run started;
# 2. exports the connection settings from $INFRA_DIR/infra.env (ConnectionStrings__Postgres,
#    ConnectionStrings__RabbitMq, ...);
# 3. installs Debian's chromium when missing (the Web tests drive it with Playwright);
#    runs 'dotnet test' on Shipping.sln (or the given solution/project) with a TRX logger into a
#    fresh results folder;
# 4. stops only the servers this run started (also on failure, Ctrl-C or TERM);
# 5. prints, as its last line, 'N passed, N failed' (+ ', N skipped' when any were skipped),
#    summed from the TRX files.
# Exit code: non-zero when the build or any test failed, or when no test ran.
#
# Environment: INFRA_DIR (default /tmp/shipping-infra), SKIP_INFRA=1 (use the
# ConnectionStrings__* already in the environment, start nothing), TEST_RESULTS_DIR (parent of
# the results folder, default $TMPDIR or /tmp). Needs root for infra-up.sh (apt-get, runuser).
# Works without a terminal (CI=true, no stdin).
set -uo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"

TARGET="${1:-Shipping.sln}"
if [ $# -gt 0 ]; then
  shift
  # A path given relative to the caller's directory stays valid after the cd below.
  if [ -e "$TARGET" ]; then TARGET="$(cd "$(dirname "$TARGET")" && pwd)/$(basename "$TARGET")"; fi
fi
cd "$ROOT" || exit 1

export INFRA_DIR="${INFRA_DIR:-/tmp/shipping-infra}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export MSBUILDDISABLENODEREUSE=1       # no MSBuild worker nodes left behind after the run

log() { printf '[test.sh %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

started_pg=0; started_rmq=0; test_pid=""; cleaned=0
cleanup() {
  [ "$cleaned" = 1 ] && return 0
  cleaned=1
  if [ -n "$test_pid" ] && kill -0 "$test_pid" 2> /dev/null; then
    log "stopping dotnet test (pid $test_pid)"
    kill -TERM "$test_pid" 2> /dev/null
    for _ in $(seq 1 20); do kill -0 "$test_pid" 2> /dev/null || break; sleep 0.5; done
    kill -KILL "$test_pid" 2> /dev/null
    wait "$test_pid" 2> /dev/null
  fi
  local stop=()
  if [ "$started_pg" = 1 ]; then stop+=(postgres); fi
  if [ "$started_rmq" = 1 ]; then stop+=(rabbitmq); fi
  if [ "${#stop[@]}" -gt 0 ]; then
    log "stopping what this run started: ${stop[*]}"
    "$HERE/infra-down.sh" "${stop[@]}" || log "WARNING: infra-down.sh ${stop[*]} failed"
  fi
  if [ "${CI:-}" = true ]; then dotnet build-server shutdown > /dev/null 2>&1 || true; fi
  return 0
}
trap cleanup EXIT
trap 'log "interrupted"; exit 130' INT
trap 'log "terminated"; exit 143' TERM

# ---- infrastructure -----------------------------------------------------------------------
if [ "${SKIP_INFRA:-0}" = 1 ]; then
  log "SKIP_INFRA=1: not starting PostgreSQL/RabbitMQ; using the environment as it is"
else
  # INFRA_RUN_ID lets us tell our own started.env from one left by an earlier run.
  export INFRA_RUN_ID="test-$$-$RANDOM$RANDOM"
  up_rc=0
  "$HERE/infra-up.sh" > /dev/null || up_rc=$?
  if [ -f "$INFRA_DIR/started.env" ] && grep -qxF "INFRA_RUN_ID=$INFRA_RUN_ID" "$INFRA_DIR/started.env"; then
    started_pg=$(sed -n 's/^INFRA_STARTED_POSTGRES=//p' "$INFRA_DIR/started.env")
    started_rmq=$(sed -n 's/^INFRA_STARTED_RABBITMQ=//p' "$INFRA_DIR/started.env")
  fi
  if [ "$up_rc" != 0 ]; then
    log "ERROR: infra-up.sh failed (rc=$up_rc)"
    cleanup
    echo "0 passed, 0 failed"
    exit 1
  fi
  set -a
  # shellcheck disable=SC1091  # written by infra-up.sh
  . "$INFRA_DIR/infra.env"
  set +a
fi

# ---- browser -------------------------------------------------------------------------------
# Web.Tests drive Debian's chromium with Playwright (its own browser download cannot work here).
if [ ! -x /usr/bin/chromium ]; then
  log "installing chromium for the browser tests"
  { DEBIAN_FRONTEND=noninteractive apt-get update -qq &&
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium > /dev/null; } < /dev/null ||
    log "WARNING: chromium could not be installed; the browser tests will fail"
fi

# ---- tests --------------------------------------------------------------------------------
results_parent="${TEST_RESULTS_DIR:-${TMPDIR:-/tmp}}"
mkdir -p "$results_parent"
RESULTS_DIR="$(mktemp -d "$results_parent/shipping-test-results.XXXXXX")"
log "dotnet test $TARGET (TRX files: $RESULTS_DIR)"
# Background + wait: a trapped INT/TERM interrupts 'wait' at once and cleanup() stops the run.
dotnet test "$TARGET" --logger trx --results-directory "$RESULTS_DIR" "$@" < /dev/null &
test_pid=$!
wait "$test_pid"
test_rc=$?
test_pid=""

# ---- count ----------------------------------------------------------------------------------
# passed / failed (+error, timeout, aborted) from each TRX file's <Counters>; skipped = results
# with outcome NotExecuted (xunit's skips; the notExecuted counter stays 0 for them).
counts="$(python3 - "$RESULTS_DIR" <<'PY'
import sys, pathlib, xml.etree.ElementTree as ET
ns = "{http://microsoft.com/schemas/VisualStudio/TeamTest/2010}"
passed = failed = skipped = 0
for trx in sorted(pathlib.Path(sys.argv[1]).rglob("*.trx")):
    try:
        root = ET.parse(trx).getroot()
    except ET.ParseError as e:
        print(f"unreadable TRX {trx}: {e}", file=sys.stderr)
        failed += 1
        continue
    c = root.find(f"{ns}ResultSummary/{ns}Counters")
    if c is not None:
        n = lambda k: int(c.get(k, "0") or 0)
        passed += n("passed")
        failed += n("failed") + n("error") + n("timeout") + n("aborted")
    skipped += sum(1 for r in root.iter(f"{ns}UnitTestResult") if r.get("outcome") == "NotExecuted")
print(passed, failed, skipped)
PY
)" || counts="0 0 0"
read -r passed failed skipped <<< "$counts"

cleanup

summary="$passed passed, $failed failed"
if [ "${skipped:-0}" -gt 0 ]; then summary="$summary, $skipped skipped"; fi
rc=0
if [ "$test_rc" != 0 ]; then log "dotnet test exited with $test_rc (build or test failure)"; rc=1; fi
if [ "$failed" -gt 0 ]; then rc=1; fi
if [ $((passed + failed)) -eq 0 ]; then log "no test ran"; rc=1; fi
log "TRX files kept in $RESULTS_DIR"
echo "$summary"
exit "$rc"
