"""The user's corrections of actors: merge, change type, not an actor; applied to stored
mentions at once, kept in the alias file or the browser session, listed, undoable."""

from __future__ import annotations

import io

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from conftest import ROOT
from kroniek.extract.actors.corrections import (
    Correction,
    apply_corrections,
    parse_corrections,
    read_corrections,
    remove_correction,
    save_correction,
    writable_alias_file,
)
from kroniek.data.gazetteer import DATA_DIR


def _m(actor_id, actor, actor_type, country=""):
    return {"article_id": "a", "text": actor, "actor_id": actor_id, "actor": actor, "actor_type": actor_type, "country": country}


def test_apply_corrections_merges_types_and_excludes_in_order():
    mentions = pd.DataFrame([
        _m("loc:baudet", "Baudet", "place"),
        _m("per:thierry-baudet", "Thierry Baudet", "person", "NLD"),
        _m("per:feyenoord", "Feyenoord", "person"),
        _m("org:co2", "CO2", "organisation"),
        _m("per:forum", "Forum", "person"),
    ])
    fixes = [
        Correction("merge", "loc:baudet", "per:thierry-baudet"),
        Correction("type", "per:feyenoord", "organisation"),
        Correction("exclude", "org:co2"),
        Correction("merge", "per:forum", "org:fvd"),  # a target only the gazetteer knows
    ]
    out = apply_corrections(mentions, fixes, {"org:fvd": ("Forum voor Democratie", "organisation", "NLD")})
    assert out[["actor_id", "actor", "actor_type", "country"]].values.tolist() == [
        ["per:thierry-baudet", "Thierry Baudet", "person", "NLD"],
        ["per:thierry-baudet", "Thierry Baudet", "person", "NLD"],
        ["per:feyenoord", "Feyenoord", "organisation", ""],
        ["org:fvd", "Forum voor Democratie", "organisation", "NLD"],
    ]
    assert list(out["text"]) == ["Baudet", "Thierry Baudet", "Feyenoord", "Forum"]  # the spans stay as found


def test_alias_file_rows_round_trip_and_undo(tmp_path):
    path = tmp_path / "aliases.csv"
    path.write_text("action,name,target,note\nalias,Het Kremlin-bolwerk,RUS,\nexclude,Unie,,\n", encoding="utf-8")
    fix = Correction("merge", "loc:baudet", "per:thierry-baudet")
    save_correction(path, fix)
    save_correction(path, Correction("exclude", "org:co2"))
    assert read_corrections(path) == [fix, Correction("exclude", "org:co2")]
    remove_correction(path, fix)
    assert read_corrections(path) == [Correction("exclude", "org:co2")]
    assert "alias,Het Kremlin-bolwerk,RUS," in path.read_text(encoding="utf-8")  # other rows untouched


def test_a_malformed_correction_names_file_and_line():
    with pytest.raises(ValueError, match="aliases.csv:3: 'merge' needs a target"):
        parse_corrections("action,name,target,note\nalias,X,RUS,\nmerge,org:x,,\n", "aliases.csv")


def test_where_corrections_may_be_written(tmp_path, monkeypatch):
    monkeypatch.delenv("KRONIEK_ALIASES", raising=False)
    assert writable_alias_file() is None  # a shared deployment: the browser session
    monkeypatch.setenv("KRONIEK_ALIASES", str(tmp_path / "mine.csv"))
    assert writable_alias_file() == tmp_path / "mine.csv"
    monkeypatch.setenv("KRONIEK_ALIASES", str(DATA_DIR / "aliases.csv"))
    assert writable_alias_file() is None  # never inside the installed package


def _actors(at: AppTest, captured) -> pd.DataFrame:
    button = next(b for b in at.get("download_button") if b.proto.id.endswith("dl_actors"))
    return pd.read_csv(io.BytesIO(captured[button.proto.deferred_file_id]()), keep_default_na=False).set_index("actor_id")


def _correct(at: AppTest, actor_id: str, action: str, into: str | None = None, new_type: str | None = None) -> None:
    at.selectbox(key="fix_actor").set_value(actor_id)
    at.radio(key="fix_action").set_value(action).run()
    if into:
        at.selectbox(key="fix_into").set_value(into)
    if new_type:
        at.selectbox(key="fix_type").set_value(new_type)
    at.button(key="fix_apply").click().run()


def test_actors_page_corrections_in_the_session_apply_at_once_and_undo(downloads, monkeypatch):
    monkeypatch.delenv("KRONIEK_ALIASES", raising=False)
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=300)
    at.run()
    at.switch_page("pages/actors.py").run()
    before = _actors(at, downloads)
    assert before.loc["per:vladimir-poetin", "n_mentions"] == 3
    _correct(at, "per:vladimir-poetin", "merge", into="per:aleksandr-loekasjenko")
    assert not at.exception
    after = _actors(at, downloads)
    assert "per:vladimir-poetin" not in after.index
    assert after.loc["per:aleksandr-loekasjenko", "n_mentions"] == before.loc["per:aleksandr-loekasjenko", "n_mentions"] + 3
    _correct(at, "org:ryanair", "type", new_type="group")
    _correct(at, "RUS", "exclude")
    after = _actors(at, downloads)
    assert after.loc["org:ryanair", "actor_type"] == "group" and "RUS" not in after.index
    shown = [m.value for m in at.markdown if "→" in m.value or ": " in m.value]
    assert shown[-3:] == ["Vladimir Poetin → Aleksandr Loekasjenko", "Ryanair: group", "Rusland: not an actor"]
    undo = [b for b in at.button if b.label == "Undo"]
    assert len(undo) == 3
    undo[0].click().run()
    restored = _actors(at, downloads)
    assert restored.loc["per:vladimir-poetin", "n_mentions"] == 3
    assert restored.loc["org:ryanair", "actor_type"] == "group"
    at.switch_page("pages/about.py").run()
    (listed,) = [d.value for d in at.dataframe if "correction" in d.value.columns]
    assert list(listed["correction"]) == ["Ryanair: group", "Rusland: not an actor"]


def test_actors_page_corrections_go_to_the_configured_alias_file(downloads, monkeypatch, tmp_path):
    path = tmp_path / "aliases.csv"
    monkeypatch.setenv("KRONIEK_ALIASES", str(path))
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=300)
    at.run()
    at.switch_page("pages/actors.py").run()
    _correct(at, "org:ryanair", "exclude")
    assert read_corrections(path) == [Correction("exclude", "org:ryanair")]
    assert "org:ryanair" not in _actors(at, downloads).index
    # a new session (another browser tab) sees the file's correction too
    again = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=300)
    again.run()
    again.switch_page("pages/actors.py").run()
    assert "org:ryanair" not in _actors(again, downloads).index
    next(b for b in again.button if b.label == "Undo").click().run()
    assert read_corrections(path) == []
    assert "org:ryanair" in _actors(again, downloads).index


def test_corrections_reach_the_actors_named_by_events():
    from kroniek.extract.actors.corrections import correct_event_roles, corrected_names

    mentions = pd.DataFrame([
        _m("loc:baudet", "Baudet", "place"),
        _m("per:thierry-baudet", "Thierry Baudet", "person", "NLD"),
        _m("org:co2", "CO2", "organisation"),
        _m("per:feyenoord", "Feyenoord", "person"),
    ])
    fixes = [Correction("merge", "loc:baudet", "per:thierry-baudet"), Correction("exclude", "org:co2"), Correction("type", "per:feyenoord", "organisation")]
    names = corrected_names(mentions, fixes)
    assert names == {"Baudet": "Thierry Baudet", "CO2": None}  # a new type keeps the name
    events = pd.DataFrame({"source_actor": ["Baudet", "Baudet|Thierry Baudet", "CO2", ""], "target_actor": ["CO2|Feyenoord", "", "Baudet", "Feyenoord"]})
    out = correct_event_roles(events, names)
    assert out.values.tolist() == [["Thierry Baudet", "Feyenoord"], ["Thierry Baudet", ""], ["", "Thierry Baudet"], ["", "Feyenoord"]]
