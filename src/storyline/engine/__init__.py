"""Running the same per-cluster work function at scale: in this process or in local
worker processes (`batch`)."""
