"""The site's own search index: word forms and stems keyed per language, written in shards."""
