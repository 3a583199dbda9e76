#!/usr/bin/env bash
# deploy/local/run.sh - run the whole Shipping platform locally with demo data.
# No Docker, no systemd; needs root (infra-up.sh uses apt-get and runuser) and the .NET 10 SDK.
#
# 1. starts PostgreSQL + RabbitMQ on 127.0.0.1 with infra-up.sh (a no-op when already running)
#    and remembers which of them this run started;
# 2. exports the connection settings from $INFRA_DIR/infra.env;
# 3. builds Shipping.sln once;
# 4. starts Web (5000: the customers' tracking page), Timeline (5100), Notifications (5200), the carrier Simulator (5300) and the DHL, UPS,
#    FedEx, EasyPost and USPS adapters (5301-5305) in the
#    background on 127.0.0.1, logging to $LOG_DIR/<service>.log;
# 5. waits (at most $READY_TIMEOUT s in all) until every /health/ready answers 200;
# 6. posts demo orders (one per simulator scenario, plus one with two shipments) and starts
#    their journeys;
# 7. prints the URLs and waits. Ctrl-C or TERM stops the services and, if this run started
#    them, PostgreSQL and RabbitMQ.
#
# Environment: INFRA_DIR (default /tmp/shipping-infra), CONFIGURATION (Debug), LOG_DIR
# ($INFRA_DIR/logs), READY_TIMEOUT (180), DEMO=0 (no demo data), NO_BUILD=1 (skip the build),
# OTEL_EXPORTER_OTLP_ENDPOINT (passed on to the services when set).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
cd "$ROOT"

export INFRA_DIR="${INFRA_DIR:-/tmp/shipping-infra}"
CONFIGURATION="${CONFIGURATION:-Debug}"
LOG_DIR="${LOG_DIR:-$INFRA_DIR/logs}"
READY_TIMEOUT="${READY_TIMEOUT:-180}"
DEMO="${DEMO:-1}"
NO_BUILD="${NO_BUILD:-0}"
SOLUTION=Shipping.sln
API_KEY="demo-key"                     # the demo tenant's key (enabled in Development only)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# name | project | port | OTEL_SERVICE_NAME
SERVICES=(
  "web|services/Web/Shipping.Web.csproj|5000|shipping-web"
  "timeline|services/Timeline/Shipping.Timeline.csproj|5100|shipping-timeline"
  "notifications|services/Notifications/Shipping.Notifications.csproj|5200|shipping-notifications"
  "simulator|services/carriers/Simulator/Shipping.Carriers.Simulator.csproj|5300|shipping-carriers-simulator"
  "dhl|services/carriers/Dhl/Shipping.Carriers.Dhl.csproj|5301|shipping-carriers-dhl"
  "ups|services/carriers/Ups/Shipping.Carriers.Ups.csproj|5302|shipping-carriers-ups"
  "fedex|services/carriers/Fedex/Shipping.Carriers.Fedex.csproj|5303|shipping-carriers-fedex"
  "easypost|services/carriers/EasyPost/Shipping.Carriers.EasyPost.csproj|5304|shipping-carriers-easypost"
  "usps|services/carriers/Usps/Shipping.Carriers.Usps.csproj|5305|shipping-carriers-usps"
)
# The real carriers' adapters start without credentials (they say so in their logs and poll nothing):
# set Carriers__Dhl__ApiKey, Carriers__Ups__ClientId/ClientSecret, ... in the environment to track real parcels.
TIMELINE=http://127.0.0.1:5100
SIMULATOR=http://127.0.0.1:5300

log()  { printf '[run.sh %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
warn() { log "WARNING: $*"; }
die()  { log "ERROR: $*"; exit 1; }
tcp_open() { timeout 2 bash -c "exec 3<>/dev/tcp/127.0.0.1/$1" 2> /dev/null; }
svc_field() { local IFS='|'; local f; read -r -a f <<< "$1"; printf '%s' "${f[$2]}"; }

# ---- cleanup: services first, then the infrastructure this run started ------------------
declare -A PIDS=()                     # service name -> pid (= its process group, see setsid)
started_pg=0; started_rmq=0; cleaned=0
# shellcheck disable=SC2317  # invoked from the traps
cleanup() {
  [ "$cleaned" = 1 ] && return 0
  cleaned=1
  trap '' INT TERM HUP                 # a second Ctrl-C must not cut the cleanup short
  local name pid alive=()
  for name in "${!PIDS[@]}"; do
    pid="${PIDS[$name]}"
    if kill -0 "$pid" 2> /dev/null; then
      log "stopping $name (pid $pid)"
      kill -TERM -- "-$pid" 2> /dev/null || kill -TERM "$pid" 2> /dev/null || true
      alive+=("$pid")
    fi
  done
  if [ "${#alive[@]}" -gt 0 ]; then
    for _ in $(seq 1 40); do            # ASP.NET Core shuts down gracefully on SIGTERM
      local any=0
      for pid in "${alive[@]}"; do if kill -0 "$pid" 2> /dev/null; then any=1; fi; done
      [ "$any" = 0 ] && break
      sleep 0.5
    done
    for pid in "${alive[@]}"; do
      if kill -0 "$pid" 2> /dev/null; then
        warn "pid $pid still running after 20 s; SIGKILL"
        kill -KILL -- "-$pid" 2> /dev/null || kill -KILL "$pid" 2> /dev/null || true
      fi
    done
    wait 2> /dev/null || true
  fi
  local stop=()
  if [ "$started_pg" = 1 ]; then stop+=(postgres); fi
  if [ "$started_rmq" = 1 ]; then stop+=(rabbitmq); fi
  if [ "${#stop[@]}" -gt 0 ]; then
    log "stopping what this run started: ${stop[*]}"
    "$HERE/infra-down.sh" "${stop[@]}" || warn "infra-down.sh ${stop[*]} failed"
  elif [ -f "$INFRA_DIR/infra.env" ]; then
    log "PostgreSQL/RabbitMQ were already running before this run: left running (stop: $HERE/infra-down.sh)"
  fi
  return 0
}
trap cleanup EXIT
trap 'log "interrupted"; exit 130' INT
trap 'log "terminated"; exit 143' TERM
trap 'exit 129' HUP

# ---- preflight -----------------------------------------------------------------------------
[ "$(id -u)" -eq 0 ] || die "run as root (infra-up.sh uses apt-get and runuser)"
command -v dotnet > /dev/null || die "dotnet (the .NET 10 SDK) is not on PATH"
if ! command -v curl > /dev/null; then
  log "installing curl"
  if ! { DEBIAN_FRONTEND=noninteractive apt-get update -qq &&
         DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends curl > /dev/null; }; then
    die "curl is missing and could not be installed"
  fi
fi
[ -f "$SOLUTION" ] || die "$ROOT/$SOLUTION not found"
for svc in "${SERVICES[@]}"; do
  proj="$(svc_field "$svc" 1)"; port="$(svc_field "$svc" 2)"
  [ -f "$proj" ] || die "project $proj not found"
  if tcp_open "$port"; then
    ss -ltnp "sport = :$port" 2> /dev/null | tail -n +2 >&2 || true
    die "127.0.0.1:$port is already in use (an earlier run.sh still running?)"
  fi
done

# ---- infrastructure -------------------------------------------------------------------------
export INFRA_RUN_ID="run-$$-$RANDOM$RANDOM"   # lets us recognise our own $INFRA_DIR/started.env
up_rc=0
"$HERE/infra-up.sh" > /dev/null || up_rc=$?
if [ -f "$INFRA_DIR/started.env" ] && grep -qxF "INFRA_RUN_ID=$INFRA_RUN_ID" "$INFRA_DIR/started.env"; then
  started_pg=$(sed -n 's/^INFRA_STARTED_POSTGRES=//p' "$INFRA_DIR/started.env")
  started_rmq=$(sed -n 's/^INFRA_STARTED_RABBITMQ=//p' "$INFRA_DIR/started.env")
fi
[ "$up_rc" = 0 ] || die "infra-up.sh failed (rc=$up_rc)"
set -a
# shellcheck disable=SC1091  # written by infra-up.sh
. "$INFRA_DIR/infra.env"
set +a

# ---- build ------------------------------------------------------------------------------------
if [ "$NO_BUILD" = 1 ]; then
  log "NO_BUILD=1: using the existing $CONFIGURATION build"
else
  log "dotnet build $SOLUTION -c $CONFIGURATION"
  dotnet build "$SOLUTION" -c "$CONFIGURATION" < /dev/null || die "build failed"
fi

# ---- start the services -----------------------------------------------------------------------
mkdir -p "$LOG_DIR"
for svc in "${SERVICES[@]}"; do
  name="$(svc_field "$svc" 0)"; proj="$(svc_field "$svc" 1)"; port="$(svc_field "$svc" 2)"; otel="$(svc_field "$svc" 3)"
  projdir="$ROOT/$(dirname "$proj")"
  # The built assembly (wherever Directory.Build.props puts it); 'dotnet run' as a fallback.
  dll="$(dotnet msbuild "$proj" -getProperty:TargetPath -p:Configuration="$CONFIGURATION" < /dev/null 2> /dev/null | tail -n 1 || true)"
  if [ -n "$dll" ] && [ -f "$dll" ]; then
    cmd=(dotnet "$dll")
  else
    cmd=(dotnet run --no-build --no-launch-profile -c "$CONFIGURATION" --project "$ROOT/$proj")
  fi
  logfile="$LOG_DIR/$name.log"
  printf '== %s: %s (cwd %s)\n' "$(date '+%F %T')" "${cmd[*]}" "$projdir" > "$logfile"
  # cwd = project directory (content root: appsettings*.json, as with 'dotnet run');
  # setsid: own process group, so Ctrl-C reaches only this script and cleanup() stops the
  # services in order; pid = process group id.
  (
    cd "$projdir"
    exec setsid env ASPNETCORE_ENVIRONMENT=Development ASPNETCORE_URLS="http://127.0.0.1:$port" \
      OTEL_SERVICE_NAME="$otel" "${cmd[@]}"
  ) >> "$logfile" 2>&1 < /dev/null &
  PIDS[$name]=$!
  log "started $name (pid ${PIDS[$name]}) on http://127.0.0.1:$port, log $logfile"
done

# ---- wait until ready ------------------------------------------------------------------------
log "waiting for /health/ready (at most ${READY_TIMEOUT}s)"
deadline=$(( $(date +%s) + READY_TIMEOUT ))
declare -A READY=() LAST=()
while :; do
  pending=0
  for svc in "${SERVICES[@]}"; do
    name="$(svc_field "$svc" 0)"; port="$(svc_field "$svc" 2)"
    [ -n "${READY[$name]:-}" ] && continue
    if ! kill -0 "${PIDS[$name]}" 2> /dev/null; then
      tail -n 40 "$LOG_DIR/$name.log" >&2 || true
      die "$name exited during startup (log: $LOG_DIR/$name.log)"
    fi
    code="$(curl -s -o /dev/null -w '%{http_code}' --max-time 3 "http://127.0.0.1:$port/health/ready" || true)"
    LAST[$name]="$code"
    if [ "$code" = 200 ]; then READY[$name]=1; log "$name is ready"; else pending=1; fi
  done
  [ "$pending" = 0 ] && break
  if [ "$(date +%s)" -ge "$deadline" ]; then
    for svc in "${SERVICES[@]}"; do
      name="$(svc_field "$svc" 0)"; port="$(svc_field "$svc" 2)"
      if [ -z "${READY[$name]:-}" ]; then
        code="${LAST[$name]:-}"; [ "$code" = 000 ] && code="no answer"
        log "NOT READY: $name http://127.0.0.1:$port/health/ready -> ${code:-no answer}; last log lines:"
        tail -n 25 "$LOG_DIR/$name.log" >&2 || true
      fi
    done
    die "not every service became ready within ${READY_TIMEOUT}s"
  fi
  sleep 1
done

# ---- demo data -----------------------------------------------------------------------------
DEMO_ORDERS=()
post_json() {  # url body -> prints the HTTP status; the response body goes to $resp
  curl -s -o "$resp" -w '%{http_code}' --max-time 15 -X POST -H 'Content-Type: application/json' \
       -H "X-Api-Key: $API_KEY" --data "$2" "$1" || true
}
put_json() {  # url body -> prints the HTTP status
  curl -s -o "$resp" -w '%{http_code}' --max-time 15 -X PUT -H 'Content-Type: application/json' \
       -H "X-Api-Key: $API_KEY" --data "$2" "$1" || true
}
if [ "$DEMO" = 1 ]; then
  resp="$(mktemp)"
  promised="$(date -d '+3 days' +%F)"
  brand='{"name":"Demo Shop","logoUrl":null,"primaryColour":"#1F3A5F","accentColour":"#E07A1F","languages":["de","en"],"support":{"email":"support@demo-shop.example","phone":"+49301234567","url":"https://demo-shop.example/help"},"privacyPolicyUrl":"https://demo-shop.example/privacy","faqUrl":"https://demo-shop.example/faq"}'
  code="$(put_json "$TIMELINE/api/brand" "$brand")"
  case "$code" in
    200) log "demo brand set" ;;
    *) warn "PUT $TIMELINE/api/brand -> HTTP ${code:-none}: $(head -c 300 "$resp")" ;;
  esac
  # order | name | email | phone | locale | tracking:scenario ...
  demo=(
    "1001|Erika Mustermann|erika@example.com|+4915112345678|de-DE|SIM1001A:on-time"
    "1002|John Smith|john.smith@example.com|+447700900123|en-GB|SIM1002A:late-estimate"
    "1003|Marie Dupont|marie.dupont@example.com|+33612345678|fr-FR|SIM1003A:failed-attempt"
    "1004|Jan Jansen|jan.jansen@example.com|+31612345678|nl-NL|SIM1004A:exception"
    "1005|Erika Mustermann|erika@example.com|+4915112345678|de-DE|SIM1005A:on-time|SIM1005B:late-estimate"
  )
  journeys=()
  for d in "${demo[@]}"; do
    IFS='|' read -r -a f <<< "$d"
    order="${f[0]}"; shipments=""
    for s in "${f[@]:5}"; do
      shipments+="${shipments:+,}{\"carrier\":\"simulator\",\"trackingNumber\":\"${s%%:*}\",\"service\":\"standard\",\"origin\":{\"postalCode\":\"04435\",\"countryCode\":\"DE\"}}"
      journeys+=("${s%%:*}:${s#*:}")
    done
    body="{\"orderNumber\":\"$order\",\"customer\":{\"name\":\"${f[1]}\",\"email\":\"${f[2]}\",\"phone\":\"${f[3]}\",\"locale\":\"${f[4]}\",\"timeZone\":\"Europe/Berlin\",\"smsOptIn\":true},\"deliveryAddress\":{\"name\":\"${f[1]}\",\"street\":\"Musterstraße\",\"houseNumber\":\"1\",\"postalCode\":\"10115\",\"city\":\"Berlin\",\"countryCode\":\"DE\"},\"promisedDeliveryDate\":\"$promised\",\"shipments\":[$shipments]}"
    code="$(post_json "$TIMELINE/api/orders" "$body")"
    case "$code" in
      200|201) log "demo order $order created (HTTP $code)"; DEMO_ORDERS+=("$order") ;;
      *) warn "POST $TIMELINE/api/orders (order $order) -> HTTP ${code:-none}: $(head -c 300 "$resp")" ;;
    esac
  done
  for j in "${journeys[@]}"; do
    tn="${j%%:*}"; scenario="${j#*:}"
    code="$(post_json "$SIMULATOR/api/journeys" "{\"trackingNumber\":\"$tn\",\"scenario\":\"$scenario\"}")"
    case "$code" in
      2??) log "journey $tn ($scenario) started (HTTP $code)" ;;
      *) warn "POST $SIMULATOR/api/journeys ($tn $scenario) -> HTTP ${code:-none}: $(head -c 300 "$resp")" ;;
    esac
  done
  rm -f "$resp"
fi

# ---- what to open ------------------------------------------------------------------------------
{
  echo
  echo "Shipping is running locally (Ctrl-C stops it)."
  echo
  echo "Services (health: <url>/health/live, <url>/health/ready):"
  for svc in "${SERVICES[@]}"; do
    printf '  %-14s http://127.0.0.1:%s   (pid %s, log %s/%s.log)\n' \
      "$(svc_field "$svc" 0)" "$(svc_field "$svc" 2)" "${PIDS[$(svc_field "$svc" 0)]}" "$LOG_DIR" "$(svc_field "$svc" 0)"
  done
  echo
  if [ "${#DEMO_ORDERS[@]}" -gt 0 ]; then
    echo "Demo order timelines (API key header required; journeys advance over time):"
    for o in "${DEMO_ORDERS[@]}"; do
      echo "  curl -s -H 'X-Api-Key: $API_KEY' $TIMELINE/api/orders/$o/timeline"
    done
    echo
  fi
  echo "Tracking page (demo shop): http://127.0.0.1:5000/demo/lookup  (order 1001, postcode 10115)"
  echo "Support console:           http://127.0.0.1:5000/console  (admin@shipping.example / demo-admin-password;"
  echo "                           the first sign-in sets up the second factor with an authenticator app)"
  echo
  echo "RabbitMQ management UI: http://127.0.0.1:15672  (guest / guest)"
  echo "PostgreSQL:             ${ConnectionStrings__Postgres:-}"
  if [ -n "${OTEL_EXPORTER_OTLP_ENDPOINT:-}" ]; then echo "OTLP export to:         $OTEL_EXPORTER_OTLP_ENDPOINT"; fi
  echo
}

# ---- wait ----------------------------------------------------------------------------------------
# Returns when a service exits by itself (then everything is stopped) or on Ctrl-C/TERM.
pids=("${PIDS[@]}")
exited=""; status=0
wait -n -p exited "${pids[@]}" || status=$?
for name in "${!PIDS[@]}"; do
  if [ "${PIDS[$name]}" = "$exited" ]; then
    tail -n 30 "$LOG_DIR/$name.log" >&2 || true
    die "$name (pid $exited) exited with status $status (log: $LOG_DIR/$name.log); stopping everything"
  fi
done
die "a service exited (status $status); stopping everything"
