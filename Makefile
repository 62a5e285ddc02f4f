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

bench: $(STAMP)
	$(BIN)/kinerja bench accuracy --raw ../shared/corpus/real --truth ../shared/corpus/real_truth_dev.csv

clean:
	rm -rf $(VENV) curated reports
