package io.segmented.engine;

import io.segmented.manifest.Manifest;
import io.segmented.manifest.Provider;
import java.nio.file.Path;
import java.util.Optional;

/**
 * One run of one module's segments.
 *
 * @param module the module's name, for results and messages
 * @param moduleDir the module directory; relative manifest paths resolve against it
 * @param manifest the module's validated manifest
 * @param runtime what the forked test JVMs are made of
 * @param reportsDir where results go: {@code target/segment-reports}
 * @param workDir where working files of the forked JVMs go: {@code target/segment-work}
 * @param providerOverride {@code -Dsegment.provider}: the provider of every fixture whose kind has
 *     a choice
 */
public record RunRequest(
    String module,
    Path moduleDir,
    Manifest manifest,
    TestRuntime runtime,
    Path reportsDir,
    Path workDir,
    Optional<Provider> providerOverride) {}
