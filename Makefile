# A thin front door: set up .venv/ and node_modules/, then hand over to the invoke tasks in tasks.py.
# After any target, `.venv/bin/invoke --list` shows every task.
VENV := .venv
INVOKE := $(VENV)/bin/invoke

.PHONY: setup build serve livereload edit test check ocr publish bundle bench search-quality clean

setup: $(VENV)/.installed node_modules/.installed

$(VENV)/.installed: requirements.txt pyproject.toml scripts/prerequisites.sh
	@sh scripts/prerequisites.sh
	python3 -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --disable-pip-version-check -r requirements.txt
	$(VENV)/bin/pip install --quiet --disable-pip-version-check --no-deps --editable .
	@touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	@touch $@

build: setup
	$(INVOKE) build

# `make serve HOST=0.0.0.0 PORT=8080`: the preview on every network of this computer (to open it on a phone), on
# another port; the defaults are pelicanconf.py's BIND and PORT (127.0.0.1, 8000).
PREVIEW_OPTIONS = $(if $(HOST),--host '$(HOST)') $(if $(PORT),--port '$(PORT)')

serve: setup
	$(INVOKE) serve $(PREVIEW_OPTIONS)

livereload: setup
	$(INVOKE) livereload $(PREVIEW_OPTIONS)

# `make edit`: the web editor at http://127.0.0.1:8000/admin/, writing into content/, with the preview beside it;
# `make edit PORT=8001 BACKEND_PORT=8082` when those ports are taken (the defaults: pelicanconf.py's PORT and the
# port of its EDITOR_BACKEND).
edit: setup
	$(INVOKE) edit $(if $(PORT),--port '$(PORT)') $(if $(BACKEND_PORT),--backend-port '$(BACKEND_PORT)')

test: setup
	@sh scripts/prerequisites.sh --test
	$(INVOKE) test

check: setup
	$(INVOKE) check

ocr: setup
	$(INVOKE) ocr

publish: setup
	$(INVOKE) publish

bundle: setup
	$(INVOKE) bundle

bench: setup
	$(INVOKE) bench

search-quality: setup
	@sh scripts/prerequisites.sh --test
	$(INVOKE) search-quality

clean:
	rm -rf output .output-* .output.lock dist cache .venv node_modules .pytest_cache *.egg-info
