#!/usr/bin/env bash
# Runs the conformance programs of engine/tests/conformance on the real JVM (Debian's
# kotlinc with kotlinx.coroutines 1.0.1) and compares what they print with the expected
# files kept beside them. See engine/tests/conformance/README.md for the file conventions.
#
# Usage:
#   bash scripts/jvm-check.sh                 check every program
#   bash scripts/jvm-check.sh 012 063         check only the programs whose names start so
#   bash scripts/jvm-check.sh --record 110    run the named programs and write their
#                                             expected files from what the JVM printed
# Environment: JVM_CHECK_RETRIES (runs again of a differing program, default 2),
# JVM_CHECK_JOBS (parallel runs, default 2), JVM_CHECK_TIMEOUT (seconds per
# program, default 60).
#
# A program with the line `// Compare: unordered` among its first 5 lines prints its lines in a
# racy order (they come from several threads): its standard output is compared with the
# expected file as a multiset of lines (both sorted), as the engine's test harness does.
#
# This script installs nothing. The Debian packages kotlin, libkotlinx-coroutines-java and
# libkotlinx-atomicfu-java must already be installed.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DIR="$ROOT/engine/tests/conformance"
JOBS="${JVM_CHECK_JOBS:-2}"
TIMEOUT="${JVM_CHECK_TIMEOUT:-60}"
JAVA_DIR=/usr/share/java

die() {
    echo "jvm-check: $*" >&2
    exit 2
}

record=0
filters=()
for arg in "$@"; do
    case "$arg" in
        --record) record=1 ;;
        -h | --help)
            sed -n '2,19p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
            exit 0
            ;;
        -*) die "unknown option $arg" ;;
        *) filters+=("$arg") ;;
    esac
done
if [ "$record" = 1 ] && [ "${#filters[@]}" = 0 ]; then
    die "--record needs the names (or number prefixes) of the programs to record"
fi

command -v kotlinc >/dev/null 2>&1 ||
    die "kotlinc not found: install the Debian packages kotlin, libkotlinx-coroutines-java and libkotlinx-atomicfu-java"
command -v java >/dev/null 2>&1 || die "java not found: install the Debian package kotlin (it brings a JRE)"
command -v timeout >/dev/null 2>&1 || die "timeout (coreutils) not found"

COROUTINES_CP="$JAVA_DIR/kotlinx-coroutines-core.jar:$JAVA_DIR/kotlinx-coroutines-core-common.jar"
RUN_JARS=("$JAVA_DIR/kotlinx-coroutines-core.jar" "$JAVA_DIR/kotlinx-coroutines-core-common.jar"
    "$JAVA_DIR/atomicfu.jar" "$JAVA_DIR/kotlin-stdlib.jar")
for jar in "${RUN_JARS[@]}"; do
    [ -f "$jar" ] || die "$jar is missing: install libkotlinx-coroutines-java, libkotlinx-atomicfu-java and kotlin"
done
[ -d "$DIR" ] || die "$DIR not found"

# The programs to consider, in name order.
selected=()
for kt in "$DIR"/*.kt; do
    name="$(basename "$kt" .kt)"
    if [ "${#filters[@]}" -gt 0 ]; then
        keep=0
        for f in "${filters[@]}"; do
            case "$name" in "$f"*) keep=1 ;; esac
        done
        [ "$keep" = 1 ] || continue
    fi
    selected+=("$name")
done
[ "${#selected[@]}" -gt 0 ] || die "no program matches ${filters[*]:-}"

# Programs with a .nojvm file cannot run on kotlinx.coroutines 1.0.1 and are not compiled.
checked=()
for name in "${selected[@]}"; do
    if [ -f "$DIR/$name.nojvm" ]; then
        [ "$record" = 0 ] || echo "jvm-check: $name has a .nojvm file; nothing recorded for it"
    else
        checked+=("$name")
    fi
done

started=$SECONDS
WORK="$(mktemp -d "${TMPDIR:-/tmp}/jvm-check.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$WORK/classes" "$WORK/results"

if [ "${#checked[@]}" -gt 0 ]; then
    sources=()
    for name in "${checked[@]}"; do sources+=("$DIR/$name.kt"); done
    echo "jvm-check: compiling ${#sources[@]} programs in one kotlinc call"
    if ! kotlinc -nowarn -cp "$COROUTINES_CP" -d "$WORK/classes" "${sources[@]}" >"$WORK/kotlinc.log" 2>&1; then
        # kotlinc 1.3 reports every main() as a "conflicting overload" once any file fails,
        # so show the other errors first.
        { grep -E 'error:' "$WORK/kotlinc.log" | grep -v 'conflicting overloads: public fun main()' ||
            grep -E 'error:' "$WORK/kotlinc.log" || cat "$WORK/kotlinc.log"; } | cut -c 1-400 | head -n 40 >&2
        # A main() whose type is not Unit is no entry point and clashes with the others.
        grep -oE 'public fun main\(\): [^ ]+ defined in root package in file [^ ,]+' "$WORK/kotlinc.log" |
            grep -v 'main(): Unit' | sort -u | sed 's/^/jvm-check: main() must return Unit: /' >&2 || true
        die "kotlinc failed (each top-level name other than main must be unique across all programs)"
    fi
fi

# The main class of NNN-some-name.kt is _NNN_some_nameKt.
main_class() {
    local base
    base="$(printf '%s' "$1" | sed 's/[^A-Za-z0-9_$]/_/g')"
    case "$base" in [0-9]*) base="_$base" ;; esac
    printf '%sKt' "$base"
}

run_one() {
    local name="$1" class rc=0
    class="$(main_class "$name")"
    timeout -k 5 "$TIMEOUT" java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC \
        -cp "$WORK/classes:$RUN_CP" "$class" \
        >"$WORK/results/$name.stdout" 2>"$WORK/results/$name.stderr" </dev/null || rc=$?
    echo "$rc" >"$WORK/results/$name.rc"
}
RUN_CP="$(IFS=:; echo "${RUN_JARS[*]}")"
export -f run_one main_class
export WORK RUN_CP TIMEOUT

if [ "${#checked[@]}" -gt 0 ]; then
    echo "jvm-check: running ${#checked[@]} programs, $JOBS at a time"
    printf '%s\n' "${checked[@]}" | xargs -P "$JOBS" -I{} bash -c 'run_one "$1"' _ {}
fi

# What the JVM must print: NAME.jvm101.out where 1.0.1 differs from 1.9+, else NAME.out.
expected_out() {
    if [ -f "$DIR/$1.jvm101.out" ]; then echo "$DIR/$1.jvm101.out"; else echo "$DIR/$1.out"; fi
}

if [ "$record" = 1 ]; then
    for name in "${checked[@]}"; do
        rc="$(cat "$WORK/results/$name.rc")"
        [ "$rc" != 124 ] && [ "$rc" != 137 ] || die "$name timed out; nothing recorded for it"
        cp "$WORK/results/$name.stdout" "$(expected_out "$name")"
        if [ "$rc" = 0 ]; then
            rm -f "$DIR/$name.exit" "$DIR/$name.err"
        else
            echo "$rc" >"$DIR/$name.exit"
            head -n 1 "$WORK/results/$name.stderr" >"$DIR/$name.err"
        fi
        echo "recorded $name (exit code $rc) into $(basename "$(expected_out "$name")")"
    done
    exit 0
fi

# Whether a program's lines are compared as a multiset: `// Compare: unordered` in its header.
unordered() {
    head -n 5 "$DIR/$1.kt" | grep -qE '^[[:space:]]*// Compare: unordered[[:space:]]*$'
}

# Standard output as compared: sorted for an unordered program, else as printed.
comparable() {
    if unordered "$1"; then LC_ALL=C sort "$2"; else cat "$2"; fi
}

# check NAME: sets `problems` to what differs between the JVM's run and the expected files.
check() {
    local name="$1" want_out rc want_rc
    problems=()
    want_out="$(expected_out "$name")"
    rc="$(cat "$WORK/results/$name.rc")"
    want_rc=0
    [ -f "$DIR/$name.exit" ] && want_rc="$(tr -d '[:space:]' <"$DIR/$name.exit")"
    if [ "$rc" = 124 ] || [ "$rc" = 137 ]; then
        problems+=("timed out after ${TIMEOUT}s")
    elif [ "$rc" != "$want_rc" ]; then
        problems+=("exit code $rc, expected $want_rc")
    fi
    if [ ! -f "$want_out" ]; then
        problems+=("no expected file $(basename "$want_out")")
    elif ! cmp -s <(comparable "$name" "$want_out") <(comparable "$name" "$WORK/results/$name.stdout"); then
        if unordered "$name"; then
            problems+=("stdout lines (in any order) differ from $(basename "$want_out")")
        else
            problems+=("stdout differs from $(basename "$want_out")")
        fi
    fi
    if [ -f "$DIR/$name.err" ]; then
        if [ "$(head -n 1 "$WORK/results/$name.stderr")" != "$(head -n 1 "$DIR/$name.err")" ]; then
            problems+=("first stderr line differs from $name.err")
        fi
    elif [ "$want_rc" != 0 ]; then
        problems+=("$name.exit is set but $name.err is missing")
    fi
}

# The JVM runs in real time: on a loaded machine a program that prints elapsed times can come
# out late. A program that differs is run again alone, up to RETRIES times; it passes only if
# a run matches exactly, and the table says that it needed a retry.
RETRIES="${JVM_CHECK_RETRIES:-2}"

passed=0
failed=0
nojvm=0
failures=()
printf '%-58s %s\n' "program" "result"
printf '%-58s %s\n' "-------" "------"
for name in "${selected[@]}"; do
    if [ -f "$DIR/$name.nojvm" ]; then
        nojvm=$((nojvm + 1))
        printf '%-58s %s\n' "$name" "not JVM-checked: $(head -n 1 "$DIR/$name.nojvm")"
        continue
    fi
    check "$name"
    retried=0
    while [ "${#problems[@]}" != 0 ] && [ "$retried" -lt "$RETRIES" ]; do
        retried=$((retried + 1))
        first_problems="${first_problems:-$(IFS=';'; echo "${problems[*]}")}"
        run_one "$name"
        check "$name"
    done
    if [ "${#problems[@]}" = 0 ]; then
        passed=$((passed + 1))
        note="pass"
        unordered "$name" && note="pass (lines in any order)"
        [ "$retried" -gt 0 ] && note="$note, on run $((retried + 1)) (first: ${first_problems})"
        printf '%-58s %s\n' "$name" "$note"
    else
        failed=$((failed + 1))
        failures+=("$name")
        printf '%-58s %s\n' "$name" "FAIL: $(IFS=';'; echo "${problems[*]}")"
    fi
    unset first_problems
done

for name in "${failures[@]+"${failures[@]}"}"; do
    echo
    if unordered "$name"; then
        echo "=== $name: expected (-) vs JVM (+), both sorted (// Compare: unordered)"
    else
        echo "=== $name: expected (-) vs JVM (+)"
    fi
    if [ -f "$(expected_out "$name")" ]; then
        diff -u <(comparable "$name" "$(expected_out "$name")") <(comparable "$name" "$WORK/results/$name.stdout") |
            sed -n '3,40p' || true
    else
        sed -n '1,40p' "$WORK/results/$name.stdout"
    fi
    if [ -s "$WORK/results/$name.stderr" ]; then
        echo "--- stderr (first lines)"
        sed -n '1,5p' "$WORK/results/$name.stderr"
    fi
done

echo
echo "jvm-check: ${#selected[@]} programs: $passed passed on the JVM, $failed failed, $nojvm not JVM-checked ($((SECONDS - started)) s)"
echo "$passed passed, $failed failed, $nojvm skipped"
[ "$failed" = 0 ]
