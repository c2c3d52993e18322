package io.segmented.maven;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The engine's JVM kept between builds ({@code -Dsegment.keep}), as its fixtures are: after a run
 * that keeps fixtures, the engine's JVM does not exit but waits, idle for as long as the fixtures
 * are kept, on a Unix domain socket of the module, and the module's next build runs in it rather
 * than forking one, without the JVM's start, class loading and compiling again, and with its Docker
 * client connected. One build at a time: a second one at once forks an engine JVM of its own. It
 * runs a build only when the build would fork it the same way ({@link #HELLO} with a key of the
 * classpath, the JVM's options, the passed properties and the environment); one that would not
 * makes it exit, and forks a fresh one. When the build it runs goes away (Maven's JVM killed,
 * Ctrl-C), it exits as a forked one does, and its hooks stop what the run started.
 *
 * <p>The socket is in a folder of the user's own (mode 700) under the temporary folder, named by a
 * hash of the module's directory; a lock file beside it says which JVM holds it. Only this class
 * touches them, on both sides: it names no Maven and no engine type, since {@code segment:down}'s
 * Mojo stops the kept JVM ({@link #stop}).
 */
final class ResidentEngine {

  /** A build's greeting, with its key: the kept JVM answers {@link #OK}, {@link #BUSY} or other. */
  static final String HELLO = "hello ";

  /** {@code segment:down}'s request: the kept JVM exits (once its run ended, when busy). */
  static final String STOP = "stop";

  static final String OK = "ok ";
  static final String BUSY = "busy";
  static final String OTHER = "other";
  static final String STOPPED = "stopped";

  /** How long a build waits for the kept JVM's answer to its greeting. */
  private static final Duration ANSWER_WAIT = Duration.ofSeconds(5);

  /** How long {@code segment:down} waits for the kept JVM to exit. */
  static final Duration EXIT_WAIT = Duration.ofSeconds(30);

  /** Longer paths do not fit a Unix domain socket's address (104 bytes on macOS, 108 on Linux). */
  private static final int MAX_PATH = 100;

  private static final Set<PosixFilePermission> OWNER_ONLY =
      PosixFilePermissions.fromString("rwx------");

  private ResidentEngine() {}

  /**
   * The socket of the kept engine JVM of the module in {@code basedir}; empty where there can be
   * none: a file system without POSIX permissions, a folder that is not the user's own, a path too
   * long for a socket.
   */
  static Optional<Path> socket(Path basedir) {
    try {
      Path dir =
          Path.of(
              System.getProperty("java.io.tmpdir"),
              "segment-engines-" + System.getProperty("user.name"));
      if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
        Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
      }
      // not through a link (another user's, to a folder of ours they could then swap): the
      // temporary folder's sticky bit keeps a folder of ours ours
      if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)
          || !Files.getPosixFilePermissions(dir, LinkOption.NOFOLLOW_LINKS).equals(OWNER_ONLY)
          || !Files.getOwner(dir, LinkOption.NOFOLLOW_LINKS)
              .getName()
              .equals(System.getProperty("user.name"))) {
        return Optional.empty(); // another user's, or open to others: not ours to listen in
      }
      Path socket = dir.resolve(hash(basedir.toAbsolutePath().normalize().toString()) + ".sock");
      return socket.toString().getBytes(StandardCharsets.UTF_8).length > MAX_PATH
          ? Optional.empty()
          : Optional.of(socket);
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** The first 16 hex digits of the SHA-256 of {@code text}. */
  static String hash(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  /** A connection to a kept engine JVM that took this build. */
  record Connected(SocketChannel channel, long pid, long startedMillis, Path log) {

    InputStream in() {
      return input(channel);
    }

    OutputStream out() {
      return output(channel);
    }
  }

  /**
   * The kept engine JVM of {@code basedir}, connected, when one runs with {@code key} and is free;
   * empty when there is none, it is busy, or it runs with another key (it then exits): {@code
   * refused} gets its answer ({@link #BUSY}, {@link #OTHER}) then.
   */
  static Optional<Connected> connect(Path basedir, String key, Consumer<String> refused) {
    Optional<Path> socket = socket(basedir).filter(Files::exists);
    if (socket.isEmpty()) {
      return Optional.empty();
    }
    SocketChannel channel = null;
    try {
      channel = SocketChannel.open(StandardProtocolFamily.UNIX);
      channel.connect(UnixDomainSocketAddress.of(socket.get()));
      String answer = ask(channel, HELLO + key);
      if (!answer.startsWith(OK)) {
        channel.close();
        refused.accept(answer);
        return Optional.empty();
      }
      String[] words = answer.substring(OK.length()).split(" ", 3);
      return Optional.of(
          new Connected(
              channel, Long.parseLong(words[0]), Long.parseLong(words[1]), Path.of(words[2])));
    } catch (IOException | RuntimeException e) {
      // none listens (a JVM that was killed left its socket), or it broke: fork one
      closeQuietly(channel);
      return Optional.empty();
    }
  }

  /**
   * Stops the kept engine JVM of {@code basedir}, if one runs: its pid when it exited, empty when
   * none ran; one busy with a build exits when that build's run ends.
   */
  static Optional<Long> stop(Path basedir) throws IOException {
    Optional<Path> socket = socket(basedir).filter(Files::exists);
    if (socket.isEmpty()) {
      return Optional.empty();
    }
    try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
      try {
        channel.connect(UnixDomainSocketAddress.of(socket.get()));
      } catch (IOException e) {
        return Optional.empty(); // a socket its JVM left when it was killed
      }
      String answer = ask(channel, STOP);
      boolean busy = answer.startsWith(BUSY + " ");
      if (!answer.startsWith(STOPPED) && !busy) {
        throw new IOException("the engine's JVM kept for this module answered '" + answer + "'");
      }
      // a busy one exits once the build it runs ends its run: waited for as long as one that
      // stops now, which is not long enough for every run
      long pid = Long.parseLong(answer.substring(busy ? BUSY.length() : STOPPED.length()).strip());
      Optional<ProcessHandle> handle = ProcessHandle.of(pid);
      if (handle.isPresent()) {
        try {
          handle.get().onExit().get(EXIT_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        } catch (Exception e) {
          throw new IOException(
              "the engine's JVM kept for this module (pid "
                  + pid
                  + ") "
                  + (busy
                      ? "runs a build, and exits when that build's run ends"
                      : "did not exit within " + EXIT_WAIT.toSeconds() + " s"),
              e);
        }
      }
      return Optional.of(pid);
    }
  }

  /** Sends {@code line} and reads the one-line answer, for at most {@link #ANSWER_WAIT}. */
  private static String ask(SocketChannel channel, String line) throws IOException {
    output(channel).write((line + "\n").getBytes(StandardCharsets.UTF_8));
    ScheduledExecutorService timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "segment-engine-answer");
              t.setDaemon(true);
              return t;
            });
    try {
      timer.schedule(() -> closeQuietly(channel), ANSWER_WAIT.toMillis(), TimeUnit.MILLISECONDS);
      return readLine(input(channel)).orElse("");
    } finally {
      timer.shutdownNow();
    }
  }

  /** One line of {@code in}, without reading past it; empty at the end of the input. */
  static Optional<String> readLine(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    for (int b = in.read(); b != '\n'; b = in.read()) {
      if (b < 0) {
        return line.size() == 0 ? Optional.empty() : Optional.of(line.toString(UTF8));
      }
      line.write(b);
    }
    return Optional.of(line.toString(UTF8));
  }

  private static final java.nio.charset.Charset UTF8 = StandardCharsets.UTF_8;

  /** Writes {@code line} and its end to {@code channel}. */
  static void answer(SocketChannel channel, String line) throws IOException {
    output(channel).write((line + "\n").getBytes(UTF8));
  }

  /**
   * {@code channel}'s input. Not {@code Channels.newInputStream}, whose reads hold a lock its
   * writes need on JDK 17, so that a read that waits would hold up every write.
   */
  static InputStream input(SocketChannel channel) {
    return new InputStream() {
      @Override
      public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        return len == 0 ? 0 : channel.read(ByteBuffer.wrap(b, off, len));
      }

      @Override
      public void close() throws IOException {
        channel.close();
      }
    };
  }

  /** {@code channel}'s output; closing it ends the output alone ({@link #input} has the why). */
  static OutputStream output(SocketChannel channel) {
    return new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(b, off, len);
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
      }

      @Override
      public void close() throws IOException {
        if (channel.isOpen()) {
          channel.shutdownOutput();
        }
      }
    };
  }

  static void closeQuietly(java.io.Closeable closeable) {
    if (closeable == null) {
      return;
    }
    try {
      closeable.close();
    } catch (IOException e) {
      // closed already
    }
  }

  /**
   * The engine JVM's side: the module's socket, bound, and the lock that says this JVM holds it;
   * empty when another JVM holds it (a kept one that runs a build now), or it cannot be bound.
   */
  static Optional<Listening> listen(Path basedir) {
    Optional<Path> socket = socket(basedir);
    if (socket.isEmpty()) {
      return Optional.empty();
    }
    FileChannel lockFile = null;
    try {
      Path lockPath = socket.get().resolveSibling(socket.get().getFileName() + ".lock");
      lockFile = FileChannel.open(lockPath, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock = lockFile.tryLock();
      if (lock == null) {
        lockFile.close();
        return Optional.empty();
      }
      // a socket file left by a kept JVM that was killed: no one holds its lock
      Files.deleteIfExists(socket.get());
      ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
      server.bind(UnixDomainSocketAddress.of(socket.get()));
      return Optional.of(new Listening(server, socket.get(), lockFile));
    } catch (IOException | RuntimeException e) {
      closeQuietly(lockFile);
      return Optional.empty();
    }
  }

  /** The kept JVM's bound socket; the lock is held for as long as the JVM lives. */
  record Listening(ServerSocketChannel server, Path socket, FileChannel lock) {

    /**
     * Removes the socket, so that no build tries it after this JVM exits. The channel stays open
     * until the exit, so that the thread accepting on it does not take its close for a failure.
     */
    void close() {
      try {
        Files.deleteIfExists(socket);
      } catch (IOException e) {
        // the next kept JVM deletes it before it binds
      }
    }
  }
}
