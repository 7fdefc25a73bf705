/* store_schema.c - the tables, and the migrations that carry an older
 * database forward: each in one transaction, after a VACUUM INTO backup
 * beside the database (reliability.md). */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "store_internal.h"

/* The tables shared by schemas 1 to 4. */
#define TABLES_KEPT							\
	"CREATE TABLE answers ("					\
	" assessment_id INTEGER NOT NULL REFERENCES assessments(id) ON DELETE CASCADE," \
	" cell TEXT NOT NULL, value TEXT NOT NULL CHECK (value IN ('o', 'x')),"	\
	" PRIMARY KEY (assessment_id, cell)) WITHOUT ROWID;"		\
	"CREATE TABLE reviews ("					\
	" assessment_id INTEGER NOT NULL REFERENCES assessments(id) ON DELETE CASCADE," \
	" cm TEXT NOT NULL, decision TEXT NOT NULL DEFAULT 'none', note TEXT," \
	" changed_by TEXT NOT NULL, changed_at TEXT NOT NULL,"		\
	" PRIMARY KEY (assessment_id, cm)) WITHOUT ROWID;"		\
	"CREATE TABLE action_states ("					\
	" assessment_id INTEGER NOT NULL REFERENCES assessments(id) ON DELETE CASCADE," \
	" cm TEXT NOT NULL, key TEXT NOT NULL, state TEXT NOT NULL DEFAULT 'none', note TEXT," \
	" changed_by TEXT NOT NULL, changed_at TEXT NOT NULL,"		\
	" PRIMARY KEY (assessment_id, cm, key)) WITHOUT ROWID;"

/* Schema 2.  Details are rows (a new detail needs no migration, and no
 * SQL is ever built from a column name); the history has no foreign key,
 * so it outlives a deleted assessment; ids are never reused. */
#define ASSESSMENTS_V2 \
	" (id INTEGER PRIMARY KEY AUTOINCREMENT,"			\
	" created TEXT NOT NULL, changed TEXT NOT NULL,"		\
	" catalog_edition TEXT NOT NULL, catalog_revision INTEGER NOT NULL);"
#define DETAILS_V2							\
	"CREATE TABLE details ("					\
	" assessment_id INTEGER NOT NULL REFERENCES assessments(id) ON DELETE CASCADE," \
	" key TEXT NOT NULL, value TEXT NOT NULL,"			\
	" PRIMARY KEY (assessment_id, key)) WITHOUT ROWID;"		\
	"CREATE INDEX details_value ON details (key, value);"
#define HISTORY_V2 \
	" (seq INTEGER PRIMARY KEY AUTOINCREMENT, assessment_id INTEGER NOT NULL," \
	" at TEXT NOT NULL, who TEXT NOT NULL, what TEXT NOT NULL,"	\
	" old_value TEXT, new_value TEXT);"
#define HISTORY_INDEX \
	"CREATE INDEX history_assessment ON history (assessment_id, seq);"

/* Schema 3.  Only names are searched (store_details_named): the index
 * holds them, not every detail value (issue 11: details_value copied
 * every description).  meta: when the database was last checked whole
 * (store_check.c).  progress: the list's figures per assessment, worked
 * out once under a catalog (basis) and dropped by any edit that changes
 * them, in the edit's own transaction (the triggers). */
#define DETAILS_V3							\
	"CREATE TABLE details ("					\
	" assessment_id INTEGER NOT NULL REFERENCES assessments(id) ON DELETE CASCADE," \
	" key TEXT NOT NULL, value TEXT NOT NULL,"			\
	" PRIMARY KEY (assessment_id, key)) WITHOUT ROWID;"		\
	NAME_INDEX
#define NAME_INDEX "CREATE INDEX details_name ON details (value) WHERE key = 'name';"
#define META_V3								\
	"CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;" \
	"INSERT INTO meta (key, value) VALUES ('check_interval_days', '7');"
#define STALE(table, event, row)					\
	"CREATE TRIGGER " table "_" event "_progress AFTER " event " ON " table \
	" BEGIN DELETE FROM progress WHERE assessment_id = " row ".assessment_id; END;"
#define STALE_ALL(table) \
	STALE(table, "INSERT", "NEW") STALE(table, "UPDATE", "NEW") STALE(table, "DELETE", "OLD")
#define PROGRESS_V3							\
	"CREATE TABLE progress ("					\
	" assessment_id INTEGER PRIMARY KEY REFERENCES assessments(id) ON DELETE CASCADE," \
	" basis TEXT NOT NULL, answered INTEGER NOT NULL, cells INTEGER NOT NULL," \
	" derived INTEGER NOT NULL, reviewed INTEGER NOT NULL, dropped INTEGER NOT NULL," \
	" checks_done INTEGER NOT NULL, checks INTEGER NOT NULL);"	\
	STALE_ALL("answers") STALE_ALL("reviews") STALE_ALL("action_states") STALE_ALL("checks")

/* Schema 4 (issue 9).  A check names its checklist by the catalog's id
 * ("annex1"), as everything else does, so a checklist the catalog adds
 * needs no migration; schemas 1 to 3 numbered the two annexes 1 and 2. */
#define CHECKS_V4(table)						\
	"CREATE TABLE " table " ("					\
	" assessment_id INTEGER NOT NULL REFERENCES assessments(id) ON DELETE CASCADE," \
	" checklist TEXT NOT NULL CHECK (checklist <> ''), item TEXT NOT NULL," \
	" status TEXT NOT NULL DEFAULT 'none', note TEXT,"		\
	" changed_by TEXT NOT NULL, changed_at TEXT NOT NULL,"		\
	" PRIMARY KEY (assessment_id, checklist, item)) WITHOUT ROWID;"

static const char schema_v4[] =
	"CREATE TABLE assessments" ASSESSMENTS_V2
	DETAILS_V3
	TABLES_KEPT
	CHECKS_V4("checks")
	"CREATE TABLE history" HISTORY_V2
	HISTORY_INDEX
	META_V3
	PROGRESS_V3
	"PRAGMA application_id = 1229935699;"	/* STORE_APPLICATION_ID, "IOTS" */
	"PRAGMA user_version = 4;";

/* Schema 1 kept the details as columns of assessments and let the history
 * go with a deleted assessment (ON DELETE CASCADE).  Rebuild both tables
 * (the 12 steps of https://sqlite.org/lang_altertable.html, foreign keys
 * off), moving each detail column into details. */
#define MOVE_DETAIL(col)						\
	"INSERT INTO details (assessment_id, key, value) SELECT id, '" col "', " col \
	" FROM assessments WHERE " col " IS NOT NULL AND " col " <> '';"

static const char migrate_1_2[] =
	"CREATE TABLE assessments_v2" ASSESSMENTS_V2
	"INSERT INTO assessments_v2 (id, created, changed, catalog_edition, catalog_revision)"
	" SELECT id, created, changed, catalog_edition, catalog_revision FROM assessments;"
	DETAILS_V2
	MOVE_DETAIL("name") MOVE_DETAIL("operator") MOVE_DETAIL("service")
	MOVE_DETAIL("description") MOVE_DETAIL("assessor") MOVE_DETAIL("date")
	MOVE_DETAIL("industry") MOVE_DETAIL("structure") MOVE_DETAIL("notes")
	MOVE_DETAIL("confidentiality") MOVE_DETAIL("availability")
	"CREATE TABLE history_v2" HISTORY_V2
	"INSERT INTO history_v2 SELECT seq, assessment_id, at, who, what, old_value, new_value"
	" FROM history;"
	"DROP TABLE history;"
	"DROP TABLE assessments;"
	"ALTER TABLE assessments_v2 RENAME TO assessments;"
	"ALTER TABLE history_v2 RENAME TO history;"
	HISTORY_INDEX
	"PRAGMA user_version = 2;";

static const char migrate_2_3[] =
	"DROP INDEX details_value;"
	NAME_INDEX
	META_V3
	PROGRESS_V3
	"PRAGMA user_version = 3;";

/* Annex n was checks.annex = n: the catalog's checklist "annexn".  The
 * old table goes with its progress triggers; the new one gets them. */
static const char migrate_3_4[] =
	CHECKS_V4("checks_v4")
	"INSERT INTO checks_v4 (assessment_id, checklist, item, status, note, changed_by,"
	" changed_at) SELECT assessment_id, 'annex' || annex, item, status, note, changed_by,"
	" changed_at FROM checks;"
	"DROP TABLE checks;"
	"ALTER TABLE checks_v4 RENAME TO checks;"
	STALE_ALL("checks")
	"PRAGMA user_version = 4;";

static const char *const migrations[STORE_SCHEMA_VERSION] = {
	NULL,		/* 0: a new database gets schema_v4 at once */
	migrate_1_2,
	migrate_2_3,
	migrate_3_4,
};

static int version_of(struct store *st, long long *v, struct diag *d)
{
	sqlite3_stmt *s = NULL;
	int rc = sqlite3_prepare_v2(st->db, "PRAGMA user_version", -1, &s, NULL);
	if (rc == SQLITE_OK && sqlite3_step(s) == SQLITE_ROW)
		*v = sqlite3_column_int64(s, 0);
	else
		rc = SQLITE_ERROR;
	sqlite3_finalize(s);
	return rc == SQLITE_OK ? 0 : store_fail(st, d, "cannot read the schema version");
}

/* A migration must leave every reference whole. */
static int foreign_keys_whole(struct store *st, struct diag *d)
{
	sqlite3_stmt *s = NULL;
	int rc = sqlite3_prepare_v2(st->db, "PRAGMA foreign_key_check", -1, &s, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_step(s);
	sqlite3_finalize(s);
	if (rc == SQLITE_DONE)
		return 0;
	if (rc == SQLITE_ROW)
		diag_set(d, "%s: the migrated database has broken references", st->path);
	return store_fail(st, d, "cannot check the migrated database");
}

/* Run inside BEGIN IMMEDIATE: create, or migrate from V step by step. */
static int upgrade(struct store *st, long long v, struct diag *d)
{
	if (v == 0) {
		if (sqlite3_exec(st->db, schema_v4, NULL, NULL, NULL) != SQLITE_OK)
			return store_fail(st, d, "cannot create the tables");
		return 0;
	}
	for (; v < STORE_SCHEMA_VERSION; v++)
		if (sqlite3_exec(st->db, migrations[v], NULL, NULL, NULL) != SQLITE_OK) {
			store_fail(st, d, "cannot migrate the database");
			diag_prefix(d, "schema %lld to %lld", v, v + 1);
			return -1;
		}
	return foreign_keys_whole(st, d);
}

/* PATH.schema-V.bak (or .bak.2, ...): a copy of the database as it was. */
static int backup_before(struct store *st, long long v, struct diag *d)
{
	for (int i = 1; i < 100; i++) {
		char *path = i == 1 ? str_printf("%s.schema-%lld.bak", st->path, v)
			: str_printf("%s.schema-%lld.bak.%d", st->path, v, i);
		if (path == NULL) {
			diag_set(d, "out of memory");
			return -1;
		}
		int taken = access(path, F_OK) == 0;
		int rc = taken ? 0 : store_vacuum_into(st, path, d);
		free(path);
		if (rc < 0)
			diag_prefix(d, "before migrating %s", st->path);
		if (!taken)
			return rc;
	}
	diag_set(d, "%s: too many old backups beside it (.schema-%lld.bak*)", st->path, v);
	return -1;
}

int store_schema_setup(struct store *st, struct diag *d)
{
	long long v;
	if (version_of(st, &v, d) < 0)
		return -1;
	if (v == STORE_SCHEMA_VERSION)
		return 0;
	if (v > 0 && backup_before(st, v, d) < 0)
		return -1;
	/* the rebuild of referenced tables needs foreign keys off; it cannot
	 * change inside a transaction */
	if (sqlite3_exec(st->db, "PRAGMA foreign_keys = OFF", NULL, NULL, NULL) != SQLITE_OK ||
	    store_begin(st, d) < 0)
		return store_fail(st, d, "cannot start the schema set-up");
	/* again inside the transaction: another process may have done it */
	int rc = version_of(st, &v, d);
	if (rc == 0 && v < STORE_SCHEMA_VERSION)
		rc = upgrade(st, v, d);
	if (rc == 0)
		rc = store_commit(st, d);
	else
		store_rollback(st);
	if (sqlite3_exec(st->db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL) != SQLITE_OK)
		return store_fail(st, d, "cannot turn foreign keys back on");
	return rc;
}
