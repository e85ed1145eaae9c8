#!/usr/bin/env bash
# Starts a streaming replica of the PostgreSQL server at 127.0.0.1:5432 on PORT (default 5433), for
# DATABASE_READ_URL and the replica test: a copy made by pg_basebackup (-R: standby.signal and
# primary_conninfo), in /var/lib/postgresql/15/replica-PORT, run by pg_ctl as the postgres user.
# Idempotent: a replica already streaming is left alone, a stopped one is started, one that cannot
# catch up (its WAL recycled on the primary: no slot is kept, so an abandoned replica never makes the
# shared primary keep WAL) is made again. Run as root. Stop: su postgres -c "pg_ctl -D <dir> stop".
set -euo pipefail
port=${1:-5433}
bin=/usr/lib/postgresql/15/bin
data=/var/lib/postgresql/15/replica-$port
primary="-h 127.0.0.1 -p 5432 -U postgres"
as_postgres() { runuser -u postgres -- "$@"; }
q() { psql $primary -d postgres -qtAc "$1"; }

# Replication connections are not matched by pg_hba's `all` database: they need a `replication`
# line. Adding one for 127.0.0.1 (trust, as the existing lines) takes a reload, not a restart.
# wal_level (replica) and max_wal_senders (10) are Debian's defaults; they would need a restart.
[ "$(q 'show wal_level')" != minimal ] || { echo "primary has wal_level=minimal: needs a restart" >&2; exit 1; }
[ "$(q 'show max_wal_senders')" -gt 0 ] || { echo "primary has max_wal_senders=0: needs a restart" >&2; exit 1; }
hba=$(q 'show hba_file')
if ! grep -Eq '^\s*host\s+replication\s+(all|postgres)\s+127\.0\.0\.1/32' "$hba"; then
  printf '# streaming replicas on this machine (scripts/start-replica.sh)\nhost replication all 127.0.0.1/32 trust\n' >>"$hba"
  q 'select pg_reload_conf()' >/dev/null
  sleep 1
fi

streaming() {
  [ "$(psql -h 127.0.0.1 -p "$port" -U postgres -d postgres -qtAc \
    "select pg_is_in_recovery() and exists (select 1 from pg_stat_wal_receiver where status = 'streaming')" \
    2>/dev/null)" = t ]
}

make_replica() {
  as_postgres "$bin/pg_ctl" -D "$data" -m fast stop >/dev/null 2>&1 || true
  rm -rf "$data"
  install -d -o postgres -g postgres -m 700 "$data"
  as_postgres "$bin/pg_basebackup" $primary -D "$data" -X stream -R --checkpoint=fast
  # Debian keeps postgresql.conf and pg_hba.conf in /etc, so the copy has none. A hot standby needs
  # these limits at least as high as the primary's.
  {
    echo "port = $port"
    echo "listen_addresses = '127.0.0.1'"
    echo "unix_socket_directories = '/var/run/postgresql'"
    echo "hot_standby = on"
    # Long reads are not cancelled by the primary's vacuum of rows they still see.
    echo "hot_standby_feedback = on"
    for setting in max_connections max_worker_processes max_wal_senders max_prepared_transactions \
      max_locks_per_transaction; do
      echo "$setting = $(q "show $setting")"
    done
    echo "logging_collector = off"
  } | as_postgres tee "$data/postgresql.conf" >/dev/null
  printf 'local all all trust\nhost all all 127.0.0.1/32 trust\n' | as_postgres tee "$data/pg_hba.conf" >/dev/null
  : | as_postgres tee "$data/pg_ident.conf" >/dev/null
}

start() {
  as_postgres "$bin/pg_ctl" -D "$data" -l "$data/replica.log" -w -t 60 start >/dev/null
}

wait_streaming() {
  for _ in $(seq 1 60); do streaming && return 0; sleep 0.5; done
  return 1
}

if streaming; then
  :
elif [ -f "$data/standby.signal" ] && { as_postgres "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1 || start; } \
  && wait_streaming; then
  :
else
  make_replica
  start
  wait_streaming || { echo "replica on $port is not streaming; see $data/replica.log" >&2; exit 1; }
fi
echo "replica of 127.0.0.1:5432 streaming on 127.0.0.1:$port ($data)"
