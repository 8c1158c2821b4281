package org.linli.org.committee;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Someone standing for a committee at formation or re-election. The ID number is used only for the
 * negative-list check and is then dropped: it is never stored, logged or answered.
 */
record Candidate(@NotBlank @Size(max = 50) String name,
                 @NotBlank @Size(min = 18, max = 18) String idNumber,
                 @NotNull MemberRole role,
                 @NotNull Boolean partyMember) {

    CommitteeMember member() {
        return new CommitteeMember(name.strip(), role, partyMember);
    }

    @Override
    public String toString() {
        return "Candidate[" + name + ", " + role + "]";
    }
}
