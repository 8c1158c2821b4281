package org.linli.devstack.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** The bounded first-n keeps what a stable sort followed by a limit keeps, ties included. */
class FirstInOrderTest {

    private record Item(int key, int arrival) {
    }

    private static final Comparator<Item> BY_KEY = Comparator.comparingInt(Item::key);

    @Property
    void keepsTheSameElementsAsAStableSortCutToTheLimit(
            @ForAll @Size(max = 60) List<@IntRange(min = 0, max = 5) Integer> keys,
            @ForAll @IntRange(min = 0, max = 70) int n) {
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            items.add(new Item(keys.get(i), i));
        }
        List<Item> kept = FirstInOrder.of(items.stream(), BY_KEY, n);

        assertThat(kept.stream().sorted(BY_KEY).toList()).isEqualTo(items.stream().sorted(BY_KEY).limit(n).toList());
        assertThat(kept).isSortedAccordingTo(Comparator.comparingInt(Item::arrival));
    }
}
