package org.eclipsesol.desk.sla.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.eclipsesol.desk.sla.engine.EngineFixtures.denver;
import static org.eclipsesol.desk.sla.engine.EngineFixtures.denverText;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class TwentyFourSevenClockTest {

    private final ServiceClock clock = TwentyFourSevenClock.INSTANCE;

    @Test
    void criticalResolutionAcrossTheNovemberSwitchIsFourRealHours() {
        Instant opened = denver("2026-11-01T01:30-06:00"); // first 01:30, still MDT
        Instant due = clock.addClockTime(opened, Duration.ofHours(4));
        assertThat(due).isEqualTo(Instant.parse("2026-11-01T11:30:00Z"));
        assertThat(denverText(due)).isEqualTo("2026-11-01T04:30-07:00"); // 3 wall-clock hours later, in MST
        assertThat(clock.clockTimeBetween(opened, due)).isEqualTo(Duration.ofHours(4));
    }

    @Test
    void criticalAcrossTheMarchSwitch() {
        Instant opened = denver("2026-03-08T01:30");
        assertThat(denverText(clock.addClockTime(opened, Duration.ofHours(1)))).isEqualTo("2026-03-08T03:30-06:00");
    }

    @Test
    void everyInstantCounts() {
        Instant from = Instant.parse("2026-06-13T10:00:00Z");
        Instant to = from.plusSeconds(90);
        assertThat(clock.isCounting(from)).isTrue();
        assertThat(clock.spans(from, to)).containsExactly(new ClockSpan(from, to, true));
        assertThat(clock.spans(to, from)).isEmpty();
        assertThat(clock.clockTimeBetween(to, from)).isZero();
        assertThat(clock.addClockTime(from, Duration.ZERO)).isEqualTo(from);
        assertThat(clock.type()).isEqualTo(ClockType.TWENTY_FOUR_SEVEN);
        assertThatThrownBy(() -> clock.addClockTime(from, Duration.ofNanos(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
