"""Which form of a sentence a family reads: for a man, or for a woman who
serves (the case's `sex`, cases.models.Sex).

Russian (and, for he/she, English) words agree with the person: «включён» /
«включена», "his return" / "her return". Each such msgid has a second entry
with the context "female" (or "<context>, female"), the same English where
English does not differ; Armenian has no grammatical gender and says the
same in both. A case whose sex is not recorded reads the masculine forms,
as the registry did before the field existed (GLOSSARY.md).
"""

from __future__ import annotations

from typing import TypeVar

from cases.models import Sex

T = TypeVar("T")


def is_female(sex: str) -> bool:
    return sex == Sex.FEMALE


def form_for(forms: tuple[T, T], sex: str) -> T:
    """forms: (for a man or an unrecorded sex, for a woman)."""
    return forms[1] if is_female(sex) else forms[0]
