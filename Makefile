# ratusz — see README.md.
GO      ?= go
NPM     ?= npm
BIN     := bin/ratusz
ADDR    ?= 127.0.0.1:1313
# The browser tests (headless chromium, axe-core, the Nu HTML Checker) are
# slow under the race detector, so they run without it.
BROWSER := ./generator/internal/a11ytest ./generator/internal/servetest

.PHONY: run build test vet tools bench clean fuzz

# FUZZTIME bounds each fuzz target's run in make fuzz (and so in make test).
FUZZTIME ?= 15s
# FUZZMINIMIZE bounds the calls spent shrinking each new input the fuzzer
# keeps (and each crasher): left at Go's default of 60 s, a target spends
# its whole FUZZTIME shrinking the first few inputs it finds. As a count,
# not a time, it costs a slow target no more calls than a fast one.
FUZZMINIMIZE ?= 100x
# The fuzz targets run with a newer Go, fetched once like a module: Go
# 1.26's fuzzing coordinator can report its own FUZZTIME deadline as a
# failure, with no failing input (go.dev/issue/75804, fixed in Go 1.27).
FUZZ_TOOLCHAIN ?= go1.27.3
# Each fuzz target, as package:Name: every func Fuzz… of the tree's tests,
# so that a new target is fuzzed, not only run on its seeds.
FUZZ := ${shell grep -r -E -o --include='*_test.go' --exclude-dir=.git \
	--exclude-dir=node_modules --exclude-dir=testdata \
	'^func Fuzz[A-Za-z0-9_]*\([A-Za-z_]+ \*testing\.F\)' . | \
	sed -E 's|/[^/]*_test\.go:func (Fuzz[A-Za-z0-9_]*)\(.*|:\1|' | sort}

## run: build the built-in site and serve it on http://$(ADDR)
run: build
	$(BIN) serve -addr $(ADDR)

## build: compile the ratusz binary into bin/; -buildvcs=auto stamps the
## git revision that ratusz version prints, even where GOFLAGS turns it off
build:
	$(GO) build -buildvcs=auto -o $(BIN) ./cmd/ratusz

## test: every test: gofmt and vet, the unit tests with the race detector, then the
## browser tests in chromium: accessibility (generator/internal/a11ytest) and
## the live-reloading dev server (generator/internal/servetest); every
## benchmark runs once on small trees (-short -benchtime 1x) so none rots
test: tools vet node_modules
	$(GO) test -race -count=1 $$($(GO) list ./... | grep -v -e '/a11ytest$$' -e '/servetest$$')
	$(GO) test -count=1 -short -run '^$$' -bench . -benchtime 1x $$($(GO) list ./... | grep -v -e '/a11ytest$$' -e '/servetest$$')
	$(GO) test -count=1 -v $(BROWSER)
	$(MAKE) fuzz

## fuzz: run each fuzz target for FUZZTIME (default 15s); a crasher is kept
## in the package's testdata/fuzz/ and fails the run
fuzz:
	@set -e; for t in $(FUZZ); do \
		pkg=$${t%%:*}; name=$${t##*:}; \
		echo "GOTOOLCHAIN=$(FUZZ_TOOLCHAIN) $(GO) test -run '^$$name$$' -fuzz '^$$name$$' -fuzztime $(FUZZTIME) -fuzzminimizetime $(FUZZMINIMIZE) -parallel 1 $$pkg"; \
		GOTOOLCHAIN=$(FUZZ_TOOLCHAIN) $(GO) test -run "^$$name\$$" -fuzz "^$$name\$$" -fuzztime $(FUZZTIME) -fuzzminimizetime $(FUZZMINIMIZE) -parallel 1 $$pkg; \
	done

vet:
	@files=$$(find . -name '*.go' -not -path './node_modules/*' -not -path './.git/*' | xargs gofmt -l); \
	if [ -n "$$files" ]; then echo "gofmt would change:"; echo "$$files"; exit 1; fi
	$(GO) vet ./...

## tools: chromium, a Java runtime and npm from Debian's packages, if missing
tools:
	@bash .ci/install-tools

## node_modules: the npm packages of package-lock.json (axe-core, vnu-jar);
## --ignore-scripts keeps vnu-jar from downloading a Java runtime
node_modules: package.json package-lock.json
	@if command -v $(NPM) >/dev/null 2>&1; then \
		echo "$(NPM) ci --ignore-scripts --no-audit --no-fund"; \
		$(NPM) ci --ignore-scripts --no-audit --no-fund && touch node_modules; \
	else \
		echo "make: no $(NPM): the accessibility checks will say what is missing (.ci/run installs it)"; \
	fi

## bench: build corpus trees of 1,000, 10,000 and 100,000 entries with
## ratusz, Hugo (if installed) and a goldmark-only floor, and print time and
## memory side by side; then measure the search beside Pagefind (bench/run.sh;
## SIZES="1000 10000" for fewer, SEARCH=0 to leave the search out)
bench: tools node_modules
	@bash bench/run.sh

clean:
	rm -rf bin public screenshots
