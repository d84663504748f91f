"""`python -m mailroom`; guarded, as PDF worker processes import the main module."""

from mailroom.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
