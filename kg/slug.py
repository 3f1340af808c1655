"""Readable, stable identifiers made from names."""

from __future__ import annotations

import re
import unicodedata


def slugify(text: str, max_length: int = 80) -> str:
    """Lower-case ASCII words joined by hyphens.

    >>> slugify("Aligning Multimodal LLM with Human Preference: A Survey")
    'aligning-multimodal-llm-with-human-preference-a-survey'
    >>> slugify("λ-ECLIPSE")
    'eclipse'
    """
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug[:max_length].rstrip("-")
