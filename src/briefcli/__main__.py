from briefcli.cli.app import main

raise SystemExit(main())
