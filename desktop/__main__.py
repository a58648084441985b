"""`python -m desktop` does the same as the `jiwon` command."""

from desktop.cli.main import main

raise SystemExit(main())
