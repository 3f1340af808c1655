"""kg: a knowledge graph of the methods, models, datasets, benchmarks, tasks and
metrics that machine-learning papers mention.

    >>> import kg
    >>> nlp = kg.nlp()
    >>> [(e.text, e.label_) for e in nlp("We evaluate on DPG-Bench.").ents]
    [('DPG-Bench', 'Benchmark')]
"""

from kg.build import build
from kg.extract import nlp
from kg.graph import load

__all__ = ["build", "load", "nlp"]
