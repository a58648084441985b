"""Which questions a wizard page shows and which page comes next: plain logic, no widgets.

The engine ranks the questions still worth asking (most decisive first). The wizard groups them by
topic so the user answers related things together: the next page is the topic of the most decisive
question, and a page shows that topic's wanted questions plus the ones already answered there (so
going Back shows, and lets the user change, what they said). The order of a page stays as it was
when the page was first shown, so fields do not jump around while the user types; a question that
becomes relevant is added at the end, one that stops mattering (and was not answered) leaves.
"""

from __future__ import annotations

from typing import Any, Iterable, Mapping, Sequence

from desktop.engine.model import Question

APPLICANT_TYPE = "applicant_type"


def page_questions(topic: str, wanted: Sequence[Question], applicable: Iterable[Question],
                   answers: Mapping[str, Any], shown: Sequence[str] = ()) -> list[str]:
    """Question ids for the page of `topic`, keeping the order of what is `shown` already."""
    wanted_ids = [q.id for q in wanted if q.topic == topic and q.id != APPLICANT_TYPE]
    answered_ids = [q.id for q in applicable
                    if q.topic == topic and q.id in answers and q.id != APPLICANT_TYPE]
    relevant = set(wanted_ids) | set(answered_ids)
    keep = [qid for qid in shown if qid in relevant]
    seen = set(keep)
    page = list(keep)
    for qid in answered_ids + wanted_ids:
        if qid not in seen:
            page.append(qid)
            seen.add(qid)
    return page


def next_topic(wanted: Sequence[Question]) -> str | None:
    """The topic of the most decisive question still wanted; None when nothing is left to ask."""
    for q in wanted:
        if q.id != APPLICANT_TYPE:
            return q.topic
    return None


def first_topic(wanted: Sequence[Question], applicable: Iterable[Question],
                answers: Mapping[str, Any], topic_order: Sequence[str]) -> str | None:
    """Where a profile with no saved position starts: the first topic with anything to show."""
    return next_topic(wanted) or last_answered_topic(applicable, answers, topic_order)


def last_answered_topic(applicable: Iterable[Question], answers: Mapping[str, Any],
                        topic_order: Sequence[str]) -> str | None:
    topics = {q.topic for q in applicable if q.id in answers and q.id != APPLICANT_TYPE}
    ordered = [t for t in topic_order if t in topics]
    return ordered[-1] if ordered else None


def progress(wanted: Sequence[Question], applicable: Iterable[Question],
             answers: Mapping[str, Any]) -> tuple[int, int]:
    """(answered, still wanted) among the questions that apply now."""
    answered = sum(1 for q in applicable if q.id in answers and q.id != APPLICANT_TYPE)
    left = sum(1 for q in wanted if q.id != APPLICANT_TYPE and q.id not in answers)
    return answered, left
