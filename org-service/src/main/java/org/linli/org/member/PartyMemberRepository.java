package org.linli.org.member;

import org.springframework.data.mongodb.repository.MongoRepository;

interface PartyMemberRepository extends MongoRepository<PartyMember, String> {

    boolean existsByBuildingUnitRefAndUnitLeaderTrueAndStatus(String buildingUnitRef, PartyMember.Status status);
}
