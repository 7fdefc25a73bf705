/* catalog_vocab.c - vocabulary.xml (IV.1-IV.2.1) and patterns.xml (Annex 3) */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "catalog_parse.h"

/* ---------- vocabulary.xml ---------- */

int ld_vocabulary(struct loader *ld, const xmlNode *root)
{
	struct catalog *c = ld->c;
	int i = 0;
	for (const xmlNode *e = xml_first(root, "viewpoint"); e; e = xml_next(e, "viewpoint"), i++) {
		struct cat_viewpoint *v = &c->viewpoints[i];
		v->id = ld_attr_dup(ld, e, "id");
		v->label = ld_child_text(ld, e, "label");
		v->risk = ld_child_text(ld, e, "risk");
		v->description = ld_child_text(ld, e, "description");
		v->line = ld_attr_int(e, "line");
		if (!v->id || !v->label || !v->risk || !v->description)
			return -1;
		if (v->id[0] != 'A' + i)
			return ld_fail(ld, e, "viewpoint '%s' out of order (A, B, C)", v->id);
	}
	for (const xmlNode *e = xml_first(root, "env-role"); e; e = xml_next(e, "env-role")) {
		int k;
		if (ld_attr_index(ld, e, "id", ld_env_role, &k) < 0)
			return -1;
		struct cat_env_role *r = &c->env_roles[k];
		if (r->id != NULL)
			return ld_fail(ld, e, "environment role '%s' defined twice", ld_env_role_ids[k]);
		r->id = ld_env_role_ids[k];
		r->letter = (char)('a' + k);
		r->label = ld_child_text(ld, e, "label");
		r->definition = ld_child_text(ld, e, "definition");
		r->line = ld_attr_int(e, "line");
		if (!r->label || !r->definition)
			return -1;
	}
	for (const xmlNode *e = xml_first(root, "exec-role"); e; e = xml_next(e, "exec-role")) {
		int k;
		if (ld_attr_index(ld, e, "id", ld_exec_role, &k) < 0)
			return -1;
		struct cat_exec_role *r = &c->exec_roles[k];
		if (r->id != NULL)
			return ld_fail(ld, e, "execution role '%s' defined twice", ld_exec_role_ids[k]);
		r->id = ld_exec_role_ids[k];
		r->label = ld_child_text(ld, e, "label");
		r->definition = ld_child_text(ld, e, "definition");
		r->line = ld_attr_int(e, "line");
		if (!r->label || !r->definition ||
		    ld_attr_bits(ld, e, "uses", ld_component, &r->uses) < 0)
			return -1;
	}
	for (const xmlNode *e = xml_first(root, "component"); e; e = xml_next(e, "component")) {
		int k;
		if (ld_attr_index(ld, e, "id", ld_component, &k) < 0)
			return -1;
		struct cat_component *m = &c->components[k];
		if (m->id != NULL)
			return ld_fail(ld, e, "component '%s' defined twice", ld_component_ids[k]);
		m->id = ld_component_ids[k];
		m->label = ld_child_text(ld, e, "label");
		m->description = ld_child_text(ld, e, "description");
		m->line = ld_attr_int(e, "line");
		if (!m->label || !m->description)
			return -1;
	}
	for (const xmlNode *e = xml_first(root, "external"); e; e = xml_next(e, "external")) {
		int k;
		if (ld_attr_index(ld, e, "id", ld_external, &k) < 0)
			return -1;
		struct cat_external *x = &c->externals[k];
		if (x->id != NULL)
			return ld_fail(ld, e, "external situation '%s' defined twice", ld_external_ids[k]);
		x->id = ld_external_ids[k];
		x->label = ld_child_text(ld, e, "label");
		x->line = ld_attr_int(e, "line");
		if (!x->label || ld_attr_index(ld, e, "role", ld_exec_role, &x->role) < 0)
			return -1;
	}
	ld->seen_vocabulary = 1;
	return 0;
}


/* ---------- patterns.xml ---------- */

int ld_patterns(struct loader *ld, const xmlNode *root)
{
	struct catalog *c = ld->c;
	if ((c->patterns_title = ld_child_text(ld, root, "title")) == NULL ||
	    ld_texts(ld, root, "explanation", &c->pattern_explanations,
		     &c->npattern_explanations) < 0)
		return -1;
	for (const xmlNode *e = xml_first(root, "pattern"); e; e = xml_next(e, "pattern")) {
		int id = ld_attr_int(e, "id");
		char *conf = xml_attr(e, "confidentiality");
		char *avail = xml_attr(e, "availability");
		int ci = conf && strcmp(conf, "low") == 0;
		int ai = avail == NULL ? -1 : strcmp(avail, "high") == 0 ? 0 :
			 strcmp(avail, "mid") == 0 ? 1 : 2;
		xmlFree(conf);
		xmlFree(avail);
		if (catalog_pattern_of(ci, ai) != id)
			return ld_fail(ld, e, "pattern %d does not match Annex 3's rule", id);
		struct cat_pattern *p = &c->patterns[id - 1];
		p->id = id;
		p->confidentiality = ci;
		p->availability = ai;
		p->line = ld_attr_int(e, "line");
		if ((p->services = ld_child_text(ld, e, "services")) == NULL)
			return -1;
	}
	if (xml_first(root, "unpatterned") &&
	    (c->unpatterned = ld_child_text(ld, root, "unpatterned")) == NULL)
		return -1;
	ld->seen_patterns = 1;
	return 0;
}

