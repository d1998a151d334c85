# A thin front door: set up .venv/ and node_modules/, then hand over to the invoke tasks in tasks.py.
# After any target, `.venv/bin/invoke --list` shows every task.
VENV := .venv
INVOKE := $(VENV)/bin/invoke

.PHONY: setup build serve livereload test check publish bundle bench search-quality clean

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

serve: setup
	$(INVOKE) livereload

livereload: setup
	$(INVOKE) livereload

test: setup
	@sh scripts/prerequisites.sh --test
	$(INVOKE) test

check: setup
	$(INVOKE) check

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
	rm -rf output dist cache .venv node_modules .pytest_cache *.egg-info
