package org.provenant.pipelines.cli;

import java.util.List;
import org.provenant.pipelines.dataflow.FlexTemplateSpec;

/**
 * The main class a Dataflow Flex Template launcher runs ({@code FLEX_TEMPLATE_JAVA_MAIN_CLASS}): the
 * launcher passes the template's parameters and its pipeline options as {@code --name=value}; this
 * runs {@code provenant curate} with them on the DataflowRunner and exits once the job is submitted.
 */
public final class FlexTemplateMain {
  private FlexTemplateMain() {}

  public static void main(String[] args) {
    System.exit(Main.execute(System.out, System.err, FlexTemplateSpec.curateArguments(List.of(args)).toArray(new String[0])));
  }
}
