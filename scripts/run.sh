#!/usr/bin/env bash
# Builds Dubao (scripts/setup.sh) and runs it on the default library: the dubao GUI when it is built and a
# display is available; otherwise imports the corpus (../shared/corpus, or the project's own sample issue when
# that folder is absent) with dubao-cli and lists the library.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

scripts/setup.sh

build_dir="${DUBAO_BUILD_DIR:-build}"

if [[ -x "$build_dir/app/dubao" ]]; then
    if [[ -n "${DISPLAY:-}" || -n "${WAYLAND_DISPLAY:-}" || -n "${QT_QPA_PLATFORM:-}" ]]; then
        exec "$build_dir/app/dubao" "$@"
    fi
    echo "run: no display (DISPLAY, WAYLAND_DISPLAY and QT_QPA_PLATFORM are unset); running the command-line import instead" >&2
fi

if [[ -d ../shared/corpus ]]; then
    source_dir=../shared/corpus
else
    source_dir=resources/sample
fi

status=0
"$build_dir/app/dubao-cli" import "$source_dir" || status=$?
"$build_dir/app/dubao-cli" list || status=$?
exit "$status"
