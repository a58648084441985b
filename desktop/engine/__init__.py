"""The rules engine: rule files -> rule pack -> assessments, with no Qt, PDF or database in sight.

Everything a view needs is importable from here; see docs/architecture.md for the contract.
"""

from desktop.engine import explain, phrases
from desktop.engine.amounts import format_amount, parse_amount
from desktop.engine.answers import AnswerError, coerce_answer
from desktop.engine.clock import KST, today_kst
from desktop.engine.deadlines import calendar, program_deadline
from desktop.engine.evaluate import evaluate
from desktop.engine.expr import UNKNOWN
from desktop.engine.formatting import format_near_miss, format_value
from desktop.engine.interview import applicable_questions, next_questions
from desktop.engine.loader import load_rules
from desktop.engine.profile import (
    ProfileError,
    dump_profile,
    load_profile,
    profile_from_dict,
    profile_to_dict,
)
from desktop.engine.serialize import assessment_to_dict, program_result_to_dict

__all__ = [
    "KST",
    "UNKNOWN",
    "AnswerError",
    "ProfileError",
    "applicable_questions",
    "assessment_to_dict",
    "calendar",
    "coerce_answer",
    "dump_profile",
    "evaluate",
    "format_amount",
    "format_near_miss",
    "format_value",
    "explain",
    "phrases",
    "load_profile",
    "load_rules",
    "next_questions",
    "parse_amount",
    "profile_from_dict",
    "profile_to_dict",
    "program_deadline",
    "program_result_to_dict",
    "today_kst",
]
