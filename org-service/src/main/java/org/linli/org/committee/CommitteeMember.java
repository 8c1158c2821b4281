package org.linli.org.committee;

/** A member of one committee term, as stored and shown: never with an ID number. */
public record CommitteeMember(String name, MemberRole role, boolean partyMember) {
}
