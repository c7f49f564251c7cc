"""cleantext: clean scraped article text for corpora."""
