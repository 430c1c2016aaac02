package org.telereg.streaming;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ImeiUsesSeenTests {

    @Test
    void knowsEachUseAgainAsItGrowsAndForgetsAllWhenCleared() {
        ImeiUsesSeen seen = new ImeiUsesSeen();
        for (int i = 1; i <= 10_000; i++) {
            assertThat(seen.add(18_322 + i % 3, 86_000_000L + i % 97, 13_800_000_000L + i))
                    .isTrue();
        }
        assertThat(seen.size()).isEqualTo(10_000);
        for (int i = 1; i <= 10_000; i++) {
            assertThat(seen.add(18_322 + i % 3, 86_000_000L + i % 97, 13_800_000_000L + i))
                    .isFalse();
        }
        // Another day, IMEI or subscriber is another use.
        assertThat(seen.add(18_321, 86_000_001L, 13_800_000_001L)).isTrue();
        assertThat(seen.add(18_323, 86_000_002L, 13_800_000_001L)).isTrue();

        seen.clear();
        assertThat(seen.size()).isZero();
        assertThat(seen.add(18_323, 86_000_001L, 13_800_000_001L)).isTrue();
    }

    @Test
    void takesATokensUseAsNewEveryTime() {
        ImeiUsesSeen seen = new ImeiUsesSeen();
        assertThat(seen.add(18_322, 0, 13_800_000_001L)).isTrue();
        assertThat(seen.add(18_322, 0, 13_800_000_001L)).isTrue();
        assertThat(seen.add(18_322, 86_000_001L, 0)).isTrue();
        assertThat(seen.add(18_322, 86_000_001L, 0)).isTrue();
        assertThat(seen.size()).isZero();
    }

    @Test
    void startsOverRatherThanGrowPastItsLimit() {
        ImeiUsesSeen seen = new ImeiUsesSeen();
        for (int i = 0; i < ImeiUsesSeen.MAX_USES; i++) {
            seen.add(18_322, 86_000_000L + i, 13_800_000_001L);
        }
        assertThat(seen.size()).isEqualTo(ImeiUsesSeen.MAX_USES);
        assertThat(seen.add(18_322, 1L, 13_800_000_001L)).isTrue();
        assertThat(seen.size()).isEqualTo(1);
        assertThat(seen.add(18_322, 86_000_000L, 13_800_000_001L)).isTrue();
    }
}
