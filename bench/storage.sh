#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# storage.sh: the storage section of `make bench` (docs/storage.md): the
# bytes one run with one repeated occurrence of the seed splat adds to the
# database, split into the occurrence (its row, indexes and texts) and the
# run (its row and indexes), measured by dbstat after VACUUM over many runs;
# then the ingest rate (bench/ingest.c, -m 0) of the base splatd and of this
# one, alternated, and their ratio.  The base is built here, once, from git.
#
# Environment (bench/run.sh passes its own on):
#   BENCH_BASE            commit of the reference splatd (default: the parent
#                         of the commit that added migration 8)
#   BENCH_STORAGE_RUNS    repeated runs measured (default 1000)
#   BENCH_STORAGE_ROUNDS  ingest benchmark rounds per binary (default 3)
#   BENCH_SECONDS, BENCH_CONNS  as for the ingest section
set -u
cd "$(dirname "$0")/.." || exit 1
OUT=${BENCH_OUT:-bench/out}/storage
SPLATD=${SPLATD:-build/splatd}
RUNS=${BENCH_STORAGE_RUNS:-1000}
ROUNDS=${BENCH_STORAGE_ROUNDS:-3}
SEED=tests/data/seed-6641.txt
die() {
	echo "bench storage: $*" >&2
	exit 1
}

base=${BENCH_BASE:-$(git log --format=%H -S'/* 8: report texts' -- db/migrate.c | tail -n 1)^}
base=$(git rev-parse --verify -q "$base^{commit}") || die "no commit '$base'"
mkdir -p "$OUT"
BASE_BIN=$OUT/base-${base:0:12}/build/splatd
if [ ! -x "$BASE_BIN" ]; then
	echo "building the base splatd ${base:0:12} in $OUT (once) ..."
	rm -rf "$OUT/base-${base:0:12}"
	mkdir -p "$OUT/base-${base:0:12}"
	git archive "$base" | tar -x -C "$OUT/base-${base:0:12}" &&
		make -s -C "$OUT/base-${base:0:12}" -j2 build/splatd >/dev/null ||
		die "building $base failed"
fi

# pages BIN DB: "name bytes" of every table and index, after VACUUM
pages() { sqlite3 "$1" 'VACUUM' && sqlite3 -separator ' ' "$1" \
	'SELECT name, sum(pgsize) FROM dbstat GROUP BY name'; }

# measure LABEL BIN: ingest RUNS repeats; print bytes per run, by part
measure() {
	local label=$1 bin=$2 db=$OUT/$1.db i
	rm -f "$db" "$db-wal" "$db-shm"
	# the signature exists and the database is warm before the count
	for i in 0 1; do
		"$bin" ingest --db "$db" --run-id "warm-$i" "$SEED" >/dev/null ||
			die "$label: ingest failed"
	done
	pages "$db" >"$OUT/$label.before"
	for i in $(seq 1 "$RUNS"); do
		"$bin" ingest --db "$db" --run-id "ci-run-$((100000 + i))" \
			--tree drm-tip --branch drm-tip --machine "shard-glk$((i % 60))" \
			--kernel "6.1.0-rc$((i % 8))-CI_DRM_$((12000 + i))" \
			--commit "$(printf '%040x' "$((0x5eed0000 + i))")" \
			--test igt@kms_flip "$SEED" >/dev/null ||
			die "$label: ingest failed"
	done
	pages "$db" >"$OUT/$label.after"
	join -a 2 -e 0 -o 0,1.2,2.2 <(sort "$OUT/$label.before") \
		<(sort "$OUT/$label.after") | awk -v n="$RUNS" -v l="$label" '
		{ d = ($3 - $2) / n; t += d }
		$1 ~ /^(runs|sqlite_autoindex_runs_)/ { r += d; next }
		$1 ~ /^(occurrences|sqlite_autoindex_occurrences_|report_texts|sqlite_autoindex_report_texts_)/ { o += d; next }
		{ x += d }
		END { printf "%-6s %7.0f bytes a run: occurrence %6.0f, run row %5.0f, other %4.0f\n", l, t, o, r, x }'
}

echo "bytes one run with one repeated seed occurrence adds ($RUNS runs," \
	"dbstat after VACUUM; goal: occurrence < 300, with the run < 700):"
measure base "$BASE_BIN"
measure this "$SPLATD"
sqlite3 "$OUT/this.db" 'SELECT "this:  " || count(*) || " occurrences, "
	|| count(text_id) || " with text, " || (SELECT count(*) FROM
	report_texts) || " texts stored" FROM occurrences'

# rate BIN ROUND: "runs/s cpu-ms-per-run" of bench/ingest.c on splatd serve
rate() {
	build/bench/ingest -c "${BENCH_CONNS:-4}" -d "${BENCH_SECONDS:-10}" -m 0 \
		"$1" tests/data/parse-invariance/seed-6641.splat "$OUT/ingest-$2" \
		2>/dev/null | awk '/^splatd serve: / { r = $3 }
		/^splatd serve CPU:/ { c = $4 } END { if (r != "") print r, c }'
}
# Alternated rounds, the best of each: the machine's speed moves between
# runs (other load), the CPU time per run less than the rate.
best() { awk -v a="$1" -v b="$2" -v hi="$3" 'BEGIN { print (a == "" || (hi ? b > a : b < a)) ? b : a }'; }
br=
bc=
tr=
tc=
for r in $(seq 1 "$ROUNDS"); do
	read -r b_r b_c < <(rate "$BASE_BIN" "base-$r")
	read -r t_r t_c < <(rate "$SPLATD" "this-$r")
	[ -n "${b_c:-}" ] && [ -n "${t_c:-}" ] || die "build/bench/ingest failed"
	echo "ingest round $r: base $b_r runs/s ($b_c ms CPU a run)," \
		"this $t_r runs/s ($t_c ms CPU a run)"
	br=$(best "$br" "$b_r" 1)
	tr=$(best "$tr" "$t_r" 1)
	bc=$(best "$bc" "$b_c" 0)
	tc=$(best "$tc" "$t_c" 0)
done
awk -v br="$br" -v tr="$tr" -v bc="$bc" -v tc="$tc" 'BEGIN {
	printf "ingest, best of each: base %.0f runs/s %.2f ms CPU a run, this %.0f runs/s %.2f ms CPU a run\n", br, bc, tr, tc
	printf "ratio this/base: rate %.2f, CPU a run %.2f (goal: rate >= 1.00)\n", (br > 0 ? tr / br : 0), (bc > 0 ? tc / bc : 0) }'
