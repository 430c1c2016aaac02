package org.telereg.platform.netsec;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.telereg.platform.filing.FiledSite;
import org.telereg.platform.filing.FiledSites;

/**
 * Matches the threat list against the filing register: a filed site whose domain (or a parent of the
 * indicator's host) or address is listed opens a task for its access provider, once per indicator and
 * filed service. Runs on every import for the indicators it stored, and daily over the whole list so
 * that sites filed or re-addressed later are found too. App hashes have nothing to match in the
 * register.
 */
@Service
public class ThreatMatching {

    private final JdbcClient jdbc;
    private final FiledSites sites;
    private final ThreatTasks tasks;

    ThreatMatching(JdbcClient jdbc, FiledSites sites, ThreatTasks tasks) {
        this.jdbc = jdbc;
        this.sites = sites;
        this.tasks = tasks;
    }

    /** The filed sites an indicator matches, whatever their tasks. */
    @Transactional(readOnly = true)
    public List<FiledSite> sitesOf(ThreatIndicator indicator) {
        return switch (indicator.kind()) {
            case DOMAIN -> sites.coveringHost(indicator.indicator());
            case IP -> sites.atAddress(indicator.indicator());
            case CIDR ->
                sites.inBlock(ThreatRules.network(indicator.indicator()), ThreatRules.prefix(indicator.indicator()));
            case URL -> {
                String host = ThreatRules.host(indicator.indicator());
                List<FiledSite> at = sites.atAddress(host);
                yield at.isEmpty() ? sites.coveringHost(host) : at;
            }
            case APP_HASH -> List.of();
        };
    }

    /** Opens the tasks of active indicators in the caller's transaction; returns how many opened. */
    @Transactional(propagation = Propagation.MANDATORY)
    int match(List<ThreatIndicator> indicators) {
        int opened = 0;
        for (ThreatIndicator indicator : indicators) {
            if (!indicator.active()) {
                continue;
            }
            for (FiledSite site : sitesOf(indicator)) {
                if (tasks.open(indicator, site)) {
                    opened++;
                }
            }
        }
        return opened;
    }

    /**
     * Matches every active indicator again; a task already opened for an indicator and a site is not
     * opened twice. Transactional so its tasks, notices and audit records commit together.
     *
     * @return how many tasks it opened
     */
    @Scheduled(cron = "${telereg.netsec.threats.match-cron:0 30 3 * * *}", zone = "Asia/Shanghai")
    @Transactional
    public int matchAll() {
        List<ThreatIndicator> active = jdbc.sql(
                        "select * from netsec_threat_indicator where status = 'ACTIVE' and kind <> 'APP_HASH' order by id")
                .query(ThreatIndicators::indicator)
                .list();
        return match(active);
    }
}
