"""A synthetic graph in the graph contract's shape, at any size, for speed tests and query tests.

Entity popularity follows a Zipf law (a few benchmarks and methods in most
papers, a long tail named once), as in the literature; each paper addresses a
task, introduces one or two things, uses a few methods and models, evaluates on
a benchmark or two and mentions some more. Entities get the relations the
resolve stage adds (``outperforms``, ``based_on``, ``applied_to``,
``variant_of``, ``evaluated_on``, ``co_mentioned``), and some names are awkward
(unicode, quotes, ``#``, ``/``) so that IRIs get tested.

    >>> g = synthetic_graph(50, seed=1)
    >>> sum(1 for _, kind in g.nodes(data="type") if kind == "Paper")
    50
    >>> {kind for *_, kind in g.edges(keys=True)} >= {"introduces", "uses", "evaluated_on", "co_mentioned"}
    True
"""

from __future__ import annotations

import itertools
import random
from collections import defaultdict

import networkx as nx

# Entities of each type per paper, and how many of a paper's edges go to each role.
_POOL_SIZE = {"Method": 0.2, "Model": 0.1, "Dataset": 0.05, "Benchmark": 0.02, "Task": 0.01, "Metric": 0.005}
_ODD_NAMES = ["λ-ECLIPSE", 'say "cheese"', "C# #1", "input/output", "naïve Bayes", "<tag> & co"]
_STRENGTH = {"introduces": 4, "evaluated_on": 3, "addresses": 3, "uses": 2, "mentions": 1}


def _slug(name: str) -> str:
    return "".join(c if c.isalnum() else "-" for c in name.lower()).strip("-") or "x"


def synthetic_graph(papers: int, seed: int = 0) -> nx.MultiDiGraph:
    """A graph of ``papers`` papers with Zipf-distributed entities, in the graph contract's shape."""
    rng = random.Random(seed)
    graph = nx.MultiDiGraph()
    pools: dict[str, list[str]] = {}
    weights: dict[str, list[float]] = {}
    for kind, share in _POOL_SIZE.items():
        count = max(12, int(papers * share))
        names = [f"{kind}-{i}" for i in range(count)]
        names[3 : 3 + len(_ODD_NAMES)] = [f"{name} {kind}" for name in _ODD_NAMES]
        pools[kind] = []
        for rank, name in enumerate(names, start=1):
            # Awkward names keep their raw form in the node id too, to test IRI safety end to end.
            odd = any(name.startswith(odd) for odd in _ODD_NAMES)
            node = f"{kind.lower()}:{name if odd else _slug(name)}-{rank}"
            aliases = {name: 3} | ({f"{name} (alias)": 1} if rank % 7 == 0 else {})
            external = (
                {"pwc": f"https://paperswithcode.com/{kind.lower()}/{_slug(name)}"} if rank % 5 == 0 else {}
            )
            graph.add_node(
                node,
                type=kind,
                label=name,
                aliases=aliases,
                type_votes={kind: 3},
                papers=0,
                external=external,
            )
            pools[kind].append(node)
        weights[kind] = list(itertools.accumulate(1 / rank**1.1 for rank in range(1, count + 1)))

    def pick(*kinds: str) -> str:
        kind = rng.choice(kinds)
        return rng.choices(pools[kind], cum_weights=weights[kind])[0]

    mentioned: dict[str, set[str]] = defaultdict(set)
    co_mentions: dict[tuple[str, str], list[dict[str, object]]] = defaultdict(list)
    for number in range(papers):
        paper_id = f"p{number:06d}"
        paper = f"paper:{paper_id}"
        title = f"Paper {number}: a study of {number % 97} things"
        sentence = f"We study problem {number} with several methods."
        graph.add_node(
            paper, type="Paper", label=title, title=title, abstract=sentence * 3,
            authors=[f"Author {number % 301}", f"Author {number % 53}"],
            date=f"20{number % 10 + 14}-{number % 12 + 1:02d}-{number % 28 + 1:02d}",
            **({"arxiv_id": f"24{number % 12 + 1:02d}.{number:05d}"} if number % 3 else {}),
        )  # fmt: skip
        roles = [("addresses", pick("Task"))]
        roles += [("introduces", pick("Method", "Model"))] + (
            [("introduces", pick("Dataset", "Benchmark"))] if rng.random() < 0.1 else []
        )
        roles += [("uses", pick("Method", "Model")) for _ in range(rng.randint(1, 3))]
        roles += [("evaluated_on", pick("Dataset", "Benchmark")) for _ in range(rng.randint(1, 2))]
        roles += [("mentions", pick(*_POOL_SIZE)) for _ in range(rng.randint(1, 4))]
        strongest: dict[str, str] = {}
        for relation, target in roles:
            if _STRENGTH[relation] > _STRENGTH.get(strongest.get(target, ""), 0):
                strongest[target] = relation
        for position, (target, relation) in enumerate(sorted(strongest.items())):
            start = 10 + 7 * position
            evidence = {
                "paper": paper_id,
                "field": "abstract",
                "start": start,
                "end": start + 5,
                "sentence": sentence,
            }
            graph.add_edge(paper, target, key=relation, relation=relation, evidence=[evidence], support=1)
            mentioned[target].add(paper_id)
        introduced = [t for t, r in strongest.items() if r == "introduces"]
        evaluated = [t for t, r in strongest.items() if r == "evaluated_on"]
        task = roles[0][1]
        evidence = [
            {"paper": paper_id, "field": "abstract", "start": 0, "end": len(sentence), "sentence": sentence}
        ]
        for new in introduced:
            if graph.nodes[new]["type"] in ("Method", "Model"):
                graph.add_edge(
                    new, task, key="applied_to", relation="applied_to", evidence=evidence, support=1
                )
                for data in evaluated:
                    graph.add_edge(
                        new, data, key="evaluated_on", relation="evaluated_on", evidence=evidence, support=1
                    )
                used = [t for t, r in strongest.items() if r == "uses"]
                if used:
                    relation = rng.choice(["outperforms", "based_on", "variant_of"])
                    graph.add_edge(
                        new, used[0], key=relation, relation=relation, evidence=evidence, support=1
                    )
            for data in evaluated:
                pair = (min(new, data), max(new, data))
                co_mentions[pair].extend(evidence)
    for (a, b), evidence in co_mentions.items():
        support = len({e["paper"] for e in evidence})
        graph.add_edge(
            a,
            b,
            key="co_mentioned",
            relation="co_mentioned",
            evidence=evidence,
            support=support,
            weight=support,
        )
    for node, papers_of in mentioned.items():
        graph.nodes[node]["papers"] = len(papers_of)
    graph.remove_nodes_from(
        [n for n, d in list(graph.nodes(data=True)) if d["type"] != "Paper" and not d["papers"]]
    )
    return graph
