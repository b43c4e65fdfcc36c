#!/bin/sh
# One member of a fleet run, as a Kubernetes Indexed Job's pod or an Argo Workflows step runs it:
# picks a kubeconfig context, runs one ktriage playbook against it, writes OUT/CONTEXT.jsonl.
#
#   KTRIAGE_CONTEXT     the context to check (Argo: {{item}}); else line JOB_COMPLETION_INDEX+1 of
#   CONTEXTS_FILE       a file with one member per line: CONTEXT [KEY=VALUE ...] (the pairs become --set;
#                       default /etc/ktriage/contexts; blank lines and # comments are not members)
#   JOB_COMPLETION_INDEX  set by Kubernetes for completionMode: Indexed (0, 1, 2, ...)
#   PLAYBOOK            the playbook to run (default failing-probes)
#   OUT                 where the transcript goes (default /out, a volume the aggregate step reads)
#   KTRIAGE             the ktriage command (default ktriage)
# Any arguments are passed on to `ktriage run` (e.g. --set key=value --ssh-config FILE).
#
# Exit: 0 when the session concluded (diagnosed, healthy or could-not-tell: the transcript holds the
# answer, `ktriage aggregate` reads it), 1 when ktriage could not run it (no such context, a bad
# kubeconfig): the index fails and the Job retries it (backoffLimitPerIndex).
set -eu

contexts_file="${CONTEXTS_FILE:-/etc/ktriage/contexts}"
if [ -n "${KTRIAGE_CONTEXT:-}" ]; then
  line="$KTRIAGE_CONTEXT"
else
  index="${JOB_COMPLETION_INDEX:?set JOB_COMPLETION_INDEX or KTRIAGE_CONTEXT}"
  line=$(grep -v -e '^[[:space:]]*#' -e '^[[:space:]]*$' "$contexts_file" | sed -n "$((index + 1))p")
  if [ -z "$line" ]; then
    echo "run-index: no member at index $index in $contexts_file" >&2
    exit 1
  fi
fi

# the context, then its own KEY=VALUE pairs as --set
set -f
# shellcheck disable=SC2086
set -- $line -- "$@"
set +f
context="$1"
shift
while [ "$1" != "--" ]; do
  set -- "$@" --set "$1"
  shift
done
shift
# "$@" is now: the caller's arguments, then --set KEY=VALUE for each pair of the line

out="${OUT:-/out}"
name=$(printf '%s' "$context" | tr -c 'A-Za-z0-9._-' '_')
case "$name" in .*) name="_${name#?}" ;; esac
mkdir -p "$out"

rc=0
"${KTRIAGE:-ktriage}" run "${PLAYBOOK:-failing-probes}" --context "$context" \
  --transcript "$out/$name.jsonl" --output json "$@" > "$out/$name.json" || rc=$?
echo "run-index: $context: exit $rc ($out/$name.jsonl)" >&2
case "$rc" in
  0|2|3) exit 0 ;;
  *) exit 1 ;;
esac
