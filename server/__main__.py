"""``python -m server``: same as ``till-server``."""

from server.cli import main

raise SystemExit(main())
