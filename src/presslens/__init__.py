"""presslens: shows how news articles persuade."""

from presslens.analysis import Analysis
from presslens.article import Article

__version__ = "0.1.0"

__all__ = ["Analysis", "Article", "__version__"]
