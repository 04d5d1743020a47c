# kimage: a host tool that explains a kernel image (src/kimage).
KIMAGE := $(HOST)/kimage
KIMAGE_SRCS := $(addprefix $(TOP)/src/kimage/,kimage.c bzimage.c unpack.c elf.c)
KIMAGE_LIBS := -lz -llzma -lbz2 -lzstd
KIMAGE_TEST := $(HOST)/test_kimage

.PHONY: kimage check-kimage
kimage: $(KIMAGE)

$(KIMAGE): $(KIMAGE_SRCS) $(wildcard $(TOP)/src/kimage/*.h) | $(DEPS_STAMP)
	$(say) HOSTCC "kimage"
	$(Q)mkdir -p $(@D) && gcc $(CSTD) -O2 -o $@.tmp $(KIMAGE_SRCS) $(KIMAGE_LIBS) && mv $@.tmp $@

$(KIMAGE_TEST): $(TOP)/tests/unit/test_kimage.c $(filter-out %/kimage.c,$(KIMAGE_SRCS)) $(wildcard $(TOP)/src/kimage/*.h) | $(DEPS_STAMP)
	$(say) HOSTCC "kimage unit tests (cmocka, ASan, UBSan)"
	$(Q)mkdir -p $(@D) && gcc $(CSTD) -g -fsanitize=address,undefined \
		-fno-sanitize-recover=all -I$(TOP)/src/kimage -o $@.tmp \
		$(TOP)/tests/unit/test_kimage.c $(filter-out %/kimage.c,$(KIMAGE_SRCS)) \
		-lcmocka $(KIMAGE_LIBS) && mv $@.tmp $@

# kimage on our own image: the header, the JSON, a byte-exact extract,
# and one clear error line for bad files.
check-kimage: $(KIMAGE) $(KIMAGE_TEST) $(KERNEL_IMAGE)
	$(say) TEST "kimage"
	$(Q)$(KIMAGE_TEST)
	$(Q)KIMAGE=$(KIMAGE) IMAGE=$(KERNEL_IMAGE) VMLINUX_BIN=$(KOBJ)/arch/x86/boot/compressed/vmlinux.bin \
		TESTLOGS=$(TESTLOGS) $(TOP)/tests/kimage.sh
