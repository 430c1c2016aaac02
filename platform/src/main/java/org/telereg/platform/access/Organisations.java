package org.telereg.platform.access;

import java.util.List;
import java.util.Optional;
import org.springframework.data.repository.ListCrudRepository;

interface Organisations extends ListCrudRepository<Organisation, Long> {

    Optional<Organisation> findByCode(String code);

    List<Organisation> findAllByOrderByTypeAscProvinceCodeAscCodeAsc();
}
