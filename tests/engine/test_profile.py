"""Profile files: YAML and JSON, errors that name the field and line, and a faithful round trip."""

import datetime as dt
import json
import textwrap

import pytest

from desktop.engine import ProfileError, dump_profile, load_profile, profile_from_dict


def write(path, text):
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return path


def test_load_yaml_profile(mini_pack, tmp_path):
    path = write(
        tmp_path / "p.yaml",
        """
        name: 한빛정밀
        applicant_type: company
        answers:
          industry: C29
          avg_sales_3y: 230억
          founded: 2015-03-01
          tax_arrears: false
          in_big_group: null
        """,
    )
    p = load_profile(path, mini_pack)
    assert p.name == "한빛정밀" and p.applicant_type == "company"
    assert p.answers == {
        "applicant_type": "company",
        "industry": "C29",
        "avg_sales_3y": 23_000_000_000,
        "founded": dt.date(2015, 3, 1),
        "tax_arrears": False,
        "in_big_group": None,
    }


def test_errors_name_field_and_line(mini_pack, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "profiles").mkdir()
    write(
        tmp_path / "profiles" / "x.yaml",
        """
        name: x
        applicant_type: company
        answers:
          industry: C29
          avg_sale: 100억
          workers: -3
          founded: someday
        """,
    )
    with pytest.raises(ProfileError) as info:
        load_profile("profiles/x.yaml", mini_pack)
    lines = [str(e) for e in info.value.errors]
    assert lines == [
        "profiles/x.yaml:5: answers.avg_sale: unknown question (did you mean 'avg_sales_3y'?)",
        "profiles/x.yaml:6: answers.workers: -3 is below the minimum 0",
        "profiles/x.yaml:7: answers.founded: 'someday' is not a date. You can write: "
        "1968-03-15 (YYYY-MM-DD), 1968.03.15, 1968/3/15, 19680315",
    ]


def test_structure_errors(mini_pack, tmp_path):
    path = write(tmp_path / "p.yaml", "applicant_type: robot\nanswer: {}\n")
    with pytest.raises(ProfileError) as info:
        load_profile(path, mini_pack)
    got = [e.words() for e in info.value.errors]
    assert "applicant_type: 'robot' is not one of: company, school, individual" in got
    assert "unknown key 'answer' (did you mean 'answers'?)" in got


def test_json_profile(mini_pack, tmp_path):
    path = tmp_path / "p.json"
    path.write_text(json.dumps({"applicant_type": "school", "answers": {"school_type": "specialized"}}), encoding="utf-8")
    p = load_profile(path, mini_pack)
    assert p.answers["school_type"] == "specialized" and p.name == "p"


def test_json_with_tabs(mini_pack, tmp_path):
    path = tmp_path / "p.json"
    path.write_text('{\n\t"applicant_type": "school",\n\t"answers": {"students": }\n}', encoding="utf-8")
    with pytest.raises(ProfileError) as info:
        load_profile(path, mini_pack)
    assert str(info.value.errors[0]).endswith("JSON syntax error: Expecting value")


def test_round_trip(mini_pack, tmp_path):
    original = profile_from_dict(
        {
            "name": "학교 \"A\": 테스트",
            "applicant_type": "school",
            "today": "2026-03-02",
            "answers": {"school_type": "specialized", "track_interest": ["ai", "smart"], "school_name": "yes", "tax_arrears": None},
            "expect": {"school-track": "eligible"},
        },
        mini_pack,
    )
    path = tmp_path / "again.yaml"
    path.write_text(dump_profile(original), encoding="utf-8")
    again = load_profile(path, mini_pack)
    assert (again.name, again.applicant_type, again.answers, again.expect, again.today) == (
        original.name, original.applicant_type, original.answers, original.expect, original.today,
    )
    assert again.answers["school_name"] == "yes"  # text stays text, not a boolean


def test_amounts_and_dates_round_trip(mini_pack, tmp_path):
    original = profile_from_dict(
        {"applicant_type": "company", "answers": {"avg_sales_3y": "1.2억", "founded": "2001-02-03"}}, mini_pack
    )
    path = tmp_path / "c.yaml"
    path.write_text(dump_profile(original), encoding="utf-8")
    assert load_profile(path, mini_pack).answers == original.answers
