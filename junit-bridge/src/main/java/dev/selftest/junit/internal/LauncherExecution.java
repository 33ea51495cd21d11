package dev.selftest.junit.internal;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import org.jspecify.annotations.Nullable;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;

/**
 * Executes a request so that it can be stopped: with JUnit 6's {@code CancellationToken} when the application runs
 * JUnit 6 (the remaining tests are then skipped), by interrupting the executing thread on JUnit 5. The bridge compiles
 * against both lines, so the JUnit 6 API is reached through method handles.
 */
final class LauncherExecution {
    private static final @Nullable TokenApi TOKENS = TokenApi.find();

    private LauncherExecution() {
    }

    /** True when the running JUnit offers cancellation tokens (JUnit 6). */
    static boolean cancellationTokens() {
        return TOKENS != null;
    }

    /** Runs the request on the calling thread; {@code recorder} learns how to stop it before it starts. */
    static void execute(Launcher launcher, LauncherDiscoveryRequest request, StepRecorder recorder) {
        if (TOKENS == null) {
            recorder.stopWith(() -> Thread.currentThread().interrupt());
            launcher.execute(request, recorder);
        } else {
            TOKENS.execute(launcher, request, recorder);
        }
    }

    /** The JUnit 6 calls: {@code CancellationToken.create()}, {@code LauncherExecutionRequestBuilder}, ... */
    private record TokenApi(MethodHandle create, MethodHandle cancel, MethodHandle request, MethodHandle listeners,
                            MethodHandle token, MethodHandle build, MethodHandle execute) {

        static @Nullable TokenApi find() {
            ClassLoader loader = Launcher.class.getClassLoader();
            MethodHandles.Lookup lookup = MethodHandles.publicLookup();
            try {
                Class<?> tokenType = Class.forName("org.junit.platform.engine.CancellationToken", false, loader);
                Class<?> builderType = Class.forName(
                        "org.junit.platform.launcher.core.LauncherExecutionRequestBuilder", false, loader);
                Class<?> requestType = Class.forName("org.junit.platform.launcher.LauncherExecutionRequest", false,
                        loader);
                return new TokenApi(
                        lookup.findStatic(tokenType, "create", MethodType.methodType(tokenType)),
                        lookup.findVirtual(tokenType, "cancel", MethodType.methodType(void.class)),
                        lookup.findStatic(builderType, "request",
                                MethodType.methodType(builderType, LauncherDiscoveryRequest.class)),
                        lookup.findVirtual(builderType, "listeners",
                                MethodType.methodType(builderType, TestExecutionListener[].class)),
                        lookup.findVirtual(builderType, "cancellationToken",
                                MethodType.methodType(builderType, tokenType)),
                        lookup.findVirtual(builderType, "build", MethodType.methodType(requestType)),
                        lookup.findVirtual(Launcher.class, "execute", MethodType.methodType(void.class, requestType)));
            } catch (ReflectiveOperationException e) {
                return null;
            }
        }

        void execute(Launcher launcher, LauncherDiscoveryRequest discovery, StepRecorder recorder) {
            try {
                Object token = create.invoke();
                recorder.stopWith(() -> cancel(token));
                Object builder = request.invoke(discovery);
                listeners.invoke(builder, new TestExecutionListener[] {recorder});
                this.token.invoke(builder, token);
                execute.invoke(launcher, build.invoke(builder));
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new IllegalStateException("JUnit's launcher failed: " + e, e);
            }
        }

        private void cancel(Object token) {
            try {
                cancel.invoke(token);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new IllegalStateException("could not cancel the JUnit execution: " + e, e);
            }
        }
    }
}
