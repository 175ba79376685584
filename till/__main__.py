from till.cli import main

raise SystemExit(main())
