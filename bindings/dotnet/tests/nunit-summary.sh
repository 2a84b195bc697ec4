#!/bin/sh
# Prints "N passed, N failed" from an NUnit 2.x result file (nunit-console -xml=...).
# Exit status 0 only if nothing failed and something passed.
#   passed = total - errors - failures - inconclusive   (total counts the tests that ran)
#   failed = errors + failures + invalid                (invalid: a [Test] NUnit could not run)
set -u
file=$1
root=$(grep -o '<test-results [^>]*>' "$file" 2>/dev/null | head -n 1)
if [ -z "$root" ]; then
    echo "no NUnit result in $file: the test run did not complete" >&2
    echo "0 passed, 1 failed"
    exit 1
fi
attr() { printf '%s\n' "$root" | sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p"; }
total=$(attr total); errors=$(attr errors); failures=$(attr failures)
inconclusive=$(attr inconclusive); invalid=$(attr invalid)
failed=$((errors + failures + ${invalid:-0}))
passed=$((total - errors - failures - ${inconclusive:-0}))
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
