"""Words and patterns the dataset format fixes, defined once for the models, the queries, the
command line and the draft writer (and cheap to import: no pydantic here)."""

# An id: lower-case letters, digits, '.', '_' and '-', starting with a letter or digit.
ID_PATTERN = r"^[a-z0-9][a-z0-9._-]*$"
ID_MAX_LENGTH = 100

# What a quote is, in the order they are listed: the speaker's full words, words quoted within
# the reporter's sentence, or the reporter's account of what was said.
QUOTE_KINDS = ("direct", "partial", "paraphrase")
