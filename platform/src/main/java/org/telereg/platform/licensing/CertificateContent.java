package org.telereg.platform.licensing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What the printed licence certificate shows, already resolved to the wording on the paper.
 *
 * @param licenceNumber for example {@code B2-20260001}, {@code 粤B2-20260003} or {@code A2.B1.B2-20260002}
 * @param address the registered address; {@code null} prints as a dash
 * @param registeredCapital in yuan
 * @param issuerName for example 中华人民共和国工业和信息化部 or 广东省通信管理局
 * @param verificationUrl where the public can check the licence, printed at the foot unless {@code null}
 */
record CertificateContent(
        String licenceNumber,
        String companyName,
        String creditCode,
        String legalRepresentative,
        String address,
        BigDecimal registeredCapital,
        List<Line> lines,
        String issuerName,
        LocalDate issuedOn,
        LocalDate validUntil,
        String verificationUrl) {

    CertificateContent {
        lines = List.copyOf(lines);
    }

    /**
     * One licensed business.
     *
     * @param scope a restriction such as 仅限互联网信息服务, or {@code null}
     * @param coverage for example 全国 or 广东省、北京市
     */
    record Line(String code, String nameZh, String scope, String coverage) {}
}
