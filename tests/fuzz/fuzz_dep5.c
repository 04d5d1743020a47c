// SPDX-License-Identifier: GPL-2.0
/*
 * libFuzzer target: the debian/copyright reader (src/sbom/dep5.c) on
 * any bytes, as a DEP-5 file and as a License expression.  It must
 * return 0 or -1 with a message, never crash or leak (make fuzz).
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "dep5.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static char *deb[] = { "GPL-2+", "Expat" };
	static char *spdx[] = { "GPL-2.0-or-later", "MIT" };
	static const struct dep5_map map = { 2, deb, spdx };
	char *text = malloc(size + 1), err[128], *e;
	struct dep5 d;

	if (!text)
		return 0;
	memcpy(text, data, size);
	text[size] = '\0';
	if (!dep5_parse(&d, &map, "fuzz", text, err, sizeof(err)))
		dep5_free(&d);
	e = dep5_expr(&map, text, err, sizeof(err));
	free(e);
	free(text);
	return 0;
}
