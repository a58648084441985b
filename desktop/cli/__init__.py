"""The `jiwon` command line: the same engine as the app, for terminals, scripts and checks."""
