// SPDX-License-Identifier: GPL-2.0
/*
 * Unit tests of ksize's parsers (src/ksize): the GNU ld map reader (long
 * names split over two lines, archive members, padding, garbage) and the
 * Kbuild reader (symbols on the left side, ifdef blocks, composite
 * objects, directories, the top-level lists, unlisted objects).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "kbuild.h"
#include "ldmap.h"
#include "xzcost.h"

static char err[256];

static const char map_text[] =
	"Archive member included to satisfy reference by file (symbol)\n"
	"\n"
	"Discarded input sections\n"
	"\n"
	" .text          0x0000000000000000       0x10 init/gone.o\n"
	"\n"
	"Linker script and memory map\n"
	"\n"
	"LOAD vmlinux.a\n"
	".text           0xffffffff81000000      0x100 load address 0x0000000001000000\n"
	"                0xffffffff81000000                _stext = .\n"
	" *(.text)\n"
	" .text          0xffffffff81000000       0x40 kernel/fork.o\n"
	"                0xffffffff81000000                copy_process\n"
	" *fill*         0xffffffff81000040       0x10 cccc\n"
	" .text.unlikely.a_very_long_input_section_name\n"
	"                0xffffffff81000050       0x30 net/ipv4/tcp.o\n"
	" .text          0xffffffff81000080       0x20 lib/lib.a(ctype.o)\n"
	".altinstr_replacement\n"
	"                0xffffffff81000100        0x8 load address 0x0000000001000100\n"
	" .altinstr_replacement\n"
	"                0xffffffff81000100        0x8 kernel/fork.o\n"
	".comment        0x0000000000000000       0x27\n"
	" .comment       0x0000000000000000       0x27 init/main.o\n";

static void test_map(void **state)
{
	struct ldmap m;

	(void)state;
	assert_int_equal(ldmap_parse(map_text, strlen(map_text), &m, err,
				     sizeof(err)),
			 0);
	assert_int_equal(m.nout, 3);
	assert_string_equal(m.out[0].name, ".text");
	assert_int_equal(m.out[0].size, 0x100);
	assert_string_equal(m.out[1].name, ".altinstr_replacement");
	assert_int_equal(m.out[1].size, 8);
	assert_int_equal(m.nin, 5);
	assert_string_equal(m.in[0].file, "kernel/fork.o");
	assert_int_equal(m.in[0].size, 0x40);
	assert_int_equal(m.in[0].addr, 0xffffffff81000000);
	assert_string_equal(m.in[1].file, "net/ipv4/tcp.o");
	assert_int_equal(m.in[1].addr, 0xffffffff81000050);
	assert_int_equal(m.in[1].size, 0x30);
	assert_string_equal(m.in[2].file, "lib/ctype.o");
	assert_int_equal(m.in[3].out, 1);
	assert_string_equal(m.in[4].file, "init/main.o");
	assert_int_equal(m.in[4].out, 2);
	ldmap_free(&m);
}

static void test_bad_maps(void **state)
{
	static const char nul[] = "Linker script and memory map\n.te\0xt\n";
	static const char *const bad[] = {
		"",
		"hello\n",
		"Linker script and memory map\n",
		"Linker script and memory map\n.text 0xzz 0x10\n",
	};
	size_t i, n = sizeof(nul) - 1;
	struct ldmap m;

	(void)state;
	for (i = 0; i < ARRAY_SIZE(bad); i++) {
		err[0] = '\0';
		assert_int_equal(ldmap_parse(bad[i], strlen(bad[i]), &m, err,
					     sizeof(err)),
				 -1);
		assert_true(err[0] != '\0');
	}
	assert_int_equal(ldmap_parse(nul, n, &m, err, sizeof(err)), -1);
}

static const char *lookup(struct kbuild *kb, const char *path, enum kb_how *how)
{
	static char sym[64];

	*how = kbuild_symbol(kb, path, sym, sizeof(sym));
	return sym;
}

static void test_kbuild(void **state)
{
	struct kbuild kb;
	enum kb_how how;

	(void)state;
	kbuild_init(&kb, "/nonexistent");
	kbuild_define(&kb, "SRCARCH", "x86");
	kbuild_add_makefile(&kb, "",
			    "obj-y += kernel/ arch/$(SRCARCH)/\n"
			    "obj-$(CONFIG_NET)\t+= net/ # networking\n"
			    "libs-y := lib/\n");
	kbuild_add_makefile(&kb, "kernel", "obj-y = fork.o \\\n\texit.o\n");
	kbuild_add_makefile(&kb, "lib", "lib-y := ctype.o\n");
	kbuild_add_makefile(&kb, "net",
			    "obj-y := socket.o\n"
			    "obj-$(CONFIG_INET) += ipv4/\n"
			    "ifdef CONFIG_SYSCTL\n"
			    "obj-y += sysctl_net.o\n"
			    "else\n"
			    "obj-y += nosysctl.o\n"
			    "endif\n"
			    "ccflags-y += -Dfoo.o\n");
	kbuild_add_makefile(&kb, "net/ipv4",
			    "obj-y := tcp.o\n"
			    "obj-$(CONFIG_X) += x.o\n"
			    "obj-$(CONFIG_Y) += x.o\n"
			    "obj-$(CONFIG_E1000) += e1000.o\n"
			    "e1000-objs := e1000_main.o\n"
			    "e1000-$(CONFIG_E1000_EXTRA) += extra.o\n");
	kbuild_add_makefile(&kb, "arch/x86", "obj-y += kernel/\n");
	kbuild_add_makefile(&kb, "arch/x86/kernel", "obj-y += sub/deep.o\n");

	assert_string_equal(lookup(&kb, "kernel/exit.o", &how), "");
	assert_int_equal(how, KB_ALWAYS);
	assert_string_equal(lookup(&kb, "lib/ctype.o", &how), "");
	assert_int_equal(how, KB_ALWAYS);
	assert_string_equal(lookup(&kb, "net/socket.o", &how), "NET");
	assert_int_equal(how, KB_SYMBOL);
	assert_string_equal(lookup(&kb, "net/sysctl_net.o", &how), "SYSCTL");
	assert_string_equal(lookup(&kb, "net/nosysctl.o", &how), "NET");
	assert_string_equal(lookup(&kb, "net/ipv4/tcp.o", &how), "INET");
	assert_string_equal(lookup(&kb, "net/ipv4/e1000_main.o", &how),
			    "E1000");
	assert_string_equal(lookup(&kb, "net/ipv4/extra.o", &how),
			    "E1000_EXTRA");
	assert_string_equal(lookup(&kb, "arch/x86/kernel/sub/deep.o", &how),
			    "");
	assert_int_equal(how, KB_ALWAYS);
	/* Not listed: its directory decides. */
	assert_string_equal(lookup(&kb, "net/ipv4/nowhere.o", &how), "INET");
	assert_int_equal(how, KB_UNLISTED);
	assert_string_equal(lookup(&kb, "nowhere/a.o", &how), "");
	assert_int_equal(how, KB_UNLISTED);
	/* Listed twice: the symbol set in .config wins, else the first. */
	assert_string_equal(lookup(&kb, "net/ipv4/x.o", &how), "X");
	*(char *)strtab_add(&kb.config, "Y") = 1;
	assert_string_equal(lookup(&kb, "net/ipv4/x.o", &how), "Y");
	kbuild_free(&kb);
}

/* xz_size(), which must succeed. */
static uint64_t xz(const struct xz_piece *p, size_t n, int skip,
		   enum xz_bcj bcj)
{
	uint64_t size = 0;

	assert_int_equal(xz_size(p, n, skip, bcj, &size, err, sizeof(err)), 0);
	return size;
}

/*
 * What a group costs once compressed: random bytes cost about their
 * size, zeros and a repeat of other bytes next to nothing.
 */
static void test_xz(void **state)
{
	static uint8_t noise[65536], zeros[65536];
	struct xz_piece p[] = {
		{ noise, sizeof(noise), 0 },
		{ zeros, sizeof(zeros), 1 },
		{ noise, sizeof(noise), 2 },
		{ (const uint8_t *)"tail", 4, -1 },
	};
	uint64_t all, no_noise;
	uint32_t x = 1;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(noise); i++) {
		x = x * 1103515245u + 12345u;
		noise[i] = (uint8_t)(x >> 24);
	}
	all = xz(p, 4, -1, XZ_BCJ_X86);
	assert_true(all > sizeof(noise));
	assert_true(all - xz(p, 4, 1, XZ_BCJ_X86) < 512);
	assert_true(all - xz(p, 4, 2, XZ_BCJ_X86) < 1024);
	/*
	 * Without the first copy the repeat pays instead: the same size
	 * give or take the branch filter, which rewrites call targets by
	 * their position.
	 */
	no_noise = xz(p, 4, 0, XZ_BCJ_X86);
	assert_true(no_noise + 1024 > all && all + 1024 > no_noise);
	assert_true(xz(p, 4, -1, XZ_BCJ_ARM) > sizeof(noise));
	assert_true(xz(p, 4, -1, XZ_BCJ_NONE) > sizeof(noise));
	assert_true(xz(p, 0, -1, XZ_BCJ_NONE) < 64);
	assert_int_equal(xz_bcj_for_machine(62), XZ_BCJ_X86);
	assert_int_equal(xz_bcj_for_machine(40), XZ_BCJ_ARM);
	assert_int_equal(xz_bcj_for_machine(183), XZ_BCJ_NONE);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_map),
		cmocka_unit_test(test_bad_maps),
		cmocka_unit_test(test_kbuild),
		cmocka_unit_test(test_xz),
	};

	return cmocka_run_group_tests_name("ksize", tests, NULL, NULL);
}
