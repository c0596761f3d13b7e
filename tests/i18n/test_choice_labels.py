"""A label two sets of choices share is one msgid with one translation, so
it must mean one thing: "Cancelled" of an exchange (ru «Отменён») and of a
message («Отменено»), or "Failed" of an import and of a message (GLOSSARY:
«не доставлено»), each take a context (pgettext_lazy) to be translated on
their own. Read from the source, so a new set of choices is checked too."""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
APPS = ("accounts", "cases", "families", "casemgr")
Label = tuple[str | None, str]

# Labels two sets of choices share on purpose: the same word for the same thing.
SAME_MEANING: dict[Label, set[str]] = {
    # The attempt that sent the message, and the message it sent.
    (None, "Sent"): {"families.models.NotificationStatus", "families.models.AttemptOutcome"},
}


def _label(call: ast.expr) -> Label | None:
    if not isinstance(call, ast.Call) or not all(isinstance(a, ast.Constant) for a in call.args):
        return None
    name = call.func.id if isinstance(call.func, ast.Name) else getattr(call.func, "attr", "")
    words = [a.value for a in call.args]
    if name == "pgettext_lazy":
        return (words[0], words[1])
    if name in ("_", "gettext_lazy"):
        return (None, words[0])
    return None


def _is_choices(node: ast.ClassDef) -> bool:
    names = [b.attr if isinstance(b, ast.Attribute) else getattr(b, "id", "") for b in node.bases]
    return any(name.endswith("Choices") for name in names)


def _modules() -> list[tuple[str, ast.Module]]:
    found = []
    for app in APPS:
        for path in sorted((REPO / app).rglob("*.py")):
            if "migrations" in path.parts:
                continue
            dotted = ".".join(path.relative_to(REPO).with_suffix("").parts)
            found.append((dotted, ast.parse(path.read_text(encoding="utf-8"))))
    return found


def choice_labels() -> dict[str, set[Label]]:
    """'module.Class' -> the (context, msgid) of each of its members' labels."""
    labels: dict[str, set[Label]] = {}
    for module, tree in _modules():
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef) and _is_choices(node):
                values = [s.value for s in node.body if isinstance(s, ast.Assign)]
                pairs = [v.elts[-1] for v in values if isinstance(v, ast.Tuple)]
                labels[f"{module}.{node.name}"] = {lab for p in pairs if (lab := _label(p))}
    return labels


def test_the_source_reading_finds_the_choices_and_their_contexts() -> None:
    labels = choice_labels()
    assert ("exchange status", "Cancelled") in labels["cases.models.ExchangeStatus"]
    assert (None, "Planned") in labels["cases.models.ExchangeStatus"]
    assert len(labels) > 20


def test_no_label_is_shared_by_two_sets_of_choices_without_a_context() -> None:
    users: dict[Label, set[str]] = defaultdict(set)
    for where, labels in choice_labels().items():
        for label in labels:
            users[label].add(where)
    shared = {label: where for label, where in users.items() if len(where) > 1}
    assert shared == SAME_MEANING


def test_the_workspace_catalogue_names_each_label_with_its_models_context() -> None:
    # casemgr/workspace/catalogue.py repeats the labels the pages show, so that
    # the workspace's catalogue carries them: with the model's context, or the
    # entry it makes is one no page reads.
    labels = choice_labels()
    tree = dict(_modules())["casemgr.workspace.catalogue"]
    listing = next(
        n.value
        for n in tree.body
        if isinstance(n, ast.AnnAssign | ast.Assign) and isinstance(n.value, ast.Dict)
    )
    assert isinstance(listing, ast.Dict)
    for key, value in zip(listing.keys, listing.values, strict=True):
        assert isinstance(key, ast.Constant)
        assert isinstance(value, ast.Tuple)
        listed = {lab for call in value.elts if (lab := _label(call))}
        assert listed == labels[key.value], key.value
