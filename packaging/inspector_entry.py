"""The program the self-contained app runs: the same entry point as the ``inspector`` command."""

from inspector.cli import main

raise SystemExit(main())
