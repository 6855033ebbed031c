package org.chart2claim.codebook.importer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.chart2claim.config.Chart2ClaimProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The one server folder that the admin view's "import from server path" may read (setting
 * {@code chart2claim.import-dir}, default {@code <data-dir>/import}). A path outside it, also through a
 * symbolic link, is refused with the same message whether or not it exists, so the field reveals nothing
 * about the rest of the server's disk. (The {@code import-codebooks} command line is run by whoever runs the
 * server and is not limited.)
 */
@Component
public class ServerImportFolder {

    private final Path folder;

    public ServerImportFolder(Chart2ClaimProperties properties, @Value("${chart2claim.import-dir:}") String importDir) {
        Path configured = importDir == null || importDir.isBlank()
                ? Path.of(properties.dataDir(), "import")
                : Path.of(importDir.strip());
        this.folder = configured.toAbsolutePath().normalize();
    }

    public Path folder() {
        return folder;
    }

    /** Paths separated by white space, relative to the folder or absolute inside it. */
    public List<Path> resolve(String text) {
        List<Path> out = new ArrayList<>();
        for (String token : text.strip().split("\\s+")) {
            out.add(resolveOne(token));
        }
        return out;
    }

    private Path resolveOne(String token) {
        Path path;
        try {
            path = folder.resolve(token).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw outside(token);
        }
        if (!path.startsWith(folder)) {
            throw outside(token);
        }
        if (!Files.exists(path)) {
            throw new CodeSetImportException(token, 0, "no such file or folder in the import folder " + folder);
        }
        try {
            if (!path.toRealPath().startsWith(folder.toRealPath())) {
                throw outside(token);
            }
        } catch (IOException e) {
            throw outside(token);
        }
        return path;
    }

    private CodeSetImportException outside(String token) {
        return new CodeSetImportException(
                token,
                0,
                "only files and folders inside the import folder " + folder + " can be imported from the server");
    }
}
