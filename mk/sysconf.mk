# A profile's accounts and system settings (issue 6, docs/security.md):
#
#   USERS          the user table (configs/users/NAME.users, format in
#                  src/users/users.h): /etc/passwd, group, shadow (0600),
#                  homes and authorized_keys, made by our tlusers
#   NET_CONFIG     static | dhcp        how eth0 gets its address
#   LOGIN          shell | getty        root shell or login prompt
#   SERVICES       the services rcS starts, in order (default: those of
#                  the profile's packages, packages/NAME/SERVICE)
#   FIREWALL       off | on             nftables, default-deny input
#   FIREWALL_ALLOW ports let in (22, ssh, 53/udp...), besides those
#                  of the packages (dropbear's ssh)
#
# scripts/mkconf.sh checks them when make starts (a bad one stops make
# at once, naming its line) and writes the /etc files they give.
USERS ?= $(TOP)/configs/users/default.users
NET_CONFIG ?= static
LOGIN ?= shell
SERVICES ?= $(PACKAGE_SERVICES)
FIREWALL ?= off
FIREWALL_ALLOW ?=
# The ports let in: the packages' (with the firewall on), then the
# profile's own.
FIREWALL_PORTS = $(strip $(if $(filter on,$(FIREWALL)),$(PACKAGE_FIREWALL)) $(filter-out $(PACKAGE_FIREWALL),$(FIREWALL_ALLOW)))
sysconf_value_FIREWALL_ALLOW = $(FIREWALL_PORTS)

SYSCONF_VARS := NET_CONFIG LOGIN SERVICES FIREWALL FIREWALL_ALLOW

sysconf_env = $(foreach v,$(SYSCONF_VARS),$(v)='$(if $(filter undefined,$(origin sysconf_value_$(v))),$($(v)),$(sysconf_value_$(v)))') \
	ORIGINS='$(foreach v,$(SYSCONF_VARS),$(v)=$(subst $(space),_,$(origin $(v))))' \
	PROFILE_FILE=$(TOP)/configs/profiles/$(PROFILE).mk TOP=$(TOP) \
	KNOWN_SERVICES='$(strip $(foreach p,$(ALL_PACKAGES),$(foreach s,$($(p)_SERVICES),$(s)=$(p))))' \
	PACKAGES='$(PACKAGES)' CONSOLE='$(ARCH_CONSOLE)' 
space := $(subst ,, )

SYSCONF_ERROR := $(shell $(sysconf_env) $(TOP)/scripts/mkconf.sh check 2>&1 >/dev/null)
ifneq ($(SYSCONF_ERROR),)
$(error $(SYSCONF_ERROR))
endif

# The settings as a file, rewritten only when they change, so that the
# files made from them are remade then and only then.
SYSCONF_SPEC := $(OUT)/sysconf.spec
SYSCONF_LIST := $(OUT)/sysconf/list
$(SYSCONF_SPEC): FORCE
	$(Q)mkdir -p $(@D); echo "$(sysconf_env)" | cmp -s - $@ || echo "$(sysconf_env)" > $@

# The firewall's nft for another architecture than the host's: Debian's
# nftables package for it and its dependencies, from the mirror
# (scripts/mkdebian.sh: mmdebstrap, without running anything of them),
# checked against sources.lock and unpacked here.  mkconf.sh takes nft
# and the libraries it loads.  On the host's own architecture it takes
# the host's installed nftables (configs/packages.txt).
HOST_DEBARCH := $(shell dpkg --print-architecture 2>/dev/null)
NFT_ROOT := $(if $(filter on,$(FIREWALL)),$(if $(filter-out $(HOST_DEBARCH),$(ARCH_DEBARCH)),$(OUT)/nft/root))
ifneq ($(NFT_ROOT),)
NFT_TAR := $(OUT)/nft/nftables.tar
$(NFT_TAR): $(TOP)/scripts/mkdebian.sh | $(DEPS_STAMP)
	$(say) DEBIAN "nftables for $(ARCH_DEBARCH) + dependencies from $(DEBIAN_SUITE) (mmdebstrap, log: $(LOGS:$(TOP)/%=%)/$(LOGTAG)-nft.log)"
	$(Q)mkdir -p $(LOGS) $(@D)
	$(Q)LOG=$(LOGS)/$(LOGTAG)-nft.log DEBIAN_MIRROR=$(DEBIAN_MIRROR) DEBIAN_ARCH=$(ARCH_DEBARCH) STEP_CACHE=$(STEP_CACHE) \
		$(TOP)/scripts/mkdebian.sh $@ $(DEBIAN_SUITE) nftables
	$(Q)DEBIAN_ARCH=$(ARCH_DEBARCH) $(TOP)/scripts/sources.sh debs $(LOCK) $(DL) $(@D)/nftables.packages
$(NFT_ROOT)/.unpacked: $(NFT_TAR)
	$(Q)rm -rf $(NFT_ROOT) $(NFT_ROOT).tmp && mkdir -p $(NFT_ROOT).tmp
	$(Q)tar -xf $< -C $(NFT_ROOT).tmp --exclude='./dev/*'
	$(Q)touch $(NFT_ROOT).tmp/.unpacked && mv $(NFT_ROOT).tmp $(NFT_ROOT)
endif

$(SYSCONF_LIST): $(SYSCONF_SPEC) $(TOP)/scripts/mkconf.sh \
		$(TOP)/rootfs/etc/tinyinit.conf $(TOP)/rootfs/etc/inittab $(if $(NFT_ROOT),$(NFT_ROOT)/.unpacked)
	$(say) SYSCONF "$(PROFILE): net $(NET_CONFIG), login $(LOGIN), firewall $(FIREWALL)$(if $(SERVICES),; services: $(SERVICES))"
	$(Q)$(sysconf_env) $(if $(NFT_ROOT),NFT_ROOT=$(NFT_ROOT)) $(TOP)/scripts/mkconf.sh files $(@D) $(TOP)/rootfs

# Accounts.  KEYS "generated" in the table: the build's own SSH key pair,
# made once with ssh-keygen in $(BUILD)/ssh (the private half never
# leaves the host; make ssh and the tests log in with it).
TLUSERS := $(HOST)/tlusers
USERS_LIST := $(OUT)/users/list
BUILD_KEY := $(BUILD)/ssh/id_ed25519
USERS_WANT_KEY := $(shell awk '!/^[[:space:]]*#/ && $$6 == "generated" { print "y"; exit }' $(USERS) 2>/dev/null)

ifeq ($(wildcard $(USERS)),)
$(error USERS=$(USERS): no such user table (see configs/users/))
endif

$(TLUSERS): $(TOP)/src/users/tlusers.c $(TOP)/src/users/users.c $(TOP)/src/users/users.h | $(DEPS_STAMP)
	$(say) HOSTCC "tlusers"
	$(Q)mkdir -p $(@D) && gcc $(CSTD) -O2 -I$(TOP)/src/users -o $@.tmp \
		$(TOP)/src/users/tlusers.c $(TOP)/src/users/users.c -lcrypt && mv $@.tmp $@

$(BUILD_KEY).pub: | $(DEPS_STAMP)
	$(say) SSHKEY "the build's key pair: $(BUILD_KEY:$(TOP)/%=%) (private, host only) and .pub"
	$(Q)mkdir -p $(@D) && chmod 700 $(@D)
	$(Q)rm -f $(BUILD_KEY) $@ && ssh-keygen -q -t ed25519 -N '' -C tinylinux-build -f $(BUILD_KEY)

$(USERS_LIST): $(USERS) $(TLUSERS) $(if $(USERS_WANT_KEY),$(BUILD_KEY).pub)
	$(say) USERS "$(PROFILE): $(USERS:$(TOP)/%=%)"
	$(Q)rm -rf $(@D) && mkdir -p $(@D)
	$(Q)$(TLUSERS) $(if $(USERS_WANT_KEY),--generated-key $(BUILD_KEY).pub) $(USERS) $(@D)

# make users: only the account files (check-errors uses it).
.PHONY: users
users: $(USERS_LIST)
