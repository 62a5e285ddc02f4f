# Two commands do all the set-up: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test samples bench clean

$(STAMP): pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet --no-deps -r requirements.lock  # a full freeze: exactly these, nothing pulled in beside
	$(BIN)/pip install --quiet --no-deps -e .
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/kinerja run --raw raw --curated curated --reports reports

test: $(STAMP)
	$(BIN)/python -m pytest

samples: $(STAMP)
	$(BIN)/kinerja samples --out raw

bench: $(STAMP)  # every development set of ../shared/corpus (skipped if absent), then the generated samples
	$(BIN)/kinerja bench accuracy --corpus ../shared/corpus
	$(BIN)/kinerja bench accuracy --raw raw --truth raw/sample_truth.csv --budget-truth raw/sample_budget_truth.csv

clean:
	rm -rf $(VENV) curated reports
