"""Ecuador–Israel alignment: events from news articles, stance per administration, figures.

Data flows one way: ``seeds/`` -> ``analysis/`` -> ``data/`` -> ``figures/``.
"""

__version__ = "0.1.0"
