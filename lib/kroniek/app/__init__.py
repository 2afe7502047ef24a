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

from kroniek.app.about import alias_file_path, conventions, describe_pipeline  # noqa: F401
from kroniek.app.corpus import Corpus  # noqa: F401
from kroniek.app.corrections import add_correction, can_undo, current_corrections, undo_correction  # noqa: F401
from kroniek.app.downloads import download, download_all, download_frame  # noqa: F401
from kroniek.app.loading import UPLOAD_LIMIT_MB, load_corpus  # noqa: F401
from kroniek.app.navigation import navigation, prepare, view  # noqa: F401
from kroniek.app.sharing import share_controls  # noqa: F401
from kroniek.app.sidebar import sidebar_filters  # noqa: F401
from kroniek.app.sources import PLOTLY_CONFIG, TABLE_ROWS, article_link, corpus_period, per_hundred_toggle, published_period  # noqa: F401
from kroniek.app.sources import picked, plain_table, selected_points, show_sources, table  # noqa: F401
from kroniek.data.schema import ACTOR_TYPES, PUBLIC_TABLES  # noqa: F401
from kroniek.extract.actors.corrections import Correction  # noqa: F401
