"""Corrections of actors in the dashboard: kept in the user's alias file when one is
configured and writable, else in the browser session; listed, applied and undone here."""

from __future__ import annotations

import streamlit as st

from kroniek.data.gazetteer import alias_file_path
from kroniek.extract.actors.corrections import (
    Correction,
    read_corrections,
    remove_correction,
    save_correction,
    writable_alias_file,
)

SESSION_KEY = "corrections"


def current_corrections() -> list[Correction]:
    """The corrections in force: the alias file's, then this browser session's."""
    try:
        saved = [c for c in read_corrections(alias_file_path()) if not (c.action == "merge" and c.target == c.actor_id)]
    except ValueError as exc:
        st.warning(str(exc))
        saved = []
    return saved + list(st.session_state.get(SESSION_KEY, []))


def add_correction(correction: Correction) -> str:
    """Keep a correction: in the user's alias file when one is configured and writable,
    else in this browser session.  Returns where it went."""
    path = writable_alias_file()
    if path is not None:
        save_correction(path, correction)
        return str(path)
    st.session_state.setdefault(SESSION_KEY, []).append(correction)
    return "this browser session"


def can_undo(correction: Correction) -> bool:
    """Corrections of this session or of a writable alias file can be undone here."""
    return correction in st.session_state.get(SESSION_KEY, []) or writable_alias_file() is not None


def undo_correction(correction: Correction) -> None:
    session = st.session_state.get(SESSION_KEY, [])
    if correction in session:
        session.remove(correction)
        return
    path = writable_alias_file()
    if path is not None and correction in read_corrections(path):
        remove_correction(path, correction)
