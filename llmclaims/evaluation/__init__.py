"""Measure extraction quality against gold annotations (gold format, corpus adapters, scorer)."""
