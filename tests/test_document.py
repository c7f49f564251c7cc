import pytest

from cleantext.document import Edit, apply_edits, remove_lines, replay


def test_apply_edits_rejects_an_edit_that_does_not_quote_the_text():
    with pytest.raises(ValueError, match="does not match"):
        apply_edits("abc", [Edit("s", 0, 1, "x", "y", "r")])


def test_apply_edits_rejects_overlaps():
    with pytest.raises(ValueError, match="overlapping"):
        apply_edits("abcdef", [Edit("s", 0, 3, "abc", "", "r"), Edit("s", 2, 4, "cd", "", "r")])


def test_suggestions_are_not_applied():
    assert apply_edits("Ngerièn", [Edit("g", 0, 7, "Ngerièn", "Nigerien", "r", applied=False)]) == "Ngerièn"


def test_replay_runs_steps_in_order_on_their_own_offsets():
    edits = [Edit("a", 0, 1, "x", "xx", "r"), Edit("b", 2, 3, "y", "z", "r")]
    assert replay("xy", edits) == "xxz"


@pytest.mark.parametrize("text,remove,expected", [
    ("Title\n\nCaption\n\nBody\n", {2}, "Title\n\nBody\n"),
    ("Title\nCaption\nBody\n", {1}, "Title\nBody\n"),
    ("Body\n\nLeave a Reply\n\nYour email\n", {2, 4}, "Body\n"),
    ("Body\n\nLeave a Reply\n\nYour email", {2, 4}, "Body"),
    ("Menu\n\nBody\n", {0}, "Body\n"),
    ("A\n\nX\nY\n\nB\n", {2, 3}, "A\n\nB\n"),
    ("A\n\nX\n\nY\n\nB\n", {2, 4}, "A\n\nB\n"),
    ("A\nX\n\nB\n", {1}, "A\n\nB\n"),
    ("X\n", {0}, ""),
    ("A\n\nX\n\nB\n\nY\n", {2, 6}, "A\n\nB\n"),
])
def test_remove_lines_leaves_no_hole(text, remove, expected):
    edits = remove_lines(text, "s", {i: ("r", "") for i in remove})
    assert apply_edits(text, edits) == expected
    assert len(edits) == len(remove)
    lines = text.split("\n")[:-1] if text.endswith("\n") else text.split("\n")
    assert remove_lines(text, "s", {i: ("r", "") for i in remove}, lines) == edits
