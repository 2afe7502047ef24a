"""Shared views: the share store (tokens, caps, eviction, expiry, interrupted writes) and
the dashboard's shared links across sessions (AppTest)."""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import subprocess
import sys
import textwrap
import uuid
import zipfile
from urllib.parse import parse_qs, urlsplit

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from conftest import ROOT
from kroniek.app.corpus import join_tables
from kroniek.data.schema import ALL_TABLES, frame
from kroniek.query import CorpusData
from kroniek.store import shares as sharing
from kroniek.store.shares import (
    DamagedShare,
    ExpiredShare,
    MalformedToken,
    ShareConfig,
    ShareStore,
    ShareTooLarge,
    SharingOff,
    UnknownShare,
)

DAY = 86_400
T0 = dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc).timestamp()


class Clock:
    """The store's clock, moved by hand (the store takes any zero-argument callable)."""

    def __init__(self, now: float = T0):
        self.now = now

    def __call__(self) -> float:
        return self.now


def corpus(articles: dict[str, str], mentions: list[tuple[str, str, str]] = ()) -> CorpusData:
    """A small corpus: article id -> text; mentions as (article id, actor id, name)."""
    frames = {name: frame(name) for name in ALL_TABLES}
    frames["articles"] = frame("articles", [{"article_id": a, "title": f"titel {a}", "date": "2020-08-11", "n_words": len(t.split())} for a, t in articles.items()])
    frames["mentions"] = frame(
        "mentions",
        [{"article_id": a, "sentence_id": 0, "start": i, "end": i + 1, "text": name, "label": "PER", "actor_id": actor, "actor": name, "actor_type": "person", "via": "ner"}
         for i, (a, actor, name) in enumerate(mentions)],
    )
    frames["sentences"] = frame("sentences", [{"article_id": a, "sentence_id": 0, "start": 0, "end": len(t)} for a, t in articles.items()])
    return CorpusData.from_frames(frames, dict(articles))


def a_part(text: str = "Kaag maakte 12 miljoen euro vrij.", article_id: str = "eigen-1") -> sharing.SharedPart:
    data = corpus({article_id: text}, [(article_id, "kaag", "Sigrid Kaag")])
    return sharing.part_of(data.tables, data.texts, [article_id], {"corpus": "x"})


def store_at(path, clock: Clock | None = None, **limits) -> ShareStore:
    return ShareStore(ShareConfig(str(path), **limits), clock=clock or Clock())


# --- tokens ---------------------------------------------------------------------------------


def test_tokens_are_random_192_bits_and_not_derived_from_the_content(tmp_path):
    store = store_at(tmp_path)
    part = a_part()
    tokens = [store.save(part) for _ in range(3)]
    assert len(set(tokens)) == 3  # the same articles twice: two unrelated tokens
    assert all(re.fullmatch(r"[A-Za-z0-9_-]{32}", t) for t in tokens)  # 32 URL-safe characters = 24 bytes
    assert sharing.TOKEN_BYTES * 8 == 192
    assert [store.load(t).article_ids for t in tokens] == [["eigen-1"]] * 3


BAD_TOKENS = [
    "../../etc/passwd",
    "..%2F..%2Fetc%2Fpasswd",
    "/etc/passwd",
    "../" + "A" * 29,
    "A" * 29 + "/..",
    "A" * 31,
    "A" * 33,
    "A" * 31 + ".",
    " " + "A" * 31,
    "A" * 30 + "\n",
    "",
    None,
    42,
]


@pytest.mark.parametrize("token", BAD_TOKENS)
def test_a_token_that_is_not_32_url_safe_characters_is_refused_before_anything_is_read(tmp_path, token):
    with pytest.raises(MalformedToken) as info:
        store_at(tmp_path / "store").load(token)
    assert str(info.value) == "This shared link is not valid: its token is malformed (it may have been cut off when copied)."


def test_a_share_outside_the_store_cannot_be_reached(tmp_path):
    """A valid share file one folder up, under a valid token: the store only looks at its own listing."""
    elsewhere = store_at(tmp_path / "outside")
    token = elsewhere.save(a_part())
    store = store_at(tmp_path / "outside" / "store")
    store.save(a_part(article_id="eigen-2"))
    with pytest.raises(UnknownShare):
        store.load(token)
    assert elsewhere.load(token).article_ids == ["eigen-1"]


# --- caps and eviction ------------------------------------------------------------------------


def test_a_share_over_the_size_cap_is_refused_and_nothing_is_written(tmp_path):
    import secrets

    store = store_at(tmp_path, max_share_bytes=500_000)
    big = a_part(text=" ".join(secrets.token_urlsafe(12) for _ in range(60_000)))  # random words do not compress
    with pytest.raises(ShareTooLarge) as info:
        store.save(big)
    size = re.fullmatch(r"These articles make a shared view of (\d\.\d) MB; the limit is 0\.5 MB\.", str(info.value))
    assert size and float(size.group(1)) > 0.5
    assert sorted(p.name for p in tmp_path.iterdir()) == []
    assert store.load(store.save(a_part())).article_ids == ["eigen-1"]  # a small one still fits


def test_the_total_cap_evicts_the_oldest_shares_first(tmp_path):
    clock = Clock()
    probe = store_at(tmp_path / "probe", clock)
    probe.save(a_part())
    size = next((tmp_path / "probe").glob("*.kshare")).stat().st_size
    store = store_at(tmp_path / "store", clock, max_total_bytes=3 * size + size // 2)
    tokens = []
    for i in range(5):
        clock.now = T0 + i * 60
        tokens.append(store.save(a_part()))
        if i == 2:
            store.load(tokens[0])  # reading a share does not make it younger
    alive = []
    for t in tokens:
        try:
            store.load(t)
            alive.append(tokens.index(t))
        except UnknownShare:
            pass
    assert alive == [2, 3, 4]


def test_the_per_share_cap_never_exceeds_the_total_cap():
    config = ShareConfig.from_env("/tmp/c", {"KRONIEK_SHARE_MAX_MB": "50", "KRONIEK_SHARE_TOTAL_MB": "20"})
    assert (config.max_share_bytes, config.max_total_bytes) == (20_000_000, 20_000_000)


# --- expiry and the off switch ---------------------------------------------------------------


def test_a_share_expires_after_the_configured_days_with_its_date_in_the_message(tmp_path):
    clock = Clock()
    store = store_at(tmp_path, clock)
    token = store.save(a_part())
    clock.now = T0 + 30 * DAY - 1
    assert store.load(token).article_ids == ["eigen-1"]
    clock.now = T0 + 30 * DAY + 1
    with pytest.raises(ExpiredShare) as info:
        store.load(token)
    assert str(info.value) == "This shared link expired on 2026-01-31 (shared views are kept 30 days)."
    store.save(a_part(article_id="eigen-2"))  # saving removes expired shares
    with pytest.raises(UnknownShare):
        store.load(token)
    assert len(list(tmp_path.glob("*.kshare"))) == 1


def test_configuration_from_the_environment(tmp_path):
    config = ShareConfig.from_env(tmp_path, {"KRONIEK_SHARE_DAYS": "7", "KRONIEK_SHARE_MAX_MB": "2", "KRONIEK_SHARE_TOTAL_MB": "100"})
    assert config == ShareConfig(str(tmp_path / "shares"), True, 7.0, 2_000_000, 100_000_000)
    assert ShareConfig.from_env(tmp_path, {"KRONIEK_SHARE_DAYS": "soon", "KRONIEK_SHARE_MAX_MB": "-1"}) == ShareConfig(str(tmp_path / "shares"))
    assert ShareConfig.from_env(tmp_path, {"KRONIEK_SHARE_STORE": "s3://bucket/shares"}).location == "s3://bucket/shares"
    assert [ShareConfig.from_env(tmp_path, {"KRONIEK_SHARING": v}).enabled for v in ("off", "0", "false", "on", "")] == [False, False, False, True, True]
    clock = Clock()
    store = ShareStore(ShareConfig.from_env(tmp_path, {"KRONIEK_SHARE_DAYS": "7"}), clock)
    token = store.save(a_part())
    clock.now = T0 + 8 * DAY
    with pytest.raises(ExpiredShare, match="expired on 2026-01-08 \\(shared views are kept 7 days\\)"):
        store.load(token)


def test_sharing_off_saves_nothing_and_opens_nothing(tmp_path):
    on = store_at(tmp_path)
    token = on.save(a_part())
    off = ShareStore(ShareConfig(str(tmp_path), enabled=False))
    with pytest.raises(SharingOff, match="^Sharing is turned off on this deployment.$"):
        off.save(a_part())
    with pytest.raises(SharingOff):
        off.load(token)
    assert len(list(tmp_path.glob("*.kshare"))) == 1


# --- damaged shares and interrupted writes -------------------------------------------------------


def test_a_damaged_share_gets_a_message_not_an_exception(tmp_path):
    store = store_at(tmp_path)
    token = store.save(a_part())
    path = next(tmp_path.glob("*.kshare"))
    whole = path.read_bytes()
    for damaged in (whole[: len(whole) // 2], b"not a zip", b""):
        path.write_bytes(damaged)
        with pytest.raises(DamagedShare, match="^This shared link's stored view is damaged and cannot be opened.$"):
            store.load(token)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        zf.writestr("meta.json", json.dumps({"format": 1, "tables": ["../../etc/passwd"]}))
    path.write_bytes(buffer.getvalue())
    with pytest.raises(DamagedShare):
        store.load(token)


WRITER = textwrap.dedent(
    """
    import os, sys, time
    sys.path.insert(0, {lib!r})
    from kroniek.store import shares as sharing
    from test_sharing import a_part
    store = sharing.ShareStore(sharing.ShareConfig({root!r}))
    print(store.save(a_part()), flush=True)

    def half_written(fd):  # the second share's bytes are half on disk when the process dies
        os.ftruncate(fd, os.fstat(fd).st_size // 2)
        print("half written", flush=True)
        time.sleep(60)

    os.fsync = half_written
    store.save(a_part(article_id="eigen-2"))
    """
)


def test_a_writer_killed_mid_write_leaves_the_previous_shares_readable(tmp_path):
    script = WRITER.format(lib=str(ROOT / "lib"), root=str(tmp_path))
    proc = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True, cwd=ROOT / "tests")
    first = proc.stdout.readline().strip()
    assert proc.stdout.readline().strip() == "half written"
    proc.kill()
    proc.wait(timeout=30)
    clock = Clock(dt.datetime.now(dt.timezone.utc).timestamp())
    store = store_at(tmp_path, clock)
    assert store.load(first).article_ids == ["eigen-1"]
    assert len(list(tmp_path.glob("*.kshare"))) == 1
    assert [oct(p.stat().st_mode & 0o777) for p in tmp_path.glob("*.kshare")] == ["0o600"]
    assert len(list(tmp_path.glob(".tmp-*"))) == 1  # the half-written file never became a share
    second = store.save(a_part(article_id="eigen-2"))
    assert store.load(second).article_ids == ["eigen-2"]
    clock.now += 2 * 3600  # a temporary file left by a dead writer goes with a later save
    store.save(a_part(article_id="eigen-3"))
    assert list(tmp_path.glob(".tmp-*")) == []
    assert store.load(first).article_ids == ["eigen-1"]


# --- object storage (fsspec) ---------------------------------------------------------------------


def test_an_fsspec_store_saves_evicts_and_refuses_like_the_folder(tmp_path):
    """``memory://`` stands for an object store: no rename, one put per share."""
    clock = Clock()
    location = f"memory://kroniek-shares-{uuid.uuid4().hex}"
    size = len(sharing.pack(a_part()))
    store = ShareStore(ShareConfig(location, max_total_bytes=2 * size + size // 2), clock)
    tokens = []
    for i in range(3):
        clock.now = T0 + i
        tokens.append(store.save(a_part(article_id=f"eigen-{i}")))
    with pytest.raises(UnknownShare):
        store.load(tokens[0])
    assert [store.load(t).article_ids for t in tokens[1:]] == [["eigen-1"], ["eigen-2"]]
    with pytest.raises(MalformedToken):
        store.load("../" + tokens[1][3:])
    assert len(store.fs.ls(store.root)) == 2


@pytest.fixture()
def s3_bucket(monkeypatch):
    """A real S3 API (moto's server, on localhost) with an empty bucket; skipped without moto."""
    server_module = pytest.importorskip("moto.server", reason="moto[server] (requirements-dev.txt) runs a local S3 API")
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = server_module.ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    for name, value in {"AWS_ENDPOINT_URL": f"http://127.0.0.1:{port}", "AWS_ACCESS_KEY_ID": "test", "AWS_SECRET_ACCESS_KEY": "test", "AWS_REGION": "us-east-1", "AWS_EC2_METADATA_DISABLED": "true"}.items():
        monkeypatch.setenv(name, value)
    from pyarrow import fs as pafs

    pafs.S3FileSystem(endpoint_override=f"http://127.0.0.1:{port}", region="us-east-1", allow_bucket_creation=True).create_dir("kroniek")
    yield "s3://kroniek/shares"
    server.stop()


def test_an_s3_store_saves_loads_evicts_and_expires(s3_bucket):
    clock = Clock()
    size = len(sharing.pack(a_part()))
    store = ShareStore(ShareConfig(s3_bucket, max_total_bytes=2 * size + size // 2), clock)
    with pytest.raises(UnknownShare):  # an empty prefix is an empty store
        store.load("A" * 32)
    tokens = []
    for i in range(3):
        clock.now = T0 + i
        tokens.append(store.save(a_part(article_id=f"eigen-{i}")))
    with pytest.raises(UnknownShare):
        store.load(tokens[0])
    assert [store.load(t).article_ids for t in tokens[1:]] == [["eigen-1"], ["eigen-2"]]
    names = sorted(info["name"].rsplit("/", 1)[-1] for info in store.fs.ls(store.root, detail=True))
    assert [n[:13] for n in names if n.endswith(".kshare")] == ["1767225601000", "1767225602000"]  # created, in ms
    clock.now = T0 + 31 * DAY
    with pytest.raises(ExpiredShare):
        store.load(tokens[2])


def test_an_unreachable_object_store_says_so(monkeypatch):
    monkeypatch.setenv("AWS_ENDPOINT_URL", "http://127.0.0.1:9")
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "test")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "test")
    monkeypatch.setenv("AWS_REGION", "us-east-1")
    monkeypatch.setenv("AWS_EC2_METADATA_DISABLED", "true")
    for location in ("s3://kroniek/shares", "nosuchprotocol://kroniek/shares"):
        store = ShareStore(ShareConfig(location))
        with pytest.raises(sharing.StoreUnavailable, match="^The store of shared views cannot be reached right now; try again later.$"):
            store.load("A" * 32)
        with pytest.raises(sharing.StoreUnavailable):
            store.save(a_part())


# --- joining a share to a corpus ---------------------------------------------------------------


def test_joining_counts_actors_over_both_and_the_corpus_keeps_its_own_articles():
    base = corpus({"seed": "Rutte sprak."}, [("seed", "rutte", "Mark Rutte")])
    shared = corpus(
        {"seed": "Een andere tekst onder dezelfde naam.", "eigen-1": "Rutte en Kaag."},
        [("seed", "kaag", "Sigrid Kaag"), ("eigen-1", "rutte", "Mark Rutte"), ("eigen-1", "kaag", "Sigrid Kaag")],
    )
    part = sharing.part_of(shared.tables, shared.texts, ["seed", "eigen-1"])
    tables, texts = join_tables(base.tables, base.texts, part)
    joined = CorpusData(tables, texts)
    actors = joined.tables["actors"].to_pandas()[["actor_id", "n_mentions", "n_articles"]].values.tolist()
    assert actors == [["rutte", 2, 2], ["kaag", 1, 1]]
    assert texts.to_pylist() == [{"article_id": "seed", "text": "Rutte sprak."}, {"article_id": "eigen-1", "text": "Rutte en Kaag."}]
    assert joined.count("articles") == 2


def test_a_share_made_before_a_column_was_added_still_joins():
    base = corpus({"seed": "Rutte sprak."}, [("seed", "rutte", "Mark Rutte")])
    shared = corpus({"eigen-1": "Kaag."}, [("eigen-1", "kaag", "Sigrid Kaag")])
    part = sharing.part_of(shared.tables, shared.texts, ["eigen-1"])
    part.tables["mentions"] = part.tables["mentions"].drop_columns(["via"])
    tables, _ = join_tables(base.tables, base.texts, part)
    assert tables["mentions"].column("via").to_pylist() == ["ner", None]


# --- the dashboard: three sessions -------------------------------------------------------------

ARTICLE = {
    "id": "gedeeld-1",
    "date": "2020-08-11",
    "title": "Hulp voor Beiroet",
    "text": "Minister Sigrid Kaag maakte dinsdag 12 miljoen euro vrij voor de wederopbouw van Beiroet, meldde het ministerie in Den Haag.",
    "source": "eigen",
}
SEED_ID = "000_8432a360b6a1ac58.txt"


@pytest.fixture()
def share_env(monkeypatch, tmp_path):
    monkeypatch.setenv("KRONIEK_CORPUS", str(ROOT / "seeds"))
    monkeypatch.setenv("KRONIEK_SHARE_STORE", str(tmp_path / "shares"))
    monkeypatch.delenv("KRONIEK_SHARING", raising=False)
    return tmp_path / "shares"


def session(params: dict | None = None) -> AppTest:
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=300)
    for key, value in (params or {}).items():
        at.query_params[key] = value
    return at.run()


def metrics(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def article_ids(at: AppTest) -> list[str]:
    """Every article of the session's corpus, whatever the filters."""
    rows = at.session_state["corpus"].data.connection().execute("SELECT article_id FROM articles ORDER BY 1").fetchall()
    return [r[0] for r in rows]


def all_tables(at: AppTest, captured) -> dict[str, pd.DataFrame]:
    """The overview's ZIP download, table by table."""
    button = next(b for b in at.get("download_button") if b.proto.id.endswith("dl_all_overview"))
    with zipfile.ZipFile(io.BytesIO(captured[button.proto.deferred_file_id]())) as zf:
        return {name: pd.read_csv(zf.open(name), keep_default_na=False) for name in zf.namelist()}


def upload_and_share(at: AppTest, record: dict = ARTICLE) -> str:
    at.get("file_uploader")[0].set_value(("eigen.jsonl", json.dumps(record).encode(), "application/json"))
    at.run()
    at.text_input(key="f_q").set_value("Beiroet").run()
    at.button(key="share_view").click().run()
    assert not at.exception, [e.value for e in at.exception]
    return at.sidebar.code[0].value


def link_params(url: str) -> dict:
    return {k: v if len(v) > 1 else v[0] for k, v in parse_qs(urlsplit(url).query).items()}


def test_a_shared_link_opens_the_same_view_for_whoever_holds_it_and_nobody_else(share_env, downloads):
    a = session()
    assert [b.key for b in a.button] == []  # nothing uploaded: nothing to share
    url = upload_and_share(a)
    params = link_params(url)
    assert params["q"] == "Beiroet" and sharing.valid_token(params["share"])
    assert [c.value for c in a.sidebar.caption][-1] == (
        "Anyone with this link sees your 1 article with these filters, read-only, "
        f"until {(dt.datetime.now(dt.timezone.utc) + dt.timedelta(days=30)).date().isoformat()}. Uploading more makes a new link."
    )

    a.text_input(key="f_q").set_value("Kaag").run()  # the link follows the filters, the token stays
    assert link_params(a.sidebar.code[0].value) == {"q": "Kaag", "share": params["share"]}
    a.text_input(key="f_q").set_value("Beiroet").run()

    b = session(params)
    assert not b.exception and not b.warning
    assert b.text_input(key="f_q").value == "Beiroet"
    assert metrics(b) == metrics(a)
    assert metrics(b)["Articles"] == "1"
    assert article_ids(b) == article_ids(a) == [SEED_ID, "gedeeld-1"]
    assert b.session_state["query"].rows("articles")["article_id"].tolist() == ["gedeeld-1"]
    assert "Shared view: 1 article from the link, read-only." in [c.value for c in b.sidebar.caption]
    assert [x.key for x in b.button] == []  # a viewer without uploads has the link already
    seen_by_a, seen_by_b = all_tables(a, downloads), all_tables(b, downloads)
    assert seen_by_b["articles.csv"]["article_id"].tolist() == ["gedeeld-1"]
    for name in seen_by_a:
        pd.testing.assert_frame_equal(seen_by_b[name], seen_by_a[name])
    b.switch_page("pages/actors.py").run()
    assert b.query_params["share"] == params["share"]  # the token stays in the address across pages

    c = session({"q": "Beiroet"})
    assert metrics(c)["Articles"] == "0"
    assert article_ids(c) == [SEED_ID]
    assert all_tables(c, downloads)["articles.csv"].empty


def test_a_viewers_own_uploads_stay_in_the_viewers_session(share_env):
    a = session()
    params = link_params(upload_and_share(a))
    b = session(params)
    own = {**ARTICLE, "id": "eigen-b", "title": "Van B", "text": "Premier Mark Rutte sprak in Beiroet met de Libanese regering."}
    b.get("file_uploader")[0].set_value(("b.jsonl", json.dumps(own).encode(), "application/json")).run()
    assert article_ids(b) == [SEED_ID, "eigen-b", "gedeeld-1"]
    assert metrics(b)["Articles"] == "2"
    a.run()
    assert article_ids(a) == [SEED_ID, "gedeeld-1"]
    d = session(params)
    assert article_ids(d) == [SEED_ID, "gedeeld-1"]
    b.button(key="share_view").click().run()  # B's link: what B sees, under a new token
    b_params = link_params(b.sidebar.code[0].value)
    assert b_params["share"] != params["share"]
    assert article_ids(session(b_params)) == [SEED_ID, "eigen-b", "gedeeld-1"]


def _notice(text: str) -> str:
    return f"{text} Showing the deployment's corpus without it."


def test_a_tampered_malformed_or_expired_link_shows_why_and_the_normal_corpus(share_env):
    a = session()
    token = link_params(upload_and_share(a))["share"]
    tampered = token[:-1] + ("A" if token[-1] != "A" else "B")
    expired_store = ShareStore(ShareConfig(str(share_env)), clock=lambda: dt.datetime.now(dt.timezone.utc).timestamp() - 31 * DAY)
    expired = expired_store.save(a_part())
    expired_on = (dt.datetime.now(dt.timezone.utc) - dt.timedelta(days=1)).date().isoformat()
    cases = {
        tampered: "This shared link is unknown: it was mistyped, or the shared view has been removed to make room for newer ones.",
        "../../etc/passwd": "This shared link is not valid: its token is malformed (it may have been cut off when copied).",
        expired: f"This shared link expired on {expired_on} (shared views are kept 30 days).",
    }
    for bad, message in cases.items():
        at = session({"share": bad, "q": "Beiroet"})
        assert not at.exception
        assert [w.value for w in at.warning] == [_notice(message)]
        assert article_ids(at) == [SEED_ID]
        assert metrics(at)["Articles"] == "0"
        assert "share" not in at.query_params and at.query_params["q"] == "Beiroet"
        at.run()
        assert [w.value for w in at.warning] == [_notice(message)]  # still said on the next run


def test_a_deployment_can_turn_sharing_off(share_env, monkeypatch):
    a = session()
    token = link_params(upload_and_share(a))["share"]
    monkeypatch.setenv("KRONIEK_SHARING", "off")
    b = session({"share": token})
    assert [w.value for w in b.warning] == [_notice("Sharing is turned off on this deployment.")]
    assert article_ids(b) == [SEED_ID]
    b.get("file_uploader")[0].set_value(("eigen.jsonl", json.dumps(ARTICLE).encode(), "application/json")).run()
    assert "gedeeld-1" in article_ids(b)
    assert [x.key for x in b.button] == []


def test_a_viewer_is_told_when_the_corpus_around_the_shared_articles_has_changed(share_env, monkeypatch, tmp_path):
    token = link_params(upload_and_share(session()))["share"]
    grown = tmp_path / "grown"
    grown.mkdir()
    (grown / SEED_ID).write_bytes((ROOT / "seeds" / SEED_ID).read_bytes())
    (grown / "nieuw.txt").write_text("date 2021-09-12 Het kabinet trok 2 miljard euro uit.", encoding="utf-8")
    monkeypatch.setenv("KRONIEK_CORPUS", str(grown))
    b = session({"share": token})
    assert not b.warning
    assert [i.value for i in b.info] == [
        "The deployment's corpus has changed since this view was shared (it held 1 article then, 2 now): "
        "the shared articles are as they were, counts over the whole corpus may differ."
    ]
    assert article_ids(b) == [SEED_ID, "gedeeld-1", "nieuw.txt"]
