package org.openrma.service.policy;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.openrma.policy.PolicyCatalog;
import org.openrma.policy.statute.StatuteLibrary;

/**
 * The sample policies and the statutory packs packaged in the engine jar, compiled once. Compiling them (CEL
 * expressions of five policies and twelve packs) is the largest single piece of start-up work, about 2 s of CPU
 * for the policies, so it runs on a thread of its own from the moment this is created while the rest of the
 * service starts on the other core: the policies first, then the packs (one thread, so the two do not compete
 * with start-up for the second core). The first caller that needs one waits for it, requests that need none are
 * served meanwhile (BENCHMARKS.md, "Start-up"). A policy or pack that fails to compile fails every call that needs
 * it with the compiler's error.
 */
public final class BuiltInPolicies {

    private final CompletableFuture<PolicyCatalog> compiled = new CompletableFuture<>();
    private final CompletableFuture<StatuteLibrary> statutes = new CompletableFuture<>();

    /** Sample policies only, no consumer law (tests of the catalog itself). */
    public BuiltInPolicies(Supplier<PolicyCatalog> compile) {
        this(compile, StatuteLibrary::empty);
    }

    public BuiltInPolicies(Supplier<PolicyCatalog> compile, Supplier<StatuteLibrary> compileStatutes) {
        Thread.ofPlatform().name("openrma-compile-builtin-policies").daemon().start(() -> {
            run(compile, compiled);
            run(compileStatutes, statutes);
        });
    }

    private static <T> void run(Supplier<T> compile, CompletableFuture<T> into) {
        try {
            into.complete(compile.get());
        } catch (RuntimeException | Error e) {
            into.completeExceptionally(e);
        }
    }

    public PolicyCatalog catalog() {
        return join(compiled);
    }

    /** The statutory packs of {@code statutes/}, as the engine jar carries them. */
    public StatuteLibrary statutes() {
        return join(statutes);
    }

    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }
}
