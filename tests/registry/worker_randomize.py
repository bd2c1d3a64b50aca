"""Subprocess worker for the registry's concurrency and crash tests (not a test module).

Usage: python worker_randomize.py URL TRIAL PREFIX N GO_FILE [STRATA_LEVELS]
Waits until GO_FILE exists, then randomizes PREFIX-0 … PREFIX-(N-1) and prints how many it did.
"""

import os
import sys
import time


def main() -> None:
    url, trial_name, prefix, n, go_file = sys.argv[1:6]
    levels = sys.argv[6].split(",") if len(sys.argv) > 6 and sys.argv[6] else []
    from workbench.registry.api import Registry

    reg = Registry(url)
    trial = reg.trial(trial_name)
    while not os.path.exists(go_file):
        time.sleep(0.01)
    done = 0
    for i in range(int(n)):
        strata = {"stadsdel": levels[i % len(levels)]} if levels else None
        trial.randomize(f"{prefix}-{i}", strata=strata, by=prefix)
        done += 1
    reg.close()
    print(done)


if __name__ == "__main__":
    main()
