# property-service through the gateway: credit-code check, a month of inspections and surveys giving an explained
# ranking, yellow card and the public caution list, eviction with an immediate fallback, the focus list, demo data.
# Sourced by scripts/smoke-test (ok/ko/call/json, GW, AUTH, UNIT, DEMO in scope). Re-runnable: unique codes and names.
JSON_TYPE=(-H 'Content-Type: application/json')
credit_code() { # a random valid unified social credit code (GB 32100-2015 check character)
  python3 -c '
import random
cs = "0123456789ABCDEFGHJKLMNPQRTUWXY"; w = [1,3,9,27,19,26,16,17,20,29,25,13,8,24,10,30,28]
body = "91340200" + "".join(random.choice("0123456789") for _ in range(9))
print(body + cs[(31 - sum(cs.index(c) * wi for c, wi in zip(body, w)) % 31) % 31])'
}
last_month=$(python3 -c 'import datetime; d = datetime.date.today().replace(day=1) - datetime.timedelta(days=1); print(d.strftime("%Y-%m"))')
quarter=$(python3 -c "m = '$last_month'; print(m[:4] + '-Q' + str((int(m[5:]) - 1) // 3 + 1))")
today=$(date +%F)

call POST /api/v1/property-companies "${AUTH[@]}" "${JSON_TYPE[@]}" -d '{"name":"冒烟测试物业","creditCode":"91350100M000100Y44"}'
[ "$STATUS" = 422 ] && [ "$(echo "$BODY" | json 'd["code"]')" = invalid-credit-code ] \
  && ok "an invalid credit code is refused: 422 invalid-credit-code" || ko "invalid credit code refused with 422" "$STATUS $BODY"

company() { # name stateOwned -> id
  call POST /api/v1/property-companies "${AUTH[@]}" "${JSON_TYPE[@]}" \
    -d "{\"name\":\"$1\",\"creditCode\":\"$(credit_code)\",\"stateOwned\":$2}"
  echo "$BODY" | json 'd["id"]'
}
GOOD=$(company "冒烟红色物业$RANDOM" false); POOR=$(company "冒烟懒散物业$RANDOM" false); STATE=$(company "冒烟国有兜底物业$RANDOM" true)
[ -n "$GOOD" ] && [ -n "$POOR" ] && [ -n "$STATE" ] && ok "three property companies registered" || ko "three property companies registered" "$BODY"

# a community under the smoke street: property-service learns of it from org events
call POST /api/v1/org-units "${AUTH[@]}" "${JSON_TYPE[@]}" -d "{\"type\":\"COMMUNITY_COMMITTEE\",\"name\":\"冒烟测试社区党委\",\"parentId\":\"${UNIT:-}\"}"
COMMUNITY=$(echo "$BODY" | json 'd["id"]')
compound() { # name -> id, retried until property-service knows the community
  local id=""
  for _ in $(seq 1 300); do
    call POST /api/v1/compounds "${AUTH[@]}" "${JSON_TYPE[@]}" \
      -d "{\"name\":\"$1\",\"kind\":\"COMMERCIAL\",\"communityUnitId\":\"$COMMUNITY\",\"households\":600,\"lat\":31.33,\"lng\":118.38}"
    [ "$STATUS" = 201 ] && { id=$(echo "$BODY" | json 'd["id"]'); break; }
    sleep 0.1
  done
  echo "$id"
}
GOOD_A=$(compound 冒烟檀溪花园); GOOD_B=$(compound 冒烟凤凰小区); POOR_C=$(compound 冒烟锦绣家园)
[ -n "$GOOD_A" ] && [ -n "$GOOD_B" ] && [ -n "$POOR_C" ] && ok "compounds registered in a community known from org events" \
  || ko "compounds registered in a community known from org events" "$STATUS $BODY"
sign() { # compound company
  call POST /api/v1/contracts "${AUTH[@]}" "${JSON_TYPE[@]}" -d "{\"compoundId\":\"$1\",\"companyId\":\"$2\",\"kind\":\"REGULAR\",
    \"startsOn\":\"$(( $(date +%Y) - 1 ))-01-01\",\"endsOn\":\"$(( $(date +%Y) + 2 ))-12-31\",
    \"feeStandards\":[{\"category\":\"多层住宅\",\"fenPerSquareMetreMonth\":80}]}"
}
sign "$GOOD_A" "$GOOD"; sign "$GOOD_B" "$GOOD"; sign "$POOR_C" "$POOR"
[ "$STATUS" = 201 ] && ok "regular contracts signed" || ko "regular contracts signed" "$STATUS $BODY"
sign "$POOR_C" "$GOOD"
[ "$STATUS" = 422 ] && [ "$(echo "$BODY" | json 'd["code"]')" = overlapping-contract ] \
  && ok "a second overlapping regular contract: 422 overlapping-contract" || ko "overlapping regular contract refused" "$STATUS $BODY"

# a month of spot checks and the quarter's surveys, then the street's ranking for that month
inspect() { # compound item points
  call POST /api/v1/evaluations/inspections "${AUTH[@]}" "${JSON_TYPE[@]}" -d "{\"compoundId\":\"$1\",
    \"inspectedOn\":\"$last_month-10\",\"itemCode\":\"$2\",
    \"deductions\":[{\"reason\":\"楼道堆放杂物\",\"points\":$3,\"photoRefs\":[\"photos/smoke-$1.jpg\"]}]}"
}
survey() { # compound respondents satisfied
  call PUT /api/v1/evaluations/surveys "${AUTH[@]}" "${JSON_TYPE[@]}" -d "{\"compoundId\":\"$1\",\"quarter\":\"$quarter\",
    \"respondents\":$2,\"satisfied\":$3,\"conductedOn\":\"$last_month-20\"}"
}
inspect "$GOOD_A" ENVIRONMENT 2; inspect "$GOOD_A" FACILITIES 1; inspect "$GOOD_B" ENVIRONMENT 5
inspect "$POOR_C" ENVIRONMENT 30; inspect "$POOR_C" FACILITIES 40
survey "$GOOD_A" 50 48; survey "$GOOD_B" 40 37; survey "$POOR_C" 60 27
[ "$STATUS" = 200 ] && ok "a month of inspections and surveys recorded" || ko "inspections and surveys recorded" "$STATUS $BODY"
call POST /api/v1/rankings "${AUTH[@]}" "${JSON_TYPE[@]}" -d "{\"scopeUnitId\":\"${UNIT:-}\",\"month\":\"$last_month\"}"
RANKING=$(echo "$BODY" | json 'd["id"]')
[ "$STATUS" = 201 ] && [ -n "$RANKING" ] && ok "the street's ranking for $last_month is published" || ko "ranking published" "$STATUS $BODY"
call GET "/api/v1/rankings/published/$RANKING"
top=$(echo "$BODY" | json 'd["entries"][0]["companyId"]'); bottom=$(echo "$BODY" | json 'd["bottomCompanyIds"][0]')
env=$(echo "$BODY" | json '[i["score"] for e in d["entries"] if e["companyId"] == "'"$POOR"'" for i in e["items"] if i["code"] == "ENVIRONMENT"][0]')
sat=$(echo "$BODY" | json '[i["score"] for e in d["entries"] if e["companyId"] == "'"$POOR"'" for i in e["items"] if i["code"] == "SATISFACTION"][0]')
[ "$STATUS" = 200 ] && [ "$top" = "$GOOD" ] && [ "$bottom" = "$POOR" ] && [ "$env" = 70.0 ] && [ "$sat" = 45.0 ] \
  && ok "public ranking without a token: top and bottom explained by the breakdown (bottom: environment 70, satisfaction 45)" \
  || ko "public ranking explained by its breakdown" "$STATUS top=$top bottom=$bottom env=$env sat=$sat"
call POST /api/v1/rankings "${AUTH[@]}" "${JSON_TYPE[@]}" -d "{\"scopeUnitId\":\"${UNIT:-}\",\"month\":\"$last_month\"}"
[ "$STATUS" = 422 ] && ok "a published ranking is immutable: 422 on a second publication" || ko "ranking immutable" "$STATUS $BODY"

# yellow card -> public caution list
call POST /api/v1/sanctions "${AUTH[@]}" "${JSON_TYPE[@]}" -d "{\"kind\":\"YELLOW_CARD\",\"companyId\":\"$POOR\",
  \"reason\":\"月度考评末位，整改不力\",\"evidenceRefs\":[\"rankings/$RANKING\"]}"
CARD=$(echo "$BODY" | json 'd["id"]')
call GET "/api/v1/sanctions/caution-list?size=200"
listed=$(echo "$BODY" | json 'any(e["companyId"] == "'"$POOR"'" for e in d["content"])')
[ "$STATUS" = 200 ] && [ "$listed" = True ] && ok "a yellow card puts the company on the public caution list" \
  || ko "yellow card puts the company on the caution list" "$STATUS $listed"
call POST "/api/v1/sanctions/$CARD/lifting" "${AUTH[@]}"
call GET "/api/v1/sanctions/caution-list?size=200"
listed=$(echo "$BODY" | json 'any(e["companyId"] == "'"$POOR"'" for e in d["content"])')
[ "$listed" = False ] && ok "lifting the card takes the company off the caution list" || ko "lifted card leaves the list" "$listed"

# eviction: an unsanctioned company needs the owners' dismissal decision (Civil Code art. 278); after a
# sanction the assembly consultation may stand in; the compound has a fallback contract the same moment
EVICTION_BODY="{\"fallbackCompanyId\":\"$STATE\",\"fallbackEndsOn\":\"$(( $(date +%Y) + 1 ))-12-31\",\"reason\":\"服务质量长期不达标\"}"
call POST "/api/v1/compounds/$POOR_C/evictions" "${AUTH[@]}" "${JSON_TYPE[@]}" -d "$EVICTION_BODY"
code=$(echo "$BODY" | json 'd.get("code")')
[ "$STATUS" = 422 ] && [ "$code" = dismissal-decision-required ] && ok "an eviction without sanctions needs the owners' decision" \
  || ko "eviction without decision refused" "$STATUS $BODY"
call POST /api/v1/sanctions "${AUTH[@]}" "${JSON_TYPE[@]}" -d "{\"kind\":\"PUBLIC_CRITICISM\",\"companyId\":\"$POOR\",
  \"compoundId\":\"$POOR_C\",\"reason\":\"整改不力，通报批评\"}"
call POST "/api/v1/compounds/$POOR_C/evictions" "${AUTH[@]}" "${JSON_TYPE[@]}" -d "{
  \"consultation\":{\"heldOn\":\"$today\",\"participatingHouseholds\":420,\"agreeingHouseholds\":300,\"minutesRef\":\"minutes/smoke.pdf\"},
  \"fallbackCompanyId\":\"$STATE\",\"fallbackEndsOn\":\"$(( $(date +%Y) + 1 ))-12-31\",\"reason\":\"服务质量长期不达标\"}"
[ "$STATUS" = 201 ] && ok "eviction recorded with the owners' assembly consultation" || ko "eviction recorded" "$STATUS $BODY"
call GET "/api/v1/compounds/$POOR_C" "${AUTH[@]}"
kind=$(echo "$BODY" | json 'd["currentContract"]["kind"]'); by=$(echo "$BODY" | json 'd["currentContract"]["companyId"]')
[ "$kind" = FALLBACK ] && [ "$by" = "$STATE" ] && ok "after the eviction the compound is served by the fallback company at once" \
  || ko "fallback contract at once after eviction" "$kind $by"

# complaints past the threshold (5 in 30 days) put the compound on the focus list
for _ in 1 2 3 4 5 6; do
  call POST "/api/v1/compounds/$GOOD_B/complaints" "${AUTH[@]}" "${JSON_TYPE[@]}" -d '{"channel":"HOTLINE_12345","category":"PROPERTY_REPAIR"}'
done
call GET "/api/v1/compounds/focus-list?size=200" "${AUTH[@]}"
focused=$(echo "$BODY" | json 'any(e["compoundId"] == "'"$GOOD_B"'" for e in d["content"])')
[ "$focused" = True ] && ok "complaints past the threshold put the compound on the focus list" || ko "focus list entry" "$STATUS $BODY"

if [ "$DEMO" = 1 ]; then
  call GET "/api/v1/compounds?size=1" "${AUTH[@]}"
  [ "$(echo "$BODY" | json 'd["page"]["totalElements"] >= 36')" = True ] && ok "the demo's compounds are registered" \
    || ko "the demo's compounds are registered" "$STATUS $BODY"
  call GET /api/v1/compounds/unmanaged "${AUTH[@]}"
  [ "$(echo "$BODY" | json 'd["page"]["totalElements"]')" = 0 ] && ok "no unmanaged compound (动态清零)" || ko "no unmanaged compound" "$BODY"
fi
