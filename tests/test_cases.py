"""The data-driven cases in tests/cases/: each step on short inputs, positive and negative."""

import json
from pathlib import Path

import pytest

from cleantext.document import Document, apply_edits
from cleantext.pipeline import STEPS

CASES = Path(__file__).parent / "cases"
BY_NAME = {step.name: step for step in STEPS}


def _cases():
    for path in sorted(CASES.glob("*.json")):
        step = BY_NAME.get(path.stem)
        if step is None:
            continue  # cases of a step with its own test module
        for case in json.loads(path.read_text(encoding="utf-8")):
            yield pytest.param(step, case, id=f"{path.stem}: {case['label']}")


@pytest.mark.parametrize("step,case", list(_cases()))
def test_case(step, case):
    options = step.options(**case.get("options", {}))
    edits = step.run(Document(case["input"]), options)
    assert all(e.step == step.name for e in edits)
    assert apply_edits(case["input"], edits) == case["expected"]
    assert {e.reason for e in edits} == set(case["reasons"])
    assert [e for e in step.run(Document(case["expected"]), options) if e.applied] == []
