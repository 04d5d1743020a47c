# make mem-report: boot the image once, print /proc/meminfo in the guest,
# and show where the memory goes, from the load address to free memory
# (src/memreport, docs/boot.md).  MEM picks the guest's RAM:
#   make mem-report MEM=16M
MEMREPORT := $(HOST)/memreport
MEMREPORT_SRCS := $(TOP)/src/memreport/memreport.c $(TOP)/src/kimage/bzimage.c $(TOP)/src/kimage/elf.c $(TOP)/src/ksize/strtab.c
MEMREPORT_DIR := $(OUT)/mem-report
MEMREPORT_SCRIPT := $(TOP)/tests/mem-report.expect

$(MEMREPORT): $(MEMREPORT_SRCS) $(wildcard $(TOP)/src/kimage/*.h) $(TOP)/src/ksize/strtab.h | $(DEPS_STAMP)
	$(say) HOSTCC "memreport"
	$(Q)mkdir -p $(@D) && gcc $(CSTD) -O2 -I$(TOP)/src/kimage -I$(TOP)/src/ksize -o $@.tmp $(MEMREPORT_SRCS) && mv $@.tmp $@

.PHONY: mem-report
mem-report: $(KERNEL_IMAGE) $(INITRAMFS_TINYINIT) $(LAUNCHER) $(TLEXPECT) $(MEMREPORT)
	$(Q)rm -rf $(MEMREPORT_DIR) && mkdir -p $(MEMREPORT_DIR)
	$(Q)accel=$$($(call probe_accel,$(LAUNCHER))) || exit 1; \
	echo "  MEMORY   $(PROFILE), tinyinit, $$accel, -m $(MEM)"; \
	$(TLEXPECT) -l $(MEMREPORT_DIR)/serial.log -a "Kernel panic" $(MEMREPORT_SCRIPT) -- \
		$(LAUNCHER) --accel $$accel -m $(MEM) --serial stdio --initrd $(INITRAMFS_TINYINIT) \
		$(if $(APPEND),--append "$(APPEND)") --net none > /dev/null
	$(Q)$(MEMREPORT) -i $(KERNEL_IMAGE) -m $(KOBJ)/System.map $(MEMREPORT_DIR)/serial.log \
		> $(MEMREPORT_DIR)/report.txt.tmp
	$(Q)mv $(MEMREPORT_DIR)/report.txt.tmp $(MEMREPORT_DIR)/report.txt && cat $(MEMREPORT_DIR)/report.txt
	$(say) MEMORY "serial log and report.txt in $(MEMREPORT_DIR:$(TOP)/%=%)"
