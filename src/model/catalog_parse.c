/* catalog_parse.c - readers over validated catalog nodes, and the fixed ids */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "catalog_parse.h"
#include "grow.h"

/* ---------- small readers over validated nodes ---------- */

int ld_fail(struct loader *ld, const xmlNode *n, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	diag_vat(ld->d, ld->file, n ? xmlGetLineNo(n) : 0L, fmt, ap);
	va_end(ap);
	return -1;
}

void *ld_grow(struct loader *ld, const xmlNode *e, void *v, size_t n, size_t *cap,
	      size_t size, size_t first)
{
	void *x = array_grow(v, n, cap, size, first);
	if (x == NULL)
		ld_fail(ld, e, "out of memory");
	return x;
}

const char *ld_text(struct loader *ld, const xmlNode *n)
{
	if (n == NULL)
		return NULL;
	/* folded straight into the arena; most elements hold one text node */
	const char *src = xml_only_text(n);
	xmlChar *raw = src ? NULL : xmlNodeGetContent(n);
	src = src ? src : (const char *)raw;
	char *s = src ? arena_alloc(ld->c->arena, strlen(src) + 1) : NULL;
	if (s != NULL)
		xml_fold(src, s);
	xmlFree(raw);
	if (s == NULL)
		ld_fail(ld, n, "out of memory");
	return s;
}

const char *ld_child_text(struct loader *ld, const xmlNode *n, const char *name)
{
	return ld_text(ld, xml_first(n, name));
}

const char *ld_attr_dup(struct loader *ld, const xmlNode *n, const char *name)
{
	char *v = xml_attr(n, name);
	if (v == NULL)
		return NULL;
	const char *s = arena_strdup(ld->c->arena, v);
	xmlFree(v);
	return s;
}

int ld_attr_int(const xmlNode *n, const char *name)
{
	char *v = xml_attr(n, name);
	int i = v ? atoi(v) : 0;
	xmlFree(v);
	return i;
}

/* A space-separated id list attribute as a bit set. */
int ld_attr_bits(struct loader *ld, const xmlNode *n, const char *name,
		     lookup_fn lookup, unsigned *out)
{
	*out = 0;
	char *v = xml_attr(n, name);
	if (v == NULL)
		return 0;
	char *save = NULL;
	for (char *tok = strtok_r(v, " \t\n", &save); tok != NULL;
	     tok = strtok_r(NULL, " \t\n", &save)) {
		int i = lookup(ld->c, tok);
		if (i < 0) {
			ld_fail(ld, n, "unknown id '%s'", tok);
			xmlFree(v);
			return -1;
		}
		*out |= 1u << i;
	}
	xmlFree(v);
	return 0;
}

int ld_attr_index(struct loader *ld, const xmlNode *n, const char *name,
		      lookup_fn lookup, int *out)
{
	*out = -1;
	char *v = xml_attr(n, name);
	if (v == NULL)
		return 0;
	*out = lookup(ld->c, v);
	int bad = *out < 0;
	if (bad)
		ld_fail(ld, n, "unknown id '%s'", v);
	xmlFree(v);
	return bad ? -1 : 0;
}

/* Child elements named NAME as an arena array of texts. */
int ld_texts(struct loader *ld, const xmlNode *parent, const char *name,
		    const char ***out, size_t *count)
{
	size_t n = 0;
	for (const xmlNode *e = xml_first(parent, name); e; e = xml_next(e, name))
		n++;
	*count = n;
	*out = arena_array(ld->c->arena, n ? n : 1, sizeof **out);
	if (*out == NULL)
		return ld_fail(ld, parent, "out of memory");
	size_t i = 0;
	for (const xmlNode *e = xml_first(parent, name); e; e = xml_next(e, name))
		if (((*out)[i++] = ld_text(ld, e)) == NULL)
			return -1;
	return 0;
}


/* ---------- the fixed ids ---------- */

const char *const ld_component_ids[N_COMPONENTS] = {
	"iot-device", "lan", "local-computer", "edge-computer", "gateway",
	"wan", "cloud", "embedded-app", "application"
};
const char *const ld_env_role_ids[N_ENV_ROLES] = {
	"contract", "provide", "recommend", "config", "partners", "data-watch"
};
const char *const ld_exec_role_ids[N_EXEC_ROLES] = {
	"a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k"
};
const char *const ld_external_ids[N_EXTERNALS] = {
	"preprocess-lan", "acquire-wan", "collect-external", "analyze-open-data"
};

int ld_find_id(const char *const *ids, int n, const char *id)
{
	for (int i = 0; i < n; i++)
		if (strcmp(ids[i], id) == 0)
			return i;
	return -1;
}

int ld_component(const struct catalog *c, const char *id)
{
	(void)c;
	return ld_find_id(ld_component_ids, N_COMPONENTS, id);
}

int ld_env_role(const struct catalog *c, const char *id)
{
	(void)c;
	return ld_find_id(ld_env_role_ids, N_ENV_ROLES, id);
}

int ld_exec_role(const struct catalog *c, const char *id)
{
	(void)c;
	return ld_find_id(ld_exec_role_ids, N_EXEC_ROLES, id);
}

int ld_external(const struct catalog *c, const char *id)
{
	(void)c;
	return ld_find_id(ld_external_ids, N_EXTERNALS, id);
}

