"""Store: what extraction produced, kept on disk.  The extraction cache by content hash
(:mod:`~kroniek.store.cache`), saved corpus views (:mod:`~kroniek.store.views`), the tables as Arrow
(:mod:`~kroniek.store.tables`), CSV and Parquet exports (:mod:`~kroniek.store.exports`),
the month-partitioned dataset of the Dask engine (:mod:`~kroniek.store.dataset`) and
shared views (:mod:`~kroniek.store.shares`).

The store persists; it never extracts and never imports the extractors.
"""
