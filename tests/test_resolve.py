from kg.model import Abbreviation, Mention, Paper, PaperMentions
from kg.resolve import name_key, resolve


def found(paper_id: str, names: list[tuple[str, str]], pairs=()) -> PaperMentions:
    paper = Paper(paper_id, "", " ".join(n for n, _ in names))
    mentions = tuple(Mention(n, t, "abstract", 0, len(n)) for n, t in names)
    return PaperMentions(paper, mentions, tuple(Abbreviation(*p) for p in pairs))


def test_name_key_folds_case_dashes_space_and_plural():
    assert name_key("Vision\u2013Transformers") == name_key("vision-transformer")
    assert name_key("MT-Bench") != name_key("MT Bench")


def test_abbreviation_pair_merges_long_and_short_form_across_papers():
    resolution = resolve(
        [
            found("p1", [("Direct Preference Optimization", "Method"), ("DPO", "Method")],
                  [("Direct Preference Optimization", "DPO")]),
            found("p2", [("DPO", "Method")]),
        ]
    )  # fmt: skip
    [entity] = resolution.entities.values()
    assert entity.label == "Direct Preference Optimization"
    assert entity.aliases == {"Direct Preference Optimization": 1, "DPO": 2}
    assert entity.papers == {"p1", "p2"}
    assert resolution.entity_of("dpo") is entity


def test_type_is_the_vote_of_mentions():
    resolution = resolve(
        [found("p1", [("COCO", "Dataset")]), found("p2", [("COCO", "Dataset")]), found("p3", [("COCO", "Benchmark")])]
    )
    [entity] = resolution.entities.values()
    assert entity.type == "Dataset"
    assert entity.type_votes == {"Dataset": 2, "Benchmark": 1}


def test_slug_collisions_get_distinct_ids():
    resolution = resolve([found("p1", [("λ-ECLIPSE", "Method"), ("ECLIPSE", "Method")])])
    assert sorted(resolution.entities) == ["method:eclipse", "method:eclipse-2"]
