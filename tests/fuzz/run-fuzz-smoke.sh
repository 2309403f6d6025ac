#!/usr/bin/env bash
# ctest's fuzz smoke run for one target (tests/fuzz/CMakeLists.txt):
#   run-fuzz-smoke.sh <fuzzer> <seed corpus dir> <regressions dir> <artifact dir> [dictionary]
# 1. replays every regression input once (a fixed bug must stay fixed);
# 2. fuzzes for ${CLOSECALL_FUZZ_SECONDS:-20} s on a scratch copy of the seed
#    corpus, so the committed corpus never grows behind anyone's back.
# Exits non-zero on any crash, leak, timeout or out-of-memory; the input that
# caused it is left in <artifact dir>.
set -euo pipefail

fuzzer="$1" seeds="$2" regressions="$3" artifacts="$4" dict="${5:-}"
seconds="${CLOSECALL_FUZZ_SECONDS:-20}"

mkdir -p "$artifacts"
work="$(mktemp -d "${TMPDIR:-/tmp}/closecall-fuzz.XXXXXX")"
trap 'rm -rf "$work"' EXIT

# LeakSanitizer needs ptrace, which some containers forbid; a leak check that
# cannot run must not fail the smoke run, so probe once and disable it then.
export ASAN_OPTIONS="${ASAN_OPTIONS:-}"
if ! ASAN_OPTIONS="detect_leaks=1" "$fuzzer" -runs=0 </dev/null >"$work/probe.log" 2>&1; then
    if grep -q "LeakSanitizer has encountered a fatal error" "$work/probe.log"; then
        echo "note: LeakSanitizer cannot run here; leak detection disabled" >&2
        ASAN_OPTIONS="detect_leaks=0${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
    fi
fi

common=(-timeout=10 -rss_limit_mb=2048 "-artifact_prefix=$artifacts/")

if [ -d "$regressions" ] && [ -n "$(ls -A "$regressions" 2>/dev/null)" ]; then
    echo "== replaying $(ls -A "$regressions" | wc -l) regression input(s) from $regressions"
    "$fuzzer" "${common[@]}" "$regressions"/*
fi

mkdir -p "$work/corpus"
if [ -d "$seeds" ]; then
    cp -R "$seeds"/. "$work/corpus/"
fi
dictarg=()
if [ -n "$dict" ]; then
    dictarg=("-dict=$dict")
fi
echo "== fuzzing $(basename "$fuzzer") for ${seconds} s ($(ls -A "$work/corpus" | wc -l) seed file(s))"
"$fuzzer" "${common[@]}" "${dictarg[@]}" -max_total_time="$seconds" -print_final_stats=1 \
    "$work/corpus"
