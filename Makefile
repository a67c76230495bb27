# Benchmarks (not part of the tests). They read ../shared/data by path; see BENCHMARKS.md.
DATA ?= ../shared/data
STORYLINE ?= .venv/bin/storyline
PYTHON ?= .venv/bin/python

.PHONY: bench bench-multinews bench-duc2006 bench-duc2006-focus bench-disagreements bench-crossval \
	bench-batch bench-stories bench-stories-growth bench-duc2007 bench-ray bench-stories-ray bench-timelines bench-hostile

bench: bench-multinews bench-duc2006 bench-duc2006-focus bench-disagreements

bench-multinews:
	$(STORYLINE) eval $(DATA)/multinews_dev250.jsonl --metric f1 --words 250 \
		--report benchmarks/results/multinews_dev250

bench-duc2006:
	$(STORYLINE) eval $(DATA)/duc2006.jsonl --metric recall --words 250 \
		--peer-outputs $(DATA)/duc2006_peer_outputs.jsonl --report benchmarks/results/duc2006

# Query focus: each DUC topic's question against generic mode and the 35 official runs.
bench-duc2006-focus:
	$(STORYLINE) eval $(DATA)/duc2006.jsonl --metric recall --words 250 \
		--systems storyline,lead-words,oracle --mode scorer=centrality,selector=mmr \
		--mode focus=query --peer-outputs $(DATA)/duc2006_peer_outputs.jsonl \
		--report benchmarks/results/duc2006-focus

# The learned scorer out of fold, and its ablations (about 15 minutes).
bench-crossval:
	$(PYTHON) benchmarks/crossval.py

# storyline summarize batches of 200 clusters against sumy LexRank, start-up included.
bench-batch:
	$(PYTHON) benchmarks/batch.py
	$(PYTHON) benchmarks/stages.py

bench-disagreements:
	$(PYTHON) benchmarks/disagreements/score.py

# Story detection on the two dev streams, Storyline (`storyline stories add`, start-up
# included) beside a plain tf-idf single pass, then the threshold sweep (detection alone).
bench-stories:
	$(PYTHON) -m storyline.evaluate.stories $(DATA)/stories_multinews_dev.jsonl \
		$(DATA)/stories_duc2006.jsonl | tee benchmarks/results/stories.jsonl
	$(PYTHON) -m storyline.evaluate.stories --sweep --window-days 365 \
		$(DATA)/stories_multinews_dev.jsonl $(DATA)/stories_duc2006.jsonl \
		| tee benchmarks/results/stories-sweep.jsonl

# Time per article and peak memory at 1,000, 10,000 and 100,000 articles (about 30 minutes).
bench-stories-growth:
	$(PYTHON) -m storyline.evaluate.stories --growth 1000,10000,100000 \
		$(DATA)/stories_duc2006.jsonl | tee benchmarks/results/stories-growth.jsonl

# Update summarization: DUC 2007 update set B (old articles already read), scored as NIST
# did (--metric duc: ROUGE-2 and ROUGE-SU4 recall, jackknifed, 100 words), with the 24
# official runs; Storyline told what was read (since=old), generic, with the topic, and
# with the unsupervised scorer.
bench-duc2007:
	$(STORYLINE) eval $(DATA)/duc2007_update_b.jsonl --metric duc --words 100 \
		--systems storyline,lead-words,lead-sentences,lexrank,oracle \
		--mode since=old --mode since=none --mode since=old,focus=query \
		--mode since=old,scorer=centrality \
		--peer-outputs $(DATA)/duc2007_update_b_peer_outputs.jsonl \
		--report benchmarks/results/duc2007-update

# --engine ray against --jobs 1/2, on 200, 250 and 2500 clusters, analysis on and off, on a
# local Ray instance and on clusters of 1 and 2 nodes started with `ray start` (about an
# hour on a quiet 2-core machine; needs the ray extra). See BENCHMARKS.md, "Batches on Ray".
bench-ray:
	$(PYTHON) benchmarks/ray.py

# `stories add` of the two story streams: one process, --jobs 2, --engine ray (own
# instance, and a 1-node cluster of 2 CPUs); every store checked equal. BENCHMARKS.md,
# "Stories on Ray".
bench-stories-ray:
	$(PYTHON) benchmarks/stories_ray.py | tee benchmarks/results/stories-ray.jsonl

# Timeline summarization on the T17 dev topics (the tuning set): the field's protocol, with
# random and busiest-days baselines and seconds per timeline.
bench-timelines:
	$(STORYLINE) eval $(DATA)/t17_dev.jsonl --report benchmarks/results/t17_dev

# issue 17: a request of half a million unknown keys, and 1,000 half-sent requests from one
# address, against `storyline serve` on loopback (see BENCHMARKS.md, "Hardening").
bench-hostile:
	$(PYTHON) benchmarks/hostile_server.py
