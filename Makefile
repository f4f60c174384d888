# ratusz — see README.md.
GO      ?= go
BIN     := bin/ratusz
ADDR    ?= 127.0.0.1:1313

.PHONY: run build test vet clean

## run: build the built-in site and serve it on http://$(ADDR)
run: build
	$(BIN) serve -addr $(ADDR)

## build: compile the ratusz binary into bin/
build:
	$(GO) build -o $(BIN) ./cmd/ratusz

## test: every test
test: vet
	$(GO) test -race -count=1 ./...

vet:
	$(GO) vet ./...

clean:
	rm -rf bin public
