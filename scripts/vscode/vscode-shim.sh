#!/usr/bin/env bash
# Stands in for the VS Code executable in @vscode/test-electron's runTests({ vscodeExecutablePath }):
# takes the --extensionDevelopmentPath/--extensionTestsPath flags and the workspace it is given and runs
# that suite in code-server (run-tests.mjs). Other Electron/VS Code flags are not needed there.
EXT=; TESTS=; WS=
for a in "$@"; do
  case "$a" in
    --extensionDevelopmentPath=*) [ -z "$EXT" ] && EXT="${a#*=}" ;;
    --extensionTestsPath=*) TESTS="${a#*=}" ;;
    --*) ;;
    *) WS="$a" ;;
  esac
done
[ -n "$EXT" ] && [ -n "$TESTS" ] || { echo "vscode-shim: need --extensionDevelopmentPath= and --extensionTestsPath=" >&2; exit 2; }
exec node "$(dirname "$0")/run-tests.mjs" --ext "$EXT" --tests "${TESTS%.js}.js" ${WS:+--workspace "$WS"}
