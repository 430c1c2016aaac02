package org.telereg.platform.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.telereg.platform.SignIn.as;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.telereg.platform.PlatformIntegrationTest;

@PlatformIntegrationTest
class UserAdministrationIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    AccessManagement access;

    @Autowired
    UserDetailsService users;

    @Test
    void administratorCreatesAUserWhoCanSignIn() throws Exception {
        mvc.perform(post("/console/access/users")
                        .param("username", "zj.officer")
                        .param("displayName", "浙江省管局新同事")
                        .param("password", "Zhejiang2026")
                        .param("organisationCode", "CA-33")
                        .param("role", "PROVINCIAL_OFFICER")
                        .with(as(users, "admin"))
                        .with(csrf()))
                .andExpect(redirectedUrl("/console/access/users"));

        mvc.perform(formLogin("/login").user("zj.officer").password("Zhejiang2026"))
                .andExpect(redirectedUrl("/console"));
        assertThat(((SignedInUser) users.loadUserByUsername("zj.officer"))
                        .actor()
                        .scope())
                .isEqualTo(DataScope.province("33"));
    }

    @Test
    void newUserFormNamesEveryProblemAndNeverEchoesThePassword() throws Exception {
        mvc.perform(post("/console/access/users")
                        .param("username", "a b")
                        .param("displayName", "")
                        .param("password", "short1")
                        .param("organisationCode", "NOPE")
                        .with(as(users, "admin"))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("用户名须为 3 至 64 个字母")))
                .andExpect(content().string(Matchers.containsString("密码至少 10 位")))
                .andExpect(content().string(Matchers.containsString("请选择所属机构")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("short1"))));
    }

    @Test
    void disabledUserCannotSignInUntilEnabledAgain() throws Exception {
        UserView user =
                access.createUser(new NewUser("disable.me", "Disable2026x", "停用测试", "CA-11", Role.PROVINCIAL_OFFICER));

        mvc.perform(post("/console/access/users/{id}/disable", user.id())
                        .with(as(users, "admin"))
                        .with(csrf()))
                .andExpect(redirectedUrl("/console/access/users"));
        mvc.perform(formLogin("/login").user("disable.me").password("Disable2026x"))
                .andExpect(redirectedUrl("/login?disabled"));

        mvc.perform(post("/console/access/users/{id}/enable", user.id())
                .with(as(users, "admin"))
                .with(csrf()));
        mvc.perform(formLogin("/login").user("disable.me").password("Disable2026x"))
                .andExpect(redirectedUrl("/console"));
    }

    @Test
    void administratorUnlocksALockedAccount() throws Exception {
        access.createUser(new NewUser("unlock.me", "Unlock2026x", "解锁测试", "CA-11", Role.PROVINCIAL_OFFICER));
        for (int i = 0; i < 5; i++) {
            mvc.perform(formLogin("/login").user("unlock.me").password("wrong"));
        }
        mvc.perform(formLogin("/login").user("unlock.me").password("Unlock2026x"))
                .andExpect(redirectedUrl("/login?locked"));
        long id = access.users().stream()
                .filter(u -> u.username().equals("unlock.me"))
                .findFirst()
                .orElseThrow()
                .id();

        mvc.perform(post("/console/access/users/{id}/unlock", id)
                .with(as(users, "admin"))
                .with(csrf()));

        mvc.perform(formLogin("/login").user("unlock.me").password("Unlock2026x"))
                .andExpect(redirectedUrl("/console"));
    }

    @Test
    void onlyTheMinistryAdministratorManagesUsers() throws Exception {
        mvc.perform(post("/console/access/users")
                        .param("username", "sneaky")
                        .with(as(users, "auditor"))
                        .with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/console/access/users/1/disable")
                        .with(as(users, "gd"))
                        .with(csrf()))
                .andExpect(status().isForbidden());
    }
}
