"""``till-cardtest``: technician tools. Each subcommand is a module with ``add_arguments`` and ``run``."""
