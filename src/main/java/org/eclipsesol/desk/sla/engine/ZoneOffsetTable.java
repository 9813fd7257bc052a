package org.eclipsesol.desk.sla.engine;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The UTC offsets of one zone as flat arrays, so that the business-hours arithmetic can convert between local and
 * real epoch seconds with a binary search instead of allocating {@code ZonedDateTime}s.
 * <p>
 * Covers 1900-2200; outside that range it falls back to {@link ZoneRules} (correct, just slower).
 */
final class ZoneOffsetTable {

    private static final ConcurrentMap<ZoneId, ZoneOffsetTable> CACHE = new ConcurrentHashMap<>();

    private static final long COVERAGE_FROM = LocalDateTime.of(1900, 1, 1, 0, 0).toEpochSecond(ZoneOffset.UTC);
    private static final long COVERAGE_TO = LocalDateTime.of(2200, 1, 1, 0, 0).toEpochSecond(ZoneOffset.UTC);
    /** Local times this close to the coverage edges may resolve to instants outside it (offsets are at most 18h). */
    private static final long MARGIN = 2 * 86_400L;
    static final long LOCAL_FROM = COVERAGE_FROM + MARGIN;
    static final long LOCAL_TO = COVERAGE_TO - MARGIN;

    private final ZoneRules rules;
    private final int initialOffset;
    /** Epoch seconds of each transition. */
    private final long[] transitionInstants;
    /**
     * Local epoch seconds from which the offset after each transition applies when resolving a local time: the end of
     * the gap, or the end of the overlap (ambiguous local times take the earlier offset, gap times shift forward, as
     * {@code ZonedDateTime.of} does).
     */
    private final long[] localThresholds;
    private final int[] offsetsAfter;

    private ZoneOffsetTable(ZoneRules rules) {
        this.rules = rules;
        this.initialOffset = rules.getOffset(Instant.ofEpochSecond(COVERAGE_FROM)).getTotalSeconds();
        long[] instants = new long[64];
        long[] thresholds = new long[64];
        int[] after = new int[64];
        int count = 0;
        ZoneOffsetTransition transition = rules.nextTransition(Instant.ofEpochSecond(COVERAGE_FROM));
        while (transition != null && transition.toEpochSecond() <= COVERAGE_TO) {
            if (count == instants.length) {
                instants = Arrays.copyOf(instants, count * 2);
                thresholds = Arrays.copyOf(thresholds, count * 2);
                after = Arrays.copyOf(after, count * 2);
            }
            int before = transition.getOffsetBefore().getTotalSeconds();
            int afterOffset = transition.getOffsetAfter().getTotalSeconds();
            instants[count] = transition.toEpochSecond();
            thresholds[count] = transition.toEpochSecond() + Math.max(before, afterOffset);
            after[count] = afterOffset;
            count++;
            transition = rules.nextTransition(transition.getInstant());
        }
        this.transitionInstants = Arrays.copyOf(instants, count);
        this.localThresholds = Arrays.copyOf(thresholds, count);
        this.offsetsAfter = Arrays.copyOf(after, count);
    }

    static ZoneOffsetTable of(ZoneId zone) {
        return CACHE.computeIfAbsent(zone, z -> new ZoneOffsetTable(z.getRules()));
    }

    /** Offset in seconds in force at a real instant. */
    int offsetAtInstant(long epochSecond) {
        if (epochSecond < COVERAGE_FROM || epochSecond > COVERAGE_TO) {
            return rules.getOffset(Instant.ofEpochSecond(epochSecond)).getTotalSeconds();
        }
        int index = countAtOrBelow(transitionInstants, epochSecond);
        return index == 0 ? initialOffset : offsetsAfter[index - 1];
    }

    /**
     * Index of the region of local time containing {@code localEpochSecond}, in which a single offset resolves every
     * local time; -1 outside the covered range.
     */
    int localRegion(long localEpochSecond) {
        if (localEpochSecond < LOCAL_FROM || localEpochSecond >= LOCAL_TO) {
            return -1;
        }
        return countAtOrBelow(localThresholds, localEpochSecond);
    }

    int regionOffset(int region) {
        return region == 0 ? initialOffset : offsetsAfter[region - 1];
    }

    long regionStart(int region) {
        return region == 0 ? LOCAL_FROM : localThresholds[region - 1];
    }

    long regionEnd(int region) {
        return region == localThresholds.length ? LOCAL_TO : localThresholds[region];
    }

    /** Offset that resolves a local time outside the covered range, with {@code ZonedDateTime.of} rules. */
    int offsetForLocalSlow(long localEpochSecond) {
        LocalDateTime local = LocalDateTime.ofEpochSecond(localEpochSecond, 0, ZoneOffset.UTC);
        List<ZoneOffset> valid = rules.getValidOffsets(local);
        if (!valid.isEmpty()) {
            return valid.get(0).getTotalSeconds();
        }
        return rules.getTransition(local).getOffsetBefore().getTotalSeconds();
    }

    private static int countAtOrBelow(long[] sorted, long value) {
        int low = 0;
        int high = sorted.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (sorted[mid] <= value) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }
}
