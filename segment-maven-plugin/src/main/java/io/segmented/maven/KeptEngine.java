package io.segmented.maven;

import io.segmented.engine.SegmentEngine;
import io.segmented.engine.fixture.Keeping;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * The engine's JVM ({@link EngineMain}) kept for the module's next builds, once a run that keeps
 * its fixtures ended ({@link ResidentEngine} has the socket and the greeting): it answers their
 * greetings, one build at a time, each on a thread of its own, and exits when it was idle for as
 * long as the last run keeps its fixtures, when {@code segment:down} asks, or when a build that
 * would fork it otherwise greets it.
 */
final class KeptEngine {
  private final String key;
  private final Path errors;
  private final EngineMain.Switch output;
  private final PrintStream protocol;
  private final EngineLines.LineLog log;
  private final long started = System.currentTimeMillis();
  private volatile Duration stay;
  private final AtomicBoolean busy = new AtomicBoolean();
  private final AtomicBoolean stopping = new AtomicBoolean();

  /** Wall-clock time, which goes on while the machine sleeps, as the kept fixtures' expiry does. */
  private volatile long idleUntil;

  private volatile ResidentEngine.Listening listening;

  KeptEngine(
      String key,
      Path errors,
      EngineMain.Switch output,
      PrintStream protocol,
      EngineLines.LineLog log) {
    this.key = key;
    this.errors = errors;
    this.output = output;
    this.protocol = protocol;
    this.log = log;
  }

  /** Tells the build that ran that this JVM stays, for {@code stay}. */
  void stays(Duration stay) {
    log.info(
        "The engine's JVM (pid "
            + ProcessHandle.current().pid()
            + ") stays for this module's next build, for "
            + Keeping.words(stay)
            + " idle as its fixtures; mvn segment:down stops it");
    EngineMain.say(protocol, EngineLines.line(EngineLines.STAYS, ""));
  }

  /** Serves builds on {@code listening} until it exits; {@code stay} from now on. */
  void serve(ResidentEngine.Listening listening, Duration stay) throws IOException {
    this.listening = listening;
    this.stay = stay;
    // also when a build it runs goes away, and the run's end exits it
    Runtime.getRuntime()
        .addShutdownHook(new Thread(listening::close, "segment-engine-socket-removal"));
    idleUntil = System.currentTimeMillis() + stay.toMillis();
    ignoreTerminalSignals();
    Thread expiry = new Thread(this::expire, "segment-engine-expiry");
    expiry.setDaemon(true);
    expiry.start();
    while (true) {
      SocketChannel channel;
      try {
        channel = listening.server().accept();
      } catch (ClosedChannelException e) {
        return; // the JVM exits
      }
      Thread serving = new Thread(() -> greeted(channel), "segment-engine-build");
      serving.setDaemon(true);
      serving.start();
    }
  }

  /** Exits once idle past its time; a run that goes on holds it. */
  private void expire() {
    while (true) {
      long left = idleUntil - System.currentTimeMillis();
      // taken as a build would take it, so that none is taken while it exits; and asked to
      // stop (segment:down, a build that would fork it otherwise) while it ran a build
      if ((left <= 0 || stopping.get()) && busy.compareAndSet(false, true)) {
        exit();
      }
      try {
        // a second at most: a build it ran since may have shortened its time
        TimeUnit.MILLISECONDS.sleep(left <= 0 ? 1000 : Math.min(left, 1000));
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  /** Answers one connection's greeting, and serves its build when it is one to serve. */
  private void greeted(SocketChannel channel) {
    try {
      InputStream in = ResidentEngine.input(channel);
      String hello = ResidentEngine.readLine(in).orElse("");
      long pid = ProcessHandle.current().pid();
      if (hello.equals(ResidentEngine.STOP)) {
        if (!busy.compareAndSet(false, true)) {
          stopping.set(true);
          ResidentEngine.answer(channel, ResidentEngine.BUSY + " " + pid);
          channel.close();
          return;
        }
        try {
          ResidentEngine.answer(channel, ResidentEngine.STOPPED + " " + pid);
        } finally {
          exit();
        }
      }
      if (!hello.equals(ResidentEngine.HELLO + key)) {
        // a build that would fork it otherwise (a new plugin, other settings): it forks its
        // own, which stays in this one's place
        ResidentEngine.answer(channel, ResidentEngine.OTHER);
        channel.close();
        stopping.set(true);
        if (busy.compareAndSet(false, true)) {
          exit();
        }
        return;
      }
      if (stopping.get() || !busy.compareAndSet(false, true)) {
        ResidentEngine.answer(channel, ResidentEngine.BUSY);
        channel.close();
        return;
      }
      try {
        ResidentEngine.answer(channel, ResidentEngine.OK + pid + " " + started + " " + errors);
        build(channel, in);
      } catch (IOException | RuntimeException | Error e) {
        // taken by a build that broke off, with what it began unknown: the hooks stop it
        exit();
      }
    } catch (IOException | RuntimeException e) {
      // a greeting that broke off: nothing taken
      ResidentEngine.closeQuietly(channel);
    }
  }

  /** Serves one build's head start and run, then stays or exits. */
  private void build(SocketChannel channel, InputStream in) throws IOException {
    Optional<Duration> stay = Optional.empty();
    try {
      synchronized (protocol) {
        output.to(ResidentEngine.output(channel));
      }
      BufferedReader commands =
          new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      SegmentEngine engine = new SegmentEngine();
      List<Path> headStarted = new ArrayList<>();
      Optional<EngineMain.Ran> ran =
          EngineMain.commands(commands, commands.readLine(), log, engine, headStarted);
      if (ran.isPresent()) {
        stay = ran.get().stay().filter(d -> !stopping.get());
        stay.ifPresent(this::stays);
        EngineMain.say(protocol, ran.get().outcome());
      } else if (!EngineMain.exiting()) {
        // the build ended before its run (a compile error after the head start): what the head
        // start began is stopped, as a run that plans otherwise stops it, and this JVM stays
        headStarted.forEach(engine::dropHeadStart);
        stay = Optional.of(this.stay).filter(d -> !stopping.get());
      }
    } finally {
      synchronized (protocol) {
        output.to(OutputStream.nullOutputStream());
      }
      ResidentEngine.closeQuietly(channel);
    }
    if (stay.isEmpty()) {
      // a run that keeps nothing, one that broke, or this JVM exiting
      exit();
    }
    this.stay = stay.get();
    idleUntil = System.currentTimeMillis() + stay.get().toMillis();
    busy.set(false);
    // asked to stop after it chose to stay
    if (stopping.get() && busy.compareAndSet(false, true)) {
      exit();
    }
  }

  /**
   * Ignores Ctrl-C and the hang-up of the terminal of the build that forked it, in whose process
   * group it still is: a later build it runs is stopped through its own Maven JVM (the end of the
   * input), and SIGTERM still stops it.
   */
  private static void ignoreTerminalSignals() {
    for (String name : List.of("INT", "HUP")) {
      try {
        Signal.handle(new Signal(name), SignalHandler.SIG_IGN);
      } catch (IllegalArgumentException e) {
        // no such signal here (Windows has no HUP)
      }
    }
  }

  private void exit() {
    listening.close();
    System.exit(0);
  }
}
