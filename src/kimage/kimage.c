// SPDX-License-Identifier: GPL-2.0
/*
 * kimage: look inside a Linux kernel image.
 *
 *   kimage info [--json] FILE   the x86 boot header, the layout of the
 *                               file, and the vmlinux ELF inside it; for
 *                               ARM zImages and arm64/riscv Images, their
 *                               headers; for an uncompressed vmlinux, its
 *                               PVH entry and what it loads where
 *   kimage extract FILE OUT     write the decompressed vmlinux (or, for a
 *                               zImage, the decompressed Image)
 *
 * FILE is read whole (at most 256 MiB); anything malformed gives one
 * line on stderr and exit status 1 ("info" first prints what it could
 * read, e.g. the header of an image whose payload is corrupt).  Why our own: the kernel has
 * scripts/extract-vmlinux (a shell script that greps for magics and tries
 * every decompressor) but nothing that explains the boot header and the
 * layout, which is what kimage is for.
 */
#define _GNU_SOURCE
#include "armhdr.h"
#include "bzimage.h"
#include "elf.h"
#include "unpack.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define MAX_FILE ((size_t)256 << 20)

static const char *prog = "kimage";

static void __attribute__((noreturn)) die(const char *file, const char *msg)
{
	fprintf(stderr, "%s: %s: %s\n", prog, file, msg);
	exit(1);
}

static uint8_t *read_all(const char *path, size_t *len)
{
	struct stat st;
	uint8_t *buf;
	size_t got = 0;
	int fd = open(path, O_RDONLY);

	if (fd < 0 || fstat(fd, &st))
		die(path, strerror(errno));
	if (!S_ISREG(st.st_mode))
		die(path, "not a regular file");
	if ((size_t)st.st_size > MAX_FILE)
		die(path, "larger than 256 MiB: not a kernel image");
	buf = malloc(st.st_size ? st.st_size : 1);
	if (!buf)
		die(path, "out of memory");
	while (got < (size_t)st.st_size) {
		ssize_t n = read(fd, buf + got, st.st_size - got);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			die(path,
			    n ? strerror(errno) : "file shrank while read");
		got += n;
	}
	close(fd);
	*len = got;
	return buf;
}

static const char *machine_name(unsigned int m)
{
	switch (m) {
	case 3:
		return "i386";
	case 40:
		return "arm";
	case 62:
		return "x86_64";
	case 183:
		return "aarch64";
	case 243:
		return "riscv";
	default:
		return "other";
	}
}

static void flags_str(unsigned int f, char *s)
{
	s[0] = f & 4 ? 'R' : '-';
	s[1] = f & 2 ? 'W' : '-';
	s[2] = f & 1 ? 'X' : '-';
	s[3] = '\0';
}

/* Print s as a JSON string (our strings are printable ASCII already). */
static void json_str(const char *s)
{
	putchar('"');
	for (; *s; s++) {
		if (*s == '"' || *s == '\\')
			putchar('\\');
		putchar(*s);
	}
	putchar('"');
}

static void json_elf(const struct elf_info *e, size_t vmlinux_len);

static void print_json(const struct bzimage *bz, size_t len,
		       const struct elf_info *e, size_t vmlinux_len,
		       const char *elf_err)
{
	printf("{\"file_size\":%zu,\"setup_sects\":%u,\"protocol\":\"%u.%02u\",",
	       len, bz->setup_sects, bz->protocol >> 8, bz->protocol & 0xff);
	printf("\"kernel_version\":");
	json_str(bz->kernel_version);
	printf(",\"loadflags\":%u,\"relocatable\":%u,\"xloadflags\":%u,",
	       bz->loadflags, bz->relocatable, bz->xloadflags);
	printf("\"init_size\":%u,\"pref_address\":%llu,\"cmdline_size\":%u,",
	       bz->init_size, (unsigned long long)bz->pref_address,
	       bz->cmdline_size);
	printf("\"payload_offset\":%u,\"payload_length\":%u,",
	       bz->payload_offset, bz->payload_length);
	printf("\"setup_size\":%zu,\"protected_mode_size\":%zu,",
	       bz->setup_size, bz->pm_size);
	printf("\"compression\":\"%s\",\"vmlinux\":", bz->compression);
	if (!e) {
		printf("{\"error\":");
		json_str(elf_err);
		printf("}}\n");
		return;
	}
	json_elf(e, vmlinux_len);
	printf("}\n");
}

/* The vmlinux object: inside a bzImage, or the file itself. */
static void json_elf(const struct elf_info *e, size_t vmlinux_len)
{
	int i;

	printf("{\"size\":%zu,\"class\":%d,\"machine\":\"%s\",\"entry\":%llu,",
	       vmlinux_len, e->bits, machine_name(e->machine),
	       (unsigned long long)e->entry);
	if (e->has_pvh)
		printf("\"pvh_entry\":%llu,", (unsigned long long)e->pvh_entry);
	printf("\"segments\":[");
	for (i = 0; i < e->nseg; i++) {
		char f[4];

		flags_str(e->seg[i].flags, f);
		printf("%s{\"offset\":%llu,\"vaddr\":%llu,\"paddr\":%llu,",
		       i ? "," : "", (unsigned long long)e->seg[i].offset,
		       (unsigned long long)e->seg[i].vaddr,
		       (unsigned long long)e->seg[i].paddr);
		printf("\"filesz\":%llu,\"memsz\":%llu,\"flags\":\"%s\"}",
		       (unsigned long long)e->seg[i].filesz,
		       (unsigned long long)e->seg[i].memsz, f);
	}
	printf("],\"sections\":[");
	for (i = 0; i < e->nsec; i++) {
		printf("%s{\"name\":", i ? "," : "");
		json_str(e->sec[i].name);
		printf(",\"addr\":%llu,\"size\":%llu,\"nobits\":%s}",
		       (unsigned long long)e->sec[i].addr,
		       (unsigned long long)e->sec[i].size,
		       e->sec[i].type == 8 ? "true" : "false");
	}
	printf("]}");
}

static void row(size_t off, const char *what, size_t size, const char *why)
{
	printf("  0x%08zx +------------------------------------+\n", off);
	printf("             | %-24s %9zu | %s\n", what, size, why);
}

static void text_elf(const struct elf_info *e);

static void print_text(const char *path, const struct bzimage *bz, size_t len,
		       const struct elf_info *e, size_t vmlinux_len,
		       const char *elf_err)
{
	char name[40];

	printf("%s: Linux x86 bzImage, %zu bytes\n", path, len);
	printf("  kernel_version  %s\n", bz->kernel_version);
	printf("  boot protocol   %u.%02u\n", bz->protocol >> 8,
	       bz->protocol & 0xff);
	printf("  setup_sects     %u  (setup.bin = %zu bytes)\n",
	       bz->setup_sects, bz->setup_size);
	printf("  loadflags       0x%02x%s\n", bz->loadflags,
	       bz->loadflags & 1 ? "  (LOADED_HIGH: loads at 1 MiB)" : "");
	printf("  relocatable     %u\n", bz->relocatable);
	printf("  xloadflags      0x%04x\n", bz->xloadflags);
	printf("  cmdline_size    %u\n", bz->cmdline_size);
	printf("  pref_address    0x%llx\n",
	       (unsigned long long)bz->pref_address);
	printf("  init_size       %u  (memory the decompression needs)\n",
	       bz->init_size);
	printf("  payload         offset %u, length %u, %s\n",
	       bz->payload_offset, bz->payload_length, bz->compression);
	printf("\nLayout of the file:\n");
	row(0, "setup.bin", bz->setup_size,
	    "real mode: boot header, then the switch to 32/64-bit");
	row(bz->setup_size, "decompressor (head)", bz->payload_offset,
	    "start of the protected-mode part");
	snprintf(name, sizeof(name), "compressed vmlinux (%s)",
		 bz->compression);
	row(bz->payload_start, name, bz->payload_length,
	    "the kernel proper, plus its 4-byte size");
	row(bz->payload_start + bz->payload_length, "decompressor (rest)",
	    len - bz->payload_start - bz->payload_length,
	    "misc.c: relocates, decompresses, jumps to the kernel");
	printf("  0x%08zx +------------------------------------+ end\n", len);
	if (!e) {
		printf("\nvmlinux: %s\n", elf_err);
		return;
	}
	printf("\nvmlinux inside: %zu bytes, ELF%d %s, entry 0x%llx\n",
	       vmlinux_len, e->bits, machine_name(e->machine),
	       (unsigned long long)e->entry);
	text_elf(e);
}

/* Segments and sections of a vmlinux. */
static void text_elf(const struct elf_info *e)
{
	int i;

	printf("  PT_LOAD   offset     vaddr              filesz     memsz      flags\n");
	for (i = 0; i < e->nseg; i++) {
		char f[4];

		flags_str(e->seg[i].flags, f);
		printf("            0x%08llx 0x%016llx %10llu %10llu %s\n",
		       (unsigned long long)e->seg[i].offset,
		       (unsigned long long)e->seg[i].vaddr,
		       (unsigned long long)e->seg[i].filesz,
		       (unsigned long long)e->seg[i].memsz, f);
	}
	printf("  sections (size in bytes):\n");
	for (i = 0; i < e->nsec; i++)
		if (e->sec[i].size && e->sec[i].addr)
			printf("    %-24s %10llu%s\n", e->sec[i].name,
			       (unsigned long long)e->sec[i].size,
			       e->sec[i].type == 8 ? "  (bss: no file space)" :
						     "");
}

/* Write buf to path through path.tmp and a rename: never half a file. */
static void write_atomic(const char *path, const uint8_t *buf, size_t len)
{
	char tmp[4096];
	FILE *f;

	snprintf(tmp, sizeof(tmp), "%s.tmp", path);
	f = fopen(tmp, "wb");
	if (!f || fwrite(buf, 1, len, f) != len || fclose(f)) {
		unlink(tmp);
		die(path, strerror(errno));
	}
	if (rename(tmp, path))
		die(path, strerror(errno));
}

/* ARM zImage, arm64 and riscv Image: header fields, and what is inside. */
static void arm_info(const char *path, const struct armimage *a, size_t len,
		     size_t unpacked, int json)
{
	if (json) {
		printf("{\"file_size\":%zu,\"format\":\"%s\",", len, a->format);
		if (!strcmp(a->format, "arm-zimage")) {
			printf("\"start\":%u,\"end\":%u,\"big_endian\":%s,",
			       a->start, a->end,
			       a->big_endian ? "true" : "false");
			printf("\"payload_offset\":%zu,\"compression\":\"%s\",",
			       a->payload_start, a->compression);
			printf("\"unpacked_size\":%zu}\n", unpacked);
		} else {
			printf("\"text_offset\":%llu,\"image_size\":%llu,",
			       (unsigned long long)a->text_offset,
			       (unsigned long long)a->image_size);
			printf("\"flags\":%llu,\"version\":%u}\n",
			       (unsigned long long)a->flags, a->version);
		}
		return;
	}
	printf("%s: %s, %zu bytes\n", path, a->format, len);
	if (!strcmp(a->format, "arm-zimage")) {
		printf("  start 0x%08x, end 0x%08x (%u bytes), %s-endian\n",
		       a->start, a->end, a->end - a->start,
		       a->big_endian ? "big" : "little");
		printf("  compressed kernel at offset %zu: %s",
		       a->payload_start, a->compression);
		if (unpacked)
			printf(", %zu bytes unpacked (the Image)", unpacked);
		printf("\n");
		return;
	}
	printf("  text_offset 0x%llx, image_size %llu, flags 0x%llx",
	       (unsigned long long)a->text_offset,
	       (unsigned long long)a->image_size, (unsigned long long)a->flags);
	if (!strcmp(a->format, "riscv-image"))
		printf(", header version %u.%u", a->version >> 16,
		       a->version & 0xffff);
	printf("\n  (an uncompressed Image: the boot loader jumps to its start)\n");
}

/* The non-x86 images: returns when FILE is none of them. */
static void try_arm(const char *file, const uint8_t *buf, size_t len, int json,
		    const char *out)
{
	struct armimage a;
	uint8_t *img = NULL;
	size_t ilen = 0;
	char err[256];
	const char *first;
	size_t off;
	int tries = 0;

	if (armimage_parse(buf, len, &a, err, sizeof(err)))
		return;
	/* The first candidate that unpacks (at most 16 are tried). */
	first = a.compression;
	for (off = a.payload_start; off && tries < 16; tries++) {
		const char *c = a.compression;

		if (!unpack(c, buf + off, len - off, &img, &ilen, err,
			    sizeof(err))) {
			a.payload_start = off;
			a.compression = c;
			break;
		}
		off = armimage_next_payload(buf, len, off + 1, &a.compression);
	}
	if (!img)
		a.compression = first;
	if (!img && a.payload_start && out)
		die(file, err);
	if (out) {
		if (!img)
			die(file, "an uncompressed Image: nothing to extract");
		write_atomic(out, img, ilen);
		printf("%s: %zu bytes of Image\n", out, ilen);
	} else {
		arm_info(file, &a, len, ilen, json);
	}
	free(img);
	exit(0);
}

/*
 * An uncompressed vmlinux (the micro profile's, booted through PVH):
 * returns when FILE is not an ELF file.
 */
static void try_elf(const char *file, const uint8_t *buf, size_t len, int json,
		    int extract)
{
	struct elf_info *e;
	char err[256];
	uint64_t lo = UINT64_MAX, hi = 0;
	int i;

	if (len < 4 || memcmp(buf, "\177ELF", 4))
		return;
	if (extract)
		die(file, "an uncompressed vmlinux: nothing to extract");
	e = malloc(sizeof(*e));
	if (!e)
		die(file, "out of memory");
	if (elf_describe(buf, len, e, err, sizeof(err)))
		die(file, err);
	if (json) {
		printf("{\"file_size\":%zu,\"format\":\"elf\",\"vmlinux\":",
		       len);
		json_elf(e, len);
		printf("}\n");
		free(e);
		exit(0);
	}
	for (i = 0; i < e->nseg; i++) {
		if (e->seg[i].paddr < lo)
			lo = e->seg[i].paddr;
		if (e->seg[i].paddr + e->seg[i].memsz > hi)
			hi = e->seg[i].paddr + e->seg[i].memsz;
	}
	printf("%s: ELF%d %s vmlinux, %zu bytes, entry 0x%llx\n", file, e->bits,
	       machine_name(e->machine), len, (unsigned long long)e->entry);
	if (e->has_pvh)
		printf("  PVH entry       0x%llx  (physical, 32-bit, paging off: QEMU -kernel\n"
		       "                  and Firecracker jump here; no setup.bin, no decompressor)\n",
		       (unsigned long long)e->pvh_entry);
	else
		printf("  PVH entry       none  (a boot loader needs the bzImage)\n");
	if (e->nseg)
		printf("  loads at        0x%llx-0x%llx  (%llu bytes of memory, bss included)\n",
		       (unsigned long long)lo, (unsigned long long)hi,
		       (unsigned long long)(hi - lo));
	text_elf(e);
	free(e);
	exit(0);
}

static int bad_usage(void)
{
	fprintf(stderr,
		"usage: %s info [--json] FILE\n"
		"       %s extract FILE OUT\n",
		prog, prog);
	return 2;
}

int main(int argc, char **argv)
{
	struct bzimage bz;
	struct elf_info *e = NULL;
	char err[256] = "", elf_err[256] = "";
	uint8_t *buf, *vmlinux = NULL;
	size_t len, vlen = 0;
	int json = 0, extract;
	const char *file;

	if (argc < 3)
		return bad_usage();
	extract = !strcmp(argv[1], "extract");
	if (extract) {
		if (argc != 4)
			return bad_usage();
		file = argv[2];
	} else if (!strcmp(argv[1], "info")) {
		json = argc == 4 && !strcmp(argv[2], "--json");
		if (argc != 3 + json)
			return bad_usage();
		file = argv[2 + json];
	} else {
		return bad_usage();
	}

	buf = read_all(file, &len);
	if (bzimage_parse(buf, len, &bz, err, sizeof(err))) {
		try_arm(file, buf, len, json, extract ? argv[3] : NULL);
		try_elf(file, buf, len, json, extract);
		die(file, err);
	}
	if (unpack(bz.compression, buf + bz.payload_start, bz.payload_length,
		   &vmlinux, &vlen, elf_err, sizeof(elf_err))) {
		if (extract)
			die(file, elf_err);
	} else {
		e = malloc(sizeof(*e));
		if (!e)
			die(file, "out of memory");
		if (elf_describe(vmlinux, vlen, e, elf_err, sizeof(elf_err))) {
			free(e);
			e = NULL;
		}
	}

	if (extract) {
		write_atomic(argv[3], vmlinux, vlen);
		printf("%s: %zu bytes of vmlinux (%s)\n", argv[3], vlen,
		       e ? "ELF" : elf_err);
	} else if (json) {
		print_json(&bz, len, e, vlen, elf_err);
	} else {
		print_text(file, &bz, len, e, vlen, elf_err);
	}
	if (!e) {
		/* The header was readable, the kernel inside was not. */
		fflush(stdout);
		die(file, elf_err);
	}
	free(e);
	free(vmlinux);
	free(buf);
	return 0;
}
