"""Option limits and choices are defined once (summarizer/options.py): the library, the API
schema and the command line all refuse and accept the same values."""

from __future__ import annotations

import pytest

from api.schemas import SummaryOptions
from summarizer import OptionError, Options, summarize
from summarizer.cli import build_parser
from summarizer.options import LENGTH_OPTIONS, RULES, Rule

TEXT = "Harga beras naik lagi di pasar induk. Warga mengeluh kepada pemerintah daerah."


def _bad_values(rule: Rule) -> list:
    if rule.kind is list:
        return [["adverbs"], "quotes", list(rule.choices) * 2]
    if rule.kind is str:
        return ["x" * (rule.max_length + 1)] if rule.choices is None else ["nope", 3]
    low = rule.minimum - (0 if rule.exclusive_minimum else 1)
    return [low, rule.maximum + 1, "3", True] + ([1.5] if rule.kind is int else [])


def _good_values(rule: Rule) -> list:
    if rule.kind is list:
        return [[], list(rule.choices)]
    if rule.kind is str:
        return ["x" * rule.max_length] if rule.choices is None else list(rule.choices)
    low = rule.minimum + (0.001 if rule.exclusive_minimum else 0)
    return [low, rule.maximum]


BAD = [(rule.name, value) for rule in RULES for value in _bad_values(rule)]
GOOD = [(rule.name, value) for rule in RULES for value in _good_values(rule)]


@pytest.mark.parametrize(("name", "value"), BAD, ids=[f"{n}={v!r}"[:40] for n, v in BAD])
def test_the_library_refuses_a_bad_value_naming_the_option(name, value):
    with pytest.raises(OptionError) as info:
        summarize(TEXT, **{name: value})
    assert info.value.field == name
    assert name in info.value.message


@pytest.mark.parametrize(("name", "value"), BAD, ids=[f"{n}={v!r}"[:40] for n, v in BAD])
def test_the_api_refuses_the_same_values_naming_the_field(client, name, value):
    response = client.post("/v1/summarize", json={"text": TEXT, name: value})
    assert response.status_code == 422
    fields = {e["field"] for e in response.get_json()["errors"]}
    assert fields and all(f == name or f.startswith(f"{name}.") for f in fields)  # exclude.0


@pytest.mark.parametrize(("name", "value"), GOOD, ids=[f"{n}={v!r}"[:40] for n, v in GOOD])
def test_limits_themselves_are_accepted_everywhere(client, name, value):
    summarize(TEXT, **{name: value})
    response = client.post("/v1/summarize", json={"text": TEXT, name: value})
    assert response.status_code == 200, response.get_json()


def test_the_schema_carries_every_rule():
    schema = SummaryOptions.model_json_schema()["properties"]
    assert set(schema) == {rule.name for rule in RULES}
    for rule in RULES:
        prop = schema[rule.name]
        assert prop["description"] == rule.description
        text = str(prop)
        for value in rule.choices or ():
            assert repr(value) in text, (rule.name, value)
        if rule.minimum is not None:
            key = "exclusiveMinimum" if rule.exclusive_minimum else "minimum"
            assert f"'{key}': {rule.minimum}" in text, rule.name
            assert f"'maximum': {rule.maximum}" in text, rule.name
        if rule.default not in (None, ()):
            assert prop["default"] == rule.default


def test_the_command_line_has_a_flag_for_every_rule():
    actions = {
        a.dest: a
        for a in build_parser()._subparsers._group_actions[0].choices["summarize"]._actions
    }
    for rule in RULES:
        action = actions[rule.name]
        assert action.choices == rule.choices
        assert action.type is (None if rule.kind is list else rule.kind)


def test_two_length_options_name_the_second_in_library_and_api(client):
    for i, first in enumerate(LENGTH_OPTIONS):
        for second in LENGTH_OPTIONS[i + 1 :]:
            values = {
                first: 1 if first != "ratio" else 0.5,
                second: 1 if second != "ratio" else 0.5,
            }
            with pytest.raises(OptionError) as info:
                Options(**values)
            assert info.value.field == second
            response = client.post("/v1/summarize", json={"text": TEXT, **values})
            assert response.status_code == 422
            errors = response.get_json()["errors"]
            assert [e["field"] for e in errors] == [first, second]  # the API names both
            assert errors[1]["message"] == info.value.message  # no "Value error," prefix


def test_unknown_options_are_refused_by_name():
    with pytest.raises(OptionError) as info:
        summarize(TEXT, sentence=2)
    assert info.value.field == "sentence"
    with pytest.raises(TypeError):
        summarize(TEXT, Options(sentences=2), headlines=1)


def test_an_options_object_gives_the_same_summary_as_keywords(article):
    opts = Options(sentences=2, headlines=1, keywords=0, exclude=("quotes",))
    a = summarize(article.text, opts).to_dict()
    b = summarize(article.text, sentences=2, headlines=1, keywords=0, exclude=["quotes"]).to_dict()
    a["stats"].pop("elapsed_ms"), b["stats"].pop("elapsed_ms")
    assert a == b
