"""``inspector hub ...``: many sites and one HR view through the company's PostgreSQL hub.

IT: ``hub init URL`` (once, idempotent), ``hub add-site NAME``, ``hub add-hr LOGIN``.
Each copy: ``hub connect URL``, ``hub push``, ``hub pull``, ``hub status [--json]``.
Offline: ``hub export FILE`` at the site, ``hub import FILE`` on a connected copy.
HR: ``hub publish-roster``.

A hub that is down or refuses the login gets one line and exit status 2; the local database is
left as it was. Passwords come from libpq (~/.pgpass, PGPASSFILE, PGPASSWORD, a service file)
and are never stored.
"""

from __future__ import annotations

import argparse
import functools
import json
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from inspector.cli import CommandError
from inspector.cli.arguments import DATABASE, JSON, command, flag, group, option
from inspector.cli.common import counted, open_store
from inspector.domain.errors import UserError

IT_URL = option("--url", metavar="URL", help="IT's login on the hub (default: this copy's)")
FILE = option("file", type=Path, metavar="FILE")
T = TypeVar("T")


@group("hub")
def register(actions: argparse._SubParsersAction) -> None:
    """share sealed records through the company hub (PostgreSQL)

    Sites push their sealed line-ups to the company's PostgreSQL hub; HR pulls every site's records
    and prints the company's reports. See docs/hub.md.
    """
    command(
        actions,
        "init",
        run_init,
        option("url", metavar="URL", help="e.g. postgresql://it@hub.example.com/inspector"),
    )
    command(
        actions,
        "add-site",
        run_add_site,
        option("name", metavar="NAME", help="the site's name, e.g. 翠湖花园"),
        IT_URL,
        option("--role", metavar="LOGIN", help="the site's login name (default: derived)"),
        DATABASE,
    )
    command(
        actions,
        "add-hr",
        run_add_hr,
        option("role", metavar="LOGIN", help="the login name, e.g. hr_wang"),
        IT_URL,
        DATABASE,
    )
    command(actions, "connect", run_connect, option("url", metavar="URL"), DATABASE)
    command(actions, "push", run_push, DATABASE)
    command(
        actions,
        "pull",
        run_pull,
        flag(
            "--take-master-roster",
            "where the roster was edited here and HR's master differs, take the master",
        ),
        DATABASE,
    )
    command(actions, "status", run_status, JSON, DATABASE)
    command(
        actions,
        "export",
        run_export,
        FILE,
        option("--site", metavar="NAME", help="the site's name (when not connected)"),
        DATABASE,
    )
    command(actions, "import", run_import, FILE, DATABASE)
    command(actions, "publish-roster", run_publish_roster, DATABASE)


def _user_errors(fn):
    """A UserError (hub down, login refused, document refused) is one line and status 2."""

    @functools.wraps(fn)
    def wrapped(args: argparse.Namespace) -> int:
        try:
            return fn(args)
        except UserError as exc:
            raise CommandError(str(exc)) from None

    return wrapped


def _on_this_copy(args: argparse.Namespace, use_case: Callable[..., T], *arguments, **options) -> T:
    """``use_case(store, *arguments, **options)`` on this copy's database, closed again before
    the command prints."""
    with open_store(args) as store:
        return use_case(store, *arguments, **options)


@_user_errors
def run_init(args: argparse.Namespace) -> int:
    """IT: create or update the hub schema (safe to run again)

    Create the hub schema and its roles in the PostgreSQL database of URL, or bring it up to date.
    Needs a login that may create roles.
    """
    from inspector.services.hub_sync import init_hub

    result = init_hub(args.url)
    if result.applied:
        print(f"Hub {result.where}: schema version {result.version} set up.")
    else:
        print(f"Hub {result.where}: already up to date (schema version {result.version}).")
    return 0


def _print_credentials(creds, what: str) -> None:
    print(f"{what} added with the login {creds.role}.")
    print("On that computer:")
    print("  1. Add this line to the password file of the user who runs Inspector")
    print("     (~/.pgpass, mode 600; on Windows %APPDATA%\\postgresql\\pgpass.conf):")
    print(f"       {creds.pgpass}")
    print("  2. Run:")
    print(f'       inspector hub connect "{creds.connect_url}"')
    print("The password is shown only this once; Inspector does not keep it.")


def _it_url(args: argparse.Namespace) -> str:
    """--url, else the hub this copy is connected to (IT's own copy)."""
    if args.url:
        return args.url
    from inspector.services.hub_sync import status

    url = _on_this_copy(args, status).url
    if not url:
        raise CommandError("give --url URL: IT's login on the hub (this copy is not connected)")
    return url


@_user_errors
def run_add_site(args: argparse.Namespace) -> int:
    """IT: add a site and its login; prints what the site enters"""
    from inspector.services.hub_sync import add_site

    creds = add_site(_it_url(args), args.name, args.role)
    _print_credentials(creds, f"Site {args.name.strip()}")
    return 0


@_user_errors
def run_add_hr(args: argparse.Namespace) -> int:
    """IT: add a login for HR (reads every site)"""
    from inspector.services.hub_sync import add_hr

    _print_credentials(add_hr(_it_url(args), args.role), "HR")
    return 0


@_user_errors
def run_connect(args: argparse.Namespace) -> int:
    """connect this copy to the hub (the URL is stored without a password)"""
    from inspector.services.hub_sync import connect

    result = _on_this_copy(args, connect, args.url)
    if result.kind == "site":
        print(f"Connected to the hub {result.where} as site {result.site_name}.")
    else:
        print(f"Connected to the hub {result.where} as {result.kind.upper()} (reads every site).")
    if result.password_dropped:
        print(
            "The password in the URL was not stored: put it in ~/.pgpass (or PGPASSFILE) for "
            "the next push and pull."
        )
    return 0


@_user_errors
def run_push(args: argparse.Namespace) -> int:
    """send this site's sealed records the hub lacks"""
    from inspector.services.hub_sync import push

    result = _on_this_copy(args, push)
    if result.skipped_reason:
        print(f"Nothing to push: {result.skipped_reason}.")
    elif result.sent:
        print(f"Pushed {counted(result.sent, 'document')} to the hub.")
    else:
        print("The hub already has every sealed record of this site.")
    return 0


@_user_errors
def run_pull(args: argparse.Namespace) -> int:
    """bring in the master roster and (for HR) every site's records"""
    from inspector.services.hub_sync import pull

    result = _on_this_copy(args, pull, take_master_roster=args.take_master_roster)
    if result.documents:
        print(
            f"Pulled {counted(result.documents, 'document')} "
            f"({result.lineups} line-ups) from {', '.join(result.sites)}."
        )
    else:
        print("No new records on the hub.")
    if result.roster_added or result.roster_updated:
        print(
            f"Roster: {result.roster_added} added, {result.roster_updated} updated from the "
            "master roster."
        )
    if result.conflicts:
        print(
            f"{counted(len(result.conflicts), 'employee')} "
            "edited here differ from HR's master roster and were kept as they are here:"
        )
        for conflict in result.conflicts:
            changes = "; ".join(
                f"{name} here {getattr(conflict.local, name)!r}, master "
                f"{getattr(conflict.master, name)!r}"
                for name in conflict.fields
            )
            print(f"  {conflict.employee_no}: {changes}")
        print("Correct them here, or run 'inspector hub pull --take-master-roster'.")
    return 0


@_user_errors
def run_status(args: argparse.Namespace) -> int:
    """site id, last push and pull, records waiting"""
    from inspector.services.hub_sync import status

    result = _on_this_copy(args, status)
    if args.json:
        print(json.dumps(result.as_dict(), ensure_ascii=False, indent=2))
        return 0
    print(f"Site id:      {result.site_id or '(made at the first connect or export)'}")
    if result.connected:
        who = f"site {result.site_name}" if result.role == "site" else result.role.upper()
        print(f"Hub:          {result.url} (as {who})")
    else:
        print("Hub:          not connected (inspector hub connect URL)")
    print(f"Last push:    {result.last_push or 'never'}")
    print(f"Last pull:    {result.last_pull or 'never'}")
    print(f"Waiting:      {counted(result.waiting, 'sealed document')}")
    if result.pulled_documents:
        print(
            f"Pulled:       {result.pulled_documents} documents of "
            f"{counted(result.pulled_sites, 'site')}"
        )
    return 0


@_user_errors
def run_export(args: argparse.Namespace) -> int:
    """offline: write this site's records to a file"""
    from inspector.services.hub_sync import export_file

    result = _on_this_copy(args, export_file, args.file, args.site)
    print(
        f"Wrote {counted(result.documents, 'document')} of site "
        f"{result.site_name} to {result.path}. Import it with 'inspector hub import' on a "
        "connected copy."
    )
    return 0


@_user_errors
def run_import(args: argparse.Namespace) -> int:
    """add a site's exported file to the hub"""
    from inspector.services.hub_sync import import_file

    result = _on_this_copy(args, import_file, args.file)
    print(
        f"Site {result.site_name}: {counted(result.added, 'document')} "
        f"added to the hub, {result.already} already there."
    )
    return 0


@_user_errors
def run_publish_roster(args: argparse.Namespace) -> int:
    """HR: this copy's roster becomes the company's master roster"""
    from inspector.services.hub_sync import publish_roster

    changed = _on_this_copy(args, publish_roster)
    print(f"Master roster published: {counted(changed, 'employee')} changed.")
    return 0
