#!/usr/bin/env bash
# Builds and runs every test twice: in build/ (RelWithDebInfo, -Werror) and in build-asan/ (Debug, -Werror,
# AddressSanitizer + UndefinedBehaviorSanitizer), then the exports read back by their real consumers
# (scripts/consumers.sh, ctest label "consumers", in build/). Runs all of them even when one fails; exits
# non-zero if anything failed. Every ctest summary is printed.
#
# Environment:
#   DUBAO_JOBS        parallel build and test jobs (default 2)
#   DUBAO_SKIP_ASAN   set to 1 to skip the sanitizer build
#   DUBAO_SKIP_CONSUMERS  set to 1 to skip the exports' consumers (scripts/consumers.sh: LibreOffice, citeproc-js,
#                     jsonld; installs them on first use)
set -uo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

jobs="${DUBAO_JOBS:-2}"
failures=()

if ! scripts/setup.sh; then
    echo "test: setup or build failed" >&2
    exit 1
fi

# --no-tests=error: a build that registers no test must not pass silently.
# The consumers label needs LibreOffice and npm packages: scripts/consumers.sh installs them and runs it.
ctest --test-dir build --output-on-failure --no-tests=error -LE consumers -j "$jobs" || failures+=("ctest in build/")

if [[ "${DUBAO_SKIP_ASAN:-0}" != 1 ]]; then
    generator=()
    if [[ ! -f build-asan/CMakeCache.txt ]]; then
        generator=(-G Ninja)
    fi
    if cmake -S . -B build-asan "${generator[@]}" -DCMAKE_BUILD_TYPE=Debug -DDUBAO_SANITIZE=ON -DDUBAO_WERROR=ON &&
        cmake --build build-asan --parallel "$jobs"; then
        ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
            UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
            ctest --test-dir build-asan --output-on-failure --no-tests=error -LE consumers -j "$jobs" ||
            failures+=("ctest in build-asan/")
    else
        failures+=("sanitizer build in build-asan/")
    fi
fi

if [[ "${DUBAO_SKIP_CONSUMERS:-0}" != 1 ]]; then
    scripts/consumers.sh || failures+=("the exports' consumers (scripts/consumers.sh)")
fi

if ((${#failures[@]} > 0)); then
    for failure in "${failures[@]}"; do
        echo "test: FAILED: $failure" >&2
    done
    exit 1
fi
echo "test: all test runs passed"
