"""``planner serve``: a local web page for the office, on the same library calls as the CLI.

- ``server``: the bind check and uvicorn; ``app``: routes, sessions and guards;
- ``security``: loopback or password, login, CSRF tokens, the upload size cap;
- ``files``: tables, validation and uploads checked in a staging copy of the folder;
- ``jobs``: searches in a background thread with their progress, one per district;
- ``district``, ``plan``, ``record``, ``replan``: the pages; ``pages``: what they share.

Only this package imports starlette, uvicorn and jinja2 (``lint-imports``).
"""
