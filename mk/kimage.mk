# kimage: a host tool that explains a kernel image (src/kimage).
KIMAGE := $(HOST)/kimage
KIMAGE_SRCS := $(addprefix $(TOP)/src/kimage/,kimage.c bzimage.c armhdr.c unpack.c elf.c)
KIMAGE_LIBS := -lz -llzma -lbz2 -lzstd -llz4 -llzo2
KIMAGE_TEST := $(HOST)/test_kimage
# The parsers without the command line: what the unit tests and the fuzzer link.
KIMAGE_LIB_SRCS := $(filter-out %/kimage.c,$(KIMAGE_SRCS)) $(wildcard $(TOP)/src/kimage/*.h)

.PHONY: kimage check-kimage
kimage: $(KIMAGE)

$(KIMAGE): $(KIMAGE_SRCS) $(wildcard $(TOP)/src/kimage/*.h) | $(DEPS_STAMP)
	$(say) HOSTCC "kimage"
	$(Q)mkdir -p $(@D) && gcc $(CSTD) -O2 -o $@.tmp $(KIMAGE_SRCS) $(KIMAGE_LIBS) && mv $@.tmp $@

$(KIMAGE_TEST): $(TOP)/tests/unit/test_kimage.c $(KIMAGE_LIB_SRCS) | $(DEPS_STAMP)
	$(say) HOSTCC "kimage unit tests (cmocka, ASan, UBSan)"
	$(Q)mkdir -p $(@D) && gcc $(CSTD) $(SANITIZE) -I$(TOP)/src/kimage -o $@.tmp \
		$(TOP)/tests/unit/test_kimage.c $(filter %.c,$(KIMAGE_LIB_SRCS)) \
		-lcmocka $(KIMAGE_LIBS) && mv $@.tmp $@

# A kernel we did not build: Debian's signed vmlinuz, from the package
# linux-image-amd64 depends on (downloaded, unpacked, never installed).
DEBIAN_KERNEL := $(DL)/debian-kernel
$(DEBIAN_KERNEL)/.done: | $(DEPS_STAMP)
	$(say) FETCH "Debian's signed kernel image (apt-get download), for kimage's tests"
	$(Q)rm -rf $(DEBIAN_KERNEL) $(DEBIAN_KERNEL).tmp && mkdir -p $(DEBIAN_KERNEL).tmp
	$(Q)pkg=$$(apt-cache depends linux-image-amd64 | awk '/Depends: linux-image-/ { print $$2; exit }'); \
	[ -n "$$pkg" ] || { echo "error: apt-cache knows no linux-image-amd64: run apt-get update" >&2; exit 1; }; \
	$(LOGRUN) $(LOGS)/debian-kernel.log sh -c "cd $(DEBIAN_KERNEL).tmp && apt-get download $$pkg && \
		dpkg-deb --fsys-tarfile $$pkg*.deb | tar -x ./boot && rm $$pkg*.deb"
	$(Q)touch $(DEBIAN_KERNEL).tmp/.done && mv $(DEBIAN_KERNEL).tmp $(DEBIAN_KERNEL)

# kimage on our own image (the header, the JSON, a byte-exact extract) and
# on Debian's, and one clear error line for bad files.
check-kimage: $(KIMAGE) $(KIMAGE_TEST) $(KERNEL_IMAGE) $(DEBIAN_KERNEL)/.done
	$(say) TEST "kimage"
	$(Q)$(KIMAGE_TEST)
	$(Q)KIMAGE=$(KIMAGE) IMAGE=$(KERNEL_IMAGE) VMLINUX_BIN=$(KOBJ)/$(KPAYLOAD_$(ARCH)) \
		DEBIAN_VMLINUZ="$$(ls $(DEBIAN_KERNEL)/boot/vmlinuz-* | head -n 1)" \
		TESTLOGS=$(TESTLOGS) $(TOP)/tests/kimage.sh

# Fuzzing kimage's parsers with libFuzzer (clang).  The corpus starts from
# the head of our bzImage (header, decompressor, start of the payload) and
# a tiny gzip-payload image; findings go to $(FUZZ_DIR)/crash-*.
#   make fuzz FUZZ_SECONDS=600    a longer run (default 60 s)
FUZZ_SECONDS ?= 60
FUZZ_DIR := $(BUILD)/fuzz
FUZZER := $(HOST)/fuzz_kimage
$(FUZZER): $(TOP)/tests/fuzz/fuzz_kimage.c $(KIMAGE_LIB_SRCS) | $(DEPS_STAMP)
	$(say) CLANG "fuzz_kimage (libFuzzer, ASan, UBSan)"
	$(Q)mkdir -p $(@D) && clang -std=c11 -g -O1 -fsanitize=fuzzer,address,undefined \
		-DUNPACK_LIMIT='((size_t)64 << 20)' -I$(TOP)/src/kimage -o $@.tmp \
		$(TOP)/tests/fuzz/fuzz_kimage.c $(filter %.c,$(KIMAGE_LIB_SRCS)) \
		$(KIMAGE_LIBS) && mv $@.tmp $@

.PHONY: fuzz check-fuzz
fuzz: $(FUZZER) $(KERNEL_IMAGE)
	$(Q)mkdir -p $(FUZZ_DIR)/corpus
	$(Q)head -c 24576 $(KERNEL_IMAGE) > $(FUZZ_DIR)/corpus/bzimage-head
	$(say) FUZZ "kimage parsers for $(FUZZ_SECONDS) s (log: $(FUZZ_DIR:$(TOP)/%=%)/fuzz.log)"
	$(Q)cd $(FUZZ_DIR) && $(FUZZER) -max_total_time=$(FUZZ_SECONDS) -max_len=65536 \
		-rss_limit_mb=1024 -print_final_stats=1 corpus > fuzz.log 2>&1 || \
		{ tail -n 30 fuzz.log; echo "fuzz: a finding, see $(FUZZ_DIR)/fuzz.log and crash-* there" >&2; exit 1; }
	$(Q)grep -E "^stat::number_of_executed_units|^stat::new_units_added" $(FUZZ_DIR)/fuzz.log | \
		sed 's/^stat::/  FUZZ     /'

# The short run "make check" does.
check-fuzz:
	$(Q)$(MAKE) --no-print-directory fuzz FUZZ_SECONDS=15
