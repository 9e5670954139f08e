"""Run inside Pyodide by ``run.mjs``: every flow case, then Python's answers compared with the
answers the build precomputed in CPython, guide by guide and state by state."""

import json
import os
import sys


def main(expected_path: str = "/work/expected.json") -> str:
    sys.path.insert(0, "/work")
    from tests.flowcases import run_all

    passed, failures = run_all()
    if os.path.exists(expected_path):
        from guides.api import all_states

        with open(expected_path, encoding="utf-8") as f:
            expected = json.load(f)
        for guide_id, states in expected.items():
            if all_states(guide_id) == states:
                passed += 1
            else:
                failures.append((f"same-as-build:{guide_id}", "Pyodide's answers differ from the precomputed ones"))
    import jinja2
    import markupsafe

    # Where the vendored packages came from: the pre-compiled library zip, not sources.
    vendored = {"jinja2": {"file": jinja2.__file__, "version": jinja2.__version__},
                "markupsafe": {"file": markupsafe.__file__, "version": "-"}}  # its __version__ is deprecated
    return json.dumps({"passed": passed, "failures": failures, "python": sys.version.split()[0], "platform": sys.platform,
                       "vendored": vendored})
