package org.govit.spark;

import java.util.HashMap;
import java.util.Map;
import org.govit.GovitEngine;

/**
 * The engines of this JVM: one {@link GovitEngine} per engine configuration, made by the first
 * task that needs it and shared by every task (thread) of the executor, since an engine is
 * immutable and thread-safe. They are closed by a shutdown hook when the executor stops.
 */
final class Engines {
    private static final Map<String, GovitEngine> BY_CONFIG = new HashMap<>();
    private static boolean hookAdded;

    private Engines() {}

    /** An engine and whether this call made it (counted in the summary). */
    record Lease(GovitEngine engine, boolean created) {}

    /** The engine for {@code configJson} ({@code null}: the defaults), made on first use. */
    static synchronized Lease get(String configJson) {
        String key = configJson == null ? "" : configJson;
        GovitEngine engine = BY_CONFIG.get(key);
        if (engine != null) {
            return new Lease(engine, false);
        }
        if (!hookAdded) {
            Runtime.getRuntime().addShutdownHook(new Thread(Engines::closeAll, "govit-engines-close"));
            hookAdded = true;
        }
        engine = new GovitEngine(configJson);
        BY_CONFIG.put(key, engine);
        return new Lease(engine, true);
    }

    /** Closes every engine; a call still running finishes first (GovitEngine's lock). */
    static synchronized void closeAll() {
        for (GovitEngine engine : BY_CONFIG.values()) {
            engine.close();
        }
        BY_CONFIG.clear();
    }
}
