#!/usr/bin/env bash
# The full cycle against the local run, as a CRM would drive it: go live, a customer, a project, an invoice with a
# line on the project, a payment registered in the sandbox, a supplier's invoice on the project's cost center; then
# it prints every callback the connector sent back and the customer's open receivables.
#
# First, in another terminal:   CRM_CALLBACK_URL=http://127.0.0.1:8095/ ./run-local
# Then:                         infra/sample/run-cycle.sh
set -euo pipefail
cd "$(dirname "$0")"
GATEWAY=${GATEWAY:-http://127.0.0.1:8090}
SECRET=${CRM_INBOUND_SECRET:-local-inbound-secret}
ADMIN_SECRET=${CRM_ADMIN_SECRET:-local-admin-secret}
DIVISION=${DIVISION:-100001}
RUN=$(date +%s)

if ! curl -s -o /dev/null "$GATEWAY/crm/relations"; then
  echo "The local run is not up on $GATEWAY. Start it first: CRM_CALLBACK_URL=http://127.0.0.1:8095/ ./run-local" >&2
  exit 1
fi
CALLBACKS=$(mktemp)
python3 crm-receiver.py 8095 > "$CALLBACKS" 2>&1 &
RECEIVER=$!
trap 'kill $RECEIVER 2>/dev/null; rm -f "$CALLBACKS"' EXIT
sleep 1

sign() { # signature header for body $1 (the contract's Crm-Signature)
  local t; t=$(date +%s)
  printf 't=%s,v1=%s' "$t" "$(printf '%s.%s' "$t" "$1" | openssl dgst -sha256 -hmac "$SECRET" -hex | sed 's/.* //')"
}
route_sign() { # secret method path query body: route-bound signature "<t>.<METHOD>.<PATH>?<QUERY>.<body>"
  local t; t=$(date +%s)             # QUERY: parameters sorted by name, percent-encoded (docs/operations.md)
  printf 't=%s,v1=%s' "$t" "$(printf '%s.%s.%s?%s.%s' "$t" "$2" "$3" "$4" "$5" | openssl dgst -sha256 -hmac "$1" -hex \
    | sed 's/.* //')"
}
send() { # method path body (an event route: signed over the body with the inbound secret)
  curl -s -X "$1" "$GATEWAY$2" -H "Crm-Signature: $(sign "$3")" -H 'Content-Type: application/json' --data-binary "$3"
  echo
}
admin() { # method path body (an admin route: route-bound, the tenant's admin secret)
  curl -s -X "$1" "$GATEWAY$2" -H "Crm-Signature: $(route_sign "$ADMIN_SECRET" "$1" "$2" '' "$3")" \
    -H 'Content-Type: application/json' --data-binary "$3"
  echo
}
event() { # file -> envelope body with a fresh eventId and the target division
  sed -e "s/EVENT_ID/evt-$RUN-$1/" -e "s/DIVISION/$DIVISION/" "events/$1.json"
}

echo "== go live (tenant admin, signed)"
admin PUT /admin/tenants/default/mode '{"mode":"live"}'
echo "== relation.upserted → debtor number"
send POST /crm/relations "$(event relation)"
echo "== project.upserted → cost center"
send POST /crm/projects "$(event project)"
echo "== invoice.created → sales entry"
send POST /crm/invoices "$(event invoice)"
echo "== a bookkeeper registers a partial payment of 500.00 in Exact (sandbox)"
curl -s -X POST "$GATEWAY/local/sandbox/payment?division=$DIVISION&yourRef=2026-0042&amount=500.00"; echo
echo "== a supplier's invoice of 80.00 on the project's cost center (sandbox)"
curl -s -X POST "$GATEWAY/local/sandbox/purchase?division=$DIVISION&costCenter=P2026007&amount=80.00&description=Stellingkasten"; echo

echo "== waiting for the payment status and project costs (schedules run every minute in the local run)"
for _ in $(seq 1 45); do
  if grep -q "invoice.payment-status-changed" "$CALLBACKS" && grep -q "project.costs-updated" "$CALLBACKS"; then
    break
  fi
  sleep 4
done
echo "== callbacks the CRM received, in order"
cat "$CALLBACKS"
echo "== open receivables of rel-1001 (signed GET)"
curl -s "$GATEWAY/crm/receivables?tenant=default&relationId=rel-1001" \
  -H "Crm-Signature: $(route_sign "$SECRET" GET /crm/receivables 'relationId=rel-1001&tenant=default' '')"; echo
