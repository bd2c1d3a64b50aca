# The two commands of the README:  make demo  and  make test.
# Both work as root on a fresh Debian machine with only Python 3.11.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
PORT   ?= 8866

.PHONY: setup lock demo hub-deps hub-demo test test-load test-fast system-deps bench clean

## make setup: a .venv with exactly the versions in requirements.lock (hash-checked), then the package
setup: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV) || { apt-get update -qq && apt-get install -y -qq python3-venv && $(PYTHON) -m venv $(VENV); }
	$(PY) -m pip install --quiet --require-hashes --only-binary :all: -r requirements.lock
	$(PY) -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $@

## make lock: re-resolve every dependency (pyproject.toml + build tools) into requirements.lock.
## Run it after changing a dependency in pyproject.toml, then make test, and commit both files.
UV_VERSION := 0.13.9
lock:
	@test -x $(VENV)/bin/python || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet "uv==$(UV_VERSION)"
	printf 'setuptools>=68\nwheel>=0.42\npip>=24\n' | $(VENV)/bin/uv pip compile pyproject.toml - \
		--extra dev --extra hub --generate-hashes --custom-compile-command "make lock" -o requirements.lock

## make demo: set up, build the demo project from the sample data, serve the Swedish app on 127.0.0.1
demo: setup
	$(VENV)/bin/workbench demo --mapp demo-projekt --port $(PORT)

## make hub-deps: JupyterHub's proxy (configurable-http-proxy, pinned in deploy/package-lock.json) from npm
hub-deps: deploy/node_modules/.bin/configurable-http-proxy

deploy/node_modules/.bin/configurable-http-proxy: deploy/package.json deploy/package-lock.json
	@command -v npm >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq npm >/dev/null; }
	npm ci --prefix deploy --no-audit --no-fund --loglevel=error
	touch $@

## make hub-demo: PostgreSQL + JupyterHub on 127.0.0.1 with the demo project and the accounts
## agare (owner), personal1 and personal2 (staff); prints the address and the passwords
PORT_HUB ?= 8000
hub-demo: setup system-deps hub-deps
	WORKBENCH_PG_PORT=$${WORKBENCH_PG_PORT:-54339} PORT_HUB=$(PORT_HUB) bash .ci/with-postgres.sh $(PY) deploy/hub_demo.py

## Debian packages the browser and database tests need (installed only when missing)
system-deps:
	@if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null || ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver postgresql >/dev/null; \
	fi

## make test: set up and run every test (unit, golden, notebook, browser, PostgreSQL)
test: setup system-deps hub-deps
	bash .ci/with-postgres.sh $(PY) -m pytest -q --timeout=900 -m "not load"

## make test-load: 20 signed-in staff randomize 10 each through a real hub against PostgreSQL
## (minutes on 2 cores; kept out of make test because it timed out on a loaded machine)
test-load: setup system-deps hub-deps
	bash .ci/with-postgres.sh $(PY) -m pytest -q --timeout=1500 -m load

## only the quick unit tests (no browser, notebooks or PostgreSQL)
test-fast: setup
	$(PY) -m pytest -q -m "not browser and not notebook and not postgres and not slow and not hub"

bench: setup
	for b in benchmarks/bench_*.py; do $(PY) $$b || exit 1; done

clean:
	rm -rf demo-projekt artifacts .pytest_cache .hub-demo
