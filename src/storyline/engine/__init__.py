"""Running one work function over many items, results in input order: in this process or
in local worker processes (`pool`), or on a Ray cluster (`ray`, the `ray` extra). Used by
batches of clusters (`batch`, writing through atomic, resumable output files: `output`)
and by `stories add`'s per-article work (`stories`)."""
