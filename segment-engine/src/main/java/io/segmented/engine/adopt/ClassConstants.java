package io.segmented.engine.adopt;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What one compiled class names, read from its constant pool without loading it: its string
 * constants ({@code "postgres:16-alpine"}) and the classes it refers to. A small reader of the
 * class file format (JVMS §4.4) rather than a bytecode library, since nothing else is needed.
 *
 * @param className the class's binary name, {@code com.acme.OrdersIT}
 * @param strings the string constants, in pool order; a string concatenation's recipe ({@code
 *     "postgres:" + version}) gives its constant parts
 * @param classRefs the binary names of the classes it refers to, itself and arrays left out
 */
public record ClassConstants(String className, Set<String> strings, Set<String> classRefs) {

  private static final int MAGIC = 0xCAFEBABE;

  public ClassConstants {
    strings = Set.copyOf(strings);
    classRefs = Set.copyOf(classRefs);
  }

  /** Reads {@code file}; an {@link IOException} when it is not a class file. */
  public static ClassConstants read(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return read(new DataInputStream(in), file);
    }
  }

  private static ClassConstants read(DataInputStream in, Path file) throws IOException {
    if (in.readInt() != MAGIC) {
      throw new IOException(file + " is not a class file");
    }
    in.readUnsignedShort(); // minor version
    in.readUnsignedShort(); // major version
    int count = in.readUnsignedShort();
    String[] utf8 = new String[count];
    int[] stringIndex = new int[count];
    int[] classIndex = new int[count];
    for (int i = 1; i < count; i++) {
      int tag = in.readUnsignedByte();
      switch (tag) {
        case 1 -> utf8[i] = in.readUTF();
        case 7 -> classIndex[i] = in.readUnsignedShort();
        case 8 -> stringIndex[i] = in.readUnsignedShort();
        case 16, 19, 20 -> in.readUnsignedShort();
        case 15 -> in.skipNBytes(3);
        case 3, 4, 9, 10, 11, 12, 17, 18 -> in.readInt();
        case 5, 6 -> {
          in.readLong();
          i++; // eight-byte constants take two entries
        }
        default ->
            throw new IOException(file + ": unknown constant pool tag " + tag + " at entry " + i);
      }
    }
    in.readUnsignedShort(); // access flags
    int thisClass = in.readUnsignedShort();
    String self = utf8At(utf8, classIndex, thisClass, file);
    Set<String> strings = new LinkedHashSet<>();
    Set<String> classes = new LinkedHashSet<>();
    for (int i = 1; i < count; i++) {
      if (stringIndex[i] != 0) {
        // \u0001 and \u0002 mark the holes of an invokedynamic concatenation recipe
        for (String part : utf8[stringIndex[i]].split("[\u0001\u0002]")) {
          if (!part.isEmpty()) {
            strings.add(part);
          }
        }
      }
      if (classIndex[i] != 0 && i != thisClass) {
        String name = utf8[classIndex[i]];
        if (name != null && !name.startsWith("[")) {
          classes.add(name.replace('/', '.'));
        }
      }
    }
    return new ClassConstants(self.replace('/', '.'), strings, classes);
  }

  private static String utf8At(String[] utf8, int[] classIndex, int entry, Path file)
      throws IOException {
    if (entry <= 0 || entry >= classIndex.length || classIndex[entry] == 0) {
      throw new IOException(file + ": this_class does not name a class constant");
    }
    return utf8[classIndex[entry]];
  }
}
