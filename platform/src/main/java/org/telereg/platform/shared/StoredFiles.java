package org.telereg.platform.shared;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Uploaded files kept under a folder by the SHA-256 of their content ({@code <folder>/ab/abcd…}): the
 * same file uploaded twice is stored once, and a name never points at other content.
 */
public final class StoredFiles {

    private StoredFiles() {}

    /** The SHA-256 of the bytes, as 64 lower-case hex digits. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** Where the file with this hash is kept under the folder. */
    public static Path path(String folder, String hash) {
        return Path.of(folder, hash.substring(0, 2), hash);
    }

    /** Keeps the bytes under the folder unless they are there already; returns their hash. */
    public static String store(String folder, byte[] bytes) {
        String hash = sha256(bytes);
        Path file = path(folder, hash);
        try {
            Files.createDirectories(file.getParent());
            if (!Files.exists(file)) {
                // Written beside the target, then moved: a crash never leaves half a file under the name.
                Path temporary = Files.createTempFile(file.getParent(), hash, ".part");
                Files.write(temporary, bytes);
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store a file under " + file, e);
        }
        return hash;
    }
}
