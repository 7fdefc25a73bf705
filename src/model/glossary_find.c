/* glossary_find.c - the guideline's terms a text uses (glossary_find.h). */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "glossary_find.h"
#include "text.h"

size_t glossary_term_key(const struct cat_term *t)
{
	size_t k = strcspn(t->name, "(");
	const char *wide = strstr(t->name, "（");
	if (wide != NULL && (size_t)(wide - t->name) < k)
		k = (size_t)(wide - t->name);
	while (k > 0 && t->name[k - 1] == ' ')
		k--;
	return k;
}

/* Letters that run into a word: katakana (with ー, not the separator
 * ・) and Latin letters and digits.  Kanji and kana compounds have no
 * such edge, so a term made of them is found anywhere. */
static int word_letter(unsigned long cp)
{
	return (cp >= 0x30a1 && cp <= 0x30fa) || cp == 0x30fc ||
	       (cp < 0x80 && ((cp | 0x20) - 'a' < 26 || cp - '0' < 10));
}

/* The code point of the character that ends just before S + I. */
static unsigned long before(const char *s, size_t i)
{
	size_t j = i;
	while (j > 0 && ((unsigned char)s[j - 1] & 0xc0) == 0x80)
		j--;
	unsigned long cp = 0;
	if (j > 0 && text_utf8_len(s + j - 1, i - j + 1, &cp) == 0)
		cp = 0;
	return j > 0 ? cp : 0;
}

/* Is the term of KEY bytes at S + I a word of its own at its edges? */
static int whole(const char *s, size_t i, const char *key, size_t k)
{
	unsigned long first = 0, last = 0, next = 0;
	text_utf8_next(key, &first);
	last = before(key, k);
	if (s[i + k] != '\0')
		text_utf8_next(s + i + k, &next);
	return !(word_letter(first) && i > 0 && word_letter(before(s, i))) &&
	       !(word_letter(last) && word_letter(next));
}

static size_t chars(const char *s, size_t k)
{
	size_t n = 0;
	for (size_t i = 0; i < k; i++)
		n += ((unsigned char)s[i] & 0xc0) != 0x80;
	return n;
}

struct hit {
	size_t term, at, len;		/* len: characters of its key */
};

static int by_length(const void *a, const void *b)
{
	const struct hit *x = a, *y = b;
	if (x->len != y->len)
		return x->len > y->len ? -1 : 1;
	return x->at < y->at ? -1 : x->at > y->at;
}

/* The longest whole term at S + I, or nterms; *K gets its key's bytes. */
static size_t longest_at(const struct cat_guidance *g, const size_t *keys, const char *s,
			 size_t i, size_t *k)
{
	size_t best = g->nterms;
	*k = 0;
	for (size_t t = 0; t < g->nterms; t++)
		if (keys[t] > *k && strncmp(s + i, g->terms[t].name, keys[t]) == 0 &&
		    whole(s, i, g->terms[t].name, keys[t])) {
			best = t;
			*k = keys[t];
		}
	return best;
}

int glossary_find(const struct catalog *c, const char *text, size_t **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	const struct cat_guidance *g = c->guidance;
	if (g == NULL || g->nterms == 0 || text == NULL)
		return 0;
	size_t *keys = malloc(g->nterms * sizeof *keys);
	struct hit *hits = malloc(g->nterms * sizeof *hits);
	size_t nhits = 0;
	if (keys == NULL || hits == NULL) {
		free(keys);
		free(hits);
		return -1;
	}
	for (size_t t = 0; t < g->nterms; t++)
		keys[t] = glossary_term_key(&g->terms[t]);
	for (size_t i = 0; text[i] != '\0';) {
		size_t k, t = longest_at(g, keys, text, i, &k);
		if (t == g->nterms || k == 0) {
			size_t step = text_utf8_next(text + i, NULL);
			i += step ? step : 1;
			continue;
		}
		size_t h = 0;
		while (h < nhits && hits[h].term != t)
			h++;
		if (h == nhits)
			hits[nhits++] = (struct hit){ t, i, chars(g->terms[t].name, k) };
		i += k;		/* what lies inside it is not counted again */
	}
	free(keys);
	qsort(hits, nhits, sizeof *hits, by_length);
	if (nhits > 0 && (*out = malloc(nhits * sizeof **out)) == NULL) {
		free(hits);
		return -1;
	}
	for (size_t h = 0; h < nhits; h++)
		(*out)[h] = hits[h].term;
	*n = nhits;
	free(hits);
	return 0;
}
