// SPDX-License-Identifier: GPL-2.0
/*
 * System.map and serial-log readers for boottrace (see trace.h).
 */
#include "trace.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "strtab.h"

const char *const level_names[NR_LEVELS + 1] = {
	"early", "pure",   "core",   "postcore", "arch", "subsys",
	"fs",	 "rootfs", "device", "late",	 "?",
};

/*
 * The linker script's markers (include/asm-generic/vmlinux.lds.h): each
 * level's entries start at its marker; the last one ends them all.
 */
static const char *const level_markers[NR_LEVELS + 1] = {
	"__initcall_start",  "__initcall0_start",      "__initcall1_start",
	"__initcall2_start", "__initcall3_start",      "__initcall4_start",
	"__initcall5_start", "__initcallrootfs_start", "__initcall6_start",
	"__initcall7_start", "__initcall_end",
};

/* The suffix the initcall macros append to an entry's name, per level. */
static const char *const level_ids[NR_LEVELS] = {
	"early", "0", "1", "2", "3", "4", "5", "rootfs", "6", "7",
};

struct sortsym {
	struct ksym sym;
	size_t line;
};

static int cmp_sortsym(const void *a, const void *b)
{
	const struct sortsym *x = a, *y = b;

	if (x->sym.addr != y->sym.addr)
		return x->sym.addr < y->sym.addr ? -1 : 1;
	return x->line < y->line ? -1 : x->line > y->line;
}

static int cmp_call(const void *a, const void *b)
{
	const struct initcall_fn *x = a, *y = b;

	return strcmp(x->fn, y->fn);
}

static int ends_with(const char *s, size_t len, const char *suffix)
{
	size_t n = strlen(suffix);

	return len > n && !memcmp(s + len - n, suffix, n);
}

/*
 * "__initcall__kmod_MOD__COUNTER_LINE_FN" + level id (Linux 5.13 and
 * later), or "__initcall_FN" + level id (older): the function's name.
 */
static char *entry_fn(const char *name, enum level level)
{
	const char *p = name + strlen("__initcall_");
	size_t len;

	for (const char *q = strstr(p, "__"); q; q = strstr(q + 1, "__")) {
		const char *r = q + 2;

		if (!isdigit((unsigned char)*r))
			continue;
		while (isdigit((unsigned char)*r))
			r++;
		if (*r++ != '_' || !isdigit((unsigned char)*r))
			continue;
		while (isdigit((unsigned char)*r))
			r++;
		if (*r++ != '_')
			continue;
		p = r;
		break;
	}
	len = strlen(p);
	if (ends_with(p, len, "s") && level != LEVEL_EARLY &&
	    level != LEVEL_ROOTFS)
		len--;
	if (!ends_with(p, len, level_ids[level]))
		return NULL;
	len -= strlen(level_ids[level]);
	return xstrndup(p, len);
}

static void find_levels(struct symmap *m)
{
	uint64_t mark[NR_LEVELS + 1];
	size_t i, cap = 0;
	int l;

	for (l = 0; l <= NR_LEVELS; l++) {
		for (i = 0; i < m->nsyms; i++)
			if (!strcmp(m->syms[i].name, level_markers[l]))
				break;
		if (i == m->nsyms)
			return; /* not a kernel with initcall levels */
		mark[l] = m->syms[i].addr;
	}
	for (i = 0; i < m->nsyms; i++) {
		const struct ksym *s = &m->syms[i];
		char *fn;

		if (s->addr < mark[0] || s->addr >= mark[NR_LEVELS] ||
		    strncmp(s->name, "__initcall_", 11))
			continue;
		/* Empty levels share their marker's address with the next. */
		for (l = NR_LEVELS - 1; l > 0 && mark[l] > s->addr; l--)
			;
		fn = entry_fn(s->name, l);
		if (!fn)
			continue;
		if (m->ncalls == cap) {
			cap = cap ? 2 * cap : 256;
			m->calls = xrealloc(m->calls, cap * sizeof(*m->calls));
		}
		m->calls[m->ncalls].fn = fn;
		m->calls[m->ncalls++].level = l;
	}
	if (m->ncalls)
		qsort(m->calls, m->ncalls, sizeof(*m->calls), cmp_call);
}

static unsigned int hexval(char c)
{
	return isdigit((unsigned char)c) ? c - '0' :
					   tolower((unsigned char)c) - 'a' + 10;
}

int symmap_parse(const char *text, size_t len, struct symmap *m, char *err,
		 size_t errlen)
{
	struct sortsym *v = NULL;
	size_t n = 0, cap = 0, line = 0;
	const char *p = text, *end = text + len;

	memset(m, 0, sizeof(*m));
	while (p < end) {
		const char *eol = memchr(p, '\n', end - p);
		const char *q, *name;
		uint64_t addr = 0;
		int digits = 0;

		if (!eol)
			eol = end;
		line++;
		for (q = p; q < eol && isxdigit((unsigned char)*q); q++) {
			addr = addr << 4 | hexval(*q);
			digits++;
		}
		if (eol == p) {
			p = eol + 1;
			continue;
		}
		if (digits < 1 || digits > 16 || eol - q < 4 || q[0] != ' ' ||
		    !isgraph((unsigned char)q[1]) || q[2] != ' ' ||
		    q[3] == ' ') {
			snprintf(err, errlen, "line %zu: %s", line,
				 "not a System.map line (ADDRESS TYPE NAME)");
			for (size_t i = 0; i < n; i++)
				free(v[i].sym.name);
			free(v);
			return -1;
		}
		name = q + 3;
		if (n == cap) {
			cap = cap ? 2 * cap : 4096;
			v = xrealloc(v, cap * sizeof(*v));
		}
		v[n].sym.addr = addr;
		v[n].sym.name = xstrndup(name, eol - name);
		v[n].line = n;
		n++;
		p = eol + 1;
	}
	if (!n) {
		snprintf(err, errlen, "no symbols (an empty System.map)");
		free(v);
		return -1;
	}
	qsort(v, n, sizeof(*v), cmp_sortsym);
	m->syms = xmalloc(n * sizeof(*m->syms));
	for (size_t i = 0; i < n; i++)
		m->syms[i] = v[i].sym;
	m->nsyms = n;
	free(v);
	find_levels(m);
	return 0;
}

void symmap_free(struct symmap *m)
{
	for (size_t i = 0; i < m->nsyms; i++)
		free(m->syms[i].name);
	for (size_t i = 0; i < m->ncalls; i++)
		free(m->calls[i].fn);
	free(m->syms);
	free(m->calls);
	memset(m, 0, sizeof(*m));
}

const char *symmap_lookup(const struct symmap *m, uint64_t addr, uint64_t *off)
{
	size_t lo = 0, hi = m->nsyms, best;

	/* The last symbol whose address is <= addr. */
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (m->syms[mid].addr <= addr)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (!lo)
		return NULL;
	/*
	 * Of several names at that address, prefer one that does not start
	 * with "_" (a function rather than a linker-script marker).
	 */
	best = lo - 1;
	for (size_t i = lo - 1;; i--) {
		if (m->syms[i].name[0] != '_') {
			best = i;
			break;
		}
		if (!i || m->syms[i - 1].addr != m->syms[lo - 1].addr)
			break;
	}
	*off = addr - m->syms[best].addr;
	return m->syms[best].name;
}

enum level symmap_level(const struct symmap *m, const char *fn)
{
	struct initcall_fn key = { .fn = (char *)fn };
	const struct initcall_fn *c;

	if (!m->ncalls)
		return LEVEL_UNKNOWN;
	c = bsearch(&key, m->calls, m->ncalls, sizeof(*m->calls), cmp_call);
	return c ? c->level : LEVEL_UNKNOWN;
}

void bootlog_init(struct bootlog *b)
{
	memset(b, 0, sizeof(*b));
	for (int i = 0; i < NR_MILESTONES; i++)
		b->ts[i] = -1;
}

void bootlog_free(struct bootlog *b)
{
	for (size_t i = 0; i < b->ncalls; i++)
		free(b->calls[i].fn);
	for (size_t i = 0; i < b->nsearch; i++)
		free(b->search[i]);
	free(b->calls);
	free(b->search);
	bootlog_init(b);
}

static void milestone(struct bootlog *b, enum milestone ms, double ts)
{
	if (b->seen[ms] && ms != MS_LAST_INITCALL)
		return;
	b->seen[ms] = 1;
	b->ts[ms] = ts;
}

/* "0xffffffff81234560" or "name+0x0/0x40" (with KALLSYMS): a name. */
static char *call_name(const char *s, size_t len, const struct symmap *m)
{
	char buf[160];
	uint64_t addr, off;
	const char *name;
	char *end;

	if (len > 2 && s[0] == '0' && s[1] == 'x' && m) {
		addr = strtoull(s, &end, 16);
		name = end == s + len ? symmap_lookup(m, addr, &off) : NULL;
		if (name && !off)
			return xstrdup(name);
		if (name) {
			snprintf(buf, sizeof(buf), "%s+0x%llx", name,
				 (unsigned long long)off);
			return xstrdup(buf);
		}
	}
	end = memchr(s, '+', len);
	return xstrndup(s, end ? (size_t)(end - s) : len);
}

static void add_call(struct bootlog *b, const char *s, double ts,
		     const struct symmap *m)
{
	size_t len = strcspn(s, " ");
	struct call *c;

	if (!len)
		return;
	if (b->ncalls == b->cap) {
		b->cap = b->cap ? 2 * b->cap : 256;
		b->calls = xrealloc(b->calls, b->cap * sizeof(*b->calls));
	}
	c = &b->calls[b->ncalls++];
	c->fn = call_name(s, len, m);
	c->start = ts;
	c->usecs = -1;
	c->ret = 0;
	c->level = m ? symmap_level(m, c->fn) : LEVEL_UNKNOWN;
	milestone(b, MS_FIRST_INITCALL, ts);
}

/* "X returned R after N usecs": completes the newest open call to X. */
static void end_call(struct bootlog *b, const char *s, double ts,
		     const struct symmap *m)
{
	size_t len = strcspn(s, " ");
	char *fn = call_name(s, len, m);
	int ret;
	long long usecs;

	if (sscanf(s + len, " returned %d after %lld usecs", &ret, &usecs) ==
	    2) {
		for (size_t i = b->ncalls; i-- > 0;) {
			struct call *c = &b->calls[i];

			if (c->usecs < 0 && !strcmp(c->fn, fn)) {
				c->usecs = usecs;
				c->ret = ret;
				milestone(b, MS_LAST_INITCALL, ts);
				break;
			}
		}
	}
	free(fn);
}

static void add_search(struct bootlog *b, const char *msg)
{
	b->search = xrealloc(b->search, (b->nsearch + 1) * sizeof(*b->search));
	b->search[b->nsearch++] = xstrdup(msg);
}

/* The other milestones: a line that starts with (or holds) a text. */
static const struct {
	const char *text;
	int anywhere;
	enum milestone ms;
} texts[] = {
	{ "early console in setup code", 1, MS_SETUP },
	{ "console [ttyS0] enabled", 1, MS_CONSOLE },
	{ "Unpacking initramfs", 0, MS_UNPACK },
	{ "Freeing initrd memory", 0, MS_INITRD_FREED },
	{ "Freeing unused kernel image", 0, MS_FREE_INIT },
	{ "init: userspace up", 0, MS_USERSPACE },
};

void bootlog_line(struct bootlog *b, const char *line, const struct symmap *m)
{
	char buf[1024];
	const char *msg;
	double ts = -1;
	size_t len;
	char *end;

	/* A copy without the \r a serial console puts at the line's end. */
	while (*line == '\r')
		line++;
	len = strcspn(line, "\r\n");
	if (len >= sizeof(buf))
		len = sizeof(buf) - 1;
	memcpy(buf, line, len);
	buf[len] = '\0';
	msg = buf;
	if (buf[0] == '[') {
		ts = strtod(buf + 1, &end);
		if (end != buf + 1 && *end == ']') {
			msg = end + 1;
			msg += *msg == ' ';
		} else {
			ts = -1;
		}
	}

	if (!strncmp(msg, "calling  ", 9)) {
		add_call(b, msg + 9, ts, m);
	} else if (!strncmp(msg, "initcall ", 9)) {
		end_call(b, msg + 9, ts, m);
	} else if (!strncmp(msg, "Linux version ", 14)) {
		if (!b->seen[MS_BANNER])
			snprintf(b->version, sizeof(b->version), "%.*s",
				 (int)strcspn(msg + 14, " "), msg + 14);
		milestone(b, MS_BANNER, ts);
	} else if (!strncmp(msg, "Run ", 4) &&
		   strstr(msg, " as init process")) {
		milestone(b, MS_RUN_INIT, ts);
		snprintf(b->init, sizeof(b->init), "%.*s",
			 (int)strcspn(msg + 4, " "), msg + 4);
		add_search(b, msg);
	} else if (!strncmp(msg, "Failed to execute ", 18) ||
		   !strncmp(msg, "Starting init: ", 15)) {
		add_search(b, msg);
	} else {
		for (size_t i = 0; i < ARRAY_SIZE(texts); i++)
			if (texts[i].anywhere ? !!strstr(msg, texts[i].text) :
						!strncmp(msg, texts[i].text,
							 strlen(texts[i].text)))
				milestone(b, texts[i].ms, ts);
	}
}

long long bootlog_initcall_usecs(const struct bootlog *b)
{
	long long sum = 0;

	for (size_t i = 0; i < b->ncalls; i++)
		if (b->calls[i].usecs > 0)
			sum += b->calls[i].usecs;
	return sum;
}
