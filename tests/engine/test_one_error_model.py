"""Every problem Jiwon tells a person about is a `Problem`: one base with a location, the
offending text and a suggestion, its words put together in one place. The only exceptions of
our own that are not are signals caught inside one module and never shown."""

import importlib
import pickle
import pkgutil
from pathlib import Path

import desktop
from desktop.engine.model import Text
from desktop.engine.problem import Problem

INTERNAL = {  # class -> why it never reaches a person
    "desktop.engine.exact.OutOfBudget": "a signal that the exact search ran out of steps; caught beside it",
    "desktop.engine.profile._JsonRefused": "turned into a ProfileProblem with its line where it is caught",
    "desktop.engine.sql.expr.NotCompilable": "a part SQL cannot give exactly; its program goes to the reference engine",
    "desktop.screen.columnar.Stopped": "--strict: carries the first bad cell, which jiwon screen prints and lists",
}


def _our_exception_classes():
    for info in pkgutil.walk_packages(desktop.__path__, "desktop."):
        if info.name.startswith(("desktop.ui", "desktop.__main__")):
            continue  # the UI shows these problems; it defines none of its own
        module = importlib.import_module(info.name)
        for value in vars(module).values():
            if isinstance(value, type) and issubclass(value, BaseException) and value.__module__ == info.name:
                yield f"{info.name}.{value.__name__}", value


def test_every_exception_of_ours_is_a_problem():
    found = dict(_our_exception_classes())
    assert "desktop.storage.errors.NoSuchProfile" in found and "desktop.atomic_write.WriteRefused" in found
    outside = sorted(name for name, cls in found.items() if not issubclass(cls, Problem) and name not in INTERNAL)
    assert outside == []
    assert all(name in found for name in INTERNAL)  # no stale entries


def test_leftover_classes_keep_their_old_kind_and_speak_both_languages():
    from desktop.atomic_write import WriteRefused
    from desktop.engine.typed_input import InputError
    from desktop.storage import NoSuchProfile

    missing = NoSuchProfile(7)
    assert isinstance(missing, KeyError) and missing.profile_id == 7
    assert missing.render("ko") == "저장된 프로필 가운데 7번이 없습니다. 그사이 삭제되었을 수 있습니다."
    assert str(missing) == "There is no saved profile 7; it may have been deleted meanwhile."
    refused = WriteRefused(Path("/nowhere/report.pdf"), 2, Text("폴더가 없습니다: /nowhere", "no such folder: /nowhere"))
    assert isinstance(refused, OSError) and refused.errno == 2 and refused.filename == "/nowhere/report.pdf"
    assert refused.render("ko") == "폴더가 없습니다: /nowhere" and str(refused) == "no such folder: /nowhere"
    typed = InputError(Text("금액이 아닙니다", "not an amount"))
    assert isinstance(typed, ValueError) and typed.render("en") == "not an amount"
    for problem in (missing, refused, typed):
        assert str(pickle.loads(pickle.dumps(problem))) == str(problem)  # crosses threads and processes
