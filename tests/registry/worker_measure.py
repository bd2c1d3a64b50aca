"""Subprocess worker for the measurement concurrency test (not a test module).

Usage: python worker_measure.py URL PREFIX N N_SHARED GO_FILE
Waits until GO_FILE exists, then records N measurements: N − N_SHARED values for its own
participants (PREFIX-0 …) and N_SHARED attempts at the shared participants S-0 … (which every
worker tries; only the first wins, the others are refused as "already recorded"). Prints
"<stored> <refused>".
"""

import os
import sys
import time


def main() -> None:
    url, prefix, n, n_shared, go_file = sys.argv[1:6]
    n, n_shared = int(n), int(n_shared)
    from workbench.core.errors import RegistryError
    from workbench.registry.api import Registry

    reg = Registry(url)
    while not os.path.exists(go_file):
        time.sleep(0.01)
    stored = refused = 0
    occasions = ("baslinje", "efter")
    for i in range(n - n_shared):
        pid = f"{prefix}-{i // 2}"
        reg.record_measurement(pid, "stress", (i * 7) % 101, occasion=occasions[i % 2], by=prefix)
        stored += 1
    for i in range(n_shared):
        try:
            reg.record_measurement(f"S-{i}", "stress", 50, occasion="baslinje", by=prefix)
            stored += 1
        except RegistryError:
            refused += 1
    reg.close()
    print(stored, refused)


if __name__ == "__main__":
    main()
