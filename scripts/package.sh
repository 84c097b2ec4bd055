#!/usr/bin/env bash
# Builds Dubao's Debian package with CPack in build-release/ (Release), installs it with apt-get, checks the
# installed copy — dubao-cli --version, an import of the corpus (../shared/corpus, or resources/sample when it is
# absent) into a temporary library, dubao opening an issue file and a folder from its command line, the .desktop
# file (desktop-file-validate), the AppStream metainfo (appstreamcli validate), the icons and man pages — prints
# a summary of `dpkg -L dubao`, and removes the package again (also when a check failed). Exits non-zero if
# anything failed. Needs root or sudo (apt-get).
#
# Environment:
#   DUBAO_JOBS        parallel build jobs (default 2)
#   DUBAO_PACKAGE_BUILD_DIR  package the programs of this configured build folder instead, as it is configured
#                     (CI: build/, the RelWithDebInfo build the tests ran, so the .deb holds the tested programs,
#                     stripped as Debian's own packages are, and nothing is compiled twice)
#   DUBAO_CORPUS_DIR  the issues to import (default ../shared/corpus beside the project)
set -uo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

jobs="${DUBAO_JOBS:-2}"
build_dir="${DUBAO_PACKAGE_BUILD_DIR:-build-release}"
app_id=io.github.dubao.Dubao
failures=()
fail() {
    echo "package: FAILED: $*" >&2
    failures+=("$*")
}

sudo=()
[[ "$(id -u)" -ne 0 ]] && sudo=(sudo)
export DEBIAN_FRONTEND=noninteractive

# The build's packages (scripts/setup.sh, without building build/), then what only packaging needs:
# dpkg-shlibdeps (dpkg-dev) for the package's Depends, and the validators (groff-base: the man pages' check).
DUBAO_SKIP_BUILD=1 scripts/setup.sh || exit 1
packages=(dpkg-dev desktop-file-utils appstream groff-base)
missing=()
for package in "${packages[@]}"; do
    if [[ "$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)" != "install ok installed" ]]; then
        missing+=("$package")
    fi
done
if ((${#missing[@]} > 0)); then
    echo "package: installing ${missing[*]}"
    "${sudo[@]}" apt-get update && "${sudo[@]}" apt-get install -y --no-install-recommends "${missing[@]}" || exit 1
fi

# Build the two programs (not the tests) and package them.
configure=(-DCMAKE_BUILD_TYPE=Release)
[[ -f "$build_dir/CMakeCache.txt" ]] || configure+=(-G Ninja)
if [[ -n "${DUBAO_PACKAGE_BUILD_DIR:-}" ]]; then
    [[ -f "$build_dir/CMakeCache.txt" ]] || {
        echo "package: DUBAO_PACKAGE_BUILD_DIR=$build_dir is not a configured build folder" >&2
        exit 1
    }
    configure=()
fi
cmake -S . -B "$build_dir" "${configure[@]}" >/dev/null &&
    cmake --build "$build_dir" --parallel "$jobs" --target dubao dubao-cli dubao-cli-render || {
    echo "package: building $build_dir/ failed" >&2
    exit 1
}
version="$(sed -n 's/^CMAKE_PROJECT_VERSION:STATIC=//p' "$build_dir/CMakeCache.txt")"
rm -f "$build_dir"/dubao_*.deb
(cd "$build_dir" && cpack -G DEB) || {
    echo "package: cpack failed" >&2
    exit 1
}
deb="$(ls "$PWD/$build_dir"/dubao_"$version"_*.deb 2>/dev/null | head -1)"
if [[ -z "$deb" ]]; then
    echo "package: no $build_dir/dubao_${version}_<arch>.deb was made" >&2
    exit 1
fi
echo
echo "package: $(basename "$deb") ($(du -h "$deb" | cut -f1))"
dpkg-deb --field "$deb" Package Version Architecture Section Depends Recommends

# Install it (replacing any copy left installed), and remove it again however the checks end.
work="$(mktemp -d "${TMPDIR:-/tmp}/dubao-package.XXXXXX")"
remove_package() {
    if dpkg-query -W -f='${Status}' dubao 2>/dev/null | grep -q "install ok installed"; then
        "${sudo[@]}" apt-get remove --purge -y dubao >/dev/null
    fi
}
trap 'remove_package; rm -rf "$work"' EXIT
remove_package
echo "package: apt-get install -y $deb"
if ! "${sudo[@]}" apt-get install -y --no-install-recommends "$deb" >"$work/apt.log" 2>&1; then
    # The package lists may be stale for a dependency: refresh them once.
    "${sudo[@]}" apt-get update >>"$work/apt.log" 2>&1
    "${sudo[@]}" apt-get install -y --no-install-recommends "$deb" >>"$work/apt.log" 2>&1 || {
        cat "$work/apt.log" >&2
        echo "package: apt-get install $deb failed" >&2
        exit 1
    }
fi
grep -E '^(Unpacking|Setting up) dubao' "$work/apt.log" | sed 's/^/  /'

# Run the installed programs with a home of their own, so no real library or setting is touched.
export HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config" XDG_DATA_HOME="$work/home/.local/share"
mkdir -p "$HOME"
corpus="${DUBAO_CORPUS_DIR:-../shared/corpus}"
[[ -d "$corpus" ]] || corpus=resources/sample
corpus="$(cd "$corpus" && pwd)"
expected_issues="$(find "$corpus" -name '*.txt' -type f | wc -l)"

echo
echo "package: checking the installed copy"
installed_version="$(/usr/bin/dubao-cli --version)" || fail "dubao-cli --version"
echo "  $installed_version"
[[ "$installed_version" == "dubao-cli $version" ]] || fail "dubao-cli --version says '$installed_version'"

if /usr/bin/dubao-cli import "$corpus" --library "$work/cli.sqlite" >"$work/import.log" 2>&1; then
    tail -1 "$work/import.log" | sed 's/^/  import: /'
else
    cat "$work/import.log" >&2
    fail "dubao-cli import $corpus"
fi
issues="$(/usr/bin/dubao-cli list --library "$work/cli.sqlite" | grep -c '^issue ')"
echo "  list: $issues issues (expected $expected_issues)"
[[ "$issues" == "$expected_issues" ]] || fail "dubao-cli list shows $issues issues, not $expected_issues"
# PDF (and ODT) are written by dubao-cli's helper /usr/libexec/dubao/dubao-cli-render, which links Qt Gui.
if /usr/bin/dubao-cli export --format pdf --query 的 -o "$work/export.pdf" --library "$work/cli.sqlite" \
    >"$work/export.log" 2>&1 && [[ "$(head -c 5 "$work/export.pdf")" == "%PDF-" ]]; then
    echo "  export: $(cat "$work/export.log")"
else
    cat "$work/export.log" >&2
    fail "dubao-cli export --format pdf"
fi

# dubao imports the files and folders on its command line (as a file manager passes them through the .desktop
# file's %F). The offscreen platform needs no display; the app is stopped once the library holds the issues.
count_issues() { /usr/bin/dubao-cli list --library "$1" 2>/dev/null | grep -c '^issue '; }
first_file="$(find "$corpus" -name '*.txt' -type f | sort | head -1)"
for target in "$first_file" "$corpus"; do
    library="$work/gui-$(basename "$target").sqlite"
    want=1
    [[ -d "$target" ]] && want="$expected_issues"
    QT_QPA_PLATFORM=offscreen /usr/bin/dubao --library "$library" "$target" >"$work/gui.log" 2>&1 &
    gui=$!
    opened=0
    for _ in $(seq 60); do
        sleep 0.5
        opened="$(count_issues "$library")"
        [[ "$opened" == "$want" ]] && break
        kill -0 "$gui" 2>/dev/null || break
    done
    kill "$gui" 2>/dev/null
    wait "$gui" 2>/dev/null
    opened="$(count_issues "$library")"
    echo "  dubao $(basename "$target"): $opened issues imported (expected $want)"
    [[ "$opened" == "$want" ]] || {
        cat "$work/gui.log" >&2
        fail "dubao did not import $target from its command line"
    }
done

desktop=/usr/share/applications/$app_id.desktop
metainfo=/usr/share/metainfo/$app_id.metainfo.xml
if desktop-file-validate "$desktop"; then
    echo "  desktop-file-validate $desktop: ok"
else
    fail "desktop-file-validate $desktop"
fi
if appstreamcli validate --no-net "$metainfo"; then
    echo "  appstreamcli validate $metainfo: ok"
else
    fail "appstreamcli validate $metainfo"
fi
for file in /usr/share/icons/hicolor/scalable/apps/$app_id.svg \
    /usr/share/icons/hicolor/{16x16,32x32,48x48,64x64,128x128,256x256}/apps/$app_id.png \
    /usr/share/man/man1/dubao.1 /usr/share/man/man1/dubao-cli.1; do
    [[ -s "$file" ]] || fail "$file is missing"
done
echo "  icons (scalable, 16-256 px) and man pages: present"
for page in /usr/share/man/man1/dubao.1 /usr/share/man/man1/dubao-cli.1; do
    # A man page renders without a warning and holds no raw control character (a font escape written as a
    # form feed once hid a line of dubao-cli.1).
    warnings=$(groff -man -ww -z "$page" 2>&1)
    if [[ -n "$warnings" ]] || LC_ALL=C grep -q '[[:cntrl:]]' <(tr -d '\n\t' <"$page"); then
        fail "$page: ${warnings:-a control character}"
    fi
done
echo "  man pages: groff -man -ww renders them without a warning, no control characters"

echo
echo "package: dpkg -L dubao"
dpkg -L dubao >"$work/files"
while read -r path; do
    [[ -f "$path" ]] && printf '  %-70s %8s\n' "$path" "$(stat -c %s "$path")"
done <"$work/files"
echo "  $(while read -r p; do [[ -f "$p" ]] && echo; done <"$work/files" | wc -l) files," \
    "$(dpkg-query -W -f='${Installed-Size}' dubao) KiB installed"

remove_package
if dpkg-query -W -f='${Status}' dubao 2>/dev/null | grep -q "install ok installed" || [[ -e /usr/bin/dubao-cli ]]; then
    fail "the package did not remove cleanly"
else
    echo "package: removed dubao again; /usr/bin/dubao-cli is gone"
fi

if ((${#failures[@]} > 0)); then
    echo "package: ${#failures[@]} check(s) failed" >&2
    exit 1
fi
echo "package: $(basename "$deb") built, installed, checked and removed"
