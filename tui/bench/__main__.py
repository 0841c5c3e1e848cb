"""`python -m tui.bench` runs the benchmark."""

import sys

from .run import main

sys.exit(main())
