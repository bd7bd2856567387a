"""How a briefcli command is declared: ``@command(name, example)``.

Every command gets the same things: domain errors become their message and exit code, and its
help ends with an example and the global options (which completion offers too).
"""

from __future__ import annotations

import click

GLOBAL_NAMES = ("data", "no_cache", "debug", "no_pager")
GLOBAL_OPTIONS = (
    "--data PATH, --no-cache, --debug and --no-pager may be given before or after the "
    "command; see briefcli --help."
)


class Command(click.Command):
    def __init__(self, *args, example: str | None = None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.example = example

    def invoke(self, ctx: click.Context):
        from ..stages import checkpoint
        from ..console import terminal
        from ..errors import BriefError

        checkpoint("command")
        try:
            return super().invoke(ctx)
        except BriefError as exc:
            for line in exc.lines():
                terminal.message(line)
            ctx.exit(exc.exit_code)

    def format_epilog(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        super().format_epilog(ctx, formatter)
        with formatter.indentation():
            if self.example:
                formatter.write_paragraph()
                formatter.write_text(f"Example: {self.example}")
            formatter.write_paragraph()
            formatter.write_text(GLOBAL_OPTIONS)

    def shell_complete(self, ctx: click.Context, incomplete: str):
        """Options of the command, and the global options, which may follow it too."""
        from click.shell_completion import CompletionItem

        items = super().shell_complete(ctx, incomplete)
        if incomplete.startswith("-") and ctx.parent is not None:
            given = {item.value for item in items}
            for param in ctx.parent.command.get_params(ctx.parent):
                if isinstance(param, click.Option) and param.name in GLOBAL_NAMES:
                    items += [CompletionItem(name, help=param.help) for name in param.opts
                              if name.startswith(incomplete) and name not in given]
        return items


def command(name: str, example: str):
    """Declare a briefcli command: ``@command("people", "briefcli people --format csv")``."""
    return click.command(name, cls=Command, example=example)

