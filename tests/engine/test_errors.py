"""Bad input and wrong arguments reach a notebook as one clear line, not a traceback."""

import pytest

from mi_widgets import Quiz, get_dialogue
from mi_widgets.engine.errors import InputError, UsageError


def test_jupyter_shows_an_input_error_as_its_problems_only():
    with pytest.raises(InputError) as err:
        get_dialogue("no-such-dialogue")
    assert err.value._render_traceback_() == ["no-such-dialogue: no dialogue with this id in the library, and no such file"]


def test_a_wrong_argument_in_a_cell_is_one_sentence_and_still_a_value_error():
    with pytest.raises(UsageError) as err:
        Quiz("nope")
    assert isinstance(err.value, ValueError)
    assert err.value._render_traceback_() == ["no quiz items for topic 'nope'"]


def test_an_unknown_journal_prompt_is_a_key_error_that_reads_as_one_sentence():
    from mi_widgets import Journal
    from mi_widgets.engine.errors import UnknownId

    with pytest.raises(KeyError) as err:
        Journal(prompts=["no-such-prompt"])
    assert isinstance(err.value, UnknownId)
    assert err.value._render_traceback_() == [str(err.value)] and not str(err.value).startswith('"')
