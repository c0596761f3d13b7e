"""No text a person reads is a bare English literal: every action and column
title, admin message, site title, field label and help text, fieldset title,
and form error in accounts/, cases/, families/ and casemgr/ goes through
gettext. The test reads the source (ast), so a string that no test page
happens to show is caught too.

Not in scope: management commands (the operators' console), migrations
(Django keeps the English there whatever the code marks), and the API's
serializers and views (their help_text is API documentation; their errors
answer machines)."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
PACKAGES = ("accounts", "cases", "families", "casemgr")
# Directories whose modules speak to operators or to machines, not to readers.
NOT_READ = {"migrations", "management", "api", "locale", "static", "templates"}
NOT_READ_MODULES = {"api.py", "api_auth.py", "api_errors.py", "schema.py"}
# Words that are the same in every language. Keep this short: each entry is a
# promise that no reader needs it translated.
EXEMPT = {"casemgr"}

# cases.errors: the refusals a service raises (IllegalTransition and
# StaleVersion word their own message, from values).
REFUSALS = {"DomainError", "InvalidInput", "Conflict", "NotAllowed", "ConcurrentChange"}
MESSAGE_LEVELS = {"debug", "info", "success", "warning", "error"}
SITE_TEXTS = {"site_header", "site_title", "index_title"}
# Keyword arguments and class attributes that name what a person reads.
READ_KEYWORDS = {"verbose_name", "verbose_name_plural", "label", "help_text", "description"}
READ_ATTRIBUTES = {"verbose_name", "verbose_name_plural", "search_help_text", "empty_value_display"}


def _modules() -> list[Path]:
    found = []
    for package in PACKAGES:
        for path in sorted((REPO / package).rglob("*.py")):
            parts = set(path.relative_to(REPO).parts[:-1])
            if parts & NOT_READ or path.name in NOT_READ_MODULES:
                continue
            if not path.name.startswith("serializers"):
                found.append(path)
    return found


def _literal(node: ast.AST | None) -> bool:
    """English text written into the code: a string, an f-string, or one
    glued to something ("..." + x, "..." % x, "...".format(x))."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return any(c.isalpha() for c in node.value) and node.value not in EXEMPT
    if isinstance(node, ast.JoinedStr):  # f"{case}: {message}" has no words of its own
        return any(_literal(part) for part in node.values if isinstance(part, ast.Constant))
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add | ast.Mod):
        return _literal(node.left) or (isinstance(node.op, ast.Add) and _literal(node.right))
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
        return node.func.attr == "format" and _literal(node.func.value)
    if isinstance(node, ast.IfExp):
        return _literal(node.body) or _literal(node.orelse)
    return False


def _name(node: ast.AST) -> str:
    if isinstance(node, ast.Attribute):
        return node.attr
    if isinstance(node, ast.Name):
        return node.id
    return ""


def _owner(node: ast.AST) -> str:
    return _name(node.value) if isinstance(node, ast.Attribute) else ""


def _call_hits(call: ast.Call) -> Iterator[ast.AST]:
    name, owner = _name(call.func), _owner(call.func)
    for kw in call.keywords:
        if kw.arg in READ_KEYWORDS and _literal(kw.value):
            yield kw.value
    if owner == "messages" and name in MESSAGE_LEVELS and len(call.args) >= 2:
        yield call.args[1]
    if owner == "messages" and name == "add_message" and len(call.args) >= 3:
        yield call.args[2]
    if name == "message_user" and call.args:
        yield call.args[1] if len(call.args) >= 2 else call.args[0]
    if name == "ValidationError" and call.args:
        yield call.args[0]
    if name == "add_error" and len(call.args) >= 2:
        yield call.args[1]
    if name == "format_html" and call.args and _words_outside_tags(call.args[0]):
        yield call.args[0]
    if name in REFUSALS and call.args:
        yield from _refusal_texts(call.args[0])
    if name == "append" and call.args and _collects_errors(call.func):
        yield call.args[0]


def _collects_errors(node: ast.AST) -> bool:
    """errors.append(...), errors.setdefault(f, []).append(...), errors[f] = [...]:
    the messages a service gathers before it raises InvalidInput(errors)."""
    while isinstance(node, ast.Attribute | ast.Subscript | ast.Call):
        node = node.func if isinstance(node, ast.Call) else node.value
    return isinstance(node, ast.Name) and node.id.endswith("errors")


def _refusal_texts(node: ast.AST) -> Iterator[ast.AST]:
    """A service's refusal, which the admin and the workspace show on the page:
    Conflict("..."), InvalidInput({"field": "..."}) or {"field": ["...", ...]}."""
    if isinstance(node, ast.Dict):
        for value in node.values:
            yield from _refusal_texts(value)
    elif isinstance(node, ast.List | ast.Tuple):
        yield from node.elts
    elif isinstance(node, ast.DictComp):
        yield node.value
    else:
        yield node


def _words_outside_tags(node: ast.AST) -> bool:
    """format_html('<a href="{}">{} rows</a>', ...): the words between the tags."""
    if not (isinstance(node, ast.Constant) and isinstance(node.value, str)):
        return False
    return any(c.isalpha() for c in re.sub(r"<[^>]*>|\{[^}]*\}", "", node.value))


def _markup_with_words(node: ast.AST) -> bool:
    is_markup = isinstance(node, ast.Constant) and "<" in str(node.value)
    return is_markup and _words_outside_tags(node)


def _dict_hits(node: ast.Dict) -> Iterator[ast.AST]:
    """A page's title in a template's context: {"title": "Put cases on a list"}."""
    for key, value in zip(node.keys, node.values, strict=True):
        if isinstance(key, ast.Constant) and key.value == "title":
            yield value


def _fieldset_titles(node: ast.AST) -> Iterator[ast.AST]:
    """The first item of each (title, {"fields": ...}) pair of fieldsets."""
    for item in getattr(node, "elts", []):
        if isinstance(item, ast.Tuple) and len(item.elts) == 2:
            yield item.elts[0]


HIDDEN = {"HiddenInput", "MultipleHiddenInput"}


def _unlabelled_form_field(node: ast.Assign) -> bool:
    """`note = forms.CharField(...)` with no label, in an admin module: the
    admin shows the attribute's name, "Note", in English whatever the reader's
    language. (The workspace's and the portal's templates write their labels,
    or set them from a table, so this is checked in the admin only.)"""
    call = node.value
    if not (isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute)):
        return False
    if _owner(call.func) != "forms" or not call.func.attr.endswith("Field"):
        return False
    keywords = {kw.arg: kw.value for kw in call.keywords}
    widget = keywords.get("widget")
    hidden = widget is not None and _name(getattr(widget, "func", widget)) in HIDDEN
    return "label" not in keywords and not hidden


def _assign_hits(node: ast.Assign, *, admin: bool = False) -> Iterator[ast.AST]:
    if admin and _unlabelled_form_field(node):
        yield ast.Constant(value=f"(no label) {ast.unparse(node.targets[0])}", lineno=node.lineno)
    for target in node.targets:
        if _collects_errors(target):
            yield from _refusal_texts(node.value)
        name = _name(target)
        if (isinstance(target, ast.Attribute) and name in SITE_TEXTS) or (
            isinstance(target, ast.Name) and name in READ_ATTRIBUTES
        ):
            yield node.value
        if name == "fieldsets":
            yield from _fieldset_titles(node.value)


def _hits(path: Path, root: Path = REPO) -> Iterator[str]:
    source = path.read_text(encoding="utf-8")
    tree = ast.parse(source, filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            found: Iterator[ast.AST] = _call_hits(node)
        elif isinstance(node, ast.AnnAssign) and node.value and _collects_errors(node.target):
            found = _refusal_texts(node.value)
        elif isinstance(node, ast.Dict):
            found = _dict_hits(node)
        elif isinstance(node, ast.Assign):
            found = _assign_hits(node, admin=path.name.startswith("admin"))
        elif isinstance(node, ast.Return) and _in_get_fieldsets(tree, node):
            found = _fieldset_titles(node.value)
        else:
            continue
        for value in found:
            if _literal(value) or _markup_with_words(value):
                where = path.relative_to(root)
                text = ast.get_source_segment(source, value) or getattr(value, "value", "")
                yield f"{where}:{value.lineno}: {text}"


def _in_get_fieldsets(tree: ast.AST, node: ast.Return) -> bool:
    return any(
        isinstance(fn, ast.FunctionDef)
        and fn.name == "get_fieldsets"
        and any(n is node for n in ast.walk(fn))
        for fn in ast.walk(tree)
    )


def test_the_modules_are_read() -> None:
    names = {str(p.relative_to(REPO)) for p in _modules()}
    assert {"cases/admin.py", "accounts/admin.py", "families/admin.py"} <= names
    assert "cases/imports/admin.py" in names
    assert "casemgr/workspace/forms.py" in names
    assert not any("migrations" in n or "/api/" in n for n in names)


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(REPO)))
def test_no_literal_text_bypasses_gettext(path: Path) -> None:
    hits = list(_hits(path))
    assert hits == [], "English a person reads, not through gettext:\n" + "\n".join(hits)


SAMPLES = {
    '@admin.action(description="Revoke")\ndef f(): pass': 1,
    'messages.success(request, f"{n} revoked.")': 1,
    'self.message_user(request, "Done.")': 1,
    'admin.site.site_header = "casemgr: case registry"': 1,
    'admin.site.site_title = "casemgr"': 0,
    'x = forms.CharField(label="Note", help_text="Why." + x)': 2,
    'class Meta:\n    verbose_name = "API token"': 1,
    'fieldsets = ((None, {}), ("Person", {}))': 1,
    'raise forms.ValidationError("Too long.")': 1,
    'self.add_error("field", "Say how.")': 1,
    'messages.success(request, _("Done."))': 0,
    'x = forms.CharField(label=_("Note"), help_text=gettext_lazy("Why."))': 0,
    "messages.error(request, domain_error_message(exc))": 0,
    'messages.error(request, f"{case.case_number}: {text}")': 0,
    'x = forms.CharField(label="Note" if a else "Notes")': 1,
    "x = format_html('<a href=\"{}\">{} rows</a>', url, n)": 1,
    "x = format_html('<a href=\"{}\">{}</a>', url, n)": 0,
    'context = {"title": f"Change the status of {case}", "opts": opts}': 1,
    "note = forms.CharField(required=False)": 0,  # not an admin module: see below
    'raise Conflict(f"This exchange is {status}.")': 1,
    'raise InvalidInput({"note": "Closing a case needs a reason.", "x": _("Fine.")})': 1,
    'raise InvalidInput({name: "Cannot be changed here." for name in unknown})': 1,
    'raise NotAllowed(_("Only a supervisor may do this."))': 0,
    'errors["text"] = ["A spelling cannot be empty."]': 1,
    'errors: dict = {name: "This date is in the future." for name in fields}': 1,
    'errors.setdefault(field, []).append(f"Cases {ids} are not on the list.")': 1,
    'problems.append("on must be a date.")': 0,
    "v = forms.IntegerField(widget=forms.HiddenInput)": 0,
    "ids = forms.Field(widget=forms.MultipleHiddenInput())": 0,
}


@pytest.mark.parametrize("source", SAMPLES, ids=range(len(SAMPLES)))
def test_the_check_catches_each_kind(source: str, tmp_path: Path) -> None:
    module = tmp_path / "sample.py"
    module.write_text(source)
    assert len(list(_hits(module, root=tmp_path))) == SAMPLES[source]


def test_an_admin_form_field_without_a_label_is_caught(tmp_path: Path) -> None:
    module = tmp_path / "admin.py"
    module.write_text("class F(forms.Form):\n    note = forms.CharField(required=False)\n")
    assert [h.split(": ", 1)[1] for h in _hits(module, root=tmp_path)] == ["(no label) note"]
