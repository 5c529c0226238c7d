"""The entry point papermill 2.7.0 loads: importing it registers the translator.

``RegulaEngine`` is papermill's own nbclient engine under another name, so
``papermill --engine regula`` runs notebooks exactly as the default engine does.
"""

from papermill.engines import NBClientEngine

from . import translator  # noqa: F401  (registers RegulaTranslator)


class RegulaEngine(NBClientEngine):
    """papermill's nbclient engine; loading it registers the Regula translator."""
