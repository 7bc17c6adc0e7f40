"""What the packaged till runs (PyInstaller's entry script): the same `main` as `pos-app`."""

import sys

from pos_app.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
