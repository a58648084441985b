"""Screening a register: many applicants at once, in and out of spreadsheets and Parquet.

The rule language compiled to SQL (desktop/engine/sql) runs in embedded DuckDB (duck.py); the
outcomes three-valued SQL cannot be sure of are settled by the reference engine row by row
(reference.py). DuckDB is optional (`pip install .[screen]`): without it the Python engine screens
CSV and XLSX files alone.
"""
