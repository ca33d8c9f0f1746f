import sys

from termlit.cli import main

sys.exit(main())
