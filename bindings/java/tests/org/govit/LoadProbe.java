package org.govit;

/** Child-process body of {@link LoadingTest}: load the library, say from where, use it. */
public final class LoadProbe {
    private LoadProbe() {}

    public static void main(String[] args) {
        try {
            int abi = GovitEngine.abiVersion();
            try (GovitEngine e = new GovitEngine()) {
                String day = e.dayInfo("2025-10-01");
                System.out.println("abi " + abi);
                System.out.println("source " + NativeLoader.source());
                System.out.println("day " + day);
            }
        } catch (UnsatisfiedLinkError e) {
            System.out.println("unsatisfied " + e.getMessage());
            System.exit(3);
        }
    }
}
