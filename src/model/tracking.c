/* tracking.c - owner, due date and evidence of a review, an action or a
 * checklist item (issue 12: what is still open, who does it, by when,
 * and what shows it is done). */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "assessment.h"
#include "filehash.h"
#include "i18n.h"

static int digits(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return 1;
}

/* Defined here, below assessment.c, which uses tracking: the one string
 * setter of the model (declared in assessment.h). */
int assessment_set_text(char **dst, const char *src)
{
	char *copy = NULL;
	if (src != NULL && src[0] != '\0' && (copy = strdup(src)) == NULL)
		return -1;
	free(*dst);
	*dst = copy;
	return 0;
}

static int leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int due_date_check(const char *where, const char *s, struct diag *d)
{
	static const int days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int ok = s != NULL && strlen(s) == 10 && digits(s, 4) && s[4] == '-' &&
		digits(s + 5, 2) && s[7] == '-' && digits(s + 8, 2);
	if (ok) {
		int y = atoi(s), m = atoi(s + 5), day = atoi(s + 8);
		ok = y >= 1 && m >= 1 && m <= 12 && day >= 1 &&
			day <= days[m - 1] + (m == 2 && leap(y));
	}
	if (ok)
		return 0;
	diag_set(d, _("%s: '%s' is not a due date: write YYYY-MM-DD, a day of the calendar "
		      "(e.g. 2026-12-31)"), where, s ? s : "");
	return -1;
}

int tracking_set(struct tracking *t, const char *owner, const char *due, struct diag *d)
{
	if (due != NULL && due[0] != '\0' && due_date_check("due", due, d) < 0)
		return -1;
	if (assessment_set_text(&t->owner, owner) < 0 ||
	    assessment_set_text(&t->due, due) < 0) {
		diag_set(d, "out of memory");
		return -1;
	}
	return 0;
}

static void evidence_clear(struct evidence *e)
{
	free(e->ref);
	free(e->note);
	free(e->sha256);
	free(e->added_by);
	free(e->added_at);
}

void evidence_free(struct evidence *e)
{
	evidence_clear(e);
	memset(e, 0, sizeof *e);
	e->size = -1;
}

int evidence_is_url(const char *ref)
{
	const char *p = ref;
	if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z')))
		return 0;
	while ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
	       (*p >= '0' && *p <= '9') || *p == '+' || *p == '-' || *p == '.')
		p++;
	return strncmp(p, "://", 3) == 0;
}

int evidence_make(const char *ref, const char *note, struct evidence *e, struct diag *d)
{
	memset(e, 0, sizeof *e);
	e->size = -1;
	if (ref == NULL || ref[0] == '\0') {
		diag_set(d, "%s", _("evidence without a path or URL"));
		return -1;
	}
	char hex[FILEHASH_HEX_SIZE];
	int url = evidence_is_url(ref);
	if (!url && file_sha256(ref, hex, &e->size, d) < 0)
		return -1;
	/* a file by its absolute path: the same file wherever the command ran */
	e->ref = url ? strdup(ref) : realpath(ref, NULL);
	if ((note != NULL && note[0] != '\0' && (e->note = strdup(note)) == NULL) ||
	    e->ref == NULL || (!url && (e->sha256 = strdup(hex)) == NULL)) {
		evidence_free(e);
		diag_set(d, _("%s: cannot take the evidence (out of memory or the path "
			      "vanished)"), ref);
		return -1;
	}
	return 0;
}

static long evidence_find(const struct tracking *t, const char *ref)
{
	for (size_t i = 0; i < t->nevidence; i++) {
		int c = strcmp(t->evidence[i].ref, ref);
		if (c == 0)
			return (long)i;
		if (c > 0)
			return -(long)i - 1;
	}
	return -(long)t->nevidence - 1;
}

const struct evidence *tracking_evidence(const struct tracking *t, const char *ref)
{
	long i = ref ? evidence_find(t, ref) : -1;
	return i >= 0 ? &t->evidence[i] : NULL;
}

int tracking_add_evidence(struct tracking *t, const struct evidence *e, struct diag *d)
{
	if (e->ref == NULL || e->ref[0] == '\0') {
		diag_set(d, "%s", _("evidence without a path or URL"));
		return -1;
	}
	struct evidence copy = { NULL, NULL, NULL, e->size, NULL, NULL };
	if (assessment_set_text(&copy.ref, e->ref) < 0 ||
	    assessment_set_text(&copy.note, e->note) < 0 ||
	    assessment_set_text(&copy.sha256, e->sha256) < 0 ||
	    assessment_set_text(&copy.added_by, e->added_by) < 0 ||
	    assessment_set_text(&copy.added_at, e->added_at) < 0)
		goto oom;
	long i = evidence_find(t, e->ref);
	if (i >= 0) {
		evidence_clear(&t->evidence[i]);
		t->evidence[i] = copy;
		return 0;
	}
	size_t pos = (size_t)(-i - 1);
	struct evidence *p = realloc(t->evidence, (t->nevidence + 1) * sizeof *p);
	if (p == NULL)
		goto oom;
	memmove(p + pos + 1, p + pos, (t->nevidence - pos) * sizeof *p);
	p[pos] = copy;
	t->evidence = p;
	t->nevidence++;
	return 0;
oom:
	evidence_clear(&copy);
	diag_set(d, "out of memory");
	return -1;
}

int tracking_remove_evidence(struct tracking *t, const char *ref)
{
	long i = ref ? evidence_find(t, ref) : -1;
	if (i < 0)
		return -1;
	evidence_clear(&t->evidence[i]);
	memmove(t->evidence + i, t->evidence + i + 1,
		(t->nevidence - (size_t)i - 1) * sizeof *t->evidence);
	t->nevidence--;
	return 0;
}

int tracking_written(const struct tracking *t)
{
	return t->owner != NULL || t->due != NULL || t->nevidence > 0;
}

void tracking_clear(struct tracking *t)
{
	free(t->owner);
	free(t->due);
	for (size_t i = 0; i < t->nevidence; i++)
		evidence_clear(&t->evidence[i]);
	free(t->evidence);
	memset(t, 0, sizeof *t);
}
