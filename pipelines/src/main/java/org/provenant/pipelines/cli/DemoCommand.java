package org.provenant.pipelines.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder until the demo generator lands; replaced below. */
@Command(name = "demo", description = "Generate a sample web corpus and curate it.")
final class DemoCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    throw new UserError("demo is not ready yet");
  }
}
