# dropbear: the SSH server of the server profile, from Debian's source
# package, built statically against musl: one "dropbearmulti" binary
# (about 300 KB) that is dropbear, dropbearkey and scp, by the name it is
# called with.  Its own bundled libtomcrypt and libtommath do the
# cryptography; no zlib, no PAM, no utmp/wtmp/lastlog (the image keeps
# no login records).
#
# Password logins are compiled out (localoptions.h below): the server
# takes keys only.  Debian's musl has no crypt() to check a password
# with, and a key-only server cannot be guessed into (docs/security.md).
#
# In the image: the binary and its three names, the service script sshd
# (started by rcS), port 22 let in by the firewall, and forwarded from
# the host's SSH_PORT by make run (make ssh logs in through it).
dropbear_SOURCE := debian
# (debian/copyright: MIT for dropbear, BSD and OpenSSH terms for code
# from OpenSSH, public domain for libtomcrypt and libtommath.)
dropbear_LICENSE := MIT AND BSD-2-Clause AND BSD-3-Clause AND LicenseRef-OpenSSH AND LicenseRef-public-domain
dropbear_LICENSE_FILES := LICENSE libtomcrypt/LICENSE libtommath/LICENSE debian/copyright
dropbear_CPE := dropbear_ssh_project:dropbear_ssh
dropbear_DEPENDS := musl
dropbear_TARGET = $(DROPBEAR)
dropbear_FILES = /usr/sbin/dropbearmulti=$(DROPBEAR)
dropbear_LINKS := /usr/sbin/dropbear=dropbearmulti \
	/usr/bin/dropbearkey=../sbin/dropbearmulti /usr/bin/scp=../sbin/dropbearmulti
dropbear_SERVICES := sshd
dropbear_FIREWALL := ssh
dropbear_HOSTFWD = $(SSH_PORT):22
# The client side: ssh and ssh-keygen (make ssh, check-net's key login).
dropbear_HOST_DEPS := openssh-client

DB_OBJ = $(OUT)/dropbear
DROPBEAR = $(DB_OBJ)/dropbearmulti
DB_PROGRAMS := dropbear dropbearkey scp

define dropbear_RULES
# configure runs in the build directory (dropbear's Makefile uses VPATH):
# the source tree stays as dpkg-source left it.
.PHONY: dropbear
dropbear: $(DROPBEAR)
$(DROPBEAR): $(dropbear_TREE_STAMP) $(LINUX_HEADERS_STAMP) $(MUSL_GCC_DEP) $(TOP)/packages/dropbear/dropbear.mk
	$(Q)rm -rf $(DB_OBJ) && mkdir -p $(DB_OBJ)
	$(Q)key=$(call step_key,$(TOP)/packages/dropbear/dropbear.mk,$(dropbear_TREE) $$(cat $(DL)/$(dropbear_SRCNAME)/.source) $(LINUX_ID) $(CC_ID) $(MUSL_GCC) $(MUSL_ID) $(MUSL_TRIPLET) $(CROSS_COMPILE) $(SOURCE_DATE_EPOCH)); \
	if $(STEPCACHE) get dropbear-$(ARCH) $$key $(DB_OBJ) dropbearmulti; then \
		printf '  %-8s %s\n' DROPBEAR "$(PROFILE): the same as an earlier build's (step cache)"; \
	else \
		printf '  %-8s %s\n' DROPBEAR "$(PROFILE): static, musl (log: $(LOGS:$(TOP)/%=%)/$(LOGTAG)-dropbear.log)"; \
		printf '%s\n' '/* tinylinux (packages/dropbear/dropbear.mk): SSH with keys only. */' \
			'#define DROPBEAR_SVR_PASSWORD_AUTH 0' \
			'#define DROPBEAR_X11FWD 0' > $(DB_OBJ)/localoptions.h && \
		$(LOGRUN) $(LOGS)/$(LOGTAG)-dropbear.log sh -c '\
		cd $(DB_OBJ) && \
		CC="$(MUSL_CCACHE) $(MUSL_GCC)" CFLAGS="-Os -isystem $(LINUX_HEADERS)/include" \
		LDFLAGS=-static $(dropbear_TREE)/configure --host=$(MUSL_TRIPLET) \
			--enable-static --disable-zlib --disable-pam \
			--disable-lastlog --disable-utmp --disable-utmpx \
			--disable-wtmp --disable-wtmpx --disable-pututline \
			--disable-pututxline --disable-syslog && \
		$(MAKE) --no-print-directory -j$(JOBS) MULTI=1 STATIC=1 \
			PROGRAMS="$(DB_PROGRAMS)" && \
		$(CROSS_COMPILE)strip dropbearmulti' && \
		$(STEPCACHE) put dropbear-$(ARCH) $$key $(DB_OBJ) dropbearmulti || exit 1; \
	fi
	$(Q)test -x $@
	$(say) SIZE "dropbearmulti: $$(stat -c %s $@) bytes ($(DB_PROGRAMS))"
endef
