// SPDX-License-Identifier: GPL-2.0
/*
 * tlsbom: an image's SPDX 2.3 document (JSON) from a description that
 * make writes (mk/sbom.mk, docs/sbom.md).
 *
 *   tlsbom SPEC OUTPUT
 *
 * SPEC has one record per line, its fields separated by tabs ("-" for
 * none); IDs are SPDX identifiers without "SPDXRef-":
 *
 *   document	NAME	NAMESPACE	CREATED
 *   creator	TEXT			("Tool: ...", "Organization: ...")
 *   licensemap	FILE			Debian's license names -> SPDX
 *   package	ID NAME VERSION SUPPLIER DOWNLOAD SHA256 LICENSE COPYRIGHT
 *		PURL CPE PURPOSE COMMENT
 *   licensetext	LICENSEREF	FILE	the text of a LicenseRef- of ours
 *   verification	ID	CODE		the package's files were analysed
 *   file	ID	NAME	SHA1	SHA256	COMMENT
 *   rel	ID	TYPE	ID		(DOCUMENT: the document itself)
 *
 * A package's LICENSE is the license we concluded (packages/NAME/NAME.mk);
 * COPYRIGHT is its debian/copyright, which gives the declared license and
 * the copyright text (dep5.h), or "-" for our own parts.  Every LicenseRef-
 * either expression names must have a text (debian/copyright's, or a
 * licensetext record); a record that refers to an ID nobody declared, an ID
 * declared twice, a field that is missing: one line on stderr, exit 1, and
 * no OUTPUT (it is written as OUTPUT.tmp and renamed).
 *
 * Why our own: the SPDX tools that write documents (tools-python,
 * tools-java, syft's) are not in Debian 12 nor on npm, and what goes in
 * the document is what our build knows (its packages, parts and files),
 * not what a scanner can guess from the image.
 */
#define _GNU_SOURCE
#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "dep5.h"

static const char *spec_path;
static int spec_line;
static char *tmp_path;

static void __attribute__((noreturn, format(printf, 1, 2)))
die(const char *fmt, ...)
{
	va_list ap;

	if (tmp_path)
		unlink(tmp_path);
	fputs("tlsbom: ", stderr);
	if (spec_line)
		fprintf(stderr, "%s:%d: ", spec_path, spec_line);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(1);
}

static void *xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (!p)
		die("out of memory");
	return p;
}

static char *xstrdup(const char *s)
{
	return strcpy(xrealloc(NULL, strlen(s) + 1), s);
}

static char *read_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	char *s = NULL;
	size_t len = 0, n;
	char chunk[65536];

	if (!f)
		die("%s: %s", path, strerror(errno));
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0) {
		s = xrealloc(s, len + n + 1);
		memcpy(s + len, chunk, n);
		len += n;
	}
	if (ferror(f))
		die("%s: read error", path);
	fclose(f);
	s = xrealloc(s, len + 1);
	s[len] = '\0';
	if (strlen(s) != len)
		die("%s: holds a NUL byte: not a text", path);
	return s;
}

struct pkg {
	char *id, *name, *version, *supplier, *download, *sha256;
	char *concluded, *copyright_file, *purl, *cpe, *purpose, *comment;
	char *verification;
	struct dep5 dep5;
};

struct file {
	char *id, *name, *sha1, *sha256, *comment;
};

struct rel {
	char *a, *type, *b;
};

struct text {
	char *id, *name, *text;
};

static char *doc_name, *doc_ns, *doc_created;
static char **creators;
static size_t ncreators;
static struct pkg *pkgs;
static size_t npkgs;
static struct file *files;
static size_t nfiles;
static struct rel *rels;
static size_t nrels;
static struct text *texts; /* every LicenseRef's text, by first use */
static size_t ntexts;
static struct dep5_map licmap;

/* IDs: every package's and file's, to check references and doubles. */
static char **ids;
static size_t nids;

static int valid_id(const char *s)
{
	if (!*s)
		return 0;
	for (; *s; s++)
		if (!isalnum((unsigned char)*s) && *s != '.' && *s != '-')
			return 0;
	return 1;
}

static int known_id(const char *id)
{
	size_t i;

	if (!strcmp(id, "DOCUMENT"))
		return 1;
	for (i = 0; i < nids; i++)
		if (!strcmp(ids[i], id))
			return 1;
	return 0;
}

static void add_id(const char *id)
{
	if (!valid_id(id))
		die("ID \"%s\": an SPDX ID has letters, digits, '.' and '-' only",
		    id);
	if (known_id(id))
		die("ID \"%s\" is declared twice", id);
	ids = xrealloc(ids, (nids + 1) * sizeof(*ids));
	ids[nids++] = xstrdup(id);
}

/* "-" is no value. */
static char *opt(const char *s)
{
	return strcmp(s, "-") ? xstrdup(s) : NULL;
}

static void add_text(const char *id, const char *name, const char *text)
{
	size_t i;

	for (i = 0; i < ntexts; i++)
		if (!strcmp(texts[i].id, id))
			return;
	texts = xrealloc(texts, (ntexts + 1) * sizeof(*texts));
	texts[ntexts].id = xstrdup(id);
	texts[ntexts].name = xstrdup(name);
	texts[ntexts].text = xstrdup(text);
	ntexts++;
}

static const struct text *find_text(const char *id)
{
	size_t i;

	for (i = 0; i < ntexts; i++)
		if (!strcmp(texts[i].id, id))
			return &texts[i];
	return NULL;
}

static void record(char **f, int n)
{
	char err[256];

	if (!strcmp(f[0], "document")) {
		if (n != 4)
			die("document: want NAME NAMESPACE CREATED");
		doc_name = xstrdup(f[1]);
		doc_ns = xstrdup(f[2]);
		doc_created = xstrdup(f[3]);
	} else if (!strcmp(f[0], "creator")) {
		if (n != 2)
			die("creator: want TEXT");
		creators = xrealloc(creators, (ncreators + 1) * sizeof(char *));
		creators[ncreators++] = xstrdup(f[1]);
	} else if (!strcmp(f[0], "licensemap")) {
		if (n != 2)
			die("licensemap: want FILE");
		if (dep5_map_load(&licmap, f[1], err, sizeof(err)))
			die("%s", err);
	} else if (!strcmp(f[0], "package")) {
		struct pkg *p;

		if (n != 13)
			die("package: want 12 fields, not %d (tlsbom.c)",
			    n - 1);
		add_id(f[1]);
		pkgs = xrealloc(pkgs, (npkgs + 1) * sizeof(*pkgs));
		p = &pkgs[npkgs++];
		memset(p, 0, sizeof(*p));
		p->id = xstrdup(f[1]);
		p->name = xstrdup(f[2]);
		p->version = opt(f[3]);
		p->supplier = opt(f[4]);
		p->download = opt(f[5]);
		p->sha256 = opt(f[6]);
		if (!strcmp(f[7], "-"))
			die("package %s has no license: give NAME_LICENSE in packages/%s/%s.mk",
			    f[2], f[2], f[2]);
		p->concluded = xstrdup(f[7]);
		p->copyright_file = opt(f[8]);
		p->purl = opt(f[9]);
		p->cpe = opt(f[10]);
		p->purpose = opt(f[11]);
		p->comment = opt(f[12]);
		if (p->copyright_file) {
			char *text = read_file(p->copyright_file);
			size_t i;

			if (dep5_parse(&p->dep5, &licmap, p->name, text, err,
				       sizeof(err)))
				die("package %s: %s: %s", p->name,
				    p->copyright_file, err);
			for (i = 0; i < p->dep5.ntexts; i++)
				if (!strncmp(p->dep5.texts[i].id, "LicenseRef-",
					     11))
					add_text(p->dep5.texts[i].id,
						 p->dep5.texts[i].name,
						 p->dep5.texts[i].text);
			free(text);
		}
	} else if (!strcmp(f[0], "licensetext")) {
		char *text;

		if (n != 3 || strncmp(f[1], "LicenseRef-", 11))
			die("licensetext: want LicenseRef-ID FILE");
		text = read_file(f[2]);
		add_text(f[1], f[1] + 11, text);
		free(text);
	} else if (!strcmp(f[0], "verification")) {
		size_t i;

		if (n != 3)
			die("verification: want ID CODE");
		for (i = 0; i < npkgs && strcmp(pkgs[i].id, f[1]); i++)
			;
		if (i == npkgs)
			die("verification: no package %s (declare it first)",
			    f[1]);
		pkgs[i].verification = xstrdup(f[2]);
	} else if (!strcmp(f[0], "file")) {
		struct file *fl;

		if (n != 6)
			die("file: want ID NAME SHA1 SHA256 COMMENT");
		if (strlen(f[3]) != 40 || strlen(f[4]) != 64)
			die("file %s: the SHA1 and SHA256 must be 40 and 64 hex digits",
			    f[2]);
		add_id(f[1]);
		files = xrealloc(files, (nfiles + 1) * sizeof(*files));
		fl = &files[nfiles++];
		fl->id = xstrdup(f[1]);
		fl->name = xstrdup(f[2]);
		fl->sha1 = xstrdup(f[3]);
		fl->sha256 = xstrdup(f[4]);
		fl->comment = opt(f[5]);
	} else if (!strcmp(f[0], "rel")) {
		if (n != 4)
			die("rel: want ID TYPE ID");
		rels = xrealloc(rels, (nrels + 1) * sizeof(*rels));
		rels[nrels].a = xstrdup(f[1]);
		rels[nrels].type = xstrdup(f[2]);
		rels[nrels].b = xstrdup(f[3]);
		nrels++;
	} else {
		die("unknown kind of line \"%s\"", f[0]);
	}
}

static void read_spec(const char *path)
{
	FILE *in = fopen(path, "r");
	char *line = NULL, *f[16], *p;
	size_t cap = 0;
	ssize_t len;
	int n;

	if (!in)
		die("%s: %s", path, strerror(errno));
	spec_path = path;
	while ((len = getline(&line, &cap, in)) >= 0) {
		spec_line++;
		if (len && line[len - 1] == '\n')
			line[--len] = '\0';
		if (!*line || *line == '#')
			continue;
		n = 0;
		for (p = line; n < 16;) {
			f[n++] = p;
			p = strchr(p, '\t');
			if (!p)
				break;
			*p++ = '\0';
		}
		if (p)
			die("too many fields");
		record(f, n);
	}
	free(line);
	fclose(in);
	spec_line = 0;
}

/*
 * Every LicenseRef- of EXPR has a text.  The licenses we conclude must
 * (STRICT); one that a package's debian/copyright names without giving
 * its text (Debian's own packages do, for licenses of
 * /usr/share/common-licenses) gets a text that says so.
 */
static void check_refs(const struct pkg *p, const char *expr, int strict)
{
	const char *s = expr;

	while ((s = strstr(s, "LicenseRef-"))) {
		size_t n = 11;
		char id[256];

		while (isalnum((unsigned char)s[n]) || s[n] == '.' ||
		       s[n] == '-')
			n++;
		if (n >= sizeof(id))
			die("package %s: license ID too long", p->name);
		memcpy(id, s, n);
		id[n] = '\0';
		if (!find_text(id) && !strict) {
			char note[512];

			snprintf(note, sizeof(note), "%s%s%s",
				 "The debian/copyright of ", p->name,
				 " names this license without its text.");
			add_text(id, id + 11, note);
		}
		if (!find_text(id))
			die("package %s: license %s has no text (%s%s; %s/%s/%s.txt)",
			    p->name, id, "not in ",
			    p->copyright_file ? p->copyright_file :
						"a debian/copyright",
			    "give it as packages", p->name, id);
		s += n;
	}
}

static void check(void)
{
	size_t i;

	if (!doc_name)
		die("%s: no document record", spec_path);
	if (!ncreators)
		die("%s: no creator record", spec_path);
	for (i = 0; i < npkgs; i++) {
		check_refs(&pkgs[i], pkgs[i].concluded, 1);
		if (pkgs[i].copyright_file)
			check_refs(&pkgs[i], pkgs[i].dep5.declared, 0);
	}
	for (i = 0; i < nrels; i++) {
		if (!known_id(rels[i].a))
			die("relationship %s %s %s: no element %s", rels[i].a,
			    rels[i].type, rels[i].b, rels[i].a);
		if (!known_id(rels[i].b))
			die("relationship %s %s %s: no element %s", rels[i].a,
			    rels[i].type, rels[i].b, rels[i].b);
	}
}

/* JSON output: strings as UTF-8; a byte that is not UTF-8 (an old
 * debian/copyright in Latin-1) is taken as Latin-1.
 */
static FILE *out;

static size_t utf8_len(const unsigned char *s)
{
	size_t n, i;

	if (s[0] < 0x80)
		return 1;
	if ((s[0] & 0xe0) == 0xc0 && s[0] >= 0xc2)
		n = 2;
	else if ((s[0] & 0xf0) == 0xe0)
		n = 3;
	else if ((s[0] & 0xf8) == 0xf0 && s[0] <= 0xf4)
		n = 4;
	else
		return 0;
	for (i = 1; i < n; i++)
		if ((s[i] & 0xc0) != 0x80)
			return 0;
	return n;
}

static void jstr(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;

	fputc('"', out);
	while (*p) {
		size_t n = utf8_len(p);

		if (*p == '"' || *p == '\\') {
			fprintf(out, "\\%c", *p++);
		} else if (*p == '\n') {
			fputs("\\n", out);
			p++;
		} else if (*p == '\t') {
			fputs("\\t", out);
			p++;
		} else if (*p < 0x20 || *p == 0x7f) {
			fprintf(out, "\\u%04x", *p++);
		} else if (n > 0) {
			fwrite(p, 1, n, out);
			p += n;
		} else {
			fputc(0xc0 | (*p >> 6), out);
			fputc(0x80 | (*p & 0x3f), out);
			p++;
		}
	}
	fputc('"', out);
}

static void key(int indent, const char *k)
{
	fprintf(out, "%*s", indent, "");
	jstr(k);
	fputs(": ", out);
}

static void kv(int indent, const char *k, const char *v, int more)
{
	key(indent, k);
	jstr(v ? v : "NOASSERTION");
	fputs(more ? ",\n" : "\n", out);
}

static void write_pkg(const struct pkg *p, int last)
{
	const char *decl = p->copyright_file ? p->dep5.declared : p->concluded;
	char ref[300];

	fputs("    {\n", out);
	snprintf(ref, sizeof(ref), "SPDXRef-%s", p->id);
	kv(6, "SPDXID", ref, 1);
	kv(6, "name", p->name, 1);
	if (p->version)
		kv(6, "versionInfo", p->version, 1);
	if (p->supplier)
		kv(6, "supplier", p->supplier, 1);
	kv(6, "downloadLocation", p->download, 1);
	key(6, "filesAnalyzed");
	fputs(p->verification ? "true,\n" : "false,\n", out);
	if (p->verification) {
		key(6, "packageVerificationCode");
		fputs("{ \"packageVerificationCodeValue\": ", out);
		jstr(p->verification);
		fputs(" },\n", out);
	}
	if (p->sha256) {
		key(6, "checksums");
		fputs("[ { \"algorithm\": \"SHA256\", \"checksumValue\": ",
		      out);
		jstr(p->sha256);
		fputs(" } ],\n", out);
	}
	kv(6, "licenseConcluded", p->concluded, 1);
	kv(6, "licenseDeclared", decl, 1);
	kv(6, "copyrightText", p->copyright_file ? p->dep5.copyright : NULL, 1);
	if (p->purl || p->cpe) {
		key(6, "externalRefs");
		fputs("[\n", out);
		if (p->purl) {
			fputs("        { \"referenceCategory\": \"PACKAGE-MANAGER\", ",
			      out);
			fputs("\"referenceType\": \"purl\", \"referenceLocator\": ",
			      out);
			jstr(p->purl);
			fputs(p->cpe ? " },\n" : " }\n", out);
		}
		if (p->cpe) {
			fputs("        { \"referenceCategory\": \"SECURITY\", ",
			      out);
			fputs("\"referenceType\": \"cpe23Type\", \"referenceLocator\": ",
			      out);
			jstr(p->cpe);
			fputs(" }\n", out);
		}
		fputs("      ],\n", out);
	}
	if (p->comment)
		kv(6, "comment", p->comment, 1);
	if (p->purpose)
		kv(6, "primaryPackagePurpose", p->purpose, 0);
	else
		kv(6, "primaryPackagePurpose", "SOURCE", 0);
	fputs(last ? "    }\n" : "    },\n", out);
}

static void write_doc(void)
{
	size_t i;
	char ref[300];

	fputs("{\n", out);
	kv(2, "spdxVersion", "SPDX-2.3", 1);
	kv(2, "dataLicense", "CC0-1.0", 1);
	kv(2, "SPDXID", "SPDXRef-DOCUMENT", 1);
	kv(2, "name", doc_name, 1);
	kv(2, "documentNamespace", doc_ns, 1);
	key(2, "creationInfo");
	fputs("{\n", out);
	kv(4, "created", doc_created, 1);
	key(4, "creators");
	fputs("[ ", out);
	for (i = 0; i < ncreators; i++) {
		jstr(creators[i]);
		fputs(i + 1 < ncreators ? ", " : " ]\n", out);
	}
	fputs("  },\n", out);
	key(2, "packages");
	fputs("[\n", out);
	for (i = 0; i < npkgs; i++)
		write_pkg(&pkgs[i], i + 1 == npkgs);
	fputs("  ],\n", out);
	key(2, "files");
	fputs("[\n", out);
	for (i = 0; i < nfiles; i++) {
		const struct file *f = &files[i];

		fputs("    { \"SPDXID\": ", out);
		snprintf(ref, sizeof(ref), "SPDXRef-%s", f->id);
		jstr(ref);
		fputs(", \"fileName\": ", out);
		jstr(f->name);
		fputs(", \"checksums\": [ { \"algorithm\": \"SHA1\", \"checksumValue\": ",
		      out);
		jstr(f->sha1);
		fputs(" }, { \"algorithm\": \"SHA256\", \"checksumValue\": ",
		      out);
		jstr(f->sha256);
		fputs(" } ]", out);
		if (f->comment) {
			fputs(", \"comment\": ", out);
			jstr(f->comment);
		}
		fputs(i + 1 < nfiles ? " },\n" : " }\n", out);
	}
	fputs("  ],\n", out);
	key(2, "hasExtractedLicensingInfos");
	fputs("[\n", out);
	for (i = 0; i < ntexts; i++) {
		fputs("    { \"licenseId\": ", out);
		jstr(texts[i].id);
		fputs(", \"name\": ", out);
		jstr(texts[i].name);
		fputs(", \"extractedText\": ", out);
		jstr(texts[i].text);
		fputs(i + 1 < ntexts ? " },\n" : " }\n", out);
	}
	fputs("  ],\n", out);
	key(2, "relationships");
	fputs("[\n", out);
	for (i = 0; i < nrels; i++) {
		char b[300];

		snprintf(ref, sizeof(ref), "SPDXRef-%s", rels[i].a);
		snprintf(b, sizeof(b), "SPDXRef-%s", rels[i].b);
		fputs("    { \"spdxElementId\": ", out);
		jstr(ref);
		fputs(", \"relationshipType\": ", out);
		jstr(rels[i].type);
		fputs(", \"relatedSpdxElement\": ", out);
		jstr(b);
		fputs(i + 1 < nrels ? " },\n" : " }\n", out);
	}
	fputs("  ]\n}\n", out);
}

/* Only the LicenseRefs the document's expressions use are kept. */
static void prune_texts(void)
{
	size_t i, j, k = 0;

	for (i = 0; i < ntexts; i++) {
		int used = 0;

		for (j = 0; j < npkgs && !used; j++) {
			const char *d = pkgs[j].copyright_file ?
						pkgs[j].dep5.declared :
						"";
			const char *exprs[2] = { pkgs[j].concluded, d };
			int e;

			for (e = 0; e < 2 && !used; e++) {
				const char *s = exprs[e];
				size_t n = strlen(texts[i].id);

				while ((s = strstr(s, texts[i].id))) {
					if (!isalnum((unsigned char)s[n]) &&
					    s[n] != '.' && s[n] != '-') {
						used = 1;
						break;
					}
					s += n;
				}
			}
		}
		if (used) {
			texts[k++] = texts[i];
		} else {
			free(texts[i].id);
			free(texts[i].name);
			free(texts[i].text);
		}
	}
	ntexts = k;
}

int main(int argc, char **argv)
{
	size_t n;

	if (argc != 3) {
		fputs("usage: tlsbom SPEC OUTPUT (docs/sbom.md)\n", stderr);
		return 2;
	}
	read_spec(argv[1]);
	check();
	prune_texts();
	n = strlen(argv[2]) + 5;
	tmp_path = xrealloc(NULL, n);
	snprintf(tmp_path, n, "%s.tmp", argv[2]);
	out = fopen(tmp_path, "w");
	if (!out) {
		char *t = tmp_path;

		tmp_path = NULL;
		die("%s: %s", t, strerror(errno));
	}
	write_doc();
	if (fclose(out))
		die("%s: %s", tmp_path, strerror(errno));
	if (rename(tmp_path, argv[2]))
		die("%s: %s", argv[2], strerror(errno));
	return 0;
}
