package org.telereg.platform.shared;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Uploaded files kept under a folder by the SHA-256 of their content ({@code <folder>/ab/abcd…}): the
 * same file uploaded twice is stored once, and a name never points at other content.
 */
public final class StoredFiles {

    private StoredFiles() {}

    /** Where the file with this hash is kept under the folder. */
    public static Path path(String folder, String hash) {
        return Path.of(folder, hash.substring(0, 2), hash);
    }

    /** Keeps the bytes under the folder unless they are there already; returns their hash. */
    public static String store(String folder, byte[] bytes) {
        String hash = Hashes.sha256(bytes);
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
