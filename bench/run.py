"""Benchmarks live here; none are defined yet (throughput and memory come with IMAP)."""

print("no benchmarks yet")
