package dev.storyvault.platform;

import java.io.IOException;
import java.io.Writer;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * Requests Tomcat rejects before any servlet runs (a malformed request line, an encoded path it
 * refuses) still answer in problem+json, without the server's name, version or a stack trace.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

  @Override
  protected void report(Request request, Response response, Throwable throwable) {
    int status = response.getStatus();
    if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) return;
    try {
      response.setContentType("application/problem+json");
      response.setCharacterEncoding("UTF-8");
      Writer writer = response.getReporter();
      if (writer == null) return;
      writer.write(
          "{\"type\":\""
              + Problems.TYPE_PREFIX
              + Problems.slugFor(status)
              + "\",\"title\":\"Request rejected\","
              + "\"status\":"
              + status
              + ",\"detail\":\"The server rejected this request before handling it; "
              + "check the request line, path encoding and headers.\"}");
      response.finishResponse();
    } catch (IOException | IllegalStateException ignored) {
      // why: the client may be gone; nothing more can be sent
    }
  }
}
