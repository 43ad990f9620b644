#!/bin/sh
# Runs one lab process in the foreground, the tutorial's way: `cd node1; ./start.sh`.
#   ./start.sh [--lab FILE] [--port-offset N]
# Redis and Sentinel rewrite their config files, so the process runs on a copy kept in the lab's run directory
# (the same one redis-ha-tui uses: .run/<lab file name>-<port offset>/<name>/, e.g. .run/lab-0/node1) and lab/
# stays as it is. --lab and --port-offset pick the run directory as they do for redis-ha-tui; by default the
# lab.json beside lab/, with its own PortOffset.
set -e
# Files this script and Redis create are for their owner only: with Lab:Auth on, the working copy holds the
# password, and Redis's CONFIG REWRITE recreates it with mode 0644 & ~umask.
umask 077
here=$(cd "$1" && pwd)
shift
name=$(basename "$here")
top=$(cd "$here/../.." && pwd)

usage() { echo "usage: ./start.sh [--lab FILE] [--port-offset N]   (runs $name in the foreground; Ctrl+C stops it)"; }
lab_file=
offset=
while [ $# -gt 0 ]; do
  case "$1" in
    --lab) [ $# -ge 2 ] || { usage >&2; exit 2; }; lab_file=$2; shift 2 ;;
    --lab=*) lab_file=${1#--lab=}; shift ;;
    --port-offset) [ $# -ge 2 ] || { usage >&2; exit 2; }; offset=$2; shift 2 ;;
    --port-offset=*) offset=${1#--port-offset=}; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "$name: unknown option $1" >&2; usage >&2; exit 2 ;;
  esac
done

# The lab file: as given from here, else beside lab/ (where redis-ha-tui looks), else none (the defaults).
if [ -z "$lab_file" ]; then
  lab_file="$top/lab.json"
elif [ -f "$lab_file" ]; then
  lab_file="$(cd "$(dirname "$lab_file")" && pwd)/$(basename "$lab_file")"
elif [ -f "$top/$lab_file" ]; then
  lab_file="$top/$lab_file"
else
  echo "$name: no lab file $lab_file (here or in $top)" >&2
  exit 2
fi
# One setting of the lab file, read the simple way (no JSON parser in sh): "Key": value on one line.
setting() { [ -f "$lab_file" ] && sed -n "s/.*\"$1\"[[:space:]]*:[[:space:]]*\"\{0,1\}\([^\",}]*\)\"\{0,1\}.*/\1/p" "$lab_file" | head -n 1 | sed 's/[[:space:]]*$//'; }
# The same order as redis-ha-tui: the lab file, then REDISHATUI_Lab__… variables, then the command line.
[ -n "$offset" ] || offset=${REDISHATUI_Lab__PortOffset:-$(setting PortOffset)}
offset=${offset:-0}
case "$offset" in ''|*[!0-9-]*) echo "$name: --port-offset needs a whole number, got '$offset'" >&2; exit 2 ;; esac
run_setting=${REDISHATUI_Lab__RunDirectory:-$(setting RunDirectory)}
run_setting=${run_setting:-.run}
lab_dir=$(dirname "$lab_file")
stem=$(basename "$lab_file"); stem=${stem%.*}
case "$run_setting" in /*) run="$run_setting/$stem-$offset" ;; *) run="$lab_dir/$run_setting/$stem-$offset" ;; esac
work="$run/$name"
mkdir -p "$work"

if [ -f "$here/sentinel.conf" ]; then conf=sentinel.conf; binary=redis-sentinel; else conf=redis.conf; binary=redis-server; fi
# Keep an existing copy: it holds what Redis rewrote (the tutorial's files change in place too), and, for a lab
# redis-ha-tui ran, the ports of its offset and the password (requirepass, masterauth, sentinel auth-pass) it wrote.
if [ ! -f "$work/$conf" ]; then
  # A first start by hand: the template, every port in it shifted by the offset (port, replicaof, sentinel monitor).
  awk -v off="$offset" '
    $1 == "port" { $2 = $2 + off }
    $1 == "replicaof" || $1 == "slaveof" { $3 = $3 + off }
    $1 == "sentinel" && $2 == "monitor" { $5 = $5 + off }
    { print }' "$here/$conf" > "$work/$conf"
fi
port=$(awk '$1 == "port" { print $2; exit }' "$work/$conf")
if [ "$offset" != 0 ]; then
  echo "$name: port $port (port offset $offset), working copy $work/$conf" >&2
fi
if grep -q '^requirepass' "$work/$conf"; then
  echo "$name: password on (Lab:Auth); for redis-cli: REDISCLI_AUTH=\"\$(cat $run/secrets/password)\" redis-cli -p $port" >&2
  command -v redis-cli >/dev/null 2>&1 || echo "$name: redis-cli is not on PATH: \`redis-ha-tui cli $name\` passes the password itself, or eval \"\$(redis-ha-tui env)\" puts it on PATH" >&2
fi

# Prefer Redis on PATH, else the lab file's Redis:InstallDirectory, else the copy redis-ha-tui unpacked for all of
# this user's labs (see README), else an older project-local .redis/.
home=${HOME:-$(getent passwd "$(id -u)" 2>/dev/null | cut -d: -f6)}
install=$(setting InstallDirectory)
case "$install" in '') ;; /*) ;; *) install="$lab_dir/$install" ;; esac
for redis in ${install:+"$install"} "${XDG_CACHE_HOME:-$home/.cache}/redis-ha-tui/redis" "$top/.redis"; do
  if ! command -v "$binary" >/dev/null 2>&1 && [ -x "$redis/usr/bin/$binary" ]; then
    PATH="$redis/usr/bin:$PATH"
    LD_LIBRARY_PATH="$redis/usr/lib:$redis/usr/lib/x86_64-linux-gnu${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
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
