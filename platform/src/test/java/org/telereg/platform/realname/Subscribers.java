package org.telereg.platform.realname;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.telereg.engine.identity.IdNumbers;
import org.telereg.platform.SignIn;
import org.telereg.platform.access.AccessManagement;
import org.telereg.platform.access.NewUser;
import org.telereg.platform.access.Role;

/** Fresh numbers, ID numbers and snapshot files for the real-name tests, never clashing with the demo data. */
final class Subscribers {

    static final String HEADER = "phone_number,document_type,document_number,name,activated_on,status,sales_outlet\n";

    /** The demo's second operator account, made on first use: the demo data has only the CMCC one. */
    static final String CUCC_USER = "cucc-realname";

    // 198 (CMCC) and 166 (CUCC) blocks are not used by the demo snapshots.
    private static final AtomicInteger NUMBERS = new AtomicInteger(1000);
    private static final AtomicInteger SEQUENCES = new AtomicInteger(100);

    private Subscribers() {}

    static String cmccNumber() {
        return "198" + String.format("%08d", NUMBERS.incrementAndGet());
    }

    static String cuccNumber() {
        return "166" + String.format("%08d", NUMBERS.incrementAndGet());
    }

    /** A valid resident ID number of 北京市朝阳区 (110105), unique in this test run. */
    static String residentId() {
        int n = SEQUENCES.incrementAndGet();
        return withCheck("110105" + (1960 + n / 1000 % 40) + "0612" + String.format("%03d", n % 1000));
    }

    static String withCheck(String first17) {
        return first17 + IdNumbers.checkCharacter(first17);
    }

    static String batchId() {
        return UUID.randomUUID().toString();
    }

    static byte[] csv(String... lines) {
        return (HEADER + String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    static String line(String number, String type, String document, String name, String activated, String status) {
        return String.join(",", number, type, document, name, activated, status, "朝阳营业厅");
    }

    static String resident(String number, String id, String name) {
        return line(number, "RESIDENT_ID", id, name, "2024-03-01", "NORMAL");
    }

    /**
     * Registers a person with {@code cmcc} numbers at CMCC (plus one cancelled there) and {@code cucc}
     * at CUCC, through the operators' own imports; returns the held numbers, CMCC's first.
     */
    static List<String> register(
            SnapshotImport imports,
            AccessManagement access,
            UserDetailsService users,
            String id,
            String name,
            int cmcc,
            int cucc) {
        ensureCuccUser(access, users);
        List<String> held = new ArrayList<>();
        List<String> cmccLines = new ArrayList<>();
        for (int i = 0; i < cmcc; i++) {
            held.add(cmccNumber());
            cmccLines.add(resident(held.get(held.size() - 1), id, name));
        }
        cmccLines.add(line(cmccNumber(), "RESIDENT_ID", id, name, "2020-01-01", "CANCELLED"));
        List<String> cuccLines = new ArrayList<>();
        for (int i = 0; i < cucc; i++) {
            held.add(cuccNumber());
            cuccLines.add(resident(held.get(held.size() - 1), id, name));
        }
        imported(imports.importCsv(
                SignIn.actor(users, "cmcc"), batchId(), "cmcc.csv", csv(cmccLines.toArray(String[]::new))));
        if (cucc > 0) {
            imported(imports.importCsv(
                    SignIn.actor(users, CUCC_USER), batchId(), "cucc.csv", csv(cuccLines.toArray(String[]::new))));
        }
        return held;
    }

    private static void imported(SnapshotResult result) {
        if (result.status() != SnapshotResult.Status.IMPORTED) {
            throw new IllegalStateException("test snapshot not imported: " + result);
        }
    }

    static synchronized void ensureCuccUser(AccessManagement access, UserDetailsService users) {
        try {
            users.loadUserByUsername(CUCC_USER);
        } catch (UsernameNotFoundException e) {
            access.createUser(new NewUser(CUCC_USER, "TeleReg@2026", "联通实名接口员", "OP-CUCC", Role.OPERATOR));
        }
    }
}
