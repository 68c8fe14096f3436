#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The command line as a user or a script meets it: --version,
# --list-routines, --validate-routine, and the pain log's --log-pain,
# --export-csv, --import-csv and --move-aside-history.  Prints TAP; exits 1
# on any failure.
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
plan=56
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

# The pain log
db=$XDG_DATA_HOME/unknot/unknot.db
csv=$tmp/pain.csv

run --log-pain 11
if [ "$status" -eq 1 ] && [ "$(lines "$err")" -eq 1 ] && grep -q "0–10" "$err" && [ ! -e "$db" ]; then
  ok "--log-pain 11 exits 1 with one line, and creates nothing"
else
  not_ok "--log-pain 11 exits 1 with one line, and creates nothing" "exit status $status"
fi
run --log-pain 3 --region elbow
if [ "$status" -eq 1 ] && [ "$(lines "$err")" -eq 1 ] && grep -q "elbow" "$err"; then
  ok "an unknown region exits 1 with one line naming it"
else
  not_ok "an unknown region exits 1 with one line naming it" "exit status $status"
fi
run --note "no number"
check "--note without --log-pain exits 1" [ "$status" -eq 1 ]
check "... with one line saying what it goes with" grep -q -- "--log-pain" "$err"

run --log-pain 5 --region neck-left --region shoulder-right --tag desk-work --tag "long   drive" \
    --note '=1+1, "quoted"'
check "--log-pain 5 with regions, tags and a note exits 0" [ "$status" -eq 0 ]
check "... and says what it saved" [ "$(cat "$out")" = "Saved: 5 — Moderate" ]
check "... in a private file" [ "$(stat -c %a "$db")" = 600 ]
run --log-pain 0
check "--log-pain 0 exits 0" [ "$status" -eq 0 ]
check "... and says “No pain”" [ "$(cat "$out")" = "Saved: 0 — No pain" ]

run --export-csv "$csv"
check "--export-csv exits 0" [ "$status" -eq 0 ]
check "... and says how many" [ "$(cat "$out")" = "Exported 2 entries to $csv" ]
check "... a header and one row an entry" [ "$(lines "$csv")" -eq 3 ]
check "... the header first" [ "$(head -n 1 "$csv" | tr -d '\r')" = "time,pain,interference,regions,tags,note,phase,routine" ]
check "... regions and tags joined with ;" grep -q ',5,,neck-left;shoulder-right,desk-work;long drive,' "$csv"
check "... a formula-looking note made harmless" grep -qF ',"'"'"'=1+1, ""quoted""",' "$csv"
cp "$csv" "$tmp/first.csv"

run --export-csv "$csv"
if [ "$status" -eq 1 ] && [ "$(lines "$err")" -eq 1 ] && grep -q -- "--force" "$err" && cmp -s "$csv" "$tmp/first.csv"; then
  ok "--export-csv over an existing file exits 1, says --force, and leaves it"
else
  not_ok "--export-csv over an existing file exits 1, says --force, and leaves it" "exit status $status"
fi
run --export-csv "$csv" --force
check "--export-csv --force replaces it" [ "$status" -eq 0 ]
run --force
check "--force alone exits 1" [ "$status" -eq 1 ]

# Into another user's history, twice.
other=$tmp/other-data
XDG_DATA_HOME=$other run --import-csv "$csv"
check "--import-csv into an empty history exits 0" [ "$status" -eq 0 ]
check "... and says how many" [ "$(cat "$out")" = "Imported 2 entries from $csv" ]
XDG_DATA_HOME=$other run --import-csv "$csv"
check "importing the same file again adds nothing" \
  [ "$(cat "$out")" = "Imported 0 entries from $csv (2 were already in the log)" ]
XDG_DATA_HOME=$other run --export-csv "$tmp/other.csv"
check "what came in goes out the same" cmp -s "$csv" "$tmp/other.csv"

printf 'time,pain,note\r\n2024-06-01T08:00:00+02:00,3,fine\r\n2024-06-02T08:00:00+02:00,13,\r\nyesterday,4,\r\n' \
  >"$tmp/bad.csv"
run --import-csv "$tmp/bad.csv"
check "--import-csv of a file with bad lines exits 1" [ "$status" -eq 1 ]
check "... naming line 3" grep -qx "line 3: pain must be 0–10, not “13”" "$err"
check "... and line 4" grep -q "^line 4: time must be" "$err"
check "... and saying nothing was imported" grep -q "nothing was imported" "$err"
run --export-csv "$tmp/after-bad.csv"
check "... and nothing was" [ "$(lines "$tmp/after-bad.csv")" -eq 3 ]

# A history that cannot be opened is kept, and moved only when asked.
head -c 4096 /dev/urandom >"$tmp/noise"
cp "$tmp/noise" "$db"
rm -f "$db-wal" "$db-shm"
run --log-pain 4
if [ "$status" -eq 1 ] && [ "$(lines "$err")" -eq 1 ] && grep -qF "$db" "$err" \
   && grep -q -- "--move-aside-history" "$err"; then
  ok "a damaged history: --log-pain exits 1 with one line naming it and what to do"
else
  not_ok "a damaged history: --log-pain exits 1 with one line naming it and what to do" "exit status $status"
fi
check "... and the file is as it was" cmp -s "$db" "$tmp/noise"
run --export-csv "$tmp/from-damaged.csv"
check "--export-csv of a damaged history exits 1, writing nothing" \
  [ "$status" -eq 1 ] && [ ! -e "$tmp/from-damaged.csv" ]
run --move-aside-history
check "--move-aside-history exits 0" [ "$status" -eq 0 ]
moved=$(ls "$XDG_DATA_HOME"/unknot/unknot.db.broken-* 2>/dev/null | head -n 1)
check "... to unknot.db.broken-DATE-TIME, byte for byte" \
  sh -c 'case "$1" in *unknot.db.broken-[0-9]*-[0-9]*) cmp -s "$1" "$2" ;; *) exit 1 ;; esac' sh "$moved" "$tmp/noise"
run --log-pain 2
check "then a new history starts" [ "$status" -eq 0 ]
run --move-aside-history
check "--move-aside-history on a working history exits 1 and moves nothing" [ "$status" -eq 1 ] && [ -e "$db" ]

if [ "$n" -ne "$plan" ]; then
  echo "# ran $n checks, planned $plan"
  exit 1
fi
[ "$failures" -eq 0 ]
