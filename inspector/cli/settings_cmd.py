"""``inspector settings``: the company settings the reports use (``services.settings``).

- ``settings list [--json]``: every setting with its value, default and allowed values;
- ``settings get KEY``: one value, as stored;
- ``settings set KEY VALUE``: checks the value and stores it; a bad key or value names the
  allowed values and changes nothing (exit status 2).
"""

from __future__ import annotations

import argparse
import json

from inspector.cli import CommandError
from inspector.cli.arguments import DATABASE, JSON, command, group, option
from inspector.cli.common import format_table, open_store
from inspector.services import settings

KEY = option("key", metavar="KEY", help="the setting, e.g. scoring_profile")


@group("settings")
def register(actions: argparse._SubParsersAction) -> None:
    """show or change the company settings (name, scoring, ladder, retention, backups)

    The company settings the reports use: company_name, company_name_en, scoring_profile (pass-rate
    or deduction), the deductions by severity, critical_zeroes, the repeat-offences ladder,
    repeat_threshold, photo_retention_days and backup_keep.
    """
    command(actions, "list", run_list, JSON, DATABASE)
    command(actions, "get", run_get, KEY, DATABASE)
    command(
        actions,
        "set",
        run_set,
        KEY,
        option("value", metavar="VALUE", help="the new value, e.g. deduction"),
        DATABASE,
    )


def run_list(args: argparse.Namespace) -> int:
    """every setting with its value and what it takes"""
    with open_store(args, read_only=True) as store:
        rows = settings.listing(store)
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    print(
        format_table(
            ("key", "value", "default", "allowed"),
            [(r["key"], r["value"] or "–", r["default"] or "–", r["allowed"]) for r in rows],
        )
    )
    return 0


def run_get(args: argparse.Namespace) -> int:
    """print one setting's value"""
    with open_store(args, read_only=True) as store:
        try:
            value = settings.get(store, args.key)
        except settings.SettingError as exc:
            raise CommandError(str(exc)) from None
    print(settings.shown(args.key, value))
    return 0


def run_set(args: argparse.Namespace) -> int:
    """change one setting

    Change one setting. The value is checked first: a bad one changes nothing.
    """
    with open_store(args) as store:
        try:
            value = settings.set_value(store, args.key, args.value)
        except settings.SettingError as exc:
            raise CommandError(str(exc)) from None
    print(f"{args.key} = {settings.shown(args.key, value)}")
    return 0
