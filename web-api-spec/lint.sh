#!/bin/sh
# Lints the contract with the pinned Redocly CLI and bundles it into one file.
#   usage: ./lint.sh [bundle-output-file]   (default: target/openapi/openapi.yaml)
# Uses the machine's Node.js (>= 20.19) and npm; installs the pinned CLI with `npm ci` only when
# node_modules is missing or was installed from a different package-lock.json.
set -eu

cd "$(dirname "$0")"
out="${1:-target/openapi/openapi.yaml}"

for tool in node npm; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "lint.sh: '$tool' not found; install Node.js 20.19+ (with npm) to build web-api-spec" >&2
    exit 1
  fi
done

# no telemetry, no update or announcement checks (and no network use beyond npm ci)
export REDOCLY_TELEMETRY=off
export REDOCLY_SUPPRESS_UPDATE_NOTICE=true
export REDOCLY_SUPPRESS_NOTIFICATIONS=true

lock_hash="$(sha256sum package-lock.json | cut -d' ' -f1)"
stamp=node_modules/.agencyhub-lock.sha256
if [ ! -x node_modules/.bin/redocly ] || [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$lock_hash" ]; then
  echo "lint.sh: installing the pinned Redocly CLI (npm ci)"
  # --ignore-scripts: the CLI needs no install scripts; this also keeps `npm ci` safe when run as root
  npm ci --ignore-scripts --no-audit --no-fund --loglevel=warn
  echo "$lock_hash" > "$stamp"
fi

./node_modules/.bin/redocly lint openapi.yaml --format=stylish
mkdir -p "$(dirname "$out")"
./node_modules/.bin/redocly bundle openapi.yaml --output "$out"
