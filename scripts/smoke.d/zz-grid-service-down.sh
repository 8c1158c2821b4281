# Last fragment (it stops a service): with grid-service down, residents can still submit issues
# (issue #6). Runs only on a stack ./linli started here, with the demo grids loaded; grid-service is
# started again at the end (./linli start NAME), so what runs after the smoke test meets a whole stack.
# With ./linli up --replicas N (issue #18) it first stops one instance only: the others go on answering.
RUN_DIR="$ROOT/.linli/run"
G_NAMES=()
for pid_file in "$RUN_DIR"/grid-service.pid "$RUN_DIR"/grid-service-[0-9].pid; do
  [ -f "$pid_file" ] && kill -0 "$(cat "$pid_file")" 2>/dev/null && G_NAMES+=("$(basename "$pid_file" .pid)")
done
stop_instance() { # name: TERM, then wait until its graceful shutdown has ended
  local pid
  pid=$(cat "$RUN_DIR/$1.pid")
  kill -TERM "$pid"
  for _ in $(seq 1 90); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
}
if [ "$DEMO" = 1 ] && [ "${#G_NAMES[@]}" -gt 0 ]; then
  if [ "${#G_NAMES[@]}" -gt 1 ]; then
    stop_instance "${G_NAMES[0]}"
    # the gateway's health check (every 2 s) takes it out of rotation; until then a call may meet it
    sleep 3
    answers=()
    for _ in 1 2 3 4 5 6; do
      call GET "/api/v1/grids/locate?lat=31.952&lng=112.052" "${AUTH[@]}"; answers+=("$STATUS")
    done
    [ "${answers[*]}" = "200 200 200 200 200 200" ] \
      && ok "one grid-service instance stopped: within 3 s the gateway sends every call to the others" \
      || ko "one grid-service instance stopped, the others answer every call" "${answers[*]}"
  fi
  for name in "${G_NAMES[@]}"; do kill -0 "$(cat "$RUN_DIR/$name.pid")" 2>/dev/null && stop_instance "$name"; done
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
  for name in "${G_NAMES[@]}"; do
    "$ROOT/linli" start "$name" >/dev/null && ok "$name started again (./linli start $name)" \
      || ko "$name started again" "see .linli/logs/$name.log"
  done
fi
