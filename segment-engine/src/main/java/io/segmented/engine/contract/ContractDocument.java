package io.segmented.engine.contract;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An OpenAPI 3 document, parsed with its {@code $ref}s resolved, as the checks of both sides of a
 * boundary need it: its operations, found by method and request path.
 */
public final class ContractDocument {

  private static final Pattern TEMPLATE_PARAM = Pattern.compile("\\{([^}/]+)}");

  /** swagger-parser's message for a {@code $ref} its deny list refused. */
  private static final Pattern REFUSED = Pattern.compile("explicit denylist\\. URL \\[([^\\]]*)]");

  private final String name;
  private final String basePath;
  private final List<ContractOperation> operations;

  private ContractDocument(String name, String basePath, List<ContractOperation> operations) {
    this.name = name;
    this.basePath = basePath;
    this.operations = List.copyOf(operations);
  }

  /**
   * Reads the document.
   *
   * @param name the document as the manifest names it, for messages
   * @throws ContractException when it is not an OpenAPI 3 document
   */
  public static ContractDocument read(String name, Path document) throws ContractException {
    return read(name, document, false);
  }

  /**
   * Reads the document, fetching its {@code $ref}s to {@code http(s)} URLs only when {@code
   * remoteRefs} is set ({@code remoteRefs: true} in the manifest): reading a contract reaches no
   * network unless asked to.
   *
   * @param name the document as the manifest names it, for messages
   * @throws ContractException when it is not an OpenAPI 3 document, or refers to a remote document
   *     that is not fetched
   */
  public static ContractDocument read(String name, Path document, boolean remoteRefs)
      throws ContractException {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    options.setResolveFully(true);
    if (!remoteRefs) {
      options.setSafelyResolveURL(true);
      options.setRemoteRefBlockList(List.of("*"));
    }
    SwaggerParseResult result =
        new OpenAPIV3Parser().readLocation(document.toUri().toString(), null, options);
    List<String> refused = refusedUrls(result.getMessages());
    if (!refused.isEmpty()) {
      throw new ContractException(
          "contract "
              + name
              + " refers to "
              + String.join(", ", refused)
              + ", which is not fetched: reading a contract reaches no network unless asked to."
              + " Keep the referred document beside the contract and refer to it by a relative"
              + " path, or add 'remoteRefs: true' to the boundary's contract");
    }
    OpenAPI api = result.getOpenAPI();
    if (api == null || api.getPaths() == null) {
      List<String> messages = result.getMessages() == null ? List.of() : result.getMessages();
      throw new ContractException(
          "contract "
              + name
              + " is not an OpenAPI 3 document"
              + (messages.isEmpty() ? "" : ": " + String.join("; ", messages))
              + ". Check it with an OpenAPI editor");
    }
    List<ContractOperation> operations = new ArrayList<>();
    api.getPaths()
        .forEach(
            (template, item) ->
                item.readOperationsMap()
                    .forEach(
                        (method, op) ->
                            operations.add(
                                new ContractOperation(
                                    method.name(), template, op, parameters(item, op)))));
    return new ContractDocument(name, basePath(api), operations);
  }

  /** The URLs the parser was told not to fetch, from its messages. */
  private static List<String> refusedUrls(List<String> messages) {
    List<String> out = new ArrayList<>();
    if (messages != null) {
      for (String m : messages) {
        Matcher url = REFUSED.matcher(m == null ? "" : m);
        if (url.find() && !out.contains(url.group(1))) {
          out.add(url.group(1));
        }
      }
    }
    return out;
  }

  /** Path-level parameters, overridden by the operation's own of the same name and place. */
  private static List<Parameter> parameters(PathItem item, Operation op) {
    Map<String, Parameter> byKey = new LinkedHashMap<>();
    for (List<Parameter> list : Arrays.asList(item.getParameters(), op.getParameters())) {
      if (list != null) {
        list.forEach(p -> byKey.put(p.getIn() + ":" + p.getName(), p));
      }
    }
    return List.copyOf(byKey.values());
  }

  private static String basePath(OpenAPI api) {
    List<Server> servers = api.getServers();
    if (servers == null || servers.isEmpty() || servers.get(0).getUrl() == null) {
      return "";
    }
    try {
      String path = URI.create(servers.get(0).getUrl()).getPath();
      return path == null || path.equals("/") ? "" : path.replaceAll("/+$", "");
    } catch (IllegalArgumentException e) {
      return "";
    }
  }

  /** The document as the manifest names it. */
  public String name() {
    return name;
  }

  /** The path of the first server, {@code /api}; empty when it has none. */
  public String basePath() {
    return basePath;
  }

  /** Every operation, in the document's order. */
  public List<ContractOperation> operations() {
    return operations;
  }

  /**
   * The operations whose path template matches a request path, literal templates before templated
   * ones; with {@code method} null (WireMock's {@code ANY}) of every method.
   */
  public List<Match> find(String method, String requestPath) {
    String path = requestPath;
    if (!basePath.isEmpty() && path.startsWith(basePath)) {
      path = path.substring(basePath.length());
    }
    List<Match> found = new ArrayList<>();
    for (ContractOperation op : operations) {
      if (method != null && !op.method().equalsIgnoreCase(method)) {
        continue;
      }
      Matcher m = regex(op.path()).matcher(path);
      if (m.matches()) {
        Map<String, String> values = new LinkedHashMap<>();
        List<String> names = paramNames(op.path());
        for (int i = 0; i < names.size(); i++) {
          values.put(names.get(i), m.group(i + 1));
        }
        found.add(new Match(op, values));
      }
    }
    found.sort(Comparator.comparingInt(m -> m.pathValues().size()));
    return found;
  }

  /** Whether any operation has this path, whatever its method. */
  public boolean hasPath(String requestPath) {
    return !find(null, requestPath).isEmpty();
  }

  /** The methods declared on the paths that match, {@code GET, PUT}. */
  public String methodsOf(String requestPath) {
    return String.join(
        ", ",
        find(null, requestPath).stream()
            .map(m -> m.operation().method().toUpperCase(Locale.ROOT))
            .distinct()
            .toList());
  }

  static Pattern regex(String template) {
    StringBuilder regex = new StringBuilder();
    Matcher m = TEMPLATE_PARAM.matcher(template);
    int last = 0;
    while (m.find()) {
      regex.append(Pattern.quote(template.substring(last, m.start()))).append("([^/]+)");
      last = m.end();
    }
    regex.append(Pattern.quote(template.substring(last)));
    return Pattern.compile(regex.toString());
  }

  static List<String> paramNames(String template) {
    List<String> names = new ArrayList<>();
    Matcher m = TEMPLATE_PARAM.matcher(template);
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }

  /** An operation that matched a request path, with the values of its path parameters. */
  public record Match(ContractOperation operation, Map<String, String> pathValues) {}

  /**
   * A contract's {@code method path} and what it declares.
   *
   * @param method {@code GET}, upper case
   * @param path the path template, {@code /prices/{sku}}
   */
  public record ContractOperation(
      String method, String path, Operation operation, List<Parameter> parameters) {

    /** {@code GET /prices/{sku} (getPrice)}, as messages name it. */
    public String label() {
      String id = operation.getOperationId();
      return method + " " + path + (id == null ? "" : " (" + id + ")");
    }
  }
}
