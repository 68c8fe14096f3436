#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The command line as a user or a script meets it: --version,
# --list-routines, --validate-routine, and the pain log's --log-pain,
# --export-csv, --import-csv and --move-aside-history, --report-pdf, and
# --suggest [--minutes N].  Prints TAP; exits 1
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
plan=86
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

# --report-pdf: a PDF for a clinician, never over an existing file.
rdata=$tmp/report-data
XDG_DATA_HOME=$rdata run --report-pdf "$tmp/none.pdf"
if [ "$status" -eq 1 ] && [ "$(lines "$err")" -eq 1 ] && [ ! -e "$tmp/none.pdf" ]; then
  ok "--report-pdf without a history exits 1 with one line, writing nothing"
else
  not_ok "--report-pdf without a history exits 1 with one line, writing nothing" "exit status $status"
fi
printf 'time,pain,note\r\n2025-03-02T08:00:00Z,6,private words\r\n2025-03-09T08:00:00Z,5,\r\n2025-03-30T08:00:00Z,3,\r\n2025-04-02T08:00:00Z,9,\r\n' \
  >"$tmp/march.csv"
XDG_DATA_HOME=$rdata run --import-csv "$tmp/march.csv"
report=$tmp/report.pdf
XDG_DATA_HOME=$rdata TZ=UTC run --report-pdf "$report" --from 2025-03-01 --to 2025-03-31
check "--report-pdf FILE --from --to exits 0" [ "$status" -eq 0 ]
check "... says what it wrote" [ "$(cat "$out")" = "$report: 2 pages, 3 pain ratings, 1 March 2025 – 31 March 2025" ]
check "... a PDF" [ "$(head -c 5 "$report")" = "%PDF-" ]
if command -v pdftotext >/dev/null; then
  pdftotext -enc UTF-8 "$report" "$tmp/report.txt"
  check "... with the trend's summary" grep -q "1 March 2025 – 31 March 2025: average 4.7 on 3 days with entries" "$tmp/report.txt"
  if grep -q "private words" "$tmp/report.txt"; then
    not_ok "... and no notes"
  else
    ok "... and no notes"
  fi
else
  ok "# SKIP pdftotext (poppler-utils) is not installed"
  ok "# SKIP pdftotext (poppler-utils) is not installed"
fi
cp "$report" "$tmp/report-copy.pdf"
XDG_DATA_HOME=$rdata run --report-pdf "$report"
if [ "$status" -eq 1 ] && [ "$(lines "$err")" -eq 1 ] && grep -qF "$report" "$err" && cmp -s "$report" "$tmp/report-copy.pdf"; then
  ok "--report-pdf onto an existing file exits 1 with one line naming it, and leaves it"
else
  not_ok "--report-pdf onto an existing file exits 1 with one line naming it, and leaves it" "exit status $status"
fi
XDG_DATA_HOME=$rdata run --report-pdf "$tmp/bad-date.pdf" --from 2025-13-01
if [ "$status" -eq 1 ] && [ "$(lines "$err")" -eq 1 ] && grep -q "YYYY-MM-DD" "$err" && [ ! -e "$tmp/bad-date.pdf" ]; then
  ok "--from 2025-13-01 exits 1 with one line asking for YYYY-MM-DD"
else
  not_ok "--from 2025-13-01 exits 1 with one line asking for YYYY-MM-DD" "exit status $status"
fi
XDG_DATA_HOME=$rdata run --report-pdf "$tmp/backwards.pdf" --from 2025-03-31 --to 2025-03-01
check "--from after --to exits 1" [ "$status" -eq 1 ]
run --from 2025-03-01
check "--from without --report-pdf exits 1, saying what it goes with" grep -q -- "--report-pdf" "$err"
cp "$tmp/noise" "$rdata/unknot/unknot.db"
rm -f "$rdata/unknot/unknot.db-wal" "$rdata/unknot/unknot.db-shm"
XDG_DATA_HOME=$rdata run --report-pdf "$tmp/from-damaged.pdf"
if [ "$status" -eq 1 ] && [ "$(lines "$err")" -eq 1 ] && grep -qF "$rdata/unknot/unknot.db" "$err" \
   && [ ! -e "$tmp/from-damaged.pdf" ] && cmp -s "$rdata/unknot/unknot.db" "$tmp/noise"; then
  ok "--report-pdf of a damaged history exits 1 naming it, writing nothing and changing nothing"
else
  not_ok "--report-pdf of a damaged history exits 1 naming it, writing nothing and changing nothing" "exit status $status"
fi

# --suggest: id, minutes and a reason per line, best first.
sdata=$tmp/suggest-data
XDG_DATA_HOME=$sdata run --suggest
check "--suggest without a history exits 0" [ "$status" -eq 0 ]
check "... a new user gets a gentle start first" \
  [ "$(head -n 1 "$out")" = "desk-break${tab}2${tab}A gentle start · takes 2 minutes" ]
bad_lines=$(awk -F '\t' 'NF != 3 || $1 !~ /^[a-z][a-z0-9-]*$/ || $2 !~ /^[0-9]+$/ || $3 == "" { print NR ": " $0 }' "$out")
check "... every line is id, minutes and reason, separated by tabs" [ -z "$bad_lines" -a -s "$out" ]
check "... nothing on stderr" [ ! -s "$err" ]
check "... and no history is created by asking" [ ! -e "$sdata/unknot/unknot.db" ]

XDG_DATA_HOME=$sdata run --log-pain 6 --region shoulder-right
XDG_DATA_HOME=$sdata run --log-pain 5 --region shoulder-right --tag desk-work
XDG_DATA_HOME=$sdata run --suggest
check "--suggest after right-shoulder entries exits 0" [ "$status" -eq 0 ]
check "... a shoulder routine first, saying it targets the right shoulder" \
  [ "$(head -n 1 "$out")" = "desk-break${tab}2${tab}Targets your right shoulder · takes 2 minutes · not enough data yet (0 rated sessions)" ]
check "... and the routines that don't reach the shoulder say nothing of it" \
  sh -c '! grep "^ball-chest-opener$1" "$2" | grep -q shoulder' sh "$tab" "$out"

XDG_DATA_HOME=$sdata run --suggest --minutes 2
long_lines=$(awk -F '\t' '$2 > 3 { print NR ": " $0 }' "$out")
check "--suggest --minutes 2 exits 0 with suggestions" [ "$status" -eq 0 -a -s "$out" ]
check "... only routines of 2 or 3 minutes" [ -z "$long_lines" ]
XDG_DATA_HOME=$sdata run --suggest --minutes 10
check "--suggest --minutes 10: a clean fit needs no word on time" \
  [ "$(head -n 1 "$out")" = "ball-trigger-points${tab}8${tab}Targets your right shoulder · not enough data yet (0 rated sessions)" ]

run --suggest --minutes 0
check "--minutes 0 exits 1 with one line" [ "$status" -eq 1 -a "$(lines "$err")" -eq 1 ]
run --minutes 5
check "--minutes without --suggest exits 1, saying what it goes with" \
  sh -c '[ "$1" -eq 1 ] && grep -q -- "--suggest" "$2"' sh "$status" "$err"

# The tools at hand and the safety check, as the preferences keep them.
keyfile=$tmp/suggest-config/glib-2.0/settings/keyfile
mkdir -p "$(dirname "$keyfile")"
printf '[io/github/unknot/Unknot]\ntools-at-hand=@as []\nscreening-answers={"fracture": true}\n' >"$keyfile"
XDG_DATA_HOME=$sdata XDG_CONFIG_HOME=$tmp/suggest-config GSETTINGS_BACKEND=keyfile run --suggest --minutes 10
check "--suggest with no tools at hand exits 0 with suggestions" [ "$status" -eq 0 -a -s "$out" ]
check "... hands-only routines only" sh -c '! grep -v "^desk-break$1" "$2" | grep -qv "^hands-"' sh "$tab" "$out"

# A "this doesn't feel right" stop an hour ago: no suggestion, one line on
# stderr, exit 0.  There is no command for a safety stop, so it is written
# as the session view writes it.
if command -v sqlite3 >/dev/null; then
  stopped=$(( ($(date +%s) - 3600) * 1000000 ))
  sqlite3 "$sdata/unknot/unknot.db" "INSERT INTO sessions (routine_id, routine_title, started_utc, started_offset,
    ended_utc, ended_offset, outcome, steps_total) VALUES ('desk-break', 'Desk break', $stopped, 0,
    $((stopped + 60000000)), 0, 'safety', 5);
    INSERT INTO safety_events (session_id, kind, step_index, occurred_utc, occurred_offset)
    VALUES (last_insert_rowid(), 'session-stop', 1, $((stopped + 60000000)), 0);"
  XDG_DATA_HOME=$sdata run --suggest
  check "--suggest after a safety stop exits 0" [ "$status" -eq 0 ]
  check "... suggests nothing" [ ! -s "$out" ]
  check "... and says why in one line on stderr" \
    sh -c '[ "$(wc -l <"$1")" -eq 1 ] && grep -q "emergency care" "$1"' sh "$err"
else
  ok "# SKIP sqlite3 is not installed (the red-flag state is covered by test-suggest)"
  ok "# SKIP sqlite3 is not installed"
  ok "# SKIP sqlite3 is not installed"
fi

# A history that cannot be read: no guess, one line naming it.
cp "$tmp/noise" "$sdata/unknot/unknot.db"
rm -f "$sdata/unknot/unknot.db-wal" "$sdata/unknot/unknot.db-shm"
XDG_DATA_HOME=$sdata run --suggest
if [ "$status" -eq 1 ] && [ "$(lines "$err")" -eq 1 ] && grep -qF "$sdata/unknot/unknot.db" "$err" && [ ! -s "$out" ]; then
  ok "--suggest with a damaged history exits 1 with one line naming it"
else
  not_ok "--suggest with a damaged history exits 1 with one line naming it" "exit status $status"
fi

if [ "$n" -ne "$plan" ]; then
  echo "# ran $n checks, planned $plan"
  exit 1
fi
[ "$failures" -eq 0 ]
