#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# dashboard.sh: the `dashboard` section of `make bench` (bench/run.sh): a
# database of SIGS signatures, OCCS occurrences over 90 days and RUNS runs
# generated in SQL (plus the #6641 seed ingested for real), a `splatd serve`
# on it, then every API call each dashboard page makes, N times each with
# curl: p50 and p99 in ms, and each page's total transfer (its files and its
# API replies) in KB.  Prints a table; passes or fails nothing.
#
#   bench/dashboard.sh DIR [SIGS OCCS RUNS N]   (20000 1000000 200000 100)
set -u
cd "$(dirname "$0")/.." || exit 1
DIR=${1:-bench/out/dashboard}
SIGS=${2:-20000}
OCCS=${3:-1000000}
RUNS=${4:-200000}
N=${5:-100}
SPLATD=${SPLATD:-build/splatd}
DB=$DIR/dash.db
mkdir -p "$DIR"

if [ ! -s "$DB" ] || [ "$(cat "$DIR/shape" 2>/dev/null)" != "$SIGS $OCCS $RUNS" ]; then
	rm -f "$DB" "$DB-wal" "$DB-shm"
	echo "generating $SIGS signatures, $OCCS occurrences, $RUNS runs in $DB"
	"$SPLATD" token create --name bench --role ci --db "$DB" >/dev/null
	now=$(date +%s)
	sqlite3 "$DB" <<SQL || exit 1
PRAGMA journal_mode = WAL;
PRAGMA synchronous = OFF;
BEGIN;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $RUNS)
INSERT INTO runs (id, run_id, tree, kernel, kernel_commit, machine, test,
	received_at, run_at, log_size, log_sha256, reports, verdict)
SELECT i, 'run-' || i, CASE i % 3 WHEN 0 THEN 'mainline' WHEN 1 THEN 'linux-next'
	ELSE 'drm-tip' END, '6.' || (i % 12) || '.0', printf('%040x', i),
	'machine-' || (i % 300), 'test-' || (i % 20),
	$now - 90 * 86400 + i * (90 * 86400 / $RUNS),
	$now - 90 * 86400 + i * (90 * 86400 / $RUNS), 100000, printf('%064x', i), 5, '{}'
FROM n;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $SIGS)
INSERT INTO signatures (id, hash, algo_version, kind, title, classes, chain,
	culprit_function, first_seen, last_seen, first_run_at, last_run_at,
	occurrences, status, search)
SELECT i, printf('%016x', i * 2654435761), 1,
	CASE i % 4 WHEN 0 THEN 'circular' WHEN 1 THEN 'recursive'
		WHEN 2 THEN 'inconsistent_lock_state' ELSE 'bad_unlock_balance' END,
	'possible deadlock in fn_' || i,
	json_array('&lock_a_' || i, 'lock_b_' || (i % 500), 'lock_c_' || (i % 97)),
	json_array('&lock_a_' || i, 'lock_b_' || (i % 500), 'lock_c_' || (i % 97)),
	'fn_' || i, $now - 90 * 86400, $now, $now - 90 * 86400, $now, 0,
	CASE i % 5 WHEN 0 THEN 'triaged' WHEN 1 THEN 'known' ELSE 'new' END,
	'possible deadlock in fn_' || i || ' &lock_a_' || i
FROM n;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $SIGS)
INSERT INTO edges (id, hash, from_class, to_class)
SELECT 2 * i - 1, printf('%016x', i * 40503), '&lock_a_' || i, 'lock_b_' || (i % 500) FROM n
UNION ALL
SELECT 2 * i, printf('%016x', i * 40503 + 1), 'lock_b_' || (i % 500), 'lock_c_' || (i % 97) FROM n;
INSERT INTO signature_edges (signature_id, edge_id, seq, function)
SELECT (id + 1) / 2, id, (id + 1) % 2, 'fn_' || ((id + 1) / 2) FROM edges;
-- occurrences: a skewed signature (the low ids are the busy ones), a run,
-- and the time that run came (as ingest stores it: never before the run
-- ran).  MATERIALIZED draws s and r once a row: a flattened subquery
-- called random() again for each use, so the matched signature was
-- another one and half the occurrences came before their run ran
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $OCCS),
p AS MATERIALIZED (SELECT i,
	1 + (abs(random()) % $SIGS) * (abs(random()) % $SIGS) / $SIGS AS s,
	1 + abs(random()) % $RUNS AS r FROM n)
INSERT INTO occurrences (id, signature_id, matched_signature_id, run_id, seq, ts,
	is_new, kernel, task, pid)
SELECT i, s, s, r, i, $now - 90 * 86400 + r * (90 * 86400 / $RUNS), 0,
	'6.' || (r % 12) || '.0', 'task', i % 30000
FROM p;
UPDATE signatures SET occurrences = (SELECT count(*) FROM occurrences o
	WHERE o.signature_id = signatures.id);
-- first and last seen from them, as ingest keeps them: the busy signatures
-- are the ones seen last, the list's first page (all were seen "now", and
-- the list began with the high ids, most of them never seen); one never
-- seen (none is, outside a benchmark) was seen 90 days ago
UPDATE signatures SET
	first_seen = coalesce((SELECT min(o.ts) FROM occurrences o
		WHERE o.signature_id = signatures.id), $now - 90 * 86400),
	last_seen = coalesce((SELECT max(o.ts) FROM occurrences o
		WHERE o.signature_id = signatures.id), $now - 90 * 86400),
	first_run_at = coalesce((SELECT min(r.run_at) FROM occurrences o
		JOIN runs r ON r.id = o.run_id WHERE o.signature_id = signatures.id),
		$now - 90 * 86400),
	last_run_at = coalesce((SELECT max(r.run_at) FROM occurrences o
		JOIN runs r ON r.id = o.run_id WHERE o.signature_id = signatures.id),
		$now - 90 * 86400);
-- where each signature was seen, as ingest writes it once per run
INSERT OR IGNORE INTO signature_places (what, value, signature_id)
SELECT DISTINCT 'tree', r.tree, o.signature_id FROM occurrences o
	JOIN runs r ON r.id = o.run_id WHERE r.tree IS NOT NULL
UNION SELECT DISTINCT 'machine', r.machine, o.signature_id FROM occurrences o
	JOIN runs r ON r.id = o.run_id WHERE r.machine IS NOT NULL;
-- signature_trees and signature_tallies from the occurrences: migration
-- 27 builds them, as for a database from before it, when the next splatd
-- opens this one (the token made it at the latest schema: only 27 is
-- undone; taking it back to 24 ran migration 26's ALTER TABLE again)
DROP TRIGGER IF EXISTS runs_moved_tree;
DROP TRIGGER IF EXISTS runs_moved_kernel;
DROP TRIGGER IF EXISTS runs_moved_machine;
DROP TABLE IF EXISTS signature_tallies;
PRAGMA user_version = 26;
COMMIT;
ANALYZE;
SQL
	echo "$SIGS $OCCS $RUNS" >"$DIR/shape"
fi

CI=$("$SPLATD" token create --name "bench-$$" --role ci --db "$DB" | tail -n 1)
"$SPLATD" serve --listen 127.0.0.1:0 --db "$DB" --static static \
	--access-log off >"$DIR/serve.out" 2>"$DIR/serve.err" &
PID=$!
trap 'kill $PID 2>/dev/null; wait $PID 2>/dev/null' EXIT
for _ in $(seq 1 200); do
	PORT=$(sed -n 's|^splatd: listening on http://127.0.0.1:||p' "$DIR/serve.out")
	[ -n "$PORT" ] && break
	sleep 0.05
done
BASE=http://127.0.0.1:$PORT
curl -s -o /dev/null -H "Authorization: Bearer $CI" --data-binary @tests/data/seed-6641.txt \
	"$BASE/api/v1/runs?id=bench-seed-$$&machine=m1&tree=drm-tip"
SEED=$(curl -s "$BASE/api/v1/signatures?q=coretemp_cpu_online&limit=1" | jq -r '.signatures[0].id')
BUSY=1
IDS=$(curl -s "$BASE/api/v1/signatures?limit=50" | jq -r '[.signatures[].id] | join(",")')

# time URL: N requests; prints "p50 p99 bytes" (ms, ms, bytes of one reply)
time_url() {
	local i
	for i in $(seq 1 "$N"); do
		curl -s -o /dev/null -w '%{time_total} %{size_download}\n' "$BASE$1"
	done | sort -n | awk -v n="$N" '{ t[NR] = $1 * 1000; b = $2 }
		END { printf "%.1f %.1f %d\n", t[int((n + 1) / 2)], t[int(n * 0.99 + 0.5)], b }'
}

PAGES=(
	"overview|/|/api/v1/overview /api/v1/runs?limit=10"
	"signatures|/signatures|/api/v1/signatures?limit=50 /api/v1/regressions /api/v1/signatures/stats?ids=$IDS"
	"signatures (filtered)|/signatures?tree=mainline&machine=machine-7|/api/v1/signatures?limit=50&duplicates=0&tree=mainline&machine=machine-7 /api/v1/signatures?limit=50&duplicates=0&machine=no-such-machine&sort=count /api/v1/signatures?limit=50&duplicates=0&machine=m1"
	"signature (#6641)|/signatures/$SEED|/api/v1/signatures/$SEED /api/v1/signatures/$SEED/report /api/v1/signatures/$SEED/histogram?days=90 /api/v1/signatures/$SEED/occurrences?limit=5 /api/v1/regressions /api/v1/signatures/$SEED/duplicates"
	"signature (busiest)|/signatures/$BUSY|/api/v1/signatures/$BUSY /api/v1/signatures/$BUSY/report /api/v1/signatures/$BUSY/histogram?days=90 /api/v1/signatures/$BUSY/occurrences?limit=5 /api/v1/regressions /api/v1/signatures/$BUSY/duplicates"
	"regressions|/regressions|/api/v1/regressions"
	"runs|/runs|/api/v1/runs?limit=50"
	"run|/runs/run-1|/api/v1/runs/run-1"
)
printf '%-22s %-58s %8s %8s %9s\n' page "API call" "p50 ms" "p99 ms" "KB"
for p in "${PAGES[@]}"; do
	IFS='|' read -r name path calls <<<"$p"
	total=0
	for f in "$path" /splatd.js /splatd.css; do
		total=$((total + $(curl -s -o /dev/null -w '%{size_download}' "$BASE$f")))
	done
	for c in $calls; do
		read -r p50 p99 bytes <<<"$(time_url "$c")"
		total=$((total + bytes))
		printf '%-22s %-58s %8s %8s %9.1f\n' "$name" "${c:0:58}" "$p50" "$p99" \
			"$(echo "$bytes / 1024" | bc -l)"
	done
	printf '%-22s %-58s %8s %8s %9.1f\n' "$name" "(page total with its files)" "" "" \
		"$(echo "$total / 1024" | bc -l)"
done

# The statements stop 21 replaced against their replacements, on this
# database in the same run (Python's sqlite3, the same library; p50 of R
# runs each, ms): a signature's machines and kernels tables (a count of
# every occurrence before, signature_tallies now) for the busiest
# signature and for one of HOT occurrences added inside a transaction
# rolled back at the end; the list by a machine (a walk of the signatures
# in the sort's order probing each before, the machine's places now) for
# one no signature has, the seed's (one signature) and machine-7.
kill $PID 2>/dev/null
wait $PID 2>/dev/null
trap - EXIT
HOT=${HOT:-200000} R=${R:-20}
python3 - "$DB" "$SIGS" "$RUNS" "$HOT" "$R" <<'PY'
import sqlite3, statistics, sys, time
db, sigs, runs, hot, r = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
c = sqlite3.connect(db, isolation_level=None)
def p50(q, args):
    t = []
    for _ in range(r):
        t0 = time.perf_counter()
        c.execute(q, args).fetchall()
        t.append((time.perf_counter() - t0) * 1000)
    return statistics.median(t)
def row(name, old, new, args):
    a, b = p50(old, args), p50(new, args)
    print("%-44s %9.3f %9.3f %9.1fx" % (name, a, b, a / b if b else 0))
OLD_M = ("SELECT coalesce(r.machine, ''), count(*) FROM occurrences o JOIN runs r"
         " ON r.id = o.run_id WHERE o.signature_id = ?1 GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 100")
OLD_K = ("SELECT coalesce(o.kernel, r.kernel, ''), count(*) FROM occurrences o JOIN runs r"
         " ON r.id = o.run_id WHERE o.signature_id = ?1 GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 100")
NEW = ("SELECT value, occurrences FROM signature_tallies WHERE signature_id = ?1"
       " AND what = ?2 ORDER BY occurrences DESC, value LIMIT 100")
WALK = ("SELECT id FROM signatures WHERE EXISTS (SELECT 1 FROM signature_places p"
        " WHERE p.what = 'machine' AND p.value = ?1 AND p.signature_id = signatures.id)"
        " AND duplicate_of IS NULL ORDER BY last_run_at DESC, id DESC LIMIT 50")
PLACE = ("SELECT signatures.id FROM signature_places dp CROSS JOIN signatures"
         " ON signatures.id = dp.signature_id AND dp.what = 'machine' AND dp.value = ?1"
         " WHERE duplicate_of IS NULL ORDER BY last_run_at DESC, id DESC LIMIT 50")
print("%-44s %9s %9s %9s" % ("statement (p50 of %d)" % r, "old ms", "new ms", "old/new"))
busy = c.execute("SELECT occurrences FROM signatures WHERE id = 1").fetchone()[0]
row("machines, busiest (%d occurrences)" % busy, OLD_M, NEW.replace("?2", "'machine'"), (1,))
row("kernels, busiest", OLD_K, NEW.replace("?2", "'kernel'"), (1,))
hid = sigs + 1000
c.execute("BEGIN")
c.execute("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?1)"
          " INSERT INTO occurrences (signature_id, matched_signature_id, run_id, seq, ts,"
          " is_new, kernel, task, pid) SELECT ?2, ?2, r, 2000000 + i, rr.run_at, 0, rr.kernel, 'task', 1"
          " FROM (SELECT i, 1 + abs(random()) % ?3 AS r FROM n) JOIN runs rr ON rr.id = r",
          (hot, hid, runs))
for what, val in (("machine", "coalesce(r.machine, '')"), ("kernel", "coalesce(o.kernel, r.kernel, '')")):
    c.execute("INSERT INTO signature_tallies (signature_id, what, value, occurrences)"
              " SELECT o.signature_id, '%s', %s, count(*) FROM occurrences o JOIN runs r"
              " ON r.id = o.run_id WHERE o.signature_id = ?1 GROUP BY 1, 3" % (what, val), (hid,))
row("machines, hot (%d occurrences)" % hot, OLD_M, NEW.replace("?2", "'machine'"), (hid,))
row("kernels, hot", OLD_K, NEW.replace("?2", "'kernel'"), (hid,))
c.execute("ROLLBACK")
for m in ("no-such-machine", "m1", "machine-7"):
    n = c.execute("SELECT count(*) FROM signature_places WHERE what = 'machine' AND value = ?1",
                  (m,)).fetchone()[0]
    row("list, machine=%s (%d signatures)" % (m, n), WALK, PLACE, (m,))
PY
