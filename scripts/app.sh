#!/usr/bin/env bash
# Sets everything up, then starts the Jiwon desktop app.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
exec .venv/bin/jiwon "$@"
