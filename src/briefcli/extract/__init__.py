"""Draft a dataset fragment from a news article: people, quotes, dates and next steps."""
