/* test_faults.c - every kind of edit with the Nth allocation failing and
 * with the Nth read failing, for every N until the edit runs clean (the
 * way SQLite proves its own error paths: testing.html, "Out-Of-Memory
 * Testing" and "I/O Error Testing").  Whatever fails, an edit either is
 * saved whole with its one history row, or returns an error with a
 * message and leaves the value and the history as they were.
 *
 * Allocations: SQLite's through SQLITE_CONFIG_MALLOC; the core's own
 * (malloc, calloc, realloc, strdup, strndup) through the linker's --wrap
 * (Makefile.am).  Reads: a VFS over the default one whose xRead fails. */
#include "testutil.h"

#include <sqlite3.h>

#include "assessment.h"
#include "store.h"

/* ---------- the fault: off, or the Nth call fails (once) ---------- */

enum fault_kind { FAULT_NONE, FAULT_ALLOC, FAULT_READ };
static enum fault_kind fault;
static long countdown;
static int fault_hit;

static int should_fail(enum fault_kind k)
{
	if (fault != k || fault_hit || --countdown > 0)
		return 0;
	fault_hit = 1;
	return 1;
}

static void arm(enum fault_kind k, long n)
{
	fault = k;
	countdown = n;
	fault_hit = 0;
}

static int disarm(void)
{
	fault = FAULT_NONE;
	return fault_hit;
}

/* the core's allocations */
void *__real_malloc(size_t n);
void *__real_calloc(size_t k, size_t n);
void *__real_realloc(void *p, size_t n);
char *__real_strdup(const char *s);
char *__real_strndup(const char *s, size_t n);
void *__wrap_malloc(size_t n);
void *__wrap_calloc(size_t k, size_t n);
void *__wrap_realloc(void *p, size_t n);
char *__wrap_strdup(const char *s);
char *__wrap_strndup(const char *s, size_t n);

void *__wrap_malloc(size_t n)
{
	return should_fail(FAULT_ALLOC) ? NULL : __real_malloc(n);
}

void *__wrap_calloc(size_t k, size_t n)
{
	return should_fail(FAULT_ALLOC) ? NULL : __real_calloc(k, n);
}

void *__wrap_realloc(void *p, size_t n)
{
	return should_fail(FAULT_ALLOC) ? NULL : __real_realloc(p, n);
}

char *__wrap_strdup(const char *s)
{
	return should_fail(FAULT_ALLOC) ? NULL : __real_strdup(s);
}

char *__wrap_strndup(const char *s, size_t n)
{
	return should_fail(FAULT_ALLOC) ? NULL : __real_strndup(s, n);
}

/* SQLite's allocations */
static sqlite3_mem_methods sqlite_mem;

static void *fault_sqlite_malloc(int n)
{
	return should_fail(FAULT_ALLOC) ? NULL : sqlite_mem.xMalloc(n);
}

static void *fault_sqlite_realloc(void *p, int n)
{
	return should_fail(FAULT_ALLOC) ? NULL : sqlite_mem.xRealloc(p, n);
}

/* SQLite's reads: the default VFS with xRead failing on the fault */
static sqlite3_vfs *base_vfs;
static sqlite3_vfs fault_vfs;

struct fault_file {
	sqlite3_file file;		/* first: SQLite sees this */
	const struct sqlite3_io_methods *base_methods;
	/* the base VFS's file follows, szOsFile bytes */
};

static struct sqlite3_io_methods fault_methods;

static sqlite3_file *base_file(sqlite3_file *f)
{
	return (sqlite3_file *)((char *)f + sizeof(struct fault_file));
}

static int fault_read(sqlite3_file *f, void *buf, int n, sqlite3_int64 off)
{
	if (should_fail(FAULT_READ))
		return SQLITE_IOERR_READ;
	sqlite3_file *b = base_file(f);
	return b->pMethods->xRead(b, buf, n, off);
}

/* Every other method goes straight to the base file. */
#define PASS(name, params, args) \
	static int fault_##name params { sqlite3_file *b = base_file(f); \
		return b->pMethods->x##name args; }
PASS(Close, (sqlite3_file *f), (b))
PASS(Write, (sqlite3_file *f, const void *p, int n, sqlite3_int64 o), (b, p, n, o))
PASS(Truncate, (sqlite3_file *f, sqlite3_int64 n), (b, n))
PASS(Sync, (sqlite3_file *f, int fl), (b, fl))
PASS(FileSize, (sqlite3_file *f, sqlite3_int64 *n), (b, n))
PASS(Lock, (sqlite3_file *f, int l), (b, l))
PASS(Unlock, (sqlite3_file *f, int l), (b, l))
PASS(CheckReservedLock, (sqlite3_file *f, int *r), (b, r))
PASS(FileControl, (sqlite3_file *f, int op, void *a), (b, op, a))
PASS(SectorSize, (sqlite3_file *f), (b))
PASS(DeviceCharacteristics, (sqlite3_file *f), (b))
PASS(ShmMap, (sqlite3_file *f, int r, int sz, int e, void volatile **p), (b, r, sz, e, p))
PASS(ShmLock, (sqlite3_file *f, int o, int n, int fl), (b, o, n, fl))
PASS(ShmUnmap, (sqlite3_file *f, int del), (b, del))
PASS(Fetch, (sqlite3_file *f, sqlite3_int64 o, int n, void **p), (b, o, n, p))
PASS(Unfetch, (sqlite3_file *f, sqlite3_int64 o, void *p), (b, o, p))

static void fault_ShmBarrier(sqlite3_file *f)
{
	sqlite3_file *b = base_file(f);
	b->pMethods->xShmBarrier(b);
}

static int fault_open(sqlite3_vfs *vfs, const char *name, sqlite3_file *f, int flags,
		      int *out)
{
	(void)vfs;
	sqlite3_file *b = base_file(f);
	int rc = base_vfs->xOpen(base_vfs, name, b, flags, out);
	f->pMethods = rc == SQLITE_OK && b->pMethods ? &fault_methods : NULL;
	return rc;
}

static void install_faults(void)
{
	assert_int_equal(sqlite3_config(SQLITE_CONFIG_GETMALLOC, &sqlite_mem), SQLITE_OK);
	sqlite3_mem_methods m = sqlite_mem;
	m.xMalloc = fault_sqlite_malloc;
	m.xRealloc = fault_sqlite_realloc;
	assert_int_equal(sqlite3_config(SQLITE_CONFIG_MALLOC, &m), SQLITE_OK);
	assert_int_equal(sqlite3_initialize(), SQLITE_OK);
	base_vfs = sqlite3_vfs_find(NULL);
	assert_non_null(base_vfs);
	fault_vfs = *base_vfs;
	fault_vfs.zName = "fault";
	fault_vfs.szOsFile = (int)sizeof(struct fault_file) + base_vfs->szOsFile;
	fault_vfs.xOpen = fault_open;
	fault_methods = (struct sqlite3_io_methods){
		.iVersion = 3, .xClose = fault_Close, .xRead = fault_read,
		.xWrite = fault_Write, .xTruncate = fault_Truncate, .xSync = fault_Sync,
		.xFileSize = fault_FileSize, .xLock = fault_Lock, .xUnlock = fault_Unlock,
		.xCheckReservedLock = fault_CheckReservedLock,
		.xFileControl = fault_FileControl, .xSectorSize = fault_SectorSize,
		.xDeviceCharacteristics = fault_DeviceCharacteristics,
		.xShmMap = fault_ShmMap, .xShmLock = fault_ShmLock,
		.xShmBarrier = fault_ShmBarrier, .xShmUnmap = fault_ShmUnmap,
		.xFetch = fault_Fetch, .xUnfetch = fault_Unfetch,
	};
	assert_int_equal(sqlite3_vfs_register(&fault_vfs, 1), SQLITE_OK);
}

/* ---------- the edits ---------- */

static char *tmpdir, *dbpath;
static int64_t the_id;

/* One edit, and where its value is read back. */
struct edit {
	const char *name;
	int (*apply)(struct store *st, int to_new, struct diag *d);
	int (*is_new)(const struct assessment *a);	/* 1 new, 0 old */
};

static int detail_apply(struct store *st, int to_new, struct diag *d)
{
	return store_set_detail(st, the_id, DETAIL_OPERATOR, to_new ? "新しい事業者" : "old", d);
}

static int detail_is_new(const struct assessment *a)
{
	return strcmp(a->survey->details[DETAIL_OPERATOR], "新しい事業者") == 0;
}

static int answer_apply(struct store *st, int to_new, struct diag *d)
{
	return store_set_answer(st, the_id, "provide.lan", to_new ? ANSWER_YES : ANSWER_NO, d);
}

static int answer_is_new(const struct assessment *a)
{
	return a->survey->answers[form_cell_index(tu_form, "provide.lan")] == ANSWER_YES;
}

static int note_apply(struct store *st, int to_new, struct diag *d)
{
	return store_set_review_note(st, the_id, "A-1", to_new ? "契約で折衝済み\n二行目" : "old", d);
}

static int note_is_new(const struct assessment *a)
{
	const struct cm_review *r = assessment_review(a, "A-1");
	return r != NULL && r->note != NULL && strcmp(r->note, "契約で折衝済み\n二行目") == 0;
}

static int check_apply(struct store *st, int to_new, struct diag *d)
{
	return store_set_check(st, the_id, "annex1", "II.1.1.1",
			       to_new ? CHECK_IMPLEMENTED : CHECK_NOT_IMPLEMENTED, d);
}

static int check_is_new(const struct assessment *a)
{
	const struct check_entry *c = assessment_check(a, "annex1", "II.1.1.1");
	return c != NULL && c->status == CHECK_IMPLEMENTED;
}

static const struct edit edits[] = {
	{ "detail", detail_apply, detail_is_new },
	{ "answer", answer_apply, answer_is_new },
	{ "review note", note_apply, note_is_new },
	{ "checklist status", check_apply, check_is_new },
};

/* ---------- the state an edit leaves ---------- */

struct state {
	size_t history;
	int is_new;
};

static struct state state_of(const struct edit *e)
{
	struct diag d = DIAG_INIT;
	struct store *st = store_open(dbpath, "reader", &d);
	if (st == NULL)
		fail_msg("reopen: %s", diag_msg(&d));
	struct history_entry *h;
	size_t n;
	assert_int_equal(store_history(st, the_id, &h, &n, &d), 0);
	store_history_free(h, n);
	struct assessment *a = store_load(st, the_id, tu_form, &d);
	assert_non_null(a);
	struct state s = { n, e->is_new(a) };
	assessment_free(a);
	store_close(st);
	return s;
}

static void set_old(const struct edit *e)
{
	struct diag d = DIAG_INIT;
	struct store *st = store_open(dbpath, "tester", &d);
	assert_non_null(st);
	if (e->apply(st, 0, &d) != 0)
		fail_msg("%s back to old: %s", e->name, diag_msg(&d));
	store_close(st);
}

/* The edit with the Nth call of KIND failing, N = 1, 2, ... until it
 * runs without reaching the fault.  Returns the number of fault points. */
static long run_with_faults(const struct edit *e, enum fault_kind kind)
{
	for (long n = 1;; n++) {
		set_old(e);
		struct state before = state_of(e);
		assert_false(before.is_new);
		struct diag d = DIAG_INIT;
		/* reads fail from the open on (a failed open is an edit refused
		 * whole too); allocations from the edit on */
		if (kind == FAULT_READ)
			arm(kind, n);
		struct store *st = store_open(dbpath, "tester", &d);
		if (kind == FAULT_ALLOC) {
			assert_non_null(st);
			arm(kind, n);
		}
		int rc = st != NULL ? e->apply(st, 1, &d) : -1;
		int hit = disarm();
		store_close(st);
		struct state after = state_of(e);
		if (rc == 0) {
			/* saved whole: the value and its one history row */
			if (!after.is_new || after.history != before.history + 1)
				fail_msg("%s, fault %ld: reported saved but value %d, history %zu -> %zu",
					 e->name, n, after.is_new, before.history, after.history);
		} else {
			/* refused whole: a message, nothing written */
			assert_true(hit);
			if (d.msg == NULL)
				fail_msg("%s, fault %ld: failed without a message", e->name, n);
			if (after.is_new || after.history != before.history)
				fail_msg("%s, fault %ld (%s): failed but value %d, history %zu -> %zu",
					 e->name, n, d.msg, after.is_new, before.history, after.history);
		}
		diag_clear(&d);
		if (!hit)
			return n - 1;
	}
}

static void test_edits_under_faults(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof edits / sizeof *edits; i++) {
		long allocs = run_with_faults(&edits[i], FAULT_ALLOC);
		long reads = run_with_faults(&edits[i], FAULT_READ);
		/* every edit allocates; an open and its edit read pages */
		assert_true(allocs > 0);
		assert_true(reads > 0);
		printf("# %s: %ld allocation faults, %ld read faults, each refused whole "
		       "or saved whole\n", edits[i].name, allocs, reads);
	}
}

/* A warm start (the catalog and form from their snapshots, made by
 * setup's load) with the Nth allocation failing: "out of memory", or the
 * same catalog and form (by a parse when the snapshot could not be
 * used); never a crash or a leak. */
static void test_warm_load_under_faults(void **state)
{
	(void)state;
	char *cdir = tu_src("catalog"), *fdir = tu_src("forms");
	long n = 1;
	for (;; n++) {
		struct diag d = DIAG_INIT;
		arm(FAULT_ALLOC, n);
		struct catalog *c = catalog_load(cdir, &d);
		struct form *f = c ? form_load(fdir, c, &d) : NULL;
		int hit = disarm();
		if (f == NULL) {
			assert_true(hit);
			if (strstr(diag_msg(&d), "out of memory") == NULL)
				fail_msg("fault %ld: '%s'", n, diag_msg(&d));
		} else {
			assert_int_equal(c->ncms, tu_catalog->ncms);
			assert_string_equal(c->hash, tu_catalog->hash);
			assert_string_equal(c->cms[c->ncms - 1].text,
					    tu_catalog->cms[c->ncms - 1].text);
			assert_int_equal(f->ncells, tu_form->ncells);
			assert_int_equal(form_cell_index(f, "provide.lan"),
					 form_cell_index(tu_form, "provide.lan"));
		}
		form_free(f);
		catalog_free(c);
		diag_clear(&d);
		if (!hit)
			break;
	}
	assert_true(n > 5);
	printf("# warm load: %ld allocation faults, each out of memory or the same catalog\n",
	       n - 1);
	free(cdir);
	free(fdir);
}

static int setup(void **state)
{
	install_faults();
	if (tu_load(state) < 0)
		return -1;
	tmpdir = tu_tmpdir();
	dbpath = tmpdir ? str_printf("%s/faults.db", tmpdir) : NULL;
	if (dbpath == NULL)
		return -1;
	struct diag d = DIAG_INIT;
	struct store *st = store_open(dbpath, "tester", &d);
	struct assessment *a = assessment_new(tu_form);
	int rc = st && a ? survey_set_detail(a->survey, DETAIL_NAME, "Faults", &d) : -1;
	/* more than a small file, so that an open need not check (and so
	 * read) every page: the edits then read pages of their own */
	for (int i = 0; rc == 0 && i < 40; i++)
		rc = store_create(st, a, &the_id, &d);
	assessment_free(a);
	store_close(st);
	return rc;
}

static int teardown(void **state)
{
	char *cmd = str_printf("rm -rf '%s'", tmpdir);
	int rc = cmd ? system(cmd) : -1;
	free(cmd);
	free(dbpath);
	free(tmpdir);
	tu_unload(state);
	return rc == 0 ? 0 : -1;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_edits_under_faults),
		cmocka_unit_test(test_warm_load_under_faults),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
