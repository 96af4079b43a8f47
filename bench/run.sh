#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# run.sh: the benchmarks behind `make bench`; every section prints figures
# (never pass/fail on time) measured against a reference in the same run.
#
# Environment:
#   BENCH_SECTIONS  sections to run, in order (default: all, see SECTIONS)
#   BENCH_OUT       where generated data goes (default bench/out, gitignored)
#   BENCH_FILES, BENCH_MB, BENCH_KB  corpus shape: files, MB per file, KB
#                   between lockdep reports (default 4 x 128 MB, 200 KB)
#   BENCH_RUNS      timed runs per command, the best one counts (default 3)
#   BENCH_COMMITS   commits in the gitsync repository (default 100000)
#   BENCH_CONNS, BENCH_SECONDS, BENCH_NEW_PERCENT, BENCH_OCCURRENCES
#                   ingest section: connections, seconds per target, % new
#                   signatures, occurrences in the list database
#   BENCH_MANY_PERCENT, BENCH_MANY_REPORTS  ingest section: share of the logs
#                   that hold many reports, and how many (default 10%, 50)
#   BENCH_DIGEST_SIGS, BENCH_DIGEST_OCCS, BENCH_DIGEST_RCPTS  digest section:
#                   signatures, occurrences, recipients (100000, 1000000, 2000)
#   BENCH_DASH_SIGS, BENCH_DASH_OCCS, BENCH_DASH_RUNS, BENCH_DASH_N  dashboard
#                   section: database shape, requests per API call
#                   (20000, 1000000, 200000, 100)
#   BENCH_BASE, BENCH_STORAGE_RUNS, BENCH_STORAGE_ROUNDS  storage section:
#                   the reference commit, repeated runs measured, ingest
#                   rounds per binary (bench/storage.sh)
#   SOAK_SECONDS    soak section: seconds of mixed traffic (default 600)
#   BENCH_CONNS, BENCH_SECONDS, BENCH_OCCURRENCES  also the postgres section
#                   (its PostgreSQL: a throw-away cluster, tests/pg/cluster.sh)
#   SPLATD          binary under test (default build/splatd, optimised)
#
# Adding a section: write a function section_NAME and add NAME to SECTIONS.
set -u
cd "$(dirname "$0")/.." || exit 1

SECTIONS=(parse parse_rss gitsync ingest storage fnindex route digest dashboard
	postgres soak)
OUT=${BENCH_OUT:-bench/out}
SPLATD=${SPLATD:-build/splatd}
BENCH_FILES=${BENCH_FILES:-4}
BENCH_MB=${BENCH_MB:-128}
BENCH_KB=${BENCH_KB:-200}
BENCH_RUNS=${BENCH_RUNS:-3}
GEN=build/bench/gen_corpus
TIME=/usr/bin/time

# The ten lockdep banner strings grep counts (../shared/LOCKDEP-FORMAT.md
# §3.0).
BANNERS=(
	"possible circular locking dependency detected"
	"possible recursive locking detected"
	"inconsistent lock state"
	"possible irq lock inversion dependency detected"
	"-unsafe lock order detected"
	"bad unlock balance detected"
	"held lock freed"
	"still has locks held"
	"lock held when returning to user space"
	"suspicious RCU usage"
)

die() {
	echo "bench: $*" >&2
	exit 1
}

# ---- helpers ---------------------------------------------------------------

now_ns() { date +%s%N; }

# mb_per_s BYTES NANOSECONDS
mb_per_s() { awk -v b="$1" -v ns="$2" 'BEGIN { printf "%.1f", b / 1e6 / (ns / 1e9) }'; }
secs() { awk -v ns="$1" 'BEGIN { printf "%.3f", ns / 1e9 }'; }
mb() { awk -v b="$1" 'BEGIN { printf "%.1f", b / 1e6 }'; }

# Generate the corpus unless the one in $OUT has the same shape.
corpus_ensure() {
	local shape="files=$BENCH_FILES mb=$BENCH_MB kb=$BENCH_KB"

	[ -x "$GEN" ] || die "$GEN missing: run 'make bench'"
	if [ -f "$OUT/expected.tsv" ] && [ "$(cat "$OUT/shape" 2>/dev/null)" = "$shape" ]; then
		return 0
	fi
	echo "generating corpus ($shape) in $OUT ..."
	rm -f "$OUT"/ci-*.log "$OUT/expected.tsv" "$OUT/shape"
	mkdir -p "$OUT"
	"$GEN" -n "$BENCH_FILES" -m "$BENCH_MB" -k "$BENCH_KB" "$OUT" ||
		die "corpus generation failed"
	echo "$shape" >"$OUT/shape"
}

corpus_files() { ls "$OUT"/ci-*.log; }
corpus_bytes() { cat $(corpus_files) | wc -c; }

# Read the files once so every timed command starts from the page cache
# (the machine drops idle page cache after about a minute).
warm() { cat "$@" >/dev/null; }

# best_ns CMD...: run CMD $BENCH_RUNS times (stdout to $OUT/last.out),
# print the fastest wall time in ns.
best_ns() {
	local i t0 t1 best=""

	for ((i = 0; i < BENCH_RUNS; i++)); do
		warm $(corpus_files)
		t0=$(now_ns)
		"$@" >"$OUT/last.out" || die "'$*' failed"
		t1=$(now_ns)
		if [ -z "$best" ] || [ $((t1 - t0)) -lt "$best" ]; then
			best=$((t1 - t0))
		fi
	done
	echo "$best"
}

grep_banners() {
	local args=() b

	for b in "${BANNERS[@]}"; do
		args+=(-e "$b")
	done
	LC_ALL=C grep -c -F "${args[@]}" "$@"
}

splatd_parse() { "$SPLATD" parse "$@"; }

# peak_rss_kb CMD...: peak RSS of CMD in KiB (stdout to $OUT/last.out)
peak_rss_kb() {
	"$TIME" -f %M -o "$OUT/rss" "$@" >"$OUT/last.out" || die "'$*' failed"
	tail -n 1 "$OUT/rss"
}

# ---- section parse: throughput vs grep, reports found, peak RSS -------------

section_parse() {
	local files bytes expected grep_ns splatd_ns banner_lines found rss
	local banner_expected
	local gmbs smbs kind exp got

	echo "== parse: splatd parse vs LC_ALL=C grep -c -F (${#BANNERS[@]} banner strings) =="
	corpus_ensure
	files=$(corpus_files)
	bytes=$(corpus_bytes)
	expected=$(awk -F'\t' 'NR > 1 { s += $3 } END { print s + 0 }' "$OUT/expected.tsv")
	echo "corpus: $(echo "$files" | wc -l) files, $(mb "$bytes") MB in $OUT," \
		"$expected lockdep reports expected"

	grep_ns=$(best_ns grep_banners $files)
	banner_lines=$(awk -F: '{ s += $NF } END { print s + 0 }' "$OUT/last.out")
	# the kinds without one of the ten banners
	banner_expected=$(awk -F'\t' '
		NR == 1 { for (i = 5; i <= NF; i++)
				if ($i != "invalid_wait_context" && $i != "hung_task_all_locks") c[i] = 1
			  next }
		{ for (i in c) s += $i } END { print s + 0 }' "$OUT/expected.tsv")
	splatd_ns=$(best_ns splatd_parse $files)
	cp "$OUT/last.out" "$OUT/parse.json"
	found=$(jq -s '[.[].reports | length] | add' "$OUT/parse.json")

	gmbs=$(mb_per_s "$bytes" "$grep_ns")
	smbs=$(mb_per_s "$bytes" "$splatd_ns")
	printf '%-22s %8s s %9s MB/s   banner lines %s of %s expected\n' \
		"grep -c -F:" "$(secs "$grep_ns")" "$gmbs" "$banner_lines" \
		"$banner_expected"
	printf '%-22s %8s s %9s MB/s   reports %s of %s expected\n' \
		"splatd parse:" "$(secs "$splatd_ns")" "$smbs" "$found" "$expected"
	printf 'ratio splatd/grep:     %s   (goal >= 1.0)\n' \
		"$(awk -v a="$smbs" -v b="$gmbs" 'BEGIN { printf "%.2f", a / b }')"
	warm $files
	rss=$(peak_rss_kb "$SPLATD" parse $files)
	printf 'peak RSS splatd parse: %s MB   (goal < 32 MB)\n' \
		"$(awk -v k="$rss" 'BEGIN { printf "%.1f", k / 1024 }')"

	echo "reports per file (found / expected):"
	jq -r '[.file, (.reports | length)] | @tsv' "$OUT/parse.json" |
		while IFS=$'\t' read -r f got; do
			exp=$(awk -F'\t' -v f="${f##*/}" '$1 == f { print $3 }' "$OUT/expected.tsv")
			printf '  %-24s %6s / %s%s\n' "${f##*/}" "$got" "$exp" \
				"$([ "$got" = "$exp" ] || echo '   MISMATCH')"
		done
	echo "reports per kind (found / expected):"
	jq -r '.reports[].kind' "$OUT/parse.json" | sort | uniq -c >"$OUT/found.txt"
	for kind in $(head -n 1 "$OUT/expected.tsv" | cut -f5-); do
		exp=$(awk -F'\t' -v k="$kind" '
			NR == 1 { for (i = 1; i <= NF; i++) if ($i == k) c = i; next }
			{ s += $c } END { print s + 0 }' "$OUT/expected.tsv")
		got=$(awk -v k="$kind" '$2 == k { print $1 }' "$OUT/found.txt")
		printf '  %-24s %6s / %s%s\n' "$kind" "${got:-0}" "$exp" \
			"$([ "${got:-0}" -eq "$exp" ] || echo '   MISMATCH')"
	done
	awk -v k="$(head -n 1 "$OUT/expected.tsv" | cut -f5- | tr '\t' ' ')" '
		BEGIN { n = split(k, a, " "); for (i = 1; i <= n; i++) want[a[i]] = 1 }
		!($2 in want) { printf "  %-24s %6s / 0   UNEXPECTED\n", $2, $1 }' \
		"$OUT/found.txt"
}

# ---- section parse_rss: memory stays flat as the log grows -------------------

section_parse_rss() {
	local f rss1 rss4 n1 n4 bytes

	echo "== parse_rss: splatd parse peak RSS, one log vs the same log 4x =="
	corpus_ensure
	f=$(corpus_files | head -n 1)
	bytes=$(wc -c <"$f")
	warm "$f"
	rss1=$(peak_rss_kb "$SPLATD" parse - < <(cat "$f"))
	n1=$(jq '.reports | length' "$OUT/last.out")
	rss4=$(peak_rss_kb "$SPLATD" parse - < <(cat "$f" "$f" "$f" "$f"))
	n4=$(jq '.reports | length' "$OUT/last.out")
	printf '1x %8s MB: peak RSS %6s MB, %s reports\n' "$(mb "$bytes")" \
		"$(awk -v k="$rss1" 'BEGIN { printf "%.1f", k / 1024 }')" "$n1"
	printf '4x %8s MB: peak RSS %6s MB, %s reports\n' "$(mb $((bytes * 4)))" \
		"$(awk -v k="$rss4" 'BEGIN { printf "%.1f", k / 1024 }')" "$n4"
	echo "(splatd reads the log from a pipe; goal: flat, < 32 MB)"
}

# ---- section gitsync: fix-evidence sync over 100,000 commits, containment ---

section_gitsync() {
	echo "== gitsync: first sync of ${BENCH_COMMITS:-100000} commits" \
		"(git fast-import), containment p50 =="
	build/bench/gitsync "$OUT/gitsync" "${BENCH_COMMITS:-100000}" ||
		die "build/bench/gitsync failed"
}

# ---- section ingest: splatd serve vs a bare libmicrohttpd sink, top-50 list --

section_ingest() {
	echo "== ingest: POST /api/v1/runs over keep-alive (bench/ingest.c)" \
		"vs a libmicrohttpd sink; top-50 list with" \
		"${BENCH_OCCURRENCES:-1000000} occurrences =="
	build/bench/ingest -c "${BENCH_CONNS:-4}" -d "${BENCH_SECONDS:-10}" \
		-n "${BENCH_NEW_PERCENT:-10}" -m "${BENCH_OCCURRENCES:-1000000}" \
		-r "${BENCH_MANY_PERCENT:-10}" -R "${BENCH_MANY_REPORTS:-50}" \
		"$SPLATD" tests/data/parse-invariance/seed-6641.splat \
		"$OUT/ingest" 2>/dev/null || die "build/bench/ingest failed"
}

# ---- section storage: bytes a repeated occurrence adds, ingest rate vs base --

section_storage() {
	echo "== storage: bytes a run with one repeated occurrence adds, and the" \
		"ingest rate, against the splatd before migration 8" \
		"(bench/storage.sh) =="
	bench/storage.sh || die "bench/storage.sh failed"
}

# ---- section fnindex: function index of Linux 6.1 vs ctags -R --------------

section_fnindex() {
	echo "== fnindex: splatd git index vs ctags -R on the Linux 6.1 tree =="
	bench/fnindex.sh || die "bench/fnindex.sh failed"
}

# ---- section soak: mixed and hostile traffic, /healthz p99, RSS, fds ---------

section_soak() {
	echo "== soak: ${SOAK_SECONDS:-600} s of mixed traffic on loopback" \
		"(bench/soak.sh) =="
	bench/soak.sh || die "bench/soak.sh failed"
}

# ---- section route: routing one report to its owners, vs parsing it ----------

section_route() {
	local ktree=${KTREE:-/var/tmp/splatd-linux-6.1}

	echo "== route: ranked owners of each real report on Linux 6.1" \
		"(bench/route.c), parse + signature as the reference =="
	[ -f "$ktree/MAINTAINERS" ] ||
		die "no kernel tree at $ktree (make conformance unpacks it)"
	build/bench/route "$ktree" "${BENCH_ROUTE_ROUNDS:-5}" \
		../shared/corpus/real/*.log ../shared/corpus/seed-6641.txt ||
		die "build/bench/route failed"
}

# ---- section digest: one digest pass over 100k signatures, 2k recipients ----

section_digest() {
	echo "== digest: one digest pass (bench/digest.c) over" \
		"${BENCH_DIGEST_SIGS:-100000} signatures," \
		"${BENCH_DIGEST_OCCS:-1000000} occurrences," \
		"${BENCH_DIGEST_RCPTS:-2000} recipients; a scan of the" \
		"occurrences as the reference =="
	build/bench/digest "$OUT/digest" "${BENCH_DIGEST_SIGS:-100000}" \
		"${BENCH_DIGEST_OCCS:-1000000}" "${BENCH_DIGEST_RCPTS:-2000}" ||
		die "build/bench/digest failed"
}

section_dashboard() {
	echo "== dashboard: every API call of each page (bench/dashboard.sh) on" \
		"${BENCH_DASH_SIGS:-20000} signatures, ${BENCH_DASH_OCCS:-1000000}" \
		"occurrences, ${BENCH_DASH_RUNS:-200000} runs; goals p50 < 20 ms," \
		"p99 < 100 ms, < 200 KB a page =="
	SPLATD=$SPLATD bench/dashboard.sh "$OUT/dashboard" \
		"${BENCH_DASH_SIGS:-20000}" "${BENCH_DASH_OCCS:-1000000}" \
		"${BENCH_DASH_RUNS:-200000}" "${BENCH_DASH_N:-100}" ||
		die "bench/dashboard.sh failed"
}

# ---- section postgres: one SQLite instance vs one and two on PostgreSQL ------

# pg_ingest LABEL INGEST-ARGS...: one bench/ingest load (no sink, no list),
# its "splatd serve" line relabelled, "runs/s p50 p99" in $pg_dir/LABEL
pg_ingest() {
	local label=$1 out line
	shift
	out=$(${PIN:+taskset -c "$PIN"} build/bench/ingest -S -m 0 -c "${BENCH_CONNS:-4}" \
		-d "${BENCH_SECONDS:-10}" "$@" "$SPLATD" \
		tests/data/parse-invariance/seed-6641.splat "$OUT/postgres" \
		2>/dev/null) || die "build/bench/ingest $* failed"
	line=$(grep -E '^splatd serve[^:]*: .*runs/s' <<<"$out") ||
		die "build/bench/ingest $*: no figures"
	printf '%-44s %s\n' "$label" "$(sed -E 's/^splatd serve[^:]*: *//' <<<"$line")"
	# what each run cost (splatd's CPU includes SQLite's; PostgreSQL's
	# is its cluster's), and the rate that CPU allows on this machine
	grep -E '^(stored:|splatd serve CPU:|postgres CPU:|CPU bound:)' \
		<<<"$out" | sed 's/^/  /'
	awk '{ for (i = 1; i <= NF; i++) {
		if ($i == "runs/s") r = $(i - 1)
		if ($i == "p50") p = $(i + 1)
		if ($i == "p99") q = $(i + 1) }
		print r, p, q }' <<<"$line" >"$pg_dir/$label"
	# the CPU a run of splatd and of the cluster: "splatd-ms pg-ms"
	awk '/^splatd serve CPU:/ { s = $4 } /^postgres CPU:/ { p = $3 }
		END { print s, p }' <<<"$out" >"$pg_dir/$label.cpu"
}

# sock_url NAME: the URL of the bench cluster's database NAME over its Unix
# socket (the cluster's directory, tests/pg/cluster.sh)
sock_url() {
	echo "postgresql://postgres@/$1?host=$SPLATD_PG_DIR&port=$(cat "$SPLATD_PG_DIR/port")"
}

# pin_cluster CPUS: the bench cluster's postmaster and its processes on
# CPUS (the backends it forks after inherit it)
pin_cluster() {
	local pm st pid ppid
	pm=$(head -n 1 "$SPLATD_PG_DIR/data/postmaster.pid") || return
	for st in /proc/[0-9]*/stat; do
		read -r pid _ _ ppid _ 2>/dev/null <"$st" || continue
		if [ "$pid" = "$pm" ] || [ "$ppid" = "$pm" ]; then
			taskset -p -c "$1" "$pid" >/dev/null
		fi
	done
}

# list_p50 LABEL DB: the top-50 list's p50 on DB, into $pg_dir/LABEL
list_p50() {
	local label=$1 out
	out=$(build/bench/ingest -L "$2" -m "$occs" "$SPLATD" \
		tests/data/parse-invariance/seed-6641.splat "$OUT/postgres" \
		2>/dev/null) || die "list latency on $label failed"
	sed -n 's/^  /  '"$label"': /p' <<<"$out"
	awk '/limit=50 / { print $(NF - 6) }' <<<"$out" | head -n 1 >"$pg_dir/$label"
}

section_postgres() (
	occs=${BENCH_OCCURRENCES:-1000000}
	echo "== postgres: ingest (bench/ingest.c, ${BENCH_CONNS:-4}" \
		"connections, ${BENCH_SECONDS:-10} s each) on one instance on" \
		"SQLite, one and two on PostgreSQL; the top-50 list with $occs" \
		"occurrences on both; goals: two on PostgreSQL >= one on" \
		"SQLite in runs/s with p99 < 50 ms, list p50 < 20 ms =="
	mkdir -p "$OUT/postgres"
	pg_dir=$(mktemp -d /tmp/splatd-bench-pg.XXXXXX) || die mktemp
	chmod 755 "$pg_dir"
	trap 'tests/pg/cluster.sh stop "$pg_dir/cluster"; rm -rf "$pg_dir"' EXIT
	# durable as SQLite's WAL with synchronous = NORMAL is: a commit
	# survives the process, the last ones may not survive the machine;
	# autovacuum looks every second, as docs/deploy.md advises for a busy
	# service (a signature's row is rewritten on every report)
	url=$(PG_OPTS='-c synchronous_commit=off -c shared_buffers=256MB -c autovacuum_naptime=1s' \
		tests/pg/cluster.sh start "$pg_dir/cluster") || die "no cluster"
	export SPLATD_PG_DIR=$pg_dir/cluster
	rm -f "$OUT/postgres/ingest.db"*
	pg_ingest "sqlite, 1 instance:" -D "$OUT/postgres/ingest.db"
	tests/pg/cluster.sh createdb one && tests/pg/cluster.sh createdb two ||
		die createdb
	# instances on the database's own host connect over its Unix socket,
	# as docs/deploy.md advises (loopback TCP cost both sides about 2%
	# more CPU a run, docs/bench.md)
	pg_ingest "postgres, 1 instance:" -D "$(sock_url one)"
	pg_ingest "postgres, 2 instances:" -I 2 -D "$(sock_url two)"
	# PostgreSQL alone on core 0, the instances and the clients on the
	# others: the rate one core of PostgreSQL's own host gives, which is
	# what separate hosts would multiply (docs/bench.md); over TCP, as
	# from another host
	if [ "$(nproc)" -ge 2 ] && command -v taskset >/dev/null &&
		tests/pg/cluster.sh createdb pinned; then
		pin_cluster 0
		PIN=1-$(($(nproc) - 1)) pg_ingest \
			"postgres, 2 instances, PostgreSQL on 1 core:" -I 2 \
			-D "$url/pinned"
		pin_cluster "0-$(($(nproc) - 1))"
	fi
	read -r s1 _ _ <"$pg_dir/sqlite, 1 instance:"
	read -r p1 _ _ <"$pg_dir/postgres, 1 instance:"
	read -r p2 _ p2_99 <"$pg_dir/postgres, 2 instances:"
	awk -v s="$s1" -v a="$p1" -v b="$p2" -v q="$p2_99" 'BEGIN {
		printf "runs/s against SQLite: 1 on PostgreSQL %.2f, 2 on" \
			" PostgreSQL %.2f (goal >= 1.00; p99 %s ms, goal < 50)\n",
			a / s, b / s, q }'
	# what separate hosts would give, from the CPU a run measured above
	# (the two-instance load): a projection, not a measurement
	read -r c_s c_p <"$pg_dir/postgres, 2 instances:.cpu"
	awk -v s="$s1" -v cs="$c_s" -v cp="$c_p" 'BEGIN {
		if (cs <= 0 || cp <= 0) exit
		printf "separate hosts (projected from the CPU a run): an" \
			" instance core %.0f runs/s (%.2f ms), a database core" \
			" %.0f (%.2f ms); SQLite'"'"'s %.0f runs/s takes %.1f" \
			" instance cores and %.1f database cores\n",
			1000 / cs, cs, 1000 / cp, cp, s, s * cs / 1000,
			s * cp / 1000 }'

	# the list database of the ingest section (built once, cached), and
	# its copy on PostgreSQL
	list=$OUT/ingest/list-$occs.db
	if [ ! -e "$list" ]; then
		build/bench/ingest -S -c 1 -d 1 -m "$occs" "$SPLATD" \
			tests/data/parse-invariance/seed-6641.splat \
			"$OUT/ingest" >/dev/null 2>&1 || die "building $list"
	fi
	tests/pg/cluster.sh createdb list || die createdb
	t0=$(now_ns)
	"$SPLATD" db copy --from "$list" --to "$url/list" >/dev/null \
		2>"$pg_dir/copy.err" || die "db copy: $(cat "$pg_dir/copy.err")"
	echo "db copy of the list database: $(secs $(($(now_ns) - t0))) s" \
		"($occs occurrences, verified)"
	psql -q -d "$url/list" -c 'VACUUM ANALYZE' >/dev/null
	list_p50 sqlite "$list"
	list_p50 postgres "$url/list"
	awk -v s="$(cat "$pg_dir/sqlite")" -v p="$(cat "$pg_dir/postgres")" \
		'BEGIN { printf "list p50: PostgreSQL/SQLite %.2f (goal p50 <" \
			" 20 ms on both)\n", p / s }'
)

# ---- main --------------------------------------------------------------------

[ -x "$SPLATD" ] || die "$SPLATD missing: run 'make bench'"
command -v jq >/dev/null || die "jq missing: run 'make deps'"
[ -x "$TIME" ] || die "$TIME missing: run 'make deps' (Debian package time)"
for s in ${BENCH_SECTIONS:-${SECTIONS[*]}}; do
	declare -F "section_$s" >/dev/null || die "unknown section '$s'"
	"section_$s"
	echo
done
