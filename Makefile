# Passkey Doctor. `make help` lists the targets.

GO       ?= go
GOROOT   := $(shell $(GO) env GOROOT)
BIN      := bin/passkey-doctor
WASM     := web/app.wasm
ADDR     ?= :8080
FUZZTIME ?= 60s

# axe-core runs the accessibility checks in the browser tests.
AXE_VERSION := 4.14.1
AXE      := bin/axe/node_modules/axe-core/axe.min.js

# Everything app.wasm is built from.
WASM_SRC := $(shell find app wasm -name '*.go') go.mod go.sum

.DEFAULT_GOAL := help
.PHONY: help run build wasm test e2e bench fuzz lint static clean

help: ## Show the targets.
	@grep -E '^[a-z0-9]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-8s %s\n", $$1, $$2}'

run: wasm ## Build the page and serve it on http://localhost:8080.
	$(GO) run -trimpath ./server serve --addr $(ADDR)

build: wasm ## Build the server binary into bin/passkey-doctor (assets embedded).
	CGO_ENABLED=0 $(GO) build -trimpath -ldflags='-s -w' -o $(BIN) ./server

wasm: $(WASM).br web/wasm_exec.js.br ## Build web/app.wasm and its brotli/gzip twins.

# No inlining in the page's own packages: it is UI code, and the inlined
# go-app builder chains only make app.wasm bigger to send (see
# server/bench/build.go, which builds it the same way).
$(WASM): $(WASM_SRC)
	GOOS=js GOARCH=wasm $(GO) build -trimpath -ldflags='-s -w' -gcflags='github.com/passkey-doctor/passkey-doctor/app/...=-l' -o $@ ./wasm

$(WASM).br: $(WASM)
	$(GO) run ./server/cmd/precompress $(WASM)

web/wasm_exec.js: $(GOROOT)/lib/wasm/wasm_exec.js
	cp $< $@

web/wasm_exec.js.br: web/wasm_exec.js
	$(GO) run ./server/cmd/precompress web/wasm_exec.js

test: wasm $(AXE) ## Run every test, browser tests in headless Chromium included.
	AXE_JS=$(CURDIR)/$(AXE) $(GO) test -count=1 ./...

e2e: wasm $(AXE) ## Run only the browser tests.
	AXE_JS=$(CURDIR)/$(AXE) $(GO) test -count=1 -run 'Browser' ./server/...

$(AXE):
	npm install --no-audit --no-fund --prefix bin/axe axe-core@$(AXE_VERSION)

# Each figure comes from one measured run (-benchtime=1x): builds, browser
# loads and load runs are long enough on their own. The summary table at the
# end comes from server/bench; `go test -bench X ./server/bench` runs one.
bench: wasm ## Print size, load, API and memory figures (about 5 minutes).
	$(GO) test -run '^$$' -bench . -benchmem ./server/api
	$(GO) test -run '^$$' -bench . -benchtime=1x -timeout 30m ./server/bench

# Fuzz targets are found in the source (func FuzzX in a _test.go file), so a
# package that fails to build fails the target instead of being skipped.
fuzz: ## Run every fuzz target for FUZZTIME each (default 60s).
	@set -e; for dir in $$(grep -rl --include='*_test.go' '^func Fuzz' app server | xargs -n1 dirname | sort -u); do \
	  for t in $$(grep -h -o '^func Fuzz[A-Za-z0-9_]*' $$dir/*_test.go | cut -d' ' -f2); do \
	    echo "fuzz ./$$dir $$t for $(FUZZTIME)"; \
	    $(GO) test -run '^$$' -fuzz "^$$t$$" -fuzztime $(FUZZTIME) -fuzzminimizetime 5s ./$$dir; \
	  done; \
	done

lint: ## gofmt, go vet (native and wasm) and staticcheck.
	@test -z "$$(gofmt -l .)" || (gofmt -l .; exit 1)
	$(GO) vet ./...
	GOOS=js GOARCH=wasm $(GO) vet ./app/... ./wasm
	$(GO) build -o bin/staticcheck honnef.co/go/tools/cmd/staticcheck
	bin/staticcheck ./...
	GOOS=js GOARCH=wasm bin/staticcheck ./app/... ./wasm

STATIC_DIR ?= bin/static

static: wasm ## Export the whole site as files into STATIC_DIR (default bin/static); tests run locally there.
	$(GO) run -trimpath ./server static --out $(STATIC_DIR)

clean: ## Remove build products and test artefacts.
	rm -rf bin .artifacts $(WASM) $(WASM).br $(WASM).gz web/wasm_exec.js web/wasm_exec.js.br web/wasm_exec.js.gz
