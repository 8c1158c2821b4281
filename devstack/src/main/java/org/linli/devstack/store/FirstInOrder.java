package org.linli.devstack.store;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.stream.Stream;

/**
 * The first {@code n} elements of a stream in an order, holding no more than {@code n} at a time: what
 * {@code stream.sorted(order).limit(n)} returns, without keeping the whole stream to sort it.
 */
final class FirstInOrder {

    private FirstInOrder() {
    }

    /**
     * The first {@code n} elements of {@code elements} by {@code order}, ties kept in the stream's order (as a stable
     * sort keeps them), returned in the stream's order.
     */
    static <T> List<T> of(Stream<T> elements, Comparator<? super T> order, int n) {
        Comparator<Ranked<T>> byOrderThenArrival = Comparator.<Ranked<T>, T>comparing(Ranked::element, order)
                .thenComparingLong(Ranked::arrival);
        PriorityQueue<Ranked<T>> kept = new PriorityQueue<>(byOrderThenArrival.reversed()); // the last kept on top
        long[] arrivals = {0};
        elements.forEachOrdered(element -> {
            Ranked<T> ranked = new Ranked<>(element, arrivals[0]++);
            if (kept.size() < n) {
                kept.add(ranked);
            } else if (n > 0 && byOrderThenArrival.compare(ranked, kept.peek()) < 0) {
                kept.poll();
                kept.add(ranked);
            }
        });
        List<Ranked<T>> inArrival = new ArrayList<>(kept);
        inArrival.sort(Comparator.comparingLong(Ranked::arrival));
        return inArrival.stream().map(Ranked::element).toList();
    }

    private record Ranked<T>(T element, long arrival) {
    }
}
