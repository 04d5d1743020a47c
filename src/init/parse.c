// SPDX-License-Identifier: GPL-2.0
/*
 * Pure parsing helpers of tinyinit; see parse.h.
 */
#include "parse.h"

#include <arpa/inet.h>
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void tl_net_default(struct tl_net *net)
{
	memset(net, 0, sizeof(*net));
	strcpy(net->iface, "eth0");
	inet_pton(AF_INET, "10.0.2.15", &net->addr);
	inet_pton(AF_INET, "255.255.255.0", &net->mask);
	inet_pton(AF_INET, "10.0.2.2", &net->gw);
}

int tl_prefix_to_mask(const char *s, struct in_addr *mask)
{
	char *end;
	long n;

	if (!isdigit((unsigned char)*s))
		return -1;
	n = strtol(s, &end, 10);
	if (*end || n < 0 || n > 32)
		return -1;
	mask->s_addr = n ? htonl(0xffffffffu << (32 - n)) : 0;
	return 0;
}

int tl_mask_to_prefix(struct in_addr mask)
{
	unsigned int m = ntohl(mask.s_addr);
	int n = 0;

	while (m & 0x80000000u) {
		m <<= 1;
		n++;
	}
	return m ? -1 : n;
}

/* ADDR or ADDR/PREFIX; the mask is only set when a prefix is given. */
static int parse_addr(const char *s, struct in_addr *addr, struct in_addr *mask,
		      int *has_mask)
{
	char tmp[32];
	char *slash;

	if (strlen(s) >= sizeof(tmp))
		return -1;
	strcpy(tmp, s);
	*has_mask = 0;
	slash = strchr(tmp, '/');
	if (slash) {
		*slash = '\0';
		if (tl_prefix_to_mask(slash + 1, mask))
			return -1;
		*has_mask = 1;
	}
	return inet_pton(AF_INET, tmp, addr) == 1 ? 0 : -1;
}

int tl_parse_ip(const char *s, struct tl_net *net)
{
	struct tl_net n = *net;
	char field[7][TL_HOSTSIZ];
	int has_mask, i = 0;
	const char *p = s;

	if (!strcmp(s, "off") || !strcmp(s, "none")) {
		net->off = 1;
		net->dhcp = 0;
		return 0;
	}
	if (!strcmp(s, "dhcp")) {
		net->off = 0;
		net->dhcp = 1;
		return 0;
	}
	memset(field, 0, sizeof(field));
	for (;;) {
		const char *colon = strchr(p, ':');
		size_t l = colon ? (size_t)(colon - p) : strlen(p);

		if (i >= 7 || l >= TL_HOSTSIZ)
			return -1;
		memcpy(field[i++], p, l);
		if (!colon)
			break;
		p = colon + 1;
	}
	/* field: 0 client, 1 server, 2 gw, 3 netmask, 4 host, 5 dev, 6 auto */
	if (!field[0][0] || parse_addr(field[0], &n.addr, &n.mask, &has_mask))
		return -1;
	if (field[2][0] && inet_pton(AF_INET, field[2], &n.gw) != 1)
		return -1;
	if (field[3][0]) {
		if (inet_pton(AF_INET, field[3], &n.mask) != 1 ||
		    tl_mask_to_prefix(n.mask) < 0)
			return -1;
	}
	if (field[4][0])
		strcpy(n.hostname, field[4]);
	if (field[5][0]) {
		if (strlen(field[5]) >= TL_IFNAMSIZ)
			return -1;
		strcpy(n.iface, field[5]);
	}
	if (field[6][0] && strcmp(field[6], "off") && strcmp(field[6], "none"))
		return -1; /* only the plain "ip=dhcp" form asks for DHCP */
	n.off = 0;
	n.dhcp = 0;
	*net = n;
	return 0;
}

static int copy_value(const char *v, size_t vlen, char *buf, size_t len)
{
	if (vlen >= len)
		return -1;
	memcpy(buf, v, vlen);
	buf[vlen] = '\0';
	return 1;
}

int tl_cmdline_get(const char *cmdline, const char *key, char *buf, size_t len)
{
	size_t klen = strlen(key);
	const char *p = cmdline;
	int found = 0;

	while (*p) {
		const char *w, *v;
		size_t wlen;
		int quoted = 0;

		while (*p == ' ' || *p == '\t' || *p == '\n')
			p++;
		if (!*p)
			break;
		w = p;
		while (*p &&
		       (quoted || (*p != ' ' && *p != '\t' && *p != '\n'))) {
			if (*p == '"')
				quoted = !quoted;
			p++;
		}
		wlen = p - w;
		if (wlen <= klen || strncmp(w, key, klen) || w[klen] != '=')
			continue;
		v = w + klen + 1;
		wlen -= klen + 1;
		if (wlen >= 2 && v[0] == '"' && v[wlen - 1] == '"') {
			v++;
			wlen -= 2;
		}
		found = copy_value(v, wlen, buf, len);
		if (found < 0)
			return -1;
	}
	return found;
}

int tl_conf_get(const char *text, const char *key, char *buf, size_t len)
{
	size_t klen = strlen(key);
	const char *p = text;
	int found = 0;

	while (*p) {
		const char *eol = strchr(p, '\n');
		const char *e = eol ? eol : p + strlen(p);
		const char *hash = memchr(p, '#', e - p);
		const char *v, *ve;

		if (hash)
			e = hash;
		while (p < e && isspace((unsigned char)*p))
			p++;
		if ((size_t)(e - p) > klen && !strncmp(p, key, klen)) {
			v = p + klen;
			while (v < e && (*v == ' ' || *v == '\t'))
				v++;
			if (v < e && *v == '=') {
				v++;
				while (v < e && isspace((unsigned char)*v))
					v++;
				ve = e;
				while (ve > v && isspace((unsigned char)ve[-1]))
					ve--;
				found = copy_value(v, ve - v, buf, len);
				if (found < 0)
					return -1;
			}
		}
		if (!eol)
			break;
		p = eol + 1;
	}
	return found;
}

int tl_mount_point(const char *line, char *buf, size_t len)
{
	const char *p = strchr(line, ' ');
	size_t o = 0;

	if (!p || !len)
		return -1;
	for (p++; *p && *p != ' ' && *p != '\n'; p++) {
		char c = *p;

		if (c == '\\') {
			if (p[1] < '0' || p[1] > '3' || p[2] < '0' ||
			    p[2] > '7' || p[3] < '0' || p[3] > '7')
				return -1;
			c = (char)((p[1] - '0') * 64 + (p[2] - '0') * 8 +
				   (p[3] - '0'));
			p += 3;
		}
		if (o + 1 >= len)
			return -1;
		buf[o++] = c;
	}
	if (!o)
		return -1;
	buf[o] = '\0';
	return 0;
}

void tl_format_time(char *buf, size_t len, long sec, long nsec)
{
	snprintf(buf, len, "%ld.%02ld", sec, nsec / 10000000);
}

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

int tl_initctl_request(const char *buf)
{
	static const struct {
		const char *word;
		int req;
	} reqs[] = { { "poweroff", TL_REQ_POWEROFF },
		     { "reboot", TL_REQ_REBOOT },
		     { "halt", TL_REQ_HALT } };
	size_t i, len = strcspn(buf, " \t\r\n");

	for (i = 0; i < ARRAY_SIZE(reqs); i++)
		if (len == strlen(reqs[i].word) &&
		    !strncmp(buf, reqs[i].word, len))
			return reqs[i].req;
	return TL_REQ_NONE;
}

long tl_group_gid(const char *text, const char *name)
{
	size_t nlen = strlen(name);
	const char *line = text;

	while (line && *line) {
		/* NAME:PASSWORD:GID:MEMBERS, both colons on this line */
		const char *nl = strchr(line, '\n');
		const char *p = strchr(line, ':');
		const char *gidp = p ? strchr(p + 1, ':') : NULL;

		if (nl && gidp > nl)
			gidp = NULL;
		if (gidp && (size_t)(p - line) == nlen &&
		    !strncmp(line, name, nlen)) {
			char *end;
			unsigned long gid = strtoul(gidp + 1, &end, 10);

			if (end != gidp + 1 && strchr(":\n", *end) &&
			    gid <= 0x7fffffff)
				return (long)gid;
			return -1;
		}
		line = nl ? nl + 1 : NULL;
	}
	return -1;
}
