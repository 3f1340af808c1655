from kg.model import Abbreviation, KnownName, Mention, Paper, PaperMentions
from kg.resolve import name_key, resolve


def found(paper_id: str, names: list[tuple[str, str]], pairs=()) -> PaperMentions:
    paper = Paper(paper_id, "", " ".join(n for n, _ in names))
    mentions = tuple(Mention(n, t, "abstract", 0, len(n)) for n, t in names)
    return PaperMentions(paper, mentions, tuple(Abbreviation(*p) for p in pairs))


def test_name_key_folds_case_dashes_hyphens_spaces_plurals_and_generic_suffixes():
    assert name_key("Vision\u2013Transformers") == name_key("vision transformer")
    assert name_key("MT-Bench") == name_key("MT Bench") == name_key("mt\u2011bench")
    assert name_key("COCO dataset") == name_key("COCO") == name_key("COCO Datasets")
    assert name_key("BERT model") == name_key("BERT")
    assert name_key("triplet contrastive losses") == name_key("Triplet Contrastive Loss")
    assert name_key("Model") == "model", "a name that is only the suffix keeps it"


def test_name_key_keeps_versions_and_acronyms_ending_in_s_apart():
    assert name_key("LLaMA-2-7B") != name_key("LLaMA-2")
    assert name_key("GPT-4") != name_key("GPT-4o")
    assert name_key("SQuAD") != name_key("SQuA")
    assert name_key("GLUES") != name_key("GLUE")


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


def test_an_acronym_defined_two_ways_stays_two_entities_and_bare_uses_go_to_the_majority():
    resolution = resolve(
        [
            found("p1", [("ICL", "Method")], [("in-context learning", "ICL")]),
            found("p2", [("In-Context Learning", "Method")], [("In-Context Learning", "ICL")]),
            found("p3", [("ICL", "Method")], [("Iterative Consensus Loss", "ICL")]),
            found("p4", [("ICL", "Method")]),
        ]
    )  # fmt: skip
    learning = resolution.entity_of("ICL", "p1")
    loss = resolution.entity_of("ICL", "p3")
    assert learning is not loss
    assert loss.label == "Iterative Consensus Loss" and loss.papers == {"p3"}
    assert learning.papers == {"p1", "p2", "p4"}
    assert resolution.entity_of("ICL", "p4") is learning is resolution.entity_of("ICL")
    assert resolution.entity_of("in-context learning") is learning


def test_definition_adds_the_form_the_extractor_missed_to_the_aliases():
    resolution = resolve([found("p1", [("SD", "Model")], [("Stable Diffusion", "SD")])])
    [entity] = resolution.entities.values()
    assert entity.label == "Stable Diffusion"
    assert entity.aliases == {"SD": 1, "Stable Diffusion": 1}
    assert entity.id == "model:stable-diffusion"


def test_type_is_the_vote_of_mentions():
    resolution = resolve(
        [
            found("p1", [("COCO", "Dataset")]),
            found("p2", [("COCO", "Dataset")]),
            found("p3", [("COCO", "Benchmark")]),
        ]
    )
    [entity] = resolution.entities.values()
    assert entity.type == "Dataset"
    assert entity.type_votes == {"Dataset": 2, "Benchmark": 1}


def test_label_is_the_most_common_full_form_without_a_generic_suffix():
    resolution = resolve(
        [found("p1", [("MS-COCO dataset", "Dataset")]), found("p2", [("MS COCO", "Dataset")])]
    )
    [entity] = resolution.entities.values()
    assert entity.label == "MS COCO"
    assert entity.aliases == {"MS COCO": 1, "MS-COCO dataset": 1}


def test_slug_collisions_get_distinct_ids():
    resolution = resolve([found("p1", [("λ-ECLIPSE", "Method"), ("ECLIPSE", "Method")])])
    assert sorted(resolution.entities) == ["method:eclipse", "method:eclipse-2"]


KNOWN = {
    "gpt-4": KnownName("openai/gpt-4", "GPT-4", {"helm": "openai/gpt-4"}),
    "gpt4": KnownName("openai/gpt-4", "GPT-4", {"helm": "openai/gpt-4"}),
    "sd": KnownName("pwc:sd", "SD", {"pwc": "https://paperswithcode.com/method/sd"}),
}


def known(name: str) -> KnownName | None:
    return KNOWN.get(name.casefold())


def test_names_that_find_one_known_entry_merge_and_keep_its_ids():
    resolution = resolve([found("p1", [("GPT-4", "Model")]), found("p2", [("GPT4", "Model")])], known=known)
    [entity] = resolution.entities.values()
    assert entity.external == {"helm": "openai/gpt-4"}
    assert entity.aliases == {"GPT-4": 1, "GPT4": 1}


def test_an_acronym_defined_in_the_corpus_is_not_looked_up_by_its_short_form():
    resolution = resolve([found("p1", [("SD", "Model")], [("Score Distillation", "SD")])], known=known)
    [entity] = resolution.entities.values()
    assert entity.label == "Score Distillation"
    assert entity.external == {}


def test_versions_and_sizes_are_their_own_entities_linked_to_their_family():
    resolution = resolve(
        [found("p1", [("LLaMA-2", "Model"), ("LLaMA-2-7B", "Model"), ("Stable Diffusion v1.5", "Model")])]
    )
    family = resolution.entity_of("LLaMA-2")
    size = resolution.entity_of("llama-2-7b")
    assert family is not size
    assert size.variant_of == family.id
    assert family.variant_of is None
    assert resolution.entity_of("Stable Diffusion v1.5").variant_of is None, "no family named in the corpus"


def test_the_result_does_not_depend_on_the_order_of_the_papers():
    papers = [
        found("p1", [("ICL", "Method")], [("in-context learning", "ICL")]),
        found(
            "p2", [("ICL", "Method"), ("In-Context Learning", "Task")], [("Iterative Consensus Loss", "ICL")]
        ),
        found("p3", [("ICL", "Method"), ("GPT-4", "Model"), ("LLaMA-2-7B", "Model")]),
        found("p4", [("gpt-4", "Model"), ("LLaMA-2", "Model")]),
    ]
    forward, backward = resolve(papers), resolve(papers[::-1])
    assert forward.entities == backward.entities
    assert forward.entity_of_key == backward.entity_of_key
    assert forward.paper_entity_of_key == backward.paper_entity_of_key
