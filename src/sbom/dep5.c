// SPDX-License-Identifier: GPL-2.0
/*
 * dep5: a machine-readable debian/copyright, read for an SPDX document
 * (dep5.h).  Why our own: Debian's parsers of this format are Python
 * (python3-debian's copyright module) and Perl (Dpkg, licensecheck); our
 * programs are C, and the format is a few dozen lines of RFC 822-like
 * paragraphs.
 */
#define _GNU_SOURCE
#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "dep5.h"

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

static void seterr(char *err, size_t errlen, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(err, errlen, fmt, ap);
	va_end(ap);
}

static void *xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (!p) {
		fputs("dep5: out of memory\n", stderr);
		exit(1);
	}
	return p;
}

static char *xstrdup(const char *s)
{
	return strcpy(xrealloc(NULL, strlen(s) + 1), s);
}

static char *xstrndup(const char *s, size_t n)
{
	char *r = xrealloc(NULL, n + 1);

	memcpy(r, s, n);
	r[n] = '\0';
	return r;
}

/* A growing string. */
struct buf {
	char *s;
	size_t len, cap;
};

static void buf_add(struct buf *b, const char *s, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		b->cap = (b->len + n + 1) * 2;
		b->s = xrealloc(b->s, b->cap);
	}
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
}

static void buf_str(struct buf *b, const char *s)
{
	buf_add(b, s, strlen(s));
}

static char *buf_take(struct buf *b)
{
	char *s = b->s ? b->s : xstrdup("");

	b->s = NULL;
	b->len = 0;
	b->cap = 0;
	return s;
}

static char *trim(char *s)
{
	char *e;

	while (*s == ' ' || *s == '\t')
		s++;
	e = s + strlen(s);
	while (e > s && isspace((unsigned char)e[-1]))
		*--e = '\0';
	return s;
}

int dep5_map_load(struct dep5_map *m, const char *path, char *err,
		  size_t errlen)
{
	FILE *f = fopen(path, "r");
	char line[512], *p, *deb, *id;
	int lineno = 0;

	memset(m, 0, sizeof(*m));
	if (!f) {
		seterr(err, errlen, "%s: %s", path, strerror(errno));
		return -1;
	}
	while (fgets(line, sizeof(line), f)) {
		lineno++;
		p = strchr(line, '#');
		if (p)
			*p = '\0';
		deb = strtok(line, " \t\r\n");
		if (!deb)
			continue;
		id = strtok(NULL, " \t\r\n");
		if (!id || strtok(NULL, " \t\r\n")) {
			seterr(err, errlen,
			       "%s:%d: want \"DEBIAN-NAME SPDX-ID\"", path,
			       lineno);
			fclose(f);
			dep5_map_free(m);
			return -1;
		}
		m->debian = xrealloc(m->debian, (m->n + 1) * sizeof(char *));
		m->spdx = xrealloc(m->spdx, (m->n + 1) * sizeof(char *));
		m->debian[m->n] = xstrdup(deb);
		m->spdx[m->n] = xstrdup(id);
		m->n++;
	}
	fclose(f);
	return 0;
}

static char *licref(const char *name)
{
	struct buf b = { 0 };
	const char *p;

	buf_str(&b, "LicenseRef-");
	for (p = name; *p; p++) {
		char c = isalnum((unsigned char)*p) || *p == '.' || *p == '-' ?
				 *p :
				 '-';

		if (*p == '+')
			buf_str(&b, "plus");
		else
			buf_add(&b, &c, 1);
	}
	return buf_take(&b);
}

char *dep5_map_name(const struct dep5_map *m, const char *name)
{
	size_t i;

	for (i = 0; m && i < m->n; i++)
		if (!strcasecmp(m->debian[i], name))
			return xstrdup(m->spdx[i]);
	return licref(name);
}

static int is_op(const char *t)
{
	return !strcasecmp(t, "and") || !strcasecmp(t, "or") ||
	       !strcasecmp(t, "with");
}

char *dep5_expr(const struct dep5_map *m, const char *expr, char *err,
		size_t errlen)
{
	char *copy = xstrdup(expr), *tok[256], *p, *save = NULL;
	struct buf out = { 0 };
	size_t n = 0, i, j;

	for (p = strtok_r(copy, " \t\n,", &save); p;
	     p = strtok_r(NULL, " \t\n,", &save)) {
		if (n == ARRAY_SIZE(tok)) {
			seterr(err, errlen,
			       "license expression too long: %.60s", expr);
			free(copy);
			return NULL;
		}
		tok[n++] = p;
	}
	if (!n) {
		seterr(err, errlen, "empty license expression");
		free(copy);
		return NULL;
	}
	for (i = 0; i < n; i++) {
		char *id, *tail = "";
		size_t len;

		if (out.len)
			buf_str(&out, " ");
		if (!strcasecmp(tok[i], "and") || !strcasecmp(tok[i], "or")) {
			buf_str(&out,
				!strcasecmp(tok[i], "and") ? "AND" : "OR");
			continue;
		}
		/* Parentheses stay as they are, around the names. */
		while (*tok[i] == '(') {
			buf_str(&out, "(");
			tok[i]++;
		}
		len = strlen(tok[i]);
		while (len && tok[i][len - 1] == ')') {
			len--;
			tail = ")";
		}
		tok[i][len] = '\0';
		if (i + 1 < n && !strcasecmp(tok[i + 1], "with")) {
			/* "NAME with WORDS... exception": the exception's
			 * name is its words joined by '-'; a pair the table
			 * does not know becomes one LicenseRef.
			 */
			struct buf ex = { 0 }, whole = { 0 };
			char *lic, *exid;

			for (j = i + 2; j < n && !is_op(tok[j]); j++) {
				if (ex.len)
					buf_str(&ex, "-");
				buf_str(&ex, tok[j]);
			}
			if (!ex.len) {
				seterr(err, errlen,
				       "\"with\" and no exception in: %.60s",
				       expr);
				free(copy);
				free(out.s);
				return NULL;
			}
			lic = dep5_map_name(m, tok[i]);
			exid = dep5_map_name(m, ex.s);
			if (strncmp(exid, "LicenseRef-", 11) &&
			    strncmp(lic, "LicenseRef-", 11)) {
				buf_str(&out, lic);
				buf_str(&out, " WITH ");
				buf_str(&out, exid);
			} else {
				buf_str(&whole, tok[i]);
				buf_str(&whole, "-with-");
				buf_str(&whole, ex.s);
				id = licref(whole.s);
				buf_str(&out, id);
				free(id);
				free(whole.s);
			}
			free(lic);
			free(exid);
			free(ex.s);
			i = j - 1;
			buf_str(&out, tail);
			continue;
		}
		id = dep5_map_name(m, tok[i]);
		buf_str(&out, id);
		buf_str(&out, tail);
		free(id);
	}
	free(copy);
	return buf_take(&out);
}

/* One paragraph: its fields, in order. */
struct field {
	char *name, *value; /* value: first line, then "\n" + each more */
};

struct para {
	size_t n;
	struct field *f;
};

static const char *field(const struct para *p, const char *name)
{
	size_t i;

	for (i = 0; i < p->n; i++)
		if (!strcasecmp(p->f[i].name, name))
			return p->f[i].value;
	return NULL;
}

static size_t parse_paras(const char *text, struct para **out)
{
	struct para *ps = NULL, *cur = NULL;
	size_t np = 0;
	const char *l = text;

	while (*l) {
		const char *e = strchr(l, '\n');
		size_t len = e ? (size_t)(e - l) : strlen(l);
		char *line = xstrndup(l, len), *t = trim(line);

		l += len + (e ? 1 : 0);
		if (!*t) {
			cur = NULL;
		} else if (line[0] == '#') {
			/* a comment */
		} else if ((line[0] == ' ' || line[0] == '\t') && cur &&
			   cur->n) {
			struct field *f = &cur->f[cur->n - 1];
			struct buf b = { f->value, strlen(f->value),
					 strlen(f->value) + 1 };

			buf_str(&b, "\n");
			buf_str(&b, strcmp(t, ".") ? t : "");
			f->value = b.s;
		} else if (strchr(line, ':') && line[0] != ' ' &&
			   line[0] != '\t') {
			char *c = strchr(line, ':');

			if (!cur) {
				ps = xrealloc(ps, (np + 1) * sizeof(*ps));
				cur = &ps[np++];
				memset(cur, 0, sizeof(*cur));
			}
			*c = '\0';
			cur->f = xrealloc(cur->f,
					  (cur->n + 1) * sizeof(*cur->f));
			cur->f[cur->n].name = xstrdup(trim(line));
			cur->f[cur->n].value = xstrdup(trim(c + 1));
			cur->n++;
		}
		free(line);
	}
	*out = ps;
	return np;
}

static void free_paras(struct para *ps, size_t np)
{
	size_t i, j;

	for (i = 0; i < np; i++) {
		for (j = 0; j < ps[i].n; j++) {
			free(ps[i].f[j].name);
			free(ps[i].f[j].value);
		}
		free(ps[i].f);
	}
	free(ps);
}

/* Adds each line of LINES not yet in B (a "\n"-separated list). */
static void add_lines(struct buf *b, const char *lines)
{
	char *copy = xstrdup(lines), *save = NULL, *l;

	for (l = strtok_r(copy, "\n", &save); l;
	     l = strtok_r(NULL, "\n", &save)) {
		char *t = trim(l);
		const char *hit;
		size_t tl = strlen(t);
		int seen = 0;

		if (!*t)
			continue;
		for (hit = b->s; hit && (hit = strstr(hit, t)); hit += tl) {
			if ((hit == b->s || hit[-1] == '\n') &&
			    (hit[tl] == '\n' || !hit[tl])) {
				seen = 1;
				break;
			}
		}
		if (seen)
			continue;
		if (b->len)
			buf_str(b, "\n");
		buf_str(b, t);
	}
	free(copy);
}

static void add_text(struct dep5 *d, const char *id, const char *name,
		     const char *text)
{
	size_t i;

	for (i = 0; i < d->ntexts; i++)
		if (!strcmp(d->texts[i].id, id))
			return;
	d->texts = xrealloc(d->texts, (d->ntexts + 1) * sizeof(*d->texts));
	d->texts[d->ntexts].id = xstrdup(id);
	d->texts[d->ntexts].name = xstrdup(name);
	d->texts[d->ntexts].text = xstrdup(text);
	d->ntexts++;
}

/* Files: patterns all under debian/: the packaging's own paragraph. */
static int debian_only(const char *files)
{
	char *copy = xstrdup(files), *save = NULL, *p;
	int only = 1;

	for (p = strtok_r(copy, " \t\n", &save); p;
	     p = strtok_r(NULL, " \t\n", &save))
		if (strncmp(p, "debian/", 7))
			only = 0;
	free(copy);
	return only;
}

/* A License field: "NAME\nTEXT...": the text of NAME when it is one name. */
/*
 * A License field: "NAME\nTEXT...": the text of what NAME stands for,
 * when that is one license ("GPL-3+ with Bison exception", which no SPDX
 * identifier names, is one LicenseRef).
 */
static void license_text(struct dep5 *d, const struct dep5_map *m,
			 const char *value)
{
	const char *nl = strchr(value, '\n');
	char *raw, *name, *id, err[64];

	if (!nl || !nl[1])
		return;
	raw = xstrndup(value, (size_t)(nl - value));
	name = trim(raw);
	id = *name ? dep5_expr(m, name, err, sizeof(err)) : NULL;
	if (id && !strchr(id, ' '))
		add_text(d, id, name, nl + 1);
	free(id);
	free(raw);
}

int dep5_parse(struct dep5 *d, const struct dep5_map *m, const char *pkg,
	       const char *text, char *err, size_t errlen)
{
	struct para *ps;
	size_t np, i;
	struct buf decl = { 0 }, copy = { 0 };
	char *exprs[128];
	size_t nexpr = 0;

	memset(d, 0, sizeof(*d));
	np = parse_paras(text, &ps);
	d->machine_readable = np && !!field(&ps[0], "Format");
	if (!d->machine_readable) {
		char *all = xstrdup(text), *save = NULL, *l, *name;
		struct buf nb = { 0 };

		for (l = strtok_r(all, "\n", &save); l;
		     l = strtok_r(NULL, "\n", &save))
			if (strcasestr(l, "copyright") &&
			    strpbrk(l, "0123456789"))
				add_lines(&copy, l);
		free(all);
		buf_str(&nb, pkg);
		buf_str(&nb, "-debian-copyright");
		d->declared = licref(nb.s);
		name = xstrdup(nb.s);
		add_text(d, d->declared, name, text);
		free(name);
		free(nb.s);
		d->copyright = copy.s;
		free_paras(ps, np);
		return 0;
	}
	for (i = 0; i < np; i++) {
		const char *files = field(&ps[i], "Files");
		const char *lic = field(&ps[i], "License");
		const char *cr = field(&ps[i], "Copyright");
		char *first, *e;
		size_t k;
		int dup = 0;

		if (!lic || i == 0)
			continue;
		license_text(d, m, lic);
		if (!files || debian_only(files))
			continue;
		if (cr)
			add_lines(&copy, cr);
		first = xstrndup(lic, strcspn(lic, "\n"));
		if (!*first && lic[0] == '\n' && lic[1]) {
			/* No name, only a text: a license of its own. */
			struct buf nb = { 0 };
			char num[24];

			snprintf(num, sizeof(num), "-%zu", i);
			buf_str(&nb, pkg);
			buf_str(&nb, num);
			e = licref(nb.s);
			add_text(d, e, nb.s, lic + 1);
			free(nb.s);
		} else {
			e = dep5_expr(m, first, err, errlen);
		}
		free(first);
		if (!e)
			goto fail;
		/* "A AND B" adds A and B, each once; an expression with a
		 * choice or an exception in it is added whole.
		 */
		if (!strstr(e, " OR ") && !strstr(e, " WITH ") &&
		    !strchr(e, '(')) {
			char *save2 = NULL, *part;

			for (part = strtok_r(e, " ", &save2); part;
			     part = strtok_r(NULL, " ", &save2)) {
				if (!strcmp(part, "AND"))
					continue;
				for (dup = 0, k = 0; k < nexpr; k++)
					if (!strcmp(exprs[k], part))
						dup = 1;
				if (!dup && nexpr < ARRAY_SIZE(exprs))
					exprs[nexpr++] = xstrdup(part);
			}
			free(e);
			continue;
		}
		for (k = 0; k < nexpr; k++)
			if (!strcmp(exprs[k], e))
				dup = 1;
		if (dup || nexpr == ARRAY_SIZE(exprs)) {
			free(e);
			continue;
		}
		exprs[nexpr++] = e;
	}
	for (i = 0; i < nexpr; i++) {
		int paren = nexpr > 1 && (strstr(exprs[i], " OR ") ||
					  strstr(exprs[i], " WITH "));

		if (decl.len)
			buf_str(&decl, " AND ");
		buf_str(&decl, paren ? "(" : "");
		buf_str(&decl, exprs[i]);
		buf_str(&decl, paren ? ")" : "");
		free(exprs[i]);
	}
	d->declared = decl.s ? decl.s : xstrdup("NOASSERTION");
	d->copyright = copy.s;
	free_paras(ps, np);
	return 0;
fail:
	for (i = 0; i < nexpr; i++)
		free(exprs[i]);
	free(decl.s);
	free(copy.s);
	free_paras(ps, np);
	dep5_free(d);
	return -1;
}

const char *dep5_text(const struct dep5 *d, const char *id)
{
	size_t i;

	for (i = 0; i < d->ntexts; i++)
		if (!strcmp(d->texts[i].id, id))
			return d->texts[i].text;
	return NULL;
}

void dep5_free(struct dep5 *d)
{
	size_t i;

	for (i = 0; i < d->ntexts; i++) {
		free(d->texts[i].id);
		free(d->texts[i].name);
		free(d->texts[i].text);
	}
	free(d->texts);
	free(d->declared);
	free(d->copyright);
	memset(d, 0, sizeof(*d));
}

void dep5_map_free(struct dep5_map *m)
{
	size_t i;

	for (i = 0; i < m->n; i++) {
		free(m->debian[i]);
		free(m->spdx[i]);
	}
	free(m->debian);
	free(m->spdx);
	memset(m, 0, sizeof(*m));
}
