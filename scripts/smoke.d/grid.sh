# grid-service through the gateway (issue #4): borders, overlap, stipend tiers, a notice delivered to 100 %.
# Builds its own small grid tree on a fresh street/community, at a random spot far from the demo grids.
J='Content-Type: application/json'
call POST /api/v1/org-units "${AUTH[@]}" -H "$J" -d '{"type":"STREET_COMMITTEE","name":"网格冒烟街道","templateId":"FIVE_LEVEL"}'
G_STREET=$(echo "$BODY" | json 'd["id"]')
call POST /api/v1/org-units "${AUTH[@]}" -H "$J" -d "{\"type\":\"COMMUNITY_COMMITTEE\",\"name\":\"网格冒烟社区\",\"parentId\":\"$G_STREET\"}"
G_COMMUNITY=$(echo "$BODY" | json 'd["id"]')
for _ in $(seq 1 240); do call GET "/api/v1/grids/org-units/$G_COMMUNITY" "${AUTH[@]}"; [ "$STATUS" = 200 ] && break; sleep 0.25; done
# a 0.02° square at a random spot in lat 20..30, lng 100..110, cut into a west and an east micro-grid
LAT0=$(python3 -c "import random; print(round(20 + random.random() * 10, 4))")
LNG0=$(python3 -c "import random; print(round(100 + random.random() * 10, 4))")
rect() { python3 -c "import sys,json; w,s,e,n=map(float,sys.argv[1:]); print(json.dumps({'type':'Polygon','coordinates':[[[w,s],[e,s],[e,n],[w,n],[w,s]]]}))" "$@"; }
at() { python3 -c "print(round($1 + $2, 6))"; }
grid_body() { # level name parentId|'' residents w s e n
  local parent=""; [ -n "$3" ] && parent="\"parentId\":\"$3\","
  echo "{\"level\":\"$1\",\"name\":\"$2\",$parent\"communityUnitId\":\"$G_COMMUNITY\",\"residents\":$4,\"boundary\":$(rect "$5" "$6" "$7" "$8")}"
}
call POST /api/v1/grids "${AUTH[@]}" -H "$J" -d "$(grid_body LEVEL_1 冒烟一级网格 '' 500 "$LNG0" "$LAT0" "$(at "$LNG0" 0.02)" "$(at "$LAT0" 0.02)")"
G_L1=$(echo "$BODY" | json 'd["id"]')
call POST /api/v1/grids "${AUTH[@]}" -H "$J" -d "$(grid_body MICRO 冒烟西微网格 "$G_L1" 250 "$LNG0" "$LAT0" "$(at "$LNG0" 0.01)" "$(at "$LAT0" 0.02)")"
G_WEST=$(echo "$BODY" | json 'd["id"]')
call POST /api/v1/grids "${AUTH[@]}" -H "$J" -d "$(grid_body MICRO 冒烟东微网格 "$G_L1" 250 "$(at "$LNG0" 0.01)" "$LAT0" "$(at "$LNG0" 0.02)" "$(at "$LAT0" 0.02)")"
G_EAST=$(echo "$BODY" | json 'd["id"]')
[ -n "$G_L1" ] && [ -n "$G_WEST" ] && [ -n "$G_EAST" ] && ok "a level-1 grid and two micro-grids sharing a border" \
  || ko "a level-1 grid and two micro-grids sharing a border" "$STATUS $BODY"
call POST /api/v1/grids "${AUTH[@]}" -H "$J" -d "$(grid_body MICRO 重叠微网格 "$G_L1" 10 "$(at "$LNG0" 0.005)" "$LAT0" "$(at "$LNG0" 0.015)" "$(at "$LAT0" 0.01)")"
[ "$STATUS" = 422 ] && [ "$(echo "$BODY" | json 'd["code"]')" = overlaps-sibling ] && ok "an overlapping sibling: 422 overlaps-sibling" \
  || ko "an overlapping sibling: 422 overlaps-sibling" "$STATUS $BODY"
call GET "/api/v1/grids/locate?lat=$(at "$LAT0" 0.01)&lng=$(at "$LNG0" 0.005)" "${AUTH[@]}"
[ "$STATUS" = 200 ] && [ "$(echo "$BODY" | json 'd["grid"]["id"]')" = "$G_WEST" ] && ok "a point inside the west micro-grid locates to it" \
  || ko "a point inside the west micro-grid locates to it" "$STATUS $BODY"
call GET "/api/v1/grids/locate?lat=$(at "$LAT0" 0.01)&lng=$(at "$LNG0" 0.01)" "${AUTH[@]}"
expected=$(printf '%s\n%s\n' "$G_WEST" "$G_EAST" | sort | head -1)
[ "$STATUS" = 200 ] && [ "$(echo "$BODY" | json 'd["grid"]["id"]')" = "$expected" ] \
  && ok "a point on the shared border locates to the micro-grid with the smaller id" || ko "shared border locates by smaller id" "$STATUS $BODY"

MONTH=$(date -u +%Y-%m)
call POST /api/v1/grid-workers "${AUTH[@]}" -H "$J" -d "{\"gridId\":\"$G_WEST\",\"role\":\"GRID_WORKER\",\"from\":\"$MONTH-01\",\"person\":{\"name\":\"冒烟网格员\",\"phone\":\"13912345678\",\"source\":\"PARTY_MEMBER\",\"partyMember\":true}}"
G_WORKER=$(echo "$BODY" | json 'd["id"]')
call POST "/api/v1/grid-workers/$G_WORKER/emergency-days" "${AUTH[@]}" -H "$J" -d "{\"month\":\"$MONTH\",\"days\":2,\"version\":0}"
call GET "/api/v1/grid-workers/$G_WORKER/stipends/$MONTH" "${AUTH[@]}"
figures=$(echo "$BODY" | json '"%s/%s/%s/%s" % (d["tierMonthlyFen"], d["baseFen"], d["emergencyFen"], d["totalFen"])')
[ "$STATUS" = 200 ] && [ "$figures" = "5000/5000/12000/17000" ] \
  && ok "stipend statement: 250 residents → 50 yuan tier, 2 emergency days × 60 yuan = 170 yuan" \
  || ko "stipend statement matches the tiers" "$STATUS $figures $BODY"

call POST /api/v1/households/buildings "${AUTH[@]}" -H "$J" -d "{\"gridId\":\"$G_WEST\",\"name\":\"冒烟1号楼\",\"units\":[\"1\"]}"
G_BUILDING=$(echo "$BODY" | json 'd["id"]')
G_HOUSEHOLDS=()
for room in 101 102 103; do
  call POST /api/v1/households "${AUTH[@]}" -H "$J" -d "{\"buildingId\":\"$G_BUILDING\",\"buildingUnit\":\"1\",\"room\":\"$room\",\"residents\":2,\"headName\":\"住户$room\",\"specialGroups\":[]}"
  G_HOUSEHOLDS+=("$(echo "$BODY" | json 'd["id"]')")
done
call POST /api/v1/notices "${AUTH[@]}" -H "$J" -d "{\"gridId\":\"$G_L1\",\"title\":\"冒烟测试通知\",\"body\":\"请各户知悉。\"}"
G_NOTICE=$(echo "$BODY" | json 'd["id"]')
[ "$STATUS" = 201 ] && [ "$(echo "$BODY" | json 'd["households"]')" = 3 ] && ok "a notice to the level-1 grid creates a task for each of its 3 households" \
  || ko "a notice creates a task per household" "$STATUS $BODY"
call GET "/api/v1/notices/tasks?noticeId=$G_NOTICE&status=PENDING" "${AUTH[@]}"
[ "$(echo "$BODY" | json 'd["page"]["totalElements"]')" = 3 ] && [ "$(echo "$BODY" | json 'd["content"][0]["workerAppointmentId"]')" = "$G_WORKER" ] \
  && ok "the 3 tasks are on the grid worker's task list" || ko "the 3 tasks are on the grid worker's task list" "$BODY"
for household in "${G_HOUSEHOLDS[@]}"; do
  call POST "/api/v1/notices/$G_NOTICE/acknowledgements" "${AUTH[@]}" -H "$J" -d "{\"householdId\":\"$household\"}"
done
call GET "/api/v1/notices/$G_NOTICE" "${AUTH[@]}"
[ "$(echo "$BODY" | json 'd["deliveredShare"]')" = 1.0 ] && [ -n "$(echo "$BODY" | json 'd["timeToFullDelivery"]')" ] \
  && ok "after every household acknowledged the notice reports 100 % and its time to full delivery" \
  || ko "the notice reports 100 % after all acknowledge" "$BODY"
