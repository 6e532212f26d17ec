"""Two versions compared: sections aligned, words and facts diffed, the change report."""
