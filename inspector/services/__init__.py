"""Qt-free use cases that the GUI and the CLI both call."""
