"""The one bilingual phrase catalog: every word an outcome, a criterion or a deadline is said with.

The screen, the PDF, the command line, the JSON `*_text` fields and the calendar file all take
their words from here, so the same assessment reads the same everywhere. Widget chrome (menus,
buttons, field labels) stays in Qt's translation files; the words of outcomes do not.

A template fills `{name}` from its fields; `{name|이}` also adds the particle that fits how the
filled-in word is read (이/가, 을/를, 은/는, 과/와, 으로/로), so a Korean sentence never guesses
"을(를)". A field may be a `Text` (its Korean or English side is used) or anything else (str()).
"""

from __future__ import annotations

import re
from typing import Any

from desktop.engine.josa import attach
from desktop.engine.model import Text

_P = Text  # short for the table below

PHRASES: dict[str, Text] = {
    # ---------------------------------------------------------------- a program's outcome
    "status.eligible": _P("신청 가능", "Eligible"),
    "status.ineligible": _P("신청 불가", "Not eligible"),
    "status.undetermined": _P("판단 보류", "Undetermined"),
    "status.other_applicants": _P("다른 신청자 대상", "For other applicants"),
    # ---------------------------------------------------------------- one criterion's result
    "result.met": _P("충족", "Met"),
    "result.not_met": _P("미충족", "Not met"),
    "result.unknown": _P("미확인", "Unknown"),  # never "모름": that is the answer "I don't know"
    "exclusion.met": _P("해당 없음", "Does not apply"),
    "exclusion.not_met": _P("해당: 제외", "Applies: excluded"),
    "exclusion.unknown": _P("미확인", "Unknown"),
    "unsettled": _P("자료에 없음", "The sources do not say"),  # no answer can settle it
    "kind.audience": _P("신청 대상", "Who can apply"),
    "kind.criterion": _P("요건", "Criterion"),
    "kind.exclusion": _P("제외 사유", "Exclusion"),
    "group.any": _P("다음 중 하나", "one of"),
    "group.not": _P("다음에 해당하지 않을 것", "must not hold"),
    "to_verify": _P("확인 필요", "to verify"),
    "to_verify.long": _P("확인 필요(출처 불충분)", "To verify (weak or no source)"),
    "sources_silent": _P("출처에 기준 없음 – 운영 기관 확인 필요", "Sources are silent – ask the operator"),
    # ---------------------------------------------------------------- applicants
    "applicant.company": _P("기업", "Company"),
    "applicant.school": _P("학교", "School"),
    "applicant.individual": _P("개인", "Individual"),
    "applicants.company": _P("기업", "companies"),
    "applicants.school": _P("학교", "schools"),
    "applicants.individual": _P("개인", "individuals"),
    "audience.open_to": _P("신청 대상: {who}", "Open to: {who}"),
    "audience.only": _P("이 사업은 {who}만 신청할 수 있습니다", "Only {who} can apply to this program"),
    "audience.left_out": _P("다른 신청자 대상 사업 {n}개는 제외했습니다",
                            "{n} programs for other kinds of applicant are left out"),
    "audience.left_out_one": _P("다른 신청자 대상 사업 {n}개는 제외했습니다",
                                "1 program for another kind of applicant is left out"),
    "applicant.unknown": _P("미정", "Not given"),
    # ---------------------------------------------------------------- who the applicant is
    "who.type": _P("신청자 유형", "Applicant type"),
    "who.size_basis": _P("{size} (근거: {basis})", "{size} (based on: {basis})"),
    "size.micro": _P("소상공인", "Micro enterprise"),
    "size.small": _P("소기업", "Small enterprise"),
    "size.medium": _P("중기업", "Medium-sized enterprise"),
    "size.midsize": _P("중견기업", "Mid-size (middle-standing) enterprise"),
    "size.large": _P("대기업", "Large enterprise"),
    # a program's maturity as its rule file states it (the rule book); views show the badge
    "maturity.open_call": _P("공모 사업", "Open call"),
    "maturity.announced_policy": _P("발표된 정책", "Announced policy"),
    "maturity.planned": _P("계획 단계", "Planned"),
    # ---------------------------------------------------------------- how real a program is
    "badge.open_call": _P("공모 중", "Open call"),
    "badge.call_expected": _P("공모 예정", "Call expected"),
    "badge.announced_policy": _P("발표된 정책 · 공고 없음", "Announced policy, no call"),
    "badge.planned": _P("계획 단계", "Planned"),
    "badge.open_call.sentence": _P("모집 공고가 나와 있고 지금 접수 중입니다.",
                                   "A call is published and applications are open now."),
    "badge.call_expected.sentence": _P("해마다 공모하는 사업이지만 지금은 접수 기간이 아닙니다.",
                                       "The program has regular calls, but none is open now."),
    "badge.announced_policy.sentence": _P("정부가 발표한 정책이지만 모집 공고는 아직 없습니다.",
                                          "Announced by the government; no call has been published."),
    "badge.planned.sentence": _P("논의 중인 계획으로 아직 공고가 없고 내용이 바뀔 수 있습니다.",
                                 "Still a plan: nothing is announced and the details may change."),
    # ---------------------------------------------------------------- deadline states and sentences
    "deadline.open": _P("접수 중", "Open"),
    "deadline.upcoming": _P("접수 예정", "Upcoming"),
    "deadline.closed": _P("마감", "Closed"),
    "deadline.not_announced": _P("미공고", "Not announced"),
    "deadline.rolling": _P("상시 접수", "Rolling"),
    "deadline.estimated": _P("추정", "Estimated"),
    "round.fixed": _P("정해진 기간", "Fixed dates"),
    "round.budget": _P("예산 소진 시 마감", "Until the budget runs out"),
    "round.rolling": _P("상시", "Rolling"),
    "round.not_announced": _P("미공고", "Not announced"),
    "round.estimated": _P("추정", "Estimated"),
    "estimated": _P("추정", "estimated"),
    "days.left": _P("D-{n}", "{n} days left"),
    "days.left_one": _P("D-{n}", "1 day left"),
    "days.today": _P("오늘 마감", "Closes today"),
    "days.ago": _P("{n}일 지남", "{n} days ago"),
    "days.short": _P("D-{n}", "{n} days"),
    "days.short_one": _P("D-{n}", "1 day"),
    "in_days": _P("{n}일 후", "in {n} days"),
    "in_days_one": _P("{n}일 후", "in 1 day"),
    "about_days": _P("약 {n}일 후", "in about {n} days"),
    "say.open_close": _P("접수 중 · {closes} 마감 · {left}", "Open · closes {closes} · {left}"),
    "say.open_budget": _P("접수 중 · 예산이 소진되면 마감", "Open until the budget runs out"),
    "say.open_budget_close": _P("접수 중 · {closes}까지(예산 소진 시 조기 마감) · {left}",
                                "Open until {closes} or until the budget runs out · {left}"),
    "say.open_no_close": _P("접수 중 · 마감일 미공고", "Open · no closing date announced"),
    "say.rolling": _P("상시 접수", "Applications taken all year round"),
    "say.rolling_until": _P("상시 접수 · {closes}까지", "Applications taken all year round, until {closes}"),
    "say.upcoming": _P("{opens} 접수 시작({wait})", "Opens {opens} ({wait})"),
    "say.upcoming_close": _P("{opens} 접수 시작({wait}) · {closes} 마감",
                             "Opens {opens} ({wait}) · closes {closes}"),
    "say.estimated_ahead": _P("약 {n}일 후 접수 시작 예상(추정: {opens} ~ {closes})",
                              "Opens in about {n} days (estimate: {opens} – {closes})"),
    "say.estimated_open": _P("예년이면 지금 접수 기간(추정: {opens} ~ {closes}) · 공고 확인 필요",
                             "Usually open now (estimate: {opens} – {closes}) · check for the call"),
    "short.estimated_open": _P("예년이면 접수 중(추정)", "Usually open (estimate)"),
    "say.closed": _P("{closes} 마감", "Closed on {closes}"),
    "say.closed_undated": _P("지난 접수는 끝났습니다", "The last round has ended"),
    "say.not_announced": _P("접수 일정 미공고", "No application window announced"),
    # ---------------------------------------------------------------- deciding reasons
    "reason.failed": _P("{text}", "{text}"),
    "reason.either_none": _P("다음 중 하나가 필요하지만 어느 것도 충족하지 않습니다: {items}",
                             "Needs one of these, and none is met: {items}"),
    "reason.either_open": _P("다음 중 하나가 확인되어야 합니다: {items}",
                             "One of these must be confirmed: {items}"),
    "reason.or": _P(" / ", " / "),
    "reason.and": _P(" · ", "; "),
    "reason.must_not": _P("{text} — 해당하지 않아야 합니다", "{text} — must not hold"),
    "reason.does_not_hold": _P("{text} — 해당하지 않음", "{text} — does not hold"),
    "reason.excluded": _P("제외 사유에 해당: {text}", "Excluded: {text}"),
    "reason.question": _P("{label}", "{label}"),
    # what a program pays, worked out from the answers (a benefit with an amount expression):
    # the figure as its rule gives it (what it pays, its most or its least), then the sentence
    "amount.figure.exact": _P("{amount}", "{amount}"),
    "amount.figure.up_to": _P("최대 {amount}", "up to {amount}"),
    "amount.figure.at_least": _P("최소 {amount}", "at least {amount}"),
    "amount.value": _P("이 답으로는 {amount|이} 지원됩니다", "For these answers: {amount}"),
    "amount.range": _P("{questions}에 대한 답에 따라 {low}에서 {high}까지 달라집니다",
                       "From {low} to {high}, depending on the answer to {questions}"),
    "amount.open": _P("금액은 {questions}에 대한 답에 따라 정해집니다",
                      "The amount depends on the answer to {questions}"),
    "amount.silent": _P("이 답에 해당하는 금액은 자료에 나와 있지 않습니다",
                        "The sources give no amount for these answers"),
    "amount.short_range": _P("{low}~{high}", "{low} to {high}"),
    "amount.question": _P("‘{label}’", "‘{label}’"),
    "amount.and": _P(", ", ", "),
    "reason.silent": _P("{text} — 출처에 기준이 없어 운영 기관 확인 필요",
                        "{text} — the sources are silent; ask the operator"),
    "confirm.criterion": _P("{text} — 확인 필요", "{text} — to confirm"),
    "confirm.exclusion": _P("{text}에 해당하지 않아야 합니다 — 확인 필요",
                            "Must not apply: {text} — to confirm"),
    "confirm.holds": _P("{text} — 확인 필요", "{text} — to confirm"),
    "headline.eligible": _P("모든 자격 조건을 충족하고 제외 사유가 없습니다.",
                            "Every condition is met and no exclusion applies."),
    "headline.eligible_confirm": _P("자격 조건을 충족합니다. 확인할 사항 {n}개가 남아 있습니다.",
                                    "The conditions are met; {n} points remain to confirm."),
    "headline.eligible_confirm_one": _P("자격 조건을 충족합니다. 확인할 사항 {n}개가 남아 있습니다.",
                                        "The conditions are met; 1 point remains to confirm."),
    "headline.ineligible": _P("충족하지 않는 조건: {n}개", "Conditions not met: {n}"),
    "headline.excluded": _P("제외 사유에 해당합니다.", "An exclusion applies."),
    "headline.audience": _P("{who} 대상 사업이 아닙니다.", "Not open to {who}."),
    "headline.undetermined": _P("아래 질문 {n}개에 답하면 판정할 수 있습니다.",
                                "Answering the {n} questions below would decide it."),
    "headline.undetermined_one": _P("아래 질문 {n}개에 답하면 판정할 수 있습니다.",
                                    "Answering the question below would decide it."),
    "headline.silent": _P("출처가 밝히지 않은 조건이 있어 운영 기관의 확인이 필요합니다.",
                          "The sources are silent on a condition; the operator must confirm it."),
    "heading.why_not": _P("신청할 수 없는 이유", "Why not"),
    "heading.why": _P("신청할 수 있는 근거", "Why eligible"),
    "heading.to_answer": _P("판정에 필요한 답변", "Questions that would decide it"),
    "heading.to_confirm": _P("확인할 사항", "To confirm"),
    "heading.amounts": _P("지원 금액", "What it pays"),
    "heading.near_misses": _P("아깝게 못 미친 기준", "Close to the limit"),
    "heading.deadline": _P("접수 기간", "Application window"),
    "heading.questions": _P("답해야 할 질문", "Questions to answer"),
    "heading.deadlines": _P("마감 일정", "Deadlines"),
    "answered_dont_know": _P("'모름'으로 답함", "answered “I don't know”"),
    # ---------------------------------------------------------------- near misses
    "near.over": _P("{label} {value|이} 한도 {limit|을} {by} 초과",
                    "{label} {value} is above the {limit} limit by {by}"),
    "near.under": _P("{label} {value|이} 기준 {limit}에 {by} 미달",
                     "{label} {value} is below the {limit} minimum by {by}"),
    "near.points": _P("{n}%포인트", "{n} percentage points"),
    "near.points_one": _P("{n}%포인트", "1 percentage point"),
    # ---------------------------------------------------------------- what changed (rules, outcomes)
    "change.none": _P("없음", "none"),
    "change.open_end": _P("…", "…"),
    "change.program_new": _P("새로 추가된 사업입니다", "a new program in the rules"),
    "change.program_gone": _P("규칙에서 빠진 사업입니다", "no longer in the rules"),
    "change.program_same": _P("{name}: {status}", "{name}: {status}"),
    "change.program_moved": _P("{name}: {old} → {new}", "{name}: {old} → {new}"),
    "change.status_moved": _P("결과가 {old}에서 {new|으로} 바뀌었습니다",
                              "the outcome moved from {old} to {new}"),
    "change.value_moved": _P("{label|이} {old}에서 {new|으로} 바뀌었습니다",
                             "{label} moved from {old} to {new}"),
    "change.value_moved_fits": _P("{label|이} {old}에서 {new|으로} 바뀌었습니다 — {yours|이} 이제 기준에 맞습니다",
                                  "{label} moved from {old} to {new} — your {yours} now fits"),
    "change.value_moved_misses": _P("{label|이} {old}에서 {new|으로} 바뀌었습니다 — {yours|은} 이제 기준에 맞지 않습니다",
                                    "{label} moved from {old} to {new} — your {yours} no longer fits"),
    "change.value_moved_now": _P("{label|이} {old}에서 {new|으로} 바뀌었습니다 — 이제 {result}",
                                 "{label} moved from {old} to {new} — now {result}"),
    "change.criterion_added": _P("새 요건: {text} ({result})", "new criterion: {text} ({result})"),
    "change.criterion_removed": _P("없어진 요건: {text}", "criterion dropped: {text}"),
    "change.result_moved": _P("{text}: {old} → {new}", "{text}: {old} → {new}"),
    "change.span": _P("{opens} ~ {closes}", "{opens} – {closes}"),
    "change.round_announced": _P("{round} 회차가 공고되었습니다: {span} (추정 일정을 대체)",
                                 "the {round} round was announced: {span}, replacing the estimate"),
    "change.window_moved": _P("접수 기간이 {old}에서 {new|으로} 바뀌었습니다",
                              "the application window moved from {old} to {new}"),
    "change.window_moved_estimated": _P("접수 기간이 {old}에서 {new|으로} 바뀌었습니다 (추정)",
                                        "the application window moved from {old} to {new} (estimated)"),
    "change.valid_from": _P("{date}부터", "from {date}"),
    "change.valid_to": _P("{date}까지", "until {date}"),
    "change.rule": _P("{where}{area} {action}: {subject}", "{where}{area} {action}: {subject}"),
    "change.area.program": _P("사업", "program"),
    "change.area.criterion": _P("요건", "criterion"),
    "change.area.limit": _P("기준값", "limit"),
    "change.area.benefit": _P("지원 내용", "benefit"),
    "change.area.round": _P("접수 회차", "round"),
    "change.area.source": _P("출처", "source"),
    "change.area.table": _P("표", "table entry"),
    "change.area.definition": _P("정의", "definition"),
    "change.action.added": _P("추가", "added"),
    "change.action.removed": _P("삭제", "removed"),
    "change.action.changed": _P("변경", "changed"),
    # ---------------------------------------------------------------- values
    "value.dont_know": _P("모름", "I don't know"),
    "value.not_answered": _P("아직 답하지 않음", "not answered yet"),
    "value.unknown": _P("알 수 없음", "unknown"),
    "value.yes": _P("예", "Yes"),
    "value.no": _P("아니요", "No"),
    "value.none": _P("없음", "none"),
    "no_date": _P("–", "–"),
    # ---------------------------------------------------------------- sources
    "source.official": _P("공식 자료", "official"),
    "source.press": _P("언론 보도", "press report"),
    "source.blog": _P("비공식 자료 – 확인 필요", "unofficial source – to verify"),
    "source.age": _P("{n}개월 전 자료", "{n} months old"),
    "source.age_one": _P("{n}개월 전 자료", "1 month old"),
    "source.old": _P("가장 최근 출처가 {date} 자료({months}개월 전)입니다. 최신 공고를 확인하세요.",
                     "The newest source is from {date} ({months} months old). Check the latest call."),
    "source.reviewed": _P("규칙 검토일 {date}", "Rules last reviewed {date}"),
    "rules.version": _P("{date} 규칙 · {id}", "{date} rules · {id}"),
    "rules.dated": _P("{date} 규칙", "{date} rules"),
    # ---------------------------------------------------------------- changes since a check
    "changes.title": _P("지난 확인 이후 달라진 점", "Changes since your last assessment"),
    "changes.intro": _P(
        "{old_date}에 {old_rules} 규칙으로 확인한 결과와 {new_date}에 {new_rules} 규칙으로 확인한 결과를 "
        "비교했습니다. 결과나 접수 일정이 달라진 사업만, 달라진 까닭과 함께 싣습니다.",
        "The check of {old_date} under rules {old_rules} compared with the check of {new_date} under "
        "rules {new_rules}: only the programs whose outcome or application dates changed, each with why."),
    "changes.open": _P("{name} 열기", "Open {name}"),
    "changes.more": _P("그 밖의 {n}개 프로필은 시작 화면에 표시됩니다", "{n} more profiles are marked on the start page"),
    "changes.more_one": _P("그 밖의 {n}개 프로필은 시작 화면에 표시됩니다", "1 more profile is marked on the start page"),
    "changes.since": _P("지난 확인({date}, {rules} 규칙) 이후 달라진 점:", "Changed since the last check ({date}, rules {rules}):"),
    # ---------------------------------------------------------------- a profile's check history
    "history.button": _P("확인 기록…", "&History…"),
    "history.button_tip": _P("저장된 확인을 그때 그대로 다시 보고, 오늘 다시 확인하면 무엇이 달라지는지 봅니다",
                             "Stored checks as they were, and what a check today would change"),
    "history.title": _P("{name} 확인 기록", "Check history of {name}"),
    "history.col_checked": _P("확인한 때", "Checked"),
    "history.col_as_of": _P("기준일", "As of"),
    "history.col_rules": _P("규칙", "Rules"),
    "history.col_outcome": _P("결과", "Outcome"),
    "history.rules_gone": _P("{id} (이 컴퓨터에 없음)", "{id} (not on this computer)"),
    "history.as_it_was": _P("{date} 기준, {rules} 규칙으로 확인한 그대로입니다.",
                            "As checked for {date} under rules {rules}."),
    "history.failed": _P("충족하지 않은 조건: {items}", "Not met: {items}"),
    "history.missing": _P("답이 필요한 질문: {items}", "Questions to answer: {items}"),
    "history.again": _P("오늘 다시 확인", "Check again today"),
    "history.again_head": _P("{then} 기준 확인과 오늘({today}) 확인의 차이:",
                             "Between the check for {then} and one today ({today}):"),
    "history.same": _P("그때와 달라진 점이 없습니다.", "Nothing has changed since then."),
    "history.none": _P("아직 저장된 확인이 없습니다.", "No check has been saved yet."),
    "watch.off": _P("☆ 관심 사업으로 표시", "☆ Watch this program"),
    "watch.on": _P("★ 관심 사업 (다시 누르면 해제)", "★ Watched (click again to stop)"),
    "watch.tip": _P("관심 사업은 신청 기간 화면에서 따로 모아 보고 캘린더로 내보낼 수 있습니다.",
                    "Watched programs can be shown on their own on the Deadlines page and exported to a calendar."),
    "watch.only": _P("관심 사업만", "Watched programs only"),
    "watch.mark": _P("★ {name}", "★ {name}"),
    "watch.none": _P("관심 사업이 없습니다. 결과 화면에서 사업을 골라 관심 사업으로 표시하세요.",
                     "No watched programs yet. Pick a program on the Results page and watch it."),
    # notes on watched programs, per saved profile, on the start page (engine/watch_notes.py)
    "watchnote.title": _P("관심 사업 소식", "News on watched programs"),
    "watchnote.intro": _P("{date} 기준, 프로필마다 지난 확인에서 신청할 수 있거나 판단 보류였던 관심 사업의 소식입니다.",
                          "As of {date}, for each profile: the watched programs its last check found it eligible "
                          "for or left undetermined."),
    "watchnote.profile": _P("{name} (지난 확인 {date})", "{name} (last checked for {date})"),
    "watchnote.closing": _P("{name}: {closes} 마감 — 마감까지 {days|이} 남았습니다",
                            "{name}: closes {closes} — {days} left"),
    "watchnote.closing_today": _P("{name}: 오늘 마감입니다", "{name}: closes today"),
    "watchnote.days": _P("{n}일", "{n} days"),
    "watchnote.days_one": _P("{n}일", "1 day"),
    "watchnote.opened": _P("{name}: 지난 확인({then}) 뒤 접수가 시작되었습니다 — {closes} 마감",
                           "{name}: applications opened since the last check ({then}) — closes {closes}"),
    "watchnote.opened_no_close": _P("{name}: 지난 확인({then}) 뒤 접수가 시작되었습니다",
                                    "{name}: applications opened since the last check ({then})"),
    "watchnote.announced": _P("{name}: {change}", "{name}: {change}"),
    "cal.closes": _P("마감", "Closes"),
    "cal.opens": _P("접수 시작", "Opens"),
    "cal.name": _P("지원사업 신청 일정 (Jiwon)", "Support program deadlines (Jiwon)"),
    "cal.desc": _P("Jiwon이 만든 지원사업 접수 일정입니다. 신청 전 최신 공고를 확인하세요.",
                   "Application windows exported by Jiwon. Check the latest call before applying."),
    "cal.window": _P("접수 기간", "Window"),
    "cal.ministry": _P("소관 부처", "Ministry"),
    "cal.est_note": _P("예년 일정으로 추정한 날짜입니다. 실제 공고를 확인하세요.",
                       "Dates estimated from previous years; check the actual call."),
    "cal.apply": _P("신청 방법", "How to apply"),
    "cal.alarm": _P("1주일 후 마감: {name}", "Closes in one week: {name}"),
    "cal.alarm_open": _P("1주일 후 접수 시작: {name}", "Opens in one week: {name}"),
    "cal.none": _P("앞으로 남은 접수 일정이 없어 이 파일에는 일정이 없습니다.",
                   "No application window lies ahead, so this file holds no events."),
    "cal.open_undated": _P("날짜 없이 지금 접수 중인 사업(일정에 넣지 않음): {names}",
                           "Open now without a closing date (not added as events): {names}"),
    "list.windows_as_of": _P("{date} 기준 접수 일정", "Application windows as of {date}"),
    "list.none": _P("(없음)", "(none)"),
    "list.assessment_as_of": _P("{date} 기준 평가 ({version})", "assessment as of {date} ({version})"),
    "list.include_all": _P("--all-programs 옵션으로 모두 볼 수 있습니다", "add --all-programs to include them"),
    # ---------------------------------------------------------------- the printed report
    "report.apply_now": _P("지금 신청할 수 있는 사업", "Apply for now"),
    "report.apply_now_none": _P("지금 접수 중이면서 신청 가능한 사업은 없습니다.",
                                "No program is both open now and eligible."),
    "report.eligible_waiting": _P("신청 가능하지만 지금은 접수 기간이 아닌 사업:",
                                  "Eligible, but not taking applications now:"),
    "report.almost": _P("거의 충족한 사업과 바뀌어야 할 점", "Almost reached, and what would change it"),
    "report.answer_next": _P("다음에 답할 질문", "What to answer next"),
    "report.decides": _P("사업 {n}개의 판정이 정해집니다: {names}", "decides {n} programs: {names}"),
    "report.decides_one": _P("사업 {n}개의 판정이 정해집니다: {names}", "decides 1 program: {names}"),
    "report.answer_more": _P("그 밖의 질문 {n}개는 사업별 설명에 있습니다.",
                             "{n} more questions are in the program sections."),
    "report.answer_more_one": _P("그 밖의 질문 {n}개는 사업별 설명에 있습니다.",
                                 "1 more question is in the program sections."),
    "report.doc_title": _P('지원사업 자격 사전검토 보고서',
        'Support program eligibility pre-screening'),
    "report.doc_subject": _P('정부 지원사업 신청 자격 사전검토 결과, 마감일, 준비 서류',
        'Pre-screening of eligibility for government support programs, deadlines and documents'),
    "report.brand": _P('Jiwon 지원',
        'Jiwon 지원'),
    "report.generated": _P('생성일시',
        'Generated'),
    "report.rules_version": _P('규칙 버전',
        'Rules version'),
    "report.assessment_date": _P('검토 기준일',
        'Assessment date'),
    "report.applicant": _P('신청자',
        'Applicant'),
    "report.applicant_type": _P('신청자 유형',
        'Applicant type'),
    "report.page": _P('쪽',
        'Page'),
    "report.footer_note": _P('사전검토 결과이며 공식 결정이 아닙니다',
        'Pre-screening only, not an official decision'),
    "report.no_name": _P('(이름 없음)',
        '(no name)'),
    "report.summary": _P('요약',
        'Summary'),
    "report.summary_counts": _P('이 신청자 대상 사업 {total}개 중 신청 가능 {eligible}개, 판단 보류 {undetermined}개, 신청 불가 {ineligible}개',
        'Of {total} programs for this applicant: {eligible} eligible, {undetermined} undetermined, {ineligible} not eligible'),
    "report.summary_intro": _P('신청 가능한 사업, 추가 확인이 필요한 사업, 해당하지 않는 사업 순으로 정리했습니다. 각 사업의 판단 근거는 뒤쪽 사업별 설명에 있습니다.',
        'Eligible programs come first, then those that need more answers, then those that do not apply. The reasons for each outcome are in the section for each program.'),
    "report.col_no": _P('번호',
        'No.'),
    "report.col_program": _P('사업',
        'Program'),
    "report.col_status": _P('판정',
        'Outcome'),
    "report.col_closes": _P('마감일',
        'Closes'),
    "report.col_days_left": _P('남은 기간',
        'Days left'),
    "report.no_programs": _P('평가한 사업이 없습니다.',
        'No programs were assessed.'),
    "report.programs": _P('사업별 검토 결과',
        'Program by program'),
    "report.operator": _P('운영 기관',
        'Operator'),
    "report.track_of": _P('상위 사업',
        'Track of'),
    "report.deadline": _P('접수 기간',
        'Application window'),
    "report.why": _P("조건별 확인 내용", "Each condition checked"),
    "report.col_result": _P('결과',
        'Result'),
    "report.col_criterion": _P('조건',
        'Condition'),
    "report.col_values": _P('사용한 값',
        'Values used'),
    "report.col_source": _P('출처',
        'Source'),
    "report.missing_intro": _P("아래 질문에 답하면 이 사업의 판정이 정해집니다. '모름'으로 답한 질문도 포함됩니다.",
        "Answering these would decide this program; questions answered “I don't know” are included."),
    "report.benefits": _P('지원 내용',
        'Benefits'),
    "report.documents": _P('준비 서류',
        'Documents to prepare'),
    "report.no_documents": _P('출처에 준비 서류가 명시되어 있지 않습니다.',
        'The sources list no documents.'),
    "report.apply": _P('신청 방법',
        'How to apply'),
    "report.sources": _P('출처',
        'Sources'),
    "report.source_list": _P('출처 목록',
        'Sources in full'),
    "report.source_list_intro": _P('사업별 설명의 [번호]가 가리키는 자료입니다. 자료마다 발행처, 주소, 규칙이 근거로 삼은 내용을 한 번씩 적었습니다.',
        'The notes the [numbers] in the program sections point to, each once: who published it, where to find it, and what the rules rely on.'),
    "report.not_deciding": _P('판정에 영향이 없는 조건',
        'Conditions that did not decide the outcome'),
    "report.reviewed": _P('규칙 검토일',
        'Rule last reviewed'),
    "report.window": _P('{opens} ~ {closes}',
        '{opens} – {closes}'),
    "report.window_from": _P('{opens}부터',
        'from {opens}'),
    "report.window_until": _P('{closes}까지',
        'until {closes}'),
    "report.checklist": _P('준비 서류 통합 목록',
        'Combined document checklist'),
    "report.checklist_intro": _P('신청 가능한 사업에 필요한 서류를 한데 모았습니다. 여러 사업이 요구하는 서류는 한 번만 적고 해당 사업을 함께 표시했습니다.',
        'The documents the eligible programs ask for, each listed once with the programs that ask for it.'),
    "report.checklist_none": _P('신청 가능한 사업이 없어 통합 목록이 비어 있습니다.',
        'No program is eligible, so the combined list is empty.'),
    "report.checklist_undetermined": _P('판단 보류 사업(사업 번호 {numbers})의 서류는 판정이 정해진 뒤 각 사업 설명에서 확인하세요.',
        "For the undetermined programs (numbers {numbers}), see each program's own list once it is decided."),
    "report.asked_by_numbers": _P('사업 {n}개 (요약표 번호 {numbers})',
        '{n} programs (summary numbers {numbers})'),
    "report.col_check": _P('확인',
        'Done'),
    "report.col_document": _P('서류',
        'Document'),
    "report.col_asked_by": _P('요구하는 사업',
        'Asked for by'),
    "report.calendar": _P('마감 일정 (향후 12개월)',
        'Deadline calendar (next 12 months)'),
    "report.calendar_intro": _P("검토 기준일({start})에 접수 중이거나 {months}개월 안에 접수가 시작되는 일정입니다. 신청할 수 없는 사업은 뺐습니다. '추정'은 예년 일정으로 추정한 날짜입니다.",
        'Windows open on the assessment date ({start}) or opening within {months} months of it, without the programs that do not apply. “Estimated” dates are inferred from previous years.'),
    "report.calendar_none": _P('향후 12개월 안에 알려진 일정이 없습니다.',
        'No known dates in the next 12 months.'),
    "report.col_opens": _P('접수 시작',
        'Opens'),
    "report.appendix": _P('부록: 입력한 답변',
        'Appendix: the answers given'),
    "report.appendix_intro": _P('이 보고서는 아래 답변으로 작성되었습니다. 답변이 바뀌면 결과도 바뀔 수 있습니다.',
        'This report rests on these answers; different answers may change the outcome.'),
    "report.col_question": _P('질문',
        'Question'),
    "report.col_answer": _P('답변',
        'Answer'),
    "report.no_answers": _P('입력한 답변이 없습니다.',
        'No answers were given.'),
    "report.closing_title": _P('유의 사항',
        'Please note'),
    "report.closing_1": _P('이 보고서는 입력한 답변과 공개 자료를 바탕으로 한 사전검토 결과이며, 소관 부처나 운영 기관의 공식 결정이 아닙니다.',
        'This report is a pre-screening based on the answers given and on public sources. It is not an official decision of any ministry or operator.'),
    "report.closing_2": _P('신청 자격, 지원 내용, 일정은 공고마다 달라질 수 있습니다. 신청 전에 최신 공고문과 운영 기관에 반드시 확인하세요.',
        'Eligibility, benefits and dates change from call to call. Always check the latest call and the operator before applying.'),
    "report.closing_3": _P("'확인 필요' 표시는 비공식 자료에 근거하거나 출처가 밝히지 않은 조건입니다.",
        '“To verify” marks conditions that rest on unofficial sources or that the sources do not state.'),
}

_FIELD = re.compile(r"\{(\w+)(?:\|(\w+))?\}")


def _side(value: Any, lang: str) -> str:
    if isinstance(value, Text):
        return value.get(lang)
    return str(value)


def fill(template: str, lang: str, fields: dict[str, Any]) -> str:
    def one(m: re.Match) -> str:
        value = _side(fields[m.group(1)], lang)
        which = m.group(2)
        return attach(value, which) if which and lang == "ko" else value

    return _FIELD.sub(one, template)


def _counted_key(key: str, fields: dict) -> str:
    """`key`, or `key_one` for a count `n` of one when the catalog has it (English singular)."""
    one = f"{key}_one"
    return one if fields.get("n") == 1 and one in PHRASES else key


def phrase(key: str, **fields: Any) -> Text:
    """The phrase `key` in both languages, its fields filled (Korean particles chosen)."""
    t = PHRASES[_counted_key(key, fields)]
    if not fields:
        return t
    return Text(fill(t.ko, "ko", fields), fill(t.en, "en", fields))


def say(key: str, lang: str, **fields: Any) -> str:
    """The phrase `key` in `lang`."""
    t = PHRASES[_counted_key(key, fields)]
    return fill(t.get(lang), lang, fields) if fields else t.get(lang)


def counted(key: str, n: int, **fields: Any) -> Text:
    """`key` for `n` things: `key_one` for one, when the catalog has it (English singular)."""
    return phrase(key, n=n, **fields)


def word(prefix: str, value: str, lang: str | None = None) -> Text | str:
    """The word for `value` in the `prefix.` family (status, result, deadline, ...); the value
    itself when the catalog has none. With `lang`, the text in that language."""
    t = PHRASES.get(f"{prefix}.{value}") or Text(value, value)
    return t.get(lang) if lang else t


def join(items: list[Text], sep_key: str) -> Text:
    sep = PHRASES[sep_key]
    return Text(sep.ko.join(i.ko for i in items), sep.en.join(i.en for i in items))


def audience_words(audience: tuple[str, ...]) -> Text:
    ko = "·".join(word("applicants", a).ko for a in audience)
    en = " and ".join(word("applicants", a).en for a in audience)
    return Text(ko, en)


def has_phrase(key: str) -> bool:
    return key in PHRASES
