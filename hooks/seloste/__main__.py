import sys

from .contribute.cli import main

sys.exit(main())
