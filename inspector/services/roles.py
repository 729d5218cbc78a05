"""The company's own job roles: create a role with its uniform, remember a roster's job titles.

A roster names each person's job title (岗位) in the company's own words. A title the
checklists do not know is mapped by the user to an existing role, or becomes a new role with a
uniform profile; either way it is remembered in the user's ``roles.toml`` (see
``inspector.files.checklists.update_company_roles``), so the next import needs no question.
The GUI's import preview, its role dialog and ``inspector roster import --map-role`` all come
here.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from inspector.domain.checklist import Catalogue
from inspector.domain.errors import UserError
from inspector.domain.people import Role, Uniform
from inspector.domain.text import Text
from inspector.files.checklists import company_roles_path, update_company_roles
from inspector.files.roster import title_key

# What a title is mapped to: the id of a role that exists, or a Role to create.
RoleChoice = str | Role

__all__ = [
    "RoleChoice",
    "RoleError",
    "company_roles_path",
    "create_role",
    "new_role",
    "remember_titles",
]

_ID_RE = re.compile(r"^[a-z0-9][a-z0-9_-]*$")  # as in the checklist files

ROLE_WORDS: dict[str, dict[str, str]] = {
    "missing_id": {"en": "enter an id for the role", "zh": "请填写岗位编号"},
    "bad_id": {
        "en": "the id “{value}” may use only lower-case letters, digits, - and _",
        "zh": "岗位编号“{value}”只能包含小写字母、数字、- 和 _",
    },
    "id_taken": {
        "en": "there is already a role with the id “{value}”",
        "zh": "已有编号为“{value}”的岗位",
    },
    "missing_zh": {"en": "enter the Chinese name", "zh": "请填写中文名称"},
    "missing_en": {"en": "enter the English name", "zh": "请填写英文名称"},
    "name_taken": {
        "en": "“{value}” is already a name of the role {role_en} ({role_id})",
        "zh": "“{value}”已是岗位“{role_zh}”的名称",
    },
    "unknown_part": {
        "en": "unknown uniform part “{value}” (known: {known})",
        "zh": "没有制服部件“{value}”（已有：{known}）",
    },
    "unknown_role": {
        "en": "there is no role “{value}” (roles: {known})",
        "zh": "没有岗位“{value}”（已有岗位：{known}）",
    },
}


def _lang(lang: str) -> str:
    return "zh" if str(lang).lower().startswith("zh") else "en"


@dataclass(frozen=True, slots=True)
class RoleProblem:
    code: str
    params: tuple[tuple[str, str], ...] = ()

    def text(self, lang: str = "en") -> str:
        return ROLE_WORDS[self.code][_lang(lang)].format(**dict(self.params))


def _problem(code: str, **params: str) -> RoleProblem:
    return RoleProblem(code, tuple(params.items()))


class RoleError(UserError):
    """A role that cannot be created, or a title mapped to a role that does not exist."""

    def __init__(self, problems: Sequence[RoleProblem], subject: str = "") -> None:
        self.problems = list(problems)
        self.subject = subject  # e.g. the job title the role was meant for
        super().__init__(self.text("en"))

    def text(self, lang: str = "en") -> str:
        lang = _lang(lang)
        joined = ("；" if lang == "zh" else "; ").join(p.text(lang) for p in self.problems)
        if not self.subject:
            return joined
        return f"“{self.subject}”：{joined}" if lang == "zh" else f"“{self.subject}”: {joined}"


def suggest_role_id(en: str, zh: str, catalogue: Catalogue, taken: Iterable[str] = ()) -> str:
    """An id for a new role from its English name ("Shift electrician" -> "shift-electrician"),
    not used by any role; "role-N" when the English name has no letters to use."""
    base = re.sub(r"[^a-z0-9]+", "-", en.strip().casefold()).strip("-")[:40].strip("-")
    used = {role.id for role in catalogue.roles} | set(taken)
    if not base or not _ID_RE.match(base):
        base = "role"
    candidate, n = base, 2
    while candidate in used or (candidate == "role"):
        candidate = f"{base}-{n}"
        n += 1
    return candidate


def role_problems(role: Role, catalogue: Catalogue, taken: Iterable[str] = ()) -> list[RoleProblem]:
    """What stops ``role`` from being added to ``catalogue`` (empty when it can be)."""
    found: list[RoleProblem] = []
    if not role.id:
        found.append(_problem("missing_id"))
    elif not _ID_RE.match(role.id):
        found.append(_problem("bad_id", value=role.id))
    elif catalogue.role(role.id) is not None or role.id in set(taken):
        found.append(_problem("id_taken", value=role.id))
    if not role.name.zh.strip():
        found.append(_problem("missing_zh"))
    if not role.name.en.strip():
        found.append(_problem("missing_en"))
    for name in dict.fromkeys(n for n in (role.name.zh, role.name.en, *role.aliases) if n.strip()):
        other = catalogue.find_role(name)
        if other is not None:
            found.append(
                _problem(
                    "name_taken",
                    value=name,
                    role_id=other.id,
                    role_zh=other.name.zh,
                    role_en=other.name.en,
                )
            )
    known_parts = {part.id for part in catalogue.parts}
    for part in sorted(role.uniform.all_parts - known_parts):
        found.append(_problem("unknown_part", value=part, known=", ".join(sorted(known_parts))))
    return found


def new_role(
    role_id: str,
    zh: str,
    en: str,
    *,
    common: Iterable[str] = (),
    female: Iterable[str] = (),
    male: Iterable[str] = (),
    aliases: Iterable[str] = (),
) -> Role:
    """A Role as a user describes it (names trimmed; a part worn by both sexes is common)."""
    common_set, female_set, male_set = set(common), set(female), set(male)
    both = female_set & male_set
    common_set |= both
    uniform = Uniform(
        common=frozenset(common_set),
        female=frozenset(female_set - common_set),
        male=frozenset(male_set - common_set),
    )
    names = {title_key(n) for n in (role_id, zh, en)}
    kept = tuple(dict.fromkeys(a.strip() for a in aliases if title_key(a) not in names))
    return Role(
        id=role_id.strip(), name=Text(zh.strip(), en.strip()), uniform=uniform, aliases=kept
    )


def create_role(role: Role, catalogue: Catalogue, extra_dirs: Sequence[Path] = ()) -> Catalogue:
    """Add ``role`` to the company's roles; the catalogue as it loads afterwards."""
    problems = role_problems(role, catalogue)
    if problems:
        raise RoleError(problems)
    return update_company_roles(new_roles=[role], extra_dirs=extra_dirs)


def role_id_of(choice: RoleChoice) -> str:
    return choice.id if isinstance(choice, Role) else choice


def check_choices(choices: Mapping[str, RoleChoice], catalogue: Catalogue) -> None:
    """Raise RoleError for the first title mapped to a role that does not exist, or to a new
    role that cannot be created."""
    new_ids = {c.id for c in choices.values() if isinstance(c, Role)}
    for title, choice in choices.items():
        if isinstance(choice, Role):
            others = [c for c in choices.values() if isinstance(c, Role) and c.id == choice.id]
            if any(
                other.name != choice.name or other.uniform != choice.uniform for other in others
            ):
                raise RoleError([_problem("id_taken", value=choice.id)], title)
            problems = role_problems(choice, catalogue)
            if problems:
                raise RoleError(problems, title)
        elif catalogue.role(choice) is None and choice not in new_ids:
            known = ", ".join(role.id for role in catalogue.roles)
            raise RoleError([_problem("unknown_role", value=choice, known=known)], title)


def remember_titles(
    choices: Mapping[str, RoleChoice],
    catalogue: Catalogue,
    extra_dirs: Sequence[Path] = (),
) -> Catalogue:
    """Write the user's choices to the company's roles: each title becomes another name of the
    role chosen for it, new roles are created. Returns the reloaded catalogue (the same one
    when there is nothing to remember)."""
    check_choices(choices, catalogue)
    new_roles: dict[str, Role] = {}
    aliases: dict[str, list[str]] = {}
    for title, choice in choices.items():
        if isinstance(choice, Role):
            role = new_roles.get(choice.id, choice)
            new_roles[choice.id] = replace(role, aliases=(*role.aliases, title))
    for title, choice in choices.items():
        if isinstance(choice, Role):
            continue
        if choice in new_roles:
            role = new_roles[choice]
            new_roles[choice] = replace(role, aliases=(*role.aliases, title))
            continue
        known = catalogue.find_role(title)
        if known is not None and known.id == choice:
            continue  # already one of its names
        aliases.setdefault(choice, []).append(title.strip())
    cleaned = [
        new_role(
            r.id,
            r.name.zh,
            r.name.en,
            common=r.uniform.common,
            female=r.uniform.female,
            male=r.uniform.male,
            aliases=r.aliases,
        )
        for r in new_roles.values()
    ]
    if not cleaned and not aliases:
        return catalogue
    return update_company_roles(new_roles=cleaned, aliases=aliases, extra_dirs=extra_dirs)
