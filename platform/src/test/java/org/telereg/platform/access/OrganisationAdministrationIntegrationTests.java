package org.telereg.platform.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.telereg.platform.SignIn.as;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.telereg.platform.BatchCommand;
import org.telereg.platform.PlatformIntegrationTest;

@PlatformIntegrationTest
class OrganisationAdministrationIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    AccessManagement access;

    @Autowired
    UserDetailsService users;

    @Autowired
    @Qualifier("create-admin")
    BatchCommand createAdmin;

    @Test
    void migrationsBringTheMinistryAndAllThirtyOneAdministrations() {
        List<OrganisationView> administrations = access.organisations().stream()
                .filter(o -> o.type() == OrganisationType.ADMINISTRATION)
                .toList();
        assertThat(administrations).hasSize(31);
        assertThat(access.organisation("CA-52").orElseThrow().name()).isEqualTo("贵州省通信管理局");
        assertThat(access.organisation("MIIT").orElseThrow().type()).isEqualTo(OrganisationType.MINISTRY);
    }

    @Test
    void administratorRegistersAnAccessProvider() throws Exception {
        mvc.perform(post("/console/access/organisations")
                        .param("code", "AP-LINGNAN")
                        .param("name", "岭南数据中心有限公司")
                        .param("type", "ACCESS_PROVIDER")
                        .param("provinceCode", "44")
                        .param("creditCode", "91350100M000100Y43")
                        .with(as(users, "admin"))
                        .with(csrf()))
                .andExpect(redirectedUrl("/console/access/organisations"));

        OrganisationView created = access.organisation("AP-LINGNAN").orElseThrow();
        assertThat(created.type()).isEqualTo(OrganisationType.ACCESS_PROVIDER);
        assertThat(created.creditCode()).isEqualTo("91350100M000100Y43");
    }

    @Test
    void organisationFormNamesEveryProblem() throws Exception {
        mvc.perform(post("/console/access/organisations")
                        .param("code", "bad code")
                        .param("name", "")
                        .param("type", "MINISTRY")
                        .param("provinceCode", "火星")
                        .param("creditCode", "91350100M000100Y44")
                        .with(as(users, "admin"))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("机构代码须为")))
                .andExpect(content().string(Matchers.containsString("只能登记电信企业或接入服务商")))
                .andExpect(content().string(Matchers.containsString("未知的省份：火星")))
                .andExpect(content().string(Matchers.containsString("统一社会信用代码校验位错误")));
        assertThat(access.organisation("bad code")).isEmpty();
    }

    @Test
    void createAdminCommandMakesTheFirstAdministratorFromStandardInput() throws Exception {
        InputStream original = System.in;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            System.setIn(new ByteArrayInputStream("FirstAdmin2026\n".getBytes(StandardCharsets.UTF_8)));
            int exit = createAdmin.run(
                    List.of("first.admin", "首任管理员"), new PrintStream(out, true, StandardCharsets.UTF_8));
            assertThat(exit).isZero();
            System.setIn(new ByteArrayInputStream("weak\n".getBytes(StandardCharsets.UTF_8)));
            assertThat(createAdmin.run(
                            List.of("second.admin", "弱密码"), new PrintStream(out, true, StandardCharsets.UTF_8)))
                    .isEqualTo(2);
        } finally {
            System.setIn(original);
        }
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("first.admin").contains("password:");
        mvc.perform(formLogin("/login").user("first.admin").password("FirstAdmin2026"))
                .andExpect(redirectedUrl("/console"));
        assertThat(((SignedInUser) users.loadUserByUsername("first.admin"))
                        .actor()
                        .role())
                .isEqualTo(Role.MINISTRY_ADMIN);
    }
}
