package org.datatrail.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * The configured tokens, held only as SHA-256 hashes. A presented token is hashed and compared in
 * constant time with every entry.
 */
@Component
public final class TokenRegistry {

    private record Entry(Role role, String label, byte[] hash) {
    }

    private final List<Entry> entries = new ArrayList<>();

    public TokenRegistry(SecurityProperties properties) {
        List<String> tokens = properties.tokens();
        for (int i = 0; i < tokens.size(); i++) {
            String spec = tokens.get(i).strip();
            if (!spec.isEmpty()) {
                entries.add(parse(spec, i + 1));
            }
        }
    }

    private static Entry parse(String spec, int position) {
        String[] parts = spec.split(":");
        String where = "datatrail.security.tokens entry " + position;
        if (parts.length < 2 || parts.length > 3) {
            throw new IllegalArgumentException(where + " is not ROLE:sha256hex or ROLE:label:sha256hex");
        }
        Role role;
        try {
            role = Role.valueOf(parts[0].strip().toUpperCase(Locale.ROOT));
        }
        catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + " has unknown role '" + parts[0] + "'; expected JOURNALIST, INVESTIGATOR, ANALYST or ADMIN");
        }
        String hex = parts[parts.length - 1].strip().toLowerCase(Locale.ROOT);
        if (!hex.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException(where + " (" + role + ") does not end in a SHA-256 hash of 64 hex digits");
        }
        String label = parts.length == 3 ? parts[1].strip() : role.name().toLowerCase(Locale.ROOT) + "-" + hex.substring(0, 8);
        return new Entry(role, label, HexFormat.of().parseHex(hex));
    }

    /** The caller a token belongs to, if it is one of the configured tokens. */
    public Optional<Caller> lookup(String token) {
        byte[] hash = sha256(token);
        Caller found = null;
        for (Entry e : entries) {
            if (MessageDigest.isEqual(e.hash(), hash) && found == null) {
                found = new Caller(e.role(), e.label());
            }
        }
        return Optional.ofNullable(found);
    }

    /** SHA-256 of a token, as the hex digits to put in the configuration. */
    public static String hashOf(String token) {
        return HexFormat.of().formatHex(sha256(token));
    }

    private static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
