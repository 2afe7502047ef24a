"""NLP: article text -> spaCy Doc.  Loading the pipeline, Kroniek's own pipeline stages, the
NER vote, dependency-tree helpers and the scores of the pipeline on annotated data.

Importing this package does not import spaCy: the dashboard reads a pipeline's name and
cache key (:func:`pipeline_key`) without loading it.
"""

from kroniek.nlp.pipeline import BLANK_NAME, FAST_NAME, LABEL_MAP, MODEL_ENV, SHIPPED_MODEL, PipelineInfo  # noqa: F401
from kroniek.nlp.pipeline import canonical_label, describe_pipeline, load_nlp, pipeline_info, pipeline_key, resolve_name  # noqa: F401
