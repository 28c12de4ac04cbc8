# unge – build, test, lint and install. Needs only the Swift 6 toolchain (and python3 for demo-cases).
#
#   make                      debug build
#   make test                 all tests (swift test)
#   make lint                 swift format lint --strict on Sources and Tests (as CI runs it)
#   make format               format Sources, Tests and Package.swift in place
#   make install [PREFIX=…]   static release binary, completion scripts and manual page under PREFIX
#   make uninstall [PREFIX=…] remove them again
#   make demo-cases           re-embed Fixtures/lager in the binary after changing the fixture store

PREFIX ?= /usr/local
DESTDIR ?=
SWIFT ?= swift

BINDIR := $(DESTDIR)$(PREFIX)/bin
MANDIR := $(DESTDIR)$(PREFIX)/share/man/man1
BASHDIR := $(DESTDIR)$(PREFIX)/share/bash-completion/completions
ZSHDIR := $(DESTDIR)$(PREFIX)/share/zsh/site-functions
FISHDIR := $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d
RELEASE := .build/release/unge
GENERATED := .build/share

.PHONY: all build release install uninstall test lint format demo-cases

all: build

build:
	$(SWIFT) build

# One self-contained file: the Swift runtime is linked in, so it runs on a machine without Swift.
release:
	$(SWIFT) build -c release --static-swift-stdlib

install: release
	mkdir -p $(GENERATED)
	$(RELEASE) man > $(GENERATED)/unge.1
	$(RELEASE) completion bash > $(GENERATED)/unge.bash
	$(RELEASE) completion zsh > $(GENERATED)/_unge
	$(RELEASE) completion fish > $(GENERATED)/unge.fish
	install -d $(BINDIR) $(MANDIR) $(BASHDIR) $(ZSHDIR) $(FISHDIR)
	install -m 0755 $(RELEASE) $(BINDIR)/unge
	install -m 0644 $(GENERATED)/unge.1 $(MANDIR)/unge.1
	install -m 0644 $(GENERATED)/unge.bash $(BASHDIR)/unge
	install -m 0644 $(GENERATED)/_unge $(ZSHDIR)/_unge
	install -m 0644 $(GENERATED)/unge.fish $(FISHDIR)/unge.fish

uninstall:
	rm -f $(BINDIR)/unge $(MANDIR)/unge.1 $(BASHDIR)/unge $(ZSHDIR)/_unge $(FISHDIR)/unge.fish

test:
	$(SWIFT) test

lint:
	$(SWIFT) format lint --strict -r Sources Tests

format:
	$(SWIFT) format -i -r Sources Tests Package.swift

demo-cases:
	python3 Scripts/embed-demo-cases.py
