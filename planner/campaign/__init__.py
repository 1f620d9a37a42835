"""The campaign beyond one week: fair reach, simulated weeks, the forecast and what-if.

- ``fair``: the value boosts of the weekly objective (fair reach, the backlog cap);
- ``simulate``: one simulated week (plan with the real planner, record it as planned);
- ``forecast``: week by week to a coverage target, with variants tried for a deadline;
- ``forecast_output``: the forecast's table, CSV and HTML page with its SVG chart;
- ``whatif``: one week planned under variants, side by side.
"""
