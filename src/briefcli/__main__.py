from briefcli.cli import main

raise SystemExit(main())
