#!/bin/sh
# A small stand-in for the official mariadb image's entrypoint: honours MARIADB_* (and the older MYSQL_*)
# ROOT_PASSWORD, DATABASE, USER and PASSWORD, initialises the data directory on first start with a server that
# listens on a socket only, then runs the real server on port 3306.
set -eu

if [ "${1:-mariadbd}" != "mariadbd" ] && [ "${1:-}" != "mysqld" ]; then
  exec "$@"
fi
[ $# -gt 0 ] && shift

root_pw="${MARIADB_ROOT_PASSWORD:-${MYSQL_ROOT_PASSWORD:-}}"
db="${MARIADB_DATABASE:-${MYSQL_DATABASE:-}}"
user="${MARIADB_USER:-${MYSQL_USER:-}}"
pw="${MARIADB_PASSWORD:-${MYSQL_PASSWORD:-}}"
datadir=/var/lib/mysql

if [ ! -d "$datadir/mysql" ]; then
  mkdir -p "$datadir" /run/mysqld
  chown -R mysql:mysql "$datadir" /run/mysqld
  mariadb-install-db --user=mysql --datadir="$datadir" --skip-test-db --auth-root-authentication-method=normal >/dev/null
  mariadbd --user=mysql --datadir="$datadir" --skip-networking --socket=/tmp/init.sock &
  pid=$!
  i=0
  until mariadb --socket=/tmp/init.sock -uroot -e "SELECT 1" >/dev/null 2>&1; do
    i=$((i + 1))
    [ "$i" -lt 300 ] || { echo "docker-entrypoint: the init server did not start" >&2; exit 1; }
    sleep 0.1
  done
  {
    if [ -n "$root_pw" ]; then
      echo "ALTER USER 'root'@'localhost' IDENTIFIED BY '$root_pw';"
      echo "CREATE USER 'root'@'%' IDENTIFIED BY '$root_pw'; GRANT ALL ON *.* TO 'root'@'%' WITH GRANT OPTION;"
    fi
    [ -z "$db" ] || echo "CREATE DATABASE IF NOT EXISTS \`$db\`;"
    if [ -n "$user" ] && [ "$user" != "root" ]; then
      echo "CREATE USER '$user'@'%' IDENTIFIED BY '$pw';"
      if [ -n "$db" ]; then echo "GRANT ALL ON \`$db\`.* TO '$user'@'%';"; fi
    fi
    echo "FLUSH PRIVILEGES;"
  } | mariadb --socket=/tmp/init.sock -uroot
  kill "$pid"
  wait "$pid" || true
fi

exec mariadbd --user=mysql --datadir="$datadir" --bind-address=0.0.0.0 --port=3306 --socket=/tmp/mysqld.sock "$@"
