package org.govit;

import java.lang.ref.PhantomReference;
import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Frees the native engine of a {@link GovitEngine} that became unreachable without
 * {@link GovitEngine#close()}: the safety net, not the plan (close engines, or let a
 * container do it).
 *
 * <p>{@code java.lang.ref.Cleaner} only exists from Java 9 and this binding targets Java 8,
 * so this is the same idea by hand: a {@link PhantomReference} per engine, registered on a
 * {@link ReferenceQueue} that one daemon thread ({@code govit-cleaner}) drains. The reference
 * holds the engine's {@link GovitEngine.Handle} (never the {@code GovitEngine}, which would
 * keep it reachable), and freeing goes through {@link GovitEngine.Handle#free()}, so it waits
 * for calls still in flight and never frees twice.
 *
 * <p>The thread starts with the first registered engine and ends by itself when no engine is
 * registered for a minute, so an application server can unload the web application (and its
 * class loader) without a thread of ours pinning it.
 */
final class EngineCleaner {
    private static final long IDLE_MILLIS = 60_000L;

    private static final ReferenceQueue<GovitEngine> QUEUE = new ReferenceQueue<GovitEngine>();
    /** Keeps every pending reference reachable until it is enqueued or unregistered. */
    private static final Set<Ref> PENDING = Collections.newSetFromMap(new IdentityHashMap<Ref, Boolean>());
    private static final Object LOCK = new Object();
    private static Thread thread;

    /** Engines the cleaner freed (not closed by their owners): visible to tests and diagnostics. */
    static final AtomicLong FREED_BY_CLEANER = new AtomicLong();

    private EngineCleaner() {}

    static final class Ref extends PhantomReference<GovitEngine> {
        final GovitEngine.Handle handle;

        Ref(GovitEngine referent, GovitEngine.Handle handle) {
            super(referent, QUEUE);
            this.handle = handle;
        }

        /** After an explicit close: the engine needs no cleaning any more. */
        void unregister() {
            synchronized (LOCK) {
                PENDING.remove(this);
            }
            clear();
        }
    }

    static Ref register(GovitEngine engine, GovitEngine.Handle handle) {
        Ref ref = new Ref(engine, handle);
        synchronized (LOCK) {
            PENDING.add(ref);
            if (thread == null) {
                Thread t = new Thread(new Runnable() {
                    @Override
                    public void run() {
                        drain();
                    }
                }, "govit-cleaner");
                t.setDaemon(true);
                t.setContextClassLoader(null);
                thread = t;
                t.start();
            }
        }
        return ref;
    }

    /** Number of engines awaiting either close() or the cleaner. */
    static int pending() {
        synchronized (LOCK) {
            return PENDING.size();
        }
    }

    private static void drain() {
        while (true) {
            Reference<? extends GovitEngine> r;
            try {
                r = QUEUE.remove(IDLE_MILLIS);
            } catch (InterruptedException e) {
                r = null;
            }
            if (r != null) {
                Ref ref = (Ref) r;
                boolean registered;
                synchronized (LOCK) {
                    registered = PENDING.remove(ref);
                }
                if (registered) {
                    try {
                        if (ref.handle.free()) {
                            FREED_BY_CLEANER.incrementAndGet();
                        }
                    } catch (Throwable t) {
                        // Never let one failure stop the thread that frees everything else.
                    }
                }
                continue;
            }
            synchronized (LOCK) {
                if (PENDING.isEmpty()) {
                    thread = null;
                    return;
                }
            }
        }
    }
}
