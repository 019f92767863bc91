# Stancewatch: the two commands a user needs are `make run` and `make test`.
# Both install what is missing (Debian packages), build, and go.

PREFIX  ?= /usr/local
DESTDIR ?=
SWIFT   ?= swift
CONFIG  ?= debug
SCRATCH ?= .build
BIN      = $(SCRATCH)/$(CONFIG)/stancewatch
SHARED  ?= ../shared
APT_PACKAGES = libsystemd-dev libstemmer-dev pkg-config libsqlite3-dev systemd python3 postgresql

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

release:
	$(MAKE) build CONFIG=release

# Run the daemon on the shipped seeds with the shipped watchlist; alerts print as they come.
run: deps
	@scripts/run-seeds.sh

# Every test: unit tests, the real-journald end-to-end tests, the fault tests.
test: deps
	$(SWIFT) build --scratch-path $(SCRATCH) --build-tests
	$(SWIFT) test --scratch-path $(SCRATCH) --skip-build

# Score the engine on the shared corpora (needs ../shared; says so when it is absent).
eval: deps
	@scripts/eval.sh

# Figures: throughput, latency, memory, scale. Prints numbers, asserts no timings.
bench: deps
	@scripts/bench.sh

install: release
	install -D -m 0755 $(SCRATCH)/release/stancewatch $(DESTDIR)$(PREFIX)/bin/stancewatch
	install -D -m 0644 deploy/stancewatch.service $(DESTDIR)$(PREFIX)/lib/systemd/system/stancewatch.service
	sed -i 's|/usr/local/bin/stancewatch|$(PREFIX)/bin/stancewatch|; s|/usr/local/share/stancewatch|$(PREFIX)/share/stancewatch|' \
	  $(DESTDIR)$(PREFIX)/lib/systemd/system/stancewatch.service
	install -D -m 0644 deploy/stancewatch.catalog $(DESTDIR)$(PREFIX)/lib/systemd/catalog/stancewatch.catalog
	install -D -m 0644 seeds/watchlist.yaml $(DESTDIR)$(PREFIX)/share/stancewatch/watchlist.yaml
	install -d $(DESTDIR)$(PREFIX)/share/stancewatch/Lexicon
	install -m 0644 Sources/Corpus/Lexicon/*.txt $(DESTDIR)$(PREFIX)/share/stancewatch/Lexicon/
	install -D -m 0644 README.md $(DESTDIR)$(PREFIX)/share/doc/stancewatch/README.md
	sed -i 's|/usr/local/share/doc/stancewatch|$(PREFIX)/share/doc/stancewatch|' \
	  $(DESTDIR)$(PREFIX)/lib/systemd/system/stancewatch.service
	@if [ -z "$(DESTDIR)" ] && command -v journalctl >/dev/null; then journalctl --update-catalog || true; fi

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/stancewatch $(DESTDIR)$(PREFIX)/lib/systemd/system/stancewatch.service \
	  $(DESTDIR)$(PREFIX)/lib/systemd/catalog/stancewatch.catalog $(DESTDIR)$(PREFIX)/share/stancewatch/watchlist.yaml
	rm -rf $(DESTDIR)$(PREFIX)/share/stancewatch/Lexicon $(DESTDIR)$(PREFIX)/share/doc/stancewatch

# The unit must verify clean and score well under systemd-analyze security.
verify-unit:
	@scripts/verify-unit.sh

clean:
	rm -rf $(SCRATCH)
