// SPDX-License-Identifier: GPL-2.0
/* sql: the one table of SQL statements, indexed by enum db_sql. */
#include "db/sql.h"

#include <stddef.h>

#define SIG_COLUMNS                                                 \
	"id, hash, algo_version, kind, title, classes, chain, "     \
	"culprit_function, culprit_module, first_seen, last_seen, " \
	"occurrences, status, note, duplicate_of, escalated_at, "   \
	"escalation_reason, texts_dropped, syz_title, "             \
	"coalesce(first_run_at, first_seen), "                      \
	"coalesce(last_run_at, last_seen)"

/*
 * The list statements share their filters: ?1 kind, ?2 status, ?3 q (lower
 * case, matched against the search column, or 6 characters or more: the
 * start of the hash), ?4 since (last_run_at >=), ?5/?6
 * the cursor (sort value, id), ?7 limit, ?8 tree, ?9 machine, ?10 section,
 * ?11 no duplicates, ?12 escalated now, ?13 first_run_at >= (the times of
 * the runs, docs/dashboard.md "First seen, last seen").  A NULL
 * parameter disables its
 * filter.  instr is SQLite's spelling of strpos; a parameter first met in
 * "IS NULL" is cast, or PostgreSQL could not tell its type.
 */
#define SIG_LIST(col) SIG_LIST_IN(col, "instr", "signatures")
#define SIG_LIST_PG(col) SIG_LIST_IN(col, "strpos", "signatures")
/*
 * The same, read from the signatures of one place (?14 what, ?15 value) of
 * signature_places instead of the sort's index: a tree or machine few
 * signatures were seen on (db_signature_list()) is their rows, not a walk
 * of every signature in the sort's order probing each.  SQLite: CROSS JOIN
 * keeps the place's rows the outer loop; PostgreSQL: JOIN (CROSS JOIN
 * takes no ON), its planner orders it.
 */
#define SIG_PLACE(join)                                         \
	"signature_places dp " join " signatures"               \
	" ON signatures.id = dp.signature_id AND dp.what = ?14" \
	" AND dp.value = ?15"
#define SIG_LIST_AT(col) SIG_LIST_IN(col, "instr", SIG_PLACE("CROSS JOIN"))
#define SIG_LIST_AT_PG(col) SIG_LIST_IN(col, "strpos", SIG_PLACE("JOIN"))
#define SIG_LIST_IN(col, instr, from)                                                    \
	"SELECT " SIG_COLUMNS " FROM " from                                              \
	" WHERE (CAST(?1 AS text) IS NULL OR kind = ?1)"                                 \
	" AND (CAST(?2 AS text) IS NULL OR status = ?2)"                                 \
	" AND (CAST(?3 AS text) IS NULL OR " instr "(search, ?3) > 0"                    \
	" OR (length(?3) >= 6 AND substr(hash, 1, length(?3)) = ?3))"                    \
	" AND (CAST(?4 AS bigint) IS NULL OR last_run_at >= ?4)"                         \
	" AND (CAST(?5 AS bigint) IS NULL OR " col " < ?5"                               \
	" OR (" col " = ?5 AND id < ?6))"                                                \
	" AND (CAST(?8 AS text) IS NULL OR EXISTS (SELECT 1 FROM signature_places p"     \
	"  WHERE p.what = 'tree' AND p.value = ?8"                                       \
	"  AND p.signature_id = signatures.id))"                                         \
	" AND (CAST(?9 AS text) IS NULL OR EXISTS (SELECT 1 FROM signature_places p"     \
	"  WHERE p.what = 'machine' AND p.value = ?9"                                    \
	"  AND p.signature_id = signatures.id))"                                         \
	" AND (CAST(?10 AS text) IS NULL OR EXISTS (SELECT 1 FROM signature_sections ss" \
	"  WHERE ss.signature_id = signatures.id AND ss.section = ?10))"                 \
	" AND (CAST(?11 AS bigint) IS NULL OR duplicate_of IS NULL)"                     \
	" AND (CAST(?12 AS bigint) IS NULL OR escalated_at IS NOT NULL)"                 \
	" AND (CAST(?13 AS bigint) IS NULL OR first_run_at >= ?13)"                      \
	" ORDER BY " col " DESC, id DESC LIMIT ?7"

#define KCIDB_FETCH_COLUMNS                                              \
	"id, test_id, origin, run_id, build_id, log_url, path, machine," \
	" start_time, state, attempts, next_attempt, last_error,"        \
	" created_at, updated_at, log_excerpt, lockdep, host, log_files"

/*
 * Up to ?3 queued fetches due at ?2, after the one due at ?4 with id ?5,
 * soonest first, but for those of the hosts (hosts: a SELECT of them) and
 * ids (ids) a worker may not take now.
 */
#define KCIDB_FETCH_DUE(hosts, ids)                                   \
	"SELECT " KCIDB_FETCH_COLUMNS " FROM kcidb_fetches"           \
	" WHERE state = ?1 AND next_attempt <= ?2"                    \
	" AND (next_attempt > ?4 OR (next_attempt = ?4 AND id > ?5))" \
	" AND host NOT IN (" hosts ") AND id NOT IN (" ids ")"        \
	" ORDER BY next_attempt, id LIMIT ?3"

/* A run's column col, or when it is empty the checkout's ccol of the
 * run's build (DB_SQL_KCIDB_RUNS_COMPLETE). */
#define RUN_FROM_CHECKOUT(col, ccol)                                          \
	"CASE WHEN coalesce(" col ", '') = '' THEN coalesce((SELECT c." ccol  \
	" FROM kcidb_builds b JOIN kcidb_checkouts c ON c.id = b.checkout_id" \
	" WHERE b.id = runs.kcidb_build_id), " col ") ELSE " col " END"

#define RUN_COLUMNS                                                          \
	"id, run_id, tree, branch, kernel, kernel_commit, machine, test, "   \
	"started_at, received_at, log_size, log_sha256, lockdep_off_after, " \
	"lockdep_off_reason, reports, lockdep_meta_off, lockdep_sign, run_at"

#define REG_COLUMNS                                                     \
	"id, title, introduced, status, resolution, duplicate_of, "     \
	"fix_commit, fix_repo, clean_runs, scanned, created, updated, " \
	"clean_runs_reset, clean_runs_reset_upto"

#define OUTBOX_COLUMNS                                                      \
	"id, message_id, kind, envelope_from, recipients, message, state, " \
	"attempts, next_attempt, created, sent_at, last_error"

/*
 * Whether the regression_history row h is a state change a digest tells:
 * to fix_known, fixed, reopened or workaround, or a manual reopen.
 */
#define REG_STATE_CHANGE(h)                                              \
	h ".action = 'status' AND (" h ".new IN ('fix_known', 'fixed',"  \
	  " 'reopened', 'workaround') OR (" h ".old = 'resolved' AND " h \
	  ".new = 'open'))"

/*
 * Whether the opt-out row x holds at now: not-mine and unsubscribe always;
 * a recipient's own mute (`#splatd mute` by a maintainer, docs/mail.md)
 * "mute" until its ts (when it ends), "mute-escalating" while the signature
 * has not escalated since its ts (when it was set); esc is the signature's
 * escalated_at.
 */
#define OPTOUT_HOLDS(now, esc)                                       \
	"(x.reason NOT IN ('mute', 'mute-escalating')"               \
	" OR (x.reason = 'mute' AND x.ts > " now ")"                 \
	" OR (x.reason = 'mute-escalating' AND coalesce(" esc ", 0)" \
	" <= x.ts))"

/*
 * ?1 email, ?2 its last digest (0: never), ?3 now; each reason ranked, the
 * best kept; a manual reopen (resolved -> open) is a state change too.
 * SQLite: CROSS JOIN keeps the address's subscriptions the outer loop, so
 * that an address without them scans nothing, and min() picks its row's
 * columns; PostgreSQL: JOIN (its planner orders joins, CROSS JOIN takes no
 * ON) and DISTINCT ON.
 */
#define DIGEST_SIGNATURES(on_join, best)                                      \
	"WITH mine (sid, rk, why, section, sub, is_list) AS ("                \
	"  SELECT signature_id, rank, why, section, 0, is_list"               \
	"  FROM signature_people WHERE email = ?1"                            \
	"  UNION ALL SELECT ss.signature_id, 1000000,"                        \
	"  'you subscribed to ' || sub.value, ss.section, 1, 0"               \
	"  FROM subscriptions sub " on_join " signature_sections ss"          \
	"  ON ss.section = sub.value"                                         \
	"  WHERE sub.email = ?1 AND sub.what = 'section'"                     \
	"  UNION ALL SELECT CAST(sub.value AS INTEGER), 999999,"              \
	"  'you subscribed to this signature', NULL, 1, 0"                    \
	"  FROM subscriptions sub"                                            \
	"  WHERE sub.email = ?1 AND sub.what = 'signature'"                   \
	"  UNION ALL SELECT s.id, 1000001,"                                   \
	"  'you subscribed to the kind ' || sub.value, NULL, 1, 0"            \
	"  FROM subscriptions sub " on_join " signatures s"                   \
	"  ON s.kind = sub.value"                                             \
	"  WHERE sub.email = ?1 AND sub.what = 'kind'"                        \
	"  UNION ALL SELECT DISTINCT o.signature_id, 1000002,"                \
	"  'you subscribed to the tree ' || sub.value, NULL, 1, 0"            \
	"  FROM subscriptions sub " on_join " runs r ON r.tree = sub.value"   \
	"  " on_join " occurrences o ON o.run_id = r.id"                      \
	"  WHERE sub.email = ?1 AND sub.what = 'tree'"                        \
	"  UNION ALL SELECT s.id, 1000003,"                                   \
	"  'you subscribed to everything', NULL, 1, 0"                        \
	"  FROM subscriptions sub CROSS JOIN signatures s"                    \
	"  WHERE sub.email = ?1 AND sub.what = 'all'),"                       \
	" best AS (" best ")"                                                 \
	" SELECT s.id, s.hash, s.kind, s.title, s.status, s.chain,"           \
	" s.first_seen, s.last_seen, s.occurrences,"                          \
	" coalesce(s.escalated_at, 0), s.escalation_reason,"                  \
	" b.why, b.section, b.sub, b.is_list,"                                \
	" (SELECT count(*) FROM occurrences o WHERE o.signature_id = s.id"    \
	"  AND o.ts >= ?2 AND o.ts < ?3),"                                    \
	" (SELECT count(*) FROM occurrences o WHERE o.signature_id = s.id"    \
	"  AND o.ts > ?3 - 604800 AND o.ts <= ?3),"                           \
	" rg.id, rg.status,"                                                  \
	" (SELECT max(h.ts) FROM regression_history h"                        \
	"  WHERE h.regression_id = rg.id AND " REG_STATE_CHANGE(              \
		"h") "  AND h.ts > ?2),"                                      \
		     " (SELECT coalesce(max(m.ts), 0) FROM mail_sent_about m" \
		     "  WHERE m.signature_id = s.id AND m.email = ?1)"        \
		     " FROM best b JOIN signatures s ON s.id = b.sid"         \
		     " LEFT JOIN regressions rg ON rg.id = (SELECT"           \
		     "  max(rs.regression_id) FROM regression_signatures rs"  \
		     "  WHERE rs.signature_id = s.id)"                        \
		     " WHERE s.duplicate_of IS NULL"                          \
		     " AND s.status IN ('new', 'triaged', 'known')"           \
		     " AND coalesce(s.muted_until, 0) <= ?3"                  \
		     " AND s.mute_until_escalating = 0"                       \
		     " AND NOT EXISTS (SELECT 1 FROM mail_optouts x"          \
		     "  WHERE x.email = ?1 AND x.signature_id = s.id"         \
		     "  AND " OPTOUT_HOLDS("?3", "s.escalated_at") ")"

/* the dashboard's stats of the signatures whose ids ids selects: the
 * last 7 days by the runs' time, the machines (signature_places, by its
 * signature_places_sig index), the kernel of the newest run's occurrence
 * (as NEWEST_BY_RUN for one) and the best specific section */
#define DASH_STATS(ids)                                                    \
	"SELECT s.id,"                                                     \
	" (SELECT count(*) FROM occurrences o JOIN runs r"                 \
	"  ON r.id = o.run_id WHERE o.signature_id = s.id"                 \
	"  AND o.ts >= ?2 AND r.run_at >= ?2),"                            \
	" (SELECT count(*) FROM signature_places p"                        \
	"  WHERE p.signature_id = s.id AND p.what = 'machine'),"           \
	" (SELECT coalesce(o.kernel, r.kernel) FROM occurrences o"         \
	"  JOIN runs r ON r.id = o.run_id WHERE o.signature_id = s.id"     \
	"  AND o.ts >= (SELECT r2.run_at FROM occurrences o2"              \
	"  JOIN runs r2 ON r2.id = o2.run_id WHERE o2.signature_id = s.id" \
	"  ORDER BY o2.ts DESC LIMIT 1)"                                   \
	"  ORDER BY r.run_at DESC, o.id DESC LIMIT 1),"                    \
	" (SELECT ss.section FROM signature_sections ss"                   \
	"  WHERE ss.signature_id = s.id ORDER BY ss.generic, ss.rank"      \
	"  LIMIT 1)"                                                       \
	" FROM signatures s WHERE s.id IN (" ids ")"

/*
 * The overview's counts by the runs' time (docs/dashboard.md "First seen,
 * last seen"): the runs of [?1, ?2) from runs_time, each run's occurrences
 * from the covering occurrences_run_sig; on SQLite CROSS JOIN and INDEXED
 * BY hold it to that plan (runs: how runs r joins occurrences o).
 */
#define RUNS_BY_TIME "runs r INDEXED BY runs_time CROSS JOIN"
#define DASH_PER_DAY(runs)                                \
	"SELECT r.run_at / 86400, count(*)"               \
	" FROM " runs " occurrences o ON o.run_id = r.id" \
	" WHERE r.run_at >= ?1 AND r.run_at < ?2 GROUP BY 1 ORDER BY 1"
#define DASH_SIG_COUNTS(runs)                             \
	"SELECT o.signature_id, count(*)"                 \
	" FROM " runs " occurrences o ON o.run_id = r.id" \
	" WHERE r.run_at >= ?1 AND r.run_at < ?2"         \
	" GROUP BY o.signature_id ORDER BY o.signature_id"
/* run ?1's occurrences stored: its time (runs.run_at) into the first and
 * last runs' times of their signatures (a NULL compared is false: a new
 * signature takes it) */
#define SIG_RUN_SEEN                                        \
	"UPDATE signatures SET first_run_at = CASE"         \
	" WHEN first_run_at <= r.run_at THEN first_run_at"  \
	" ELSE r.run_at END,"                               \
	" last_run_at = CASE"                               \
	" WHEN last_run_at >= r.run_at THEN last_run_at"    \
	" ELSE r.run_at END"                                \
	" FROM runs r WHERE r.id = ?1 AND signatures.id IN" \
	" (SELECT o.signature_id FROM occurrences o WHERE o.run_id = ?1)"
/* the runs stored after run ?1 (ids): the newest id, the earliest time */
#define DASH_RUNS_AFTER "SELECT max(id), min(run_at) FROM runs WHERE id > ?1"

/*
 * Where signature ?1 was seen, tree by tree (docs/dashboard.md "First and
 * last seen by tree"): its rows of signature_trees (migration 25), each
 * tree's occurrences and its first and last runs by their time, one row
 * each (one row when they are one run), with the commit, kernel (of the
 * run's first occurrence of it, or its last on the last run) and machine
 * of that run.  Trees with the most occurrences first; a row a tree and
 * run, no occurrence read but the run's own few.
 */
#define DASH_TREE_SPANS                                                   \
	"SELECT nullif(t.tree, ''), t.occurrences, r.run_id, r.run_at,"   \
	" r.kernel_commit, coalesce(CASE WHEN r.id = t.first_run"         \
	" THEN (SELECT o.kernel FROM occurrences o WHERE o.run_id = r.id" \
	"  AND o.signature_id = ?1 ORDER BY o.seq LIMIT 1)"               \
	" ELSE (SELECT o.kernel FROM occurrences o WHERE o.run_id = r.id" \
	"  AND o.signature_id = ?1 ORDER BY o.seq DESC LIMIT 1) END,"     \
	" r.kernel), r.machine,"                                          \
	" CASE WHEN r.id = t.first_run THEN 1 ELSE 0 END,"                \
	" CASE WHEN r.id = t.last_run THEN 1 ELSE 0 END"                  \
	" FROM signature_trees t JOIN runs r"                             \
	" ON r.id = t.first_run OR r.id = t.last_run"                     \
	" WHERE t.signature_id = ?1"                                      \
	" ORDER BY t.occurrences DESC, t.tree, r.run_at, r.id LIMIT 200"

/* run ?1's occurrences stored: their counts, and the run as the first or
 * last of its tree, into their signatures' rows of signature_trees (a
 * run earlier than the first by (run_at, id) is the first now, one later
 * than the last the last) */
#define TREE_EARLIER(a, b)                               \
	"(excluded." a "_run_at, excluded." a "_run) " b \
	" (signature_trees." a "_run_at, signature_trees." a "_run)"
/* signature ?1's rows of signature_tallies for what, most first */
#define SIG_TALLIES(what)                                  \
	"SELECT value, occurrences FROM signature_tallies" \
	" WHERE signature_id = ?1 AND what = '" what "'"   \
	" ORDER BY occurrences DESC, value LIMIT 100"
/* run ?1's occurrences stored: their counts by the run's machine and by
 * their kernel (the run's when they name none), '' for none, into their
 * signatures' rows of signature_tallies (migration 27) */
#define TALLY_OF_RUN(what, value)                                             \
	" SELECT o.signature_id, '" what "', " value ", count(*) FROM runs r" \
	" JOIN occurrences o ON o.run_id = r.id WHERE r.id = ?1"              \
	" GROUP BY o.signature_id, " value
/* clang-format off */
#define SIG_TALLIES_SEEN \
	"INSERT INTO signature_tallies (signature_id, what, value, occurrences)" \
	TALLY_OF_RUN("machine", "coalesce(r.machine, '')") " UNION ALL" \
	TALLY_OF_RUN("kernel", "coalesce(o.kernel, r.kernel, '')") \
	" ON CONFLICT (signature_id, what, value) DO UPDATE SET" \
	" occurrences = signature_tallies.occurrences + excluded.occurrences"
#define SIG_TREES_SEEN                                                      \
	"INSERT INTO signature_trees (signature_id, tree, occurrences,"     \
	" first_run, first_run_at, last_run, last_run_at)"                  \
	" SELECT o.signature_id, coalesce(r.tree, ''), count(*), r.id,"     \
	" r.run_at, r.id, r.run_at FROM runs r"                             \
	" JOIN occurrences o ON o.run_id = r.id WHERE r.id = ?1"            \
	" GROUP BY o.signature_id, r.tree, r.id, r.run_at"                  \
	" ON CONFLICT (signature_id, tree) DO UPDATE SET"                   \
	" occurrences = signature_trees.occurrences + excluded.occurrences," \
	" first_run = CASE WHEN " TREE_EARLIER("first", "<")                \
	" THEN excluded.first_run ELSE signature_trees.first_run END,"      \
	" first_run_at = CASE WHEN " TREE_EARLIER("first", "<")             \
	" THEN excluded.first_run_at ELSE signature_trees.first_run_at END," \
	" last_run = CASE WHEN " TREE_EARLIER("last", ">")                  \
	" THEN excluded.last_run ELSE signature_trees.last_run END,"        \
	" last_run_at = CASE WHEN " TREE_EARLIER("last", ">")               \
	" THEN excluded.last_run_at ELSE signature_trees.last_run_at END"
/* clang-format on */

/* the columns of struct db_occurrence (db_occurrence_list()) */
#define OCC_LIST_COLUMNS                                           \
	"o.id, r.run_id, r.machine, coalesce(o.kernel, r.kernel)," \
	" o.ts, o.task, o.pid, t.text, t.raw, o.is_new,"           \
	" o.matched_signature_id, r.run_at"                        \
	" FROM occurrences o JOIN runs r ON r.id = o.run_id"       \
	" LEFT JOIN report_texts t ON t.id = o.text_id"

/*
 * Signature ?1's occurrences newest by their run's time (runs.run_at, then
 * the occurrence's id) without sorting all of them: a run's time is never
 * after its occurrences' arrival (db_run_time()), so the n newest by run
 * time are among those that came at or after the earliest run time of the
 * n that came last (they ran at that time or later): the range of the
 * (signature_id, ts) index from there, which is the n newest in the usual
 * case and the occurrences since the oldest run of a backfill in the
 * worst.  Any n rows would bound it (the n newest by run time ran no
 * earlier than the earliest of any n); those that came last bound it
 * closest, from the index's order alone (no tie-break: PostgreSQL's index
 * has no rowid).  cond: a condition on o and r that both steps keep (a
 * cursor); n: the limit's parameter.
 */
#define NEWEST_BY_RUN(cond, n)                                     \
	" o.signature_id = ?1 AND " cond                           \
	" AND o.ts >= (SELECT min(w.run_at) FROM (SELECT r.run_at" \
	"  FROM occurrences o JOIN runs r ON r.id = o.run_id"      \
	"  WHERE o.signature_id = ?1 AND " cond                    \
	"  ORDER BY o.ts DESC LIMIT " n ") w)"                     \
	" ORDER BY r.run_at DESC, o.id DESC LIMIT " n

/* where signature ?1 was seen; trees: the list of its distinct trees */
#define DIGEST_WHERE(trees)                                              \
	"SELECT count(DISTINCT r.machine),"                              \
	" count(DISTINCT coalesce(o.kernel, r.kernel)), " trees ","      \
	" (SELECT coalesce(o2.kernel, r2.kernel) FROM occurrences o2"    \
	"  JOIN runs r2 ON r2.id = o2.run_id WHERE o2.signature_id = ?1" \
	"  ORDER BY o2.ts DESC, o2.id DESC LIMIT 1)"                     \
	" FROM occurrences o JOIN runs r ON r.id = o.run_id"             \
	" WHERE o.signature_id = ?1"

/* per MAINTAINERS section (all, or ?3) and week since ?1 (week 0 starts
 * at ?1) of the runs' times: its open signatures seen that week and their
 * occurrences; on SQLite a range of runs_time, each run's occurrences from
 * occurrences_run_sig (runs: the join from runs to occurrences) */
#define DASH_SECTION_TREND(runs)                                          \
	"SELECT ss.section, (r.run_at - ?1) / 604800,"                    \
	" count(DISTINCT o.signature_id), count(*)"                       \
	" FROM " runs " occurrences o ON o.run_id = r.id"                 \
	" JOIN signatures s ON s.id = o.signature_id"                     \
	" JOIN signature_sections ss ON ss.signature_id = o.signature_id" \
	" WHERE r.run_at >= ?1 AND r.run_at < ?2"                         \
	" AND s.duplicate_of IS NULL"                                     \
	" AND s.status <> 'invalid'"                                      \
	" AND (CAST(?3 AS text) IS NULL OR ss.section = ?3)"              \
	" GROUP BY 1, 2 ORDER BY 1, 2"

/*
 * KCIDB out (docs/interop.md): an issue's version is the number of changes
 * to what it says, the status, note (a PATCH of the note alone: it can
 * change the culprit) and merge events of its signature s.
 */
#define KCIDB_VERSION                                              \
	"(SELECT count(*) FROM signature_events e"                 \
	" WHERE e.signature_id = s.id AND e.action IN ('status', " \
	"'note', 'merge'))"

/*
 * Present incidents, from the runs of KCIDB tests in the order of their
 * index: no sort of every occurrence, only of each run's few.  SQLite:
 * INDEXED BY and CROSS JOIN hold it to that plan; PostgreSQL: its planner
 * chooses (and CROSS JOIN takes no ON).
 */
#define KCIDB_PRESENT(indexed, join)                               \
	"SELECT s.hash, " KCIDB_VERSION ", r.kcidb_test_id, o.seq" \
	" FROM runs r" indexed join " occurrences o"               \
	" ON o.run_id = r.id"                                      \
	" JOIN signatures s ON s.id = o.signature_id"              \
	" WHERE r.kcidb_test_id IS NOT NULL"                       \
	" AND (CAST(?1 AS bigint) IS NULL OR o.ts >= ?1"           \
	" OR r.kcidb_named_at >= ?1)"                              \
	" ORDER BY r.kcidb_test_id, o.seq"

/* subscriptions (db/subscriptions.c) */
#define SUB_COLUMNS "id, email, what, value, period, created, actor"

static const char *const sql[DB_SQL_NR] = {
	[DB_SQL_BEGIN_IMMEDIATE] = "BEGIN IMMEDIATE",
	[DB_SQL_COMMIT] = "COMMIT",
	[DB_SQL_ROLLBACK] = "ROLLBACK",
	[DB_SQL_USER_VERSION] = "PRAGMA user_version",
	/* the schema and the newest row of the main tables: a root-to-leaf
	 * path of each, a few pages, cached when healthy */
	[DB_SQL_HEALTH_PROBE] =
		"SELECT (SELECT count(*) FROM sqlite_schema)"
		" + ifnull((SELECT max(id) FROM runs), 0) * 0"
		" + ifnull((SELECT max(id) FROM signatures), 0) * 0"
		" + ifnull((SELECT max(id) FROM occurrences), 0) * 0"
		" + ifnull((SELECT max(id) FROM tokens), 0) * 0",

	[DB_SQL_RUN_FIND] =
		"SELECT id, log_sha256, verdict FROM runs WHERE run_id = ?1",
	[DB_SQL_RUN_INSERT] =
		"INSERT INTO runs (run_id, tree, branch, kernel, kernel_commit,"
		" machine, test, started_at, received_at, log_size, log_sha256,"
		" lockdep_off_after, lockdep_off_reason, reports, verdict,"
		" kcidb_origin, kcidb_test_id, lockdep_meta_off, lockdep_sign,"
		" run_at)"
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12,"
		" ?13, ?14, '', ?15, ?16, ?17, ?18, ?19)"
		" ON CONFLICT (run_id) DO NOTHING"
		" RETURNING id",
	[DB_SQL_RUN_SET_VERDICT] = "UPDATE runs SET verdict = ?2 WHERE id = ?1",
	[DB_SQL_RUN_GET] = "SELECT " RUN_COLUMNS " FROM runs WHERE run_id = ?1",
	/* by the run's own time (db_run_time()), ties by id, after the
	 * cursor's run (?1 its time, or that of run ?4; no cursor: from
	 * the top), a range of runs_time */
	[DB_SQL_RUN_LIST] =
		"SELECT " RUN_COLUMNS " FROM runs"
		" WHERE (run_at, id) < (coalesce(CAST(?1 AS bigint),"
		" (SELECT run_at FROM runs WHERE id = ?4),"
		" 9223372036854775807),"
		" coalesce(CAST(?4 AS bigint), 9223372036854775807))"
		" AND (CAST(?2 AS text) IS NULL OR machine = ?2)"
		" ORDER BY run_at DESC, id DESC LIMIT ?3",
	[DB_SQL_RUN_REPORTS] =
		"SELECT o.seq, o.is_new, s.id, s.hash, s.kind, s.title,"
		" s.occurrences, s.first_seen, s.status, o.kernel"
		" FROM occurrences o JOIN signatures s ON s.id = o.signature_id"
		" WHERE o.run_id = ?1 ORDER BY o.seq",
	[DB_SQL_RUN_COUNT] = "SELECT count(*) FROM runs",

	/* the third column: syz_title ?3 is not in the search text yet */
	[DB_SQL_SIG_FIND_HASH] =
		"SELECT id, duplicate_of,"
		" ?3 IS NOT NULL AND instr(search, lower(?3)) = 0"
		" FROM signatures WHERE hash = ?1 AND algo_version = ?2",
	[DB_SQL_SIG_INSERT] =
		"INSERT INTO signatures (hash, algo_version, kind, title,"
		" classes, chain, culprit_function, culprit_module, first_seen,"
		" last_seen, occurrences, search, syz_title)"
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9, 0, ?10, ?11)",
	/* a syzkaller title the signature is seen with goes into its search
	 * text (syzbot names one bug by several functions); the first is its
	 * syz_title (one stored before migration 11 gets it then) */
	[DB_SQL_SIG_SET_SYZ_TITLE] =
		"UPDATE signatures SET syz_title = coalesce(syz_title, ?2),"
		" search = search || lower(?2) || char(10) WHERE id = ?1",
	[DB_SQL_SIG_BUMP] =
		"UPDATE signatures SET occurrences = occurrences + 1,"
		" last_seen = max(last_seen, ?2) WHERE id = ?1"
		" RETURNING occurrences, first_seen, status, hash, kind, title",
	[DB_SQL_SIG_GET] = "SELECT " SIG_COLUMNS
			   " FROM signatures WHERE id = ?1"
			   " OR (CAST(?2 AS text) IS NOT NULL"
			   " AND hash = ?2) ORDER BY algo_version DESC LIMIT 1",
	[DB_SQL_SIG_LIST_LAST_SEEN] = SIG_LIST("last_run_at"),
	[DB_SQL_SIG_LIST_FIRST_SEEN] = SIG_LIST("first_run_at"),
	[DB_SQL_SIG_LIST_COUNT] = SIG_LIST("occurrences"),
	[DB_SQL_SIG_LIST_LAST_SEEN_AT] = SIG_LIST_AT("last_run_at"),
	[DB_SQL_SIG_LIST_FIRST_SEEN_AT] = SIG_LIST_AT("first_run_at"),
	[DB_SQL_SIG_LIST_COUNT_AT] = SIG_LIST_AT("occurrences"),
	/* how many signatures place ?1 ?2 has, counted up to ?3 */
	[DB_SQL_SIG_PLACE_COUNT] =
		"SELECT count(*) FROM (SELECT 1 FROM signature_places"
		" WHERE what = ?1 AND value = ?2 LIMIT ?3) AS n",
	/* ?2 status or NULL (kept); ?4 1: note = ?3, 0: note kept */
	[DB_SQL_SIG_PATCH] =
		"UPDATE signatures SET status = coalesce(CAST(?2 AS text), status),"
		" note = CASE WHEN CAST(?4 AS bigint) = 1 THEN CAST(?3 AS text)"
		" ELSE note END WHERE id = ?1",
	/* the signature's history, newest first, ?2 rows at most */
	[DB_SQL_SIG_EVENTS] =
		"SELECT ts, actor, action, value, note FROM signature_events"
		" WHERE signature_id = ?1 ORDER BY id DESC LIMIT ?2",
	[DB_SQL_SIG_MUTE] =
		"SELECT coalesce(muted_until, 0), mute_until_escalating"
		" FROM signatures WHERE id = ?1",
	[DB_SQL_SIG_SET_DUPLICATE] =
		"UPDATE signatures SET duplicate_of = ?2 WHERE id = ?1",
	[DB_SQL_SIG_REPOINT_DUPLICATES] =
		"UPDATE signatures SET duplicate_of = ?2 WHERE duplicate_of = ?1",
	[DB_SQL_SIG_EVENT_INSERT] =
		"INSERT INTO signature_events (signature_id, ts, actor, action,"
		" value, note) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
	[DB_SQL_SIG_COUNT] = "SELECT count(*) FROM signatures",
	/* a signature's machines and kernels, most seen first: its rows of
	 * signature_tallies (migration 27), kept by ingest */
	[DB_SQL_SIG_BY_MACHINE] = SIG_TALLIES("machine"),
	[DB_SQL_SIG_BY_KERNEL] = SIG_TALLIES("kernel"),
	[DB_SQL_SIG_RELATED] =
		"SELECT s.id, s.hash, s.title, count(*) FROM signature_edges a"
		" JOIN signature_edges b ON b.edge_id = a.edge_id"
		" AND b.signature_id != a.signature_id"
		" JOIN signatures s ON s.id = b.signature_id"
		" WHERE a.signature_id = ?1 GROUP BY s.id"
		" ORDER BY 4 DESC, s.id LIMIT 50",

	[DB_SQL_EDGE_UPSERT] =
		"INSERT INTO edges (hash, from_class, to_class) VALUES (?1, ?2, ?3)"
		" ON CONFLICT (hash) DO UPDATE SET hash = excluded.hash"
		" RETURNING id",
	[DB_SQL_SIG_EDGE_INSERT] =
		"INSERT OR IGNORE INTO signature_edges (signature_id, edge_id,"
		" seq, function) VALUES (?1, ?2, ?3, ?4)",
	[DB_SQL_SIG_EDGES] =
		"SELECT e.hash, e.from_class, e.to_class, se.function"
		" FROM signature_edges se JOIN edges e ON e.id = se.edge_id"
		" WHERE se.signature_id = ?1 ORDER BY se.seq",

	[DB_SQL_OCC_INSERT] =
		"INSERT INTO occurrences (signature_id, matched_signature_id,"
		" run_id, seq, ts, is_new, kernel, task, pid, text_id, sample)"
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
	[DB_SQL_OCC_LIST] = "SELECT " OCC_LIST_COLUMNS
			    " WHERE o.signature_id = ?1"
			    " AND (CAST(?2 AS bigint) IS NULL OR o.id < ?2)"
			    " ORDER BY o.id DESC LIMIT ?3",
	/* the same by run time, after the run time ?2 and id ?4 */
	[DB_SQL_OCC_LIST_BY_RUN] =
		"SELECT " OCC_LIST_COLUMNS " WHERE" NEWEST_BY_RUN(
			"(CAST(?2 AS bigint) IS NULL OR r.run_at < ?2"
			" OR (r.run_at = ?2 AND o.id < ?4))",
			"?3"),
	[DB_SQL_OCC_COUNT] = "SELECT count(*) FROM occurrences",

	[DB_SQL_TOKEN_INSERT] = "INSERT INTO tokens (name, role, hash,"
				" created_at, email)"
				" VALUES (?1, ?2, ?3, ?4, ?5)",
	[DB_SQL_TOKEN_FIND_HASH] = "SELECT id, name, role, created_at,"
				   " revoked_at, email FROM tokens"
				   " WHERE hash = ?1",
	[DB_SQL_TOKEN_LIST] = "SELECT id, name, role, created_at, revoked_at,"
			      " email FROM tokens ORDER BY id",
	[DB_SQL_TOKEN_REVOKE] = "UPDATE tokens SET revoked_at = ?2"
				" WHERE name = ?1 AND revoked_at IS NULL",
	[DB_SQL_REG_INSERT] =
		"INSERT INTO regressions (title, introduced, created, updated)"
		" VALUES (?1, ?2, ?3, ?3)",
	[DB_SQL_REG_GET] = "SELECT " REG_COLUMNS " FROM regressions"
			   " WHERE id = ?1",
	[DB_SQL_REG_LIST] = "SELECT " REG_COLUMNS " FROM regressions"
			    " WHERE (CAST(?1 AS text) IS NULL OR status = ?1)"
			    " AND (CAST(?2 AS bigint) IS NULL OR scanned = ?2)"
			    " ORDER BY id LIMIT ?3",
	[DB_SQL_REG_UPDATE] =
		"UPDATE regressions SET title = ?2, introduced = ?3,"
		" status = ?4, resolution = ?5, duplicate_of = ?6,"
		" fix_commit = ?7, fix_repo = ?8, clean_runs = ?9,"
		" scanned = ?10, updated = ?11 WHERE id = ?1",
	[DB_SQL_REG_SET_SCANNED] =
		"UPDATE regressions SET scanned = 1 WHERE id = ?1",
	[DB_SQL_REG_LINK_ADD] = "INSERT OR IGNORE INTO regression_links"
				" (regression_id, url) VALUES (?1, ?2)",
	[DB_SQL_REG_LINK_CLEAR] =
		"DELETE FROM regression_links WHERE regression_id = ?1",
	[DB_SQL_REG_LINKS] = "SELECT url FROM regression_links"
			     " WHERE regression_id = ?1 ORDER BY url",
	[DB_SQL_REG_SIG_ADD] = "INSERT OR IGNORE INTO regression_signatures"
			       " (regression_id, signature_id) VALUES (?1, ?2)",
	[DB_SQL_REG_SIGS] =
		"SELECT s.id, s.hash, s.kind, s.title, s.classes,"
		" s.occurrences, coalesce(s.first_run_at, s.first_seen),"
		" coalesce(s.last_run_at, s.last_seen)"
		" FROM regression_signatures rs"
		" JOIN signatures s ON s.id = rs.signature_id"
		" WHERE rs.regression_id = ?1 ORDER BY s.id",
	/* also through signatures merged into ?1 (their occurrences are
	 * counted on ?1 since) */
	[DB_SQL_REG_BY_SIG] =
		"SELECT DISTINCT rs.regression_id FROM regression_signatures rs"
		" JOIN regressions r ON r.id = rs.regression_id"
		" WHERE (rs.signature_id = ?1 OR rs.signature_id IN"
		"  (SELECT id FROM signatures WHERE duplicate_of = ?1))"
		" AND r.status <> 'duplicate'"
		" ORDER BY rs.regression_id",
	[DB_SQL_REG_EVIDENCE_ADD] =
		"INSERT OR IGNORE INTO regression_evidence (regression_id,"
		" tree, branch, repo, trusted, commit_id, subject, how, detail,"
		" commit_time, found)"
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
	[DB_SQL_REG_EVIDENCE] =
		"SELECT tree, branch, repo, trusted, commit_id, subject, how,"
		" detail, commit_time, found FROM regression_evidence"
		" WHERE regression_id = ?1 ORDER BY trusted DESC, id",
	[DB_SQL_REG_HISTORY_ADD] =
		"INSERT INTO regression_history (regression_id, ts, actor,"
		" action, old, new, reason)"
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
	[DB_SQL_REG_HISTORY] =
		"SELECT id, ts, actor, action, old, new, reason"
		" FROM regression_history WHERE regression_id = ?1 ORDER BY id",
	[DB_SQL_REG_COUNT_RESTART] =
		"UPDATE regressions SET clean_runs = 0, clean_runs_reset = ?2,"
		" clean_runs_reset_upto = (SELECT coalesce(max(run_id), 0)"
		" FROM regression_runs WHERE regression_id = ?1) WHERE id = ?1",
	[DB_SQL_REG_RUN_ADD] =
		"INSERT OR IGNORE INTO regression_runs (regression_id, run_id,"
		" seen, counted, why) VALUES (?1, ?2, ?3, ?4, ?5)",
	[DB_SQL_REG_RUNS] =
		"SELECT r.run_id, r.kernel_commit, r.received_at, rr.seen,"
		" rr.counted, rr.why, rr.run_id FROM regression_runs rr"
		" JOIN runs r ON r.id = rr.run_id"
		" WHERE rr.regression_id = ?1 ORDER BY rr.run_id",
	[DB_SQL_REG_FIRST_BAD] =
		"SELECT r.id, r.kernel_commit FROM occurrences o"
		" JOIN runs r ON r.id = o.run_id"
		" WHERE (o.signature_id IN (SELECT signature_id"
		"  FROM regression_signatures WHERE regression_id = ?1)"
		"  OR o.matched_signature_id IN (SELECT signature_id"
		"  FROM regression_signatures WHERE regression_id = ?1))"
		" AND r.kernel_commit IS NOT NULL ORDER BY r.id LIMIT 1",
	[DB_SQL_REG_LAST_CLEAN] =
		"SELECT kernel_commit FROM runs WHERE id < ?1"
		" AND kernel_commit IS NOT NULL AND reports = 0"
		" AND lockdep_off_after IS NULL AND lockdep_meta_off = 0"
		" AND lockdep_sign IS NOT NULL ORDER BY id DESC LIMIT 1",
	[DB_SQL_REG_REPORT_TEXT] =
		"SELECT t.text FROM occurrences o"
		" JOIN report_texts t ON t.id = o.text_id"
		" WHERE o.signature_id IN (SELECT signature_id"
		"  FROM regression_signatures WHERE regression_id = ?1)"
		" AND o.text_id IS NOT NULL ORDER BY o.id LIMIT 4",
	[DB_SQL_REG_TIMELINE] =
		"SELECT r.run_at, r.run_id, r.kernel_commit, r.machine"
		" FROM occurrences o JOIN runs r ON r.id = o.run_id"
		" WHERE" NEWEST_BY_RUN("1 = 1", "?2"),
	/* the tree of the first run that reported one of its signatures,
	 * among the runs that name a tree */
	[DB_SQL_REG_FIRST_TREE] =
		"SELECT r.tree FROM regression_signatures rs"
		" JOIN occurrences o ON o.signature_id = rs.signature_id"
		" JOIN runs r ON r.id = o.run_id"
		" WHERE rs.regression_id = ?1 AND r.tree IS NOT NULL"
		" ORDER BY o.ts, o.id LIMIT 1",
	[DB_SQL_REG_RUN_KERNEL] =
		"SELECT kernel FROM runs WHERE id = ?1 AND kernel <> ''",
	[DB_SQL_RUN_SET_LOCKDEP_META] =
		"UPDATE runs SET lockdep_meta_off = 1 WHERE id = ?1",
	[DB_SQL_TREE_INSERT] =
		"INSERT INTO git_trees (name, repo, branch, trusted)"
		" VALUES (?1, ?2, ?3, ?4)",
	[DB_SQL_TREE_LIST] =
		"SELECT id, name, repo, branch, trusted, last_commit,"
		" last_sync, commits FROM git_trees ORDER BY id",
	[DB_SQL_TREE_SET_LAST] =
		"UPDATE git_trees SET last_commit = ?2, last_sync = ?3,"
		" commits = commits + ?4 WHERE name = ?1",

	[DB_SQL_FN_TREE_FIND] =
		"SELECT id, dirs FROM fn_trees WHERE tree_id = ?1",
	[DB_SQL_FN_TREE_DELETE] = "DELETE FROM fn_trees WHERE tree_id = ?1",
	[DB_SQL_FN_TREE_INSERT] =
		"INSERT INTO fn_trees (tree_id, kind, ref, defs, modules,"
		" indexed_at, dirs) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
	[DB_SQL_FN_DEF_INSERT] = "INSERT INTO fn_defs (tree, name, file, line)"
				 " VALUES (?1, ?2, ?3, ?4)",
	[DB_SQL_FN_MODULE_INSERT] =
		"INSERT INTO fn_modules (tree, module, file)"
		" VALUES (?1, ?2, ?3)",
	[DB_SQL_FN_DEFS] =
		"SELECT name, file, line FROM fn_defs WHERE tree = ?1",
	[DB_SQL_FN_MODULES] = "SELECT module, file FROM fn_modules"
			      " WHERE tree = ?1",
	[DB_SQL_FN_HEADER_INSERT] =
		"INSERT INTO fn_headers (tree, header, dirs)"
		" VALUES (?1, ?2, ?3)",
	[DB_SQL_FN_HEADERS] = "SELECT header, dirs FROM fn_headers"
			      " WHERE tree = ?1",

	[DB_SQL_OWNERS_GET] = "SELECT owners, tree, source"
			      " FROM signature_owners WHERE signature_id = ?1",
	[DB_SQL_OWNERS_PUT] =
		"INSERT OR REPLACE INTO signature_owners (signature_id,"
		" tree_id, owners, tree, computed_at, source)"
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
	[DB_SQL_OWNERS_SECTIONS_DELETE] =
		"DELETE FROM signature_sections WHERE signature_id = ?1",
	[DB_SQL_OWNERS_SECTION_INSERT] =
		"INSERT OR IGNORE INTO signature_sections (signature_id,"
		" section, rank, generic) VALUES (?1, ?2, ?3, ?4)",
	[DB_SQL_OWNERS_SOURCE] =
		"SELECT t.text, r.kernel_commit FROM occurrences o"
		" JOIN runs r ON r.id = o.run_id"
		" JOIN report_texts t ON t.id = o.text_id"
		" WHERE o.signature_id = ?1 AND o.text_id IS NOT NULL"
		" ORDER BY o.id DESC LIMIT 1",
	/* owners never computed, or computed from another source (?2 is
	 * owners_source_cache_id(): source = newest commit '|' that id) */
	[DB_SQL_OWNERS_MISSING] =
		"SELECT s.id FROM signatures s WHERE s.duplicate_of IS NULL"
		" AND s.status <> 'invalid' AND NOT EXISTS (SELECT 1"
		"  FROM signature_owners so WHERE so.signature_id = s.id"
		"  AND so.source = coalesce((SELECT r.kernel_commit"
		"   FROM occurrences o JOIN runs r ON r.id = o.run_id"
		"   WHERE o.signature_id = s.id ORDER BY o.id DESC LIMIT 1),"
		"   '') || '|' || ?2)"
		" ORDER BY s.id LIMIT ?1",
	/* owners computed for a newest occurrence on commit ?1 (a full sha;
	 * the runs may name it abbreviated, 7 digits or more) made stale */
	[DB_SQL_OWNERS_STALE_COMMIT] =
		"UPDATE signature_owners SET source = ''"
		" WHERE instr(source, '|') > 7"
		" AND substr(source, 1, instr(source, '|') - 1)"
		" = substr(?1, 1, instr(source, '|') - 1)",
	[DB_SQL_OWNERS_SECTIONS] =
		"SELECT ss.section, max(ss.generic), count(*)"
		" FROM signature_sections ss"
		" JOIN signatures s ON s.id = ss.signature_id"
		" WHERE s.duplicate_of IS NULL AND s.status <> 'invalid'"
		" GROUP BY ss.section"
		" ORDER BY max(ss.generic), count(*) DESC, ss.section",
	[DB_SQL_OWNERS_SECTION_SIGS] =
		"SELECT s.id FROM signature_sections ss"
		" JOIN signatures s ON s.id = ss.signature_id"
		" WHERE ss.section = ?1 AND s.duplicate_of IS NULL"
		" AND s.status <> 'invalid'"
		" ORDER BY ss.rank, s.last_run_at DESC, s.id DESC LIMIT ?2",
	/* whether any signature, of any status, has section ?1 */
	[DB_SQL_OWNERS_SECTION_KNOWN] =
		"SELECT 1 FROM signature_sections WHERE section = ?1 LIMIT 1",
	[DB_SQL_MAIL_SETTING_GET] = "SELECT value FROM mail_settings"
				    " WHERE key = ?1",
	[DB_SQL_MAIL_SETTING_SET] =
		"INSERT INTO mail_settings (key, value) VALUES (?1, ?2)"
		" ON CONFLICT (key) DO UPDATE SET value = excluded.value",
	[DB_SQL_OUTBOX_INSERT] =
		"INSERT INTO outbox (message_id, kind, envelope_from,"
		" recipients, message, next_attempt, created, thread)"
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6, ?7)",
	/* the thread of a mail: its first mail's Message-ID */
	[DB_SQL_OUTBOX_THREAD] = "SELECT coalesce(thread, message_id)"
				 " FROM outbox WHERE message_id = ?1",
	[DB_SQL_OUTBOX_DUE] = "SELECT " OUTBOX_COLUMNS " FROM outbox"
			      " WHERE state = 'queued' AND next_attempt <= ?1"
			      " ORDER BY id LIMIT ?2",
	/* attempts counts claims (DB_SQL_OUTBOX_CLAIM); a sent mail's
	 * next_attempt is its sent_at, so the hourly cap reads the index
	 * outbox_due alone (DB_SQL_OUTBOX_SENT_BETWEEN) */
	[DB_SQL_OUTBOX_MARK_SENT] =
		"UPDATE outbox SET state = 'sent', sent_at = ?2,"
		" next_attempt = ?2, last_error = ?3 WHERE id = ?1",
	[DB_SQL_OUTBOX_MARK_RETRY] = "UPDATE outbox SET next_attempt = ?2,"
				     " last_error = ?3 WHERE id = ?1",
	[DB_SQL_OUTBOX_MARK_FAILED] = "UPDATE outbox SET state = 'failed',"
				      " last_error = ?2 WHERE id = ?1",

	/* mail delivery */
	[DB_SQL_OUTBOX_CLAIM] =
		"UPDATE outbox SET next_attempt = ?3, attempts = attempts + 1"
		" WHERE id = ?1 AND state = 'queued' AND next_attempt <= ?2",
	[DB_SQL_OUTBOX_UNCLAIM] =
		"UPDATE outbox SET next_attempt = ?2, attempts = attempts - 1,"
		" last_error = ?3 WHERE id = ?1 AND state = 'queued'",
	[DB_SQL_OUTBOX_COUNT_DUE] = "SELECT count(*) FROM outbox"
				    " WHERE state = 'queued'"
				    " AND next_attempt <= ?1",
	[DB_SQL_OUTBOX_SENT_BETWEEN] = "SELECT count(*) FROM outbox"
				       " WHERE state = 'sent'"
				       " AND next_attempt > ?1"
				       " AND next_attempt <= ?2",
	/* a scan of the index outbox_due alone */
	[DB_SQL_OUTBOX_STATES] =
		"SELECT total(state = 'queued'), total(state = 'sent'),"
		" total(state = 'failed'), min(CASE WHEN state = 'queued'"
		" THEN next_attempt END) FROM outbox",
	[DB_SQL_OUTBOX_OLDEST] = "SELECT min(created) FROM outbox"
				 " WHERE state = 'queued'",
	/* the columns of OUTBOX_COLUMNS without the message text */
	[DB_SQL_OUTBOX_PROBLEMS] =
		"SELECT id, message_id, kind, envelope_from, recipients, '',"
		" state, attempts, next_attempt, created, sent_at, last_error"
		" FROM outbox WHERE state IN ('queued', 'failed')"
		" AND last_error IS NOT NULL ORDER BY id DESC LIMIT ?1",
	/* failed mails, all (?1 = 0) or one; a digest is superseded when a
	 * later one to the same address did not fail */
	[DB_SQL_OUTBOX_FAILED] =
		"SELECT " OUTBOX_COLUMNS ", CASE WHEN EXISTS (SELECT 1"
		"  FROM outbox n WHERE n.kind IN ('digest', 'list')"
		"  AND n.kind = outbox.kind AND n.recipients = outbox.recipients"
		"  AND n.id > outbox.id AND n.state <> 'failed')"
		" THEN 1 ELSE 0 END FROM outbox WHERE state = 'failed'"
		" AND (CAST(?1 AS bigint) = 0 OR id = ?1) ORDER BY id",
	/* queued again as if new: the two days of retries start over */
	[DB_SQL_OUTBOX_REQUEUE] =
		"UPDATE outbox SET state = 'queued', attempts = 0,"
		" next_attempt = ?2, created = ?2, last_error = NULL"
		" WHERE id = ?1 AND state = 'failed'",
	/* digest ?1 failed: when it is its recipient's last, the period
	 * goes back to the digest before it that did not fail (or never) */
	[DB_SQL_DIGEST_RECIPIENT_UNDO] =
		"UPDATE mail_recipients SET"
		" last_digest = coalesce((SELECT p.created FROM outbox p"
		"  JOIN outbox f ON f.id = ?1 WHERE p.kind = f.kind"
		"  AND p.recipients = f.recipients AND p.id < f.id"
		"  AND p.state <> 'failed' ORDER BY p.id DESC LIMIT 1), 0),"
		" last_message_id = (SELECT p.message_id FROM outbox p"
		"  JOIN outbox f ON f.id = ?1 WHERE p.kind = f.kind"
		"  AND p.recipients = f.recipients AND p.id < f.id"
		"  AND p.state <> 'failed' ORDER BY p.id DESC LIMIT 1),"
		" digests = digests - 1"
		" WHERE last_message_id = (SELECT message_id FROM outbox"
		"  WHERE id = ?1)",

	/* subscriptions and opt-outs (db/subscriptions.c) */
	[DB_SQL_SUB_INSERT] =
		"INSERT INTO subscriptions (email, what, value, period,"
		" created, actor) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
	[DB_SQL_SUB_GET] = "SELECT " SUB_COLUMNS " FROM subscriptions"
			   " WHERE id = ?1",
	/* ?1 NULL: every address */
	[DB_SQL_SUB_LIST] = "SELECT " SUB_COLUMNS " FROM subscriptions"
			    " WHERE CAST(?1 AS text) IS NULL OR email = ?1"
			    " ORDER BY id",
	[DB_SQL_SUB_DELETE] = "DELETE FROM subscriptions WHERE id = ?1",
	/* the first opt-out of (email, signature) stays: its reason and ts */
	[DB_SQL_OPTOUT_INSERT] =
		"INSERT OR IGNORE INTO mail_optouts (email, signature_id,"
		" reason, ts) VALUES (?1, ?2, ?3, ?4)",
	[DB_SQL_OPTOUT_GET] = "SELECT reason, ts FROM mail_optouts"
			      " WHERE email = ?1 AND signature_id = ?2",
	/* replies that act (db/mail_receive.c, db/regress.c) */
	[DB_SQL_MAILRX_SEEN] = "SELECT count(*) FROM mail_received"
			       " WHERE message_id = ?1",
	[DB_SQL_MAILRX_INSERT] =
		"INSERT INTO mail_received (message_id, sender, ts, applied,"
		" refused) VALUES (?1, ?2, ?3, ?4, ?5)",
	[DB_SQL_MAILRX_ITEMS] = "SELECT ref, signature_id FROM mail_items"
				" WHERE message_id = ?1 ORDER BY ref",
	/* ?1 a root signature: mailed about it or one merged into it; or a
	 * live triager/admin token bound to the address */
	[DB_SQL_MAILRX_MAY_ACT] =
		"SELECT EXISTS (SELECT 1 FROM mail_sent_about"
		"  WHERE email = ?2 AND (signature_id = ?1 OR signature_id IN"
		"  (SELECT id FROM signatures WHERE duplicate_of = ?1))),"
		" EXISTS (SELECT 1 FROM tokens WHERE email = ?2"
		"  AND revoked_at IS NULL AND role IN ('triager', 'admin'))",
	/* ?1 an address splatd mailed, a subscriber or a token's */
	[DB_SQL_MAILRX_STANDING] =
		"SELECT CASE WHEN EXISTS (SELECT 1 FROM mail_sent_about"
		"  WHERE email = ?1)"
		" OR EXISTS (SELECT 1 FROM subscriptions WHERE email = ?1)"
		" OR EXISTS (SELECT 1 FROM tokens WHERE email = ?1"
		"  AND revoked_at IS NULL) THEN 1 ELSE 0 END",
	[DB_SQL_MAILRX_MUTE] = "UPDATE signatures SET muted_until = ?2,"
			       " mute_until_escalating = ?3 WHERE id = ?1",
	[DB_SQL_MAILRX_OPTOUT] =
		"INSERT INTO mail_optouts (email, signature_id, reason, ts)"
		" VALUES (?1, ?2, ?3, ?4) ON CONFLICT (email, signature_id)"
		" DO UPDATE SET reason = excluded.reason, ts = excluded.ts",
	/* the recipients (a JSON array) of the mail splatd sent as ?1 */
	[DB_SQL_MAILRX_RECIPIENTS] = "SELECT recipients FROM outbox"
				     " WHERE message_id = ?1",
	/* one recipient's mute (OPTOUT_HOLDS): it replaces a mute of theirs,
	 * never their not-mine or unsubscribe */
	[DB_SQL_MAILRX_MUTE_MINE] =
		"INSERT INTO mail_optouts (email, signature_id, reason, ts)"
		" VALUES (?1, ?2, ?3, ?4) ON CONFLICT (email, signature_id)"
		" DO UPDATE SET reason = excluded.reason, ts = excluded.ts"
		" WHERE mail_optouts.reason IN ('mute', 'mute-escalating')",
	[DB_SQL_MAILRX_UNMUTE_MINE] =
		"DELETE FROM mail_optouts WHERE email = ?1"
		" AND signature_id = ?2"
		" AND reason IN ('mute', 'mute-escalating')",
	[DB_SQL_MAILRX_SAVEPOINT] = "SAVEPOINT mail_command",
	[DB_SQL_MAILRX_RELEASE] = "RELEASE mail_command",
	[DB_SQL_MAILRX_ROLLBACK_TO] = "ROLLBACK TO mail_command",
	[DB_SQL_REG_SET_FIX_EXPECTED] = "UPDATE regressions SET"
					" fix_expected = ?2, updated = ?3"
					" WHERE id = ?1",
	[DB_SQL_REG_GET_FIX_EXPECTED] = "SELECT fix_expected FROM regressions"
					" WHERE id = ?1"
					" AND fix_expected IS NOT NULL",

	/* recipients, digests and escalation (db/digest.c) */
	[DB_SQL_PEOPLE_DELETE] = "DELETE FROM signature_people"
				 " WHERE signature_id = ?1",
	[DB_SQL_PEOPLE_INSERT] =
		"INSERT INTO signature_people (signature_id, email, name,"
		" section, rank, culprit, is_list, why)"
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"
		" ON CONFLICT (signature_id, email) DO NOTHING",
	/* ?1: lists too */
	[DB_SQL_DIGEST_RECIPIENTS] =
		"SELECT a.email, max(a.daily), min(a.is_list),"
		" mr.last_digest, mr.last_message_id FROM ("
		"  SELECT email, 1 AS daily, is_list FROM signature_people"
		"  WHERE is_list = 0 OR ?1"
		"  UNION ALL SELECT email, period = 'daily', 0"
		"  FROM subscriptions) a"
		" LEFT JOIN mail_recipients mr ON mr.email = a.email"
		" WHERE NOT EXISTS (SELECT 1 FROM mail_optouts x"
		"  WHERE x.email = a.email AND x.signature_id = 0)"
		" GROUP BY a.email ORDER BY a.email",
	[DB_SQL_DIGEST_SIGNATURES] = DIGEST_SIGNATURES(
		"CROSS JOIN", "SELECT sid, min(rk), why, section, sub, is_list"
			      " FROM mine GROUP BY sid"),
	[DB_SQL_DIGEST_WHERE] = DIGEST_WHERE("group_concat(DISTINCT r.tree)"),
	/* ?1 signature, ?2 the newest state change after ?2 */
	[DB_SQL_DIGEST_REGRESSION] =
		"SELECT r.id, r.title, r.status, r.introduced, r.fix_commit,"
		" h.ts, h.old, h.new, h.reason"
		" FROM regression_signatures rs"
		" JOIN regressions r ON r.id = rs.regression_id"
		" LEFT JOIN regression_history h ON h.id = (SELECT max(x.id)"
		"  FROM regression_history x WHERE x.regression_id = r.id"
		"  AND " REG_STATE_CHANGE(
			"x") " AND x.ts > ?2)"
			     " WHERE rs.signature_id = ?1 ORDER BY r.id DESC LIMIT 1",
	/* ?1 first seen at or before, ?2 fired after */
	[DB_SQL_ESCALATION_CANDIDATES] =
		"SELECT id, first_seen, coalesce(muted_until, 0),"
		" mute_until_escalating FROM signatures"
		" WHERE last_seen > ?2 AND first_seen <= ?1"
		" AND escalated_at IS NULL AND duplicate_of IS NULL"
		" AND status IN ('new', 'triaged', 'known') ORDER BY id",
	/* ?1 signature, ?2 earlier, ?3 from, ?4 to */
	[DB_SQL_ESCALATION_RATES] =
		"SELECT (SELECT count(DISTINCT r.machine) FROM occurrences o"
		"  JOIN runs r ON r.id = o.run_id WHERE o.signature_id = ?1"
		"  AND o.ts > ?3 AND o.ts <= ?4),"
		" (SELECT count(*) FROM occurrences WHERE signature_id = ?1"
		"  AND ts > ?3 AND ts <= ?4),"
		" (SELECT count(*) FROM occurrences WHERE signature_id = ?1"
		"  AND ts > ?2 AND ts <= ?3)",
	[DB_SQL_ESCALATION_SET] =
		"UPDATE signatures SET escalated_at = ?2,"
		" escalation_reason = ?3, muted_until = CASE"
		" WHEN mute_until_escalating THEN NULL ELSE muted_until END,"
		" mute_until_escalating = 0 WHERE id = ?1",
	/* ?1 now, ?2 mailed at or before; fired since the last mail */
	[DB_SQL_ESCALATION_DUE] =
		"SELECT id, hash, kind, title, status, chain,"
		" escalation_reason, escalated_at, first_seen, last_seen,"
		" occurrences, escalation_thread,"
		" coalesce(escalation_mailed_at, 0) FROM signatures"
		" WHERE escalated_at IS NOT NULL AND duplicate_of IS NULL"
		" AND status IN ('new', 'triaged', 'known')"
		" AND coalesce(muted_until, 0) <= ?1"
		" AND mute_until_escalating = 0"
		" AND (escalation_mailed_at IS NULL"
		"  OR (escalation_mailed_at <= ?2"
		"  AND last_seen > escalation_mailed_at))"
		" ORDER BY escalated_at, id",
	/* ?1 last seen at or before: escalated and quiet since */
	[DB_SQL_ESCALATION_QUIET] =
		"SELECT id, last_seen FROM signatures"
		" WHERE escalated_at IS NOT NULL AND last_seen <= ?1"
		" ORDER BY id",
	[DB_SQL_ESCALATION_END] = "UPDATE signatures SET escalated_at = NULL,"
				  " escalation_reason = NULL WHERE id = ?1",
	/* ?1 signature, ?2 lists too */
	[DB_SQL_ESCALATION_PEOPLE] =
		"SELECT email, name, section, why, rank, culprit, is_list"
		" FROM signature_people p WHERE signature_id = ?1"
		" AND (is_list = 0 OR ?2) AND NOT EXISTS (SELECT 1"
		"  FROM mail_optouts x WHERE x.email = p.email"
		"  AND x.signature_id IN (0, ?1) AND " OPTOUT_HOLDS(
			"?3",
			"(SELECT escalated_at FROM signatures"
			" WHERE id = ?1)") ")"
					   " ORDER BY is_list, culprit DESC, rank, email",
	[DB_SQL_ESCALATION_MAILED] =
		"UPDATE signatures SET escalation_mailed_at = ?2,"
		" escalation_thread = coalesce(escalation_thread, ?3)"
		" WHERE id = ?1",
	[DB_SQL_DIGEST_RECIPIENT_DONE] =
		"INSERT INTO mail_recipients (email, last_digest,"
		" last_message_id, digests) VALUES (?1, ?2, ?3, 1)"
		" ON CONFLICT (email) DO UPDATE SET"
		" last_digest = excluded.last_digest,"
		" last_message_id = excluded.last_message_id,"
		" digests = digests + 1",
	[DB_SQL_MAIL_ITEM_ADD] = "INSERT INTO mail_items (message_id, ref,"
				 " signature_id) VALUES (?1, ?2, ?3)",
	[DB_SQL_MAIL_SENT_ABOUT] =
		"INSERT INTO mail_sent_about (signature_id, email, ts)"
		" VALUES (?1, ?2, ?3) ON CONFLICT (signature_id, email)"
		" DO UPDATE SET ts = excluded.ts",
	/* owners stored without people (before migration 7, or only generic
	 * sections): their people are derived from the stored owners */
	[DB_SQL_PEOPLE_MISSING] =
		"SELECT so.signature_id, so.owners FROM signature_owners so"
		" JOIN signatures s ON s.id = so.signature_id"
		" WHERE s.duplicate_of IS NULL AND s.status <> 'invalid'"
		" AND NOT EXISTS (SELECT 1 FROM signature_people p"
		"  WHERE p.signature_id = so.signature_id)"
		" ORDER BY so.signature_id LIMIT ?1",

	/* backup and check (db/backup.c): a read transaction whose first
	 * read fixes the snapshot a backup copies */
	[DB_SQL_READ_BEGIN] = "BEGIN DEFERRED",
	[DB_SQL_SNAPSHOT] = "SELECT count(*) FROM sqlite_schema",
	[DB_SQL_INTEGRITY_CHECK] = "PRAGMA integrity_check",
	[DB_SQL_FOREIGN_KEY_CHECK] = "PRAGMA foreign_key_check",
	/* the dashboard's counts (db/dashboard.c) */
	[DB_SQL_DASH_HISTOGRAM] =
		"SELECT date(r.run_at, 'unixepoch'), o.kernel, r.tree, r.test,"
		" count(*) FROM occurrences o JOIN runs r ON r.id = o.run_id"
		" WHERE o.signature_id = ?1 AND o.ts >= ?2 AND r.run_at >= ?2"
		" GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4",
	/* one pass over the covering signatures_counts index (never the
	 * wide rows), then the groups of that pass */
	[DB_SQL_DASH_COUNTS] =
		"WITH g AS MATERIALIZED (SELECT kind, status, count(*) AS n,"
		" sum(first_run_at >= ?1) AS new_week,"
		" sum(escalated_at IS NOT NULL) AS escalated FROM signatures"
		" WHERE duplicate_of IS NULL GROUP BY kind, status)"
		" SELECT 'kind', kind, sum(n) FROM g WHERE status <> 'invalid'"
		" GROUP BY kind"
		" UNION ALL SELECT 'status', status, sum(n) FROM g GROUP BY status"
		" UNION ALL SELECT 'new_week', '', ifnull(sum(new_week), 0) FROM g"
		" UNION ALL SELECT 'escalated', '', ifnull(sum(escalated), 0)"
		" FROM g"
		" UNION ALL SELECT 'regressions', status, count(*)"
		" FROM regressions GROUP BY status",
	/* by the runs' time: a range of runs_time, then each run's
	 * occurrences from the covering occurrences_run_sig, never the rows,
	 * whose text and raw are large */
	[DB_SQL_DASH_PER_DAY] = DASH_PER_DAY(RUNS_BY_TIME),
	/* the signatures of the JSON array ?1 of ids, in its order (the
	 * ranking is done by the caller from DASH_SIG_COUNTS) */
	[DB_SQL_DASH_TOP] =
		"SELECT s.id, s.hash, s.kind, s.title, s.status, j.key"
		" FROM json_each(?1) j JOIN signatures s ON s.id = j.value"
		" ORDER BY j.key",
	[DB_SQL_DASH_STATS] = DASH_STATS("SELECT value FROM json_each(?1)"),
	[DB_SQL_DASH_DUPLICATES] = "SELECT id, hash, title FROM signatures"
				   " WHERE duplicate_of = ?1 ORDER BY id"
				   " LIMIT 1000",
	/* the regressions run ?1 counted for or against, and whether it
	 * reopened one: ingest's reason for that is "run ?2: ..." */
	[DB_SQL_DASH_RUN_REGRESSIONS] =
		"SELECT g.id, g.title, g.status, rr.seen, rr.counted, rr.why,"
		" EXISTS (SELECT 1 FROM regression_history h"
		"  WHERE h.regression_id = g.id AND h.action = 'status'"
		"  AND h.new = 'reopened'"
		"  AND substr(h.reason, 1, length(CAST(?2 AS text))) = ?2)"
		" FROM regression_runs rr JOIN regressions g"
		" ON g.id = rr.regression_id WHERE rr.run_id = ?1 ORDER BY g.id",
	/* report texts kept for a bounded sample per signature
	 * (db/signatures.c, docs/storage.md): ?1 sha256 of text NUL raw */
	/* the text under key ?1 and whether it is text ?2, raw ?3 */
	[DB_SQL_TEXT_FIND] = "SELECT id, text = ?2 AND raw = ?3"
			     " FROM report_texts WHERE hash = ?1",
	/* not an upsert: a repeated text is looked up, never rewritten */
	[DB_SQL_TEXT_INSERT] =
		"INSERT INTO report_texts (hash, text, raw) VALUES (?1, ?2, ?3)",
	/* text ?1 of the latest, ?5, which drops it, becomes another text
	 * unless an occurrence other than ?5 has it */
	[DB_SQL_TEXT_RECYCLE] =
		"UPDATE report_texts SET hash = ?2, text = ?3, raw = ?4"
		" WHERE id = ?1 AND NOT EXISTS (SELECT 1 FROM occurrences"
		" WHERE text_id = ?1 AND id <> ?5)",
	[DB_SQL_TEXT_GC] =
		"DELETE FROM report_texts WHERE id = ?1 AND NOT EXISTS"
		" (SELECT 1 FROM occurrences WHERE text_id = ?1)",
	/* the kept occurrences of signature ?1 (at most N + 1, through the
	 * partial index) against a new one of kernel ?2 in run ?3: samples
	 * other than the latest, whether one has the kernel (bit 2), the
	 * tree (bit 4), and the latest (bit 8) with its text and bits */
	[DB_SQL_OCC_SAMPLE_STATE] =
		"SELECT count(*) FILTER (WHERE o.sample & 7),"
		" ifnull(max(o.sample & 2 AND coalesce(o.kernel, r.kernel) IS"
		"  coalesce(?2, (SELECT kernel FROM runs WHERE id = ?3))), 0),"
		" ifnull(max(o.sample & 4 AND r.tree IS"
		"  (SELECT tree FROM runs WHERE id = ?3)), 0),"
		" max(CASE WHEN o.sample & 8 THEN o.id END),"
		" max(CASE WHEN o.sample & 8 THEN o.text_id END),"
		" max(CASE WHEN o.sample & 8 THEN o.sample END)"
		" FROM occurrences o INDEXED BY occurrences_kept"
		" JOIN runs r ON r.id = o.run_id"
		" WHERE o.signature_id = ?1 AND o.text_id IS NOT NULL",
	/* the previous latest: keeps its text only as another sample */
	[DB_SQL_OCC_UNLATEST] =
		"UPDATE occurrences SET sample = sample & 7,"
		" text_id = CASE WHEN sample & 7 THEN text_id END"
		" WHERE id = ?1",
	[DB_SQL_SIG_TEXT_DROPPED] =
		"UPDATE signatures SET texts_dropped = texts_dropped + 1"
		" WHERE id = ?1",
	/* the tree and machine of run ?1 among the places of signature ?2,
	 * once per run and signature */
	[DB_SQL_SIG_RUN_SEEN] = SIG_RUN_SEEN,
	[DB_SQL_SIG_TREES_SEEN] = SIG_TREES_SEEN,
	[DB_SQL_SIG_TALLIES_SEEN] = SIG_TALLIES_SEEN,
	[DB_SQL_SIG_PLACES_ADD] =
		"INSERT OR IGNORE INTO signature_places (what, value,"
		" signature_id) SELECT 'tree', tree, ?2 FROM runs"
		" WHERE id = ?1 AND tree IS NOT NULL"
		" UNION ALL SELECT 'machine', machine, ?2 FROM runs"
		" WHERE id = ?1 AND machine IS NOT NULL",
	/* background indexing (db/fnindex.c, server/triage/indexer.c) */
	[DB_SQL_FN_TREE_RENAME] =
		"UPDATE fn_trees SET tree_id = ?2 WHERE id = ?1",
	[DB_SQL_FN_TREE_DELETE_ID] = "DELETE FROM fn_trees WHERE id = ?1",
	/* the dashboard's overview (db/dashboard.c, docs/dashboard.md):
	 * occurrences per signature of the runs of [?1, ?2), as PER_DAY */
	[DB_SQL_DASH_SIG_COUNTS] = DASH_SIG_COUNTS(RUNS_BY_TIME),
	[DB_SQL_DASH_TREE_SPANS] = DASH_TREE_SPANS,
	[DB_SQL_DASH_RUNS_AFTER] = DASH_RUNS_AFTER,
	[DB_SQL_DASH_SECTION_TREND] = DASH_SECTION_TREND(RUNS_BY_TIME),
	/* ?1 since: NULL, or what changed at or after it; the merge target
	 * is the one the signature's last merge event names */
	[DB_SQL_KCIDB_ISSUES] =
		"SELECT s.id, s.hash, s.algo_version, s.kind, s.title, s.chain,"
		" s.culprit_function, s.culprit_module, s.first_seen, s.status,"
		" s.note, " KCIDB_VERSION ","
		" (SELECT m.hash FROM signatures m WHERE m.id ="
		"  (SELECT CAST(e.value AS bigint) FROM signature_events e"
		"  WHERE e.signature_id = s.id AND e.action = 'merge'"
		"  ORDER BY e.id DESC LIMIT 1))"
		" FROM signatures s WHERE CAST(?1 AS bigint) IS NULL"
		" OR s.first_seen >= ?1 OR EXISTS (SELECT 1"
		"  FROM signature_events e WHERE e.signature_id = s.id"
		"  AND e.action IN ('status', 'note', 'merge')"
		"  AND e.ts >= ?1)"
		" ORDER BY s.id",
	[DB_SQL_KCIDB_PRESENT] =
		KCIDB_PRESENT(" INDEXED BY runs_kcidb_test", " CROSS JOIN"),
	/* the clean runs counted toward a fix (a few per regression), once
	 * per signature of the regressions they counted for */
	[DB_SQL_KCIDB_ABSENT] =
		"SELECT DISTINCT s.hash, " KCIDB_VERSION ", r.kcidb_test_id,"
		" r.id, s.id FROM regression_runs rr"
		" JOIN runs r ON r.id = rr.run_id"
		" JOIN regression_signatures rs"
		"  ON rs.regression_id = rr.regression_id"
		" JOIN signatures s ON s.id = rs.signature_id"
		" WHERE rr.counted = 1 AND r.kcidb_test_id IS NOT NULL"
		" AND (CAST(?1 AS bigint) IS NULL OR r.received_at >= ?1"
		" OR r.kcidb_named_at >= ?1)"
		" ORDER BY r.id, s.id",
	/* KCIDB in (db/kcidb.c, docs/interop.md): a field a later
	 * submission leaves out keeps what an earlier one said */
	[DB_SQL_KCIDB_CHECKOUT_UPSERT] =
		"INSERT INTO kcidb_checkouts (id, origin, tree_name,"
		" git_repository_url, git_repository_branch, git_commit_hash,"
		" git_commit_name, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6,"
		" ?7, ?8) ON CONFLICT (id) DO UPDATE SET"
		" tree_name = coalesce(excluded.tree_name, tree_name),"
		" git_repository_url = coalesce(excluded.git_repository_url,"
		" git_repository_url),"
		" git_repository_branch = coalesce(excluded.git_repository_branch,"
		" git_repository_branch),"
		" git_commit_hash = coalesce(excluded.git_commit_hash,"
		" git_commit_hash),"
		" git_commit_name = coalesce(excluded.git_commit_name,"
		" git_commit_name), updated_at = excluded.updated_at"
		" WHERE excluded.tree_name IS NOT tree_name"
		" OR excluded.git_repository_url IS NOT git_repository_url"
		" OR excluded.git_repository_branch IS NOT git_repository_branch"
		" OR excluded.git_commit_hash IS NOT git_commit_hash"
		" OR excluded.git_commit_name IS NOT git_commit_name",
	[DB_SQL_KCIDB_BUILD_UPSERT] =
		"INSERT INTO kcidb_builds (id, origin, checkout_id, updated_at)"
		" VALUES (?1, ?2, ?3, ?4) ON CONFLICT (id) DO UPDATE SET"
		" checkout_id = excluded.checkout_id,"
		" updated_at = excluded.updated_at"
		" WHERE excluded.checkout_id IS NOT checkout_id",
	/* what a run takes from its build's checkout */
	[DB_SQL_KCIDB_BUILD_CHECKOUT] =
		"SELECT c.tree_name, c.git_repository_branch, c.git_commit_hash,"
		" c.git_commit_name FROM kcidb_builds b"
		" JOIN kcidb_checkouts c ON c.id = b.checkout_id"
		" WHERE b.id = ?1",
	[DB_SQL_KCIDB_FETCH_INSERT] =
		"INSERT INTO kcidb_fetches (test_id, origin, run_id, build_id,"
		" log_url, path, machine, start_time, state, next_attempt,"
		" created_at, updated_at, log_excerpt, lockdep, host, log_files)"
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10, ?10,"
		" ?11, ?12, ?13, ?14)"
		" ON CONFLICT (test_id) DO NOTHING",
	[DB_SQL_KCIDB_FETCH_FIND] = "SELECT " KCIDB_FETCH_COLUMNS
				    " FROM kcidb_fetches WHERE test_id = ?1",
	/* ?6: a JSON array of the hosts to skip, ?7 of the ids */
	[DB_SQL_KCIDB_FETCH_DUE] =
		KCIDB_FETCH_DUE("SELECT value FROM json_each(?6)",
				"SELECT value FROM json_each(?7)"),
	[DB_SQL_KCIDB_FETCH_UPDATE] =
		"UPDATE kcidb_fetches SET state = ?2, attempts = ?3,"
		" next_attempt = ?4, last_error = ?5, updated_at = ?6"
		" WHERE id = ?1",
	[DB_SQL_KCIDB_FETCH_LIST] = "SELECT " KCIDB_FETCH_COLUMNS
				    " FROM kcidb_fetches"
				    " WHERE (?1 IS NULL OR state = ?1)"
				    " AND (?2 IS NULL OR id < ?2)"
				    " ORDER BY id DESC LIMIT ?3",
	/* a run stored before (a raw POST) named by the KCIDB test whose
	 * log it has; never renamed */
	/* a run POSTed without a commit takes the checkout's (?5); one
	 * with a commit keeps it */
	[DB_SQL_KCIDB_RUN_NAME] =
		"UPDATE runs SET kcidb_origin = ?2, kcidb_test_id = ?3,"
		" kcidb_named_at = ?4, kernel_commit = CASE WHEN"
		" kernel_commit IS NULL OR kernel_commit = '' THEN ?5"
		" ELSE kernel_commit END WHERE run_id = ?1"
		" AND kcidb_test_id IS NULL",
	[DB_SQL_KCIDB_RUN_TEST] =
		"SELECT kcidb_test_id FROM runs WHERE run_id = ?1",
	[DB_SQL_KCIDB_RUN_BUILD] = "UPDATE runs SET kcidb_build_id = ?2"
				   " WHERE run_id = ?1 AND kcidb_test_id = ?3",
	/* the runs of the builds of checkout ?1: what they lack of tree,
	 * branch, commit and kernel, from the checkout as it is now */
	/* clang-format off */
	[DB_SQL_KCIDB_RUNS_COMPLETE] =
		"UPDATE runs SET"
		" tree = " RUN_FROM_CHECKOUT("tree", "tree_name") ","
		" branch = " RUN_FROM_CHECKOUT("branch", "git_repository_branch") ","
		" kernel_commit = " RUN_FROM_CHECKOUT("kernel_commit", "git_commit_hash") ","
		" kernel = " RUN_FROM_CHECKOUT("kernel", "git_commit_name")
		" WHERE kcidb_build_id IN (SELECT id FROM kcidb_builds"
		" WHERE checkout_id = ?1)"
		" AND (coalesce(tree, '') = '' OR coalesce(branch, '') = ''"
		" OR coalesce(kernel_commit, '') = '' OR coalesce(kernel, '') = '')"
		" AND EXISTS (SELECT 1 FROM kcidb_checkouts WHERE id = ?1)",
	/* clang-format on */
	/* BEGIN IMMEDIATE holds SQLite's one write lock already */
	[DB_SQL_WRITE_LOCK] = "SELECT 1",
	[DB_SQL_LAST_ID] = "SELECT last_insert_rowid()",
	/*
	 * db/roles.c: ?1 splatd's lock class, ?2 the role's key; 1 when this
	 * connection holds the role (taking it when free).  SQLite: one
	 * instance, always 1.
	 */
	[DB_SQL_ROLE_TRY] = "SELECT 1 + 0 * (?1 + ?2)",
	/*
	 * PostgreSQL records a run's reports through its function
	 * splatd_record_reports() (migrations 13, 14, 15), a call per group of
	 * consecutive reports of one signature and kernel, a batch of calls
	 * in one round trip; SQLite runs the same steps in process
	 * (db_reports_record()).  Its stand-in has the function's shape, a
	 * row per report: the counted signature, the matched one, new,
	 * occurrences, first_seen, status, hash, kind, title.
	 */
	[DB_SQL_REPORT_RECORD] = "SELECT 0, 0, 0, 0, 0, '', '', '', ''"
				 " WHERE ?24 IS NULL OR 1",
	/*
	 * PostgreSQL's finer write locks (db_begin_ingest(), docs/storage.md
	 * "PostgreSQL"): the write lock shared, the signatures of hashes ?1
	 * (an array) and of their merge targets, the regressions.  SQLite's
	 * writers are one at a time already: nothing to take.
	 */
	[DB_SQL_WRITE_LOCK_SHARED] = "SELECT 1",
	[DB_SQL_SIG_LOCK] = "SELECT 1 WHERE ?1 IS NULL OR 1",
	[DB_SQL_REG_LOCK] = "SELECT 1",
	[DB_SQL_OPTOUT_DELETE] = "DELETE FROM mail_optouts"
				 " WHERE email = ?1 AND signature_id = ?2",
	[DB_SQL_RUN_STARTED_PAGE] =
		"SELECT id, started_at, received_at FROM runs"
		" WHERE id > ?1 AND started_at IS NOT NULL ORDER BY id LIMIT ?2",
	/* PostgreSQL's only (migration 20's step there, over arrays);
	 * SQLite's migration computes run_at in SQL: a no-op of the same
	 * shape here */
	[DB_SQL_RUN_SET_AT] = "UPDATE runs SET run_at = ?2 WHERE id = ?1 AND 0",
};

/*
 * The PostgreSQL spelling of each statement whose SQLite text PostgreSQL
 * does not take or reads otherwise (docs/storage.md, "PostgreSQL"): INSERT
 * OR IGNORE/REPLACE as ON CONFLICT, scalar max() as GREATEST, ifnull as
 * coalesce, group_concat as string_agg, json_each as
 * jsonb_array_elements_text, date() as to_char, no INDEXED BY (the planner
 * chooses), integers in a boolean context compared with 0, booleans summed
 * as counts, and a cast where a parameter has no other context to give it
 * a type.  Every other statement is the same text on both.
 */
static const char sqlite_only[] = "";

#define INSERT_IGNORE(table_cols, conflict) \
	"INSERT INTO " table_cols " ON CONFLICT " conflict " DO NOTHING"

static const char *const sql_pg[DB_SQL_NR] = {
	/* instr() is strpos() */
	[DB_SQL_OWNERS_STALE_COMMIT] =
		"UPDATE signature_owners SET source = ''"
		" WHERE strpos(source, '|') > 7"
		" AND substr(source, 1, strpos(source, '|') - 1)"
		" = substr(?1::text, 1, strpos(source, '|') - 1)",
	[DB_SQL_SIG_RUN_SEEN] = SIG_RUN_SEEN,
	[DB_SQL_SIG_PLACES_ADD] = INSERT_IGNORE(
		"signature_places (what, value, signature_id)"
		" SELECT 'tree', tree, ?2::bigint FROM runs"
		" WHERE id = ?1 AND tree IS NOT NULL"
		" UNION ALL SELECT 'machine', machine, ?2::bigint FROM runs"
		" WHERE id = ?1 AND machine IS NOT NULL",
		"(what, value, signature_id)"),
	/* char() is chr() */
	[DB_SQL_SIG_SET_SYZ_TITLE] =
		"UPDATE signatures SET syz_title = coalesce(syz_title, ?2),"
		" search = search || lower(?2) || chr(10) WHERE id = ?1",
	/* instr() is strpos(), ?3 typed */
	[DB_SQL_SIG_FIND_HASH] =
		"SELECT id, duplicate_of, CAST(?3 AS text) IS NOT NULL"
		" AND strpos(search, lower(CAST(?3 AS text))) = 0"
		" FROM signatures WHERE hash = ?1 AND algo_version = ?2",
	/* IS NOT is IS DISTINCT FROM; the stored row is named */
	[DB_SQL_KCIDB_CHECKOUT_UPSERT] =
		"INSERT INTO kcidb_checkouts AS c (id, origin, tree_name,"
		" git_repository_url, git_repository_branch, git_commit_hash,"
		" git_commit_name, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6,"
		" ?7, ?8) ON CONFLICT (id) DO UPDATE SET"
		" tree_name = coalesce(excluded.tree_name, c.tree_name),"
		" git_repository_url = coalesce(excluded.git_repository_url,"
		" c.git_repository_url),"
		" git_repository_branch = coalesce(excluded.git_repository_branch,"
		" c.git_repository_branch),"
		" git_commit_hash = coalesce(excluded.git_commit_hash,"
		" c.git_commit_hash),"
		" git_commit_name = coalesce(excluded.git_commit_name,"
		" c.git_commit_name), updated_at = excluded.updated_at"
		" WHERE excluded.tree_name IS DISTINCT FROM c.tree_name"
		" OR excluded.git_repository_url IS DISTINCT FROM"
		" c.git_repository_url"
		" OR excluded.git_repository_branch IS DISTINCT FROM"
		" c.git_repository_branch"
		" OR excluded.git_commit_hash IS DISTINCT FROM c.git_commit_hash"
		" OR excluded.git_commit_name IS DISTINCT FROM c.git_commit_name",
	[DB_SQL_KCIDB_BUILD_UPSERT] =
		"INSERT INTO kcidb_builds AS b (id, origin, checkout_id,"
		" updated_at) VALUES (?1, ?2, ?3, ?4) ON CONFLICT (id) DO UPDATE"
		" SET checkout_id = excluded.checkout_id,"
		" updated_at = excluded.updated_at"
		" WHERE excluded.checkout_id IS DISTINCT FROM b.checkout_id",
	[DB_SQL_KCIDB_FETCH_LIST] = "SELECT " KCIDB_FETCH_COLUMNS
				    " FROM kcidb_fetches"
				    " WHERE (?1::text IS NULL OR state = ?1)"
				    " AND (?2::bigint IS NULL OR id < ?2)"
				    " ORDER BY id DESC LIMIT ?3",
	[DB_SQL_BEGIN_IMMEDIATE] = "BEGIN",
	[DB_SQL_USER_VERSION] = "SELECT version FROM splatd_schema",
	[DB_SQL_HEALTH_PROBE] =
		"SELECT (SELECT version FROM splatd_schema)"
		" + coalesce((SELECT max(id) FROM runs), 0) * 0"
		" + coalesce((SELECT max(id) FROM signatures), 0) * 0"
		" + coalesce((SELECT max(id) FROM occurrences), 0) * 0"
		" + coalesce((SELECT max(id) FROM tokens), 0) * 0",
	[DB_SQL_SIG_BUMP] =
		"UPDATE signatures SET occurrences = occurrences + 1,"
		" last_seen = GREATEST(last_seen, ?2) WHERE id = ?1"
		" RETURNING occurrences, first_seen, status, hash, kind, title",
	[DB_SQL_SIG_LIST_LAST_SEEN] = SIG_LIST_PG("last_run_at"),
	[DB_SQL_SIG_LIST_FIRST_SEEN] = SIG_LIST_PG("first_run_at"),
	[DB_SQL_SIG_LIST_COUNT] = SIG_LIST_PG("occurrences"),
	[DB_SQL_SIG_LIST_LAST_SEEN_AT] = SIG_LIST_AT_PG("last_run_at"),
	[DB_SQL_SIG_LIST_FIRST_SEEN_AT] = SIG_LIST_AT_PG("first_run_at"),
	[DB_SQL_SIG_LIST_COUNT_AT] = SIG_LIST_AT_PG("occurrences"),
	[DB_SQL_SIG_EDGE_INSERT] = INSERT_IGNORE(
		"signature_edges (signature_id, edge_id, seq, function)"
		" VALUES (?1, ?2, ?3, ?4)",
		"(signature_id, edge_id)"),
	[DB_SQL_REG_LINK_ADD] = INSERT_IGNORE(
		"regression_links (regression_id, url) VALUES (?1, ?2)",
		"(regression_id, url)"),
	[DB_SQL_REG_SIG_ADD] = INSERT_IGNORE(
		"regression_signatures (regression_id, signature_id)"
		" VALUES (?1, ?2)",
		"(regression_id, signature_id)"),
	[DB_SQL_REG_EVIDENCE_ADD] = INSERT_IGNORE(
		"regression_evidence (regression_id, tree, branch, repo,"
		" trusted, commit_id, subject, how, detail, commit_time, found)"
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
		"(regression_id, tree, commit_id)"),
	[DB_SQL_REG_RUN_ADD] = INSERT_IGNORE(
		"regression_runs (regression_id, run_id, seen, counted, why)"
		" VALUES (?1, ?2, ?3, ?4, ?5)",
		"(regression_id, run_id)"),
	[DB_SQL_OWNERS_PUT] =
		"INSERT INTO signature_owners (signature_id, tree_id, owners,"
		" tree, computed_at, source) VALUES (?1, ?2, ?3, ?4, ?5, ?6)"
		" ON CONFLICT (signature_id) DO UPDATE SET"
		" tree_id = excluded.tree_id, owners = excluded.owners,"
		" tree = excluded.tree, computed_at = excluded.computed_at,"
		" source = excluded.source",
	[DB_SQL_OWNERS_SECTION_INSERT] = INSERT_IGNORE(
		"signature_sections (signature_id, section, rank, generic)"
		" VALUES (?1, ?2, ?3, ?4)",
		"(signature_id, section)"),
	[DB_SQL_OUTBOX_STATES] =
		"SELECT count(*) FILTER (WHERE state = 'queued'),"
		" count(*) FILTER (WHERE state = 'sent'),"
		" count(*) FILTER (WHERE state = 'failed'),"
		" min(CASE WHEN state = 'queued' THEN next_attempt END)"
		" FROM outbox",
	[DB_SQL_OPTOUT_INSERT] =
		INSERT_IGNORE("mail_optouts (email, signature_id, reason, ts)"
			      " VALUES (?1, ?2, ?3, ?4)",
			      "(email, signature_id)"),
	[DB_SQL_DIGEST_RECIPIENTS] =
		"SELECT a.email, max(a.daily), min(a.is_list),"
		" mr.last_digest, mr.last_message_id FROM ("
		"  SELECT email, 1 AS daily, is_list FROM signature_people"
		"  WHERE is_list = 0 OR CAST(?1 AS bigint) <> 0"
		"  UNION ALL SELECT email, CASE WHEN period = 'daily' THEN 1"
		"  ELSE 0 END, 0 FROM subscriptions) a"
		" LEFT JOIN mail_recipients mr ON mr.email = a.email"
		" WHERE NOT EXISTS (SELECT 1 FROM mail_optouts x"
		"  WHERE x.email = a.email AND x.signature_id = 0)"
		" GROUP BY a.email, mr.last_digest, mr.last_message_id"
		" ORDER BY a.email",
	[DB_SQL_DIGEST_SIGNATURES] = DIGEST_SIGNATURES(
		"JOIN", "SELECT DISTINCT ON (sid) sid, rk, why, section, sub,"
			" is_list FROM mine ORDER BY sid, rk"),
	[DB_SQL_DIGEST_WHERE] =
		DIGEST_WHERE("string_agg(DISTINCT r.tree, ',')"),
	[DB_SQL_ESCALATION_SET] =
		"UPDATE signatures SET escalated_at = ?2,"
		" escalation_reason = ?3, muted_until = CASE"
		" WHEN mute_until_escalating <> 0 THEN NULL ELSE muted_until END,"
		" mute_until_escalating = 0 WHERE id = ?1",
	[DB_SQL_ESCALATION_PEOPLE] =
		"SELECT email, name, section, why, rank, culprit, is_list"
		" FROM signature_people p WHERE signature_id = ?1"
		" AND (is_list = 0 OR CAST(?2 AS bigint) <> 0) AND NOT EXISTS"
		" (SELECT 1 FROM mail_optouts x WHERE x.email = p.email"
		"  AND x.signature_id IN (0, ?1) AND " OPTOUT_HOLDS(
			"CAST(?3 AS bigint)",
			"(SELECT escalated_at FROM signatures WHERE id = ?1)") ")"
									       " ORDER BY is_list, culprit DESC, rank, email",
	[DB_SQL_DIGEST_RECIPIENT_DONE] =
		"INSERT INTO mail_recipients (email, last_digest,"
		" last_message_id, digests) VALUES (?1, ?2, ?3, 1)"
		" ON CONFLICT (email) DO UPDATE SET"
		" last_digest = excluded.last_digest,"
		" last_message_id = excluded.last_message_id,"
		" digests = mail_recipients.digests + 1",
	[DB_SQL_READ_BEGIN] = "BEGIN ISOLATION LEVEL REPEATABLE READ",
	[DB_SQL_SNAPSHOT] = "SELECT count(*) FROM splatd_schema",
	/* db check is SQLite's; PostgreSQL has amcheck (docs/storage.md) */
	[DB_SQL_INTEGRITY_CHECK] = sqlite_only,
	[DB_SQL_FOREIGN_KEY_CHECK] = sqlite_only,
	[DB_SQL_DASH_HISTOGRAM] =
		"SELECT to_char(to_timestamp(r.run_at) AT TIME ZONE 'UTC',"
		" 'YYYY-MM-DD'), o.kernel, r.tree, r.test,"
		" count(*) FROM occurrences o JOIN runs r ON r.id = o.run_id"
		" WHERE o.signature_id = ?1 AND o.ts >= ?2 AND r.run_at >= ?2"
		" GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4",
	[DB_SQL_DASH_COUNTS] =
		"WITH g AS MATERIALIZED (SELECT kind, status, count(*) AS n,"
		" count(*) FILTER (WHERE first_run_at >= ?1) AS new_week,"
		" count(escalated_at) AS escalated FROM signatures"
		" WHERE duplicate_of IS NULL GROUP BY kind, status)"
		" SELECT 'kind', kind, sum(n) FROM g WHERE status <> 'invalid'"
		" GROUP BY kind"
		" UNION ALL SELECT 'status', status, sum(n) FROM g GROUP BY status"
		" UNION ALL SELECT 'new_week', '', coalesce(sum(new_week), 0)"
		" FROM g"
		" UNION ALL SELECT 'escalated', '', coalesce(sum(escalated), 0)"
		" FROM g"
		" UNION ALL SELECT 'regressions', status, count(*)"
		" FROM regressions GROUP BY status",
	[DB_SQL_DASH_PER_DAY] = DASH_PER_DAY("runs r JOIN"),
	/* j.key counts from 0 as json_each's */
	[DB_SQL_DASH_TOP] =
		"SELECT s.id, s.hash, s.kind, s.title, s.status, j.key - 1"
		" FROM jsonb_array_elements_text(CAST(?1 AS jsonb))"
		" WITH ORDINALITY AS j (value, key)"
		" JOIN signatures s ON s.id = CAST(j.value AS bigint)"
		" ORDER BY j.key",
	[DB_SQL_DASH_STATS] = DASH_STATS(
		"SELECT CAST(value AS bigint)"
		" FROM jsonb_array_elements_text(CAST(?1 AS jsonb))"),
	[DB_SQL_OCC_SAMPLE_STATE] =
		"SELECT count(*) FILTER (WHERE o.sample & 7 <> 0),"
		" coalesce(max(CASE WHEN o.sample & 2 <> 0"
		"  AND coalesce(o.kernel, r.kernel) IS NOT DISTINCT FROM"
		"  coalesce(?2, (SELECT kernel FROM runs WHERE id = ?3))"
		"  THEN 1 ELSE 0 END), 0),"
		" coalesce(max(CASE WHEN o.sample & 4 <> 0 AND r.tree IS NOT"
		"  DISTINCT FROM (SELECT tree FROM runs WHERE id = ?3)"
		"  THEN 1 ELSE 0 END), 0),"
		" max(CASE WHEN o.sample & 8 <> 0 THEN o.id END),"
		" max(CASE WHEN o.sample & 8 <> 0 THEN o.text_id END),"
		" max(CASE WHEN o.sample & 8 <> 0 THEN o.sample END)"
		" FROM occurrences o JOIN runs r ON r.id = o.run_id"
		" WHERE o.signature_id = ?1 AND o.text_id IS NOT NULL",
	[DB_SQL_OCC_UNLATEST] =
		"UPDATE occurrences SET sample = sample & 7,"
		" text_id = CASE WHEN sample & 7 <> 0 THEN text_id END"
		" WHERE id = ?1",
	[DB_SQL_DASH_SIG_COUNTS] = DASH_SIG_COUNTS("runs r JOIN"),
	[DB_SQL_DASH_TREE_SPANS] = DASH_TREE_SPANS,
	[DB_SQL_DASH_RUNS_AFTER] = DASH_RUNS_AFTER,
	[DB_SQL_DASH_SECTION_TREND] = DASH_SECTION_TREND("runs r JOIN"),
	[DB_SQL_KCIDB_PRESENT] = KCIDB_PRESENT("", " JOIN"),
	[DB_SQL_KCIDB_FETCH_DUE] = KCIDB_FETCH_DUE(
		"SELECT value FROM jsonb_array_elements_text(CAST(?6 AS jsonb))",
		"SELECT CAST(value AS bigint)"
		" FROM jsonb_array_elements_text(CAST(?7 AS jsonb))"),
	/* splatd's write lock: its key is "splat" in ASCII */
	[DB_SQL_WRITE_LOCK] = "SELECT count(*) FROM"
			      " pg_advisory_xact_lock(495891554676)",
	[DB_SQL_LAST_ID] = "SELECT lastval()",
	/* a session advisory lock (two int keys: apart from the write lock's
	 * bigint one) that this connection holds already, or takes now */
	[DB_SQL_ROLE_TRY] =
		"SELECT CASE WHEN EXISTS (SELECT 1 FROM pg_locks"
		" WHERE locktype = 'advisory' AND pid = pg_backend_pid()"
		" AND classid = ?1::int::oid AND objid = ?2::int::oid"
		" AND objsubid = 2 AND granted) THEN 1"
		" WHEN pg_try_advisory_lock(?1::int, ?2::int) THEN 1 ELSE 0 END",
	/*
	 * the same key as the write lock, shared; and the ingest's statements
	 * (its own and splatd_record_reports()'s) keep the plan made once, to
	 * the end of the transaction: their plans do not depend on the
	 * values, and with the default plan_cache_mode the signatures' lock
	 * and the regressions' list were planned again for most runs (20% of
	 * PostgreSQL's CPU a run of one report, docs/storage.md)
	 */
	[DB_SQL_WRITE_LOCK_SHARED] =
		"SELECT count(*) FROM"
		" pg_advisory_xact_lock_shared(495891554676),"
		" set_config('plan_cache_mode', 'force_generic_plan', true)",
	/* one lock a signature, in the order of their keys: two ingests
	 * never wait for each other in a circle; two-key locks (class 1),
	 * apart from the write lock's and the roles' */
	[DB_SQL_SIG_LOCK] =
		"SELECT count(pg_advisory_xact_lock(1, k)) FROM"
		" (SELECT DISTINCT hashtext(h) AS k FROM"
		" (SELECT h FROM unnest(CAST(?1 AS text[])) AS u (h)"
		" UNION ALL SELECT t.hash FROM signatures s"
		" JOIN signatures t ON t.id = s.duplicate_of"
		" WHERE s.hash = ANY (CAST(?1 AS text[]))) a ORDER BY k) l",
	[DB_SQL_REG_LOCK] = "SELECT count(*) FROM pg_advisory_xact_lock(2, 0)",
	/* a page of runs' times at once: ids ?1, times ?2 */
	[DB_SQL_RUN_SET_AT] =
		"UPDATE runs SET run_at = v.at FROM unnest(CAST(?1 AS bigint[]),"
		" CAST(?2 AS bigint[])) AS v (id, at) WHERE runs.id = v.id",
	[DB_SQL_REPORT_RECORD] =
		"SELECT * FROM splatd_record_reports(?1, ?2, ?3, ?4, ?5, ?6, ?7,"
		" ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20,"
		" ?21, ?22, ?23, ?24)",
};

const char *db_sql_text(enum db_sql id)
{
	return (unsigned)id < DB_SQL_NR ? sql[id] : NULL;
}

const char *db_sql_text_pg(enum db_sql id)
{
	if ((unsigned)id >= DB_SQL_NR)
		return NULL;
	if (sql_pg[id] == sqlite_only)
		return NULL;
	return sql_pg[id] ? sql_pg[id] : sql[id];
}
