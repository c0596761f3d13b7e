"""The case page shows each relative's name as their messages will show it
(their language, their script), lists the name's known spellings, and lets
a caseworker correct it: the spelling they add then wins everywhere."""

from __future__ import annotations

import re

from django.contrib.auth.models import User

from cases.models import CaseSpelling, MissingPerson
from families.models import FamilyMember
from tests.workspace.conftest import client_for


def _page(client, case: MissingPerson) -> str:
    response = client.get(f"/workspace/cases/{case.pk}/")
    assert response.status_code == 200
    return response.content.decode()


def _reads_as(page: str) -> list[str]:
    return re.findall(r'<p class="reads-as">.*?</p>', page, flags=re.S)


def test_each_relative_s_line_shows_their_language_and_the_name_they_read(
    staffed_case: MissingPerson, make_relative, cw
) -> None:
    make_relative(staffed_case, language="ru")
    make_relative(staffed_case, language="hy")
    lines = _reads_as(_page(cw, staffed_case))
    assert len(lines) == 2
    assert any("Ованнисян Армен Каренович" in line and "(Русский)" in line for line in lines)
    # The native-script name stored on the case is what an Armenian reader reads.
    assert any("Արմեն Հովհաննիսյան" in line for line in lines)


def test_the_known_spellings_are_listed_with_part_script_and_source(
    staffed_case: MissingPerson, cw
) -> None:
    page = _page(cw, staffed_case)
    table = page[page.index('<table class="spellings">') :]
    table = table[: table.index("</table>")]
    assert "Հովհաննիսյան" in table
    assert "In the person&#x27;s own script" in table
    assert "Armenian" in table
    assert "Given name" in table


def test_a_caseworker_s_spelling_corrects_what_the_relative_reads(
    staffed_case: MissingPerson, make_relative, cw
) -> None:
    make_relative(staffed_case, language="ru")
    response = cw.post(
        f"/workspace/cases/{staffed_case.pk}/spelling/",
        {"part": "family", "text": "  Оганесян "},
    )
    assert response.status_code == 302
    assert response["Location"].endswith("#names")
    spelling = CaseSpelling.objects.get(case=staffed_case, text="Оганесян")
    assert (spelling.part, spelling.script, spelling.source) == ("family", "cyrillic", "manual")
    (line,) = _reads_as(_page(cw, staffed_case))
    assert "Оганесян Армен Каренович" in line


def test_an_empty_or_unknown_spelling_is_refused_naming_the_field(
    staffed_case: MissingPerson, cw
) -> None:
    url = f"/workspace/cases/{staffed_case.pk}/spelling/"
    empty = cw.post(url, {"part": "family", "text": "..."})
    assert empty.status_code == 400
    assert "A spelling needs letters." in empty.content.decode()
    assert cw.post(url, {"part": "nickname", "text": "Armo"}).status_code == 400
    assert not CaseSpelling.objects.filter(case=staffed_case, source="manual").exists()


def test_a_relative_cannot_add_a_spelling(staffed_case: MissingPerson, make_relative) -> None:
    relative = make_relative(staffed_case)
    user = User.objects.create_user(username="relative-spelling", password="x-long-password-1")
    FamilyMember.objects.filter(pk=relative.pk).update(user=user)
    response = client_for(user).post(
        f"/workspace/cases/{staffed_case.pk}/spelling/", {"part": "family", "text": "Оганесян"}
    )
    assert response.status_code in (302, 403)
    assert not CaseSpelling.objects.filter(case=staffed_case, source="manual").exists()
