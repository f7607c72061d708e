package org.provenant.pipelines.config;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.google.common.hash.Hashing;
import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import org.provenant.dedup.minhash.MinHashScheme;
import org.provenant.filters.code.CodeReadLimits;
import org.provenant.filters.read.JsonlFileReader;
import org.provenant.filters.read.WarcFileReader;

/**
 * The whole configuration of a curation run, read from the {@code --config} JSON file with every
 * default filled in. Unknown keys are an error that names the key. Its canonical JSON (keys sorted,
 * no whitespace) and that text's sha256 go into the manifest; the canonical JSON includes {@code
 * effective_steps}, the steps each kind of document goes through, so the hash covers them.
 *
 * <p>Which steps run ({@link StepPlan}): the {@code preset} (default {@code web}) decides the kinds
 * it covers, the default presets the others ({@code web} for pages and text, {@code code} for code
 * files); {@code steps}, when given, replaces the presets' lists; then {@code drop_steps}, {@code
 * step_params} and {@code add_steps} edit the list. The opt-out step on web pages and the licence
 * policy on code files stay on unless {@code drop_steps} names them ({@link #warnings()}).
 */
@JsonPropertyOrder({"preset", "steps", "drop_steps", "step_params", "add_steps", "effective_steps", "read", "extract", "dedup", "output"})
@JsonIgnoreProperties(value = {"effective_steps"}, allowGetters = true)
public record CurationConfig(
    @JsonProperty("read") Read read,
    @JsonProperty("extract") Extract extract,
    @JsonProperty("preset") String preset,
    @JsonProperty("steps") java.util.List<StepConfig> steps,
    @JsonProperty("drop_steps") java.util.List<String> dropSteps,
    @JsonProperty("step_params") java.util.SortedMap<String, java.util.Map<String, Object>> stepParams,
    @JsonProperty("add_steps") java.util.List<AddedStep> addSteps,
    @JsonProperty("dedup") Dedup dedup,
    @JsonProperty("output") Output output)
    implements Serializable {

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
          .configure(com.fasterxml.jackson.databind.MapperFeature.SORT_PROPERTIES_ALPHABETICALLY, true);

  public CurationConfig {
    read = read == null ? Read.DEFAULT : read;
    extract = extract == null ? Extract.DEFAULT : extract;
    output = output == null ? Output.DEFAULT : output;
    preset = preset == null ? org.provenant.filters.step.Presets.WEB : preset;
    steps = steps == null ? null : java.util.List.copyOf(steps);
    dropSteps = dropSteps == null ? java.util.List.of() : java.util.List.copyOf(dropSteps);
    stepParams = stepParams == null ? new java.util.TreeMap<>() : new java.util.TreeMap<>(stepParams);
    addSteps = addSteps == null ? java.util.List.of() : java.util.List.copyOf(addSteps);
    dedup = dedup == null ? Dedup.DEFAULT : dedup;
    StepPlan.of(preset, steps, dropSteps, stepParams, addSteps); // checks names, kinds and parameters now
  }

  /** The default run: the {@code web} preset for pages and text, {@code code} for code files. */
  public static final CurationConfig DEFAULT = new CurationConfig(null, null, null, null, null, null, null, null, null);

  /** Extraction and dedup only, no step at all: the {@code none} preset. */
  public static final CurationConfig NONE = DEFAULT.withPreset(org.provenant.filters.step.Presets.NONE);

  /** This configuration with {@code read} replaced. */
  public CurationConfig withRead(Read newRead) {
    return new CurationConfig(newRead, extract, preset, steps, dropSteps, stepParams, addSteps, dedup, output);
  }

  /** This configuration with {@code dedup} replaced. */
  public CurationConfig withDedup(Dedup newDedup) {
    return new CurationConfig(read, extract, preset, steps, dropSteps, stepParams, addSteps, newDedup, output);
  }

  /** This configuration with the preset {@code name} (the {@code --preset} option). */
  public CurationConfig withPreset(String name) {
    return new CurationConfig(read, extract, name, steps, dropSteps, stepParams, addSteps, dedup, output);
  }

  /** The steps that run, in order, each with the kinds of document it runs on. */
  public StepPlan plan() {
    return StepPlan.of(preset, steps, dropSteps, stepParams, addSteps);
  }

  /** The steps each kind of document goes through, by kind code ({@code code}, {@code text}, {@code web}). */
  @JsonProperty("effective_steps")
  public java.util.SortedMap<String, java.util.List<StepConfig>> effectiveSteps() {
    return plan().byKind();
  }

  /** What this configuration switches off that a curation should have (a policy dropped by name, preset none). */
  public java.util.List<String> warnings() {
    return plan().warnings();
  }

  /**
   * A step a configuration adds to its preset's list, before or after the first step of a given
   * name (at the end when neither is given).
   */
  @JsonPropertyOrder({"step", "params", "kinds", "before", "after"})
  public record AddedStep(
      @JsonProperty("step") String step,
      @JsonProperty("params") java.util.SortedMap<String, Object> params,
      @JsonProperty("kinds") java.util.List<String> kinds,
      @JsonProperty("before") String before,
      @JsonProperty("after") String after)
      implements Serializable {
    public AddedStep {
      if (before != null && after != null) {
        throw new IllegalArgumentException("add_steps: step " + step + " has both \"before\" and \"after\"");
      }
      params = params == null ? new java.util.TreeMap<>() : new java.util.TreeMap<>(params);
      kinds = kinds == null ? null : java.util.List.copyOf(kinds);
    }

    /** The step as configured, checked against the catalogue. */
    StepConfig config() {
      return new StepConfig(step, params, kinds);
    }
  }

  /**
   * Duplicate removal after the steps: exact (normalised text hash) and, when {@code near}, MinHash
   * LSH over {@code shingle_size}-word shingles with {@code bands} x {@code rows}, verified at
   * estimated Jaccard {@code threshold}; {@code survivor} is {@code earliest_crawl} (then lowest id)
   * or {@code longest_text}; {@code verify} is {@code exact} (shingle fingerprints) or {@code
   * estimated} (signatures); {@code minhash} is the signature scheme, {@code permutations} or
   * {@code one-permutation}; {@code band_groups} is how many groups the LSH band entries are
   * shuffled in (one worker holds one group's entries, about {@code bands} x documents / groups).
   */
  @JsonPropertyOrder({"enabled", "near", "threshold", "shingle_size", "bands", "rows", "survivor", "cc_rounds", "max_bucket_pairs", "band_groups", "verify", "minhash"})
  public record Dedup(
      @JsonProperty("enabled") Boolean enabled,
      @JsonProperty("near") Boolean near,
      @JsonProperty("threshold") Double threshold,
      @JsonProperty("shingle_size") Integer shingleSize,
      @JsonProperty("bands") Integer bands,
      @JsonProperty("rows") Integer rows,
      @JsonProperty("survivor") String survivor,
      @JsonProperty("cc_rounds") Integer ccRounds,
      @JsonProperty("max_bucket_pairs") Integer maxBucketPairs,
      @JsonProperty("band_groups") Integer bandGroups,
      @JsonProperty("verify") String verify,
      @JsonProperty("minhash") String minhash,
      @JsonProperty("against") java.util.List<String> against)
      implements Serializable {
    static final Dedup DEFAULT = new Dedup(null, null, null, null, null, null, null, null, null, null, null, null, null);

    public Dedup {
      org.provenant.dedup.DedupSettings d = org.provenant.dedup.DedupSettings.defaults();
      enabled = enabled == null ? Boolean.TRUE : enabled;
      near = near == null ? Boolean.TRUE : near;
      threshold = threshold == null ? d.verifier().threshold() : threshold;
      shingleSize = shingleSize == null ? d.signature().textShingleSize() : shingleSize;
      bands = bands == null ? d.banding().bands() : bands;
      rows = rows == null ? d.banding().rows() : rows;
      survivor = survivor == null ? "earliest_crawl" : survivor;
      ccRounds = ccRounds == null ? 10 : ccRounds;
      maxBucketPairs = maxBucketPairs == null ? 32 : maxBucketPairs;
      bandGroups = bandGroups == null ? 4096 : bandGroups;
      if (bandGroups < 1) {
        throw new IllegalArgumentException("dedup.band_groups must be at least 1: " + bandGroups);
      }
      against = against == null ? java.util.List.of() : java.util.List.copyOf(against);
      verify = verify == null ? (org.provenant.dedup.DedupSettings.DEFAULT_EXACT_VERIFICATION ? "exact" : "estimated") : verify;
      if (!verify.equals("exact") && !verify.equals("estimated")) {
        throw new IllegalArgumentException("dedup.verify must be exact or estimated: " + verify);
      }
      minhash = minhash == null ? d.signature().scheme().code() : minhash;
      if (!minhash.equals(MinHashScheme.PERMUTATIONS.code()) && !minhash.equals(MinHashScheme.ONE_PERMUTATION.code())) {
        throw new IllegalArgumentException("dedup.minhash must be permutations or one-permutation: " + minhash);
      }
      if (!survivor.equals("earliest_crawl") && !survivor.equals("longest_text")) {
        throw new IllegalArgumentException("dedup.survivor must be earliest_crawl or longest_text: " + survivor);
      }
      settingsOf(threshold, shingleSize, bands, rows, survivor, verify.equals("exact"), minhash); // checks the combination now
    }

    /** These settings, also deduplicating against the earlier outputs {@code dirs}. */
    public Dedup plusAgainst(java.util.List<String> dirs) {
      java.util.List<String> all = new java.util.ArrayList<>(against);
      all.addAll(dirs);
      return new Dedup(enabled, near, threshold, shingleSize, bands, rows, survivor, ccRounds, maxBucketPairs, bandGroups, verify, minhash, all);
    }

    /** The plain-Java settings these values stand for. */
    public org.provenant.dedup.DedupSettings settings() {
      return settingsOf(threshold, shingleSize, bands, rows, survivor, verify.equals("exact"), minhash);
    }

    private static org.provenant.dedup.DedupSettings settingsOf(
        double threshold, int shingleSize, int bands, int rows, String survivor, boolean exact, String minhash) {
      return org.provenant.dedup.DedupSettings.of(
          org.provenant.dedup.exact.TextNormalizer.defaults(),
          org.provenant.dedup.minhash.SignatureSettings.defaults().withTextShingleSize(shingleSize)
              .withScheme(MinHashScheme.fromCode(minhash)),
          new org.provenant.dedup.lsh.LshBanding(bands, rows),
          new org.provenant.dedup.lsh.SimilarityVerifier(threshold),
          exact,
          survivor.equals("longest_text")
              ? org.provenant.dedup.cluster.SurvivorRule.longestText()
              : org.provenant.dedup.cluster.SurvivorRule.earliestCrawl());
    }
  }

  /**
   * One curation step after extraction, by catalogue name, with its parameters and the kinds of
   * document it runs on (by default every kind the step is for; a configuration may narrow them,
   * never widen them); checked against the step's parameter list when read, and held with every
   * default filled in.
   */
  @JsonPropertyOrder({"step", "params", "kinds"})
  public record StepConfig(
      @JsonProperty("step") String step,
      @JsonProperty("params") java.util.SortedMap<String, Object> params,
      @JsonProperty("kinds") java.util.List<String> kinds)
      implements Serializable {
    public StepConfig {
      if (step == null || step.isBlank()) {
        throw new IllegalArgumentException("a step needs a \"step\" name");
      }
      String name = step;
      org.provenant.filters.step.StepFactory f = org.provenant.filters.step.StepCatalog.find(name)
          .orElseThrow(() -> new IllegalArgumentException("unknown step \"" + name + "\"; known steps: "
              + org.provenant.filters.step.StepCatalog.all().stream().map(org.provenant.filters.step.StepFactory::name).toList()));
      params = new java.util.TreeMap<>(org.provenant.filters.step.StepParams.resolve(name, f.params(), params).effective());
      java.util.Set<org.provenant.schemas.Kind> allowed = f.kinds();
      java.util.EnumSet<org.provenant.schemas.Kind> chosen = java.util.EnumSet.noneOf(org.provenant.schemas.Kind.class);
      for (String k : kinds == null ? kindCodes(allowed) : kinds) {
        org.provenant.schemas.Kind kind;
        try {
          kind = org.provenant.schemas.Kind.fromCode(k);
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException("step " + name + ": unknown kind \"" + k + "\" (known: code, text, web)");
        }
        if (!allowed.contains(kind)) {
          throw new IllegalArgumentException("step " + name + " does not run on " + k + " documents; it runs on " + kindCodes(allowed));
        }
        chosen.add(kind);
      }
      if (chosen.isEmpty()) {
        throw new IllegalArgumentException("step " + name + ": \"kinds\" is empty");
      }
      kinds = kindCodes(chosen);
    }

    /** A step with its default kinds. */
    public StepConfig(String step, java.util.SortedMap<String, Object> params) {
      this(step, params, null);
    }

    /** The kinds of document it runs on. */
    public java.util.Set<org.provenant.schemas.Kind> kindSet() {
      java.util.EnumSet<org.provenant.schemas.Kind> out = java.util.EnumSet.noneOf(org.provenant.schemas.Kind.class);
      kinds.forEach(k -> out.add(org.provenant.schemas.Kind.fromCode(k)));
      return out;
    }

    /** This step running on {@code only} (a subset of its kinds). */
    StepConfig onKinds(java.util.Set<org.provenant.schemas.Kind> only) {
      return new StepConfig(step, params, kindCodes(only));
    }

    /** This step with {@code changes} over its parameters. */
    StepConfig withParams(java.util.Map<String, Object> changes) {
      java.util.SortedMap<String, Object> merged = new java.util.TreeMap<>(params);
      merged.putAll(changes);
      return new StepConfig(step, merged, kinds);
    }

    /** The configured step, built (once per worker). */
    public org.provenant.filters.step.DocumentStep build() {
      org.provenant.filters.step.StepFactory f = org.provenant.filters.step.StepCatalog.find(step).orElseThrow();
      return f.create(org.provenant.filters.step.StepParams.resolve(step, f.params(), params));
    }

    static java.util.List<String> kindCodes(java.util.Collection<org.provenant.schemas.Kind> kinds) {
      return kinds.stream().map(org.provenant.schemas.Kind::code).sorted().toList();
    }
  }

  /**
   * Limits of the input readers; {@code code} holds those of code packages. An uncompressed JSONL
   * file over {@code split_bytes} is read in ranges of that size by all workers at once.
   */
  public record Read(
      @JsonProperty("max_payload_bytes") Long maxPayloadBytes,
      @JsonProperty("max_line_bytes") Integer maxLineBytes,
      @JsonProperty("code") Code code,
      @JsonProperty("split_bytes") Long splitBytes)
      implements Serializable {
    static final Read DEFAULT = new Read(null, null, null, null);
    /** Default {@code split_bytes}: 4 MiB, so that even one file of a few hundred MB makes enough ranges to spread evenly. */
    public static final long DEFAULT_SPLIT_BYTES = 4L << 20;

    public Read {
      maxPayloadBytes = maxPayloadBytes == null ? WarcFileReader.DEFAULT_MAX_PAYLOAD_BYTES : maxPayloadBytes;
      maxLineBytes = maxLineBytes == null ? JsonlFileReader.DEFAULT_MAX_LINE_BYTES : maxLineBytes;
      code = code == null ? Code.DEFAULT : code;
      splitBytes = splitBytes == null ? DEFAULT_SPLIT_BYTES : splitBytes;
      if (splitBytes <= 0) {
        throw new IllegalArgumentException("read.split_bytes must be positive: " + splitBytes);
      }
      if (maxPayloadBytes <= 0) {
        throw new IllegalArgumentException("read.max_payload_bytes must be positive: " + maxPayloadBytes);
      }
      if (maxLineBytes <= 0) {
        throw new IllegalArgumentException("read.max_line_bytes must be positive: " + maxLineBytes);
      }
    }

    /** The web and text reader limits, with default code limits. */
    public Read(Long maxPayloadBytes, Integer maxLineBytes) {
      this(maxPayloadBytes, maxLineBytes, null, null);
    }

    /** These limits with the code reader's {@code code}. */
    public Read withCode(Code code) {
      return new Read(maxPayloadBytes, maxLineBytes, code, splitBytes);
    }

    /** These limits, reading JSONL files in ranges of {@code bytes}. */
    public Read withSplitBytes(long bytes) {
      return new Read(maxPayloadBytes, maxLineBytes, code, bytes);
    }
  }

  /**
   * Safety limits of the code package reader ({@code read.code}); see {@link CodeReadLimits} for
   * their meaning and defaults: {@code max_file_bytes} 1048576, {@code max_archive_bytes}
   * 1073741824, {@code max_compression_ratio} 100, {@code max_entries} 100000, {@code
   * latin1_fallback} true. {@code maven_repository} is a Maven repository (a local directory
   * such as {@code ~/.m2/repository}, or a Beam filesystem URI) in which the pom of a jar read
   * alone, and its parents, are looked up by the jar's coordinates ({@link
   * org.provenant.filters.license.MavenRepository}); null when none is named ({@code curate}
   * then uses {@code ~/.m2/repository} if it exists), {@value #NO_MAVEN_REPOSITORY} for none at all.
   */
  @JsonPropertyOrder({"max_file_bytes", "max_archive_bytes", "max_compression_ratio", "max_entries", "latin1_fallback", "maven_repository"})
  public record Code(
      @JsonProperty("max_file_bytes") Long maxFileBytes,
      @JsonProperty("max_archive_bytes") Long maxArchiveBytes,
      @JsonProperty("max_compression_ratio") Double maxCompressionRatio,
      @JsonProperty("max_entries") Integer maxEntries,
      @JsonProperty("latin1_fallback") Boolean latin1Fallback,
      @JsonProperty("maven_repository") String mavenRepository)
      implements Serializable {
    static final Code DEFAULT = new Code(null, null, null, null, null, null);
    /** The {@code maven_repository} value that means: look up no repository, not even the default. */
    public static final String NO_MAVEN_REPOSITORY = "none";

    public Code {
      if (mavenRepository != null && mavenRepository.isBlank()) {
        throw new IllegalArgumentException("read.code.maven_repository must be a directory or URI, or \"none\"");
      }
      maxFileBytes = maxFileBytes == null ? CodeReadLimits.DEFAULT_MAX_FILE_BYTES : maxFileBytes;
      maxArchiveBytes = maxArchiveBytes == null ? CodeReadLimits.DEFAULT_MAX_ARCHIVE_BYTES : maxArchiveBytes;
      maxCompressionRatio = maxCompressionRatio == null ? CodeReadLimits.DEFAULT_MAX_COMPRESSION_RATIO : maxCompressionRatio;
      maxEntries = maxEntries == null ? CodeReadLimits.DEFAULT_MAX_ENTRIES : maxEntries;
      latin1Fallback = latin1Fallback == null ? CodeReadLimits.DEFAULT_LATIN1_FALLBACK : latin1Fallback;
      limitsOf(maxFileBytes, maxArchiveBytes, maxCompressionRatio, maxEntries, latin1Fallback); // checks the values now
    }

    /** The repository to look poms up in; empty when none is named or it is {@value #NO_MAVEN_REPOSITORY}. */
    public java.util.Optional<String> repository() {
      return mavenRepository == null || mavenRepository.equals(NO_MAVEN_REPOSITORY) ? java.util.Optional.empty() : java.util.Optional.of(mavenRepository);
    }

    /** These limits with {@code maven_repository} set to {@code repository}. */
    public Code withMavenRepository(String repository) {
      return new Code(maxFileBytes, maxArchiveBytes, maxCompressionRatio, maxEntries, latin1Fallback, repository);
    }

    /** The reader limits these values stand for. */
    public CodeReadLimits limits() {
      return limitsOf(maxFileBytes, maxArchiveBytes, maxCompressionRatio, maxEntries, latin1Fallback);
    }

    private static CodeReadLimits limitsOf(long file, long archive, double ratio, int entries, boolean latin1) {
      return new CodeReadLimits(file, archive, ratio, entries, latin1);
    }
  }

  /**
   * Text extraction. {@code html_signals} (default true) also reads the page's Creative Commons
   * licence statements into {@code license} and its AI opt-out statements (headers and metas) into
   * {@code signals.optout}.
   */
  public record Extract(
      @JsonProperty("accept_plain_text") Boolean acceptPlainText,
      @JsonProperty("html_signals") Boolean htmlSignals)
      implements Serializable {
    static final Extract DEFAULT = new Extract(null, null);

    public Extract {
      acceptPlainText = acceptPlainText == null ? Boolean.TRUE : acceptPlainText;
      htmlSignals = htmlSignals == null ? Boolean.TRUE : htmlSignals;
    }
  }

  /**
   * Output layout. Documents go to shard {@code murmur3(id) mod shards} and are sorted by id inside
   * it, so shard bytes do not depend on the runner; a shard is sorted in one worker's memory.
   */
  public record Output(@JsonProperty("shards") Integer shards) implements Serializable {
    static final Output DEFAULT = new Output(null);

    public Output {
      shards = shards == null ? 4 : shards;
      if (shards < 1 || shards > 100_000) {
        throw new IllegalArgumentException("output.shards must be between 1 and 100000: " + shards);
      }
    }
  }

  /** Parses a configuration file's text; the message of a failure names the bad key or value. */
  public static CurationConfig parse(String json) {
    try {
      CurationConfig c = JSON.readValue(json, CurationConfig.class);
      return c == null ? DEFAULT : c;
    } catch (UnrecognizedPropertyException e) {
      throw new IllegalArgumentException("unknown configuration key \"" + e.getPropertyName() + "\" at " + path(e) + "; known keys: " + e.getKnownPropertyIds());
    } catch (com.fasterxml.jackson.databind.JsonMappingException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IllegalArgumentException iae) {
        throw iae;
      }
      throw new IllegalArgumentException("bad configuration value at " + path(e) + ": " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new IllegalArgumentException("configuration is not valid JSON: " + e.getMessage().split("\n")[0]);
    }
  }

  private static String path(com.fasterxml.jackson.databind.JsonMappingException e) {
    StringBuilder b = new StringBuilder();
    for (com.fasterxml.jackson.databind.JsonMappingException.Reference r : e.getPath()) {
      if (b.length() > 0) {
        b.append('.');
      }
      b.append(r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]");
    }
    return b.length() == 0 ? "top level" : b.toString();
  }

  /** Canonical JSON: every key, sorted, no whitespace. */
  public String canonicalJson() {
    try {
      JsonNode tree = JSON.valueToTree(this);
      return JSON.writeValueAsString(JSON.treeToValue(tree, Object.class));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** sha256 (hex) of {@link #canonicalJson()}. */
  public String sha256() {
    return Hashing.sha256().hashString(canonicalJson(), StandardCharsets.UTF_8).toString();
  }
}
