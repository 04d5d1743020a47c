/* SPDX-License-Identifier: GPL-2.0 */
/*
 * dep5: what a Debian package's debian/copyright says, as SPDX.
 *
 * A machine-readable debian/copyright (DEP-5, "Format: https://www.debian.org/
 * doc/packaging-manuals/copyright-format/1.0/") names a license per group of
 * files, with Debian's short names (GPL-2+, BSD-3-clause, Expat...), and gives
 * the texts of the licenses it names.  dep5_parse() reads one, and gives:
 *   - the declared license of the software: the licenses of every Files
 *     paragraph but those of debian/ (the packaging, not in our binaries),
 *     each mapped to an SPDX identifier by a table (configs/sbom/
 *     debian-licenses), joined with AND;
 *   - the copyright lines of the same paragraphs;
 *   - the text of each license, by the identifier it maps to: what an SPDX
 *     document must carry for each LicenseRef-.
 * A free-form debian/copyright (no Format: field) cannot be read that way:
 * its declared license is LicenseRef-NAME-debian-copyright, whose text is
 * the whole file, and its copyright lines are those that say "Copyright".
 */
#ifndef TINYLINUX_DEP5_H
#define TINYLINUX_DEP5_H

#include <stddef.h>

struct dep5_map {
	size_t n;
	char **debian; /* Debian's short name, compared without case */
	char **spdx; /* the SPDX identifier or LicenseRef- */
};

struct dep5_text {
	char *id; /* SPDX identifier or LicenseRef- */
	char *name; /* Debian's short name */
	char *text;
};

struct dep5 {
	int machine_readable;
	char *declared; /* an SPDX expression */
	char *copyright; /* lines, "\n"-separated, or NULL */
	size_t ntexts;
	struct dep5_text *texts;
};

/* Reads TABLE (lines "DEBIAN-NAME SPDX-ID", # comments).  0, or -1 with
 * a message in ERR.
 */
int dep5_map_load(struct dep5_map *m, const char *path, char *err,
		  size_t errlen);
/* Maps one Debian short name: the table's entry, or LicenseRef-NAME
 * with every character outside [A-Za-z0-9.-] turned into '-'.  A new
 * string.
 */
char *dep5_map_name(const struct dep5_map *m, const char *name);
/* Turns a DEP-5 License expression ("GPL-2+ or Artistic", "MIT and
 * BSD-3-clause", "GPL-2 with OpenSSL exception") into SPDX syntax.  A new
 * string, or NULL with a message in ERR.
 */
char *dep5_expr(const struct dep5_map *m, const char *expr, char *err,
		size_t errlen);
/* Parses TEXT (the file's bytes, NUL-terminated); PKG names the
 * package for a free-form file's LicenseRef.  0, or -1 with ERR.
 */
int dep5_parse(struct dep5 *d, const struct dep5_map *m, const char *pkg,
	       const char *text, char *err, size_t errlen);
/* The text of license ID, or NULL. */
const char *dep5_text(const struct dep5 *d, const char *id);
void dep5_free(struct dep5 *d);
void dep5_map_free(struct dep5_map *m);

#endif
