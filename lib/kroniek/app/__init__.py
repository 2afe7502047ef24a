"""App: the Streamlit layer that ``dashboard.py`` and the pages use, split by job.

* :mod:`~kroniek.app.loading`: the configured corpus or dataset, and this session's uploads;
* :mod:`~kroniek.app.corpus`: the session's corpus assembled (uploads, a share, the
  corrections) through the one corpus step;
* :mod:`~kroniek.app.corrections`: corrections of actors, in the alias file or the session;
* :mod:`~kroniek.app.sidebar`: the global filters and their URL round trip;
* :mod:`~kroniek.app.sources`: source sentences, tables and the parts every page shares;
* :mod:`~kroniek.app.downloads` and :mod:`~kroniek.app.sharing`: CSV downloads and shared views;
* :mod:`~kroniek.app.navigation`: the pages, and what a page is handed;
* :mod:`~kroniek.app.about`: what the About page tells of the pipeline and the conventions.

Nothing here parses article text or holds SQL: the tables are read through
:class:`kroniek.query.Query`.  Pages import this package and :mod:`kroniek.charts` only.
"""

from kroniek.app.about import alias_file_path, conventions, describe_pipeline
from kroniek.app.corpus import Corpus
from kroniek.app.corrections import add_correction, can_undo, current_corrections, undo_correction
from kroniek.app.downloads import download, download_all, download_frame
from kroniek.app.loading import UPLOAD_LIMIT_MB, load_corpus
from kroniek.app.navigation import navigation, prepare, view
from kroniek.app.sharing import share_controls
from kroniek.app.sidebar import sidebar_filters
from kroniek.app.sources import (
    PLOTLY_CONFIG,
    TABLE_ROWS,
    article_link,
    corpus_period,
    per_hundred_toggle,
    picked,
    selected_points,
    show_sources,
    table,
)
from kroniek.data.schema import ACTOR_TYPES, PUBLIC_TABLES
from kroniek.extract.actors.corrections import Correction

__all__ = [
    "ACTOR_TYPES", "PLOTLY_CONFIG", "PUBLIC_TABLES", "TABLE_ROWS", "UPLOAD_LIMIT_MB", "Corpus", "Correction",
    "add_correction", "alias_file_path", "article_link", "can_undo", "conventions", "corpus_period", "current_corrections",
    "describe_pipeline", "download", "download_all", "download_frame", "load_corpus", "navigation", "per_hundred_toggle",
    "picked", "prepare", "selected_points", "share_controls", "show_sources", "sidebar_filters", "table", "undo_correction",
    "view",
]
