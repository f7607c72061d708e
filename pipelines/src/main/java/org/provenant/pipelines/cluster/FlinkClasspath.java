package org.provenant.pipelines.cluster;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Splits a resolved runtime classpath into the two halves a Flink session cluster needs: the jars
 * that make up a Flink 1.19 distribution (every {@code flink-*} jar Maven resolved for Beam's
 * Flink runner, with the few libraries Flink's own runtime loads), which the JobManager and
 * TaskManager JVMs start from; and the job's jars (everything else, Beam and Provenant included),
 * which the FlinkRunner stages to the cluster with the job. Plain logic: no process is started.
 */
public final class FlinkClasspath {
  /**
   * Libraries a Flink distribution ships inside {@code flink-dist} that its runtime needs before any
   * job is loaded, by the start of their jar's file name (version and extension follow).
   */
  static final Set<String> DISTRIBUTION_LIBRARIES = Set.of(
      "commons-lang3-", "commons-compress-", "commons-io-", "commons-text-", "commons-collections-", "commons-math3-",
      "commons-cli-", "kryo-", "minlog-", "objenesis-", "chill-java-", "javassist-", "async-profiler-",
      "lz4-java-", "snappy-java-", "snakeyaml-engine-", "jsr305-", "slf4j-api-", "slf4j-simple-");

  private final List<String> entries;

  private FlinkClasspath(List<String> entries) {
    this.entries = List.copyOf(entries);
  }

  /** The classpath in {@code spec} ({@code File.pathSeparator}-separated), empty entries dropped. */
  public static FlinkClasspath of(String spec) {
    List<String> e = new ArrayList<>();
    for (String s : spec.split(File.pathSeparator)) {
      if (!s.isBlank()) {
        e.add(s.trim());
      }
    }
    return new FlinkClasspath(e);
  }

  /** The classpath of this JVM. */
  public static FlinkClasspath ofThisJvm() {
    return of(System.getProperty("java.class.path", ""));
  }

  /** A jar of Flink itself: its file name starts with {@code flink-} (Beam's runner is {@code beam-runners-flink-*}). */
  static boolean isFlinkJar(String entry) {
    String name = fileName(entry);
    return name.startsWith("flink-") && name.endsWith(".jar");
  }

  static boolean isDistributionLibrary(String entry) {
    String name = fileName(entry);
    return name.endsWith(".jar") && DISTRIBUTION_LIBRARIES.stream().anyMatch(name::startsWith);
  }

  /** The cluster's own classpath: Flink's jars and the libraries its runtime loads, in classpath order. */
  public List<String> clusterJars() {
    List<String> out = entries.stream().filter(e -> isFlinkJar(e) || isDistributionLibrary(e)).toList();
    if (out.stream().noneMatch(e -> fileName(e).startsWith("flink-runtime-"))
        || out.stream().noneMatch(e -> fileName(e).startsWith("flink-clients-"))) {
      throw new IllegalStateException("no flink-runtime and flink-clients jars on the classpath: " + entries.size() + " entries");
    }
    return out;
  }

  /**
   * What a job submitted to a Flink cluster stages: every entry but Flink's own jars, which the
   * cluster has (Flink loads {@code org.apache.flink} classes parent-first, so staging them again
   * would only cost upload time). Directories stay; the FlinkRunner zips them into jars.
   */
  public List<String> jobFiles() {
    return entries.stream().filter(e -> !isFlinkJar(e)).toList();
  }

  public List<String> entries() {
    return entries;
  }

  private static String fileName(String entry) {
    Path p = Path.of(entry).getFileName();
    return p == null ? "" : p.toString();
  }
}
