// SPDX-License-Identifier: GPL-2.0
/*
 * The map's memory-map part is a list of lines:
 *
 *	.text    0xffffffff81000000   0x400100 load address 0x...   output
 *	 .text   0xffffffff81000480       0x13 arch/x86/kernel/head64.o
 *	                0xffffffff81000480  early_setup_idt         symbol
 *	 *fill*  0xffffffff8100047c        0x4                      padding
 *
 * An output section starts in column 0, an input section in column 1.
 * A name too long for its column is alone on its line, and its address
 * and size follow on the next.  Patterns (" *(.text)"), symbols and
 * assignments are skipped; padding is not listed here but found by the
 * caller as an output section's size minus its inputs.
 */
#include "ldmap.h"
#include "strtab.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_TOKS 4

/* Split line into at most MAX_TOKS whitespace-separated tokens. */
static int split(char *line, char **tok)
{
	int n = 0;
	char *p = line;

	while (n < MAX_TOKS) {
		while (*p == ' ' || *p == '\t')
			p++;
		if (!*p)
			break;
		tok[n++] = p;
		while (*p && *p != ' ' && *p != '\t')
			p++;
		if (*p)
			*p++ = '\0';
	}
	return n;
}

static int hexnum(const char *s, uint64_t *v)
{
	char *end;

	if (strncmp(s, "0x", 2))
		return 0;
	errno = 0;
	*v = strtoull(s + 2, &end, 16);
	return !errno && end != s + 2 && !*end;
}

/*
 * "lib/lib.a(ctype.o)" -> "lib/ctype.o" (a member named with a path is
 * kept as it is); anything else unchanged.
 */
static char *object_name(const char *f)
{
	const char *open = strchr(f, '(');
	size_t flen = strlen(f), dlen = 0, mlen;
	const char *member;
	char *s;

	if (!open || flen < 2 || f[flen - 1] != ')')
		return xstrdup(f);
	member = open + 1;
	mlen = (size_t)(f + flen - 1 - member);
	if (!memchr(member, '/', mlen))
		for (dlen = (size_t)(open - f); dlen && f[dlen - 1] != '/';)
			dlen--;
	s = xmalloc(dlen + mlen + 1);
	memcpy(s, f, dlen);
	memcpy(s + dlen, member, mlen);
	s[dlen + mlen] = '\0';
	return s;
}

static void add_out(struct ldmap *m, const char *name, uint64_t size)
{
	m->out = xrealloc(m->out, (m->nout + 1) * sizeof(*m->out));
	m->out[m->nout].name = xstrdup(name);
	m->out[m->nout].size = size;
	m->nout++;
}

static void add_in(struct ldmap *m, const char *file, uint64_t addr,
		   uint64_t size)
{
	/* Grow to the next power of two when full. */
	if (!(m->nin & (m->nin - 1)))
		m->in = xrealloc(m->in,
				 (m->nin ? m->nin * 2 : 1) * sizeof(*m->in));
	m->in[m->nin].out = m->nout - 1;
	m->in[m->nin].file = file ? object_name(file) : xstrdup("(linker)");
	m->in[m->nin].addr = addr;
	m->in[m->nin].size = size;
	m->nin++;
}

int ldmap_parse(const char *text, size_t len, struct ldmap *m, char *err,
		size_t errlen)
{
	const char *p = text, *end = text + len;
	char *pending_out = NULL;
	int pending_in = 0, started = 0, in_out = 0;
	char line[4096];

	memset(m, 0, sizeof(*m));
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
		char *tok[MAX_TOKS];
		uint64_t a, s;
		int nt, col0, col1;

		if (n >= sizeof(line))
			n = sizeof(line) -
			    1; /* a symbol list; never a header */
		memcpy(line, p, n);
		line[n] = '\0';
		p = nl ? nl + 1 : end;
		if (memchr(line, '\0', n)) {
			snprintf(err, errlen, "not a text file");
			goto fail;
		}
		if (!started) {
			started = !strcmp(line, "Linker script and memory map");
			continue;
		}
		col0 = line[0] && line[0] != ' ';
		col1 = line[0] == ' ' && line[1] && line[1] != ' ';
		nt = split(line, tok);
		if (!nt)
			continue;
		if (pending_out || pending_in) {
			/* The address and size of a long name on the next line. */
			if (!col0 && !col1 && nt >= 2 && hexnum(tok[0], &a) &&
			    hexnum(tok[1], &s)) {
				if (pending_out) {
					add_out(m, pending_out, s);
					in_out = 1;
				} else if (in_out) {
					add_in(m, nt >= 3 ? tok[2] : NULL, a,
					       s);
				}
			}
			free(pending_out);
			pending_out = NULL;
			pending_in = 0;
			if (!col0 && !col1)
				continue;
		}
		if (col0) {
			in_out = 0;
			if (nt >= 3 && hexnum(tok[1], &a) &&
			    hexnum(tok[2], &s)) {
				add_out(m, tok[0], s);
				in_out = 1;
			} else if (nt == 1 &&
				   (tok[0][0] == '.' || tok[0][0] == '_')) {
				pending_out = xstrdup(tok[0]);
			}
		} else if (col1 && in_out && tok[0][0] != '*') {
			if (nt >= 3 && hexnum(tok[1], &a) && hexnum(tok[2], &s))
				add_in(m, nt >= 4 ? tok[3] : NULL, a, s);
			else if (nt == 1)
				pending_in = 1;
		}
	}
	free(pending_out);
	if (!started) {
		snprintf(err, errlen, "not a GNU ld map (%s)",
			 "no \"Linker script and memory map\" line");
		goto fail;
	}
	if (!m->nout) {
		snprintf(err, errlen, "the map lists no output sections");
		goto fail;
	}
	return 0;
fail:
	ldmap_free(m);
	return -1;
}

void ldmap_free(struct ldmap *m)
{
	size_t i;

	for (i = 0; i < m->nout; i++)
		free(m->out[i].name);
	for (i = 0; i < m->nin; i++)
		free(m->in[i].file);
	free(m->out);
	free(m->in);
	memset(m, 0, sizeof(*m));
}
