// SPDX-License-Identifier: GPL-2.0
/*
 * migrate: the schema as an append-only list of numbered migrations.
 * Migration N (1-based) brings PRAGMA user_version from N-1 to N.  Never edit
 * a migration that has landed; append a new one (docs/storage.md).
 */
#include "db/migrate.h"

#include <errno.h>
#include <stdio.h>

#include "db/db.h"
#include "db/pg.h"
#include "db/runs.h"
#include "db/signatures.h"
#include "parsers/alloc.h"
#include "parsers/url.h"

/* The key functions of report texts, as SQL functions of (text, raw):
 * splatd_text_hash() for migration 8, splatd_text_key() for 12. */
struct text_key_fn {
	void (*fn)(const char *text, size_t text_len, const char *raw,
		   size_t raw_len, unsigned char *out);
	int len;
};
static const struct text_key_fn text_hash = { db_text_hash, DB_TEXT_HASH_LEN };
static const struct text_key_fn text_key = { db_text_key, DB_TEXT_KEY_LEN };

static void text_key_sql(sqlite3_context *c, int argc, sqlite3_value **argv)
{
	const struct text_key_fn *k = sqlite3_user_data(c);
	unsigned char out[DB_TEXT_HASH_LEN];
	const char *t = (const char *)sqlite3_value_text(argv[0]);
	const char *r = (const char *)sqlite3_value_text(argv[1]);

	(void)argc;
	k->fn(t ? t : "", t ? (size_t)sqlite3_value_bytes(argv[0]) : 0,
	      r ? r : "", r ? (size_t)sqlite3_value_bytes(argv[1]) : 0, out);
	sqlite3_result_blob(c, out, k->len, SQLITE_TRANSIENT);
}

/* db_run_time() as the SQL function splatd_run_time(started_at,
 * received_at), for migration 19. */
static void run_time_sql(sqlite3_context *c, int argc, sqlite3_value **argv)
{
	(void)argc;
	sqlite3_result_int64(
		c, db_run_time((const char *)sqlite3_value_text(argv[0]),
			       sqlite3_value_int64(argv[1])));
}

/* url_host_key() as the SQL function splatd_url_host(log_url), for
 * migration 22. */
static void url_host_sql(sqlite3_context *c, int argc, sqlite3_value **argv)
{
	const char *url = (const char *)sqlite3_value_text(argv[0]);
	struct strbuf key = STRBUF_INIT;

	(void)argc;
	url_host_key(url ? url : "", &key);
	sqlite3_result_text(c, key.len ? key.buf : "", (int)key.len,
			    SQLITE_TRANSIENT);
	strbuf_release(&key);
}

/* Migration 22's runs.kcidb_build_id, the same text on both backends. */
#define KCIDB_BUILD_22                                             \
	"ALTER TABLE runs ADD COLUMN kcidb_build_id TEXT;"         \
	"UPDATE runs SET kcidb_build_id = (SELECT min(f.build_id)" \
	" FROM kcidb_fetches f WHERE f.run_id = runs.run_id)"      \
	" WHERE kcidb_test_id IS NOT NULL;"                        \
	"CREATE INDEX runs_kcidb_build ON runs (kcidb_build_id)"   \
	" WHERE kcidb_build_id IS NOT NULL;"

/*
 * Migration 24: the thread a queued mail belongs to, the Message-ID of its
 * thread's first mail (NULL: it is the first), so that a month's digests
 * to one address answer its first, not each the one before (a thread as
 * deep as the digests are many; docs/mail.md "Threads").
 */
#define OUTBOX_THREAD_24(text) "ALTER TABLE outbox ADD COLUMN thread " text ";"

/*
 * Migration 26: a queued KCIDB test's further texts, after its log_url
 * column's: the output_files that hold the kernel's log, a JSON array of
 * their URLs, NULL when none (docs/interop.md "Kernel logs among
 * output_files").
 */
#define KCIDB_LOG_FILES_26(text) \
	"ALTER TABLE kcidb_fetches ADD COLUMN log_files " text ";"

/*
 * Migration 23, the same text on both backends: when a signature was
 * first and last seen by the time of its runs (runs.run_at: started_at
 * when the runner gave it, else arrival), which the dashboard shows,
 * sorts, filters and counts "new this week" by (docs/dashboard.md
 * "First seen, last seen"); first_seen and last_seen stay arrival times
 * for mail, escalation and KCIDB out.  A signature without occurrences
 * keeps its arrival times.  The overview and the subsystems' trend count
 * occurrences by their run's time too: a range of runs_time, then each
 * run's occurrences from (run_id, signature_id), which replaces the
 * (ts, signature_id) index only they read.
 */
#define SEEN_RUN_23                                                     \
	"ALTER TABLE signatures ADD COLUMN first_run_at BIGINT;"        \
	"ALTER TABLE signatures ADD COLUMN last_run_at BIGINT;"         \
	"UPDATE signatures SET first_run_at = coalesce((SELECT"         \
	" min(r.run_at) FROM occurrences o JOIN runs r ON r.id ="       \
	" o.run_id WHERE o.signature_id = signatures.id), first_seen)," \
	" last_run_at = coalesce((SELECT max(r.run_at) FROM"            \
	" occurrences o JOIN runs r ON r.id = o.run_id"                 \
	" WHERE o.signature_id = signatures.id), last_seen);"           \
	"CREATE INDEX signatures_first_run ON signatures"               \
	" (first_run_at, id);"                                          \
	"CREATE INDEX signatures_last_run ON signatures"                \
	" (last_run_at, id);"                                           \
	"DROP INDEX signatures_counts;"                                 \
	"CREATE INDEX signatures_counts ON signatures"                  \
	" (duplicate_of, kind, status, first_run_at, escalated_at);"    \
	"DROP INDEX occurrences_ts;"                                    \
	"CREATE INDEX occurrences_run_sig ON occurrences"               \
	" (run_id, signature_id);"

/*
 * Migration 25, in either spelling (I, T: the integer and text types; tail: how
 * the table is kept): each
 * signature's trees (docs/dashboard.md "First and last seen by tree"):
 * its occurrences on runs of that tree ('' for a run without one), and
 * its first and last runs there by their time (runs.run_at, then id),
 * kept by ingest after each run (DB_SQL_SIG_TREES_SEEN), so that the
 * signature page reads a row a tree instead of sorting every occurrence.
 * The runs stored before give theirs here.  And signature_places by
 * signature: the list counts a signature's machines from its rows instead
 * of every occurrence's run (DASH_STATS).
 */
/* clang-format off */
#define TREES_25(I, T, tail) \
	"CREATE TABLE signature_trees (" \
	" signature_id " I " NOT NULL REFERENCES signatures (id)," \
	" tree " T " NOT NULL," \
	" occurrences " I " NOT NULL," \
	" first_run " I " NOT NULL, first_run_at " I " NOT NULL," \
	" last_run " I " NOT NULL, last_run_at " I " NOT NULL," \
	" PRIMARY KEY (signature_id, tree))" tail \
	";" \
	TREES_FILL \
	"CREATE INDEX signature_places_sig ON signature_places" \
	" (signature_id, what);"
/* clang-format on */

/* signature_trees from the occurrences stored (migrations 25 and 27) */
/* clang-format off */
#define TREES_FILL \
	"INSERT INTO signature_trees (signature_id, tree, occurrences," \
	" first_run, first_run_at, last_run, last_run_at)" \
	" SELECT o.signature_id, coalesce(r.tree, ''), count(*)," \
	" 0, min(r.run_at), 0, max(r.run_at)" \
	" FROM occurrences o JOIN runs r ON r.id = o.run_id" \
	" GROUP BY o.signature_id, coalesce(r.tree, '');" \
	"UPDATE signature_trees SET first_run = (SELECT min(r.id)" \
	" FROM occurrences o JOIN runs r ON r.id = o.run_id" \
	" WHERE o.signature_id = signature_trees.signature_id" \
	" AND coalesce(r.tree, '') = signature_trees.tree" \
	" AND r.run_at = signature_trees.first_run_at)," \
	" last_run = (SELECT max(r.id)" \
	" FROM occurrences o JOIN runs r ON r.id = o.run_id" \
	" WHERE o.signature_id = signature_trees.signature_id" \
	" AND coalesce(r.tree, '') = signature_trees.tree" \
	" AND r.run_at = signature_trees.last_run_at);"
/* clang-format on */

/*
 * Migration 27, in either spelling (I, T, tail as 25's): each signature's
 * occurrences by machine (its run's, '' for none) and by kernel (its own,
 * else its run's, '' for none), kept by ingest after each run
 * (DB_SQL_SIG_TALLIES_SEEN), so that the signature page's machines and
 * kernels tables read a row each instead of every occurrence
 * (docs/dashboard.md "A busy signature's page").  A run whose tree,
 * kernel or machine is filled in after it was stored (a KCIDB checkout:
 * DB_SQL_KCIDB_RUNS_COMPLETE) moves its occurrences between the rows of
 * signature_trees and signature_tallies as if it had come with it, and
 * its signatures get their place in the new tree (signature_places): the
 * triggers of TRIGGERS_27.  signature_trees is built again, for the runs
 * whose tree was filled in before.
 */
/* clang-format off */
#define TALLY_FILL_27(what, value) \
	"INSERT INTO signature_tallies (signature_id, what, value, occurrences)" \
	" SELECT o.signature_id, '" what "', " value ", count(*)" \
	" FROM occurrences o JOIN runs r ON r.id = o.run_id" \
	" GROUP BY o.signature_id, " value ";"
#define TALLIES_27(I, T, tail) \
	"CREATE TABLE signature_tallies (" \
	" signature_id " I " NOT NULL REFERENCES signatures (id)," \
	" what " T " NOT NULL, value " T " NOT NULL," \
	" occurrences " I " NOT NULL," \
	" PRIMARY KEY (signature_id, what, value))" tail ";" \
	TALLY_FILL_27("machine", "coalesce(r.machine, '')") \
	TALLY_FILL_27("kernel", "coalesce(o.kernel, r.kernel, '')") \
	"DELETE FROM signature_trees;" \
	TREES_FILL \
	"INSERT INTO signature_places (what, value, signature_id)" \
	" SELECT DISTINCT 'tree', r.tree, o.signature_id" \
	" FROM runs r JOIN occurrences o ON o.run_id = r.id" \
	" WHERE r.kcidb_build_id IS NOT NULL AND r.tree IS NOT NULL" \
	" ON CONFLICT DO NOTHING;"

/* the signatures of the moved run's occurrences (those that match cond) */
#define MOVED_SIGS(cond) \
	" (SELECT o.signature_id FROM occurrences o" \
	" WHERE o.run_id = new.id AND " cond ")"

/*
 * The run new, whose column col was old.col: its occurrences that match
 * cond leave their signatures' rows of signature_tallies for what
 * old.col, gone when empty, and count in the rows of new.col, as
 * DB_SQL_SIG_TALLIES_SEEN would have counted them.
 */
#define TALLY_MOVE_27(what, col, cond) \
	"INSERT INTO signature_tallies (signature_id, what, value, occurrences)" \
	" SELECT o.signature_id, '" what "', coalesce(new." col ", ''), count(*)" \
	" FROM occurrences o WHERE o.run_id = new.id AND " cond \
	" GROUP BY o.signature_id" \
	" ON CONFLICT (signature_id, what, value) DO UPDATE SET" \
	" occurrences = signature_tallies.occurrences + excluded.occurrences;" \
	"UPDATE signature_tallies SET occurrences = occurrences -" \
	" (SELECT count(*) FROM occurrences o WHERE o.run_id = new.id" \
	" AND " cond " AND o.signature_id = signature_tallies.signature_id)" \
	" WHERE what = '" what "' AND value = coalesce(old." col ", '')" \
	" AND signature_id IN" MOVED_SIGS(cond) ";" \
	"DELETE FROM signature_tallies WHERE occurrences <= 0" \
	" AND what = '" what "' AND value = coalesce(old." col ", '')" \
	" AND signature_id IN" MOVED_SIGS(cond) ";"

/*
 * The first (a: first, by ASC) or last (last, DESC) run of the old tree's
 * rows that were the moved run or another run no longer of that tree,
 * from the occurrences left there: PostgreSQL fires the row triggers of
 * an UPDATE of several runs after all of them changed, so when the first
 * run's trigger looks, the others have left too (kept when none is left:
 * the last of them deletes the row).
 */
#define TREE_END_27(a, col, self, by) \
	"coalesce((SELECT r." col " FROM occurrences o" \
	" JOIN runs r ON r.id = o.run_id" \
	" WHERE o.signature_id = signature_trees.signature_id" \
	" AND coalesce(r.tree, '') = signature_trees.tree" \
	" ORDER BY r.run_at " by ", r.id " by " LIMIT 1), " a self ")"
#define TREE_ENDS_27(a, by) \
	"UPDATE signature_trees SET" \
	" " a "_run = " TREE_END_27(a, "id", "_run", by) "," \
	" " a "_run_at = " TREE_END_27(a, "run_at", "_run_at", by) \
	" WHERE tree = coalesce(old.tree, '')" \
	" AND signature_id IN" MOVED_SIGS("1 = 1") \
	" AND (" a "_run = new.id OR NOT EXISTS (SELECT 1 FROM runs r" \
	" WHERE r.id = signature_trees." a "_run" \
	" AND coalesce(r.tree, '') = signature_trees.tree));"

/* as TALLY_MOVE_27 for signature_trees (the new tree's rows as ingest's
 * DB_SQL_SIG_TREES_SEEN adds a run), and the run's places */
#define TREE_MOVE_27 \
	"INSERT INTO signature_trees (signature_id, tree, occurrences," \
	" first_run, first_run_at, last_run, last_run_at)" \
	" SELECT o.signature_id, coalesce(new.tree, ''), count(*)," \
	" new.id, new.run_at, new.id, new.run_at" \
	" FROM occurrences o WHERE o.run_id = new.id" \
	" GROUP BY o.signature_id" \
	" ON CONFLICT (signature_id, tree) DO UPDATE SET" \
	" occurrences = signature_trees.occurrences + excluded.occurrences," \
	" first_run = CASE WHEN (excluded.first_run_at, excluded.first_run)" \
	" < (signature_trees.first_run_at, signature_trees.first_run)" \
	" THEN excluded.first_run ELSE signature_trees.first_run END," \
	" first_run_at = CASE WHEN (excluded.first_run_at, excluded.first_run)" \
	" < (signature_trees.first_run_at, signature_trees.first_run)" \
	" THEN excluded.first_run_at ELSE signature_trees.first_run_at END," \
	" last_run = CASE WHEN (excluded.last_run_at, excluded.last_run)" \
	" > (signature_trees.last_run_at, signature_trees.last_run)" \
	" THEN excluded.last_run ELSE signature_trees.last_run END," \
	" last_run_at = CASE WHEN (excluded.last_run_at, excluded.last_run)" \
	" > (signature_trees.last_run_at, signature_trees.last_run)" \
	" THEN excluded.last_run_at ELSE signature_trees.last_run_at END;" \
	"UPDATE signature_trees SET occurrences = occurrences -" \
	" (SELECT count(*) FROM occurrences o WHERE o.run_id = new.id" \
	" AND o.signature_id = signature_trees.signature_id)" \
	" WHERE tree = coalesce(old.tree, '')" \
	" AND signature_id IN" MOVED_SIGS("1 = 1") ";" \
	"DELETE FROM signature_trees WHERE occurrences <= 0" \
	" AND tree = coalesce(old.tree, '')" \
	" AND signature_id IN" MOVED_SIGS("1 = 1") ";" \
	TREE_ENDS_27("first", "ASC") \
	TREE_ENDS_27("last", "DESC") \
	PLACE_MOVE_27("tree")

/* the run's signatures' places (signature_places, col: 'tree' or
 * 'machine'): the run's new one, and not the old one unless another run
 * of it has them */
#define PLACE_MOVE_27(col) \
	"INSERT INTO signature_places (what, value, signature_id)" \
	" SELECT DISTINCT '" col "', new." col ", o.signature_id" \
	" FROM occurrences o WHERE o.run_id = new.id" \
	" AND new." col " IS NOT NULL ON CONFLICT DO NOTHING;" \
	"DELETE FROM signature_places WHERE what = '" col "'" \
	" AND value = old." col " AND signature_id IN" MOVED_SIGS("1 = 1") \
	" AND NOT EXISTS (SELECT 1 FROM occurrences o" \
	" JOIN runs r ON r.id = o.run_id" \
	" WHERE o.signature_id = signature_places.signature_id" \
	" AND r." col " = old." col ");"

/* the three moves, each a trigger on SQLite and a trigger and its
 * function on PostgreSQL (TRIGGER_27: name, column, body) */
#define CHANGED_27(col) "coalesce(old." col ", '') <> coalesce(new." col ", '')"
#define TRIGGERS_27(TRIGGER_27) \
	TRIGGER_27("tree", "tree", TREE_MOVE_27) \
	TRIGGER_27("kernel", "kernel", \
		   TALLY_MOVE_27("kernel", "kernel", "o.kernel IS NULL")) \
	TRIGGER_27("machine", "machine", \
		   TALLY_MOVE_27("machine", "machine", "1 = 1") \
		   PLACE_MOVE_27("machine"))
#define TRIGGER_27_SQLITE(name, col, body) \
	"CREATE TRIGGER runs_moved_" name " AFTER UPDATE OF " col " ON runs" \
	" WHEN " CHANGED_27(col) " BEGIN " body " END;"
#define TRIGGER_27_PG(name, col, body) \
	"CREATE OR REPLACE FUNCTION splatd_run_moved_" name "()" \
	" RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN " body \
	" RETURN NULL; END $$;" \
	"CREATE TRIGGER runs_moved_" name " AFTER UPDATE OF " col " ON runs" \
	" FOR EACH ROW WHEN (" CHANGED_27(col) ")" \
	" EXECUTE FUNCTION splatd_run_moved_" name "();"
/* clang-format on */

/*
 * Migration 21, in either spelling (int: the integer type): where the
 * clean-run count of a regression last started over, which its writers
 * set since (reg_set_status()): clean_runs_reset, the regression_history
 * row of the status change that did it (NULL: never), and
 * clean_runs_reset_upto, the newest run (runs.id) of regression_runs
 * recorded before it (those up to it are from before; 0: none).  Existing
 * rows get what the regression view worked out before from the history:
 * the newest status change to reopened or open, or to fix_known from a
 * status with a fix (a first fix starts no count over); a change an
 * ingest made with the reason "run ID: ..." falls just before that run,
 * any other after the runs received by its time.
 */
/* clang-format off */
#define MIGRATION_21(int)						\
	"ALTER TABLE regressions ADD COLUMN clean_runs_reset " int ";"	\
	"ALTER TABLE regressions ADD COLUMN clean_runs_reset_upto " int	\
	" NOT NULL DEFAULT 0;"						\
	"UPDATE regressions SET clean_runs_reset = (SELECT max(h.id)"	\
	" FROM regression_history h"					\
	" WHERE h.regression_id = regressions.id"			\
	" AND h.action = 'status' AND (h.new IN ('reopened', 'open')"	\
	" OR (h.new = 'fix_known' AND h.old IS NOT NULL"		\
	" AND h.old NOT IN ('open', 'workaround'))));"			\
	"UPDATE regressions SET clean_runs_reset_upto = coalesce("	\
	"(SELECT max(rr.run_id) - 1 FROM regression_runs rr"		\
	" JOIN runs r ON r.id = rr.run_id"				\
	" JOIN regression_history h"					\
	" ON h.id = regressions.clean_runs_reset"			\
	" WHERE rr.regression_id = regressions.id"			\
	" AND h.actor = 'ingest'"					\
	" AND substr(h.reason, 1, length(r.run_id) + 6)"		\
	" = 'run ' || r.run_id || ': '),"				\
	"(SELECT max(rr.run_id) FROM regression_runs rr"		\
	" JOIN runs r ON r.id = rr.run_id"				\
	" JOIN regression_history h"					\
	" ON h.id = regressions.clean_runs_reset"			\
	" WHERE rr.regression_id = regressions.id"			\
	" AND r.received_at <= h.ts),"					\
	" 0) WHERE clean_runs_reset IS NOT NULL;"
/* clang-format on */

static const char *const migrations[] = {
	/* 1: runs, signatures, occurrences, edges, tokens */
	"CREATE TABLE runs ("
	" id INTEGER PRIMARY KEY,"
	" run_id TEXT NOT NULL UNIQUE,"
	" tree TEXT, branch TEXT, kernel TEXT, kernel_commit TEXT,"
	" machine TEXT, test TEXT, started_at TEXT,"
	" received_at INTEGER NOT NULL,"
	" log_size INTEGER NOT NULL,"
	" log_sha256 TEXT NOT NULL,"
	" lockdep_off_after INTEGER," /* NULL: lockdep active to the end */
	" lockdep_off_reason TEXT,"
	" reports INTEGER NOT NULL DEFAULT 0,"
	" verdict TEXT NOT NULL);"
	"CREATE INDEX runs_machine ON runs (machine, id);"
	"CREATE TABLE signatures ("
	" id INTEGER PRIMARY KEY,"
	" hash TEXT NOT NULL,"
	" algo_version INTEGER NOT NULL,"
	" kind TEXT NOT NULL,"
	" title TEXT NOT NULL,"
	" classes TEXT NOT NULL," /* JSON array, normalized identity classes */
	" chain TEXT NOT NULL," /* JSON array, classes as first printed */
	" culprit_function TEXT, culprit_module TEXT,"
	" first_seen INTEGER NOT NULL,"
	" last_seen INTEGER NOT NULL,"
	" occurrences INTEGER NOT NULL DEFAULT 0,"
	" status TEXT NOT NULL DEFAULT 'new'"
	"  CHECK (status IN ('new', 'triaged', 'known', 'invalid')),"
	" note TEXT,"
	" duplicate_of INTEGER REFERENCES signatures (id),"
	" search TEXT NOT NULL," /* lower case: title, classes, functions */
	" UNIQUE (hash, algo_version));"
	"CREATE INDEX signatures_last_seen ON signatures (last_seen, id);"
	"CREATE INDEX signatures_first_seen ON signatures (first_seen, id);"
	"CREATE INDEX signatures_occurrences ON signatures (occurrences, id);"
	"CREATE INDEX signatures_duplicate_of ON signatures (duplicate_of)"
	" WHERE duplicate_of IS NOT NULL;"
	"CREATE TABLE signature_events ("
	" id INTEGER PRIMARY KEY,"
	" signature_id INTEGER NOT NULL REFERENCES signatures (id),"
	" ts INTEGER NOT NULL, actor TEXT, action TEXT NOT NULL,"
	" value TEXT, note TEXT);"
	"CREATE INDEX signature_events_sig ON signature_events"
	" (signature_id, id);"
	"CREATE TABLE occurrences ("
	" id INTEGER PRIMARY KEY,"
	" signature_id INTEGER NOT NULL REFERENCES signatures (id),"
	" matched_signature_id INTEGER NOT NULL REFERENCES signatures (id),"
	" run_id INTEGER NOT NULL REFERENCES runs (id),"
	" seq INTEGER NOT NULL,"
	" ts INTEGER NOT NULL,"
	" is_new INTEGER NOT NULL,"
	" kernel TEXT, task TEXT, pid INTEGER,"
	" text TEXT NOT NULL, raw TEXT NOT NULL,"
	" UNIQUE (run_id, seq));"
	"CREATE INDEX occurrences_signature ON occurrences (signature_id);"
	"CREATE INDEX occurrences_matched ON occurrences"
	" (matched_signature_id);"
	"CREATE TABLE edges ("
	" id INTEGER PRIMARY KEY,"
	" hash TEXT NOT NULL UNIQUE,"
	" from_class TEXT NOT NULL, to_class TEXT NOT NULL);"
	"CREATE TABLE signature_edges ("
	" signature_id INTEGER NOT NULL REFERENCES signatures (id),"
	" edge_id INTEGER NOT NULL REFERENCES edges (id),"
	" seq INTEGER NOT NULL, function TEXT,"
	" PRIMARY KEY (signature_id, edge_id)) WITHOUT ROWID;"
	"CREATE INDEX signature_edges_edge ON signature_edges (edge_id);"
	"CREATE TABLE tokens ("
	" id INTEGER PRIMARY KEY,"
	" name TEXT NOT NULL UNIQUE,"
	" role TEXT NOT NULL CHECK (role IN ('ci', 'triager', 'admin')),"
	" hash TEXT NOT NULL UNIQUE,"
	" created_at INTEGER NOT NULL,"
	" revoked_at INTEGER);",
	/* 2: regressions, their links, signatures, fix evidence, counted
	 * runs and history (server/triage/regress.c); configured git trees */
	"CREATE TABLE regressions ("
	" id INTEGER PRIMARY KEY,"
	" title TEXT NOT NULL,"
	" introduced TEXT," /* sha or A..B range */
	" status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open',"
	"  'workaround', 'fix_known', 'fixed', 'reopened', 'resolved',"
	"  'duplicate')),"
	" resolution TEXT," /* reason of a manual resolve */
	" duplicate_of INTEGER REFERENCES regressions (id),"
	" fix_commit TEXT, fix_repo TEXT," /* trusted fix used for containment */
	" clean_runs INTEGER NOT NULL DEFAULT 0,"
	" scanned INTEGER NOT NULL DEFAULT 0," /* trees searched for it */
	" created INTEGER NOT NULL, updated INTEGER NOT NULL);"
	"CREATE INDEX regressions_status ON regressions (status, id);"
	"CREATE TABLE regression_links ("
	" regression_id INTEGER NOT NULL REFERENCES regressions (id),"
	" url TEXT NOT NULL," /* canonical (parsers/links.c) */
	" PRIMARY KEY (regression_id, url)) WITHOUT ROWID;"
	"CREATE INDEX regression_links_url ON regression_links (url);"
	"CREATE TABLE regression_signatures ("
	" regression_id INTEGER NOT NULL REFERENCES regressions (id),"
	" signature_id INTEGER NOT NULL REFERENCES signatures (id),"
	" PRIMARY KEY (regression_id, signature_id)) WITHOUT ROWID;"
	"CREATE INDEX regression_signatures_sig ON regression_signatures"
	" (signature_id);"
	"CREATE TABLE regression_evidence ("
	" id INTEGER PRIMARY KEY,"
	" regression_id INTEGER NOT NULL REFERENCES regressions (id),"
	" tree TEXT NOT NULL, branch TEXT NOT NULL, repo TEXT NOT NULL,"
	" trusted INTEGER NOT NULL,"
	" commit_id TEXT NOT NULL, subject TEXT NOT NULL,"
	" how TEXT NOT NULL, detail TEXT, commit_time INTEGER,"
	" found INTEGER NOT NULL,"
	" UNIQUE (regression_id, tree, commit_id));"
	"CREATE TABLE regression_runs ("
	" regression_id INTEGER NOT NULL REFERENCES regressions (id),"
	" run_id INTEGER NOT NULL REFERENCES runs (id),"
	" seen INTEGER NOT NULL," /* 1: the splat occurred in this run */
	" counted INTEGER NOT NULL," /* 1: counted as a clean run */
	" why TEXT NOT NULL,"
	" PRIMARY KEY (regression_id, run_id)) WITHOUT ROWID;"
	"CREATE TABLE regression_history ("
	" id INTEGER PRIMARY KEY,"
	" regression_id INTEGER NOT NULL REFERENCES regressions (id),"
	" ts INTEGER NOT NULL, actor TEXT NOT NULL, action TEXT NOT NULL,"
	" old TEXT, new TEXT, reason TEXT);"
	"CREATE INDEX regression_history_reg ON regression_history"
	" (regression_id, id);"
	"CREATE TABLE git_trees ("
	" id INTEGER PRIMARY KEY,"
	" name TEXT NOT NULL UNIQUE,"
	" repo TEXT NOT NULL, branch TEXT NOT NULL,"
	" trusted INTEGER NOT NULL,"
	" last_commit TEXT, last_sync INTEGER,"
	" commits INTEGER NOT NULL DEFAULT 0);"
	"ALTER TABLE runs ADD COLUMN lockdep_meta_off INTEGER NOT NULL"
	" DEFAULT 0;",

	/* 3: function-definition index per kernel tree (server/fnindex) */
	"CREATE TABLE fn_trees ("
	" id INTEGER PRIMARY KEY,"
	" tree_id TEXT NOT NULL UNIQUE," /* commit sha or dir-<sha256> */
	" kind TEXT NOT NULL, ref TEXT,"
	" defs INTEGER NOT NULL, modules INTEGER NOT NULL,"
	" indexed_at INTEGER NOT NULL);"
	"CREATE TABLE fn_defs ("
	" tree INTEGER NOT NULL REFERENCES fn_trees (id) ON DELETE CASCADE,"
	" name TEXT NOT NULL, file TEXT NOT NULL, line INTEGER NOT NULL);"
	"CREATE INDEX fn_defs_name ON fn_defs (tree, name);"
	"CREATE TABLE fn_modules ("
	" tree INTEGER NOT NULL REFERENCES fn_trees (id) ON DELETE CASCADE,"
	" module TEXT NOT NULL, file TEXT NOT NULL);"
	"CREATE INDEX fn_modules_module ON fn_modules (tree, module);",
	/* 4: owners of signatures, computed on demand (api_subsystems.c) */
	"CREATE TABLE signature_owners ("
	" signature_id INTEGER PRIMARY KEY REFERENCES signatures (id),"
	" tree_id TEXT NOT NULL," /* the kernel tree they were computed in */
	" owners TEXT NOT NULL, tree TEXT NOT NULL," /* JSON as served */
	" computed_at INTEGER NOT NULL);"
	"CREATE TABLE signature_sections ("
	" signature_id INTEGER NOT NULL REFERENCES signatures (id),"
	" section TEXT NOT NULL, rank INTEGER NOT NULL,"
	" generic INTEGER NOT NULL,"
	" PRIMARY KEY (signature_id, section)) WITHOUT ROWID;"
	"CREATE INDEX signature_sections_section ON signature_sections"
	" (section, rank);",
	/* 5: what cached owners were computed from, to know when they are stale */
	"ALTER TABLE signature_owners ADD COLUMN source TEXT NOT NULL"
	" DEFAULT '';",
	/* 6: how many directories use each header (server/fanin), for the
	 * core services of owners; dirs -1: indexed before, index again */
	"CREATE TABLE fn_headers ("
	" tree INTEGER NOT NULL REFERENCES fn_trees (id) ON DELETE CASCADE,"
	" header TEXT NOT NULL, dirs INTEGER NOT NULL);"
	"CREATE INDEX fn_headers_tree ON fn_headers (tree);"
	"ALTER TABLE fn_trees ADD COLUMN dirs INTEGER NOT NULL DEFAULT -1;",
	/* 7: mail (docs/mail.md): who is mailed about what, subscriptions and
	 * opt-outs, the outbox, refs of sent mails, received replies,
	 * escalation and mute state of signatures, tokens bound to an address */
	"ALTER TABLE tokens ADD COLUMN email TEXT;" /* lower case */
	"CREATE INDEX tokens_email ON tokens (email) WHERE email IS NOT NULL;"
	"ALTER TABLE signatures ADD COLUMN escalated_at INTEGER;"
	"ALTER TABLE signatures ADD COLUMN escalation_reason TEXT;"
	"ALTER TABLE signatures ADD COLUMN escalation_mailed_at INTEGER;"
	/* Message-ID of its first escalation mail: the thread's root */
	"ALTER TABLE signatures ADD COLUMN escalation_thread TEXT;"
	"ALTER TABLE signatures ADD COLUMN muted_until INTEGER;"
	"ALTER TABLE signatures ADD COLUMN mute_until_escalating INTEGER"
	" NOT NULL DEFAULT 0;"
	"ALTER TABLE regressions ADD COLUMN fix_expected TEXT;"
	"CREATE INDEX occurrences_sig_ts ON occurrences (signature_id, ts);"
	/* the people (M:) and lists (L:) of a signature's owning sections,
	 * ranked as owners ranks them; filled with its owners */
	"CREATE TABLE signature_people ("
	" signature_id INTEGER NOT NULL REFERENCES signatures (id),"
	" email TEXT NOT NULL," /* lower case address */
	" name TEXT,"
	" section TEXT NOT NULL, rank INTEGER NOT NULL,"
	" culprit INTEGER NOT NULL," /* its section owns the culprit edge */
	" is_list INTEGER NOT NULL,"
	" why TEXT NOT NULL," /* "SECTION: file, function" */
	" PRIMARY KEY (signature_id, email)) WITHOUT ROWID;"
	"CREATE INDEX signature_people_email ON signature_people"
	" (email, signature_id);"
	"CREATE TABLE subscriptions ("
	" id INTEGER PRIMARY KEY,"
	" email TEXT NOT NULL,"
	" what TEXT NOT NULL CHECK (what IN ('section', 'kind', 'tree',"
	"  'signature', 'all')),"
	" value TEXT NOT NULL DEFAULT ''," /* '' for all */
	" period TEXT NOT NULL DEFAULT 'daily'"
	"  CHECK (period IN ('daily', 'weekly')),"
	" created INTEGER NOT NULL, actor TEXT,"
	" UNIQUE (email, what, value));"
	"CREATE TABLE mail_optouts ("
	" email TEXT NOT NULL,"
	" signature_id INTEGER NOT NULL DEFAULT 0," /* 0: everything */
	" reason TEXT NOT NULL," /* unsubscribe, not-mine */
	" ts INTEGER NOT NULL,"
	" PRIMARY KEY (email, signature_id)) WITHOUT ROWID;"
	"CREATE TABLE mail_recipients ("
	" email TEXT PRIMARY KEY,"
	" last_digest INTEGER," /* --now of the last digest composed */
	" last_message_id TEXT,"
	" digests INTEGER NOT NULL DEFAULT 0) WITHOUT ROWID;"
	"CREATE TABLE outbox ("
	" id INTEGER PRIMARY KEY,"
	" message_id TEXT NOT NULL UNIQUE," /* without <> */
	" kind TEXT NOT NULL CHECK (kind IN ('digest', 'escalation',"
	"  'reply', 'list')),"
	" envelope_from TEXT NOT NULL,"
	" recipients TEXT NOT NULL," /* JSON array of addresses */
	" message TEXT NOT NULL," /* the whole RFC 5322 text, CRLF */
	" state TEXT NOT NULL DEFAULT 'queued'"
	"  CHECK (state IN ('queued', 'sent', 'failed')),"
	" attempts INTEGER NOT NULL DEFAULT 0,"
	" next_attempt INTEGER NOT NULL,"
	" last_error TEXT,"
	" created INTEGER NOT NULL, sent_at INTEGER);"
	"CREATE INDEX outbox_due ON outbox (state, next_attempt, id);"
	/* the [n] refs of a sent mail, for replies */
	"CREATE TABLE mail_items ("
	" message_id TEXT NOT NULL, ref INTEGER NOT NULL,"
	" signature_id INTEGER NOT NULL REFERENCES signatures (id),"
	" PRIMARY KEY (message_id, ref)) WITHOUT ROWID;"
	/* who was mailed about a signature: they may act on it by reply */
	"CREATE TABLE mail_sent_about ("
	" signature_id INTEGER NOT NULL REFERENCES signatures (id),"
	" email TEXT NOT NULL, ts INTEGER NOT NULL,"
	" PRIMARY KEY (signature_id, email)) WITHOUT ROWID;"
	"CREATE TABLE mail_received ("
	" message_id TEXT PRIMARY KEY, sender TEXT, ts INTEGER NOT NULL,"
	" applied INTEGER NOT NULL, refused INTEGER NOT NULL) WITHOUT ROWID;"
	/* paused: "1" stops sending; secret: key of unsubscribe links */
	"CREATE TABLE mail_settings ("
	" key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;",
	/* 8: report texts kept for a bounded sample per signature, stored
	 * once per content (docs/storage.md).  An occurrence's sample bits:
	 * 1 first, 2 first of its kernel, 4 first of its tree (2 and 4 while
	 * fewer than DB_MAX_SAMPLES - 1 = 31 are kept), 8 latest; text_id
	 * NULL when 0.  The rule of db_occurrence_insert() in id order. */
	"CREATE TABLE report_texts ("
	" id INTEGER PRIMARY KEY,"
	" hash BLOB NOT NULL UNIQUE," /* splatd_text_hash(text, raw) */
	" text TEXT NOT NULL, raw TEXT NOT NULL);"
	"ALTER TABLE occurrences ADD COLUMN text_id INTEGER"
	" REFERENCES report_texts (id);"
	"ALTER TABLE occurrences ADD COLUMN sample INTEGER NOT NULL"
	" DEFAULT 0;"
	"ALTER TABLE signatures ADD COLUMN texts_dropped INTEGER NOT NULL"
	" DEFAULT 0;"
	"CREATE TEMP TABLE m8 AS SELECT o.id AS id, o.signature_id AS sig,"
	" (o.id = min(o.id) OVER (PARTITION BY o.signature_id))"
	" + (o.id = min(o.id) OVER (PARTITION BY o.signature_id,"
	"  coalesce(o.kernel, r.kernel))) * 2"
	" + (o.id = min(o.id) OVER (PARTITION BY o.signature_id, r.tree)) * 4"
	" AS s,"
	" (o.id = max(o.id) OVER (PARTITION BY o.signature_id)) * 8 AS l"
	" FROM occurrences o JOIN runs r ON r.id = o.run_id;"
	"UPDATE m8 SET s = 0 WHERE id IN (SELECT id FROM (SELECT id,"
	" row_number() OVER (PARTITION BY sig ORDER BY id) AS n"
	" FROM m8 WHERE s <> 0) WHERE n > 31);"
	"UPDATE occurrences SET sample = m8.s | m8.l FROM m8"
	" WHERE m8.id = occurrences.id;"
	"DROP TABLE temp.m8;"
	"INSERT OR IGNORE INTO report_texts (hash, text, raw)"
	" SELECT splatd_text_hash(text, raw), text, raw FROM occurrences"
	" WHERE sample <> 0 ORDER BY id;"
	"UPDATE occurrences SET text_id = t.id FROM report_texts t"
	" WHERE occurrences.sample <> 0"
	" AND t.hash = splatd_text_hash(occurrences.text, occurrences.raw);"
	"UPDATE signatures SET texts_dropped = (SELECT count(*)"
	" FROM occurrences o WHERE o.signature_id = signatures.id"
	" AND o.sample = 0);"
	"ALTER TABLE occurrences DROP COLUMN text;"
	"ALTER TABLE occurrences DROP COLUMN raw;"
	/* the kept ones, at most N + 1 per signature; signature_id alone is
	 * served by occurrences_sig_ts */
	"CREATE INDEX occurrences_kept ON occurrences (signature_id)"
	" WHERE text_id IS NOT NULL;"
	"CREATE INDEX occurrences_text ON occurrences (text_id)"
	" WHERE text_id IS NOT NULL;"
	"DROP INDEX occurrences_signature;",
	/* 9: the dashboard's filters and overview (docs/dashboard.md): where
	 * each signature was seen (its trees and machines, one row per
	 * distinct value, kept by a trigger on every stored occurrence) for
	 * the list's tree= and machine= filters; occurrences by time for
	 * the overview's per-day and per-week counts, and its signature
	 * counts from an index */
	"CREATE TABLE signature_places ("
	" what TEXT NOT NULL," /* 'tree' or 'machine' */
	" value TEXT NOT NULL,"
	" signature_id INTEGER NOT NULL REFERENCES signatures (id),"
	" PRIMARY KEY (what, value, signature_id)) WITHOUT ROWID;"
	"INSERT OR IGNORE INTO signature_places (what, value, signature_id)"
	" SELECT DISTINCT 'tree', r.tree, o.signature_id FROM occurrences o"
	" JOIN runs r ON r.id = o.run_id WHERE r.tree IS NOT NULL"
	" UNION SELECT DISTINCT 'machine', r.machine, o.signature_id"
	" FROM occurrences o JOIN runs r ON r.id = o.run_id"
	" WHERE r.machine IS NOT NULL;"
	"CREATE TRIGGER signature_places_add AFTER INSERT ON occurrences"
	" BEGIN"
	" INSERT OR IGNORE INTO signature_places (what, value, signature_id)"
	" SELECT 'tree', tree, NEW.signature_id FROM runs"
	" WHERE id = NEW.run_id AND tree IS NOT NULL"
	" UNION ALL SELECT 'machine', machine, NEW.signature_id FROM runs"
	" WHERE id = NEW.run_id AND machine IS NOT NULL;"
	" END;"
	"CREATE INDEX occurrences_ts ON occurrences (ts, signature_id);"
	/* the overview's counts of open signatures, without their rows */
	"CREATE INDEX signatures_counts ON signatures"
	" (duplicate_of, kind, status, first_seen, escalated_at);",
	/* 10: KCIDB (docs/interop.md): a run made from a KCIDB test keeps
	 * the test's origin and id (the export's incidents name it) */
	"ALTER TABLE runs ADD COLUMN kcidb_origin TEXT;"
	"ALTER TABLE runs ADD COLUMN kcidb_test_id TEXT;"
	"CREATE UNIQUE INDEX runs_kcidb_test ON runs (kcidb_test_id)"
	" WHERE kcidb_test_id IS NOT NULL;"
	/* KCIDB in: the checkouts and builds tests name, merged as they
	 * come; log_url tests waiting for (or given up by) the fetcher */
	"CREATE TABLE kcidb_checkouts (id TEXT PRIMARY KEY,"
	" origin TEXT NOT NULL, tree_name TEXT, git_repository_url TEXT,"
	" git_repository_branch TEXT, git_commit_hash TEXT,"
	" git_commit_name TEXT, updated_at INTEGER NOT NULL);"
	"CREATE TABLE kcidb_builds (id TEXT PRIMARY KEY,"
	" origin TEXT NOT NULL, checkout_id TEXT NOT NULL,"
	" updated_at INTEGER NOT NULL);"
	"CREATE TABLE kcidb_fetches (id INTEGER PRIMARY KEY,"
	" test_id TEXT NOT NULL UNIQUE, origin TEXT NOT NULL,"
	" run_id TEXT NOT NULL, build_id TEXT NOT NULL, log_url TEXT NOT NULL,"
	" path TEXT, machine TEXT, start_time TEXT,"
	" state TEXT NOT NULL, attempts INTEGER NOT NULL DEFAULT 0,"
	" next_attempt INTEGER NOT NULL, last_error TEXT,"
	" created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL);"
	"CREATE INDEX kcidb_fetches_due ON kcidb_fetches"
	" (state, next_attempt);",
	/* 11: syzkaller's title of a signature (parsers/syztitle.c), also in
	 * its search text; NULL for the signatures stored before, until
	 * they are seen again (docs/storage.md) */
	"ALTER TABLE signatures ADD COLUMN syz_title TEXT;",
	/* 12: ingest as cheap as before migration 8 (docs/storage.md,
	 * "Where an ingest's time goes"): signature_places is written by
	 * ingest once per run and signature (db_signature_places_add()), no
	 * longer by a trigger twice per occurrence; its rows stay.  Report
	 * texts are keyed by XXH3 (db_text_key()); a text whose new key
	 * another already has keeps its sha256 key, as ingest would give it */
	"DROP TRIGGER signature_places_add;"
	"UPDATE OR IGNORE report_texts SET hash = splatd_text_key(text, raw);",
	/* 13: PostgreSQL's ingest function; nothing here: on SQLite
	 * db_reports_record() runs the same steps in process */
	"",
	/* 14: PostgreSQL's ingest function again; nothing here either */
	"",
	/* 15: PostgreSQL's ingest function takes every syzkaller title into
	 * the search text; db_signature_record() does here (no schema
	 * change) */
	"",
	/* 16: a queued log_url's test keeps its log_excerpt, stored instead
	 * when the fetch fails for good (docs/interop.md) */
	"ALTER TABLE kcidb_fetches ADD COLUMN log_excerpt TEXT;",
	/* 17: when a run stored before (a raw POST) was named by a KCIDB
	 * test with the same log: KCIDB out's since= counts its incidents
	 * from then (docs/interop.md) */
	"ALTER TABLE runs ADD COLUMN kcidb_named_at INTEGER;",
	/* 18: what said lockdep was on in a run: 'banner' (its log printed
	 * lockdep's boot banner), 'lockdep=1' (its metadata), NULL: nothing
	 * (docs/regressions.md "fixed"); lockdep_meta_off is now written with
	 * the run */
	"ALTER TABLE runs ADD COLUMN lockdep_sign TEXT;",
	/* 19: a queued log_url's test keeps its misc.lockdep ('1', '0',
	 * NULL: none), for the run its fetch (or its excerpt) stores
	 * (docs/interop.md) */
	"ALTER TABLE kcidb_fetches ADD COLUMN lockdep TEXT;",
	/* 20: a run's own time (db_run_time(): started_at when it is a
	 * time, else received_at), which the lists order runs by: runs
	 * backfilled or posted late are listed at their time */
	"ALTER TABLE runs ADD COLUMN run_at INTEGER NOT NULL DEFAULT 0;"
	"UPDATE runs SET run_at = splatd_run_time(started_at, received_at);"
	"CREATE INDEX runs_time ON runs (run_at, id);",
	/* 21 */
	MIGRATION_21("INTEGER"),
	/* 22: a queued log_url's host (url_host_key(): "scheme://authority",
	 * lower case), so the statement that picks a worker's next fetch
	 * skips the hosts at their limit (docs/interop.md "Fetching
	 * log_url"), the due index holding it */
	"ALTER TABLE kcidb_fetches ADD COLUMN host TEXT NOT NULL DEFAULT '';"
	"UPDATE kcidb_fetches SET host = splatd_url_host(log_url);"
	"DROP INDEX kcidb_fetches_due;"
	"CREATE INDEX kcidb_fetches_due ON kcidb_fetches"
	" (state, next_attempt, host);"
	/* and a KCIDB test's run keeps its build's id, so that a build or
	 * checkout that comes after the test completes the run's tree,
	 * branch and commit (docs/interop.md); a run fetched before gets it
	 * from its fetch, one stored from an excerpt before has none */
	KCIDB_BUILD_22,
	/* 23 */
	SEEN_RUN_23,
	/* 24 */
	OUTBOX_THREAD_24("TEXT"),
	/* 25 */
	TREES_25("INTEGER", "TEXT", " WITHOUT ROWID"),
	/* 26 */
	KCIDB_LOG_FILES_26("TEXT"),
	/* 27 */
	TALLIES_27("INTEGER", "TEXT", " WITHOUT ROWID")
		TRIGGERS_27(TRIGGER_27_SQLITE),
};

/*
 * The same migrations in PostgreSQL's spelling, number for number, giving
 * the same logical schema: BIGINT for INTEGER (identity columns for the
 * INTEGER PRIMARY KEYs), BYTEA for BLOB, text compared byte by byte as on
 * SQLite (COLLATE "C"), the trigger of 9 in PL/pgSQL.  Steps that convert
 * data of an older SQLite schema are no-ops here: no PostgreSQL database
 * predates this backend (docs/storage.md).
 */
#define ID "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY"
#define TEXT "TEXT COLLATE \"C\""

/*
 * splatd_record_reports() of migrations 13, 14 and 15 (docs/storage.md
 * "Round trips"): its head, up to the sample's state before the group
 * (create: how it is made, decls: the variables the loop adds), its tail
 * (the group's counts, its places, its rows), and the steps of its loop
 * over the group's reports: the sample a report gets; text_upsert() of
 * its text, taking over row recycle when the latest drops its text; its
 * occurrence with text and sample; unlatest() of the latest; the row the
 * latest's text held deleted unless taken over or shared; the state the
 * next report reads.  13's text, which databases hold, is as it was.
 */
/* clang-format off */
/*
 * The signature found by hash, v_nosyz whether its syz_title wants
 * storing (ind: the indentation of the step), and that storing: 13 and 14
 * store the first syzkaller title only; 15 adds each title the signature is
 * seen with to its search text (syzbot names one bug by several functions).
 */
#define RECORD_FIND_V1(ind) \
	"  " ind "SELECT s.id, s.duplicate_of, s.syz_title IS NULL" \
	"  " ind " INTO v_matched, v_dup, v_nosyz FROM signatures s" \
	"  " ind " WHERE s.hash = p_hash AND s.algo_version = p_algo;"
#define RECORD_SYZ_V1 \
	"   IF v_nosyz AND p_syz_title IS NOT NULL THEN" \
	"    UPDATE signatures SET syz_title = p_syz_title," \
	"     search = search || lower(p_syz_title) || chr(10)" \
	"     WHERE id = v_matched AND syz_title IS NULL;" \
	"   END IF;"
#define RECORD_FIND_V2(ind) \
	"  " ind "SELECT s.id, s.duplicate_of, p_syz_title IS NOT NULL" \
	"  " ind " AND strpos(s.search, lower(p_syz_title)) = 0" \
	"  " ind " INTO v_matched, v_dup, v_nosyz FROM signatures s" \
	"  " ind " WHERE s.hash = p_hash AND s.algo_version = p_algo;"
#define RECORD_SYZ_V2 \
	"   IF v_nosyz THEN" \
	"    UPDATE signatures SET syz_title = coalesce(syz_title," \
	"     p_syz_title), search = search || lower(p_syz_title) || chr(10)" \
	"     WHERE id = v_matched;" \
	"   END IF;"
#define RECORD_REPORTS_HEAD(create, decls) \
	RECORD_REPORTS_HEAD_AS(create, decls, RECORD_FIND_V1, RECORD_SYZ_V1)
#define RECORD_REPORTS_HEAD_AS(create, decls, find, syz) \
	create " splatd_record_reports(" \
	" p_hash TEXT, p_algo BIGINT, p_kind TEXT, p_title TEXT," \
	" p_classes TEXT, p_chain TEXT, p_culprit_function TEXT," \
	" p_culprit_module TEXT, p_ts BIGINT, p_search TEXT," \
	" p_syz_title TEXT, p_edge_hash TEXT[], p_edge_from TEXT[]," \
	" p_edge_to TEXT[], p_edge_function TEXT[], p_run BIGINT," \
	" p_kernel TEXT, p_max BIGINT, p_seq BIGINT[], p_task TEXT[]," \
	" p_pid BIGINT[], p_key BYTEA[], p_text TEXT[], p_raw TEXT[])" \
	" RETURNS TABLE (o_id BIGINT, o_matched BIGINT, o_new BIGINT," \
	" o_occurrences BIGINT, o_first_seen BIGINT, o_status TEXT," \
	" o_hash TEXT, o_kind TEXT, o_title TEXT)" \
	" LANGUAGE plpgsql AS $$" \
	" DECLARE" \
	"  v_id BIGINT; v_matched BIGINT; v_new BIGINT; v_dup BIGINT;" \
	"  v_nosyz BOOLEAN; v_edge BIGINT; i INT; j INT; n INT;" \
	"  v_others BIGINT; v_has_kernel BIGINT; v_has_tree BIGINT;" \
	"  v_latest BIGINT; v_latest_text BIGINT; v_latest_sample BIGINT;" \
	"  v_drops BOOLEAN; v_sample BIGINT; v_key BYTEA; v_text BIGINT;" \
	"  v_same BOOLEAN; v_occ BIGINT; v_dropped BIGINT := 0;" \
	"  v_count BIGINT; v_first BIGINT; v_status TEXT; v_shash TEXT;" \
	"  v_skind TEXT; v_stitle TEXT;" decls \
	" BEGIN" \
	"  n := coalesce(array_length(p_seq, 1), 0);" \
	"  IF n = 0 THEN RETURN; END IF;" \
	/* db_signature_record() of the first report */ \
	find("") \
	"  IF NOT FOUND THEN" \
	"   INSERT INTO signatures (hash, algo_version, kind, title, classes," \
	"    chain, culprit_function, culprit_module, first_seen, last_seen," \
	"    occurrences, search, syz_title) VALUES (p_hash, p_algo, p_kind," \
	"    p_title, p_classes, p_chain, p_culprit_function," \
	"    p_culprit_module, p_ts, p_ts, 0, p_search, p_syz_title)" \
	"    ON CONFLICT (hash, algo_version) DO NOTHING" \
	"    RETURNING id INTO v_matched;" \
	"  END IF;" \
	/* created by an ingest that committed since: seen again */ \
	"  IF v_matched IS NULL THEN" \
	find(" ") \
	"  END IF;" \
	"  IF v_nosyz IS NULL THEN" \
	"   FOR i IN 1 .. coalesce(array_length(p_edge_hash, 1), 0) LOOP" \
	"    INSERT INTO edges (hash, from_class, to_class)" \
	"     VALUES (p_edge_hash[i], p_edge_from[i], p_edge_to[i])" \
	"     ON CONFLICT (hash) DO UPDATE SET hash = excluded.hash" \
	"     RETURNING id INTO v_edge;" \
	"    INSERT INTO signature_edges (signature_id, edge_id, seq," \
	"     function) VALUES (v_matched, v_edge, i - 1, p_edge_function[i])" \
	"     ON CONFLICT (signature_id, edge_id) DO NOTHING;" \
	"   END LOOP;" \
	"   v_new := 1;" \
	"  ELSE" \
	"   v_new := 0;" \
	syz \
	"  END IF;" \
	"  v_id := coalesce(v_dup, v_matched);" \
	/* db_occurrence_insert(): the sample's state before the group */ \
	"  SELECT count(*) FILTER (WHERE o.sample & 7 <> 0)," \
	"   coalesce(max(CASE WHEN o.sample & 2 <> 0" \
	"    AND coalesce(o.kernel, r.kernel) IS NOT DISTINCT FROM" \
	"    coalesce(p_kernel, (SELECT kernel FROM runs WHERE id = p_run))" \
	"    THEN 1 ELSE 0 END), 0)," \
	"   coalesce(max(CASE WHEN o.sample & 4 <> 0 AND r.tree IS NOT" \
	"    DISTINCT FROM (SELECT tree FROM runs WHERE id = p_run)" \
	"    THEN 1 ELSE 0 END), 0)," \
	"   max(CASE WHEN o.sample & 8 <> 0 THEN o.id END)," \
	"   max(CASE WHEN o.sample & 8 <> 0 THEN o.text_id END)," \
	"   max(CASE WHEN o.sample & 8 <> 0 THEN o.sample END)" \
	"   INTO v_others, v_has_kernel, v_has_tree, v_latest," \
	"   v_latest_text, v_latest_sample" \
	"   FROM occurrences o JOIN runs r ON r.id = o.run_id" \
	"   WHERE o.signature_id = v_id AND o.text_id IS NOT NULL;"

#define RECORD_REPORTS_TAIL \
	/* the group's counts, its dropped texts, its places */ \
	"  UPDATE signatures SET occurrences = occurrences + n," \
	"   last_seen = GREATEST(last_seen, p_ts)," \
	"   texts_dropped = texts_dropped + v_dropped WHERE id = v_id" \
	"   RETURNING occurrences, first_seen, status, hash, kind, title" \
	"   INTO v_count, v_first, v_status, v_shash, v_skind, v_stitle;" \
	"  INSERT INTO signature_places (what, value, signature_id)" \
	"   SELECT 'tree', tree, v_id FROM runs" \
	"   WHERE id = p_run AND tree IS NOT NULL" \
	"   UNION ALL SELECT 'machine', machine, v_id FROM runs" \
	"   WHERE id = p_run AND machine IS NOT NULL" \
	"   ON CONFLICT (what, value, signature_id) DO NOTHING;" \
	"  FOR j IN 1 .. n LOOP" \
	"   o_id := v_id; o_matched := v_matched;" \
	"   o_new := CASE WHEN j = 1 THEN v_new ELSE 0 END;" \
	"   o_occurrences := v_count - n + j; o_first_seen := v_first;" \
	"   o_status := v_status; o_hash := v_shash; o_kind := v_skind;" \
	"   o_title := v_stitle;" \
	"   RETURN NEXT;" \
	"  END LOOP;" \
	" END $$;"

#define RECORD_SAMPLE \
	"   v_sample := 8;" \
	"   IF v_others = 0 AND v_latest IS NULL THEN" \
	"    v_sample := 15;" \
	"   ELSIF v_others < p_max - 1 THEN" \
	"    IF v_has_kernel = 0 THEN v_sample := v_sample | 2; END IF;" \
	"    IF v_has_tree = 0 THEN v_sample := v_sample | 4; END IF;" \
	"   END IF;"

#define RECORD_TEXT_UPSERT(recycle) \
	/* text_upsert() */ \
	"   v_key := p_key[j]; v_text := NULL; v_same := NULL;" \
	"   SELECT t.id, t.text = p_text[j] AND t.raw = p_raw[j]" \
	"    INTO v_text, v_same FROM report_texts t WHERE t.hash = v_key;" \
	"   IF FOUND AND NOT v_same THEN" \
	"    v_key := sha256(convert_to(p_text[j], 'UTF8') || '\\x00'::bytea" \
	"     || convert_to(p_raw[j], 'UTF8'));" \
	"    SELECT t.id, t.text = p_text[j] AND t.raw = p_raw[j]" \
	"     INTO v_text, v_same FROM report_texts t WHERE t.hash = v_key;" \
	"   END IF;" \
	"   IF NOT coalesce(v_same, false) THEN" \
	"    v_text := NULL;" \
	"    IF v_drops THEN" \
	"     UPDATE report_texts SET hash = v_key, text = p_text[j]," \
	"      raw = p_raw[j] WHERE id = " recycle " AND NOT EXISTS" \
	"      (SELECT 1 FROM occurrences WHERE text_id = " recycle \
	"      AND id <> v_latest);" \
	"     IF FOUND THEN v_text := " recycle "; END IF;" \
	"    END IF;" \
	"    IF v_text IS NULL THEN" \
	"     INSERT INTO report_texts (hash, text, raw)" \
	"      VALUES (v_key, p_text[j], p_raw[j]) RETURNING id INTO v_text;" \
	"    END IF;" \
	"   END IF;"

#define RECORD_OCC_INSERT(text, sample) \
	"   INSERT INTO occurrences (signature_id, matched_signature_id," \
	"    run_id, seq, ts, is_new, kernel, task, pid, text_id, sample)" \
	"    VALUES (v_id, v_matched, p_run, p_seq[j], p_ts," \
	"    CASE WHEN j = 1 THEN v_new ELSE 0 END, p_kernel, p_task[j]," \
	"    p_pid[j], " text ", " sample ") RETURNING id INTO v_occ;"

#define RECORD_UNLATEST \
	"    UPDATE occurrences SET sample = sample & 7," \
	"     text_id = CASE WHEN sample & 7 <> 0 THEN text_id END" \
	"     WHERE id = v_latest;"

#define RECORD_TEXT_DELETE(row) \
	"    IF v_drops AND " row " <> v_text THEN" \
	"     DELETE FROM report_texts WHERE id = " row \
	"      AND NOT EXISTS (SELECT 1 FROM occurrences" \
	"      WHERE text_id = " row ");" \
	"    END IF;"

#define RECORD_NEXT \
	/* the sample's state the next report would read */ \
	"   IF v_sample & 7 <> 0 THEN v_others := v_others + 1; END IF;" \
	"   IF v_sample & 2 <> 0 THEN v_has_kernel := 1; END IF;" \
	"   IF v_sample & 4 <> 0 THEN v_has_tree := 1; END IF;" \
	"   v_latest := v_occ; v_latest_text := v_text;" \
	"   v_latest_sample := v_sample;"
/* clang-format on */

/* clang-format off */
/* the loop of 14's splatd_record_reports(), 15's too */
#define RECORD_LOOP_14 \
	"  FOR j IN 1 .. n LOOP" \
	"   v_drops := v_latest IS NOT NULL" \
	"    AND (v_latest_sample & (~ 8)) = 0;" \
	/* a latest stored dropped (v_gone) had its drop counted then */ \
	"   IF v_drops AND NOT v_gone THEN v_dropped := v_dropped + 1; END IF;" \
	RECORD_SAMPLE \
	/* the row the latest's text frees: its own, or the one passed on */ \
	"   v_recycle := CASE WHEN v_gone THEN v_free ELSE v_latest_text END;" \
	"   IF j < n AND v_sample = 8 THEN" \
	/* unlatest() of the latest now, the row of its text passed on */ \
	"   IF v_latest IS NOT NULL AND NOT v_gone THEN" \
	RECORD_UNLATEST \
	"    v_free := NULL;" \
	"    IF v_drops AND NOT EXISTS (SELECT 1 FROM occurrences" \
	"     WHERE text_id = v_latest_text) THEN" \
	"     v_free := v_latest_text;" \
	"    END IF;" \
	"   END IF;" \
	RECORD_OCC_INSERT("NULL", "0") \
	"   v_dropped := v_dropped + 1;" \
	"   v_gone := true; v_text := NULL;" \
	"   ELSE" \
	RECORD_TEXT_UPSERT("v_recycle") \
	RECORD_OCC_INSERT("v_text", "v_sample") \
	/* unlatest() */ \
	"   IF v_latest IS NOT NULL AND NOT v_gone THEN" \
	RECORD_UNLATEST \
	"   END IF;" \
	RECORD_TEXT_DELETE("v_recycle") \
	"   v_gone := false; v_free := NULL;" \
	"   END IF;" \
	RECORD_NEXT \
	"  END LOOP;"
/* clang-format on */

static const char *const migrations_pg[] = {
	/* 1 */
	"CREATE TABLE runs ("
	" id " ID ","
	" run_id " TEXT " NOT NULL UNIQUE,"
	" tree " TEXT ", branch " TEXT ", kernel " TEXT ","
	" kernel_commit " TEXT ", machine " TEXT ", test " TEXT ","
	" started_at " TEXT ","
	" received_at BIGINT NOT NULL,"
	" log_size BIGINT NOT NULL,"
	" log_sha256 " TEXT " NOT NULL,"
	" lockdep_off_after BIGINT,"
	" lockdep_off_reason " TEXT ","
	" reports BIGINT NOT NULL DEFAULT 0,"
	" verdict " TEXT " NOT NULL);"
	"CREATE INDEX runs_machine ON runs (machine, id);"
	"CREATE TABLE signatures ("
	" id " ID ","
	" hash " TEXT " NOT NULL,"
	" algo_version BIGINT NOT NULL,"
	" kind " TEXT " NOT NULL,"
	" title " TEXT " NOT NULL,"
	" classes " TEXT " NOT NULL,"
	" chain " TEXT " NOT NULL,"
	" culprit_function " TEXT ", culprit_module " TEXT ","
	" first_seen BIGINT NOT NULL,"
	" last_seen BIGINT NOT NULL,"
	" occurrences BIGINT NOT NULL DEFAULT 0,"
	" status " TEXT " NOT NULL DEFAULT 'new'"
	"  CHECK (status IN ('new', 'triaged', 'known', 'invalid')),"
	" note " TEXT ","
	" duplicate_of BIGINT REFERENCES signatures (id),"
	" search " TEXT " NOT NULL,"
	" UNIQUE (hash, algo_version));"
	"CREATE INDEX signatures_last_seen ON signatures (last_seen, id);"
	"CREATE INDEX signatures_first_seen ON signatures (first_seen, id);"
	"CREATE INDEX signatures_occurrences ON signatures (occurrences, id);"
	"CREATE INDEX signatures_duplicate_of ON signatures (duplicate_of)"
	" WHERE duplicate_of IS NOT NULL;"
	"CREATE TABLE signature_events ("
	" id " ID ","
	" signature_id BIGINT NOT NULL REFERENCES signatures (id),"
	" ts BIGINT NOT NULL, actor " TEXT ", action " TEXT " NOT NULL,"
	" value " TEXT ", note " TEXT ");"
	"CREATE INDEX signature_events_sig ON signature_events"
	" (signature_id, id);"
	"CREATE TABLE occurrences ("
	" id " ID ","
	" signature_id BIGINT NOT NULL REFERENCES signatures (id),"
	" matched_signature_id BIGINT NOT NULL REFERENCES signatures (id),"
	" run_id BIGINT NOT NULL REFERENCES runs (id),"
	" seq BIGINT NOT NULL,"
	" ts BIGINT NOT NULL,"
	" is_new BIGINT NOT NULL,"
	" kernel " TEXT ", task " TEXT ", pid BIGINT,"
	" text " TEXT " NOT NULL, raw " TEXT " NOT NULL,"
	" UNIQUE (run_id, seq));"
	"CREATE INDEX occurrences_signature ON occurrences (signature_id);"
	"CREATE INDEX occurrences_matched ON occurrences"
	" (matched_signature_id);"
	"CREATE TABLE edges ("
	" id " ID ","
	" hash " TEXT " NOT NULL UNIQUE,"
	" from_class " TEXT " NOT NULL, to_class " TEXT " NOT NULL);"
	"CREATE TABLE signature_edges ("
	" signature_id BIGINT NOT NULL REFERENCES signatures (id),"
	" edge_id BIGINT NOT NULL REFERENCES edges (id),"
	" seq BIGINT NOT NULL, function " TEXT ","
	" PRIMARY KEY (signature_id, edge_id));"
	"CREATE INDEX signature_edges_edge ON signature_edges (edge_id);"
	"CREATE TABLE tokens ("
	" id " ID ","
	" name " TEXT " NOT NULL UNIQUE,"
	" role " TEXT " NOT NULL CHECK (role IN ('ci', 'triager', 'admin')),"
	" hash " TEXT " NOT NULL UNIQUE,"
	" created_at BIGINT NOT NULL,"
	" revoked_at BIGINT);",
	/* 2 */
	"CREATE TABLE regressions ("
	" id " ID ","
	" title " TEXT " NOT NULL,"
	" introduced " TEXT ","
	" status " TEXT " NOT NULL DEFAULT 'open' CHECK (status IN ('open',"
	"  'workaround', 'fix_known', 'fixed', 'reopened', 'resolved',"
	"  'duplicate')),"
	" resolution " TEXT ","
	" duplicate_of BIGINT REFERENCES regressions (id),"
	" fix_commit " TEXT ", fix_repo " TEXT ","
	" clean_runs BIGINT NOT NULL DEFAULT 0,"
	" scanned BIGINT NOT NULL DEFAULT 0,"
	" created BIGINT NOT NULL, updated BIGINT NOT NULL);"
	"CREATE INDEX regressions_status ON regressions (status, id);"
	"CREATE TABLE regression_links ("
	" regression_id BIGINT NOT NULL REFERENCES regressions (id),"
	" url " TEXT " NOT NULL,"
	" PRIMARY KEY (regression_id, url));"
	"CREATE INDEX regression_links_url ON regression_links (url);"
	"CREATE TABLE regression_signatures ("
	" regression_id BIGINT NOT NULL REFERENCES regressions (id),"
	" signature_id BIGINT NOT NULL REFERENCES signatures (id),"
	" PRIMARY KEY (regression_id, signature_id));"
	"CREATE INDEX regression_signatures_sig ON regression_signatures"
	" (signature_id);"
	"CREATE TABLE regression_evidence ("
	" id " ID ","
	" regression_id BIGINT NOT NULL REFERENCES regressions (id),"
	" tree " TEXT " NOT NULL, branch " TEXT " NOT NULL,"
	" repo " TEXT " NOT NULL,"
	" trusted BIGINT NOT NULL,"
	" commit_id " TEXT " NOT NULL, subject " TEXT " NOT NULL,"
	" how " TEXT " NOT NULL, detail " TEXT ", commit_time BIGINT,"
	" found BIGINT NOT NULL,"
	" UNIQUE (regression_id, tree, commit_id));"
	"CREATE TABLE regression_runs ("
	" regression_id BIGINT NOT NULL REFERENCES regressions (id),"
	" run_id BIGINT NOT NULL REFERENCES runs (id),"
	" seen BIGINT NOT NULL,"
	" counted BIGINT NOT NULL,"
	" why " TEXT " NOT NULL,"
	" PRIMARY KEY (regression_id, run_id));"
	"CREATE TABLE regression_history ("
	" id " ID ","
	" regression_id BIGINT NOT NULL REFERENCES regressions (id),"
	" ts BIGINT NOT NULL, actor " TEXT " NOT NULL,"
	" action " TEXT " NOT NULL,"
	" old " TEXT ", new " TEXT ", reason " TEXT ");"
	"CREATE INDEX regression_history_reg ON regression_history"
	" (regression_id, id);"
	"CREATE TABLE git_trees ("
	" id " ID ","
	" name " TEXT " NOT NULL UNIQUE,"
	" repo " TEXT " NOT NULL, branch " TEXT " NOT NULL,"
	" trusted BIGINT NOT NULL,"
	" last_commit " TEXT ", last_sync BIGINT,"
	" commits BIGINT NOT NULL DEFAULT 0);"
	"ALTER TABLE runs ADD COLUMN lockdep_meta_off BIGINT NOT NULL"
	" DEFAULT 0;",
	/* 3 */
	"CREATE TABLE fn_trees ("
	" id " ID ","
	" tree_id " TEXT " NOT NULL UNIQUE,"
	" kind " TEXT " NOT NULL, ref " TEXT ","
	" defs BIGINT NOT NULL, modules BIGINT NOT NULL,"
	" indexed_at BIGINT NOT NULL);"
	"CREATE TABLE fn_defs ("
	" tree BIGINT NOT NULL REFERENCES fn_trees (id) ON DELETE CASCADE,"
	" name " TEXT " NOT NULL, file " TEXT " NOT NULL,"
	" line BIGINT NOT NULL);"
	"CREATE INDEX fn_defs_name ON fn_defs (tree, name);"
	"CREATE TABLE fn_modules ("
	" tree BIGINT NOT NULL REFERENCES fn_trees (id) ON DELETE CASCADE,"
	" module " TEXT " NOT NULL, file " TEXT " NOT NULL);"
	"CREATE INDEX fn_modules_module ON fn_modules (tree, module);",
	/* 4 */
	"CREATE TABLE signature_owners ("
	" signature_id BIGINT PRIMARY KEY REFERENCES signatures (id),"
	" tree_id " TEXT " NOT NULL,"
	" owners " TEXT " NOT NULL, tree " TEXT " NOT NULL,"
	" computed_at BIGINT NOT NULL);"
	"CREATE TABLE signature_sections ("
	" signature_id BIGINT NOT NULL REFERENCES signatures (id),"
	" section " TEXT " NOT NULL, rank BIGINT NOT NULL,"
	" generic BIGINT NOT NULL,"
	" PRIMARY KEY (signature_id, section));"
	"CREATE INDEX signature_sections_section ON signature_sections"
	" (section, rank);",
	/* 5 */
	"ALTER TABLE signature_owners ADD COLUMN source " TEXT " NOT NULL"
	" DEFAULT '';",
	/* 6 */
	"CREATE TABLE fn_headers ("
	" tree BIGINT NOT NULL REFERENCES fn_trees (id) ON DELETE CASCADE,"
	" header " TEXT " NOT NULL, dirs BIGINT NOT NULL);"
	"CREATE INDEX fn_headers_tree ON fn_headers (tree);"
	"ALTER TABLE fn_trees ADD COLUMN dirs BIGINT NOT NULL DEFAULT -1;",
	/* 7 */
	"ALTER TABLE tokens ADD COLUMN email " TEXT ";"
	"CREATE INDEX tokens_email ON tokens (email) WHERE email IS NOT NULL;"
	"ALTER TABLE signatures ADD COLUMN escalated_at BIGINT;"
	"ALTER TABLE signatures ADD COLUMN escalation_reason " TEXT ";"
	"ALTER TABLE signatures ADD COLUMN escalation_mailed_at BIGINT;"
	"ALTER TABLE signatures ADD COLUMN escalation_thread " TEXT ";"
	"ALTER TABLE signatures ADD COLUMN muted_until BIGINT;"
	"ALTER TABLE signatures ADD COLUMN mute_until_escalating BIGINT"
	" NOT NULL DEFAULT 0;"
	"ALTER TABLE regressions ADD COLUMN fix_expected " TEXT ";"
	"CREATE INDEX occurrences_sig_ts ON occurrences (signature_id, ts);"
	"CREATE TABLE signature_people ("
	" signature_id BIGINT NOT NULL REFERENCES signatures (id),"
	" email " TEXT " NOT NULL,"
	" name " TEXT ","
	" section " TEXT " NOT NULL, rank BIGINT NOT NULL,"
	" culprit BIGINT NOT NULL,"
	" is_list BIGINT NOT NULL,"
	" why " TEXT " NOT NULL,"
	" PRIMARY KEY (signature_id, email));"
	"CREATE INDEX signature_people_email ON signature_people"
	" (email, signature_id);"
	"CREATE TABLE subscriptions ("
	" id " ID ","
	" email " TEXT " NOT NULL,"
	" what " TEXT " NOT NULL CHECK (what IN ('section', 'kind', 'tree',"
	"  'signature', 'all')),"
	" value " TEXT " NOT NULL DEFAULT '',"
	" period " TEXT " NOT NULL DEFAULT 'daily'"
	"  CHECK (period IN ('daily', 'weekly')),"
	" created BIGINT NOT NULL, actor " TEXT ","
	" UNIQUE (email, what, value));"
	"CREATE TABLE mail_optouts ("
	" email " TEXT " NOT NULL,"
	" signature_id BIGINT NOT NULL DEFAULT 0,"
	" reason " TEXT " NOT NULL,"
	" ts BIGINT NOT NULL,"
	" PRIMARY KEY (email, signature_id));"
	"CREATE TABLE mail_recipients ("
	" email " TEXT " PRIMARY KEY,"
	" last_digest BIGINT,"
	" last_message_id " TEXT ","
	" digests BIGINT NOT NULL DEFAULT 0);"
	"CREATE TABLE outbox ("
	" id " ID ","
	" message_id " TEXT " NOT NULL UNIQUE,"
	" kind " TEXT " NOT NULL CHECK (kind IN ('digest', 'escalation',"
	"  'reply', 'list')),"
	" envelope_from " TEXT " NOT NULL,"
	" recipients " TEXT " NOT NULL,"
	" message " TEXT " NOT NULL,"
	" state " TEXT " NOT NULL DEFAULT 'queued'"
	"  CHECK (state IN ('queued', 'sent', 'failed')),"
	" attempts BIGINT NOT NULL DEFAULT 0,"
	" next_attempt BIGINT NOT NULL,"
	" last_error " TEXT ","
	" created BIGINT NOT NULL, sent_at BIGINT);"
	"CREATE INDEX outbox_due ON outbox (state, next_attempt, id);"
	"CREATE TABLE mail_items ("
	" message_id " TEXT " NOT NULL, ref BIGINT NOT NULL,"
	" signature_id BIGINT NOT NULL REFERENCES signatures (id),"
	" PRIMARY KEY (message_id, ref));"
	"CREATE TABLE mail_sent_about ("
	" signature_id BIGINT NOT NULL REFERENCES signatures (id),"
	" email " TEXT " NOT NULL, ts BIGINT NOT NULL,"
	" PRIMARY KEY (signature_id, email));"
	"CREATE TABLE mail_received ("
	" message_id " TEXT " PRIMARY KEY, sender " TEXT ","
	" ts BIGINT NOT NULL,"
	" applied BIGINT NOT NULL, refused BIGINT NOT NULL);"
	"CREATE TABLE mail_settings ("
	" key " TEXT " PRIMARY KEY, value " TEXT " NOT NULL);",
	/* 8: the schema of SQLite's 8; its conversion of stored occurrences
	 * has nothing to convert */
	"CREATE TABLE report_texts ("
	" id " ID ","
	" hash BYTEA NOT NULL UNIQUE,"
	" text " TEXT " NOT NULL, raw " TEXT " NOT NULL);"
	"ALTER TABLE occurrences ADD COLUMN text_id BIGINT"
	" REFERENCES report_texts (id);"
	"ALTER TABLE occurrences ADD COLUMN sample BIGINT NOT NULL"
	" DEFAULT 0;"
	"ALTER TABLE signatures ADD COLUMN texts_dropped BIGINT NOT NULL"
	" DEFAULT 0;"
	"ALTER TABLE occurrences DROP COLUMN text;"
	"ALTER TABLE occurrences DROP COLUMN raw;"
	"CREATE INDEX occurrences_kept ON occurrences (signature_id)"
	" WHERE text_id IS NOT NULL;"
	"CREATE INDEX occurrences_text ON occurrences (text_id)"
	" WHERE text_id IS NOT NULL;"
	"DROP INDEX occurrences_signature;",
	/* 9: SQLite's trigger as a PL/pgSQL one */
	"CREATE TABLE signature_places ("
	" what " TEXT " NOT NULL,"
	" value " TEXT " NOT NULL,"
	" signature_id BIGINT NOT NULL REFERENCES signatures (id),"
	" PRIMARY KEY (what, value, signature_id));"
	"CREATE FUNCTION signature_places_add() RETURNS trigger"
	" LANGUAGE plpgsql AS $$ BEGIN"
	" INSERT INTO signature_places (what, value, signature_id)"
	" SELECT 'tree', tree, NEW.signature_id FROM runs"
	" WHERE id = NEW.run_id AND tree IS NOT NULL"
	" UNION ALL SELECT 'machine', machine, NEW.signature_id FROM runs"
	" WHERE id = NEW.run_id AND machine IS NOT NULL"
	" ON CONFLICT DO NOTHING;"
	" RETURN NULL;"
	" END $$;"
	"CREATE TRIGGER signature_places_add AFTER INSERT ON occurrences"
	" FOR EACH ROW EXECUTE FUNCTION signature_places_add();"
	"CREATE INDEX occurrences_ts ON occurrences (ts, signature_id);"
	"CREATE INDEX signatures_counts ON signatures"
	" (duplicate_of, kind, status, first_seen, escalated_at);",
	/* 10 */
	"ALTER TABLE runs ADD COLUMN kcidb_origin " TEXT ";"
	"ALTER TABLE runs ADD COLUMN kcidb_test_id " TEXT ";"
	"CREATE UNIQUE INDEX runs_kcidb_test ON runs (kcidb_test_id)"
	" WHERE kcidb_test_id IS NOT NULL;"
	"CREATE TABLE kcidb_checkouts (id " TEXT " PRIMARY KEY,"
	" origin " TEXT " NOT NULL, tree_name " TEXT ","
	" git_repository_url " TEXT ", git_repository_branch " TEXT ","
	" git_commit_hash " TEXT ", git_commit_name " TEXT ","
	" updated_at BIGINT NOT NULL);"
	"CREATE TABLE kcidb_builds (id " TEXT " PRIMARY KEY,"
	" origin " TEXT " NOT NULL, checkout_id " TEXT " NOT NULL,"
	" updated_at BIGINT NOT NULL);"
	"CREATE TABLE kcidb_fetches (id " ID ","
	" test_id " TEXT " NOT NULL UNIQUE, origin " TEXT " NOT NULL,"
	" run_id " TEXT " NOT NULL, build_id " TEXT " NOT NULL,"
	" log_url " TEXT " NOT NULL, path " TEXT ", machine " TEXT ","
	" start_time " TEXT ", state " TEXT " NOT NULL,"
	" attempts BIGINT NOT NULL DEFAULT 0,"
	" next_attempt BIGINT NOT NULL, last_error " TEXT ","
	" created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL);"
	"CREATE INDEX kcidb_fetches_due ON kcidb_fetches"
	" (state, next_attempt);",
	/* 11 */
	"ALTER TABLE signatures ADD COLUMN syz_title " TEXT ";",
	/* 12: the trigger goes; the texts' keys need no change (no
	 * PostgreSQL database predates XXH3 keys) */
	"DROP TRIGGER signature_places_add ON occurrences;"
	"DROP FUNCTION signature_places_add();",
	/*
	 * 13: the reports of a run recorded in a few calls, so that a run
	 * costs a round trip per batch of reports, not ten statements per
	 * report (db_reports_record(), docs/storage.md "PostgreSQL").  One
	 * call records a group: consecutive reports of one signature with one
	 * kernel (and one syz_title).  Its steps and statements are
	 * db/signatures.c's for each report in turn -- db_signature_record(),
	 * db_occurrence_insert(), db_signature_places_add() -- with the same
	 * result; what a report after the first would read back (the
	 * signature, the sample's state) is what the report before left,
	 * kept in variables, and the count, texts_dropped and places are
	 * written once for the group (the caller holds the signature's lock:
	 * nothing else changes them between).  The text's sha256 key (a
	 * crafted XXH3 collision) is computed here from the text as stored.
	 */
	"ALTER TABLE report_texts ALTER COLUMN text SET COMPRESSION lz4,"
	" ALTER COLUMN raw SET COMPRESSION lz4;"
	/* clang-format off */
	RECORD_REPORTS_HEAD("CREATE FUNCTION", "")
	"  FOR j IN 1 .. n LOOP"
	"   v_drops := v_latest IS NOT NULL"
	"    AND (v_latest_sample & (~ 8)) = 0;"
	"   IF v_drops THEN v_dropped := v_dropped + 1; END IF;"
	RECORD_SAMPLE
	RECORD_TEXT_UPSERT("v_latest_text")
	RECORD_OCC_INSERT("v_text", "v_sample")
	/* unlatest() */
	"   IF v_latest IS NOT NULL THEN"
	RECORD_UNLATEST
	RECORD_TEXT_DELETE("v_latest_text")
	"   END IF;"
	RECORD_NEXT
	"  END LOOP;"
	RECORD_REPORTS_TAIL,
	/*
	 * 14: a report of a group that holds only the latest sample, with
	 * another report of the group after it, is stored dropped at once:
	 * the next one would drop it (unlatest()), so its text is never
	 * written nor taken back.  The row its predecessor's text frees
	 * (v_free) passes to the next report that stores a text, as the
	 * dropped report's own row would have.  The result is 13's but for
	 * which report_texts row ids survive: ten reports of one signature
	 * in a log write two texts, not ten (docs/storage.md).
	 */
	RECORD_REPORTS_HEAD("CREATE OR REPLACE FUNCTION",
		" v_gone BOOLEAN := false; v_free BIGINT; v_recycle BIGINT;")
	RECORD_LOOP_14
	RECORD_REPORTS_TAIL,
	/*
	 * 15: every syzkaller title a signature is seen with goes into its
	 * search text, not only the first (syzbot names one bug by several
	 * functions: a search by any of them finds it); 14's function but
	 * for that step (RECORD_FIND_V2, RECORD_SYZ_V2).
	 */
	RECORD_REPORTS_HEAD_AS("CREATE OR REPLACE FUNCTION",
		" v_gone BOOLEAN := false; v_free BIGINT; v_recycle BIGINT;",
		RECORD_FIND_V2, RECORD_SYZ_V2)
	RECORD_LOOP_14
	RECORD_REPORTS_TAIL,
	/* 16 */
	"ALTER TABLE kcidb_fetches ADD COLUMN log_excerpt " TEXT ";",
	/* 17 */
	"ALTER TABLE runs ADD COLUMN kcidb_named_at BIGINT;",
	/* 18 */
	"ALTER TABLE runs ADD COLUMN lockdep_sign " TEXT ";",
	/* 19 */
	"ALTER TABLE kcidb_fetches ADD COLUMN lockdep " TEXT ";",
	/* 20: and then pg_runs_at(), for the runs with a started_at */
	"ALTER TABLE runs ADD COLUMN run_at BIGINT NOT NULL DEFAULT 0;"
	"UPDATE runs SET run_at = received_at;"
	"CREATE INDEX runs_time ON runs (run_at, id);",
	/* 21 */
	MIGRATION_21("BIGINT"),
	/* 22: url_host_key() in SQL: every queued log_url passed
	 * kcidb_fetch_allowed() (http(s)://, an authority), for which the
	 * pattern takes what url_host_key() does; lower() of a "C" column
	 * folds ASCII only, as tolower() */
	"ALTER TABLE kcidb_fetches ADD COLUMN host " TEXT " NOT NULL"
	" DEFAULT '';"
	"UPDATE kcidb_fetches SET host ="
	" lower(coalesce(substring(log_url FROM '^[^:]*://[^/?#]*'),"
	" log_url));"
	"DROP INDEX kcidb_fetches_due;"
	"CREATE INDEX kcidb_fetches_due ON kcidb_fetches"
	" (state, next_attempt, host);"
	KCIDB_BUILD_22,
	/* 23 */
	SEEN_RUN_23,
	/* 24 */
	OUTBOX_THREAD_24(TEXT),
	/* 25 */
	TREES_25("BIGINT", TEXT, ""),
	/* 26 */
	KCIDB_LOG_FILES_26(TEXT),
	/* 27 */
	TALLIES_27("BIGINT", TEXT, "")
	TRIGGERS_27(TRIGGER_27_PG),
	/* clang-format on */
};

#undef ID
#undef TEXT

_Static_assert(ARRAY_SIZE(migrations_pg) == ARRAY_SIZE(migrations),
	       "every migration has its PostgreSQL spelling");

int migrate_latest(void)
{
	return (int)ARRAY_SIZE(migrations);
}

static int user_version(sqlite3 *sq, int *out)
{
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v2(sq, "PRAGMA user_version", -1, &st, NULL);

	if (rc == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
		*out = sqlite3_column_int(st, 0);
	else
		rc = SQLITE_ERROR;
	sqlite3_finalize(st);
	return rc == SQLITE_OK ? 0 : -EIO;
}

int migrate_apply(sqlite3 *sq, struct strbuf *err)
{
	struct strbuf set = STRBUF_INIT;
	char *msg = NULL;
	int have, ret = 0;

	if (sqlite3_create_function(sq, "splatd_text_hash", 2,
				    SQLITE_UTF8 | SQLITE_DETERMINISTIC,
				    (void *)&text_hash, text_key_sql, NULL,
				    NULL) != SQLITE_OK ||
	    sqlite3_create_function(sq, "splatd_text_key", 2,
				    SQLITE_UTF8 | SQLITE_DETERMINISTIC,
				    (void *)&text_key, text_key_sql, NULL,
				    NULL) != SQLITE_OK ||
	    sqlite3_create_function(sq, "splatd_run_time", 2,
				    SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL,
				    run_time_sql, NULL, NULL) != SQLITE_OK ||
	    sqlite3_create_function(sq, "splatd_url_host", 1,
				    SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL,
				    url_host_sql, NULL, NULL) != SQLITE_OK)
		goto sql_error;
	/*
	 * A database already at this schema needs no write lock: a command
	 * that only reads must not wait for (or fail behind) a serve busy
	 * storing runs.  Otherwise read again under the write lock, which
	 * another process may have taken to migrate first.
	 */
	if (!user_version(sq, &have) && have == migrate_latest())
		return 0;
	if (sqlite3_exec(sq, "BEGIN IMMEDIATE", NULL, NULL, &msg) != SQLITE_OK)
		goto sql_error;
	if (user_version(sq, &have)) {
		ret = -EIO;
		strbuf_addf(err, "reading user_version: %s",
			    sqlite3_errmsg(sq));
		goto rollback;
	}
	if (have > migrate_latest()) {
		ret = -EPROTO;
		strbuf_addf(err,
			    "database schema %d is newer than this splatd (%d)",
			    have, migrate_latest());
		goto rollback;
	}
	for (; have < migrate_latest(); have++) {
		/* PRAGMA takes no bound parameters: the number is ours. */
		strbuf_reset(&set);
		strbuf_addf(&set, "PRAGMA user_version = %d", have + 1);
		if (sqlite3_exec(sq, migrations[have], NULL, NULL, &msg) !=
			    SQLITE_OK ||
		    sqlite3_exec(sq, set.buf, NULL, NULL, &msg) != SQLITE_OK) {
			strbuf_addf(err, "migration %d: %s", have + 1,
				    msg ? msg : sqlite3_errmsg(sq));
			ret = -EIO;
			goto rollback;
		}
	}
	if (sqlite3_exec(sq, "COMMIT", NULL, NULL, &msg) != SQLITE_OK)
		goto sql_error;
	goto out;

sql_error:
	strbuf_addf(err, "migrating schema: %s",
		    msg ? msg : sqlite3_errmsg(sq));
	ret = -EIO;
rollback:
	sqlite3_exec(sq, "ROLLBACK", NULL, NULL, NULL);
out:
	sqlite3_free(msg);
	strbuf_release(&set);
	return ret;
}

/* Runs read, and written, a page at a time by pg_runs_at(). */
#define RUNS_AT_PAGE 1000

/*
 * Migration 20 on PostgreSQL, after its SQL: each stored run with a
 * started_at at its own time, db_run_time() in C, as SQLite's migration
 * gives it through splatd_run_time(): both list old runs in one order.
 */
static int pg_runs_at(struct db *db, struct strbuf *err)
{
	long long ids[RUNS_AT_PAGE], at[RUNS_AT_PAGE], after = 0;
	struct db_stmt *st;
	size_t n;
	int rc;

	do {
		st = db_stmt(db, DB_SQL_RUN_STARTED_PAGE, err);
		if (!st)
			return -EIO;
		db_bind_int(st, 1, after);
		db_bind_int(st, 2, RUNS_AT_PAGE);
		for (n = 0; (rc = db_step(st)) == DB_ROW; n++) {
			ids[n] = db_col_int(st, 0);
			at[n] = db_run_time(db_col_text(st, 1),
					    db_col_int(st, 2));
		}
		db_reset(st);
		if (rc != DB_DONE)
			return db_fail(db, "migration 20: reading runs", err);
		if (n) {
			st = db_stmt(db, DB_SQL_RUN_SET_AT, err);
			if (!st)
				return -EIO;
			db_bind_int_array(st, 1, ids, NULL, n);
			db_bind_int_array(st, 2, at, NULL, n);
			rc = db_step_done(db, st, "migration 20: runs' times",
					  err);
			if (rc)
				return rc;
		}
		if (n)
			after = ids[n - 1];
	} while (n == RUNS_AT_PAGE);
	return 0;
}

/*
 * What a PostgreSQL migration does in C after its SQL, by its number
 * (SQLite's do it in SQL, through the functions migrate_apply() adds).
 */
static int (*const migrations_pg_after[])(struct db *, struct strbuf *) = {
	[19] = pg_runs_at, /* 20 */
};

/*
 * PostgreSQL has no user_version: the schema's version is the one row of
 * splatd_schema.  The whole migration is one transaction under splatd's
 * write lock (db_begin()), so instances that start together migrate once:
 * the second finds the version the first committed.
 */
int migrate_apply_pg(struct db *db, struct strbuf *err)
{
	struct strbuf set = STRBUF_INIT;
	long long have = 0;
	int ret;

	ret = db_begin(db, err);
	if (ret)
		return ret;
	ret = pg_exec(db->pg,
		      "CREATE TABLE IF NOT EXISTS splatd_schema ("
		      " version INTEGER NOT NULL);"
		      "INSERT INTO splatd_schema (version) SELECT 0"
		      " WHERE NOT EXISTS (SELECT 1 FROM splatd_schema);",
		      "creating splatd_schema", err);
	if (!ret)
		ret = db_scalar(db, DB_SQL_USER_VERSION, &have, err);
	if (ret)
		goto out;
	if (have > migrate_latest()) {
		ret = -EPROTO;
		strbuf_addf(
			err,
			"database schema %lld is newer than this splatd (%d)",
			have, migrate_latest());
		goto out;
	}
	for (; have < migrate_latest(); have++) {
		strbuf_reset(&set);
		strbuf_addf(&set, "migration %lld", have + 1);
		ret = pg_exec(db->pg, migrations_pg[have], set.buf, err);
		if (!ret && (size_t)have < ARRAY_SIZE(migrations_pg_after) &&
		    migrations_pg_after[have])
			ret = migrations_pg_after[have](db, err);
		if (ret)
			goto out;
		/* the number is ours, as in PRAGMA user_version = N */
		strbuf_reset(&set);
		strbuf_addf(&set, "UPDATE splatd_schema SET version = %lld",
			    have + 1);
		ret = pg_exec(db->pg, set.buf, "setting the schema version",
			      err);
		if (ret)
			goto out;
	}
	ret = db_commit(db, err);
out:
	if (ret)
		db_rollback(db);
	strbuf_release(&set);
	return ret;
}
