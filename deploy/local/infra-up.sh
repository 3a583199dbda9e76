#!/usr/bin/env bash
# deploy/local/infra-up.sh - idempotently install (if missing) and start a throwaway PostgreSQL
# and RabbitMQ bound to 127.0.0.1 for the Shipping services, wait until both are ready, print
# connection strings. PostgreSQL also listens on a Unix socket in $INFRA_DIR/postgres, which the
# services' connection string uses.
#
# Needs root (apt-get, runuser). Needs neither systemd nor Docker. Safe to re-run:
# whatever is already installed, initialised or running is left as it is.
# All state (data, logs, pid files, sockets) lives under $INFRA_DIR; stop with
# infra-down.sh (add --purge to delete the state as well).
# Output: progress on stderr; connection settings as raw KEY=value lines on stdout
# (and shell-quoted in $INFRA_DIR/infra.env: 'set -a; . "$INFRA_DIR/infra.env"; set +a'),
# including ConnectionStrings__Postgres and ConnectionStrings__RabbitMq, the keys the .NET
# services and tests read.
# What this invocation itself started is recorded in $INFRA_DIR/started.env
# (INFRA_STARTED_POSTGRES=0|1, INFRA_STARTED_RABBITMQ=0|1, INFRA_RUN_ID=$INFRA_RUN_ID; rewritten
# by every run), so that a caller can stop only that: e.g. 'infra-down.sh postgres' (see run.sh
# and test.sh).
#
# Adapted from a reference start-infra.sh checked on this kind of machine.
#
# Tested on Debian 12 (bookworm): postgresql 15, rabbitmq-server 3.10.8 / Erlang 25.
set -euo pipefail

# ---- settings (override through the environment) -------------------------------
INFRA_DIR="${INFRA_DIR:-/tmp/shipping-infra}"       # must be reachable by users postgres and rabbitmq
PG_PORT="${PG_PORT:-5432}"
PG_DB="${PG_DB:-shipping}"
PG_USER="${PG_USER:-shipping}"
PG_PASSWORD="${PG_PASSWORD:-shipping}"                # throwaway loopback-only cluster
PG_FAST="${PG_FAST:-1}"                            # 1 = fsync/synchronous_commit/full_page_writes off (throwaway data)
PG_EXTRA_OPTS="${PG_EXTRA_OPTS:-}"                 # more server options, e.g. '-c shared_preload_libraries=pg_stat_statements'
RMQ_PORT="${RMQ_PORT:-5672}"
RMQ_DIST_PORT="${RMQ_DIST_PORT:-25672}"            # Erlang distribution (rabbitmqctl <-> node)
RMQ_MGMT_PORT="${RMQ_MGMT_PORT:-15672}"
RMQ_MANAGEMENT="${RMQ_MANAGEMENT:-1}"              # 1 = enable rabbitmq_management (HTTP UI/API)
RMQ_NODENAME="${RMQ_NODENAME:-rabbit_infra@localhost}"  # @localhost: no dependence on the machine's hostname
RMQ_EPMD_PORT="${RMQ_EPMD_PORT:-4369}"             # Erlang port mapper; another port isolates from other Erlang apps
RMQ_USER="${RMQ_USER:-guest}"                      # guest/guest is allowed from loopback only
RMQ_PASSWORD="${RMQ_PASSWORD:-guest}"
WAIT_SECS="${WAIT_SECS:-120}"

PG_DIR="$INFRA_DIR/postgres"; PG_DATA="$PG_DIR/data"
RMQ_DIR="$INFRA_DIR/rabbitmq"

# ---- helpers ----------------------------------------------------------------------
T_START=$(date +%s.%N)
log()   { printf '[infra-up %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die()   { log "ERROR: $*"; exit 1; }
since() { awk -v s="$1" -v e="$(date +%s.%N)" 'BEGIN { printf "%.1fs", e - s }'; }
tcp_open() { timeout 2 bash -c "exec 3<>/dev/tcp/127.0.0.1/$1" 2>/dev/null; }

[ "$(id -u)" -eq 0 ] || die "run as root (it uses apt-get and runuser)"
mkdir -p "$INFRA_DIR"
chmod 755 "$INFRA_DIR"
exec 9>"$INFRA_DIR/.lock"
flock -w 300 9 || die "another infra-up/infra-down.sh holds $INFRA_DIR/.lock"

# What this run started (not what was already running). Rewritten as soon as a server is
# started, so a caller can clean up even when this script fails half-way.
STARTED_FILE="$INFRA_DIR/started.env"
started_pg=0; started_rmq=0
# INFRA_RUN_ID (optional, set by the caller) is copied in, so the caller can tell this run's
# record from an older one (e.g. when this script died before writing it).
record_started() {
  printf 'INFRA_STARTED_POSTGRES=%s\nINFRA_STARTED_RABBITMQ=%s\nINFRA_RUN_ID=%s\n' \
    "$started_pg" "$started_rmq" "${INFRA_RUN_ID:-}" > "$STARTED_FILE.tmp"
  mv -f "$STARTED_FILE.tmp" "$STARTED_FILE"
}
record_started

apt_install() {
  local t; t=$(date +%s.%N)
  log "installing $* with apt-get (no service is started by the package)"
  # policy-rc.d exit 101 = 'do not start services from maintainer scripts'; keep an existing one.
  local own_policy=0
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d; chmod 755 /usr/sbin/policy-rc.d; own_policy=1
  fi
  local rc=0
  { DEBIAN_FRONTEND=noninteractive apt-get update -qq &&
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null; } || rc=$?
  if [ "$own_policy" = 1 ]; then rm -f /usr/sbin/policy-rc.d; fi
  [ "$rc" = 0 ] || die "apt-get install $* failed (rc=$rc)"
  log "installed $* in $(since "$t")"
}

# ---- install what is missing ----------------------------------------------------------
pg_bindir() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1; }
missing=()
[ -n "$(pg_bindir)" ] || missing+=(postgresql)
[ -x /usr/lib/rabbitmq/bin/rabbitmq-server ] || missing+=(rabbitmq-server)
[ "${#missing[@]}" -eq 0 ] || apt_install "${missing[@]}"
PGBIN="$(pg_bindir)"; [ -x "$PGBIN/pg_ctl" ] || die "no pg_ctl under /usr/lib/postgresql/*/bin"
RMQBIN=/usr/lib/rabbitmq/bin; [ -x "$RMQBIN/rabbitmqctl" ] || die "no $RMQBIN/rabbitmqctl"

# ---- PostgreSQL -----------------------------------------------------------------------
# initdb/pg_ctl refuse to run as root: run them as the 'postgres' system user, from '/'
# (running them from /root prints 'could not change directory to "/root"').
as_pg()  { (cd / && runuser -u postgres -- "$@" 9>&-); }   # 9>&-: daemons must not inherit the lock fd
psql_su() { as_pg "$PGBIN/psql" -h "$PG_DIR" -p "$PG_PORT" -U postgres -d postgres -X -q -At -v ON_ERROR_STOP=1 "$@"; }

t=$(date +%s.%N)
mkdir -p "$PG_DIR"; chown postgres:postgres "$PG_DIR"; chmod 755 "$PG_DIR"
as_pg test -w "$PG_DIR" || die "user postgres cannot write $PG_DIR (parent directory not traversable?)"
if [ ! -s "$PG_DATA/PG_VERSION" ]; then
  rm -rf "$PG_DATA"                                 # leftovers of an interrupted initdb
  locale_opt=(--no-locale)
  if locale -a 2>/dev/null | grep -qiE '^c\.utf-?8$'; then locale_opt=(--locale=C.UTF-8); fi
  as_pg "$PGBIN/initdb" -D "$PG_DATA" -U postgres -E UTF8 "${locale_opt[@]}" \
        --auth-local=peer --auth-host=scram-sha-256 > "$PG_DIR/initdb.log" 2>&1 \
    || { tail -n 20 "$PG_DIR/initdb.log" >&2; die "initdb failed (log: $PG_DIR/initdb.log)"; }
  log "postgres: initdb $PG_DATA done in $(since "$t")"
fi

# The services connect through the Unix socket in $PG_DIR (ConnectionStrings__Postgres below): on one machine it costs
# PostgreSQL and the services less CPU per round trip than loopback TCP. Password login for $PG_USER there (first
# match wins, so this line goes before initdb's 'local all all peer'); TCP stays open for other tools.
hba_line="local   all             $PG_USER                                scram-sha-256"
hba_changed=0
if ! grep -qxF "$hba_line" "$PG_DATA/pg_hba.conf"; then
  as_pg sh -c 'f="$1/pg_hba.conf"; { printf "%s\n" "$2"; cat "$f"; } > "$f.tmp" && mv -f "$f.tmp" "$f"' _ "$PG_DATA" "$hba_line"
  hba_changed=1
fi

if as_pg "$PGBIN/pg_ctl" -D "$PG_DATA" status > /dev/null 2>&1; then
  running_port=$(sed -n 4p "$PG_DATA/postmaster.pid" 2>/dev/null || true)
  [ "$running_port" = "$PG_PORT" ] || die "postgres already running from $PG_DATA on port $running_port, not $PG_PORT (infra-down.sh first)"
  log "postgres: already running (pid $(head -n1 "$PG_DATA/postmaster.pid"), port $PG_PORT)"
  if [ "$hba_changed" = 1 ]; then as_pg "$PGBIN/pg_ctl" -D "$PG_DATA" reload > /dev/null; fi
else
  if tcp_open "$PG_PORT"; then die "127.0.0.1:$PG_PORT is in use by another process (another postgres? set PG_PORT)"; fi
  t=$(date +%s.%N)
  pg_opts="-c listen_addresses=127.0.0.1 -p $PG_PORT -k $PG_DIR"
  if [ "$PG_FAST" = 1 ]; then pg_opts="$pg_opts -c fsync=off -c synchronous_commit=off -c full_page_writes=off"; fi
  if [ -n "$PG_EXTRA_OPTS" ]; then pg_opts="$pg_opts $PG_EXTRA_OPTS"; fi
  as_pg "$PGBIN/pg_ctl" -D "$PG_DATA" -l "$PG_DIR/server.log" -w -t "$WAIT_SECS" -o "$pg_opts" start > /dev/null \
    || { tail -n 20 "$PG_DIR/server.log" >&2; die "postgres failed to start (log: $PG_DIR/server.log)"; }
  started_pg=1; record_started
  log "postgres: started on 127.0.0.1:$PG_PORT in $(since "$t")"
fi
"$PGBIN/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT" -t "$WAIT_SECS" || die "postgres not accepting TCP connections"

# role + database; re-running just re-applies the password.
psql_su -v u="$PG_USER" -v p="$PG_PASSWORD" -v d="$PG_DB" <<'SQL'
SELECT format('CREATE ROLE %I', :'u') WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'u')
\gexec
SELECT format('ALTER ROLE %I WITH LOGIN CREATEDB PASSWORD %L', :'u', :'p')
\gexec
SELECT format('CREATE DATABASE %I OWNER %I', :'d', :'u') WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = :'d')
\gexec
SQL
PGPASSWORD="$PG_PASSWORD" "$PGBIN/psql" -X -q -At -h 127.0.0.1 -p "$PG_PORT" -U "$PG_USER" -d "$PG_DB" -c 'SELECT 1' > /dev/null \
  || die "cannot log in to postgres as $PG_USER over TCP"
PGPASSWORD="$PG_PASSWORD" "$PGBIN/psql" -X -q -At -h "$PG_DIR" -p "$PG_PORT" -U "$PG_USER" -d "$PG_DB" -c 'SELECT 1' > /dev/null \
  || die "cannot log in to postgres as $PG_USER through the socket in $PG_DIR"
log "postgres: ready (database $PG_DB, user $PG_USER)"

# ---- RabbitMQ -------------------------------------------------------------------------
# Everything the node and rabbitmqctl need comes from these variables; the same set is
# written to $RMQ_DIR/rabbitmqctl.env so that '. rabbitmqctl.env; rabbitmqctl ...' works by hand.
mkdir -p "$RMQ_DIR/mnesia" "$RMQ_DIR/log"
rmq_env=(
  RABBITMQ_NODENAME="$RMQ_NODENAME"
  RABBITMQ_DIST_PORT="$RMQ_DIST_PORT"
  RABBITMQ_CONFIG_FILE="$RMQ_DIR/rabbitmq.conf"
  RABBITMQ_ADVANCED_CONFIG_FILE="$RMQ_DIR/advanced.config"
  RABBITMQ_CONF_ENV_FILE="$RMQ_DIR/rabbitmq-env.conf"
  RABBITMQ_MNESIA_BASE="$RMQ_DIR/mnesia"
  RABBITMQ_LOG_BASE="$RMQ_DIR/log"
  RABBITMQ_PID_FILE="$RMQ_DIR/rabbit.pid"
  RABBITMQ_ENABLED_PLUGINS_FILE="$RMQ_DIR/enabled_plugins"
  ERL_EPMD_ADDRESS=127.0.0.1
  ERL_EPMD_PORT="$RMQ_EPMD_PORT"
)
export "${rmq_env[@]}"
for kv in "${rmq_env[@]}"; do printf 'export %s=%q\n' "${kv%%=*}" "${kv#*=}"; done > "$RMQ_DIR/rabbitmqctl.env"
# Run the Debian scripts as the 'rabbitmq' user directly (HOME=/var/lib/rabbitmq -> its
# .erlang.cookie). Unlike the /usr/sbin wrappers (su -c "<string>") arguments are not re-parsed.
rmqctl() { (cd /var/lib/rabbitmq && runuser -u rabbitmq -- "$RMQBIN/rabbitmqctl" "$@" 9>&-); }

# A running node is always registered with epmd; with no epmd there is nothing to ping (and any
# rabbitmqctl call would start an epmd of its own). Remember whether epmd will be ours.
if epmd -names > /dev/null 2>&1; then epmd_up=1; else epmd_up=0; touch "$RMQ_DIR/.epmd-started-here"; fi
if [ "$epmd_up" = 1 ] && rmqctl -q ping > /dev/null 2>&1; then
  node_pid=$(rmqctl -q eval 'os:getpid().' 2> /dev/null | tr -dc 0-9)
  [ "$node_pid" = "$(cat "$RMQ_DIR/rabbit.pid" 2> /dev/null)" ] \
    || die "a node named $RMQ_NODENAME (pid ${node_pid:-?}) is running but was not started from $RMQ_DIR; set RMQ_NODENAME"
  log "rabbitmq: node $RMQ_NODENAME already running (pid $node_pid)"
else
  ports=("$RMQ_PORT" "$RMQ_DIST_PORT"); if [ "$RMQ_MANAGEMENT" = 1 ]; then ports+=("$RMQ_MGMT_PORT"); fi
  for p in "${ports[@]}"; do
    if tcp_open "$p"; then die "127.0.0.1:$p is in use by another process (system rabbitmq-server? set RMQ_PORT/RMQ_DIST_PORT/RMQ_MGMT_PORT)"; fi
  done
  t=$(date +%s.%N)
  cat > "$RMQ_DIR/rabbitmq.conf" <<EOF
listeners.tcp.1 = 127.0.0.1:$RMQ_PORT
distribution.listener.interface = 127.0.0.1
management.tcp.ip = 127.0.0.1
management.tcp.port = $RMQ_MGMT_PORT
loopback_users.guest = true
EOF
  # Keeps /etc/rabbitmq/rabbitmq-env.conf out of this node. The Erlang schedulers do not spin while idle (+sbwt none):
  # on a small machine shared with PostgreSQL and the services, busy-waiting takes CPU they need.
  echo 'SERVER_ADDITIONAL_ERL_ARGS="+sbwt none +sbwtdcpu none +sbwtdio none"' > "$RMQ_DIR/rabbitmq-env.conf"
  if [ "$RMQ_MANAGEMENT" = 1 ]; then echo '[rabbitmq_management].' > "$RMQ_DIR/enabled_plugins"
  else echo '[].' > "$RMQ_DIR/enabled_plugins"; fi
  chown -R rabbitmq:rabbitmq "$RMQ_DIR"
  rm -f "$RMQ_DIR/rabbit.pid"                       # stale pid file would confuse 'rabbitmqctl wait'
  # runuser/su (pam_limits) drop the soft 'nofile' limit to 1024: raise it to the hard limit.
  (cd /var/lib/rabbitmq && runuser -u rabbitmq -- sh -c 'ulimit -n "$(ulimit -Hn)" 2>/dev/null; exec "$0" "$@"' \
     "$RMQBIN/rabbitmq-server" -detached 9>&- >&2)
  started_rmq=1; record_started                     # even if the wait below fails: the caller may stop it
  # NB: 'rabbitmqctl await_startup' straight after -detached fails at once (node not yet
  # registered with epmd); 'wait <pidfile>' waits for the pid file, then for the boot.
  if ! rmqctl wait --timeout "$WAIT_SECS" "$RMQ_DIR/rabbit.pid" > "$RMQ_DIR/wait.log" 2>&1; then
    cat "$RMQ_DIR/wait.log" >&2; tail -n 30 "$RMQ_DIR/log/"*.log >&2 2>/dev/null || true
    die "rabbitmq failed to start (logs: $RMQ_DIR/log)"
  fi
  log "rabbitmq: node $RMQ_NODENAME started in $(since "$t")"
fi
rmqctl -q await_startup --timeout "$WAIT_SECS" > /dev/null || die "rabbitmq did not finish booting"
tcp_open "$RMQ_PORT" || die "rabbitmq is up but 127.0.0.1:$RMQ_PORT is not listening"
if [ "$RMQ_USER" != guest ]; then
  if rmqctl -q list_users | awk '{print $1}' | grep -qxF "$RMQ_USER"; then
    rmqctl -q change_password "$RMQ_USER" "$RMQ_PASSWORD" > /dev/null
  else
    rmqctl -q add_user "$RMQ_USER" "$RMQ_PASSWORD" > /dev/null
  fi
  rmqctl -q set_user_tags "$RMQ_USER" administrator > /dev/null
  rmqctl -q set_permissions -p / "$RMQ_USER" '.*' '.*' '.*' > /dev/null
fi
rmqctl -q authenticate_user "$RMQ_USER" "$RMQ_PASSWORD" > /dev/null || die "rabbitmq rejects $RMQ_USER"
log "rabbitmq: ready (amqp 127.0.0.1:$RMQ_PORT, user $RMQ_USER)"

# ---- connection strings ---------------------------------------------------------------
urlenc() {  # percent-encode for use inside a URL
  local s="$1" out="" c i
  for ((i = 0; i < ${#s}; i++)); do
    c="${s:i:1}"
    case "$c" in [a-zA-Z0-9.~_-]) out+="$c" ;; *) out+=$(printf '%%%02X' "'$c") ;; esac
  done
  printf '%s' "$out"
}
csval() {  # quote a value for an ADO.NET-style 'Key=Value;' connection string if needed
  case "$1" in *[\;\=\"\'\ ]*) printf '"%s"' "${1//\"/\"\"}" ;; *) printf '%s' "$1" ;; esac
}
out=(
  POSTGRES_CONNECTION_STRING="Host=127.0.0.1;Port=$PG_PORT;Database=$(csval "$PG_DB");Username=$(csval "$PG_USER");Password=$(csval "$PG_PASSWORD")"
  POSTGRES_URL="postgresql://$(urlenc "$PG_USER"):$(urlenc "$PG_PASSWORD")@127.0.0.1:$PG_PORT/$(urlenc "$PG_DB")"
  RABBITMQ_URL="amqp://$(urlenc "$RMQ_USER"):$(urlenc "$RMQ_PASSWORD")@127.0.0.1:$RMQ_PORT/"
  RABBITMQ_HOST=127.0.0.1
  RABBITMQ_AMQP_PORT="$RMQ_PORT"
  RABBITMQ_USERNAME="$RMQ_USER"
  RABBITMQ_PASSWORD="$RMQ_PASSWORD"
)
if [ "$RMQ_MANAGEMENT" = 1 ]; then out+=(RABBITMQ_MANAGEMENT_URL="http://127.0.0.1:$RMQ_MGMT_PORT/"); fi
# The configuration keys the Shipping services and tests read (IConfiguration: '__' = ':').
out+=(
  ConnectionStrings__Postgres="Host=$(csval "$PG_DIR");Port=$PG_PORT;Database=$(csval "$PG_DB");Username=$(csval "$PG_USER");Password=$(csval "$PG_PASSWORD")"
  ConnectionStrings__RabbitMq="amqp://$(urlenc "$RMQ_USER"):$(urlenc "$RMQ_PASSWORD")@127.0.0.1:$RMQ_PORT/"
)
for kv in "${out[@]}"; do printf '%s=%q\n' "${kv%%=*}" "${kv#*=}"; done > "$INFRA_DIR/infra.env.tmp"
mv -f "$INFRA_DIR/infra.env.tmp" "$INFRA_DIR/infra.env"
log "all ready in $(since "$T_START"); shell-quoted copy: $INFRA_DIR/infra.env (set -a; . $INFRA_DIR/infra.env; set +a)"
# stdout carries only these raw KEY=value lines (logs go to stderr), e.g. deploy/local/infra-up.sh >> "$GITHUB_ENV"
printf '%s\n' "${out[@]}"
