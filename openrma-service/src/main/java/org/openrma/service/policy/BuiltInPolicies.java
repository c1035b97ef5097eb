package org.openrma.service.policy;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.openrma.policy.PolicyCatalog;

/**
 * The sample policies packaged in the engine jar, compiled once. Compiling them (CEL expressions of five
 * policies) is the largest single piece of start-up work, about 2 s of CPU, so it runs on a thread of its own
 * from the moment this is created while the rest of the service starts on the other core; the first caller
 * that needs a policy waits for it, requests that need none are served meanwhile (BENCHMARKS.md, "Start-up").
 * A policy that fails to compile fails every {@link #catalog()} call with the compiler's error.
 */
public final class BuiltInPolicies {

    private final CompletableFuture<PolicyCatalog> compiled;

    public BuiltInPolicies(Supplier<PolicyCatalog> compile) {
        this.compiled = new CompletableFuture<>();
        Thread.ofPlatform().name("openrma-compile-builtin-policies").daemon().start(() -> {
            try {
                compiled.complete(compile.get());
            } catch (RuntimeException | Error e) {
                compiled.completeExceptionally(e);
            }
        });
    }

    public PolicyCatalog catalog() {
        try {
            return compiled.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }
}
