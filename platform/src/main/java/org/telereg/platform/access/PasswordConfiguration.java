package org.telereg.platform.access;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Password hashing, needed by the web server and by batch commands that create users. */
@Configuration(proxyBeanMethods = false)
class PasswordConfiguration {

    /** bcrypt, with the {@code {id}} prefix so the algorithm can change without a migration. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
