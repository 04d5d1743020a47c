/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Describing a vmlinux: its ELF header, PT_LOAD segments and section
 * sizes.  Little-endian ELF32 and ELF64; every table is bounds-checked.
 */
#ifndef KIMAGE_ELF_H
#define KIMAGE_ELF_H

#include <stddef.h>
#include <stdint.h>

#define ELF_MAX_SEGS 32
#define ELF_MAX_SECS 256

struct elf_seg {
	uint64_t offset, vaddr, paddr, filesz, memsz;
	unsigned int flags; /* PF_R 4, PF_W 2, PF_X 1 */
};

struct elf_sec {
	char name[32];
	uint64_t addr, size;
	uint64_t offset; /* in the file, when it takes file space */
	unsigned int type; /* SHT_NOBITS (8) takes no file space */
	uint64_t flags; /* SHF_WRITE 1, SHF_ALLOC 2, SHF_EXECINSTR 4 */
};

struct elf_info {
	int bits; /* 32 or 64 */
	unsigned int machine; /* EM_X86_64 62, EM_ARM 40... */
	uint64_t entry;
	int nseg; /* PT_LOAD segments kept (up to ELF_MAX_SEGS) */
	struct elf_seg seg[ELF_MAX_SEGS];
	/*
	 * The PVH entry point (XEN_ELFNOTE_PHYS32_ENTRY, a note named "Xen"
	 * of type 18 in a PT_NOTE segment): where QEMU, Firecracker and Xen
	 * enter an uncompressed vmlinux in 32-bit mode, paging off.
	 */
	int has_pvh;
	uint64_t pvh_entry;
	int nsec; /* sections kept (up to ELF_MAX_SECS) */
	struct elf_sec sec[ELF_MAX_SECS];
};

/* Returns 0, or -1 with a one-line reason in err. */
int elf_describe(const uint8_t *buf, size_t len, struct elf_info *e, char *err,
		 size_t errlen);

#endif
