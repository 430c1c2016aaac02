package org.telereg.engine.fraud;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DecimalsTests {

    @Test
    void writesAFloatAsItsShortestPlainDecimal() {
        assertThat(Decimals.shortest(3f)).isEqualTo("3");
        assertThat(Decimals.shortest(0.25f)).isEqualTo("0.25");
        assertThat(Decimals.shortest(17.5f)).isEqualTo("17.5");
        assertThat(Decimals.shortest(-0.5f)).isEqualTo("-0.5");
        assertThat(Decimals.shortest(0.0417f)).isEqualTo("0.0417");
        assertThat(Decimals.shortest(2.5e-4f)).isEqualTo("0.00025");
        assertThat(Decimals.shortest(4_000_000.5f)).isEqualTo("4000000.5");
        assertThat(Decimals.shortest(Float.NaN)).isEmpty();
    }

    @Test
    void readsBackAsTheSameFloatAndAgreesWithTheDecimalOfItsString() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 100_000; i++) {
            float value = (float) (random.nextDouble() * Math.pow(10, random.nextInt(-6, 9)));
            String text = Decimals.shortest(value);
            assertThat(text).doesNotContain("E");
            assertThat(Float.parseFloat(text)).isEqualTo(value);
            if (value != (long) value) {
                assertThat(text).isEqualTo(new BigDecimal(Float.toString(value)).toPlainString());
            }
        }
    }

    @Test
    void roundsHalfUpToThreePlacesAsTheDecimalOfItsString() {
        assertThat(Decimals.rounded(0.93, 3)).isEqualTo("0.93");
        assertThat(Decimals.rounded(312, 3)).isEqualTo("312");
        assertThat(Decimals.rounded(0.041666, 3)).isEqualTo("0.042");
        assertThat(Decimals.rounded(1.0005, 3)).isEqualTo("1.001");
        assertThat(Decimals.rounded(9.9996, 3)).isEqualTo("10");
        assertThat(Decimals.rounded(-9.9996, 3)).isEqualTo("-10");
        assertThat(Decimals.rounded(0.9995, 3)).isEqualTo("1");
        assertThat(Decimals.rounded(-0.0004, 3)).isEqualTo("0");
        assertThat(Decimals.rounded(1.2e-5, 3)).isEqualTo("0");
        assertThat(Decimals.rounded(0.0006, 3)).isEqualTo("0.001");
        assertThat(Decimals.rounded(1.5e20, 3)).isEqualTo("150000000000000000000");
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < 200_000; i++) {
            double value = (random.nextBoolean() ? 1 : -1) * random.nextDouble() * Math.pow(10, random.nextInt(-5, 17));
            if (i % 4 == 0) {
                value = Math.round(value * 10_000) / 10_000.0; // decimals that end on a 5 at the fourth place
            }
            BigDecimal exact = BigDecimal.valueOf(value)
                    .setScale(3, java.math.RoundingMode.HALF_UP)
                    .stripTrailingZeros();
            String expected = exact.signum() == 0
                    ? "0"
                    : exact.scale() < 0 ? exact.setScale(0).toPlainString() : exact.toPlainString();
            assertThat(Decimals.rounded(value, 3)).as("%s", value).isEqualTo(expected);
        }
    }
}
