package org.openrma.service.ui;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.openrma.claim.Evidence;
import org.springframework.stereotype.Component;
import org.springframework.util.FileSystemUtils;
import org.springframework.web.multipart.MultipartFile;

/**
 * Customers' photos and videos, kept on disk under {@code openrma.ui.upload-dir}
 * ({@code ./data/uploads/<merchant id>/<rma id>/}). A file is accepted by its content, not its
 * name: JPEG, PNG, WebP, HEIC photos and MP4/MOV, WebM videos, each at most
 * {@code openrma.ui.max-file-size}. Files are first written to a staging folder and moved into
 * place only when the RMA they belong to is stored, so a refused request leaves nothing behind.
 */
@Component
public class EvidenceFiles {

    /** A file type we accept, recognised by its first bytes. */
    public enum Kind {
        JPEG("image/jpeg", "jpg", Evidence.PHOTO), PNG("image/png", "png", Evidence.PHOTO), WEBP("image/webp", "webp", Evidence.PHOTO),
        HEIC("image/heic", "heic", Evidence.PHOTO), MP4("video/mp4", "mp4", Evidence.VIDEO), MOV("video/quicktime", "mov", Evidence.VIDEO),
        WEBM("video/webm", "webm", Evidence.VIDEO);

        public final String mediaType;
        public final String extension;
        public final Evidence evidence;

        Kind(String mediaType, String extension, Evidence evidence) {
            this.mediaType = mediaType;
            this.extension = extension;
            this.evidence = evidence;
        }

        public boolean image() {
            return evidence == Evidence.PHOTO;
        }
    }

    /** A checked upload, still only in memory or the container's temp file. */
    public record Checked(MultipartFile file, String name, Kind kind) {}

    /** A stored file of an RMA. */
    public record Stored(String name, Kind kind, long size) {
        public boolean image() {
            return kind.image() && kind != Kind.HEIC;
        }
    }

    /** The files that were accepted, and a message for every one that was not. */
    public record Check(List<Checked> accepted, List<String> problems) {
        public Set<Evidence> evidence() {
            Set<Evidence> e = EnumSet.noneOf(Evidence.class);
            accepted.forEach(c -> e.add(c.kind().evidence));
            return e;
        }
    }

    private final UiProperties properties;
    private final UiMessages text;
    private final Clock clock;

    public EvidenceFiles(UiProperties properties, UiMessages text, Clock clock) {
        this.clock = clock;
        this.properties = properties;
        this.text = text;
    }

    /** How many files one upload may carry (for the page's hint, in its language). */
    public int maxFiles() {
        return properties.maxFiles();
    }

    /** The largest file accepted, in megabytes. */
    public long maxMegabytes() {
        return properties.maxFileSize().toMegabytes();
    }

    public String limits() {
        return "photos (JPEG, PNG, WebP, HEIC) or videos (MP4, MOV, WebM), up to " + properties.maxFiles() + " files of at most "
                + properties.maxFileSize().toMegabytes() + " MB each";
    }

    public Check check(List<MultipartFile> files) {
        List<Checked> accepted = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        List<MultipartFile> given = files == null ? List.of() : files.stream().filter(f -> f != null && !f.isEmpty()).toList();
        if (given.size() > properties.maxFiles()) {
            problems.add(text.get("portal.files.too-many", given.size(), properties.maxFiles()));
            return new Check(List.of(), problems);
        }
        for (MultipartFile f : given) {
            String name = cleanName(f.getOriginalFilename());
            if (f.getSize() > properties.maxFileSize().toBytes()) {
                problems.add(text.get("portal.files.too-large", name, megabytes(f.getSize()), properties.maxFileSize().toMegabytes()));
                continue;
            }
            Optional<Kind> kind = sniff(f);
            if (kind.isEmpty()) {
                problems.add(text.get("portal.files.not-accepted", name));
                continue;
            }
            accepted.add(new Checked(f, name, kind.get()));
        }
        return new Check(accepted, problems);
    }

    /** Writes checked files to a fresh staging folder; {@link #commit} or {@link #discard} it afterwards. */
    public Path stage(List<Checked> files) {
        if (files.isEmpty()) {
            return null;
        }
        try {
            Path staging = properties.uploadDir().resolve(".staging").resolve(UUID.randomUUID().toString());
            Files.createDirectories(staging);
            int i = 1;
            for (Checked c : files) {
                String base = c.name().replaceAll("\\.[A-Za-z0-9]{1,5}$", "");
                try (InputStream in = c.file().getInputStream()) {
                    Files.copy(in, staging.resolve(String.format("%02d-%s.%s", i++, base, c.kind().extension)));
                }
            }
            return staging;
        } catch (IOException e) {
            throw new UncheckedIOException("could not store the uploaded files", e);
        }
    }

    /**
     * A file the customer chose for a request that was not sent (a form error): kept in the order's holding folder under a random
     * reference, so the re-shown form lists it and the next attempt sends it without choosing it again.
     */
    public record Held(String ref, String name, Kind kind, long size) {
        public Stored stored() {
            return new Stored(name, kind, size);
        }
    }

    /** Keeps checked files for the order {@code scope} until the form is sent again (or the holding folder is cleaned). */
    public List<Held> hold(UUID scope, List<Checked> files) {
        List<Held> held = new ArrayList<>();
        try {
            for (Checked c : files) {
                String ref = UUID.randomUUID().toString();
                Path folder = holding(scope).resolve(ref);
                Files.createDirectories(folder);
                try (InputStream in = c.file().getInputStream()) {
                    Files.copy(in, folder.resolve(c.name()));
                }
                held.add(new Held(ref, c.name(), c.kind(), c.file().getSize()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not keep the uploaded files", e);
        }
        return held;
    }

    /** The held files the form names by reference; a reference that is not a kept file of this order is ignored. */
    public List<Held> held(UUID scope, List<String> refs) {
        List<Held> out = new ArrayList<>();
        for (String ref : refs == null ? List.<String>of() : refs) {
            try {
                Path folder = holding(scope).resolve(UUID.fromString(ref).toString());
                if (!Files.isDirectory(folder)) {
                    continue;
                }
                try (Stream<Path> s = Files.list(folder)) {
                    for (Path p : s.toList()) {
                        String name = p.getFileName().toString();
                        byte[] head;
                        try (InputStream in = Files.newInputStream(p)) {
                            head = in.readNBytes(16);
                        }
                        Optional<Kind> kind = sniff(head, head.length);
                        kind.ifPresent(k -> out.add(new Held(ref, name, k, size(p))));
                    }
                }
            } catch (IllegalArgumentException | IOException e) {
                // not a reference we gave out: nothing to send
            }
        }
        return out.size() > properties.maxFiles() ? out.subList(0, properties.maxFiles()) : out;
    }

    /** Writes checked and held files to a fresh staging folder; {@link #commit} or {@link #discard} it afterwards. */
    public Path stage(List<Checked> files, UUID scope, List<Held> held) {
        Path staging = held.isEmpty() ? stage(files) : null;
        if (staging != null || held.isEmpty()) {
            return staging;
        }
        try {
            staging = files.isEmpty() ? properties.uploadDir().resolve(".staging").resolve(UUID.randomUUID().toString()) : stage(files);
            Files.createDirectories(staging);
            int i = files.size() + 1;
            for (Held h : held) {
                String base = h.name().replaceAll("\\.[A-Za-z0-9]{1,5}$", "");
                Files.copy(holding(scope).resolve(h.ref()).resolve(h.name()), staging.resolve(String.format("%02d-%s.%s", i++, base, h.kind().extension)));
            }
            return staging;
        } catch (IOException e) {
            throw new UncheckedIOException("could not store the uploaded files", e);
        }
    }

    /** Deletes held files once the request they were kept for was sent. */
    public void release(UUID scope, List<Held> held) {
        held.forEach(h -> discard(holding(scope).resolve(h.ref())));
    }

    private Path holding(UUID scope) {
        return properties.uploadDir().resolve(".held").resolve(scope.toString());
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return 0;
        }
    }

    /** Moves staged files into the RMA's folder (after any files it already has). */
    public void commit(Path staging, UUID merchantId, UUID rmaId) {
        if (staging == null) {
            return;
        }
        try {
            Path target = folder(merchantId, rmaId);
            Files.createDirectories(target);
            int existing = list(merchantId, rmaId).size();
            try (Stream<Path> s = Files.list(staging)) {
                for (Path p : s.sorted().toList()) {
                    String name = p.getFileName().toString();
                    String renamed = existing == 0 ? name : String.format("%02d%s", existing + Integer.parseInt(name.substring(0, 2)), name.substring(2));
                    Files.move(p, target.resolve(renamed), StandardCopyOption.ATOMIC_MOVE);
                }
            }
            Files.deleteIfExists(staging);
        } catch (IOException e) {
            throw new UncheckedIOException("could not store the uploaded files", e);
        }
    }

    /**
     * Deletes files kept for forms never sent again (older than {@link #ABANDONED_AFTER}: the customer's session lasts
     * 30 minutes) and staging folders a stopped instance left behind. By age on the shared folder, so any instance may run it.
     */
    public int forgetAbandoned() {
        Instant cutoff = clock.instant().minus(ABANDONED_AFTER);
        int removed = 0;
        for (Path root : List.of(properties.uploadDir().resolve(".held"), properties.uploadDir().resolve(".staging"))) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            // .held/{order}/{ref}/file and .staging/{id}/file: the folders one level above the files
            try (Stream<Path> folders = Files.walk(root, root.endsWith(".held") ? 2 : 1)) {
                for (Path folder : folders.filter(f -> root.relativize(f).getNameCount() == (root.endsWith(".held") ? 2 : 1)).toList()) {
                    if (Files.getLastModifiedTime(folder).toInstant().isBefore(cutoff)) {
                        discard(folder);
                        removed++;
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("could not clean the upload folder " + root, e);
            }
        }
        return removed;
    }

    /** How long a file kept for a form not yet sent again stays. */
    static final Duration ABANDONED_AFTER = Duration.ofDays(1);

    public void discard(Path staging) {
        if (staging != null) {
            try {
                FileSystemUtils.deleteRecursively(staging);
            } catch (IOException ignored) {
                // a leftover staging folder holds no RMA's data
            }
        }
    }

    public List<Stored> list(UUID merchantId, UUID rmaId) {
        Path folder = folder(merchantId, rmaId);
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(folder)) {
            return s.sorted(Comparator.comparing(Path::toString)).map(p -> {
                String name = p.getFileName().toString();
                Kind kind = byExtension(name).orElse(null);
                try {
                    return kind == null ? null : new Stored(name, kind, Files.size(p));
                } catch (IOException e) {
                    return null;
                }
            }).filter(java.util.Objects::nonNull).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** The path of one stored file, if it exists; names from the browser are checked against the listing. */
    public Optional<Stored> find(UUID merchantId, UUID rmaId, String name) {
        return list(merchantId, rmaId).stream().filter(s -> s.name().equals(name)).findFirst();
    }

    public Path path(UUID merchantId, UUID rmaId, Stored stored) {
        return folder(merchantId, rmaId).resolve(stored.name());
    }

    private Path folder(UUID merchantId, UUID rmaId) {
        return properties.uploadDir().resolve(merchantId.toString()).resolve(rmaId.toString());
    }

    private static Optional<Kind> byExtension(String name) {
        String ext = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        for (Kind k : Kind.values()) {
            if (k.extension.equals(ext)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    static Optional<Kind> sniff(MultipartFile f) {
        byte[] head = new byte[16];
        int n;
        try (InputStream in = f.getInputStream()) {
            n = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            return Optional.empty();
        }
        return sniff(head, n);
    }

    static Optional<Kind> sniff(byte[] b, int n) {
        if (n >= 3 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8 && (b[2] & 0xff) == 0xFF) {
            return Optional.of(Kind.JPEG);
        }
        if (n >= 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
            return Optional.of(Kind.PNG);
        }
        if (n >= 12 && b[0] == 'R' && b[1] == 'I' && b[2] == 'F' && b[3] == 'F' && b[8] == 'W' && b[9] == 'E' && b[10] == 'B' && b[11] == 'P') {
            return Optional.of(Kind.WEBP);
        }
        if (n >= 4 && (b[0] & 0xff) == 0x1A && (b[1] & 0xff) == 0x45 && (b[2] & 0xff) == 0xDF && (b[3] & 0xff) == 0xA3) {
            return Optional.of(Kind.WEBM);
        }
        if (n >= 12 && b[4] == 'f' && b[5] == 't' && b[6] == 'y' && b[7] == 'p') {
            String brand = new String(b, 8, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
            return switch (brand) {
                case "heic", "heix", "mif1", "msf1", "hevc" -> Optional.of(Kind.HEIC);
                case "qt  " -> Optional.of(Kind.MOV);
                default -> Optional.of(Kind.MP4);
            };
        }
        return Optional.empty();
    }

    private static String cleanName(String original) {
        String name = original == null ? "file" : original.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[^A-Za-z0-9._-]", "_");
        if (name.isBlank() || name.startsWith(".")) {
            name = "file" + name;
        }
        return name.length() > 60 ? name.substring(name.length() - 60) : name;
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f", bytes / (1024.0 * 1024.0));
    }
}
