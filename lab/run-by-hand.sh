#!/bin/sh
# Runs one lab process in the foreground, the tutorial's way: `cd node1; ./start.sh`.
# Redis and Sentinel rewrite their config files, so the process runs on a copy kept in the run
# directory (.run/lab-0/<name>/, the same one redis-ha-tui uses) and lab/ stays as it is.
set -e
# Files this script and Redis create are for their owner only: with Lab:Auth on, the working copy holds the
# password, and Redis's CONFIG REWRITE recreates it with mode 0644 & ~umask.
umask 077
here=$(cd "$1" && pwd)
name=$(basename "$here")
top=$(cd "$here/../.." && pwd)
work="$top/.run/lab-0/$name"
mkdir -p "$work"

if [ -f "$here/sentinel.conf" ]; then conf=sentinel.conf; binary=redis-sentinel; else conf=redis.conf; binary=redis-server; fi
# Keep an existing copy: it holds what Redis rewrote (the tutorial's files change in place too), and, for a lab
# redis-ha-tui ran with Lab:Auth on, the password (requirepass, masterauth, sentinel auth-pass) it wrote there.
[ -f "$work/$conf" ] || cp "$here/$conf" "$work/$conf"
if grep -q '^requirepass' "$work/$conf"; then
  echo "$name: password on (Lab:Auth); for redis-cli: REDISCLI_AUTH=\"\$(cat $top/.run/lab-0/secrets/password)\" redis-cli -p PORT" >&2
fi

# Prefer Redis on PATH, else the copy redis-ha-tui unpacked for all of this user's labs (see README), else an
# older project-local .redis/.
for redis in "${XDG_CACHE_HOME:-$HOME/.cache}/redis-ha-tui/redis" "$top/.redis"; do
  if ! command -v "$binary" >/dev/null 2>&1 && [ -x "$redis/usr/bin/$binary" ]; then
    PATH="$redis/usr/bin:$PATH"
    LD_LIBRARY_PATH="$redis/usr/lib/x86_64-linux-gnu${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
    export PATH LD_LIBRARY_PATH
  fi
done
command -v "$binary" >/dev/null 2>&1 || {
  echo "$binary not found: install Redis (sudo apt-get install redis-server redis-sentinel), or run redis-ha-tui once to unpack it into ~/.cache/redis-ha-tui/redis" >&2
  exit 127
}

cd "$work"
# The log also goes to a file, so `redis-ha-tui --no-start` can show it.
"$binary" "./$conf" 2>&1 | tee -a "$work/$name.log"
