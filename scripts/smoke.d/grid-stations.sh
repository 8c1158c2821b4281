# grid-service: service stations, nearest stations and the 15-minute life circle (issue #4 item 5).
# Sourced by scripts/smoke-test with call/json/ok/ko, GW, AUTH and DEMO in scope.

call GET "/api/v1/stations/nearest?lat=36.21&lng=113.41"
[ "$STATUS" = 401 ] && [[ "$TYPE" == application/problem+json* ]] && ok "stations: nearest without a token is 401" \
  || ko "stations: nearest without a token is 401" "$STATUS $TYPE"
call GET "/api/v1/stations/nearest?lat=95&lng=113.41" "${AUTH[@]}"
[ "$STATUS" = 400 ] && ok "stations: nearest with lat out of range is 400" || ko "stations: nearest with lat out of range is 400" "$STATUS $BODY"

if [ "$DEMO" = 1 ]; then
  # the demo's first community grid spans lat 31.950–31.962, lng 112.050–112.062; its 党群服务站 sits in the middle
  call GET "/api/v1/stations/nearest?lat=31.956&lng=112.056&limit=3" "${AUTH[@]}"
  first_kind=$(echo "$BODY" | json 'd["stations"][0]["kind"]'); first_m=$(echo "$BODY" | json 'd["stations"][0]["greatCircleMetres"]')
  walk_ok=$(echo "$BODY" | json 'len(d["stations"]) == 3 and all(abs(s["walkingMetres"] - s["greatCircleMetres"] * 1.3) <= 2 for s in d["stations"])')
  [ "$STATUS" = 200 ] && [ "$first_kind" = PARTY_MASS_SERVICE_STATION ] && [ "$first_m" = 0 ] && [ "$walk_ok" = True ] \
    && ok "stations: nearest finds the 党群服务站 at the point, walking = 1.3 × great-circle" \
    || ko "stations: nearest finds the 党群服务站 at the point" "$STATUS $BODY"

  call GET "/api/v1/grids/locate?lat=31.952&lng=112.052" "${AUTH[@]}"
  GRID1=$(echo "$BODY" | json 'd["path"][0]["id"]')
  stamp=$(date +%s%N)
  call POST /api/v1/stations "${AUTH[@]}" -H 'Content-Type: application/json' \
    -d "{\"gridId\":\"$GRID1\",\"name\":\"冒烟测试驿站$stamp\",\"kind\":\"GRID_POST\",\"location\":{\"lat\":10.0,\"lng\":10.0}}"
  [ "$STATUS" = 422 ] && [ "$(echo "$BODY" | json 'd["code"]')" = station-outside-grid ] \
    && ok "stations: a station outside its grid is 422 station-outside-grid" || ko "stations: outside its grid is 422" "$STATUS $BODY"
  call POST /api/v1/stations "${AUTH[@]}" -H 'Content-Type: application/json' \
    -d "{\"gridId\":\"$GRID1\",\"name\":\"冒烟测试驿站$stamp\",\"kind\":\"GRID_POST\",\"location\":{\"lat\":31.961,\"lng\":112.061},\"openingHours\":[{\"day\":\"MONDAY\",\"opens\":\"08:00\",\"closes\":\"18:00\"}],\"services\":[{\"amenity\":\"UMBRELLAS\"}]}"
  STATION=$(echo "$BODY" | json 'd["id"]')
  [ "$STATUS" = 201 ] && [ -n "$STATION" ] && ok "stations: a station inside its grid is created" || ko "stations: a station inside its grid is created" "$STATUS $BODY"
  call POST "/api/v1/stations/$STATION/star-changes" "${AUTH[@]}" -H 'Content-Type: application/json' \
    -d '{"stars":3,"reason":"冒烟测试","version":0}'
  [ "$STATUS" = 422 ] && [ "$(echo "$BODY" | json 'd["code"]')" = eight-haves-incomplete ] \
    && ok "stations: 3 stars without the full 八有 is 422 eight-haves-incomplete" || ko "stations: 3 stars without 八有 is 422" "$STATUS $BODY"
  call PATCH "/api/v1/stations/$STATION" "${AUTH[@]}" -H 'Content-Type: application/json' -d '{"name":"过期版本","version":7}'
  [ "$STATUS" = 409 ] && ok "stations: a stale version is 409" || ko "stations: a stale version is 409" "$STATUS $BODY"

  # a building next to the 党群服务站 and one in the grid's south-west corner (≈ 0.9 km from the nearest demo station)
  call GET "/api/v1/grids/$GRID1" "${AUTH[@]}"
  COMMUNITY1=$(echo "$BODY" | json 'd["communityUnitId"]')
  for st_spot in "near 31.9565 112.0565" "far 31.9501 112.0501"; do
    read -r st_tag st_lat st_lng <<< "$st_spot"
    call POST /api/v1/households/buildings "${AUTH[@]}" -H 'Content-Type: application/json' \
      -d "{\"gridId\":\"$GRID1\",\"name\":\"冒烟${st_tag}号楼$stamp\",\"location\":{\"lat\":$st_lat,\"lng\":$st_lng},\"units\":[\"1\"]}"
    st_building=$(echo "$BODY" | json 'd["id"]')
    if [ "$st_tag" = near ]; then NEAR=$st_building; else FAR=$st_building; fi
    call POST /api/v1/households "${AUTH[@]}" -H 'Content-Type: application/json' \
      -d "{\"buildingId\":\"$st_building\",\"buildingUnit\":\"1\",\"room\":\"101\",\"residents\":2,\"headName\":\"冒烟住户\",\"specialGroups\":[]}"
  done
  call GET "/api/v1/stations/life-circle?communityUnitId=$COMMUNITY1&buildingsLimit=1000" "${AUTH[@]}"
  listed=$(echo "$BODY" | json '[b["buildingId"] for b in d["communities"][0]["outOfReachBuildings"]]')
  adds_up=$(echo "$BODY" | json 'all(c["households"] == c["withinReach"] + c["outOfReach"] + c["unlocated"] for c in d["communities"]) and d["walkingMinutes"] == 15')
  [ "$STATUS" = 200 ] && [ -n "$FAR" ] && [[ "$listed" == *"$FAR"* ]] && [[ "$listed" != *"$NEAR"* ]] && [ "$adds_up" = True ] \
    && ok "stations: life circle lists the household out of reach, not the one within, and adds up" \
    || ko "stations: life circle lists the household out of reach only" "$STATUS $BODY"

  call DELETE "/api/v1/stations/$STATION?version=0" "${AUTH[@]}"
  [ "$STATUS" = 204 ] && ok "stations: the smoke station is deleted" || ko "stations: the smoke station is deleted" "$STATUS $BODY"
fi
