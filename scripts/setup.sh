#!/usr/bin/env bash
# Installs what building, running and testing Dubao needs on Debian 12, then configures and builds build/.
# Idempotent: apt is skipped when every package is already installed, so repeated runs are fast and offline.
#
# Environment:
#   DUBAO_JOBS        parallel build jobs (default 2)
#   DUBAO_BUILD_DIR   build folder (default build, relative to the repository root)
#   DUBAO_SKIP_BUILD  set to 1 to install packages only
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

jobs="${DUBAO_JOBS:-2}"
build_dir="${DUBAO_BUILD_DIR:-build}"

packages=(
    build-essential cmake ninja-build pkg-config
    qt6-base-dev qt6-svg-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n qt6-qpa-plugins
    libqt6sql6-sqlite libgl-dev libicu-dev libsqlite3-dev sqlite3 zlib1g-dev
    xvfb xauth fonts-noto-cjk
    unzip  # the ODT export test reads content.xml back (it fails without it)
    libpango1.0-dev libcairo2-dev libmd4c-dev zlib1g-dev  # PDF layout, notes' Markdown, ODT/REFI-QDA packages
    poppler-utils jing libxml2-utils  # the export tests' consumers: pdftotext/pdfinfo, ODF RelaxNG, REFI-QDA XSD
    python3  # the reuse export tests read its CSV, JSON and HTML back with Python's csv, json and html.parser
    libpq-dev libqt6sql6-psql postgresql-15  # team libraries: libpq, Qt's QPSQL driver, the server the tests start
    qtkeychain-qt6-dev  # a team library's password in the platform keychain (Secret Service), when one runs
    gnome-keyring dbus-daemon  # tst_teamkeychain: a Secret Service on a D-Bus session bus of its own, headless
)

missing=()
for package in "${packages[@]}"; do
    status="$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)"
    if [[ "$status" != "install ok installed" ]]; then
        missing+=("$package")
    fi
done

if ((${#missing[@]} > 0)); then
    echo "setup: installing ${missing[*]}"
    sudo=()
    if [[ "$(id -u)" -ne 0 ]]; then
        sudo=(sudo)
    fi
    export DEBIAN_FRONTEND=noninteractive
    "${sudo[@]}" apt-get update
    "${sudo[@]}" apt-get install -y --no-install-recommends "${missing[@]}"
else
    echo "setup: all ${#packages[@]} packages already installed"
fi

if [[ "${DUBAO_SKIP_BUILD:-0}" == 1 ]]; then
    exit 0
fi

# Pass the generator only on the first configure: CMake refuses to switch generators in an existing cache.
generator=()
if [[ ! -f "$build_dir/CMakeCache.txt" ]]; then
    generator=(-G Ninja)
fi
cmake -S . -B "$build_dir" "${generator[@]}" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DDUBAO_WERROR=ON
cmake --build "$build_dir" --parallel "$jobs"
