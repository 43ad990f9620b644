#!/bin/sh
# Start this process in the foreground (Ctrl+C stops it). See ../run-by-hand.sh.
exec "$(dirname "$0")/../run-by-hand.sh" "$(dirname "$0")"
