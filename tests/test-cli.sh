#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The command line as a user or a script meets it: --version,
# --list-routines and --validate-routine.  Prints TAP; exits 1 on any failure.
# Usage: test-cli.sh PATH/TO/unknot PATH/TO/tests/data

set -u

unknot=${1:?usage: test-cli.sh UNKNOT DATA_FOLDER}
data=${2:?usage: test-cli.sh UNKNOT DATA_FOLDER}

tmp=$(mktemp -d "${TMPDIR:-/tmp}/unknot-test-cli-XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' HUP INT TERM

# A fresh user with no routines of their own; nothing is read from the real home.
HOME=$tmp/home
XDG_DATA_HOME=$tmp/data
XDG_CONFIG_HOME=$tmp/config
XDG_CACHE_HOME=$tmp/cache
export HOME XDG_DATA_HOME XDG_CONFIG_HOME XDG_CACHE_HOME
mkdir -p "$HOME" "$XDG_DATA_HOME" "$XDG_CONFIG_HOME" "$XDG_CACHE_HOME"
out=$tmp/stdout
err=$tmp/stderr
tab=$(printf '\t')

n=0
failures=0
plan=22
echo "1..$plan"

ok () {
  n=$((n + 1))
  echo "ok $n - $1"
}

not_ok () {
  n=$((n + 1))
  failures=$((failures + 1))
  echo "not ok $n - $1"
  shift
  for line in "$@"; do
    echo "# $line"
  done
  if [ -s "$out" ]; then sed 's/^/# stdout: /' "$out"; fi
  if [ -s "$err" ]; then sed 's/^/# stderr: /' "$err"; fi
}

# Runs unknot with the given arguments; $status, $out and $err hold the result.
run () {
  "$unknot" "$@" >"$out" 2>"$err" </dev/null
  status=$?
}

lines () {
  wc -l <"$1" | tr -d ' '
}

# check DESCRIPTION COMMAND...: ok when the command succeeds.
check () {
  description=$1
  shift
  if "$@"; then ok "$description"; else not_ok "$description" "exit status $status"; fi
}

# --version
run --version
check "--version exits 0" [ "$status" -eq 0 ]
check "--version prints “unknot 0.1.0”" [ "$(cat "$out")" = "unknot 0.1.0" ]

# --list-routines, built-ins only
run --list-routines
check "--list-routines exits 0" [ "$status" -eq 0 ]
check "--list-routines lists at least 3 routines" [ "$(lines "$out")" -ge 3 ]
bad_lines=$(awk -F '\t' '
  NF != 5 || $1 !~ /^[a-z][a-z0-9-]*$/ || $2 !~ /^(tennis-ball|hand|tool)$/ \
    || $3 !~ /^[0-9]+$/ || $4 !~ /^[0-9]+$/ || $5 == "" { print NR ": " $0 }' "$out")
if [ -z "$bad_lines" ]; then
  ok "every line is id, tool, steps, seconds and title, separated by tabs"
else
  not_ok "every line is id, tool, steps, seconds and title, separated by tabs" "bad lines: $bad_lines"
fi
for id in ball-shoulder-blades hands-neck-shoulders roller-thoracic; do
  check "--list-routines lists $id" grep -q "^$id$tab" "$out"
done
check "--list-routines reports no problem for an empty user folder" [ ! -s "$err" ]

# --validate-routine
run --validate-routine "$data/good.json"
check "a good routine is valid (exit 0)" [ "$status" -eq 0 ]
check "a good routine prints “FILE: ok”" [ "$(cat "$out")" = "$data/good.json: ok" ]

run --validate-routine "$data/bad-duration.json"
check "a bad duration exits 1" [ "$status" -eq 1 ]
starts_with () {
  case $1 in "$2"*) return 0 ;; *) return 1 ;; esac
}
if [ "$(lines "$err")" -eq 1 ] && starts_with "$(cat "$err")" "$data/bad-duration.json:13:19: " && [ ! -s "$out" ]; then
  ok "a bad duration prints one line “FILE:13:19: …” on stderr"
else
  not_ok "a bad duration prints one line “FILE:13:19: …” on stderr"
fi

missing=$tmp/no-such-routine.json
run --validate-routine "$missing"
if [ "$status" -eq 1 ] && [ "$(lines "$err")" -eq 1 ] && grep -qF "$missing" "$err"; then
  ok "a missing file exits 1 with one line naming it"
else
  not_ok "a missing file exits 1 with one line naming it" "exit status $status"
fi

# Files that are not routines: refused, never a crash (a signal is status >= 128).
mkdir "$tmp/folder.json"
: >"$tmp/empty.json"
head -c 2097152 /dev/zero >"$tmp/zeros.json"
for file in "$tmp/folder.json" "$tmp/empty.json" /dev/null "$tmp/zeros.json"; do
  run --validate-routine "$file"
  if [ "$status" -eq 1 ] && [ -s "$err" ] && grep -qF "$file" "$err"; then
    ok "--validate-routine $(basename "$file") exits 1 with an error naming it"
  else
    not_ok "--validate-routine $(basename "$file") exits 1 with an error naming it" "exit status $status"
  fi
done

# A routine of the user's own
routines=$XDG_DATA_HOME/unknot/routines
mkdir -p "$routines"
cp "$data/good.json" "$routines/good.json"
cp -R "$data/illustrations" "$routines/illustrations"
run --list-routines
check "--list-routines still exits 0 with a user routine" [ "$status" -eq 0 ]
check "the user routine is listed as id, tool, steps, seconds and title" \
  grep -qx "test-routine${tab}tennis-ball${tab}1${tab}30${tab}Test routine" "$out"
check "the built-ins are still listed beside it" [ "$(lines "$out")" -ge 4 ]

# A broken file of the user's is reported on stderr, and the rest still listed.
cp "$data/bad-duration.json" "$routines/bad-duration.json"
run --list-routines
if [ "$status" -eq 0 ] && grep -q "^test-routine$tab" "$out" \
   && grep -qF "$routines/bad-duration.json:13:19: " "$err"; then
  ok "a broken user file is reported with its line and column, the rest still listed"
else
  not_ok "a broken user file is reported with its line and column, the rest still listed" "exit status $status"
fi

if [ "$n" -ne "$plan" ]; then
  echo "# ran $n checks, planned $plan"
  exit 1
fi
[ "$failures" -eq 0 ]
