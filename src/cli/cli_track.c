/* cli_track.c - owner, due date and evidence on the command line
 * (issue 12): the options `review` and `check` share, checked whole
 * before the database is touched, then applied one saved edit each. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli_store.h"
#include "i18n.h"
#include "timefmt.h"

int cli_track_option(struct track_req *r, int opt, const char *arg, const char *key,
		     struct diag *d)
{
	if (r->n == CLI_MAX_TRACK_EDITS) {
		diag_set(d, "%s", _("too many changes in one command"));
		return -1;
	}
	if (opt == TRACK_OPT_NOTE) {
		/* the note of the evidence given just before */
		struct track_edit *last = r->n ? &r->edits[r->n - 1] : NULL;
		if (last == NULL || last->opt != TRACK_OPT_EVIDENCE || last->ev.note != NULL) {
			diag_set(d, "%s", _("--evidence-note: give it right after the --evidence "
					    "it describes"));
			return -1;
		}
		if (store_text_check("--evidence-note", arg, 0, d) < 0)
			return -1;
		if ((last->ev.note = strdup(arg)) == NULL) {
			diag_set(d, "%s", _("out of memory"));
			return -1;
		}
		return 0;
	}
	struct track_edit *e = &r->edits[r->n];
	memset(e, 0, sizeof *e);
	e->opt = opt;
	e->ev.size = -1;
	if (key != NULL && (e->key = strdup(key)) == NULL) {
		diag_set(d, "%s", _("out of memory"));
		return -1;
	}
	r->n++;
	e->text = arg;
	switch (opt) {
	case TRACK_OPT_OWNER:	/* "-" clears, as for --due */
		if (strcmp(arg, "-") == 0)
			e->text = NULL;
		return store_text_check("--owner", arg, 1, d);
	case TRACK_OPT_DUE:
		return arg[0] == '\0' || strcmp(arg, "-") == 0 ? (e->text = NULL, 0)
			: due_date_check("--due", arg, d);
	case TRACK_OPT_EVIDENCE:
		if (store_text_check("--evidence", arg, 1, d) < 0)
			return -1;
		return evidence_make(arg, NULL, &e->ev, d);
	case TRACK_OPT_REMOVE:
		return store_text_check("--remove-evidence", arg, 1, d);
	default:
		diag_set(d, "%s", _("unknown option"));
		return -1;
	}
}

void cli_track_free(struct track_req *r)
{
	for (int i = 0; i < r->n; i++) {
		free(r->edits[i].key);
		evidence_free(&r->edits[i].ev);
	}
	r->n = 0;
}

/* "B-61", "B-61 action 1", "Annex 1 II.1.1.1": what the saved line names. */
static void said(const struct track_target *t, const char *name)
{
	if (t->kind == TRACK_ACTION)
		printf("%s %s %s", t->key1, _("action"), t->key2);
	else if (t->kind == TRACK_CHECK)
		printf("%s %s", name ? name : t->key1, t->key2);
	else
		printf("%s", t->key1);
}

int cli_track_apply(struct store *st, int64_t id, const struct track_edit *e,
		    const struct track_target *t, const char *name, struct diag *d)
{
	int rc;
	switch (e->opt) {
	case TRACK_OPT_OWNER:
		rc = store_set_owner(st, id, t, e->text, d);
		break;
	case TRACK_OPT_DUE:
		rc = store_set_due(st, id, t, e->text, d);
		break;
	case TRACK_OPT_EVIDENCE:
		rc = store_add_evidence(st, id, t, &e->ev, d);
		break;
	default:
		rc = store_remove_evidence(st, id, t, e->text, d);
	}
	if (rc < 0)
		return -1;
	printf("%s", e->opt == TRACK_OPT_REMOVE ? _("Removed: ") : _("Saved: "));
	said(t, name);
	if (e->opt == TRACK_OPT_OWNER)
		printf(" %s %s\n", _("owner"), e->text && e->text[0] ? cli_shown(e->text) : "-");
	else if (e->opt == TRACK_OPT_DUE)
		printf(" %s %s\n", _("due"), e->text ? e->text : "-");
	else if (e->opt == TRACK_OPT_REMOVE)
		printf(" %s %s\n", _("evidence"), cli_shown(e->text));
	else if (e->ev.sha256 != NULL)
		printf(" %s %s (sha256 %s, %lld %s)\n", _("evidence"), cli_shown(e->ev.ref),
		       e->ev.sha256, e->ev.size, _("bytes"));
	else
		printf(" %s %s\n", _("evidence"), cli_shown(e->ev.ref));
	return 0;
}

void cli_track_print(const char *indent, const struct tracking *t)
{
	if (t->owner != NULL)
		printf("%s%s: %s\n", indent, _("owner"), cli_shown(t->owner));
	if (t->due != NULL)
		printf("%s%s: %s\n", indent, _("due"), t->due);
	for (size_t i = 0; i < t->nevidence; i++) {
		const struct evidence *e = &t->evidence[i];
		char when[TIME_LOCAL_SIZE];
		printf("%s%s: %s", indent, _("evidence"), cli_shown(e->ref));
		if (e->sha256 != NULL)
			printf(" (sha256 %s, %lld %s)", e->sha256, e->size, _("bytes"));
		printf(" [%s %s]\n", e->added_by ? cli_shown(e->added_by) : "?",
		       e->added_at ? time_local(e->added_at, when) : "?");
		if (e->note != NULL)
			printf("%s  %s: %s\n", indent, _("note"), cli_shown(e->note));
	}
}
