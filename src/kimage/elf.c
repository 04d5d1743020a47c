// SPDX-License-Identifier: GPL-2.0
/*
 * A bounds-checked reader of little-endian ELF headers; see elf.h.
 * (Not <elf.h>'s structures cast onto the buffer: the buffer may be
 * hostile, unaligned and short.)
 */
#include "elf.h"

#include "bytes.h"

#include <stdio.h>
#include <string.h>

/* Is [off, off + n) inside a buffer of len bytes? */
static int inside(uint64_t off, uint64_t n, size_t len)
{
	return off <= len && n <= len - off;
}

/* The notes in [off, off + size): the PVH entry, if one is there. */
static void find_pvh(const uint8_t *buf, size_t len, uint64_t off,
		     uint64_t size, struct elf_info *e)
{
	uint64_t end;

	if (!inside(off, size, len))
		return;
	end = off + size;
	while (end - off >= 12) {
		uint64_t namesz = get_le(buf, off, 4);
		uint64_t descsz = get_le(buf, off + 4, 4);
		uint64_t type = get_le(buf, off + 8, 4);
		uint64_t name = off + 12;
		uint64_t desc = name + ((namesz + 3) & ~3ULL);
		uint64_t next = desc + ((descsz + 3) & ~3ULL);

		if (next > end || next <= off)
			return;
		if (namesz == 4 && !memcmp(buf + name, "Xen", 4) &&
		    type == 18 && (descsz == 4 || descsz == 8)) {
			e->has_pvh = 1;
			e->pvh_entry = get_le(buf, desc, (int)descsz);
		}
		off = next;
	}
}

int elf_describe(const uint8_t *buf, size_t len, struct elf_info *e, char *err,
		 size_t errlen)
{
	uint64_t phoff, shoff, strtab_off = 0, strtab_size = 0;
	unsigned int phentsize, phnum, shentsize, shnum, shstrndx, i;
	int w;

	memset(e, 0, sizeof(*e));
	if (len < 52 || memcmp(buf, "\177ELF", 4)) {
		snprintf(err, errlen, "not an ELF file");
		return -1;
	}
	if (buf[4] != 1 && buf[4] != 2) {
		snprintf(err, errlen, "ELF class %u unknown", buf[4]);
		return -1;
	}
	if (buf[5] != 1) {
		snprintf(err, errlen, "big-endian ELF is not supported");
		return -1;
	}
	e->bits = buf[4] == 2 ? 64 : 32;
	w = e->bits / 8; /* width of addresses and offsets */
	if (e->bits == 64 && len < 64) {
		snprintf(err, errlen, "truncated ELF header");
		return -1;
	}
	e->machine = (unsigned int)get_le(buf, 18, 2);
	e->entry = get_le(buf, 24, w);
	phoff = get_le(buf, 24 + w, w);
	shoff = get_le(buf, 24 + 2 * w, w);
	phentsize = (unsigned int)get_le(buf, 30 + 3 * w, 2);
	phnum = (unsigned int)get_le(buf, 32 + 3 * w, 2);
	shentsize = (unsigned int)get_le(buf, 34 + 3 * w, 2);
	shnum = (unsigned int)get_le(buf, 36 + 3 * w, 2);
	shstrndx = (unsigned int)get_le(buf, 38 + 3 * w, 2);

	if (phnum && (phentsize < (e->bits == 64 ? 56u : 32u) ||
		      !inside(phoff, (uint64_t)phentsize * phnum, len))) {
		snprintf(err, errlen, "program headers outside the file");
		return -1;
	}
	for (i = 0; i < phnum; i++) {
		const uint8_t *p = buf + phoff + (uint64_t)i * phentsize;
		struct elf_seg *s;

		if (get_le(p, 0, 4) == 4) /* PT_NOTE */
			find_pvh(buf, len, get_le(p, e->bits == 64 ? 8 : 4, w),
				 get_le(p, e->bits == 64 ? 32 : 16, w), e);
		if (get_le(p, 0, 4) != 1 || e->nseg == ELF_MAX_SEGS)
			continue; /* PT_LOAD only */
		s = &e->seg[e->nseg++];
		if (e->bits == 64) {
			s->flags = (unsigned int)get_le(p, 4, 4);
			s->offset = get_le(p, 8, 8);
			s->vaddr = get_le(p, 16, 8);
			s->paddr = get_le(p, 24, 8);
			s->filesz = get_le(p, 32, 8);
			s->memsz = get_le(p, 40, 8);
		} else {
			s->offset = get_le(p, 4, 4);
			s->vaddr = get_le(p, 8, 4);
			s->paddr = get_le(p, 12, 4);
			s->filesz = get_le(p, 16, 4);
			s->memsz = get_le(p, 20, 4);
			s->flags = (unsigned int)get_le(p, 24, 4);
		}
	}

	if (!shnum)
		return 0;
	if (shentsize < (e->bits == 64 ? 64u : 40u) ||
	    !inside(shoff, (uint64_t)shentsize * shnum, len)) {
		snprintf(err, errlen, "section headers outside the file");
		return -1;
	}
	if (shstrndx < shnum) {
		const uint8_t *sh =
			buf + shoff + (uint64_t)shstrndx * shentsize;

		strtab_off = get_le(sh, e->bits == 64 ? 24 : 16, w);
		strtab_size = get_le(sh, e->bits == 64 ? 32 : 20, w);
		if (!inside(strtab_off, strtab_size, len))
			strtab_size = 0; /* names unavailable */
	}
	for (i = 1; i < shnum && e->nsec < ELF_MAX_SECS; i++) {
		const uint8_t *sh = buf + shoff + (uint64_t)i * shentsize;
		struct elf_sec *s = &e->sec[e->nsec++];
		uint64_t name = get_le(sh, 0, 4);
		size_t k;

		s->type = (unsigned int)get_le(sh, 4, 4);
		s->flags = get_le(sh, 8, w);
		s->addr = get_le(sh, e->bits == 64 ? 16 : 12, w);
		s->offset = get_le(sh, e->bits == 64 ? 24 : 16, w);
		s->size = get_le(sh, e->bits == 64 ? 32 : 20, w);
		for (k = 0; name + k < strtab_size && k < sizeof(s->name) - 1;
		     k++) {
			char c = (char)buf[strtab_off + name + k];

			if (!c)
				break;
			s->name[k] = (c > 32 && c < 127) ? c : '?';
		}
		if (!k)
			snprintf(s->name, sizeof(s->name), "#%u", i);
	}
	return 0;
}
