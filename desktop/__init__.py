"""Jiwon (지원): offline eligibility assistant for Korean government support programs."""

__version__ = "0.1.0"
