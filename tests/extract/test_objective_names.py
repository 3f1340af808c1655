"""A name the text calls a training objective ("minimizing X losses", "a X objective") is a Method."""

from __future__ import annotations

from spacy.language import Language


def _typed(pipeline: Language, text: str) -> dict[str, str]:
    return {e.text: e.label_ for e in pipeline(text).ents}


def test_task_shaped_names_before_losses_are_techniques(pipeline: Language) -> None:
    text = "Quill nets are trained by minimizing moment matching or velocity matching losses on sketches."
    found = _typed(pipeline, text)
    assert found["moment matching"] == "Method"
    assert found["velocity matching"] == "Method"


def test_a_measure_named_as_an_objective_is_a_technique(pipeline: Language) -> None:
    found = _typed(pipeline, "Zorblax fits rook boards with a binary entropy objective and little data.")
    assert found["binary entropy"] == "Method"


def test_a_measure_reported_stays_a_measure(pipeline: Language) -> None:
    found = _typed(pipeline, "Zorblax lowers the binary entropy on held-out rook boards by a third.")
    assert found["binary entropy"] == "Metric"


def test_a_divergence_minimised_stays_a_measure(pipeline: Language) -> None:
    found = _typed(pipeline, "Zorblax adds a Jensen-Shannon divergence objective to stay near the reference.")
    assert found["Jensen-Shannon divergence"] == "Metric"


def test_a_listed_task_before_its_loss_stays_a_task(pipeline: Language) -> None:
    found = _typed(pipeline, "Zorblax adds a lip reading loss to the rook board encoder.")
    assert found.get("lip reading") == "Task"


def test_a_defined_short_form_before_loss_is_the_name(pipeline: Language) -> None:
    # "DSAM loss" is a listed technique; here the text defines DSAM and uses its loss
    text = "We build on Dual Sparse Anchor Mapping (DSAM). Our method keeps the DSAM loss function as it is."
    found = [(e.text, e.label_) for e in pipeline(text).ents]
    assert "DSAM loss" not in [name for name, _ in found]
    assert [name for name, _ in found].count("DSAM") == 2


def test_an_undefined_short_form_before_loss_keeps_the_listed_name(pipeline: Language) -> None:
    found = [e.text for e in pipeline("Our method keeps the DSAM loss function as it is.").ents]
    assert found == ["DSAM loss"]


def test_tasks_a_model_is_optimized_on_at_once_are_objectives(pipeline: Language) -> None:
    text = "Zorblax is trained by optimizing two tasks simultaneously: graph parsing and stroke prediction."
    found = _typed(pipeline, text)
    assert found["graph parsing"] == "Method"
    assert found["stroke prediction"] == "Method"


def test_tasks_evaluated_in_a_list_stay_tasks(pipeline: Language) -> None:
    text = "Zorblax is evaluated on two tasks: graph parsing and stroke prediction."
    found = _typed(pipeline, text)
    assert found["graph parsing"] == "Task"
    assert found["stroke prediction"] == "Task"


def test_defined_short_forms_joined_by_a_plus_give_no_third_name(pipeline: Language) -> None:
    text = "We use glyph tuning (GT) and stroke distillation (SD). Nets with GT or GT+SD win, as GT+LLM does."
    names = [e.text for e in pipeline(text).ents]
    assert "GT+SD" not in names
    assert "GT+LLM" in names
