#!/bin/sh
# Start this process in the foreground (Ctrl+C stops it): ./start.sh [--lab FILE] [--port-offset N]. See ../run-by-hand.sh.
exec "$(dirname "$0")/../run-by-hand.sh" "$(dirname "$0")" "$@"
