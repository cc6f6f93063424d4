"""`python -m mi_widgets` runs the `mi-workbook` command."""

import sys

from .cli import main

sys.exit(main())
