"""The command line: thin Typer commands over the query layer."""
