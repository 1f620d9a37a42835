"""planner: weekly route and schedule optimiser for Dukcapil mobile recording teams."""

__version__ = "0.1.0"
