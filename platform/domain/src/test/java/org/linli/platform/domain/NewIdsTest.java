package org.linli.platform.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NewIdsTest {

    @Test
    void aKeyedRequestGetsTheSameIdsAgainOnARetry() {
        String first;
        String second;
        try (NewIds.Scope run = NewIds.seeded("caller/path/key-1")) {
            first = NewIds.next();
            second = NewIds.next();
        }
        try (NewIds.Scope retry = NewIds.seeded("caller/path/key-1")) {
            assertThat(NewIds.next()).isEqualTo(first);
            assertThat(NewIds.next()).isEqualTo(second);
        }
        assertThat(second).isNotEqualTo(first);
    }

    @Test
    void anotherKeyGivesOtherIds() {
        String one;
        try (NewIds.Scope run = NewIds.seeded("caller/path/key-1")) {
            one = NewIds.next();
        }
        try (NewIds.Scope run = NewIds.seeded("caller/path/key-2")) {
            assertThat(NewIds.next()).isNotEqualTo(one);
        }
    }

    @Test
    void withoutAKeyIdsAreRandomAndNothingWasCreatedBefore() {
        assertThat(NewIds.next()).isNotEqualTo(NewIds.next());
        assertThat(NewIds.alreadyCreated(id -> Optional.of("found " + id))).isEmpty();
    }

    @Test
    void alreadyCreatedLooksUpTheRequestsFirstId() {
        String created;
        try (NewIds.Scope run = NewIds.seeded("caller/path/key-3")) {
            created = NewIds.next();
            NewIds.next();
        }
        Map<String, String> store = Map.of(created, "the issue");
        try (NewIds.Scope retry = NewIds.seeded("caller/path/key-3")) {
            assertThat(NewIds.alreadyCreated(id -> Optional.ofNullable(store.get(id)))).contains("the issue");
        }
    }
}
