package io.segmented.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kept engine JVM's socket, greeting and stop, on real Unix domain sockets: the engine's side
 * here is a listener of the test's own that answers as {@link EngineMain}'s kept JVM does.
 */
class ResidentEngineTest {

  @TempDir Path tmp;
  private String tmpdir;
  private final List<ResidentEngine.Listening> listening = new ArrayList<>();

  @BeforeEach
  void ownTemporaryFolder() {
    tmpdir = System.getProperty("java.io.tmpdir");
    System.setProperty("java.io.tmpdir", tmp.toString());
  }

  @AfterEach
  void restore() {
    listening.forEach(ResidentEngine.Listening::close);
    listening.forEach(l -> ResidentEngine.closeQuietly(l.server()));
    listening.forEach(l -> ResidentEngine.closeQuietly(l.lock()));
    System.setProperty("java.io.tmpdir", tmpdir);
  }

  @Test
  void theSocketIsOneForEachModuleInAFolderOfTheUsersOwn() throws IOException {
    Path a = ResidentEngine.socket(tmp.resolve("orders")).orElseThrow();
    assertEquals(a, ResidentEngine.socket(tmp.resolve("orders/../orders")).orElseThrow());
    assertNotEquals(a, ResidentEngine.socket(tmp.resolve("billing")).orElseThrow());
    assertEquals(tmp.resolve("segment-engines-" + System.getProperty("user.name")), a.getParent());
    assertEquals(
        "rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(a.getParent())));
  }

  @Test
  void aFolderOthersMayWriteToHasNoSocket() throws IOException {
    Path dir = tmp.resolve("segment-engines-" + System.getProperty("user.name"));
    Files.createDirectories(dir);
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
    assertEquals(Optional.empty(), ResidentEngine.socket(tmp.resolve("orders")));
  }

  @Test
  void aBuildGreetsTheKeptJvmWithItsKeyAndGetsItsPidAndLog() throws Exception {
    Path module = tmp.resolve("orders");
    CompletableFuture<String> greeting =
        answering(module, hello -> ResidentEngine.OK + "4242 1700000000000 /work/engine.log");
    List<String> refusals = new ArrayList<>();
    ResidentEngine.Connected c = ResidentEngine.connect(module, "k1", refusals::add).orElseThrow();
    assertEquals(ResidentEngine.HELLO + "k1", greeting.get(10, TimeUnit.SECONDS));
    assertEquals(4242, c.pid());
    assertEquals(1700000000000L, c.startedMillis());
    assertEquals(Path.of("/work/engine.log"), c.log());
    assertEquals(List.of(), refusals);
    c.channel().close();
  }

  @Test
  void aBusyOrOtherKeptJvmIsRefusedWithItsAnswer() throws Exception {
    Path module = tmp.resolve("orders");
    answering(module, hello -> ResidentEngine.BUSY);
    List<String> refusals = new ArrayList<>();
    assertEquals(Optional.empty(), ResidentEngine.connect(module, "k1", refusals::add));
    assertEquals(List.of(ResidentEngine.BUSY), refusals);
  }

  @Test
  void aSocketItsJvmLeftWhenKilledIsNoKeptJvm() throws Exception {
    Path module = tmp.resolve("orders");
    ResidentEngine.Listening l = ResidentEngine.listen(module).orElseThrow();
    l.server().close(); // the file stays, as after SIGKILL
    assertTrue(Files.exists(l.socket()));
    List<String> refusals = new ArrayList<>();
    assertEquals(Optional.empty(), ResidentEngine.connect(module, "k1", refusals::add));
    assertEquals(List.of(), refusals);
    assertEquals(Optional.empty(), ResidentEngine.stop(module));
    l.lock().close();
    // the next JVM to stay binds it again
    ResidentEngine.Listening again = ResidentEngine.listen(module).orElseThrow();
    listening.add(again);
    assertTrue(again.server().isOpen());
  }

  @Test
  void onlyOneJvmHoldsTheModulesSocket() {
    Path module = tmp.resolve("orders");
    listening.add(ResidentEngine.listen(module).orElseThrow());
    assertEquals(Optional.empty(), ResidentEngine.listen(module));
  }

  @Test
  void stopWaitsForTheKeptJvmToExit() throws Exception {
    Path module = tmp.resolve("orders");
    Process jvm = new ProcessBuilder("sleep", "0.5").start();
    CompletableFuture<String> asked =
        answering(module, hello -> ResidentEngine.STOPPED + " " + jvm.pid());
    assertEquals(Optional.of(jvm.pid()), ResidentEngine.stop(module));
    assertEquals(ResidentEngine.STOP, asked.get(10, TimeUnit.SECONDS));
    assertFalse(jvm.isAlive());
  }

  @Test
  void stopWaitsForAKeptJvmThatRunsABuildToEndIt() throws Exception {
    Path module = tmp.resolve("orders");
    Process jvm = new ProcessBuilder("sleep", "0.5").start();
    answering(module, hello -> ResidentEngine.BUSY + " " + jvm.pid());
    assertEquals(Optional.of(jvm.pid()), ResidentEngine.stop(module));
    assertFalse(jvm.isAlive());
  }

  @Test
  void stopSaysWhatAnAnswerItDoesNotKnowWas() {
    Path module = tmp.resolve("orders");
    answering(module, hello -> "what?");
    IOException e = assertThrows(IOException.class, () -> ResidentEngine.stop(module));
    assertTrue(e.getMessage().contains("answered 'what?'"), e.getMessage());
  }

  @Test
  void aLinkInPlaceOfTheFolderHasNoSocket() throws IOException {
    Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
    Files.setPosixFilePermissions(elsewhere, PosixFilePermissions.fromString("rwx------"));
    Files.createSymbolicLink(
        tmp.resolve("segment-engines-" + System.getProperty("user.name")), elsewhere);
    assertEquals(Optional.empty(), ResidentEngine.socket(tmp.resolve("orders")));
  }

  @Test
  void aReadThatWaitsHoldsUpNoWrite() throws Exception {
    Path module = tmp.resolve("orders");
    ResidentEngine.Listening l = ResidentEngine.listen(module).orElseThrow();
    listening.add(l);
    try (SocketChannel client =
            SocketChannel.open(java.net.UnixDomainSocketAddress.of(l.socket()));
        SocketChannel server = l.server().accept()) {
      InputStream in = ResidentEngine.input(client);
      CompletableFuture<Integer> read = CompletableFuture.supplyAsync(() -> readOne(in));
      Thread.sleep(100); // the read waits in the channel now; the write must not wait for it
      ResidentEngine.output(client).write("x\n".getBytes(StandardCharsets.UTF_8));
      assertEquals(Optional.of("x"), ResidentEngine.readLine(ResidentEngine.input(server)));
      ResidentEngine.answer(server, "y");
      assertEquals('y', read.get(10, TimeUnit.SECONDS));
    }
  }

  @Test
  void theKeyChangesWithWhatTheJvmWouldBeForkedWith() throws IOException {
    Path jar = Files.writeString(tmp.resolve("engine.jar"), "one");
    SystemStreamLog log = new SystemStreamLog();
    String key = EngineProcess.key(List.of(jar), Map.of("docker.host", "a"), log);
    assertEquals(key, EngineProcess.key(List.of(jar), Map.of("docker.host", "a"), log));
    assertNotEquals(key, EngineProcess.key(List.of(jar), Map.of("docker.host", "b"), log));
    Files.writeString(jar, "a new build of the plugin");
    assertNotEquals(key, EngineProcess.key(List.of(jar), Map.of("docker.host", "a"), log));
  }

  private static int readOne(InputStream in) {
    try {
      return in.read();
    } catch (IOException e) {
      return -2;
    }
  }

  /**
   * A kept JVM's socket for {@code module} that answers one greeting with {@code answer}; the
   * greeting it got.
   */
  private CompletableFuture<String> answering(Path module, Function<String, String> answer) {
    ResidentEngine.Listening l = ResidentEngine.listen(module).orElseThrow();
    listening.add(l);
    return CompletableFuture.supplyAsync(
        () -> {
          try (SocketChannel c = l.server().accept()) {
            String hello = ResidentEngine.readLine(ResidentEngine.input(c)).orElse("");
            ResidentEngine.answer(c, answer.apply(hello));
            return hello;
          } catch (IOException e) {
            throw new IllegalStateException(e);
          }
        });
  }
}
