"""Text and its markup: Markdown rendered and sanitised, text as a reader sees it, blocks of a rendered text."""
