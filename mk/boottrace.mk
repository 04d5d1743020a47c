# make boot-trace: boot the image once with initcall_debug and show where
# the time goes, from QEMU's start to PID 1 (src/boottrace, docs/boot.md).
# The extra kernel arguments: "initcall_debug" logs every initcall with
# its duration; "debug" lets those KERN_DEBUG lines reach the console;
# "log_buf_len=1M" keeps the small default log buffer (4 KB) from losing
# lines; "earlyprintk=serial,..." lets setup.bin print on the serial port.
BOOTTRACE := $(HOST)/boottrace
BOOTTRACE_SRCS := $(TOP)/src/boottrace/trace.c $(TOP)/src/ksize/strtab.c
BOOTTRACE_HDRS := $(TOP)/src/boottrace/trace.h $(TOP)/src/ksize/strtab.h
BOOTTRACE_TEST := $(HOST)/test_boottrace
BOOTTRACE_DIR := $(OUT)/boot-trace
# Shared with tests/boot/boot-trace.sh (exported), like the tlexpect
# script, which marks each step on the host clock.
export BOOTTRACE_APPEND := debug initcall_debug log_buf_len=1M $(EARLYPRINTK_$(ARCH))
BOOTTRACE_SCRIPT := $(TOP)/tests/boot-trace.expect
TRACE_ROWS ?= 15

$(BOOTTRACE): $(TOP)/src/boottrace/boottrace.c $(BOOTTRACE_SRCS) $(BOOTTRACE_HDRS) | $(DEPS_STAMP)
	$(say) HOSTCC "boottrace"
	$(Q)mkdir -p $(@D) && gcc $(CSTD) -O2 -I$(TOP)/src/ksize -o $@.tmp \
		$(TOP)/src/boottrace/boottrace.c $(BOOTTRACE_SRCS) && mv $@.tmp $@

$(BOOTTRACE_TEST): $(TOP)/tests/unit/test_boottrace.c $(BOOTTRACE_SRCS) $(BOOTTRACE_HDRS) | $(DEPS_STAMP)
	$(say) HOSTCC "boottrace unit tests (cmocka, ASan, UBSan)"
	$(Q)mkdir -p $(@D) && gcc $(CSTD) $(SANITIZE) -I$(TOP)/src/ksize -I$(TOP)/src/boottrace -o $@.tmp \
		$< $(BOOTTRACE_SRCS) -lcmocka && mv $@.tmp $@

# Its unit tests run with the others (check-unit, mk/tests.mk).
check-unit: $(BOOTTRACE_TEST)

.PHONY: boot-trace
# Always the tinyinit image: its "init: userspace up" ends the timeline.
# Only a bzImage has setup.bin to print "early console in setup code": a
# kernel booted without it (micro's vmlinux through PVH, the other
# architectures' images) is traced from the kernel's own lines.
boot-trace: $(KERNEL_IMAGE) $(INITRAMFS_TINYINIT) $(LAUNCHER) $(TLEXPECT) $(BOOTTRACE)
	$(Q)rm -rf $(BOOTTRACE_DIR) && mkdir -p $(BOOTTRACE_DIR)
	$(Q)accel=$$($(call probe_accel,$(LAUNCHER))) || exit 1; \
	echo "  TRACE    $(PROFILE), tinyinit, $$accel, -m $(MEM): $(BOOTTRACE_APPEND)"; \
	$(if $(filter bzImage,$(notdir $(KERNEL_IMAGE))),cat $(BOOTTRACE_SCRIPT),sed '/early console in setup code/,/mark setup/d' $(BOOTTRACE_SCRIPT)) \
		> $(BOOTTRACE_DIR)/script || exit 1; \
	$(TLEXPECT) -l $(BOOTTRACE_DIR)/serial.log -a "Kernel panic" $(BOOTTRACE_DIR)/script -- \
		$(LAUNCHER) --accel $$accel -m $(MEM) --serial stdio --initrd $(INITRAMFS_TINYINIT) \
		--append "$(strip $(BOOTTRACE_APPEND) $(APPEND))" --netdev restrict=on --nic $(NIC) \
		> $(BOOTTRACE_DIR)/marks
	$(Q)$(BOOTTRACE) -n $(TRACE_ROWS) -m $(KOBJ)/System.map -t $(BOOTTRACE_DIR)/marks \
		$(BOOTTRACE_DIR)/serial.log > $(BOOTTRACE_DIR)/report.txt.tmp
	$(Q)mv $(BOOTTRACE_DIR)/report.txt.tmp $(BOOTTRACE_DIR)/report.txt && cat $(BOOTTRACE_DIR)/report.txt
	$(say) TRACE "serial log, marks and report.txt in $(BOOTTRACE_DIR:$(TOP)/%=%)"
