/* xmlsafe.c - reading XML we do not trust */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlschemas.h>

#include "xmlsafe.h"

/* Our largest files (survey of the shipped ones): a catalog part 51 KB,
 * 477 elements, 7 attributes, 16 deep (catalog.xsd), texts of 0.8 KB; a
 * survey 4.9 KB, 49 elements; the whole-assessment export of Annex 8
 * case 5 163 KB, 1,820 elements, 6 attributes, 6 deep.  The caps leave a
 * wide margin: 20x the largest part, a survey whose nine texts are each
 * as long as survey.xsd allows (65,536 characters of up to 4 bytes), and
 * 25x case 5 for exports, whose notes have no length limit. */
const struct xmlsafe_limits xmlsafe_data_limits = {
	.kind = "catalog or form file", .bytes = 1u << 20, .text = 256u << 10,
	.elements = 20000, .depth = 32, .attrs = 16,
};
const struct xmlsafe_limits xmlsafe_survey_limits = {
	.kind = "survey file", .bytes = 1u << 20, .text = 256u << 10,
	.elements = 1000, .depth = 16, .attrs = 16,
};
const struct xmlsafe_limits xmlsafe_assessment_limits = {
	.kind = "assessment file", .bytes = XMLSAFE_MAX_BYTES, .text = 1u << 20,
	.elements = 50000, .depth = 16, .attrs = 16,
};

struct xschema {
	xmlSchemaPtr schema;
};

/* Collects the first error libxml2 reports, with its line. */
struct errsink {
	const char *name;
	struct diag *d;
	int had_dtd;
};

static xmlParserInputPtr deny_loader(const char *url, const char *id,
				     xmlParserCtxtPtr ctxt)
{
	(void)url;
	(void)id;
	(void)ctxt;
	return NULL;
}

void xmlsafe_init(void)
{
	xmlInitParser();
	xmlSetExternalEntityLoader(deny_loader);
}

/* libxml2's message on one line: trailing white space cut, inner line
 * breaks (e.g. before "Bytes: 0x..") made spaces. */
static void chomp(char *s)
{
	size_t n = strlen(s);
	while (n > 0 && (s[n - 1] == '\n' || s[n - 1] == '\r' || s[n - 1] == ' '))
		s[--n] = '\0';
	for (char *p = s; (p = strpbrk(p, "\r\n")) != NULL;)
		*p = ' ';
}

static void sink_error(void *ctx, xmlErrorPtr err)
{
	struct errsink *sink = ctx;
	if (err == NULL || err->level == XML_ERR_WARNING)
		return;
	char *msg = err->message ? strdup(err->message) : NULL;
	if (msg != NULL)
		chomp(msg);
	diag_set(sink->d, "%s:%d: %s", sink->name, err->line,
		 msg ? msg : "XML error");
	free(msg);
}

/* SAX hook: a document with a DTD is refused before its declarations are
 * read, so no entity is ever defined, let alone expanded. */
static void refuse_dtd(void *ctx, const xmlChar *name, const xmlChar *ext,
		       const xmlChar *sys)
{
	(void)name;
	(void)ext;
	(void)sys;
	xmlParserCtxtPtr ctxt = ctx;
	struct errsink *sink = ctxt->_private;
	sink->had_dtd = 1;
	diag_set(sink->d, "%s:%d: document type declarations (DTD) are not accepted",
		 sink->name, xmlSAX2GetLineNumber(ctxt));
	xmlStopParser(ctxt);
}

/* The safe parse of BUF; with TREE 0 no tree is built (SAX with no
 * handlers but the DTD refusal): *OK says whether it was well formed. */
static xmlDocPtr parse_memory(const char *buf, size_t len, const char *name,
			      const struct xmlsafe_limits *lim, int tree, int *ok,
			      struct diag *d)
{
	*ok = 0;
	if (len == 0) {
		diag_set(d, "%s:1: empty file, expected an XML document", name);
		return NULL;
	}
	/* We read UTF-8 only (the encoding is forced below): say so plainly
	 * rather than let the parser complain about the first byte. */
	if (len >= 2 && (((unsigned char)buf[0] == 0xff && (unsigned char)buf[1] == 0xfe) ||
			 ((unsigned char)buf[0] == 0xfe && (unsigned char)buf[1] == 0xff))) {
		diag_set(d, "%s:1: UTF-16 is not accepted: save the file as UTF-8", name);
		return NULL;
	}
	if ((lim != NULL && xmlsafe_scan(buf, len, name, lim, d) < 0) || len > (size_t)INT32_MAX)
		return NULL;
	xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
	if (ctxt == NULL) {
		diag_set(d, "%s: out of memory", name);
		return NULL;
	}
	struct errsink sink = { name, d, 0 };
	ctxt->_private = &sink;
	if (!tree) {	/* a well-formedness check: every event ignored */
		xmlSAXHandler *sax = ctxt->sax;
		sax->startDocument = NULL, sax->endDocument = NULL;
		sax->startElementNs = NULL, sax->endElementNs = NULL;
		sax->startElement = NULL, sax->endElement = NULL;
		sax->characters = NULL, sax->ignorableWhitespace = NULL;
		sax->cdataBlock = NULL, sax->comment = NULL;
		sax->processingInstruction = NULL, sax->reference = NULL;
	}
	ctxt->sax->internalSubset = refuse_dtd;
	xmlSetStructuredErrorFunc(&sink, sink_error);
	/* Never NOENT, DTDLOAD, DTDATTR, DTDVALID, XINCLUDE, HUGE, RECOVER. */
	int opts = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
		   XML_PARSE_NOCDATA | XML_PARSE_BIG_LINES;
	xmlDocPtr doc = xmlCtxtReadMemory(ctxt, buf, (int)len, name, "UTF-8", opts);
	int wellformed = ctxt->wellFormed;
	xmlSetStructuredErrorFunc(NULL, NULL);
	xmlFreeParserCtxt(ctxt);
	if (!tree) {
		xmlFreeDoc(doc);
		*ok = wellformed && !sink.had_dtd;
		if (!*ok && d->msg == NULL)
			diag_set(d, "%s: not a well-formed document", name);
		return NULL;
	}
	if (doc != NULL && (sink.had_dtd || !wellformed || doc->intSubset != NULL)) {
		if (d->msg == NULL)
			diag_set(d, "%s: not a well-formed document", name);
		xmlFreeDoc(doc);
		return NULL;
	}
	if (doc == NULL) {
		diag_set(d, "%s: cannot parse", name);
		return NULL;
	}
	return doc;
}

xmlDocPtr xmlsafe_read_memory(const char *buf, size_t len, const char *name,
			      const struct xmlsafe_limits *lim, struct diag *d)
{
	int ok;
	return parse_memory(buf, len, name, lim, 1, &ok, d);
}

int xmlsafe_wellformed(const char *buf, size_t len, const char *name, struct diag *d)
{
	int ok;
	(void)parse_memory(buf, len, name, NULL, 0, &ok, d);
	return ok ? 0 : -1;
}

/* What a file that is not a regular one is, for the message. */
static const char *file_kind(mode_t m)
{
	return S_ISDIR(m) ? "a directory" : S_ISFIFO(m) ? "a FIFO (named pipe)" :
	       S_ISCHR(m) ? "a character device" : S_ISBLK(m) ? "a block device" :
	       S_ISSOCK(m) ? "a socket" : "not a regular file";
}

/* PATH opened for reading, refused unless a regular file of at most MAX
 * bytes.  Opened without blocking (a FIFO would wait for a writer
 * forever), checked with fstat, then made blocking again for reading. */
static int open_regular(const char *path, size_t max, off_t *size, struct diag *d)
{
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
	if (fd < 0) {
		diag_set(d, "%s: %s", path, strerror(errno));
		return -1;
	}
	struct stat st;
	int flags;
	if (fstat(fd, &st) != 0 || (flags = fcntl(fd, F_GETFL)) < 0 ||
	    fcntl(fd, F_SETFL, flags & ~O_NONBLOCK) < 0)
		diag_set(d, "%s: %s", path, strerror(errno));
	else if (!S_ISREG(st.st_mode))
		diag_set(d, "%s: %s, not a file: give the path of an XML file", path,
			 file_kind(st.st_mode));
	else if ((unsigned long long)st.st_size > max)
		diag_set(d, "%s: %lld bytes is larger than the %zu bytes accepted", path,
			 (long long)st.st_size, max);
	else {
		*size = st.st_size;
		return fd;
	}
	close(fd);
	return -1;
}

/* Read a whole regular file, refusing one larger than max. */
char *xmlsafe_slurp(const char *path, size_t max, size_t *len, struct diag *d)
{
	off_t size = 0;
	int fd = open_regular(path, max, &size, d);
	if (fd < 0)
		return NULL;
	size_t cap = (size_t)size + 1, n = 0;
	char *buf = malloc(cap);
	if (buf == NULL) {
		diag_set(d, "%s: out of memory", path);
		close(fd);
		return NULL;
	}
	int err = 0;
	for (ssize_t r = 1; r != 0 && n < cap && err == 0;) {	/* a byte more: growth */
		r = read(fd, buf + n, cap - n);
		if (r > 0)
			n += (size_t)r;
		else if (r < 0 && errno != EINTR)
			err = errno;
	}
	close(fd);
	if (err != 0 || n > max) {
		if (err != 0)
			diag_set(d, "%s: read error: %s", path, strerror(err));
		else
			diag_set(d, "%s: file grew while read", path);
		free(buf);
		return NULL;
	}
	*len = n;
	return buf;
}

xmlDocPtr xmlsafe_read_file(const char *path, const struct xmlsafe_limits *lim,
			    struct diag *d)
{
	size_t len = 0;
	char *buf = xmlsafe_slurp(path, lim->bytes, &len, d);
	if (buf == NULL)
		return NULL;
	xmlDocPtr doc = xmlsafe_read_memory(buf, len, path, lim, d);
	free(buf);
	return doc;
}

struct xschema *xschema_load(const char *path, struct diag *d)
{
	xmlDocPtr doc = xmlsafe_read_file(path, &xmlsafe_data_limits, d);
	if (doc == NULL)
		return NULL;
	struct errsink sink = { path, d, 0 };
	xmlSchemaParserCtxtPtr pctx = xmlSchemaNewDocParserCtxt(doc);
	struct xschema *s = calloc(1, sizeof *s);
	if (pctx == NULL || s == NULL) {
		diag_set(d, "%s: out of memory", path);
		goto fail;
	}
	xmlSchemaSetParserStructuredErrors(pctx, sink_error, &sink);
	s->schema = xmlSchemaParse(pctx);
	if (s->schema == NULL) {
		diag_set(d, "%s: not a usable XML schema", path);
		goto fail;
	}
	xmlSchemaFreeParserCtxt(pctx);
	xmlFreeDoc(doc);
	return s;
fail:
	if (pctx != NULL)
		xmlSchemaFreeParserCtxt(pctx);
	free(s);
	xmlFreeDoc(doc);
	return NULL;
}

void xschema_free(struct xschema *s)
{
	if (s == NULL)
		return;
	xmlSchemaFree(s->schema);
	free(s);
}

int xmlsafe_validate(struct xschema *s, xmlDocPtr doc, const char *name,
		     struct diag *d)
{
	xmlSchemaValidCtxtPtr v = xmlSchemaNewValidCtxt(s->schema);
	if (v == NULL) {
		diag_set(d, "%s: out of memory", name);
		return -1;
	}
	struct errsink sink = { name, d, 0 };
	xmlSchemaSetValidStructuredErrors(v, sink_error, &sink);
	int rc = xmlSchemaValidateDoc(v, doc);
	xmlSchemaFreeValidCtxt(v);
	if (rc != 0) {
		diag_set(d, "%s: does not match its schema", name);
		return -1;
	}
	return 0;
}

int xml_is(const xmlNode *n, const char *name)
{
	return n != NULL && n->type == XML_ELEMENT_NODE &&
	       strcmp((const char *)n->name, name) == 0;
}

const xmlNode *xml_next(const xmlNode *n, const char *name)
{
	for (n = n ? n->next : NULL; n != NULL; n = n->next)
		if (n->type == XML_ELEMENT_NODE &&
		    (name == NULL || strcmp((const char *)n->name, name) == 0))
			return n;
	return NULL;
}

const xmlNode *xml_first(const xmlNode *parent, const char *name)
{
	for (const xmlNode *n = parent->children; n != NULL; n = n->next)
		if (n->type == XML_ELEMENT_NODE &&
		    (name == NULL || strcmp((const char *)n->name, name) == 0))
			return n;
	return NULL;
}

char *xml_attr(const xmlNode *n, const char *name)
{
	return (char *)xmlGetProp(n, (const xmlChar *)name);
}

static int is_space(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

size_t xml_fold(const char *src, char *dst)
{
	size_t o = 0;
	int pending = 0;
	for (const unsigned char *p = (const unsigned char *)src; *p != '\0'; p++) {
		if (is_space(*p)) {
			pending = o > 0;
			continue;
		}
		if (pending)
			dst[o++] = ' ';
		pending = 0;
		dst[o++] = (char)*p;
	}
	dst[o] = '\0';
	return o;
}

const char *xml_only_text(const xmlNode *n)
{
	const xmlNode *t = n->children;
	return t != NULL && t->next == NULL && t->type == XML_TEXT_NODE && t->content != NULL ?
		(const char *)t->content : NULL;
}

char *xml_text(const xmlNode *n)
{
	xmlChar *raw = xmlNodeGetContent(n);
	if (raw == NULL)
		return NULL;
	char *out = malloc(strlen((const char *)raw) + 1);
	if (out != NULL)
		xml_fold((const char *)raw, out);
	xmlFree(raw);
	return out;
}
