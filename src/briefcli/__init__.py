"""briefcli: who is involved, what exactly they said, and what comes next."""

__version__ = "0.1.0"
