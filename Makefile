# Stancewatch: the two commands a user needs are `make run` and `make test`.
# Both install what is missing (Debian packages), build, and go.

PREFIX  ?= /usr/local
SYSCONFDIR ?= /etc
DESTDIR ?=
SWIFT   ?= swift
CONFIG  ?= debug
SCRATCH ?= .build
BIN      = $(SCRATCH)/$(CONFIG)/stancewatch
SHARED  ?= ../shared
APT_PACKAGES = libsystemd-dev libstemmer-dev pkg-config libsqlite3-dev systemd python3
# Only for `make test`: Chromium for the report's browser tests, PostgreSQL for the shared-store
# tests (each skipped, saying so, when it cannot be installed).
TEST_APT_PACKAGES = chromium postgresql
# Release builds (`make release`, `make install`) link the Swift runtime and Foundation into the
# binary, so it runs on a host without the toolchain (`ldd` shows no libswift*/libFoundation*).
RELEASE_FLAGS = -c release --static-swift-stdlib
RELEASE_BIN   = $(SCRATCH)/release/stancewatch
# What the release binary is built from: `make install` rebuilds only when one of these changed.
BUILD_INPUTS := Package.swift $(shell find Sources -type f 2>/dev/null)

.PHONY: deps build release run test eval bench install uninstall verify-unit clean

# Install the Debian packages the build and the tests need, only when one is missing.
deps:
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=""; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing; \
	fi

build: deps
	$(SWIFT) build --scratch-path $(SCRATCH) -c $(CONFIG)

# The release binary, rebuilt only when a source changed (deps is order-only: it never forces
# a rebuild). SwiftPM prints one [step/total] line per file as it goes.
release: $(RELEASE_BIN)

$(RELEASE_BIN): $(BUILD_INPUTS) | deps
	@echo "== building $(RELEASE_BIN) (release, Swift runtime linked statically; a first build takes 10-20 minutes on 2 cores)"
	$(SWIFT) build --scratch-path $(SCRATCH) $(RELEASE_FLAGS) --product stancewatch
	@touch $@

# Run the daemon on the shipped seeds with the shipped watchlist; alerts print as they come.
run: deps
	@scripts/run-seeds.sh

# Every test: unit tests, the real-journald end-to-end tests, the fault tests.
test: deps
	-@$(MAKE) --no-print-directory deps APT_PACKAGES="$(TEST_APT_PACKAGES)"
	$(SWIFT) build --scratch-path $(SCRATCH) --build-tests
	$(SWIFT) test --scratch-path $(SCRATCH) --skip-build

# Score the engine on the shared corpora (needs ../shared; says so when it is absent).
eval: deps
	@scripts/eval.sh

# Figures: throughput, latency, memory, scale. Prints numbers, asserts no timings.
bench: deps
	@scripts/bench.sh

# Binary, unit, tmpfiles.d entry (the feed folder), journald catalog, lexicons, README; the
# watchlist goes to $(SYSCONFDIR)/stancewatch/watchlist.yaml only when none is there (an
# operator's edits survive a reinstall). Paths in the unit and catalog follow PREFIX/SYSCONFDIR.
# Without DESTDIR it also creates the feed folder and updates the catalog and systemd.
install: $(RELEASE_BIN)
	install -D -m 0755 $(RELEASE_BIN) $(DESTDIR)$(PREFIX)/bin/stancewatch
	install -D -m 0644 deploy/stancewatch.service $(DESTDIR)$(PREFIX)/lib/systemd/system/stancewatch.service
	install -D -m 0644 deploy/stancewatch.tmpfiles $(DESTDIR)$(PREFIX)/lib/tmpfiles.d/stancewatch.conf
	install -D -m 0644 deploy/stancewatch.catalog $(DESTDIR)$(PREFIX)/lib/systemd/catalog/stancewatch.catalog
	sed -i 's|/usr/local/bin/stancewatch|$(PREFIX)/bin/stancewatch|; s|/usr/local/share/|$(PREFIX)/share/|; s|/etc/stancewatch|$(SYSCONFDIR)/stancewatch|' \
	  $(DESTDIR)$(PREFIX)/lib/systemd/system/stancewatch.service $(DESTDIR)$(PREFIX)/lib/systemd/catalog/stancewatch.catalog
	install -D -m 0644 seeds/watchlist.yaml $(DESTDIR)$(PREFIX)/share/stancewatch/watchlist.yaml
	@if [ -e $(DESTDIR)$(SYSCONFDIR)/stancewatch/watchlist.yaml ]; then \
	  echo "kept $(DESTDIR)$(SYSCONFDIR)/stancewatch/watchlist.yaml (the shipped one is $(PREFIX)/share/stancewatch/watchlist.yaml)"; \
	else \
	  echo "install -D -m 0644 seeds/watchlist.yaml $(DESTDIR)$(SYSCONFDIR)/stancewatch/watchlist.yaml"; \
	  install -D -m 0644 seeds/watchlist.yaml $(DESTDIR)$(SYSCONFDIR)/stancewatch/watchlist.yaml; \
	fi
	install -d $(DESTDIR)$(PREFIX)/share/stancewatch/Language/ru
	install -m 0644 Sources/Corpus/Language/ru/*.txt $(DESTDIR)$(PREFIX)/share/stancewatch/Language/ru/
	install -D -m 0644 README.md $(DESTDIR)$(PREFIX)/share/doc/stancewatch/README.md
	@if [ -z "$(DESTDIR)" ]; then \
	  if command -v systemd-tmpfiles >/dev/null; then systemd-tmpfiles --create $(PREFIX)/lib/tmpfiles.d/stancewatch.conf; fi; \
	  if command -v journalctl >/dev/null; then journalctl --update-catalog || true; fi; \
	  if [ -d /run/systemd/system ]; then systemctl daemon-reload || true; fi; \
	fi

# Leaves $(SYSCONFDIR)/stancewatch/watchlist.yaml (the operator's), the feed folder and the state.
uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/stancewatch $(DESTDIR)$(PREFIX)/lib/systemd/system/stancewatch.service \
	  $(DESTDIR)$(PREFIX)/lib/tmpfiles.d/stancewatch.conf \
	  $(DESTDIR)$(PREFIX)/lib/systemd/catalog/stancewatch.catalog $(DESTDIR)$(PREFIX)/share/stancewatch/watchlist.yaml
	rm -rf $(DESTDIR)$(PREFIX)/share/stancewatch/Language $(DESTDIR)$(PREFIX)/share/doc/stancewatch

# The unit must verify clean and score well under systemd-analyze security.
verify-unit:
	@scripts/verify-unit.sh

clean:
	rm -rf $(SCRATCH)
