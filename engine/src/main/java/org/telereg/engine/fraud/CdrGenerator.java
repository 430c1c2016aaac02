package org.telereg.engine.fraud;

import static org.telereg.engine.fraud.Profile.Param.ACTIVE;
import static org.telereg.engine.fraud.Profile.Param.AWAY;
import static org.telereg.engine.fraud.Profile.Param.BURST_FACTOR;
import static org.telereg.engine.fraud.Profile.Param.BURST_START;
import static org.telereg.engine.fraud.Profile.Param.CALLBACK;
import static org.telereg.engine.fraud.Profile.Param.CONNECT;
import static org.telereg.engine.fraud.Profile.Param.CONTACTS;
import static org.telereg.engine.fraud.Profile.Param.DEVICES;
import static org.telereg.engine.fraud.Profile.Param.DURATION;
import static org.telereg.engine.fraud.Profile.Param.FIRST;
import static org.telereg.engine.fraud.Profile.Param.HOUR_FROM;
import static org.telereg.engine.fraud.Profile.Param.HOUR_TO;
import static org.telereg.engine.fraud.Profile.Param.IDCARDS;
import static org.telereg.engine.fraud.Profile.Param.IN_PER_DAY;
import static org.telereg.engine.fraud.Profile.Param.IN_STRANGERS;
import static org.telereg.engine.fraud.Profile.Param.NIGHT;
import static org.telereg.engine.fraud.Profile.Param.OUT_PER_DAY;
import static org.telereg.engine.fraud.Profile.Param.PLACES;
import static org.telereg.engine.fraud.Profile.Param.REDIAL;
import static org.telereg.engine.fraud.Profile.Param.SEQUENTIAL;
import static org.telereg.engine.fraud.Profile.Param.SESSION;
import static org.telereg.engine.fraud.Profile.Param.SHARED_DEVICE;
import static org.telereg.engine.fraud.Profile.Param.SHORT;
import static org.telereg.engine.fraud.Profile.Param.SMS_IN;
import static org.telereg.engine.fraud.Profile.Param.SMS_OUT;
import static org.telereg.engine.fraud.Profile.Param.STRANGERS;
import static org.telereg.engine.fraud.Profile.Param.WEEKEND;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Writes realistic call, SMS and users files in the contest schema, with the ground truth, from a seed: the same
 * {@link GeneratorSettings} always give the same bytes.
 *
 * <p>Each subscriber belongs to an {@link Archetype} and draws its own behaviour from the archetype's ranges.
 * Calls are written day by day in time order across all subscribers, as a switch would emit them; each
 * subscriber's file rows are its own view (outgoing calls it made, incoming calls it received). Memory holds one
 * day of records.
 */
public final class CdrGenerator {

    private static final String[][] PLACE_TABLE = {
        {"成都", "锦江区"},
        {"成都", "青羊区"},
        {"成都", "金牛区"},
        {"成都", "武侯区"},
        {"成都", "成华区"},
        {"成都", "龙泉驿区"},
        {"成都", "新都区"},
        {"成都", "温江区"},
        {"成都", "双流区"},
        {"成都", "郫都区"},
        {"绵阳", "涪城区"},
        {"绵阳", "游仙区"},
        {"绵阳", "江油市"},
        {"绵阳", "三台县"},
        {"德阳", "旌阳区"},
        {"德阳", "广汉市"},
        {"德阳", "什邡市"},
        {"南充", "顺庆区"},
        {"南充", "高坪区"},
        {"南充", "阆中市"},
        {"宜宾", "翠屏区"},
        {"宜宾", "南溪区"},
        {"宜宾", "叙州区"},
        {"泸州", "江阳区"},
        {"泸州", "龙马潭区"},
        {"泸州", "泸县"},
        {"达州", "通川区"},
        {"达州", "达川区"},
        {"达州", "宣汉县"},
        {"乐山", "市中区"},
        {"乐山", "五通桥区"},
        {"乐山", "峨眉山市"},
        {"自贡", "自流井区"},
        {"自贡", "贡井区"},
        {"眉山", "东坡区"},
        {"眉山", "彭山区"},
        {"凉山", "西昌市"},
        {"攀枝花", "东区"},
        {"广元", "利州区"},
        {"遂宁", "船山区"}
    };
    private static final int PLACE_COUNT = PLACE_TABLE.length;
    private static final byte[][] CITY_BYTES = new byte[PLACE_COUNT][];
    private static final byte[][] COUNTY_BYTES = new byte[PLACE_COUNT][];

    static {
        for (int i = 0; i < PLACE_COUNT; i++) {
            CITY_BYTES[i] = PLACE_TABLE[i][0].getBytes(StandardCharsets.UTF_8);
            COUNTY_BYTES[i] = PLACE_TABLE[i][1].getBytes(StandardCharsets.UTF_8);
        }
    }

    private static final Archetype[] FRAUD = {
        Archetype.MASS_DIALER, Archetype.IMPERSONATOR, Archetype.SIM_BOX, Archetype.RAISED_CARD
    };
    private static final Archetype[] LOOKALIKES = {
        Archetype.COURIER,
        Archetype.RIDE_HAILING,
        Archetype.TELEMARKETER,
        Archetype.BUSINESS_OWNER,
        Archetype.NEW_SIM,
        Archetype.TRAVELLER
    };
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final int STRANGER_MEMORY = 64;
    // Chance that each rate parameter of a subscriber comes from its counterpart archetype instead.
    private static final double FRAUD_MIX = 0.2;
    private static final double LOOKALIKE_MIX = 0.1;
    private static final double ORDINARY_MIX = 0.05;
    private static final int DAY = 86_400;

    private final GeneratorSettings settings;
    private final SplittableRandom random;
    private final long tokenKey;
    private Sim[] sims;

    /** A generator for these settings. */
    public CdrGenerator(GeneratorSettings settings) {
        this.settings = settings;
        this.random = new SplittableRandom(settings.seed());
        this.tokenKey = random.nextLong();
    }

    /**
     * Writes {@code calls.csv}, {@code sms.csv}, {@code users.csv} and {@code labels.csv} (with {@code .gz} added
     * when gzip is on) into {@code directory}, creating it when needed.
     */
    public GeneratedCdrs writeTo(Path directory) throws IOException {
        Files.createDirectories(directory);
        String suffix = settings.gzip() ? ".csv.gz" : ".csv";
        Path calls = directory.resolve("calls" + suffix);
        Path sms = directory.resolve("sms" + suffix);
        Path users = directory.resolve("users" + suffix);
        Path labels = directory.resolve("labels" + suffix);
        sims = population();
        writeUsers(users, labels);
        long callRows = 0;
        long smsRows = 0;
        Events callEvents = new Events();
        Events smsEvents = new Events();
        try (CsvOut callOut = new CsvOut(calls, settings.gzip());
                CsvOut smsOut = new CsvOut(sms, settings.gzip())) {
            callOut.text("phone_no_m,opposite_no_m,calltype_id,start_datetime,call_dur,city_name,county_name,imei_m\n");
            smsOut.text("phone_no_m,opposite_no_m,calltype_id,request_datetime\n");
            for (int day = 0; day < settings.days(); day++) {
                LocalDate date = settings.start().plusDays(day);
                boolean weekend = date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
                callEvents.clear();
                smsEvents.clear();
                for (Sim sim : sims) {
                    simulateDay(sim, day, weekend, callEvents, smsEvents);
                }
                byte[] dateBytes = (date + " ").getBytes(StandardCharsets.US_ASCII);
                callRows += writeCalls(callOut, callEvents, dateBytes);
                smsRows += writeSms(smsOut, smsEvents, dateBytes);
            }
        }
        Map<Archetype, Integer> counts = new EnumMap<>(Archetype.class);
        for (Sim sim : sims) {
            counts.merge(sim.archetype, 1, Integer::sum);
        }
        return new GeneratedCdrs(calls, sms, users, labels, callRows, smsRows, counts);
    }

    /** One simulated subscriber: its drawn behaviour and what it remembers between days. */
    private static final class Sim {
        int index;
        Archetype archetype;
        double[] p;
        double[] burst;
        long number;
        byte[] text;
        long[] contacts;
        int home;
        int[] homePlaces;
        int[] awayPlaces;
        long[] devices;
        boolean sharedDevices;
        int firstDay;
        int burstDay;
        long cursor;
        final long[] strangers = new long[STRANGER_MEMORY];
        int strangerCount;
        int idcards;
    }

    private Sim[] population() {
        int n = settings.subscribers();
        List<Archetype> kinds = new ArrayList<>();
        addShare(kinds, FRAUD, Math.round(n * settings.fraudShare()));
        addShare(kinds, LOOKALIKES, Math.round(n * settings.lookalikeShare()));
        while (kinds.size() < n) {
            kinds.add(Archetype.ORDINARY);
        }
        while (kinds.size() > n) {
            kinds.remove(kinds.size() - 1);
        }
        Archetype[] order = kinds.toArray(Archetype[]::new);
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            Archetype swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        Set<Long> numbers = new HashSet<>();
        Sim[] result = new Sim[n];
        Map<Archetype, Profile> profiles = new EnumMap<>(Archetype.class);
        for (Archetype archetype : Archetype.values()) {
            profiles.put(archetype, Profile.of(archetype, settings.shift()));
        }
        Profile burstProfile = Profile.of(Archetype.MASS_DIALER, settings.shift());
        Map<Archetype, DeviceGroup> openGroups = new EnumMap<>(Archetype.class);
        for (int i = 0; i < n; i++) {
            Sim sim = new Sim();
            sim.index = i;
            sim.archetype = order[i];
            Archetype other = Profile.counterpart(sim.archetype);
            if (other == null) {
                other = LOOKALIKES[random.nextInt(LOOKALIKES.length)];
            }
            double mix = sim.archetype.fraud()
                    ? FRAUD_MIX
                    : sim.archetype == Archetype.ORDINARY ? ORDINARY_MIX : LOOKALIKE_MIX;
            sim.p = profiles.get(sim.archetype).draw(random, profiles.get(other), mix);
            double[] p = sim.p;
            sim.burst = burstProfile.draw(random);
            sim.home = random.nextInt(PLACE_COUNT);
            places(sim, (int) Math.round(p[PLACES.ordinal()]), p[AWAY.ordinal()]);
            sim.contacts = new long[Math.max(1, (int) Math.round(p[CONTACTS.ordinal()]))];
            for (int c = 0; c < sim.contacts.length; c++) {
                sim.contacts[c] = mobileNumber();
            }
            sim.cursor = mobileNumber();
            sim.idcards = (int) Math.round(p[IDCARDS.ordinal()]);
            sim.firstDay = (int) Math.floor(p[FIRST.ordinal()] * settings.days());
            double burstStart = p[BURST_START.ordinal()];
            sim.burstDay = burstStart >= 1 ? Integer.MAX_VALUE : (int) Math.floor(burstStart * settings.days());
            int deviceCount = Math.max(1, (int) Math.round(p[DEVICES.ordinal()]));
            if (random.nextDouble() < p[SHARED_DEVICE.ordinal()]) {
                DeviceGroup group = openGroups.get(sim.archetype);
                if (group == null || group.members == group.size) {
                    group = new DeviceGroup(
                            sim.archetype == Archetype.SIM_BOX ? 6 + random.nextInt(15) : 2 + random.nextInt(4),
                            deviceCount);
                    openGroups.put(sim.archetype, group);
                }
                group.members++;
                sim.devices = group.devices;
                sim.sharedDevices = true;
                // SIM cards bought as a batch for one box carry consecutive numbers.
                sim.number = sim.archetype == Archetype.SIM_BOX ? group.firstNumber + group.members : mobileNumber();
            } else {
                sim.devices = new long[deviceCount];
                for (int d = 0; d < deviceCount; d++) {
                    sim.devices[d] = imei();
                }
                sim.number = mobileNumber();
            }
            while (!numbers.add(sim.number)) {
                sim.number = mobileNumber();
            }
            sim.text = numberText(sim.number);
            result[i] = sim;
        }
        return result;
    }

    private final class DeviceGroup {
        final int size;
        final long[] devices;
        final long firstNumber = mobileNumber();
        int members;

        DeviceGroup(int size, int deviceCount) {
            this.size = size;
            this.devices = new long[deviceCount];
            for (int d = 0; d < deviceCount; d++) {
                devices[d] = imei();
            }
        }
    }

    private static void addShare(List<Archetype> kinds, Archetype[] group, long count) {
        for (long i = 0; i < count; i++) {
            kinds.add(group[(int) (i % group.length)]);
        }
    }

    private void places(Sim sim, int count, double away) {
        String homeCity = PLACE_TABLE[sim.home][0];
        List<Integer> home = new ArrayList<>(List.of(sim.home));
        List<Integer> abroad = new ArrayList<>();
        for (int i = 1; i < Math.max(1, count); i++) {
            int place = random.nextInt(PLACE_COUNT);
            boolean sameCity = PLACE_TABLE[place][0].equals(homeCity);
            if (random.nextDouble() < away) {
                if (!sameCity) {
                    abroad.add(place);
                }
            } else {
                // Another county of the home city where there is one.
                for (int tries = 0; tries < 8 && !PLACE_TABLE[place][0].equals(homeCity); tries++) {
                    place = random.nextInt(PLACE_COUNT);
                }
                if (PLACE_TABLE[place][0].equals(homeCity)) {
                    home.add(place);
                }
            }
        }
        if (away > 0 && abroad.isEmpty() && count > 1) {
            int place = random.nextInt(PLACE_COUNT);
            if (!PLACE_TABLE[place][0].equals(homeCity)) {
                abroad.add(place);
            }
        }
        sim.homePlaces = home.stream().mapToInt(Integer::intValue).toArray();
        sim.awayPlaces = abroad.stream().mapToInt(Integer::intValue).toArray();
    }

    private void simulateDay(Sim sim, int day, boolean weekend, Events calls, Events sms) {
        if (day < sim.firstDay) {
            return;
        }
        double[] p = sim.p;
        if (random.nextDouble() >= p[ACTIVE.ordinal()]) {
            return;
        }
        boolean bursting = sim.archetype == Archetype.RAISED_CARD && day >= sim.burstDay;
        double[] q = bursting ? sim.burst : p;
        double outMean = bursting ? p[OUT_PER_DAY.ordinal()] * p[BURST_FACTOR.ordinal()] : p[OUT_PER_DAY.ordinal()];
        double inMean = p[IN_PER_DAY.ordinal()];
        if (weekend) {
            outMean *= q[WEEKEND.ordinal()];
            inMean *= q[WEEKEND.ordinal()];
        }
        double from = q[HOUR_FROM.ordinal()];
        double to = Math.max(from + 1, q[HOUR_TO.ordinal()]);
        double sessionHour = from + random.nextDouble() * (to - from - 1);
        long device = sim.devices[random.nextInt(sim.devices.length)];
        int outCalls = poisson(outMean);
        for (int i = 0; i < outCalls; i++) {
            int second = callSecond(q, from, to, sessionHour);
            long callee;
            boolean stranger = false;
            boolean redial = false;
            double pick = random.nextDouble();
            if (pick < q[STRANGERS.ordinal()]) {
                stranger = true;
                if (random.nextDouble() < q[SEQUENTIAL.ordinal()]) {
                    sim.cursor += 1 + random.nextInt(3);
                    callee = sim.cursor;
                } else {
                    callee = mobileNumber();
                }
                sim.strangers[sim.strangerCount++ % STRANGER_MEMORY] = callee;
            } else if (pick < q[STRANGERS.ordinal()] + q[REDIAL.ordinal()] && sim.strangerCount > 0) {
                redial = true;
                callee = sim.strangers[random.nextInt(Math.min(sim.strangerCount, STRANGER_MEMORY))];
            } else {
                callee = contact(sim);
            }
            int duration = 0;
            if (random.nextDouble() < q[CONNECT.ordinal()]) {
                duration = redial && sim.archetype == Archetype.IMPERSONATOR ? 300 + random.nextInt(1500) : duration(q);
            }
            if (sim.sharedDevices) {
                device = sim.devices[random.nextInt(sim.devices.length)];
            }
            int place = place(sim, q);
            calls.add(sim, callee, 1, second, duration, place, device);
            if ((stranger || redial) && random.nextDouble() < q[CALLBACK.ordinal()]) {
                int back = second + 300 + random.nextInt(3 * 3600);
                if (back < DAY) {
                    calls.add(sim, callee, 2, back, random.nextInt(10) < 8 ? duration(q) : 0, place, device);
                }
            }
        }
        int inCalls = poisson(inMean);
        for (int i = 0; i < inCalls; i++) {
            long caller = random.nextDouble() < p[IN_STRANGERS.ordinal()] ? mobileNumber() : contact(sim);
            int type = random.nextInt(40) == 0 ? 3 : 2;
            int duration = random.nextInt(10) < 9 ? duration(p) : 0;
            calls.add(sim, caller, type, callSecond(p, from, to, sessionHour), duration, place(sim, p), device);
        }
        int sent = poisson(p[SMS_OUT.ordinal()]);
        for (int i = 0; i < sent; i++) {
            sms.add(sim, contact(sim), 1, callSecond(p, from, to, sessionHour), 0, 0, 0);
        }
        int received = poisson(p[SMS_IN.ordinal()]);
        for (int i = 0; i < received; i++) {
            // Most SMS received are notifications from 106-prefixed service codes.
            long sender = random.nextInt(4) == 0 ? contact(sim) : 1_069_000_000_000L + random.nextInt(1_000_000);
            sms.add(sim, sender, 2, callSecond(p, from, to, sessionHour), 0, 0, 0);
        }
    }

    private int callSecond(double[] q, double from, double to, double sessionHour) {
        double pick = random.nextDouble();
        double hour;
        if (pick < q[NIGHT.ordinal()]) {
            hour = random.nextDouble() * 6;
        } else if (pick < q[NIGHT.ordinal()] + q[SESSION.ordinal()]) {
            hour = sessionHour + random.nextDouble();
        } else {
            hour = from + random.nextDouble() * (to - from);
        }
        return Math.min(DAY - 1, (int) (hour * 3600));
    }

    private int duration(double[] q) {
        if (random.nextDouble() < q[SHORT.ordinal()]) {
            return 1 + random.nextInt(14);
        }
        double seconds = q[DURATION.ordinal()] * Math.exp(0.8 * gaussian());
        return (int) Math.max(15, Math.min(7200, seconds));
    }

    private long contact(Sim sim) {
        // Squaring a uniform draw favours the first contacts: a few people are called far more than the rest.
        double u = random.nextDouble();
        return sim.contacts[(int) (u * u * sim.contacts.length)];
    }

    private int place(Sim sim, double[] q) {
        if (sim.awayPlaces.length > 0 && random.nextDouble() < q[AWAY.ordinal()]) {
            return sim.awayPlaces[random.nextInt(sim.awayPlaces.length)];
        }
        return sim.homePlaces[random.nextInt(sim.homePlaces.length)];
    }

    private int poisson(double mean) {
        if (mean <= 0) {
            return 0;
        }
        if (mean > 30) {
            return (int) Math.max(0, Math.round(mean + Math.sqrt(mean) * gaussian()));
        }
        double limit = Math.exp(-mean);
        int count = 0;
        double product = random.nextDouble();
        while (product > limit) {
            count++;
            product *= random.nextDouble();
        }
        return count;
    }

    private double gaussian() {
        // Box–Muller; SplittableRandom has no nextGaussian on Java 17.
        double u = 1 - random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    private long mobileNumber() {
        return 13_000_000_000L + random.nextLong(7_000_000_000L);
    }

    private long imei() {
        return 860_000_000_000_000L + random.nextLong(10_000_000_000_000L);
    }

    private byte[] numberText(long number) {
        String text = settings.anonymised() ? token(number) : Long.toString(number);
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    /** 32 hexadecimal digits derived from the number and the seed: stable within a data set, opaque across. */
    private String token(long number) {
        byte[] hex = new byte[32];
        long high = Bytes.mix(number ^ tokenKey);
        long low = Bytes.mix(number + 31 * tokenKey);
        for (int i = 0; i < 16; i++) {
            hex[15 - i] = HEX[(int) (high >>> (4 * i)) & 15];
            hex[31 - i] = HEX[(int) (low >>> (4 * i)) & 15];
        }
        return new String(hex, StandardCharsets.US_ASCII);
    }

    private void writeUsers(Path users, Path labels) throws IOException {
        try (CsvOut out = new CsvOut(users, settings.gzip());
                CsvOut truth = new CsvOut(labels, settings.gzip())) {
            out.text("phone_no_m,city_name,county_name,idcard_cnt,arpu_202003\n");
            truth.text("phone_no_m,label,archetype\n");
            for (Sim sim : sims) {
                out.bytes(sim.text)
                        .sep()
                        .bytes(CITY_BYTES[sim.home])
                        .sep()
                        .bytes(COUNTY_BYTES[sim.home])
                        .sep();
                out.number(sim.idcards).sep().number(20 + random.nextInt(180)).symbol('.');
                out.number(random.nextInt(10)).end();
                truth.bytes(sim.text)
                        .sep()
                        .number(sim.archetype.fraud() ? 1 : 0)
                        .sep();
                truth.text(sim.archetype.name().toLowerCase(Locale.ROOT)).end();
            }
        }
    }

    private long writeCalls(CsvOut out, Events events, byte[] date) throws IOException {
        long[] order = events.order();
        for (long key : order) {
            int e = (int) key;
            Sim sim = sims[events.sim[e]];
            int second = events.second[e];
            out.bytes(sim.text).sep();
            opposite(out, events.opposite[e]).sep();
            out.number(events.type[e]).sep();
            time(out, date, second).sep();
            out.number(events.duration[e]).sep();
            out.bytes(CITY_BYTES[events.place[e]])
                    .sep()
                    .bytes(COUNTY_BYTES[events.place[e]])
                    .sep();
            out.number(events.device[e]).end();
        }
        return order.length;
    }

    private long writeSms(CsvOut out, Events events, byte[] date) throws IOException {
        long[] order = events.order();
        for (long key : order) {
            int e = (int) key;
            out.bytes(sims[events.sim[e]].text).sep();
            opposite(out, events.opposite[e]).sep();
            out.number(events.type[e]).sep();
            time(out, date, events.second[e]).end();
        }
        return order.length;
    }

    private CsvOut opposite(CsvOut out, long number) throws IOException {
        return settings.anonymised() ? out.text(token(number)) : out.number(number);
    }

    private static CsvOut time(CsvOut out, byte[] date, int second) throws IOException {
        return out.bytes(date)
                .twoDigits(second / 3600)
                .symbol(':')
                .twoDigits(second / 60 % 60)
                .symbol(':')
                .twoDigits(second % 60);
    }

    /** One day of records in parallel primitive arrays, sorted by time of day (then by creation) to be written. */
    private final class Events {
        int size;
        int[] sim = new int[1024];
        long[] opposite = new long[1024];
        byte[] type = new byte[1024];
        int[] second = new int[1024];
        int[] duration = new int[1024];
        short[] place = new short[1024];
        long[] device = new long[1024];

        void clear() {
            size = 0;
        }

        void add(Sim who, long other, int kind, int at, int seconds, int where, long imei) {
            if (size == sim.length) {
                int grown = size * 2;
                sim = Arrays.copyOf(sim, grown);
                opposite = Arrays.copyOf(opposite, grown);
                type = Arrays.copyOf(type, grown);
                second = Arrays.copyOf(second, grown);
                duration = Arrays.copyOf(duration, grown);
                place = Arrays.copyOf(place, grown);
                device = Arrays.copyOf(device, grown);
            }
            sim[size] = who.index;
            opposite[size] = other;
            type[size] = (byte) kind;
            second[size] = at;
            duration[size] = seconds;
            place[size] = (short) where;
            device[size] = imei;
            size++;
        }

        long[] order() {
            long[] keys = new long[size];
            for (int i = 0; i < size; i++) {
                keys[i] = ((long) second[i] << 32) | i;
            }
            Arrays.sort(keys);
            return keys;
        }
    }
}
