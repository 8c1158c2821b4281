# Last fragment (it stops a service): with grid-service down, residents can still submit issues
# (issue #6). Runs only on a stack ./linli started here, with the demo grids loaded; grid-service is
# started again at the end (./linli start grid-service), so what runs after the smoke test meets a whole stack.
G_PID_FILE="$ROOT/.linli/run/grid-service.pid"
if [ "$DEMO" = 1 ] && [ -f "$G_PID_FILE" ] && kill -0 "$(cat "$G_PID_FILE")" 2>/dev/null; then
  kill -TERM "$(cat "$G_PID_FILE")"
  for _ in $(seq 1 60); do curl -s -o /dev/null localhost:8082/actuator/health || break; sleep 0.5; done
  call GET "/api/v1/grids/locate?lat=31.952&lng=112.052" "${AUTH[@]}"
  [ "$STATUS" = 503 ] && ok "grid-service is stopped (the gateway answers 503 for it)" || ko "grid-service is stopped" "$STATUS"
  call POST /api/v1/issues "${AUTH[@]}" -H 'Content-Type: application/json' \
    -d '{"category":"PARKING","description":"冒烟测试：网格服务停机时的上报","lat":31.952,"lng":112.052}'
  [ "$STATUS" = 201 ] && [ "$(echo "$BODY" | json 'd["routedBy"]')" = LOCAL_COPY ] && [ -n "$(echo "$BODY" | json 'd["gridId"]')" ] \
    && ok "with grid-service down a report inside a grid is still routed to it (issue-service's own copy)" \
    || ko "with grid-service down a report inside a grid is routed" "$STATUS $BODY"
  call POST /api/v1/issues "${AUTH[@]}" -H 'Content-Type: application/json' \
    -d '{"category":"PARKING","description":"冒烟测试：网格之外、网格服务停机","lat":10.0,"lng":10.0}'
  queue=$(echo "$BODY" | json 'd["routedBy"]')
  [ "$STATUS" = 201 ] && [[ "$queue" == *QUEUE ]] \
    && ok "with grid-service down a report its copy cannot place still succeeds, into the $queue" \
    || ko "with grid-service down a report outside every grid still succeeds" "$STATUS $BODY"
  G_PID=$(cat "$G_PID_FILE")
  for _ in $(seq 1 90); do kill -0 "$G_PID" 2>/dev/null || break; sleep 0.5; done   # its graceful shutdown ends
  "$ROOT/linli" start grid-service >/dev/null && ok "grid-service started again (./linli start grid-service)" \
    || ko "grid-service started again" "see .linli/logs/grid-service.log"
fi
