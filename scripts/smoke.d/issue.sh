# issue-service through the gateway (sourced by scripts/smoke-test; see scripts/smoke.d/README.md).
# Without --demo: Open311, Idempotency-Key, QR token checks, public 公示 list. With --demo (grids exist):
# a QR report with a photo for a new building is routed to the grid's worker, escalates, is resolved,
# rated 2 by the anonymous reporter with the callback token, and reopens.
RUN=$(date +%s)
IPNG=/tmp/linli-smoke-issue-$$.png
printf '\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\1\0\0\0\1\10\6\0\0\0\37\25\304\211' > "$IPNG"

call GET /open311/v2/discovery.json
[ "$STATUS" = 200 ] && [ -n "$(echo "$BODY" | json 'd["endpoints"][0]["url"]')" ] \
  && ok "Open311 discovery without a token" || ko "Open311 discovery without a token" "$STATUS $BODY"
call GET /open311/v2/services.json
[ "$STATUS" = 200 ] && [ "$(echo "$BODY" | json 'd[0]["service_code"]')" = PROPERTY_REPAIR ] \
  && ok "Open311 services list our categories" || ko "Open311 services list our categories" "$STATUS $BODY"

call POST /api/v1/issues/api-keys "${AUTH[@]}" -H 'Content-Type: application/json' -d "{\"name\":\"smoke $RUN\"}"
KEY=$(echo "$BODY" | json 'd["key"]')
[ "$STATUS" = 201 ] && [ -n "$KEY" ] && ok "a county admin creates an Open311 api key" || ko "Open311 api key" "$STATUS $BODY"
call POST /open311/v2/requests.json --data-urlencode service_code=ENVIRONMENT -d lat=36.205 -d long=113.405 \
  --data-urlencode "description=冒烟测试 $RUN"
[ "$STATUS" = 403 ] && ok "Open311 POST without api_key: 403" || ko "Open311 POST without api_key: 403" "$STATUS $BODY"
call POST /open311/v2/requests.json --data-urlencode "api_key=$KEY" --data-urlencode service_code=ENVIRONMENT \
  -d lat=36.205 -d long=113.405 --data-urlencode "description=冒烟测试 Open311 $RUN"
SRID=$(echo "$BODY" | json 'd[0]["service_request_id"]')
[ "$STATUS" = 201 ] && [ -n "$SRID" ] && ok "an Open311 client creates a request" || ko "an Open311 client creates a request" "$STATUS $BODY"
call GET "/open311/v2/requests/$SRID.json?api_key=$KEY"
[ "$STATUS" = 200 ] && [ "$(echo "$BODY" | json 'd[0]["status"]')" = open ] \
  && ok "an Open311 client reads it back (status open)" || ko "an Open311 client reads it back" "$STATUS $BODY"
call GET "/open311/v2/requests.json?api_key=$KEY&service_code=ENVIRONMENT&status=open"
[ "$STATUS" = 200 ] && [ "$(echo "$BODY" | json "any(r['service_request_id']=='$SRID' for r in d)")" = True ] \
  && ok "Open311 search with filters finds it" || ko "Open311 search with filters finds it" "$STATUS $BODY"

ISSUE_BODY="{\"category\":\"PARKING\",\"description\":\"冒烟测试 幂等 $RUN\",\"lat\":31.952,\"lng\":112.052}"
call POST /api/v1/issues "${AUTH[@]}" -H "Idempotency-Key: smoke-$RUN" -H 'Content-Type: application/json' -d "$ISSUE_BODY"
FIRST=$(echo "$BODY" | json 'd["id"]'); FIRST_STATUS=$STATUS
call POST /api/v1/issues "${AUTH[@]}" -H "Idempotency-Key: smoke-$RUN" -H 'Content-Type: application/json' -d "$ISSUE_BODY"
SECOND=$(echo "$BODY" | json 'd["id"]')
[ "$FIRST_STATUS" = 201 ] && [ "$STATUS" = 201 ] && [ -n "$FIRST" ] && [ "$FIRST" = "$SECOND" ] \
  && ok "a retried submit with the same Idempotency-Key creates one issue" \
  || ko "a retried submit with the same Idempotency-Key creates one issue" "$FIRST_STATUS $FIRST / $STATUS $SECOND"

call POST /api/v1/issues/qr-reports -F 'report={"token":"forged.token","category":"NOISE","description":"x"};type=application/json'
[ "$STATUS" = 422 ] && [ "$(echo "$BODY" | json 'd["code"]')" = invalid-qr-token ] \
  && ok "a forged QR token: 422 invalid-qr-token (public path, no token needed)" || ko "forged QR token: 422" "$STATUS $BODY"
call GET /api/v1/meetings/published
[ "$STATUS" = 200 ] && ok "published joint meetings (公示) are public" || ko "published joint meetings are public" "$STATUS $BODY"

if [ "$DEMO" = 1 ]; then
  call GET "/api/v1/grids/locate?lat=31.952&lng=112.052" "${AUTH[@]}"
  GRID=$(echo "$BODY" | json 'd["grid"]["id"]')
  call GET "/api/v1/issues/$FIRST" "${AUTH[@]}"
  [ "$(echo "$BODY" | json 'd["gridId"]')" = "$GRID" ] && [ "$(echo "$BODY" | json 'd["routedBy"]')" = LOCAL_COPY ] \
    && ok "a report is routed to its micro-grid from issue-service's own copy" || ko "report routed to its micro-grid" "$GRID $BODY"

  call POST /api/v1/grid-workers "${AUTH[@]}" -H 'Content-Type: application/json' \
    -d "{\"gridId\":\"$GRID\",\"role\":\"GRID_WORKER\",\"person\":{\"name\":\"冒烟网格员\",\"phone\":\"13800000000\",\"source\":\"PARTY_MEMBER\",\"partyMember\":true}}"
  call GET "/api/v1/grid-workers?gridId=$GRID&role=GRID_WORKER&active=true" "${AUTH[@]}"
  APPOINTMENT=$(echo "$BODY" | json 'd["content"][0]["id"]')
  call POST /api/v1/households/buildings "${AUTH[@]}" -H 'Content-Type: application/json' \
    -d "{\"gridId\":\"$GRID\",\"name\":\"冒烟 $RUN 号楼\",\"location\":{\"lat\":31.952,\"lng\":112.052},\"units\":[\"1\"]}"
  BUILDING=$(echo "$BODY" | json 'd["id"]')
  QR=""  # eventual: BuildingRegistered travels grid-service → Kafka → issue-service (up to 60 s behind a demo load)
  for _ in $(seq 1 240); do
    call GET "/api/v1/issues/qr-codes/$BUILDING" "${AUTH[@]}"
    [ "$STATUS" = 200 ] && { QR=$(echo "$BODY" | json 'd["token"]'); break; }
    sleep 0.25
  done
  [ -n "$QR" ] && ok "the building's QR code is available (BuildingRegistered reached issue-service)" \
    || ko "the building's QR code is available" "$STATUS $BODY"
  call POST /api/v1/issues/qr-reports \
    -F "report={\"token\":\"$QR\",\"category\":\"PROPERTY_REPAIR\",\"description\":\"冒烟测试 楼道灯坏了 $RUN\"};type=application/json" \
    -F "photos=@$IPNG;type=image/png"
  QID=$(echo "$BODY" | json 'd["id"]'); CALLBACK=$(echo "$BODY" | json 'd["callbackToken"]')
  [ "$STATUS" = 201 ] && [ "$(echo "$BODY" | json 'len(d["issue"]["photoIds"])')" = 1 ] \
    && ok "a QR report with a photo is accepted without an account" || ko "a QR report with a photo" "$STATUS $BODY"
  call GET "/api/v1/issues/$QID" "${AUTH[@]}"
  [ "$(echo "$BODY" | json 'd["status"]')" = DISPATCHED ] && [ "$(echo "$BODY" | json 'd["gridId"]')" = "$GRID" ] \
    && [ "$(echo "$BODY" | json 'd["assigneeAppointmentId"]')" = "$APPOINTMENT" ] \
    && ok "the QR report is dispatched to the building's grid worker" || ko "QR report dispatched to the grid worker" "$APPOINTMENT $BODY"
  call POST "/api/v1/issues/$QID/escalations" "${AUTH[@]}" -H 'Content-Type: application/json' -d '{}'
  [ "$STATUS" = 200 ] && [ "$(echo "$BODY" | json 'd["level"]')" = COMMUNITY ] \
    && ok "escalation (吹哨) moves it to the community (the clock-driven one is IssuesIT)" || ko "escalation to community" "$STATUS $BODY"
  call POST "/api/v1/issues/$QID/arrival" "${AUTH[@]}" -H 'Content-Type: application/json' -d '{}'
  call POST "/api/v1/issues/$QID/resolution" "${AUTH[@]}" -H 'Content-Type: application/json' -d '{"note":"已更换灯泡"}'
  [ "$STATUS" = 200 ] && [ "$(echo "$BODY" | json 'd["status"]')" = RESOLVED ] && ok "the issue is resolved with a note" \
    || ko "the issue is resolved with a note" "$STATUS $BODY"
  call POST "/api/v1/issues/qr-reports/$QID/rating" -H 'Content-Type: application/json' \
    -d "{\"callbackToken\":\"$CALLBACK\",\"rating\":2,\"comment\":\"还是不亮\"}"
  [ "$STATUS" = 200 ] && [ "$(echo "$BODY" | json 'd["status"]')" = REOPENED ] \
    && ok "the reporter rates 2 with the callback token and the issue reopens" || ko "rating 2 reopens" "$STATUS $BODY"
  call POST "/api/v1/issues/$QID/resolution" "${AUTH[@]}" -H 'Content-Type: application/json' -d '{"note":"x"}'
  [ "$STATUS" = 422 ] && [ "$(echo "$BODY" | json 'd["code"]')" = illegal-transition ] \
    && ok "resolving a reopened issue before going on site: 422 illegal-transition" || ko "illegal transition 422" "$STATUS $BODY"
fi
rm -f "$IPNG"
