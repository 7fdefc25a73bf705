/* ui_save.h - every change saved at once (store.h), mirrored in memory;
 * what the store refused kept and retried.  Called by the screens and
 * by the loop (ui.c); it sees the core only (ui_core.h). */
#ifndef IOTSCOPE_UI_SAVE_H
#define IOTSCOPE_UI_SAVE_H

#include <stdio.h>

#include "ui_core.h"

int ui_save_answer(struct ui *u, int cell, enum answer a);
int ui_save_detail(struct ui *u, enum detail k, const char *value);
int ui_save_decision(struct ui *u, const char *cm, enum decision d);
int ui_save_review_note(struct ui *u, const char *cm, const char *note);
int ui_save_action(struct ui *u, const char *cm, const char *key, enum action_state s);
int ui_save_action_note(struct ui *u, const char *cm, const char *key, const char *note);
int ui_save_check(struct ui *u, const char *checklist, const char *item,
		  enum check_status s);
int ui_save_check_note(struct ui *u, const char *checklist, const char *item,
		       const char *note);
/* Owner, due date (checked first: a bad one is said and nothing is
 * written) and evidence of the review, action or checklist item T,
 * LABEL naming it in the message ("B-61", "II.1.1.1").  NULL or "" owner
 * or due clears it.  E, made by evidence_make, is taken (freed). */
int ui_save_owner(struct ui *u, const struct track_target *t, const char *label,
		  const char *owner);
int ui_save_due(struct ui *u, const struct track_target *t, const char *label, const char *due);
int ui_save_evidence(struct ui *u, const struct track_target *t, const char *label,
		     struct evidence *e);
int ui_save_evidence_remove(struct ui *u, const struct track_target *t, const char *label,
			    const char *ref);
/* Try the refused changes again, each in the assessment it was made in
 * (whichever is open now); the number still refused. */
size_t ui_save_retry(struct ui *u);
/* Once a tick (no key): the changes waiting for the lock tried again,
 * and what other programs committed read back (PRAGMA data_version);
 * 1 when the screen must be redrawn. */
int ui_tick(struct ui *u);
/* Name each change still refused on OUT, one line each. */
void ui_save_report(const struct ui *u, FILE *out);
void ui_pending_free(struct ui *u);

#endif
