"""``python -m analysis`` does what the ``alignment`` console script does."""

import sys

from analysis.cli import main

sys.exit(main())
