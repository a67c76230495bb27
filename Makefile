# Benchmarks (not part of the tests). They read ../shared/data by path; see BENCHMARKS.md.
DATA ?= ../shared/data
STORYLINE ?= .venv/bin/storyline

.PHONY: bench bench-multinews bench-duc2006

bench: bench-multinews bench-duc2006

bench-multinews:
	$(STORYLINE) eval $(DATA)/multinews_dev250.jsonl --metric f1 --words 250 \
		--report benchmarks/results/multinews_dev250

bench-duc2006:
	$(STORYLINE) eval $(DATA)/duc2006.jsonl --metric recall --words 250 \
		--peer-outputs $(DATA)/duc2006_peer_outputs.jsonl --report benchmarks/results/duc2006
