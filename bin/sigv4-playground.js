#!/usr/bin/env node
// The package's command (package.json "bin"): the bundled server (scripts/buildServer.ts).
import '../dist-server/cli.js';
