"""The site's pages: which pages exist, the typed view each template renders, feeds, open data."""
