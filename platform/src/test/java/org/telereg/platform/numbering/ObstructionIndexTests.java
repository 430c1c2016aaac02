package org.telereg.platform.numbering;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ObstructionIndexTests {

    @Test
    void anOperatorThatRefusesNothingAndPortsWithinTheHourScoresNearZero() {
        assertThat(ObstructionIndex.index(100, 0, 0, 0.5, 0)).isEqualTo(0.4);
    }

    @Test
    void delayAndAppealsAreCappedSoNoSinglePartOutweighsRefusals() {
        assertThat(ObstructionIndex.index(10, 10, 0, 500, 50)).isEqualTo(80.0);
        assertThat(ObstructionIndex.index(10, 0, 10, 500, 50)).isEqualTo(60.0);
        assertThat(ObstructionIndex.index(10, 0, 0, 24, 1)).isEqualTo(40.0);
    }

    @Test
    void appealsAloneShowForAnOperatorWithoutOrders() {
        // Counted as one order: 3 appeals per order = 300 per 100, capped at 10.
        assertThat(ObstructionIndex.index(0, 0, 0, 0, 3)).isEqualTo(20.0);
    }
}
