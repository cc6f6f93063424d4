import pytest

from mi_widgets.engine.codes import (
    CLIENT_KEYS, CODES, COUNSELOR_KEYS, DARN_CAT, CodeError, is_uncoded, resolve_code, resolve_subcode,
)


def test_the_scheme_has_the_ten_miti_codes_and_three_client_codes():
    assert COUNSELOR_KEYS == ("GI", "PERS", "PWP", "Q", "SR", "CR", "AF", "SEEK", "EMPH", "CONF")
    assert CLIENT_KEYS == ("CT", "ST", "N")
    assert DARN_CAT == ("desire", "ability", "reasons", "need", "commitment", "activation", "taking_steps")
    for code in CODES.values():
        assert code.name and code.definition.endswith(".")
    assert CODES["Q"].subcodes == ("open", "closed")
    assert CODES["CT"].subcodes == CODES["ST"].subcodes == DARN_CAT
    assert CODES["N"].subcodes == ()


@pytest.mark.parametrize(
    "typed, expected",
    [
        ("cr", ("CR", None)),
        ("Complex Reflection", ("CR", None)),
        ("complex-reflection", ("CR", None)),
        ("  simple reflection ", ("SR", None)),
        ("Giving Information", ("GI", None)),
        ("persuade with permission", ("PWP", None)),
        ("Emphasising autonomy", ("EMPH", None)),
        ("seeking collaboration", ("SEEK", None)),
        ("open question", ("Q", "open")),
        ("Closed question", ("Q", "closed")),
        ("affirm", ("AF", None)),
        ("CONF", ("CONF", None)),
    ],
)
def test_counsellor_codes_by_key_or_full_name_in_any_case(typed, expected):
    assert resolve_code(typed, "counselor") == expected


@pytest.mark.parametrize("typed, key", [("ct", "CT"), ("Change Talk", "CT"), ("sustain talk", "ST"), ("neutral", "N"), ("n", "N")])
def test_client_codes(typed, key):
    assert resolve_code(typed, "client") == (key, None)


@pytest.mark.parametrize("value", [None, "", "  ", "-", "none", "Uncoded", float("nan")])
def test_uncoded_values(value):
    assert is_uncoded(value)
    assert resolve_code(value, "counselor") == (None, None)


def test_unknown_code_is_named_with_the_known_ones():
    with pytest.raises(CodeError, match=r"unknown code 'XYZ' \(known codes: GI, PERS"):
        resolve_code("XYZ", "counselor")


def test_a_counsellor_code_on_a_client_is_refused_and_vice_versa():
    with pytest.raises(CodeError, match="counsellor code on a client"):
        resolve_code("SR", "client")
    with pytest.raises(CodeError, match="client code on a counsellor"):
        resolve_code("CT", "counselor")


def test_subcodes_are_checked_against_their_code():
    assert resolve_subcode("Q", "Open") == "open"
    assert resolve_subcode("CT", "taking steps") == "taking_steps"
    assert resolve_subcode("ST", "Reasons") == "reasons"
    assert resolve_subcode("SR", "") is None
    with pytest.raises(CodeError, match="takes no subcode"):
        resolve_subcode("SR", "open")
    with pytest.raises(CodeError, match="unknown subcode 'open' for CT"):
        resolve_subcode("CT", "open")
    with pytest.raises(CodeError, match="uncoded"):
        resolve_subcode(None, "open")
