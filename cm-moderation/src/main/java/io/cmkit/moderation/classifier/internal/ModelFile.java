package io.cmkit.moderation.classifier.internal;

import io.cmkit.moderation.classifier.ClassifierFormatException;
import io.cmkit.moderation.classifier.HashingOptions;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;

/**
 * The model file: {@code CMKITCLF} (8 bytes), the format version (int), the model kind (UTF),
 * the hashing options (bits, word n-gram, char n-gram min and max as ints, seed as long, lexicon
 * cues and target cues as booleans), the model's own body, and a CRC-32 of everything before it
 * (long). Big-endian.
 *
 * <p>Version 2 added the target cues and the three views, and halved the value of the lexicon cues: the weights of a
 * version 1 model no longer match the features, so such a file is refused, naming its version.
 */
public final class ModelFile {

    public static final byte[] MAGIC = "CMKITCLF".getBytes(StandardCharsets.US_ASCII);
    /** The newest format this code reads and the one it writes. */
    public static final int VERSION = 2;

    private ModelFile() {
    }

    public interface Body {
        void write(DataOutputStream out) throws IOException;
    }

    public static byte[] write(String kind, HashingOptions options, Body body) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            out.write(MAGIC);
            out.writeInt(VERSION);
            out.writeUTF(kind);
            out.writeInt(options.bits());
            out.writeInt(options.maxWordNgram());
            out.writeInt(options.minCharNgram());
            out.writeInt(options.maxCharNgram());
            out.writeLong(options.seed());
            out.writeBoolean(options.lexiconCues());
            out.writeBoolean(options.targetCues());
            body.write(out);
            out.flush();
            CRC32 crc = new CRC32();
            crc.update(bytes.toByteArray());
            out.writeLong(crc.getValue());
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A file opened past its header. */
    public record Opened(String kind, int version, HashingOptions options, DataInputStream body, int bodyEnd) {
    }

    public static Opened open(byte[] bytes) throws ClassifierFormatException {
        if (bytes.length < MAGIC.length + 4 || !Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw new ClassifierFormatException("not a cmkit classifier model: the file does not start with CMKITCLF");
        }
        int version = ((bytes[8] & 0xFF) << 24) | ((bytes[9] & 0xFF) << 16) | ((bytes[10] & 0xFF) << 8) | (bytes[11] & 0xFF);
        if (version > VERSION) {
            throw new ClassifierFormatException("classifier model format version " + version
                    + " is newer than this cmkit reads (version " + VERSION + "): upgrade cmkit or retrain the model");
        }
        if (version < 1) {
            throw new ClassifierFormatException("corrupt classifier model: format version " + version);
        }
        if (version < VERSION) {
            throw new ClassifierFormatException("classifier model format version " + version
                    + " was written by an older cmkit whose features differ; this cmkit reads version " + VERSION
                    + " only: retrain the model (the Train command)");
        }
        if (bytes.length < 12 + 8) {
            throw new ClassifierFormatException("corrupt classifier model: truncated");
        }
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, bytes.length - 8);
        long stored = java.nio.ByteBuffer.wrap(bytes, bytes.length - 8, 8).getLong();
        if (stored != crc.getValue()) {
            throw new ClassifierFormatException("corrupt classifier model: checksum mismatch (damaged or truncated file)");
        }
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, 12, bytes.length - 12 - 8));
        try {
            String kind = in.readUTF();
            HashingOptions options;
            try {
                options = new HashingOptions(in.readInt(), in.readInt(), in.readInt(), in.readInt(), in.readLong(),
                        in.readBoolean(), in.readBoolean());
            } catch (IllegalArgumentException e) {
                throw new ClassifierFormatException("corrupt classifier model: " + e.getMessage(), e);
            }
            return new Opened(kind, version, options, in, bytes.length - 8);
        } catch (EOFException e) {
            throw new ClassifierFormatException("corrupt classifier model: truncated header", e);
        } catch (ClassifierFormatException e) {
            throw e;
        } catch (IOException e) {
            throw new ClassifierFormatException("corrupt classifier model: " + e.getMessage(), e);
        }
    }

    /** Fails unless the body was read to its end. */
    public static void expectEnd(DataInputStream in) throws ClassifierFormatException {
        try {
            if (in.available() != 0) {
                throw new ClassifierFormatException("corrupt classifier model: " + in.available() + " unexpected bytes at the end");
            }
        } catch (ClassifierFormatException e) {
            throw e;
        } catch (IOException e) {
            throw new ClassifierFormatException("corrupt classifier model", e);
        }
    }
}
