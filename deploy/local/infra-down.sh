#!/usr/bin/env bash
# deploy/local/infra-down.sh - stop the PostgreSQL and RabbitMQ started by infra-up.sh (same
# INFRA_DIR / RMQ_NODENAME). Safe to re-run. Stops only those two servers (and epmd, if their
# node started it and no other Erlang node still uses it); never kills anything by name.
#   infra-down.sh [--purge] [postgres] [rabbitmq]
#   postgres, rabbitmq   stop only the named server(s) (default: both); callers use this with
#                        $INFRA_DIR/started.env to stop only what their infra-up.sh run started
#   --purge              also delete the state under $INFRA_DIR (data, logs, infra.env);
#                        only together with stopping both servers
#
# Adapted from a reference stop-infra.sh checked on this kind of machine.
set -euo pipefail

INFRA_DIR="${INFRA_DIR:-/tmp/shipping-infra}"
RMQ_NODENAME="${RMQ_NODENAME:-rabbit_infra@localhost}"
PURGE=0; STOP_PG=0; STOP_RMQ=0
usage() { echo "usage: $0 [--purge] [postgres] [rabbitmq]" >&2; exit 2; }
for arg in "$@"; do
  case "$arg" in
    --purge) PURGE=1 ;;
    postgres) STOP_PG=1 ;;
    rabbitmq) STOP_RMQ=1 ;;
    *) usage ;;
  esac
done
if [ "$STOP_PG" = 0 ] && [ "$STOP_RMQ" = 0 ]; then STOP_PG=1; STOP_RMQ=1; fi
if [ "$PURGE" = 1 ] && { [ "$STOP_PG" = 0 ] || [ "$STOP_RMQ" = 0 ]; }; then
  echo "$0: --purge stops and deletes both servers; do not name only one" >&2; exit 2
fi

PG_DIR="$INFRA_DIR/postgres"; PG_DATA="$PG_DIR/data"
RMQ_DIR="$INFRA_DIR/rabbitmq"; RMQBIN=/usr/lib/rabbitmq/bin

T_START=$(date +%s.%N)
log()   { printf '[infra-down %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die()   { log "ERROR: $*"; exit 1; }
since() { awk -v s="$1" -v e="$(date +%s.%N)" 'BEGIN { printf "%.1fs", e - s }'; }
alive() { local s; s=$(ps -o stat= -p "$1" 2> /dev/null) && [ -n "$s" ] && [ "${s:0:1}" != Z ]; }  # zombie = dead
rmq_owned() { alive "$1" && [ "$(ps -o uid= -p "$1" | tr -d ' ')" = "$(id -u rabbitmq)" ]; }

[ "$(id -u)" -eq 0 ] || die "run as root"
if [ ! -d "$INFRA_DIR" ]; then log "nothing to stop ($INFRA_DIR does not exist)"; exit 0; fi
exec 9>"$INFRA_DIR/.lock"
flock -w 300 9 || die "another infra-up/infra-down.sh holds $INFRA_DIR/.lock"

# ---- PostgreSQL -----------------------------------------------------------------------
PGBIN="$(ls -d /usr/lib/postgresql/*/bin 2> /dev/null | sort -V | tail -n1)"
as_pg() { (cd / && runuser -u postgres -- "$@" 9>&-); }
if [ "$STOP_PG" = 0 ]; then
  :
elif [ -s "$PG_DATA/PG_VERSION" ] && [ -n "$PGBIN" ] && as_pg "$PGBIN/pg_ctl" -D "$PG_DATA" status > /dev/null 2>&1; then
  t=$(date +%s.%N)
  # fast = roll back open transactions, disconnect clients, clean shutdown
  as_pg "$PGBIN/pg_ctl" -D "$PG_DATA" -m fast -w -t 60 stop > /dev/null \
    || as_pg "$PGBIN/pg_ctl" -D "$PG_DATA" -m immediate -w -t 30 stop > /dev/null
  log "postgres: stopped in $(since "$t")"
else
  log "postgres: not running"
fi

# ---- RabbitMQ -------------------------------------------------------------------------
if [ "$STOP_RMQ" = 0 ]; then
  :
elif [ -d "$RMQ_DIR" ] && [ -x "$RMQBIN/rabbitmqctl" ]; then
  if [ -f "$RMQ_DIR/rabbitmqctl.env" ]; then . "$RMQ_DIR/rabbitmqctl.env"; else export RABBITMQ_NODENAME="$RMQ_NODENAME"; fi
  rmqctl() { (cd /var/lib/rabbitmq && runuser -u rabbitmq -- "$RMQBIN/rabbitmqctl" "$@" 9>&-); }
  pid=$(cat "$RMQ_DIR/rabbit.pid" 2> /dev/null || true)
  signalled=0
  t=$(date +%s.%N)
  # No epmd = no running node; skip rabbitmqctl then (it would start an epmd of its own).
  if epmd -names > /dev/null 2>&1; then epmd_up=1; else epmd_up=0; fi
  if [ "$epmd_up" = 1 ] && rmqctl -q ping > /dev/null 2>&1; then
    node_pid=$(rmqctl -q eval 'os:getpid().' 2> /dev/null | tr -dc 0-9)
    [ -n "$pid" ] && [ "$node_pid" = "$pid" ] \
      || die "node $RABBITMQ_NODENAME (pid ${node_pid:-?}) was not started from $RMQ_DIR; not stopping it"
    # 'shutdown' stops the node and waits for its OS process to exit (~8 s on 3.10).
    if ! rmqctl -q shutdown --timeout 120 > /dev/null 2>&1; then
      log "rabbitmq: 'rabbitmqctl shutdown' failed; sending SIGTERM to pid $pid"
      if rmq_owned "$pid"; then kill -TERM "$pid"; fi
    fi
    signalled=1
  elif [ -n "$pid" ] && rmq_owned "$pid"; then
    log "rabbitmq: node not answering; sending SIGTERM to its pid $pid"   # SIGTERM = clean stop
    kill -TERM "$pid"; signalled=1
  else
    log "rabbitmq: not running"
  fi
  if [ "$signalled" = 1 ]; then
    for _ in $(seq 1 60); do rmq_owned "$pid" || break; sleep 0.5; done
    if rmq_owned "$pid"; then log "rabbitmq: pid $pid still alive after 30 s; SIGKILL"; kill -KILL "$pid" || true; fi
    log "rabbitmq: node $RABBITMQ_NODENAME stopped in $(since "$t")"
  fi
  rm -f "$RMQ_DIR/rabbit.pid"
  # epmd: stop it only if our node started it and no other Erlang node is registered.
  if [ -f "$RMQ_DIR/.epmd-started-here" ]; then
    if ! epmd -names > /dev/null 2>&1; then
      rm -f "$RMQ_DIR/.epmd-started-here"
    elif epmd -names 2> /dev/null | grep -q '^name '; then
      log "epmd: left running (other Erlang nodes registered: $(epmd -names | awk '/^name /{print $2}' | xargs))"
    else
      epmd -kill > /dev/null 2>&1 || true
      rm -f "$RMQ_DIR/.epmd-started-here"
      log "epmd: stopped"
    fi
  fi
else
  log "rabbitmq: not running"
fi

if [ "$PURGE" = 1 ]; then
  # only what infra-up.sh and run.sh create (INFRA_DIR may have been pointed somewhere odd)
  rm -rf "$PG_DIR" "$RMQ_DIR" "$INFRA_DIR/logs" "$INFRA_DIR/infra.env" "$INFRA_DIR/infra.env.tmp" \
         "$INFRA_DIR/started.env" "$INFRA_DIR/started.env.tmp"
  rm -f "$INFRA_DIR/.lock"; rmdir "$INFRA_DIR" 2> /dev/null || true
  log "purged $INFRA_DIR"
fi
log "done in $(since "$T_START")"
