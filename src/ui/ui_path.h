/* ui_path.h - the file names typed on the export screen: `~` expanded
 * as a shell would, and the extension following the chosen format.
 * Pure but for the password database (~user), tested without a
 * terminal. */
#ifndef IOTSCOPE_UI_PATH_H
#define IOTSCOPE_UI_PATH_H

/* TEXT with a leading "~" or "~/" replaced by HOME (the password
 * database's when HOME is NULL or empty) and "~user/" by that user's
 * home; anything else as typed.  Malloc'd; NULL when out of memory. */
char *ui_path_expand(const char *text, const char *home);

/* PATH with the extension of an export format (export_format_of_ext:
 * .xml, .csv, .html, .htm, any case) replaced by EXT ("csv"); a name
 * without one or with another extension is the user's choice and stays
 * as typed.  Malloc'd; NULL when out of memory. */
char *ui_path_follow_format(const char *path, const char *ext);

#endif
