package org.telereg.platform.filing;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.telereg.engine.filing.IpAddresses;

/**
 * Writes the addresses of filed services and of applications' proposed services with the hex form that block
 * searches use ({@link IpFilings#hex}); every writer of {@code filing_service_ip} and {@code filing_application_ip}
 * goes through here or copies both columns.
 */
final class ServiceAddresses {

    private ServiceAddresses() {}

    /** Files {@code address} (canonical text, as {@link IpAddresses#normalise} gives) for a service. */
    static void addToService(JdbcClient jdbc, long serviceId, String address) {
        jdbc.sql("insert into filing_service_ip (service_id, address, address_hex) values (:id, :address, :hex)")
                .param("id", serviceId)
                .param("address", address)
                .param("hex", hexOf(address))
                .update();
    }

    /** Proposes {@code address} for an application's service. */
    static void addToApplication(JdbcClient jdbc, long applicationServiceId, String address) {
        jdbc.sql("insert into filing_application_ip (application_service_id, address, address_hex)"
                        + " values (:id, :address, :hex)")
                .param("id", applicationServiceId)
                .param("address", address)
                .param("hex", hexOf(address))
                .update();
    }

    /** The hex form of an address's text, or null when the text is not an IP address. */
    static String hexOf(String address) {
        byte[] bytes = IpAddresses.parseOrNull(address);
        return bytes == null ? null : IpFilings.hex(bytes);
    }
}
