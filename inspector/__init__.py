"""Inspector: uniform and grooming inspections for service companies."""

__version__ = "0.1.0"
