package org.telereg.platform.interconnect;

import java.util.Map;
import org.telereg.platform.access.Actor;
import org.telereg.platform.access.DataScope;
import org.telereg.platform.access.Role;

/**
 * Who sees what: the ministry every point and link, a provincial administration the points in its
 * province and their links, an operator the links it is party to and the points they are at.
 */
final class Scopes {

    private Scopes() {}

    /** The condition on a point aliased {@code p}. */
    static String points(DataScope scope, Map<String, Object> params) {
        return switch (scope.kind()) {
            case ALL -> "1 = 1";
            case PROVINCE -> {
                params.put("scopeProvince", scope.provinceCode());
                yield "p.province_code = :scopeProvince";
            }
            case ENTERPRISE -> {
                params.put("scopeEnterprise", scope.creditCode());
                yield "exists (select 1 from interconnect_link s where s.point_id = p.id"
                        + " and (s.operator_a = :scopeEnterprise or s.operator_b = :scopeEnterprise))";
            }
            case NONE -> "1 = 0";
        };
    }

    /** The condition on a link aliased {@code l} at a point aliased {@code p}. */
    static String links(DataScope scope, Map<String, Object> params) {
        return switch (scope.kind()) {
            case ALL -> "1 = 1";
            case PROVINCE -> {
                params.put("scopeProvince", scope.provinceCode());
                yield "p.province_code = :scopeProvince";
            }
            case ENTERPRISE -> {
                params.put("scopeEnterprise", scope.creditCode());
                yield "(l.operator_a = :scopeEnterprise or l.operator_b = :scopeEnterprise)";
            }
            case NONE -> "1 = 0";
        };
    }

    /** Whether the scope covers a link. */
    static boolean covers(DataScope scope, LinkView link) {
        return switch (scope.kind()) {
            case ALL -> true;
            case PROVINCE -> scope.provinceCode().equals(link.provinceCode());
            case ENTERPRISE -> link.hasParty(scope.creditCode());
            case NONE -> false;
        };
    }

    static boolean isMinistryStaff(Actor actor) {
        return (actor.role() == Role.MINISTRY_ADMIN || actor.role() == Role.MINISTRY_OFFICER)
                && actor.scope().kind() == DataScope.Kind.ALL;
    }
}
