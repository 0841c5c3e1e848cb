"""`python -m tui` runs the `briefing` command."""

import sys

from .cli import main

sys.exit(main())
