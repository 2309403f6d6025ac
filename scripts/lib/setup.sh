# Shared by scripts/run and scripts/test: install what is missing, then
# configure and build a preset. Sourced, not executed.
# shellcheck shell=bash

CLOSECALL_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"

# Debian 12 packages the build, the app and the test suite need.
CLOSECALL_PACKAGES=(
    g++ cmake ninja-build pkg-config
    qt6-base-dev qt6-websockets-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
    libqt6svg6 libbenchmark-dev
    libgl-dev libxkbcommon-dev
    openssl zlib1g-dev qt6-translations-l10n
    python3 python3-websockets
    nodejs node-ws
    chromium
    clang libclang-rt-14-dev
    xvfb xauth
    # Packaging (cmake/Packaging.cmake) and its tests (tests/package): the man
    # page, the PNG icons, the validators, cpack's DEB with computed Depends.
    help2man groff-base librsvg2-bin desktop-file-utils appstream dpkg-dev
)

say() { printf '==> %s\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# Runs a command as root: directly when we are root, else through sudo.
as_root() {
    if [ "$(id -u)" -eq 0 ]; then
        "$@"
    elif command -v sudo >/dev/null 2>&1; then
        sudo "$@"
    else
        die "need root to run '$*': run this script as root or install sudo"
    fi
}

missing_packages() {
    local pkg
    for pkg in "$@"; do
        if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q '^install ok installed$'; then
            printf '%s\n' "$pkg"
        fi
    done
}

# Installs the given packages that are not installed yet; a quick no-op when
# all are there. apt-get update runs once, only when something is missing.
ensure_packages() {
    command -v dpkg-query >/dev/null 2>&1 || die "this needs a Debian system (dpkg-query not found)"
    local missing
    mapfile -t missing < <(missing_packages "$@")
    if [ "${#missing[@]}" -eq 0 ]; then
        return 0
    fi
    say "installing: ${missing[*]}"
    as_root apt-get update -q || die "apt-get update failed"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}" \
        || die "apt-get install failed for: ${missing[*]}"
}

# configure_and_build <preset> [target...]: configures once (CMake itself
# reconfigures when a CMakeLists changed), then builds the targets given, or
# the preset's own (all of them for most presets).
configure_and_build() {
    local preset="$1"
    shift
    local targets=()
    [ "$#" -eq 0 ] || targets=(--target "$@")
    cd "$CLOSECALL_ROOT" || die "cannot enter $CLOSECALL_ROOT"
    if [ ! -f "build/$preset/build.ninja" ]; then
        say "configuring ($preset)"
        cmake --preset "$preset" >/dev/null || die "cmake configure failed (preset $preset)"
    fi
    say "building ($preset${1:+: $*})"
    cmake --build --preset "$preset" "${targets[@]}" || die "build failed (preset $preset)"
}

# check_nox_binary <closecall>: a headless-only build links no Qt Widgets
# (nor Qt Gui) and, even with a display and without --headless, runs the
# headless mode: a `listening` event on stdout, then `quit` ends it with 0.
check_nox_binary() {
    local app="$1" out status=0
    [ -x "$app" ] || die "built, but $app is missing"
    if ldd "$app" | grep -Eq 'libQt6(Widgets|Gui)'; then
        die "$app links Qt Widgets or Qt Gui: the nox build must not"
    fi
    say "nox smoke: $app without --headless"
    out="$(printf '{"cmd":"quit","id":1}\n' |
        DISPLAY=:0 timeout 60 "$app" --listen 127.0.0.1:0)" || status=$?
    [ "$status" -eq 0 ] || die "nox smoke: closecall exited $status"
    grep -q '"event":"listening"' <<<"$out" || die "nox smoke: no listening event in: $out"
    grep -q '"event":"result","id":1,"ok":true' <<<"$out" ||
        die "nox smoke: quit was not answered in: $out"
}
