from mpchub.cli import main

raise SystemExit(main())
