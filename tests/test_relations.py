from markup import marked

from kg.model import Mention, PaperMentions
from kg.relations import (
    CO_MENTION_EXAMPLES,
    entity_relations,
    paper_relations,
    relations,
    variant_relations,
)
from kg.resolve import resolve


def stated(*papers) -> set[tuple[str, str, str]]:
    """The typed entity relations the papers state, as (source, relation, target)."""
    found = list(papers)
    return {
        (r.source, r.relation, r.target)
        for r in entity_relations(found, resolve(found))
        if r.relation != "co_mentioned"
    }


def test_outperforms_takes_the_subject_before_the_cue_and_every_listed_object():
    assert stated(
        marked(
            "p1", "Our [SimPO|Method] consistently outperforms [DPO|Method], [IPO|Method] and [KTO|Method]."
        )
    ) == {("method:simpo", "outperforms", f"method:{x}") for x in ("dpo", "ipo", "kto")}


def test_a_clause_break_stops_the_subject_search():
    assert stated(marked("p1", "[DPO|Method] is popular; yet our method outperforms [PPO|Method].")) == set()


def test_evaluated_on_links_every_system_of_the_clause_to_the_listed_benchmarks():
    relations = stated(
        marked(
            "p1",
            "[Zephyr|Model] beats [Llama-2-Chat|Model] on [MT-Bench|Benchmark] and [AlpacaEval|Benchmark].",
        )
    )
    assert ("model:zephyr", "outperforms", "model:llama-2-chat") in relations
    assert {(s, t) for s, r, t in relations if r == "evaluated_on"} == {
        (s, t)
        for s in ("model:zephyr", "model:llama-2-chat")
        for t in ("benchmark:mt-bench", "benchmark:alpacaeval")
    }


def test_on_before_a_non_benchmark_is_not_an_evaluation():
    assert stated(marked("p1", "We train [BERT|Model] on [masked language modeling|Method].")) == set()


def test_based_on_in_both_word_orders():
    assert stated(marked("p1", "[Vicuna|Model] is fine-tuned from [LLaMA|Model].")) == {
        ("model:vicuna", "based_on", "model:llama")
    }
    assert stated(marked("p1", "Building on [CLIP|Model], we present [AlignCLIP|Model].")) == {
        ("model:alignclip", "based_on", "model:clip")
    }


def test_applied_to_needs_the_cue_between_a_system_and_a_task():
    assert stated(
        marked("p1", "We apply [contrastive learning|Method] to [image captioning|Task]."),
        marked("p2", "[DPO|Method] for [summarization|Task] works."),
    ) == {
        ("method:contrastive-learning", "applied_to", "task:image-captioning"),
        ("method:dpo", "applied_to", "task:summarization"),
    }
    assert stated(marked("p3", "[DPO|Method] and [summarization|Task] are unrelated.")) == set()


def test_relations_across_papers_merge_their_evidence_and_count_support():
    found = [
        marked("p1", "[SimPO|Method] outperforms [DPO|Method]."),
        marked(
            "p2",
            "Results show that [SimPO|Method] outperforms [DPO|Method]. [SimPO|Method] beats [DPO|Method].",
        ),
    ]
    [outperforms] = [r for r in entity_relations(found, resolve(found)) if r.relation == "outperforms"]
    assert outperforms.support == 2
    assert [(e.paper_id, e.sentence) for e in outperforms.evidence] == [
        ("p1", "SimPO outperforms DPO."),
        ("p2", "Results show that SimPO outperforms DPO."),
        ("p2", "SimPO beats DPO."),
    ]
    first = outperforms.evidence[1]
    assert found[1].paper.abstract[first.start : first.end] == "SimPO outperforms DPO"


def test_co_mentions_are_stored_once_from_the_smaller_id_with_papers_as_support():
    found = [
        marked("p1", "[PPO|Method] and [DPO|Method] align models."),
        marked("p2", "Unlike [DPO|Method], [PPO|Method] needs a reward. [DPO|Method] is simple."),
        marked("p3", "[DPO|Method] is simple. [PPO|Method] is not."),
    ]
    [co] = [r for r in entity_relations(found, resolve(found)) if r.relation == "co_mentioned"]
    assert (co.source, co.target, co.support) == ("method:dpo", "method:ppo", 2)


def test_a_co_mention_counts_every_paper_but_keeps_one_sentence_of_its_first_papers_as_examples():
    text = "[PPO|Method] and [DPO|Method] align. [DPO|Method] beats [PPO|Method]."
    found = [marked(f"p{i}", text) for i in range(5)]
    [co] = [r for r in entity_relations(found, resolve(found)) if r.relation == "co_mentioned"]
    assert co.support == 5
    assert [e.paper_id for e in co.evidence] == ["p0", "p1", "p2"][:CO_MENTION_EXAMPLES]
    assert {e.sentence for e in co.evidence} == {"PPO and DPO align."}
    [beats] = [r for r in entity_relations(found, resolve(found)) if r.relation == "outperforms"]
    assert len(beats.evidence) == beats.support == 5, "typed relations keep all their evidence"


def test_an_acronym_relates_as_the_entity_its_paper_defines():
    found = [
        marked("p1", "[ICL|Method] beats [fine-tuning|Method].", pairs=(("in-context learning", "ICL"),)),
        marked(
            "p2", "[ICL|Method] beats [fine-tuning|Method].", pairs=(("Iterative Consensus Loss", "ICL"),)
        ),
        marked("p3", "[in-context learning|Method] is used widely."),
    ]
    assert stated(*found) == {
        ("method:in-context-learning", "outperforms", "method:fine-tuning"),
        ("method:iterative-consensus-loss", "outperforms", "method:fine-tuning"),
    }


def test_paper_relations_take_the_strongest_role_and_keep_every_mention():
    found = [
        marked(
            "p1",
            "We introduce [DPG-Bench|Benchmark|introduced]. [DPG-Bench|Benchmark] tests"
            " [text-to-image generation|Task]. We fine-tune [SDXL|Model] and compare with [DALL-E 3|Model]"
            " using [CLIPScore|Metric].",
        )
    ]
    by_target = {r.target: r for r in paper_relations(found, resolve(found))}
    assert {t: r.relation for t, r in by_target.items()} == {
        "benchmark:dpg-bench": "introduces",
        "task:text-to-image-generation": "addresses",
        "model:sdxl": "uses",
        "model:dall-e-3": "mentions",
        "metric:clipscore": "mentions",
    }
    assert len(by_target["benchmark:dpg-bench"].evidence) == 2
    assert all(r.source == "paper:p1" and r.support == 1 for r in by_target.values())


def test_variants_link_to_their_family_with_the_sentences_that_name_them():
    found = [
        marked("p1", "We fine-tune [LLaMA-2-7B|Model]. [LLaMA-2|Model] is a family."),
        marked("p2", "[LLaMA-2-7B|Model] is small."),
    ]
    [variant] = variant_relations(found, resolve(found))
    assert (variant.source, variant.relation, variant.target) == (
        "model:llama-2-7b",
        "variant_of",
        "model:llama-2",
    )
    assert [e.sentence for e in variant.evidence] == ["We fine-tune LLaMA-2-7B.", "LLaMA-2-7B is small."]
    assert variant in relations(found, resolve(found))


def test_no_relation_is_read_across_another_cue():
    assert stated(
        marked("p1", "[AlignScore|Model] even outperforms metrics based on [ChatGPT|Model]."),
        marked("p2", "Our model outperforms [GPT-3.5|Model] and surpasses [GPT-4|Model]."),
        marked("p3", "Based on preference data, [DPA-RAG|Method] beats [RAG|Method]."),
    ) == {("method:dpa-rag", "outperforms", "method:rag")}


def test_a_name_nested_in_a_longer_one_states_nothing_of_its_own():
    paper = marked("p1", "[Code Llama|Model] beats [Llama 2 70B|Model] on [HumanEval|Benchmark].")
    inner = Mention("Llama 2", "Model", "abstract", 17, 24, None, paper.mentions[0].sentence)
    assert paper.paper.abstract[17:24] == "Llama 2"
    nested = PaperMentions(paper.paper, (*paper.mentions, inner))
    assert stated(nested) == {
        ("model:code-llama", "outperforms", "model:llama-2-70b"),
        ("model:code-llama", "evaluated_on", "benchmark:humaneval"),
        ("model:llama-2-70b", "evaluated_on", "benchmark:humaneval"),
    }


def test_a_comma_ends_the_phrase_after_a_cue_unless_it_opens_an_example():
    assert stated(
        marked("p1", "A [context aggregation|Method] based on attention, enabling [SuperGlue|Model]."),
        marked("p2", "[FocalNet|Model] beats rivals (e.g., [Swin|Model])."),
    ) == {("model:focalnet", "outperforms", "model:swin")}
