"""`python -m certmerge`: the same as the `certmerge` command."""

from certmerge.cli import main

main()
