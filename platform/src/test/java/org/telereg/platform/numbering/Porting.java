package org.telereg.platform.numbering;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.telereg.engine.identity.IdNumbers;
import org.telereg.platform.SignIn;
import org.telereg.platform.access.AccessManagement;
import org.telereg.platform.access.Actor;
import org.telereg.platform.access.NewUser;
import org.telereg.platform.access.Role;
import org.telereg.platform.realname.SnapshotImport;
import org.telereg.platform.realname.SnapshotResult;

/**
 * Fresh subscribers for the portability tests: numbers of segments 1985xxx (CMCC) and 1665xxx (CUCC),
 * which neither the demo data nor the real-name tests use, registered through the operators' own
 * real-name import.
 */
final class Porting {

    static final String CUCC_USER = "cucc-porting";
    static final String CTCC_USER = "ctcc-porting";

    private static final AtomicInteger NUMBERS = new AtomicInteger();
    private static final AtomicInteger PEOPLE = new AtomicInteger(500);

    /** A registered subscriber: the number and the name and ID it is registered under. */
    record Subscriber(String number, String name, String idNumber) {}

    private final NumberResources resources;
    private final SnapshotImport imports;
    private final AccessManagement access;
    private final UserDetailsService users;

    Porting(NumberResources resources, SnapshotImport imports, AccessManagement access, UserDetailsService users) {
        this.resources = resources;
        this.imports = imports;
        this.access = access;
        this.users = users;
        ensureUser(CUCC_USER, "OP-CUCC");
        ensureUser(CTCC_USER, "OP-CTCC");
    }

    static String residentId() {
        int n = PEOPLE.incrementAndGet();
        String first17 = "110105" + (1960 + n / 1000 % 40) + "0715" + String.format("%03d", n % 1000);
        return first17 + IdNumbers.checkCharacter(first17);
    }

    /** A number of a CMCC block (1985…), registered at CMCC with a normal status. */
    Subscriber cmcc(LocalDate activatedOn) {
        return registered("cmcc", "OP-CMCC", "1985", activatedOn, "NORMAL");
    }

    /** A number of a CMCC block registered with the given status and activation date. */
    Subscriber cmcc(LocalDate activatedOn, String status) {
        return registered("cmcc", "OP-CMCC", "1985", activatedOn, status);
    }

    /** A number of a CUCC block (1665…) registered at CUCC. */
    Subscriber cucc(LocalDate activatedOn) {
        return registered(CUCC_USER, "OP-CUCC", "1665", activatedOn, "NORMAL");
    }

    /** A fresh number of a CMCC block that no snapshot registers. */
    String unregisteredCmcc() {
        String number = "1985" + String.format("%07d", NUMBERS.incrementAndGet());
        ensureBlock(number, "OP-CMCC");
        return number;
    }

    /** Registers a number again at another operator (after it ported there). */
    void register(String operatorUser, Subscriber subscriber, LocalDate activatedOn) {
        importLine(operatorUser, subscriber.number(), subscriber.idNumber(), subscriber.name(), activatedOn, "NORMAL");
    }

    Subscriber registered(String user, String organisation, String prefix, LocalDate activatedOn, String status) {
        String number = prefix + String.format("%07d", NUMBERS.incrementAndGet());
        ensureBlock(number, organisation);
        Subscriber subscriber = new Subscriber(number, "携转" + (char) ('甲' + NUMBERS.get() % 10), residentId());
        importLine(user, number, subscriber.idNumber(), subscriber.name(), activatedOn, status);
        return subscriber;
    }

    private void importLine(String user, String number, String id, String name, LocalDate activatedOn, String status) {
        String csv = "phone_number,document_type,document_number,name,activated_on,status,sales_outlet\n"
                + String.join(",", number, "RESIDENT_ID", id, name, activatedOn.toString(), status, "测试营业厅")
                + "\n";
        Actor operator = SignIn.actor(users, user);
        SnapshotResult result = imports.importCsv(
                operator, UUID.randomUUID().toString(), "porting.csv", csv.getBytes(StandardCharsets.UTF_8));
        SignIn.signOut();
        if (result.status() != SnapshotResult.Status.IMPORTED) {
            throw new IllegalStateException("test snapshot not imported: " + result);
        }
    }

    /** The 7-digit segment of the number, allocated to the operator unless an allocation holds it. */
    private synchronized void ensureBlock(String number, String organisation) {
        String creditCode = access.organisation(organisation).orElseThrow().creditCode();
        Optional<AllocationView> held = resources.holderOf(number, LocalDate.of(2020, 1, 1));
        if (held.isPresent()) {
            if (!held.get().holderCreditCode().equals(creditCode)) {
                throw new IllegalStateException(
                        number + " is held by " + held.get().holderName());
            }
            if (held.get().provinceCode() != null) {
                return;
            }
            // A national network block (the seeded reference segments): record the provincial block inside it.
        }
        resources.allocate(
                Actor.system(),
                new NewAllocation(
                        "MOBILE_SEGMENT", number.substring(0, 7), "44", creditCode, null, "2019-01-01", "测试号段"));
    }

    private void ensureUser(String username, String organisation) {
        try {
            users.loadUserByUsername(username);
        } catch (UsernameNotFoundException e) {
            synchronized (Porting.class) {
                try {
                    users.loadUserByUsername(username);
                } catch (UsernameNotFoundException again) {
                    access.createUser(new NewUser(username, "TeleReg@2026", "携转接口员", organisation, Role.OPERATOR));
                }
            }
        }
    }

    /** The credit code of an operator organisation. */
    String creditCode(String organisation) {
        return access.organisation(organisation).orElseThrow().creditCode();
    }
}
