"""Run a command in one of distil.py's two machine-wide slots (waits for a free one).

    python training/in_slot.py python benchmarks/pipeline_speed.py --articles 200
"""

import os
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from distil import Slot  # noqa: E402

slot = Slot()
while not slot.acquire():
    time.sleep(10)
try:
    sys.exit(subprocess.call(sys.argv[1:], env={**os.environ, "OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1"}))
finally:
    slot.release()
