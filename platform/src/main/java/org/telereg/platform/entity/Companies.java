package org.telereg.platform.entity;

import java.util.List;
import org.springframework.data.repository.ListCrudRepository;

interface Companies extends ListCrudRepository<Company, String> {

    List<Company> findAllByGroupCreditCodeOrderByName(String groupCreditCode);
}
