package org.telereg.platform.access;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

@Table("access_organisation")
record Organisation(
        @Id Long id,
        String code,
        String name,
        OrganisationType type,
        String provinceCode,
        String creditCode,
        Long parentId,
        Instant createdAt) {}
