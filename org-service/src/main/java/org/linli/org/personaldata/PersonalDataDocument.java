package org.linli.org.personaldata;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.linli.org.identity.Account;
import org.linli.org.identity.Role;
import org.linli.org.member.DualRegistration;
import org.linli.org.member.HouseholdLink;
import org.linli.org.member.MemberKind;
import org.linli.org.member.PartyMember;
import org.linli.org.member.Transfer;
import org.linli.platform.domain.MobileNumber;
import tools.jackson.databind.JsonNode;

/**
 * Everything Linli holds about one account, unmasked (it is the subject's own data).
 *
 * @param assembledAt        when it was put together
 * @param account            the account itself (no password hash, no lockout counters)
 * @param org                org-service's records that name the account
 * @param services           the other services' parts as they answered, by service ({@code grid}, {@code issue},
 *                           {@code property}, {@code points})
 * @param unmaskedReads      who read the account's personal data unmasked, each with its {@code service}, newest first
 * @param correctionRequests the account's correction requests and their answers
 * @param missing            the parts that did not answer ({@code grid}, {@code reads-of-me:grid}, …); download
 *                           again later for them
 */
record PersonalDataDocument(Instant assembledAt, AccountPart account, OrgPart org, Map<String, JsonNode> services,
                            List<JsonNode> unmaskedReads, List<CorrectionRequestResponse> correctionRequests,
                            List<String> missing) {

    /** The account as org-service keeps it. */
    record AccountPart(String id, String username, String displayName, Set<Role> roles, String orgUnitId,
                       String orgUnitPath, String companyId, Instant createdAt) {

        /** The company comes from the token (the account's own field is identity's business). */
        static AccountPart of(Account account, String companyId) {
            return new AccountPart(account.id(), account.username(), account.displayName(), account.roles(),
                    account.orgUnitId(), account.orgUnitPath(), companyId, account.createdAt());
        }
    }

    /** org-service's records about the account: party member records that name it. */
    record OrgPart(List<MemberRecord> partyMembers) {
    }

    /** A party member record linked to the account, ID number and phone unmasked. */
    record MemberRecord(String id, String name, String idNumber, String phone, MemberKind kind,
                        DualRegistration dualRegistration, String branchId, String groupId, String unitPath,
                        String buildingId, String buildingUnitRef, boolean unitLeader, String duty,
                        PartyMember.Status status, List<Transfer> transfers, List<HouseholdLink> householdLinks,
                        Instant registeredAt, Instant updatedAt) {

        static MemberRecord of(PartyMember member) {
            MobileNumber phone = member.phone();
            return new MemberRecord(member.id(), member.name(), member.idNumber().value(),
                    phone == null ? null : phone.value(), member.kind(), member.dualRegistration(), member.branchId(),
                    member.groupId(), member.unitPath(), member.buildingId(), member.buildingUnitRef(),
                    member.isUnitLeader(), member.duty(), member.status(), member.transfers(),
                    member.householdLinks(), member.registeredAt(), member.updatedAt());
        }
    }
}
