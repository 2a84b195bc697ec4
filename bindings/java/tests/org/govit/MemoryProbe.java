package org.govit;

/**
 * Child-process body of {@link MemoryGrowthTest}: warm up, then make many calls on one
 * engine, printing the resident set size (VmRSS) after the warm-up and at every tenth.
 * Output lines: {@code rss <calls> <kB>}. Mode {@code check}: one check call per iteration.
 * Mode {@code mixed}: an apply (large result), a malformed-JSON call (error document and
 * exception) and a dayInfo per iteration.
 */
public final class MemoryProbe {
    private MemoryProbe() {}

    public static void main(String[] args) throws Exception {
        final int warmup = Integer.parseInt(args[0]);
        final int calls = Integer.parseInt(args[1]);
        final boolean mixed = args.length > 2 && args[2].equals("mixed");
        try (GovitEngine engine = new GovitEngine()) {
            String options = "{\"as_of\":\"2025-06-30\"}";
            long checksum = 0;
            for (int i = 0; i < warmup; i++) {
                checksum += mixed ? mixed(engine) : engine.check(Fixtures.PROJECT, options).length();
            }
            System.gc();
            System.out.println("rss 0 " + MemoryGrowthTest.vmRssKb());
            int step = calls / 10;
            for (int i = 1; i <= calls; i++) {
                checksum += mixed ? mixed(engine) : engine.check(Fixtures.PROJECT, options).length();
                if (i % step == 0) {
                    System.out.println("rss " + i + " " + MemoryGrowthTest.vmRssKb());
                }
            }
            System.out.println("checksum " + checksum);
        }
    }

    private static long mixed(GovitEngine engine) {
        long n = engine.apply(Fixtures.PROJECT, Fixtures.SUBMIT_DEMAND).length();
        try {
            engine.check("{\"id\":");
        } catch (GovitException e) {
            n += e.errorJson().length();
        }
        return n + engine.dayInfo("2025-10-01").length();
    }
}
