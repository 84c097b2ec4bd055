#!/usr/bin/env bash
# Builds the libFuzzer harnesses (tests/fuzz/) with clang into build-fuzz/ and runs each for a bounded time,
# seeded with the corpus (../shared/corpus, or resources/sample when it is absent): the files themselves, their
# UTF-16/GB18030/Big5 transcodings and slices of them, all made in a temporary folder (the corpus is never copied
# into the project), plus every regression input in tests/core/data/fuzz-regressions/. Prints libFuzzer's final
# statistics per harness and a summary (executions, executions/s, coverage). Exits non-zero when a harness
# crashed, leaked, timed out or failed a check; the input that did it is kept in build-fuzz/artifacts/.
#
# Environment:
#   DUBAO_FUZZ_SECONDS  seconds per harness (default 60)
#   DUBAO_JOBS          parallel build jobs (default 2)
#   DUBAO_CORPUS_DIR    the seed corpus (default ../shared/corpus beside the project)
#   DUBAO_FUZZ_MAX_LEN  the largest input the fuzzers make, in bytes (default 16384; the corpus's issues are <13 kB)
#   DUBAO_FUZZERS       space-separated harness names to run (default: all that tests/fuzz builds)
set -uo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
root="$PWD"

seconds="${DUBAO_FUZZ_SECONDS:-60}"
max_len="${DUBAO_FUZZ_MAX_LEN:-16384}"
jobs="${DUBAO_JOBS:-2}"
build_dir=build-fuzz

# clang and its runtime libraries (libFuzzer, ASan, UBSan) are needed only here, so they are installed here.
packages=(clang libclang-rt-14-dev)
missing=()
for package in "${packages[@]}"; do
    if [[ "$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)" != "install ok installed" ]]; then
        missing+=("$package")
    fi
done
if ((${#missing[@]} > 0)); then
    echo "fuzz: installing ${missing[*]}"
    sudo=()
    [[ "$(id -u)" -ne 0 ]] && sudo=(sudo)
    export DEBIAN_FRONTEND=noninteractive
    "${sudo[@]}" apt-get update && "${sudo[@]}" apt-get install -y --no-install-recommends "${missing[@]}" || exit 1
fi

generator=()
[[ -f "$build_dir/CMakeCache.txt" ]] || generator=(-G Ninja)
if ! CC=clang CXX=clang++ cmake -S . -B "$build_dir" "${generator[@]}" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DDUBAO_FUZZ=ON -DBUILD_TESTING=OFF >"$build_dir.configure.log" 2>&1; then
    cat "$build_dir.configure.log" >&2
    echo "fuzz: configuring $build_dir/ failed" >&2
    exit 1
fi
rm -f "$build_dir.configure.log"
cmake --build "$build_dir" --parallel "$jobs" --target dubao_fuzzers || {
    echo "fuzz: building the harnesses failed" >&2
    exit 1
}

fuzzers=(${DUBAO_FUZZERS:-$(cat "$build_dir/tests/fuzz/fuzzers.txt")})

# Seeds.
corpus="${DUBAO_CORPUS_DIR:-../shared/corpus}"
[[ -d "$corpus" ]] || corpus=resources/sample
seeds="$(mktemp -d "${TMPDIR:-/tmp}/dubao-fuzz.XXXXXX")"
trap 'rm -rf "$seeds"' EXIT
mkdir -p "$seeds/issues"
n=0
for file in "$corpus"/*.txt; do
    [[ -f "$file" ]] || continue
    n=$((n + 1))
    base="$seeds/issues/$n"
    cp "$file" "$base.txt"
    iconv -f UTF-8 -t UTF-16 "$file" >"$base.utf16-bom" 2>/dev/null   # with a BOM
    iconv -f UTF-8 -t UTF-16BE "$file" >"$base.utf16be" 2>/dev/null    # without
    iconv -f UTF-8 -t GB18030 "$file" >"$base.gb18030" 2>/dev/null
    iconv -c -f UTF-8 -t BIG5 "$file" >"$base.big5" 2>/dev/null       # -c: drops what Big5 lacks
    sed 's/$/\r/' "$file" >"$base.crlf"
    # Slices of 30 lines: small inputs run fast and let the fuzzer combine pieces of different issues.
    split -l 30 -d -a 3 "$file" "$base.slice-"
done
echo "fuzz: seeds from $corpus: $(find "$seeds/issues" -type f | wc -l) files"

mkdir -p "$build_dir/artifacts"
summary=()
failed=()
for fuzzer in "${fuzzers[@]}"; do
    binary="$build_dir/tests/fuzz/$fuzzer"
    if [[ ! -x "$binary" ]]; then
        failed+=("$fuzzer (not built)")
        continue
    fi
    work="$seeds/work-$fuzzer"
    mkdir -p "$work"
    cp "$seeds"/issues/* "$work"/
    # Seeds of the harness's own (e.g. search queries) and every input that ever failed.
    for extra in "tests/fuzz/seeds/$fuzzer" "tests/core/data/fuzz-regressions/${fuzzer#fuzz_}"; do
        [[ -d "$extra" ]] && find "$extra" -maxdepth 1 -type f ! -name 'README*' -exec cp {} "$work"/ \;
    done
    dict=tests/fuzz/issue.dict
    [[ -f "tests/fuzz/$fuzzer.dict" ]] && dict="tests/fuzz/$fuzzer.dict"

    echo
    echo "fuzz: running $fuzzer for ${seconds}s"
    log="$build_dir/artifacts/$fuzzer.log"
    ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:symbolize=1 \
        UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
        "$binary" "$work" -max_total_time="$seconds" -print_final_stats=1 -dict="$dict" -max_len="$max_len" -timeout=25 \
        -rss_limit_mb=2048 -artifact_prefix="$root/$build_dir/artifacts/$fuzzer-" >"$log" 2>&1
    status=$?
    grep -E '^(INFO: Loaded|INFO: seed corpus|#[0-9]+[[:space:]]+(INITED|DONE)|stat::|==[0-9]+==ERROR|SUMMARY|fuzz_|artifact_prefix|Test unit written)' "$log"
    units="$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)"
    rate="$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)"
    cov="$(grep -oE 'cov: [0-9]+ ft: [0-9]+' "$log" | tail -1)"
    # Coverage as a share of the instrumented edges (dubao_fuzz_core and the harness).
    edges="$(sed -n 's/^INFO: Loaded [0-9]* modules *(\([0-9]*\) inline 8-bit counters).*/\1/p' "$log" | head -1)"
    if [[ -n "$cov" && -n "$edges" ]]; then
        covered="$(echo "$cov" | awk '{print $2}')"
        cov="$cov ($((100 * covered / edges))% of $edges edges)"
    fi
    corpus_size="$(grep -oE 'corp: [0-9]+/[0-9]+[A-Za-z]*' "$log" | tail -1)"
    summary+=("$(printf '%-20s %-6s %12s execs %8s execs/s   %-40s %s' "$fuzzer" \
        "$([[ $status == 0 ]] && echo ok || echo FAIL)" "${units:-?}" "${rate:-?}" "${cov:-cov: ?}" "${corpus_size:-}")")
    if [[ $status != 0 ]]; then
        failed+=("$fuzzer (exit $status; log $log)")
        tail -n 60 "$log" >&2
    fi
done

echo
echo "fuzz: summary (${seconds}s per harness; cov = coverage points, ft = features)"
printf '  %s\n' "${summary[@]}"
if ((${#failed[@]} > 0)); then
    for f in "${failed[@]}"; do
        echo "fuzz: FAILED: $f" >&2
    done
    echo "fuzz: the failing inputs are $build_dir/artifacts/<harness>-crash-*/leak-*/timeout-*; copy each into" >&2
    echo "      tests/core/data/fuzz-regressions/<harness without fuzz_>/ so tst_fuzzregressions replays it." >&2
    exit 1
fi
echo "fuzz: all harnesses ran without a finding"
