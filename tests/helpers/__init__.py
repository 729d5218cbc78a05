"""Shared test helpers: factories and page drivers."""
