"""`python -m cleantext` is the `cleantext` command."""

from .cli import main

if __name__ == "__main__":
    raise SystemExit(main())
