#!/usr/bin/env bash
# Builds the page and serves it at http://127.0.0.1:8080, rebuilding on every change.
set -euo pipefail
# shellcheck source=scripts/env.sh
. "$(dirname "${BASH_SOURCE[0]}")/env.sh"
# shellcheck source=scripts/page-env.sh
. "$ROOT/scripts/page-env.sh"
cd "$ROOT"

bash scripts/setup.sh

address=127.0.0.1
port=${PORT:-8080}
url="http://$address:$port/"

log "building and serving the page (release)"
trunk serve --release --address "$address" --port "$port" &
server=$!
trap 'kill "$server" 2>/dev/null || true' EXIT INT TERM

# The address is printed only once the page answers, so it can be opened straight away.
until node -e "require('http').get('$url', r => process.exit(r.statusCode === 200 ? 0 : 1)).on('error', () => process.exit(1))"; do
  if ! kill -0 "$server" 2>/dev/null; then
    wait "$server"
    exit $?
  fi
  sleep 1
done
echo "Coroutine Lab: ${url%/}"
wait "$server"
