# Dropbear, the SSH server of the "sshd" service (configs/services/sshd),
# from Debian's source package, built statically against musl: one
# "dropbearmulti" binary (about 300 KB) that is dropbear, dropbearkey and
# scp, by the name it is called with.  Its own bundled libtomcrypt and
# libtommath do the cryptography; no zlib, no PAM, no utmp/wtmp/lastlog
# (the image keeps no login records).
#
# Password logins are compiled out (localoptions.h below): the server
# takes keys only.  Debian's musl has no crypt() to check a password
# with, and a key-only server cannot be guessed into (docs/security.md).
DB_TREE := $(BUILD)/src/dropbear
DB_OBJ := $(OUT)/dropbear
DROPBEAR := $(DB_OBJ)/dropbearmulti
DB_PROGRAMS := dropbear dropbearkey scp

$(DB_TREE)/.tinylinux-unpacked: | $(DEPS_STAMP)
	$(say) UNPACK "dropbear source package -> $(DB_TREE:$(TOP)/%=%)"
	$(Q)rm -rf $(DB_TREE) $(DB_TREE).tmp
	$(Q)$(LOGRUN) $(LOGS)/dropbear-unpack.log dpkg-source --no-check -x $$(ls $(DL)/dropbear_*.dsc | head -n 1) $(DB_TREE).tmp
	$(Q)touch $(DB_TREE).tmp/.tinylinux-unpacked && mv $(DB_TREE).tmp $(DB_TREE)

# configure runs in the build directory (dropbear's Makefile uses VPATH):
# the source tree stays as dpkg-source left it.
.PHONY: dropbear
dropbear: $(DROPBEAR)
$(DROPBEAR): $(DB_TREE)/.tinylinux-unpacked $(LINUX_HEADERS_STAMP) $(MUSL_GCC_DEP) $(TOP)/mk/dropbear.mk
	$(say) DROPBEAR "$(PROFILE): static, musl (log: $(LOGS:$(TOP)/%=%)/$(LOGTAG)-dropbear.log)"
	$(Q)rm -rf $(DB_OBJ) && mkdir -p $(DB_OBJ)
	$(Q)printf '%s\n' '/* tinylinux (mk/dropbear.mk): SSH with keys only. */' \
		'#define DROPBEAR_SVR_PASSWORD_AUTH 0' \
		'#define DROPBEAR_X11FWD 0' > $(DB_OBJ)/localoptions.h
	$(Q)$(LOGRUN) $(LOGS)/$(LOGTAG)-dropbear.log sh -c '\
		cd $(DB_OBJ) && \
		CC="ccache $(MUSL_GCC)" CFLAGS="-Os -isystem $(LINUX_HEADERS)/include" \
		LDFLAGS=-static $(DB_TREE)/configure --host=x86_64-linux-musl \
			--enable-static --disable-zlib --disable-pam \
			--disable-lastlog --disable-utmp --disable-utmpx \
			--disable-wtmp --disable-wtmpx --disable-pututline \
			--disable-pututxline --disable-syslog && \
		$(MAKE) --no-print-directory -j$(JOBS) MULTI=1 STATIC=1 \
			PROGRAMS="$(DB_PROGRAMS)" && \
		strip dropbearmulti'
	$(Q)test -x $@
	$(say) SIZE "dropbearmulti: $$(stat -c %s $@) bytes ($(DB_PROGRAMS))"
