"""Controllers: the behaviour behind a screen (views only lay out and forward)."""
