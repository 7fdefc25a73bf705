/* store_details.c - the survey details of an assessment: one row each in
 * details (assessment, key, value), the key being survey_detail_id().
 * (Schema 1 had a column each; store_schema.c migrates.) */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "store_internal.h"

int store_detail_get(struct store *st, int64_t id, enum detail k, char **value,
		     struct diag *d)
{
	*value = NULL;
	sqlite3_stmt *s = store_stmt(st, d, "SELECT value FROM details WHERE assessment_id = ? "
				     "AND key = ?", "it", id, survey_detail_id(k));
	if (s == NULL)
		return -1;
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW && store_column_text(s, 0, value) < 0)
		rc = SQLITE_NOMEM;
	sqlite3_reset(s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_fail(st, d, "cannot read");
	return 0;
}

int store_detail_put(struct store *st, int64_t id, enum detail k, const char *value,
		     struct diag *d)
{
	if (value == NULL || value[0] == '\0')
		return store_exec(st, d, "DELETE FROM details WHERE assessment_id = ? AND key = ?",
				  "it", id, survey_detail_id(k));
	return store_exec(st, d, "INSERT INTO details (assessment_id, key, value) VALUES "
			  "(?, ?, ?) ON CONFLICT (assessment_id, key) DO UPDATE SET "
			  "value = excluded.value", "itt", id, survey_detail_id(k), value);
}

int store_details_read(struct store *st, int64_t lo, int64_t hi,
		       const struct store_batch *b, struct diag *d)
{
	sqlite3_stmt *s = store_stmt(st, d, "SELECT assessment_id, key, value FROM details "
				     "WHERE assessment_id BETWEEN ? AND ?", "ii", lo, hi);
	if (s == NULL)
		return -1;
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct assessment *a = store_batch_find(b, sqlite3_column_int64(s, 0));
		const char *key = (const char *)sqlite3_column_text(s, 1);
		int k = key ? survey_detail_index(key) : -1;
		if (a == NULL || k < 0)
			continue;	/* a detail this version does not know stays in the file */
		free(a->survey->details[k]);
		if (store_column_text(s, 2, &a->survey->details[k]) < 0) {
			sqlite3_reset(s);
			diag_set(d, "out of memory");
			return -1;
		}
	}
	sqlite3_reset(s);
	return rc == SQLITE_DONE ? 0 : store_fail(st, d, "cannot read");
}

int store_details_copy(struct store *st, int64_t from, int64_t to, struct diag *d)
{
	return store_exec(st, d, "INSERT INTO details (assessment_id, key, value) "
			  "SELECT ?, key, value FROM details WHERE assessment_id = ?",
			  "ii", to, from);
}

int store_details_named(struct store *st, const char *name, int64_t **ids, size_t *n,
			struct diag *d)
{
	*ids = NULL;
	*n = 0;
	sqlite3_stmt *s = store_stmt(st, d, "SELECT assessment_id FROM details WHERE "
				     "key = 'name' AND value = ? ORDER BY assessment_id", "t", name);
	if (s == NULL)
		return -1;
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		int64_t *p = realloc(*ids, (*n + 1) * sizeof *p);
		if (p == NULL) {
			sqlite3_reset(s);
			diag_set(d, "out of memory");
			return -1;
		}
		*ids = p;
		p[(*n)++] = sqlite3_column_int64(s, 0);
	}
	sqlite3_reset(s);
	return rc == SQLITE_DONE ? 0 : store_fail(st, d, "cannot read");
}
