package org.provenant.pipelines.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The few read-only calls of a Flink JobManager's REST API that starting, watching and testing a
 * session cluster need: how many TaskManagers are registered, which jobs exist, and which tasks
 * of a job run where. Every call has a short timeout; an unreachable JobManager is an IOException.
 */
public final class FlinkRest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final String base;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  /** @param address {@code host:port} of the REST endpoint, as given to {@code --flinkMaster} */
  public FlinkRest(String address) {
    this.base = "http://" + address;
  }

  /** A job as {@code /jobs/overview} lists it. */
  public record Job(String id, String name, String state) {}

  /** A job vertex (a chain of operators) with its aggregate status, e.g. {@code CREATED}, {@code RUNNING}, {@code FINISHED}. */
  public record Vertex(String id, String name, String status) {}

  /** Where one subtask of a vertex runs: the TaskManager's resource id and the subtask's status. */
  public record Placement(String taskManagerId, String status) {}

  JsonNode get(String path) throws IOException {
    HttpRequest req = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(5)).GET().build();
    try {
      HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 200) {
        throw new IOException("GET " + path + ": HTTP " + r.statusCode() + ": " + r.body());
      }
      return JSON.readTree(r.body());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while calling " + path, e);
    }
  }

  /** TaskManagers registered with the ResourceManager. */
  public int taskManagers() throws IOException {
    return get("/overview").path("taskmanagers").asInt();
  }

  /** Resource ids of the registered TaskManagers. */
  public List<String> taskManagerIds() throws IOException {
    List<String> ids = new ArrayList<>();
    get("/taskmanagers").path("taskmanagers").forEach(t -> ids.add(t.path("id").asText()));
    return ids;
  }

  public List<Job> jobs() throws IOException {
    List<Job> out = new ArrayList<>();
    get("/jobs/overview").path("jobs").forEach(j -> out.add(new Job(j.path("jid").asText(), j.path("name").asText(), j.path("state").asText())));
    return out;
  }

  public List<Vertex> vertices(String jobId) throws IOException {
    List<Vertex> out = new ArrayList<>();
    get("/jobs/" + jobId).path("vertices").forEach(v -> out.add(new Vertex(v.path("id").asText(), v.path("name").asText(), v.path("status").asText())));
    return out;
  }

  /** How often the job has been restarted so far ({@code numRestarts} in the job's details). */
  public long restarts(String jobId) throws IOException {
    return get("/jobs/" + jobId + "/metrics?get=numRestarts").path(0).path("value").asLong(0);
  }

  /** Each subtask of a vertex with the TaskManager it was deployed to. */
  public List<Placement> placements(String jobId, String vertexId) throws IOException {
    List<Placement> out = new ArrayList<>();
    get("/jobs/" + jobId + "/vertices/" + vertexId).path("subtasks").forEach(s ->
        out.add(new Placement(s.path("taskmanager-id").asText(), s.path("status").asText())));
    return out;
  }

  /** One failure the JobManager recorded for a job: what failed, and on which TaskManager. */
  public record Failure(String exception, String taskName, String taskManagerId) {}

  /** The failures in the job's exception history (each one caused a restart of some region), oldest first. */
  public List<Failure> failures(String jobId) throws IOException {
    List<Failure> out = new ArrayList<>();
    get("/jobs/" + jobId + "/exceptions").path("exceptionHistory").path("entries").forEach(e -> out.add(0, new Failure(
        e.path("stacktrace").asText(""), e.path("taskName").asText(""), e.path("taskManagerId").asText(""))));
    return out;
  }
}
