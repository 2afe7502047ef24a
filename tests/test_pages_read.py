"""The pages as a reader meets them, through Streamlit's AppTest: the same charts on every
rerun (or a click is lost), money as written, words and numbers in one convention, a
correction form that does not open on a merge into itself, skipped inputs without "None"."""

from __future__ import annotations

import json
import re

import pytest
from streamlit.testing.v1 import AppTest

from conftest import ROOT, open_dashboard

PAGES = ["pages/overview.py", "pages/actors.py", "pages/money.py", "pages/chronology.py", "pages/articles.py", "pages/about.py"]




def _specs(at: AppTest) -> dict[str, str]:
    return {chart.proto.id: chart.proto.spec for chart in at.get("plotly_chart")}


def _figure(at: AppTest, title_start: str) -> dict:
    for chart in at.get("plotly_chart"):
        spec = json.loads(chart.proto.spec)
        if spec["layout"].get("title", {}).get("text", "").startswith(title_start):
            return spec
    raise AssertionError(f"no chart titled {title_start!r}")


def _same_charts_in_two_sessions(page: str, timeout: int) -> None:
    """Streamlit names a chart by its spec: a rerun that draws it otherwise (rows in
    another order) makes it a new chart and drops the point the user clicked."""
    first, second = _specs(open_dashboard(page, timeout)), _specs(open_dashboard(page, timeout))
    assert first and first.keys() == second.keys()
    assert [k for k in first if first[k] != second[k]] == []


@pytest.mark.parametrize("page", ["pages/overview.py", "pages/actors.py", "pages/money.py", "pages/chronology.py"])
def test_every_chart_is_drawn_the_same_on_every_run(page):
    _same_charts_in_two_sessions(page, 300)


def test_money_opens_on_the_one_currency_of_the_corpus_as_written():
    at = open_dashboard("pages/money.py")
    assert at.radio(key="money_unit").value == "USD"
    amounts = next(d.value for d in at.dataframe if "amount" in d.value.columns)
    assert amounts[["amount", "written as", "context"]].values.tolist() == [["$ 630–640 mln", "tussen de 630 en 640 miljoen dollar", "lening"]]
    by_actor = _figure(at, "Largest figure per actor (USD, as written)")
    assert [(t["name"], t["y"]) for t in by_actor["data"]] == [("theirs (subject, possessor or van-phrase)", ["Vladimir Poetin"])]
    assert by_actor["data"][0]["text"] == ["$ 630–640 mln"]
    at.radio(key="money_unit").set_value("EUR").run()
    amounts = next(d.value for d in at.dataframe if "amount" in d.value.columns)
    assert amounts["amount"].tolist() == ["$ 630–640 mln (≈ € 533–541 mln)"]  # no cents, and said to be converted
    assert [b.label for b in at.get("download_button") if b.proto.id.endswith("dl_money")] == ["Download money (1 row) as CSV"]
    assert any(c.value.startswith("1 figure in the text, 1 distinct") for c in at.caption)


def test_the_correction_form_never_opens_on_merging_an_actor_into_itself():
    at = open_dashboard("pages/actors.py")
    subject = at.selectbox(key="fix_actor").value
    assert subject == "per:aleksandr-loekasjenko"  # the most mentioned (6, as Rusland and Wit-Rusland; first by name)
    assert subject not in at.selectbox(key="fix_into").options and at.selectbox(key="fix_into").value is None  # nothing chosen for the reader
    at.button(key="fix_apply").click().run()
    assert [w.value for w in at.warning] == ["Choose the actor to merge into."]
    at.selectbox(key="fix_actor").set_value("BLR").run()
    assert "BLR" not in at.selectbox(key="fix_into").options


def test_the_actor_profile_says_how_many_sentences_there_are():
    at = open_dashboard("pages/actors.py")
    at.selectbox(key="actor_profile").set_value("RUS").run()
    profile = next(h.proto.body for h in at.get("html") if "Sentences naming Rusland" in h.proto.body)
    assert "<b>Sentences naming Rusland</b> — 6 sentences" in profile  # Rusland three times, Russische twice, Moskou acting once


def test_skipped_inputs_list_no_none_for_a_file_without_lines(tmp_path, monkeypatch):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "leeg.txt").write_text("", encoding="utf-8")
    (corpus / "een.txt").write_bytes((ROOT / "seeds" / "000_8432a360b6a1ac58.txt").read_bytes())
    monkeypatch.setenv("KRONIEK_CORPUS", str(corpus))
    at = open_dashboard("pages/about.py")
    skipped = next(d.value for d in at.dataframe if "reason" in d.value.columns)
    assert skipped[["file", "line", "what"]].values.tolist() == [["leeg.txt", "", "skipped"]]
    at.switch_page("pages/overview.py").run()
    assert [w.value for w in at.warning] == ["1 input skipped — see About & quality."]


# --- the DPG corpus (1,141 articles): skipped when absent --------------------------------------

from test_app import dpg  # noqa: E402,F401  (the fixture: the dashboard on dpg-news-2019)


@pytest.mark.parametrize("page", ["pages/overview.py", "pages/actors.py", "pages/money.py", "pages/chronology.py"])
def test_dpg_charts_are_drawn_the_same_on_every_run(dpg, page):
    _same_charts_in_two_sessions(page, 1800)


def test_dpg_numbers_in_one_convention_and_axes_that_end_with_the_articles(dpg):
    at = open_dashboard(None, 1800)
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Articles"] == "1,141"
    at.switch_page("pages/actors.py").run()
    mentions = _figure(at, "Mentions over time (per week)")
    assert [x[:10] for x in mentions["layout"]["xaxis"]["range"]] == ["2019-02-11", "2019-04-15"]  # not to 10 June
    assert len({t["name"] for t in mentions["data"]}) == len(mentions["data"]) == 6
    assert len({t["line"]["color"] for t in mentions["data"]}) == 6
    network = _figure(at, "Actors mentioned in the same sentence")
    points = [t for t in network["data"] if t.get("mode") == "markers+text"]
    assert sum(len(t["text"]) for t in points) == 25 and all(all(t["text"]) for t in points)  # every node named
    at.switch_page("pages/money.py").run()
    assert at.radio(key="money_unit").value == "EUR"  # several currencies: every figure in euro
    money = _figure(at, "Amounts over time (euro, converted")
    assert [x[:10] for x in money["layout"]["xaxis"]["range"]] == ["2019-02-10", "2019-04-13"]
    amounts = next(d.value for d in at.dataframe if "amount" in d.value.columns)["amount"].tolist()
    assert "$ 1.5 tn (≈ € 1.3 tn)" in amounts and "$ 1 mln (≈ € 887,000)" in amounts
    assert not [a for a in amounts if re.search(r"≈ € [\d,]+\.\d+\)", a)]  # no converted amount to the cent


def test_the_about_page_states_each_extractors_conventions():
    at = open_dashboard("pages/about.py")
    conventions = {e.label: e for e in at.expander if e.label in ("Time expressions", "Money", "Events")}
    assert list(conventions) == ["Time expressions", "Money", "Events"]
    events = conventions["Events"].markdown[0].value
    assert "asserts happened" in events and "(article date)" in events
