"""`python -m engagement_playbooks` is `playbooks`."""

import sys

from engagement_playbooks.cli.main import main

sys.exit(main())
