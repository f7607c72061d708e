package org.provenant.filters.code;

import com.google.common.collect.ImmutableMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The programming language of a source file, from its file name, its extension, and failing those
 * its shebang line ({@code #!/usr/bin/env python3}). Language ids are lower-case names in the
 * manner of GitHub Linguist ({@code cpp} for C++, {@code csharp} for C#, {@code shell} for sh and
 * bash). Files such as {@code .json} or {@code .md} get a language too: whether to keep them is a
 * later step's decision. Stateless.
 */
public final class CodeLanguages {
  private CodeLanguages() {}

  private static final Map<String, String> BY_EXTENSION = ImmutableMap.<String, String>builder()
      .put("java", "java").put("kt", "kotlin").put("kts", "kotlin").put("scala", "scala").put("sc", "scala")
      .put("groovy", "groovy").put("gradle", "groovy").put("clj", "clojure").put("cljs", "clojure")
      .put("c", "c").put("h", "c").put("cc", "cpp").put("cpp", "cpp").put("cxx", "cpp").put("hpp", "cpp")
      .put("hh", "cpp").put("hxx", "cpp").put("cs", "csharp").put("fs", "fsharp").put("vb", "visual_basic")
      .put("m", "objective_c").put("mm", "objective_cpp").put("swift", "swift").put("go", "go").put("rs", "rust")
      .put("zig", "zig").put("d", "d").put("py", "python").put("pyi", "python").put("pyx", "cython")
      .put("rb", "ruby").put("pl", "perl").put("pm", "perl").put("php", "php").put("lua", "lua")
      .put("r", "r").put("jl", "julia").put("js", "javascript").put("mjs", "javascript").put("cjs", "javascript")
      .put("jsx", "javascript").put("ts", "typescript").put("tsx", "typescript").put("mts", "typescript")
      .put("vue", "vue").put("svelte", "svelte").put("dart", "dart").put("elm", "elm").put("hs", "haskell")
      .put("ml", "ocaml").put("mli", "ocaml").put("ex", "elixir").put("exs", "elixir").put("erl", "erlang")
      .put("sh", "shell").put("bash", "shell").put("zsh", "shell").put("fish", "fish").put("ps1", "powershell")
      .put("bat", "batchfile").put("cmd", "batchfile").put("sql", "sql").put("html", "html").put("htm", "html")
      .put("css", "css").put("scss", "scss").put("sass", "sass").put("less", "less").put("xml", "xml")
      .put("xsd", "xml").put("json", "json").put("yaml", "yaml").put("yml", "yaml").put("toml", "toml")
      .put("ini", "ini").put("cfg", "ini").put("md", "markdown").put("markdown", "markdown").put("rst", "restructuredtext")
      .put("tex", "tex").put("proto", "protocol_buffer").put("thrift", "thrift").put("graphql", "graphql")
      .put("cmake", "cmake").put("mk", "makefile").put("f90", "fortran").put("f", "fortran").put("for", "fortran")
      .put("pas", "pascal").put("asm", "assembly").put("s", "assembly").put("v", "verilog").put("sv", "systemverilog")
      .put("vhd", "vhdl").put("vhdl", "vhdl").put("tf", "hcl").put("hcl", "hcl").put("nix", "nix")
      .put("cu", "cuda").put("sol", "solidity").put("ipynb", "jupyter_notebook").put("txt", "text")
      .build();

  private static final Map<String, String> BY_FILE_NAME = ImmutableMap.<String, String>builder()
      .put("makefile", "makefile").put("gnumakefile", "makefile").put("dockerfile", "dockerfile")
      .put("cmakelists.txt", "cmake").put("rakefile", "ruby").put("gemfile", "ruby").put("build", "starlark")
      .put("build.bazel", "starlark").put("workspace", "starlark").put("jenkinsfile", "groovy")
      .put("vagrantfile", "ruby").put("podfile", "ruby")
      .build();

  private static final Map<String, String> BY_INTERPRETER = ImmutableMap.<String, String>builder()
      .put("python", "python").put("python2", "python").put("python3", "python").put("node", "javascript")
      .put("nodejs", "javascript").put("deno", "typescript").put("sh", "shell").put("bash", "shell")
      .put("dash", "shell").put("ksh", "shell").put("zsh", "shell").put("fish", "fish").put("ruby", "ruby")
      .put("perl", "perl").put("php", "php").put("lua", "lua").put("Rscript", "r").put("julia", "julia")
      .put("tclsh", "tcl").put("awk", "awk").put("gawk", "awk").put("groovy", "groovy").put("pwsh", "powershell")
      .build();

  /**
   * The language of the file at {@code path} with content {@code text}: by file name ({@code
   * Makefile}), then extension, then shebang; empty when none tells.
   */
  public static Optional<String> detect(String path, String text) {
    String name = CodePaths.fileName(path).toLowerCase(Locale.ROOT);
    String byName = BY_FILE_NAME.get(name);
    if (byName != null) {
      return Optional.of(byName);
    }
    if (name.startsWith("dockerfile.")) {
      return Optional.of("dockerfile");
    }
    String byExt = BY_EXTENSION.get(CodePaths.extension(path));
    if (byExt != null) {
      return Optional.of(byExt);
    }
    return shebang(text);
  }

  /** The language of a {@code #!} first line: {@code #!/bin/bash}, {@code #!/usr/bin/env -S python3 -u}. */
  static Optional<String> shebang(String text) {
    if (text == null || !text.startsWith("#!")) {
      return Optional.empty();
    }
    int nl = text.indexOf('\n');
    String line = (nl < 0 ? text.substring(2) : text.substring(2, nl)).strip();
    String[] words = line.split("\\s+");
    int i = 0;
    String prog = CodePaths.fileName(words[0]);
    if (prog.equals("env")) {
      i = 1;
      while (i < words.length && words[i].startsWith("-")) {
        i++;
      }
      if (i >= words.length) {
        return Optional.empty();
      }
      prog = CodePaths.fileName(words[i]);
    }
    String lang = BY_INTERPRETER.get(prog);
    if (lang == null) {
      // python3.12, perl5.36
      String base = prog.replaceFirst("[0-9.]+$", "");
      lang = BY_INTERPRETER.get(base);
    }
    return Optional.ofNullable(lang);
  }
}
