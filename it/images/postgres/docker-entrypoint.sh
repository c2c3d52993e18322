#!/bin/sh
# A small stand-in for the official postgres image's entrypoint: honours POSTGRES_USER, POSTGRES_PASSWORD and
# POSTGRES_DB, initialises the cluster on first start, and, like the official image, logs "database system is ready
# to accept connections" twice (once for the init server, once for the real one), which Testcontainers waits for.
# As the official image, it declares its PGDATA a volume, so that the plugin puts it on a tmpfs.
set -eu

if [ "${1:-postgres}" != "postgres" ]; then
  exec "$@"
fi

# Like the official image: started as root, it makes PGDATA the postgres user's (a fresh volume or tmpfs belongs
# to root), then runs itself again as that user.
if [ "$(id -u)" = 0 ]; then
  mkdir -p "$PGDATA"
  chown postgres:postgres "$PGDATA"
  chmod 700 "$PGDATA"
  exec setpriv --reuid=postgres --regid=postgres --init-groups "$0" "$@"
fi
[ $# -gt 0 ] && shift

user="${POSTGRES_USER:-postgres}"
db="${POSTGRES_DB:-$user}"
password="${POSTGRES_PASSWORD:-}"
if [ -z "$password" ]; then
  echo "docker-entrypoint: POSTGRES_PASSWORD is required" >&2
  exit 1
fi

if [ ! -s "$PGDATA/PG_VERSION" ]; then
  pwfile="$(mktemp)"
  printf '%s\n' "$password" >"$pwfile"
  initdb --username="$user" --pwfile="$pwfile" --auth-local=trust --auth-host=scram-sha-256 \
    --encoding=UTF8 --locale=C.UTF-8 -D "$PGDATA" >/dev/null
  rm -f "$pwfile"
  {
    echo "listen_addresses = '*'"
    echo "unix_socket_directories = '/tmp'"
  } >>"$PGDATA/postgresql.conf"
  echo "host all all all scram-sha-256" >>"$PGDATA/pg_hba.conf"
  pg_ctl -D "$PGDATA" -o "-c listen_addresses=''" -w start
  if [ "$db" != "postgres" ]; then
    psql -h /tmp -U "$user" -d postgres -v ON_ERROR_STOP=1 -q -c "CREATE DATABASE \"$db\""
  fi
  pg_ctl -D "$PGDATA" -m fast -w stop
fi

exec postgres -D "$PGDATA" "$@"
