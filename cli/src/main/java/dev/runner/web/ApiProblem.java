package dev.runner.web;

import dev.runner.config.Problem;
import java.util.List;

/**
 * An answer other than success, as RFC 9457 has it ({@code application/problem+json}): {@code
 * type}, {@code title}, {@code status}, {@code detail}, and for a configuration's errors every
 * {@code problems} entry with file, line, column, path, message and hint. A handler throws it; the
 * server writes it.
 */
final class ApiProblem extends RuntimeException {

  /** The problem types runner answers besides plain HTTP ({@code about:blank}). */
  static final String CONFIG_INVALID = "urn:runner:problem:config-invalid";

  static final String TASK_INVALID = "urn:runner:problem:task-invalid";
  static final String TASK_EXISTS = "urn:runner:problem:task-exists";
  static final String CONFIG_CHANGED = "urn:runner:problem:config-changed";
  static final String MASKED_SECRET = "urn:runner:problem:masked-secret";
  static final String BAD_CRON = "urn:runner:problem:bad-cron";
  static final String TASK_BUSY = "urn:runner:problem:task-busy";
  static final String UNKNOWN_TASK = "urn:runner:problem:unknown-task";
  static final String WINDOW_TASK = "urn:runner:problem:window-task";
  static final String ELSEWHERE = "urn:runner:problem:elsewhere";
  static final String BAD_PARAMETER = "urn:runner:problem:bad-parameter";
  static final String BAD_BODY = "urn:runner:problem:bad-body";
  static final String FORBIDDEN = "urn:runner:problem:forbidden";
  static final String UNAUTHORIZED = "urn:runner:problem:unauthorized";
  static final String TOO_MANY_LOGINS = "urn:runner:problem:too-many-logins";
  static final String STORE = "urn:runner:problem:store";

  final int status;
  final String type;
  final String title;
  final List<Problem> problems;
  final List<String> allow;

  private ApiProblem(
      int status,
      String type,
      String title,
      String detail,
      List<Problem> problems,
      List<String> allow) {
    super(detail, null, false, false);
    this.status = status;
    this.type = type;
    this.title = title;
    this.problems = List.copyOf(problems);
    this.allow = List.copyOf(allow);
  }

  static ApiProblem of(int status, String type, String title, String detail) {
    return new ApiProblem(status, type, title, detail, List.of(), List.of());
  }

  /** A plain HTTP answer: the type {@code about:blank}, the status's reason as the title. */
  static ApiProblem http(int status, String detail) {
    return of(status, "about:blank", reason(status), detail);
  }

  static ApiProblem config(int status, String type, String title, List<Problem> problems) {
    return new ApiProblem(
        status,
        type,
        title,
        problems.size() + (problems.size() == 1 ? " problem" : " problems") + "; see problems",
        problems,
        List.of());
  }

  static ApiProblem methodNotAllowed(String method, List<String> allow) {
    return new ApiProblem(
        405,
        "about:blank",
        reason(405),
        method + " is not allowed here; allowed: " + String.join(", ", allow),
        List.of(),
        allow);
  }

  /** A query parameter that cannot be read: the answer names it. */
  static ApiProblem parameter(String name, String why) {
    return of(400, BAD_PARAMETER, "Bad query parameter", name + ": " + why);
  }

  static String reason(int status) {
    return switch (status) {
      case 400 -> "Bad Request";
      case 401 -> "Unauthorized";
      case 403 -> "Forbidden";
      case 404 -> "Not Found";
      case 405 -> "Method Not Allowed";
      case 409 -> "Conflict";
      case 413 -> "Content Too Large";
      case 422 -> "Unprocessable Content";
      case 429 -> "Too Many Requests";
      case 500 -> "Internal Server Error";
      case 503 -> "Service Unavailable";
      default -> "HTTP " + status;
    };
  }
}
