package org.telereg.platform.universal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The first six digits of a village code name a county of the reference divisions. */
class VillageCountyTests {

    @Test
    void aCountyOrACityWithoutCountiesIsAVillagesCounty() {
        assertThat(PilotVillages.county("540121"))
                .hasValueSatisfying(d -> assertThat(d.name()).isEqualTo("林周县"));
        assertThat(PilotVillages.county("441900"))
                .hasValueSatisfying(d -> assertThat(d.name()).isEqualTo("东莞市"));
    }

    @Test
    void aProvinceACityWithCountiesOrAnUnknownCodeIsNot() {
        assertThat(PilotVillages.county("540000")).isEmpty();
        assertThat(PilotVillages.county("540100")).isEmpty();
        assertThat(PilotVillages.county("999999")).isEmpty();
    }
}
