"""Running the same per-cluster work function at scale: in this process or in local
worker processes (`batch`), or on a Ray cluster (`ray`, the `ray` extra), writing through
atomic, resumable output files (`output`)."""
