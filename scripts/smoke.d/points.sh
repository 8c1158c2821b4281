# points-service through the gateway: an activity run end to end credits once however often it is
# confirmed, 50 concurrent redemptions of 10 in stock succeed exactly 10 times with every balance >= 0
# and equal to its ledger, a cancel refunds, the public red list matches the ledger.
# Sourced by scripts/smoke-test (call, json, ok, ko, GW, AUTH, UNIT, DEMO in scope).

P_RUN=$(date +%s)$RANDOM
P_JSON=(-H 'Content-Type: application/json')

p_token() { # username password -> token
  call POST /api/v1/auth/token -d grant_type=password -d "username=$1" --data-urlencode "password=$2"
  echo "$BODY" | json 'd["access_token"]'
}
p_account() { # name community -> "id token"; the holder changes the initial password before signing in
  local user="smoke-$1-$P_RUN" initial="Smoke-initial-$P_RUN" pass="Smoke-pass-$P_RUN"
  call POST /api/v1/accounts "${AUTH[@]}" "${P_JSON[@]}" \
    -d "{\"username\":\"$user\",\"password\":\"$initial\",\"roles\":[\"RESIDENT\"],\"orgUnitId\":\"$2\"}"
  local id; id=$(echo "$BODY" | json 'd["id"]')
  call POST /api/v1/auth/password-changes "${P_JSON[@]}" \
    -d "{\"username\":\"$user\",\"currentPassword\":\"$initial\",\"newPassword\":\"$pass\"}"
  echo "$id $(p_token "$user" "$pass")"
}
p_ledger_ok() { # id token -> prints "balance sum" from the account and its entries
  local bal sum
  call GET "/api/v1/points/accounts/$1" -H "Authorization: Bearer $2"; bal=$(echo "$BODY" | json 'd["balance"]')
  call GET "/api/v1/points/accounts/$1/entries?size=200" -H "Authorization: Bearer $2"
  sum=$(echo "$BODY" | json 'sum(e["amount"] for e in d["content"])')
  echo "$bal $sum"
}

# a community of our own, known to points-service through org events
call POST /api/v1/org-units "${AUTH[@]}" "${P_JSON[@]}" \
  -d "{\"type\":\"COMMUNITY_COMMITTEE\",\"name\":\"积分冒烟社区$P_RUN\",\"parentId\":\"${UNIT:-}\"}"
P_COMMUNITY=$(echo "$BODY" | json 'd["id"]')
[ "$STATUS" = 201 ] && [ -n "$P_COMMUNITY" ] && ok "points: a community created for the points checks" \
  || ko "points: a community created for the points checks" "$STATUS $BODY"
for _ in $(seq 1 300); do
  call GET "/api/v1/points/scoring-standards/$P_COMMUNITY" "${AUTH[@]}"
  [ "$STATUS" = 200 ] && break; sleep 0.1
done
[ "$STATUS" = 200 ] && [ "$(echo "$BODY" | json 'd["dailyCap"]')" = 100 ] \
  && ok "points: the community reached points-service; county scoring standard in force" \
  || ko "points: the community reached points-service" "$STATUS $BODY"

read -r P_V1 P_T1 <<<"$(p_account v1 "$P_COMMUNITY")"
read -r P_V2 P_T2 <<<"$(p_account v2 "$P_COMMUNITY")"
[ -n "$P_T1" ] && [ -n "$P_T2" ] && ok "points: two volunteers with their own tokens" || ko "points: two volunteers" "$P_V1 $P_V2"

# an activity run end to end: 2 hours at the default 10 points an hour
P_START=$(date -u -d '-3 hours' +%Y-%m-%dT%H:%M:00Z); P_END=$(date -u -d '-1 hours' +%Y-%m-%dT%H:%M:00Z)
call POST /api/v1/activities "${AUTH[@]}" "${P_JSON[@]}" -d "{\"communityUnitId\":\"$P_COMMUNITY\",\"title\":\"冒烟测试 清理楼道\",\
\"type\":\"CLEAN_UP\",\"place\":\"1号楼\",\"startsAt\":\"$P_START\",\"endsAt\":\"$P_END\",\"capacity\":2}"
P_ACT=$(echo "$BODY" | json 'd["id"]')
[ "$STATUS" = 201 ] && ok "points: activity launched" || ko "points: activity launched" "$STATUS $BODY"
# the activity is over: a volunteer's own sign-up is refused, the organiser enrols them from the paper sheet
call POST "/api/v1/activities/$P_ACT/sign-ups" -H "Authorization: Bearer $P_T1"
[ "$STATUS" = 422 ] && [ "$(echo "$BODY" | json 'd["code"]')" = activity-ended ] \
  && ok "points: no sign-up after the activity's end" || ko "points: no sign-up after the activity's end" "$STATUS $BODY"
for v in "$P_V1" "$P_V2"; do
  call POST "/api/v1/activities/$P_ACT/enrolments" "${AUTH[@]}" "${P_JSON[@]}" -d "{\"accountId\":\"$v\"}"
done
for v in "$P_V1" "$P_V2"; do
  call POST "/api/v1/activities/$P_ACT/check-ins" "${AUTH[@]}" "${P_JSON[@]}" -d "{\"accountId\":\"$v\",\"at\":\"$P_START\"}"
  call POST "/api/v1/activities/$P_ACT/check-outs" "${AUTH[@]}" "${P_JSON[@]}" -d "{\"accountId\":\"$v\",\"at\":\"$P_END\"}"
done
for _ in 1 2 3; do call POST "/api/v1/activities/$P_ACT/confirmation" "${AUTH[@]}"; done
credits=$(echo "$BODY" | json '",".join(p["credit"] for p in d["participants"])')
[ "$STATUS" = 200 ] && [ "$credits" = "CREDITED,CREDITED" ] && ok "points: attendance confirmed three times" \
  || ko "points: attendance confirmed three times" "$STATUS $credits"
call GET "/api/v1/points/accounts/$P_V1/entries" -H "Authorization: Bearer $P_T1"
n=$(echo "$BODY" | json 'd["page"]["totalElements"]'); amt=$(echo "$BODY" | json 'd["content"][0]["amount"]')
[ "$n" = 1 ] && [ "$amt" = 20 ] && ok "points: the attendee is credited exactly once (20 points for 2 h)" \
  || ko "points: the attendee is credited exactly once" "$n entries, first $amt"

# the public red list equals the ledger
P_MONTH=$(TZ=Asia/Shanghai date +%Y-%m)
call GET "/api/v1/honour-lists/red?month=$P_MONTH&communityUnitId=$P_COMMUNITY"
red=$(echo "$BODY" | json '",".join(l["accountId"] + ":" + str(l["points"]) for l in sorted(d["lines"], key=lambda l: l["accountId"]))')
want=$(printf '%s\n' "$P_V1:20" "$P_V2:20" | sort | paste -sd,)
[ "$STATUS" = 200 ] && [ "$red" = "$want" ] && ok "points: the public red list (no token) matches the ledger" \
  || ko "points: the public red list (no token) matches the ledger" "$STATUS $red (want $want)"

# 50 concurrent redemptions of an item with 10 in stock, by 10 people with points for 5 each
call POST /api/v1/rewards "${AUTH[@]}" "${P_JSON[@]}" \
  -d "{\"communityUnitId\":\"$P_COMMUNITY\",\"name\":\"冒烟大米 5kg\",\"pointsPrice\":30,\"stock\":10}"
P_RICE=$(echo "$BODY" | json 'd["id"]')
[ "$STATUS" = 201 ] && ok "points: a reward with 10 in stock" || ko "points: a reward with 10 in stock" "$STATUS $BODY"
P_BUYERS=(); P_TOKENS=()
for i in $(seq 1 10); do
  read -r id tok <<<"$(p_account "b$i" "$P_COMMUNITY")"
  P_BUYERS+=("$id"); P_TOKENS+=("$tok")
  # points-service knows a new account once org-service's AccountOpened arrives (404 until then)
  for _ in $(seq 1 60); do
    call POST "/api/v1/points/accounts/$id/corrections" "${AUTH[@]}" "${P_JSON[@]}" \
      -d '{"amount":150,"reference":"smoke-opening","note":"smoke test opening balance"}'
    [ "$STATUS" = 404 ] || break
    sleep 0.5
  done
done
P_DIR=$(mktemp -d); sleep 2  # let the gateway's per-client rate bucket refill before the burst
P_BURST_START=$(date +%s%N)
for i in $(seq 0 49); do
  b=$((i % 10))
  curl -s -o "$P_DIR/$i.json" -w '%{http_code} %{time_total}\n' -X POST "$GW/api/v1/redemptions" \
    -H "Authorization: Bearer ${P_TOKENS[$b]}" "${P_JSON[@]}" -d "{\"rewardId\":\"$P_RICE\",\"quantity\":1}" \
    > "$P_DIR/$i.status" &
done
wait
echo "        (burst of 50 took $(( ($(date +%s%N) - P_BURST_START) / 1000000 )) ms; slowest $(cut -d' ' -f2 "$P_DIR"/*.status | sort -n | tail -1) s)"
made=$(cat "$P_DIR"/*.status | grep -c '^201 '); refused=$(cat "$P_DIR"/*.status | grep -c '^422 ')
[ "$made" = 10 ] && [ "$refused" = 40 ] && ok "points: 50 concurrent redemptions, exactly 10 succeed (40 x 422)" \
  || ko "points: 50 concurrent redemptions, exactly 10 succeed" "$made x 201, $refused x 422: $(cut -d' ' -f1 "$P_DIR"/*.status | sort | uniq -c | tr '\n' ' ') $(grep -L '"pickupCode"\|"code"' "$P_DIR"/*.json | head -3 | xargs -r cat | head -c 600)"
call GET "/api/v1/rewards/$P_RICE" "${AUTH[@]}"
[ "$(echo "$BODY" | json 'd["stock"]')" = 0 ] && ok "points: stock is 0, never below" || ko "points: stock is 0" "$BODY"
bad=""; spent=0
for i in $(seq 0 9); do
  read -r bal sum <<<"$(p_ledger_ok "${P_BUYERS[$i]}" "${P_TOKENS[$i]}")"
  { [ -n "$bal" ] && [ "$bal" -ge 0 ] && [ "$bal" = "$sum" ]; } || bad="$bad ${P_BUYERS[$i]}:$bal/$sum"
  spent=$((spent + 150 - ${bal:-0}))
done
[ -z "$bad" ] && [ "$spent" = 300 ] && ok "points: every balance >= 0 and equal to its ledger's sum; 300 points spent" \
  || ko "points: balances equal their ledgers" "spent $spent;$bad"

# a cancel refunds with a reversing entry and gives the stock back; another is handed over by code
P_ONE=""; P_TWO=""
for f in "$P_DIR"/*.json; do
  [ -e "$f" ] && [ "$(json 'd.get("status","")' < "$f")" = CONFIRMED ] || continue
  if [ -z "$P_ONE" ]; then P_ONE=$f; elif [ -z "$P_TWO" ]; then P_TWO=$f; fi
done
if [ -n "$P_ONE" ] && [ -n "$P_TWO" ]; then
  rid=$(json 'd["id"]' < "$P_ONE"); holder=$(json 'd["accountId"]' < "$P_ONE"); htok=""
  for i in $(seq 0 9); do [ "${P_BUYERS[$i]}" = "$holder" ] && htok=${P_TOKENS[$i]}; done
  read -r before _ <<<"$(p_ledger_ok "$holder" "$htok")"
  call POST "/api/v1/redemptions/$rid/cancellation" -H "Authorization: Bearer $htok"
  read -r after sum <<<"$(p_ledger_ok "$holder" "$htok")"
  [ "$STATUS" = 200 ] && [ "$after" = $((${before:-0} + 30)) ] && [ "$after" = "$sum" ] \
    && ok "points: a cancel refunds 30 points by a reversing entry" || ko "points: a cancel refunds" "$STATUS $before -> $after ($sum)"
  call GET "/api/v1/rewards/$P_RICE" "${AUTH[@]}"
  [ "$(echo "$BODY" | json 'd["stock"]')" = 1 ] && ok "points: the cancelled item is back in stock" || ko "points: stock back" "$BODY"
  code=$(json 'd["pickupCode"]' < "$P_TWO")
  call POST /api/v1/redemptions/fulfilment "${AUTH[@]}" "${P_JSON[@]}" -d "{\"pickupCode\":\"$code\"}"
  [ "$STATUS" = 200 ] && [ "$(echo "$BODY" | json 'd["status"]')" = FULFILLED ] \
    && ok "points: handed over at the supermarket against the pickup code" || ko "points: fulfilment" "$STATUS $BODY"
else
  ko "points: a cancel refunds; fulfilment by pickup code" "fewer than two confirmed redemptions to try them on"
fi
rm -rf "$P_DIR"

if [ "$DEMO" = 1 ]; then
  call GET "/api/v1/rewards?onOffer=true&size=1" "${AUTH[@]}"
  [ "$STATUS" = 200 ] && [ "$(echo "$BODY" | json 'd["page"]["totalElements"] >= 12')" = True ] \
    && ok "points: the demo's points supermarkets are on offer" || ko "points: the demo's supermarkets are on offer" "$STATUS $BODY"
fi
