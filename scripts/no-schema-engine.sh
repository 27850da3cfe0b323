#!/bin/sh
echo "native schema engine not available: use npm run db:diff -- <name> to create a migration" >&2
exit 1
