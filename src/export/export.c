/* export.c - exports for auditors: options, rendering through the walk,
 * the check of what was written, and the safe write (a temporary file in
 * the target directory, fsync, read back and checked, then rename; see
 * shared/docs/reliability.md and libvirt's virFileRewrite). */
#include "config.h"
#include "paths.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "export_walk.h"
#include "i18n.h"
#include "write_guard.h"

/* The fixed names; EXPORT_CHECKLIST is named by the catalog's ids. */
static const char *const what_ids[N_EXPORT_WHATS] = {
	[EXPORT_ASSESSMENT] = "assessment", [EXPORT_COUNTERMEASURES] = "countermeasures",
	[EXPORT_CROSSWALK] = "crosswalk",
	[EXPORT_OPEN] = "open",
};

/* In words, for the export screen; a checklist's takes its name
 * (export_what_words). */
static const char *const what_words[N_EXPORT_WHATS] = {
	[EXPORT_ASSESSMENT] = N_("the whole assessment"),
	[EXPORT_COUNTERMEASURES] = N_("the countermeasure review"),
	[EXPORT_CROSSWALK] = N_("the ISO/IEC 27002 crosswalk"),
	[EXPORT_OPEN] = N_("the open items"),
};

int export_what_parse(const struct catalog *c, const char *s, struct export_options *o)
{
	for (int i = 0; s != NULL && i < N_EXPORT_WHATS; i++)
		if (what_ids[i] != NULL && strcmp(s, what_ids[i]) == 0) {
			o->what = (enum export_what)i;
			o->checklist = NULL;
			return 0;
		}
	const struct cat_annex *cl = catalog_checklist(c, s);
	if (cl == NULL)
		return -1;
	o->what = EXPORT_CHECKLIST;
	o->checklist = cl->id;
	return 0;
}

/* The choices in their order: the whole assessment, each checklist in
 * the catalog's order, the countermeasures, the crosswalk only with the
 * guidance parts it is made of, the open items. */
size_t export_what_count(const struct catalog *c)
{
	return c->n_checklists + 3 + (c->guidance != NULL);
}

int export_what_nth(const struct catalog *c, size_t i, struct export_options *o)
{
	size_t n = c->n_checklists;
	if (i >= export_what_count(c))
		return -1;
	o->checklist = i >= 1 && i <= n ? c->checklists[i - 1].id : NULL;
	o->what = i == 0 ? EXPORT_ASSESSMENT : o->checklist ? EXPORT_CHECKLIST :
		i == n + 1 ? EXPORT_COUNTERMEASURES :
		i == n + 2 && c->guidance ? EXPORT_CROSSWALK : EXPORT_OPEN;
	return 0;
}

char *export_what_choices(const struct catalog *c, const char *sep)
{
	char *out = strdup("");
	struct export_options o = { 0 };
	for (size_t i = 0; out != NULL && export_what_nth(c, i, &o) == 0; i++) {
		char *next = str_printf("%s%s%s", out, i ? sep : "", export_what_id(&o));
		free(out);
		out = next;
	}
	return out;
}

char *export_what_words(const struct catalog *c, const struct export_options *o)
{
	if ((unsigned)o->what >= N_EXPORT_WHATS)
		return strdup("?");
	if (o->what != EXPORT_CHECKLIST)
		return strdup(_(what_words[o->what]));
	const struct cat_annex *cl = catalog_checklist(c, o->checklist);
	return str_printf(_("the %s checklist"), cl ? cl->name : export_what_id(o));
}

const char *export_what_id(const struct export_options *o)
{
	if (o->what == EXPORT_CHECKLIST)
		return o->checklist ? o->checklist : "?";
	return (unsigned)o->what < N_EXPORT_WHATS ? what_ids[o->what] : "?";
}

int export_options_check(const struct export_options *o, struct diag *d)
{
	const struct export_format_info *fi = export_format_info((int)o->format);
	if ((unsigned)o->what >= N_EXPORT_WHATS || fi == NULL ||
	    (o->what == EXPORT_CHECKLIST && o->checklist == NULL)) {
		diag_set(d, _("unknown kind of export or format"));
		return -1;
	}
	if (!(fi->whats & (1u << o->what))) {
		if (fi->refused != NULL)
			diag_set(d, "%s", _(fi->refused));
		else
			diag_set(d, _("%s cannot hold %s"), fi->id, export_what_id(o));
		return -1;
	}
	if (o->blank && o->what != EXPORT_CHECKLIST) {
		diag_set(d, _("--blank makes a form of a checklist: use it with a checklist's id"));
		return -1;
	}
	if (o->raw && !fi->spreadsheet) {
		diag_set(d, _("--raw is for CSV files"));
		return -1;
	}
	if (o->bom && !fi->spreadsheet) {
		diag_set(d, _("--bom is for CSV files"));
		return -1;
	}
	return 0;
}

/* A name a file system takes: path separators, control and shell-hostile
 * characters become '_'; UTF-8 text (Japanese names) is kept. */
static void sanitize(char *s)
{
	for (unsigned char *p = (unsigned char *)s; *p != '\0'; p++)
		if (*p < 0x20 || *p == 0x7f || strchr("/\\:*?\"<>|", *p) != NULL)
			*p = '_';
	if (s[0] == '.' || s[0] == '-')
		s[0] = '_';
}

char *export_default_name(const struct assessment *a, const struct export_options *o)
{
	const char *name = a && a->survey ? a->survey->details[DETAIL_NAME] : NULL;
	if (name == NULL || name[0] == '\0')
		name = "assessment";
	const struct export_format_info *fi = export_format_info((int)o->format);
	char *out = str_printf("%s-%s%s.%s", name, export_what_id(o),
			       o->blank ? "-blank" : "", fi ? fi->ext : "?");
	if (out != NULL)
		sanitize(out);
	return out;
}

/* ---------- rendering ---------- */

static int now_iso(char *buf, size_t n)
{
	time_t t = time(NULL);
	struct tm tm;
	if (t == (time_t)-1 || gmtime_r(&t, &tm) == NULL)
		return -1;
	return strftime(buf, n, "%Y-%m-%dT%H:%M:%SZ", &tm) == 0 ? -1 : 0;
}

/* The export in memory (malloc'd *buf of *len bytes). */
static int render(const struct catalog *c, const struct form *f, const struct assessment *a,
		  const struct export_options *o, char **buf, size_t *len, size_t *records,
		  struct diag *d)
{
	char stamp[32];
	if (export_options_check(o, d) < 0)
		return -1;
	if (!o->timeless && o->generated_at == NULL && now_iso(stamp, sizeof stamp) < 0) {
		diag_set(d, "cannot read the clock");
		return -1;
	}
	struct ex_ctx x = { .c = c, .f = f, .a = a, .o = o, .d = d,
			    .kind = export_what_id(o),
			    .generated_at = o->timeless ? NULL :
				    o->generated_at ? o->generated_at : stamp };
	*buf = NULL;
	*len = 0;
	x.out = open_memstream(buf, len);
	if (x.out == NULL) {
		diag_set(d, "out of memory");
		return -1;
	}
	int rc = export_prepare(&x);
	if (rc == 0)
		rc = export_walk(&x, export_format_info((int)o->format)->writer);
	export_release(&x);
	if (ferror(x.out) && rc == 0) {
		diag_set(d, "out of memory");
		rc = -1;
	}
	if (fclose(x.out) != 0 && rc == 0) {
		diag_set(d, "out of memory");
		rc = -1;
	}
	*records = x.records;
	if (rc < 0) {
		free(*buf);
		*buf = NULL;
	}
	return rc;
}

/* What the format promises (its row's check: XML well formed, its
 * validity being the test suite's to check, export_xml.c; CSV every
 * record read back; HTML parses cleanly);
 * a format without a row or a check is refused, never taken for another. */
static int check(const struct form *f, const struct export_options *o, const char *buf,
		 size_t len, size_t records, const char *name, struct diag *d)
{
	const struct export_format_info *fi = export_format_info((int)o->format);
	if (fi == NULL || fi->check == NULL) {
		diag_set(d, _("%s: no check for this export format"), name);
		return -1;
	}
	return fi->check(f, buf, len, records, name, d);
}

int export_to_stream(const struct catalog *c, const struct form *f,
		     const struct assessment *a, const struct export_options *o,
		     FILE *out, struct diag *d)
{
	char *buf = NULL;
	size_t len = 0, records = 0;
	if (render(c, f, a, o, &buf, &len, &records, d) < 0)
		return -1;
	int rc = check(f, o, buf, len, records, "export", d);
	if (rc == 0 && (fwrite(buf, 1, len, out) != len || fflush(out) != 0)) {
		diag_set(d, "write error: %s", strerror(errno));
		rc = -1;
	}
	free(buf);
	return rc;
}

int export_render(const struct catalog *c, const struct form *f, const struct assessment *a,
		  const struct export_options *o, char **buf, size_t *len, struct diag *d)
{
	size_t records = 0;
	return render(c, f, a, o, buf, len, &records, d);
}

/* ---------- the safe write ---------- */

static int write_all(int fd, const char *buf, size_t len)
{
	while (len > 0) {
		ssize_t n = write(fd, buf, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return -1;
		buf += n;
		len -= (size_t)n;
	}
	return 0;
}

/* The temporary file, read back from disk, must hold exactly BUF. */
static int read_back(const char *tmp, const char *path, const char *buf, size_t len,
		     struct diag *d)
{
	FILE *f = fopen(tmp, "rb");
	char *got = malloc(len + 1);
	size_t n = f && got ? fread(got, 1, len + 1, f) : 0;
	int bad = f == NULL || got == NULL || ferror(f);
	if (f != NULL)
		fclose(f);
	if (bad) {
		diag_set(d, "%s: cannot read back what was written: %s", path, strerror(errno));
	} else if (n != len || memcmp(got, buf, len) != 0) {
		diag_set(d, "%s: %zu bytes written but %zu different bytes read back", path,
			 len, n);
		bad = 1;
	}
	free(got);
	return bad ? -1 : 0;
}

static int sync_dir(const char *dir)
{
	int fd = open(dir, O_RDONLY | O_DIRECTORY);
	if (fd < 0)
		return -1;
	int rc = fsync(fd);
	close(fd);
	return rc;
}

static mode_t file_mode(void)
{
	mode_t mask = umask(0);
	umask(mask);
	return 0666 & ~mask;
}

/* Write BUF to a fresh temporary file beside PATH; *tmp is its name. */
static int write_temp(const char *path, const char *dir, const char *buf, size_t len,
		      char **tmp, struct diag *d)
{
	const char *base = strrchr(path, '/');
	*tmp = str_printf("%s/.%s.XXXXXX", dir, base ? base + 1 : path);
	if (*tmp == NULL) {
		diag_set(d, "out of memory");
		return -1;
	}
	int fd = mkstemp(*tmp);
	if (fd < 0) {
		diag_set(d, _("%s: cannot create a file in %s: %s"), path, dir, strerror(errno));
		free(*tmp);
		*tmp = NULL;
		return -1;
	}
	int rc = 0;
	if (fchmod(fd, file_mode()) != 0 || write_all(fd, buf, len) != 0 || fsync(fd) != 0) {
		diag_set(d, _("%s: cannot write: %s"), path, strerror(errno));
		rc = -1;
	}
	if (close(fd) != 0 && rc == 0) {
		diag_set(d, _("%s: cannot write: %s"), path, strerror(errno));
		rc = -1;
	}
	return rc;
}

static int target_ok(const char *path, const char *dir, const char *db, struct diag *d)
{
	struct stat st;
	if (path[0] == '\0' || (path[strlen(path) - 1] == '/')) {
		diag_set(d, _("%s: give a file name, not a directory"), path);
		return -1;
	}
	if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
		diag_set(d, _("%s: the directory %s does not exist"), path, dir);
		return -1;
	}
	if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
		diag_set(d, _("%s: exists and is not a regular file"), path);
		return -1;
	}
	return write_guard_check(path, db, d);
}

int export_to_file(const struct catalog *c, const struct form *f,
		   const struct assessment *a, const struct export_options *o,
		   const char *path, struct diag *d)
{
	char *buf = NULL, *tmp = NULL;
	size_t len = 0, records = 0;
	char *dir = paths_dir_of(path);
	if (dir == NULL) {
		diag_set(d, "out of memory");
		return -1;
	}
	int rc = target_ok(path, dir, o->db_path, d);
	if (rc == 0)
		rc = render(c, f, a, o, &buf, &len, &records, d);
	if (rc == 0)
		rc = write_temp(path, dir, buf, len, &tmp, d);
	if (rc == 0)
		rc = read_back(tmp, path, buf, len, d);
	if (rc == 0)
		rc = check(f, o, buf, len, records, path, d);
	if (rc == 0 && rename(tmp, path) != 0) {
		diag_set(d, _("%s: cannot put the file in place: %s"), path, strerror(errno));
		rc = -1;
	}
	if (rc < 0 && tmp != NULL)
		unlink(tmp);
	/* the rename is durable once the directory is synced; a file system
	 * that cannot sync a directory has nothing more to offer */
	if (rc == 0)
		(void)sync_dir(dir);
	free(tmp);
	free(buf);
	free(dir);
	return rc;
}
