"""``python -m summarizer.cli``: the ``summarizer`` console script."""

from . import main

raise SystemExit(main())
