/* ui_track.h - owner, due date and evidence on the workbench (issue 12):
 * shown in the detail of a countermeasure, an action and a checklist
 * item, a compact marker in the list rows, and the keys that set them
 * (o owner, D due, E evidence, R remove one; ui_action.c TRACKING).
 * Every change goes through ui_save.c to the store setters. */
#ifndef IOTSCOPE_UI_TRACK_H
#define IOTSCOPE_UI_TRACK_H

#include "ui_core.h"

enum { UI_DATE_SIZE = 11 };		/* "YYYY-MM-DD" and its NUL */

/* Today's local date, "YYYY-MM-DD": what a due date is compared with. */
void ui_today(char buf[UI_DATE_SIZE]);
/* Days from TODAY to DUE (negative: overdue); 0 when either is not a
 * date. */
long ui_days_until(const char *due, const char *today);

/* The list row's marker of T: "@owner 12-31", "!" after an overdue date;
 * "" when T has neither (malloc'd; NULL when out of memory).  *OVERDUE
 * set when the due date is past. */
char *ui_track_marker(const struct tracking *t, const char *today, int *overdue);

/* That marker drawn at row Y, right-aligned to end before column END, at
 * most MAX-1 columns; the columns it took with the space before it (0
 * when T has no owner or due date).  HERE: on the cursor's row. */
int ui_track_draw_marker(int y, int end, int max, const struct tracking *t, int here);

/* The lines of T for a detail pane: owner and due date (overdue said),
 * then each evidence entry numbered as R asks for it: ref, note, SHA-256
 * prefix and size, who added it and when, and whether the local file
 * changed since (re-hashed only when its size, time or inode changed
 * since the last look).  T may be NULL (nothing set).  Malloc'd, lines
 * separated by "\n"; NULL when out of memory. */
char *ui_track_text(struct ui *u, const struct tracking *t);
/* Its two parts: the line of owner and due date, and the evidence. */
char *ui_track_owner_due(const struct tracking *t);
char *ui_track_evidence(struct ui *u, const struct tracking *t);

/* A tracking key (UI_OWNER, UI_DUE, UI_EVIDENCE, UI_EVIDENCE_REMOVE) on
 * TARGET, named LABEL in the prompts, NOW its tracking as shown (NULL
 * if none); 0 when A is not one of them. */
int ui_track_act(struct ui *u, enum ui_action a, const struct track_target *target,
		 const char *label, const struct tracking *now);

void ui_track_free(struct ui *u);

#endif
