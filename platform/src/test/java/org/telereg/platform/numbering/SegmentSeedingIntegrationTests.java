package org.telereg.platform.numbering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.telereg.platform.SignIn.as;

import java.time.Clock;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.telereg.engine.numbering.Carrier;
import org.telereg.platform.PlatformIntegrationTest;
import org.telereg.platform.SignIn;
import org.telereg.platform.access.Actor;

/** The demo seeds the segments at start-up; these tests look at what that left and run it again. */
@PlatformIntegrationTest
class SegmentSeedingIntegrationTests {

    @Autowired
    Clock clock;

    @Autowired
    SegmentSeeding seeding;

    @Autowired
    NumberResources resources;

    @Autowired
    UserDetailsService users;

    @Autowired
    MockMvc mvc;

    @AfterEach
    void signOut() {
        SignIn.signOut();
    }

    private String holderOf(String number) {
        return resources
                .holderOf(number, LocalDate.now(clock))
                .map(AllocationView::holderName)
                .orElse("none");
    }

    @Test
    void realPrefixesGoToTheOperatorThatHoldsThemInTheReferenceData() {
        assertThat(holderOf("13800138000")).isEqualTo("中国移动通信集团有限公司");
        assertThat(holderOf("18600000000")).isEqualTo("中国联合网络通信集团有限公司");
        assertThat(holderOf("13300000000")).isEqualTo("中国电信集团有限公司");
        assertThat(holderOf("19200000000")).isEqualTo("中国广电网络股份有限公司");
        assertThat(resources.holderOf("13800138000", LocalDate.now(clock))).hasValueSatisfying(block -> {
            assertThat(block.prefix()).as("merged up to the whole 138 network").isEqualTo("138");
            assertThat(block.kind()).isEqualTo(AllocationKind.MOBILE_SEGMENT);
            assertThat(block.documentNumber()).isEqualTo(SegmentSeeding.SOURCE);
        });
    }

    @Test
    void mergesTheMillionPrefixesIntoAFewBlocksEachHeldWhole() {
        var blocks = SegmentSeeding.referenceBlocks();
        assertThat(blocks).hasSizeBetween(40, 500);
        assertThat(blocks)
                .extracting(SegmentSeeding.ReferenceBlock::carrier)
                .containsOnly(
                        Carrier.CHINA_MOBILE, Carrier.CHINA_UNICOM, Carrier.CHINA_TELECOM, Carrier.CHINA_BROADNET);
        assertThat(blocks)
                .as("no block lies inside another")
                .allSatisfy(block -> assertThat(blocks)
                        .filteredOn(other -> other != block && other.prefix().startsWith(block.prefix()))
                        .isEmpty());
        assertThat(blocks).contains(new SegmentSeeding.ReferenceBlock("138", Carrier.CHINA_MOBILE));
    }

    @Test
    void runningItAgainAddsNothingAndOnlyTheMinistryMayRunIt() throws Exception {
        SegmentSeeding.SeedResult again = seeding.seed(SignIn.actor(users, "admin"));
        assertThat(again.created()).isZero();
        assertThat(again.alreadyHeld() + again.overlapping()).isEqualTo(again.blocks());
        assertThat(again.missingHolders()).isEmpty();

        Actor operator = SignIn.actor(users, "cmcc");
        assertThatThrownBy(() -> seeding.seed(operator)).isInstanceOf(AccessDeniedException.class);
        mvc.perform(post("/console/numbering/seed").with(as(users, "gd")).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/console/numbering/seed").with(as(users, "officer")).with(csrf()))
                .andExpect(status().is3xxRedirection());
    }
}
