/* fuzz_xmlsafe.c - xmlsafe_read_memory() (src/base/xmlsafe.h) on any bytes:
 * the one door every untrusted XML file comes through.  Promises
 * checked: a refusal says why; a document accepted has no DTD; the
 * walking helpers (xml_first, xml_next, xml_attr, xml_text) work on
 * whatever was accepted. */
#include "config.h"

#include <string.h>

#include <libxml/tree.h>

#include "fuzz.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	xmlsafe_init();
	return 0;
}

/* Every attribute value and the folded text of element N. */
static void visit(const xmlNode *n)
{
	for (const xmlAttr *at = n->properties; at != NULL; at = at->next) {
		char *v = xml_attr(n, (const char *)at->name);
		xmlFree(v);
	}
	char *t = xml_text(n);
	if (t == NULL)
		fuzz_fail("xml_text returned NULL", (const char *)n->name);
	size_t len = strlen(t);
	if (strpbrk(t, "\t\n\r") != NULL || strstr(t, "  ") != NULL ||
	    (len > 0 && (t[0] == ' ' || t[len - 1] == ' ')))
		fuzz_fail("xml_text left white space unfolded", t);
	free(t);
}

/* Depth first over the elements, without recursion. */
static void walk(const xmlNode *root)
{
	const xmlNode *n = root;
	for (;;) {
		visit(n);
		const xmlNode *next = xml_first(n, NULL);
		while (next == NULL && n != root) {
			next = xml_next(n, NULL);
			n = n->parent;
		}
		if (next == NULL)
			return;
		n = next;
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct diag d = DIAG_INIT;
	xmlDocPtr doc = xmlsafe_read_memory((const char *)data, size, FUZZ_NAME, &xmlsafe_assessment_limits, &d);
	if (doc == NULL && d.msg == NULL)
		fuzz_fail("xmlsafe_read_memory refused the input without a message", NULL);
	if (doc != NULL && doc->intSubset != NULL)
		fuzz_fail("a document with a DTD was accepted", NULL);
	if (doc != NULL && xmlDocGetRootElement(doc) != NULL)
		walk(xmlDocGetRootElement(doc));
	xmlFreeDoc(doc);
	fuzz_outcome(&d);
	diag_clear(&d);
	return 0;
}
