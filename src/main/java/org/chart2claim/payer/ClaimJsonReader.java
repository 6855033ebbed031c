package org.chart2claim.payer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Consumer;
import org.chart2claim.claim.Claim;
import org.chart2claim.claim.x12.ParsedClaim;
import org.chart2claim.config.Json;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The app's claim JSON read as it arrives, one claim at a time: one {@code Claim} object, or {@code {"claims":[...]}}
 * whose claims are handed on one by one while the rest of the array is still unread, so a file of thousands of claims
 * is never held whole. Each claim is read as the whole-body reader read it (tree, then claim: missing fields allowed,
 * unknown fields ignored). Properties of the root before {@code "claims"} are kept (the root may be a single claim
 * after all), those after it are skipped unread.
 */
public final class ClaimJsonReader {
    static final String SHAPE = "Send one claim object or {\"claims\":[...]}.";

    private ClaimJsonReader() {}

    /** The body is JSON but not claims (an array, a number, nothing at all, {@code "claims"} twice): 400. */
    public static final class NotClaimsException extends RuntimeException {
        NotClaimsException(String message) {
            super(message);
        }
    }

    /**
     * Reads claims from {@code in} and hands each to {@code each}, in order. Malformed JSON anywhere, even after the
     * last claim, throws {@link JacksonException}; a failure of the stream itself is its {@link IOException}, unwrapped.
     */
    public static void read(InputStream in, Consumer<ParsedClaim> each) {
        try (JsonParser parser = Json.MAPPER.createParser(in)) {
            readRoot(parser, each);
        } catch (JacksonIOException e) {
            throw e.getCause() instanceof IOException io ? new UncheckedIOException(io) : e;
        }
    }

    private static void readRoot(JsonParser parser, Consumer<ParsedClaim> each) {
        JsonToken first = parser.nextToken();
        if (first == null) {
            throw new NotClaimsException("The request body is empty. " + SHAPE);
        }
        if (first != JsonToken.START_OBJECT) {
            parser.skipChildren(); // malformed JSON stays a JSON error, as when the body was read whole
            endOfBody(parser);
            throw new NotClaimsException(SHAPE);
        }
        ObjectNode root = null;
        boolean claims = false;
        for (JsonToken token = parser.nextToken(); token == JsonToken.PROPERTY_NAME; token = parser.nextToken()) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if ("claims".equals(name) && value == JsonToken.START_ARRAY) {
                if (claims) {
                    throw new NotClaimsException("\"claims\" appears twice. " + SHAPE);
                }
                claims = true;
                root = null;
                if (parser.nextToken() == JsonToken.END_ARRAY) {
                    throw new NotClaimsException("\"claims\" is empty. " + SHAPE);
                }
                do {
                    JsonNode claim = parser.readValueAsTree();
                    each.accept(new ParsedClaim(Json.MAPPER.treeToValue(claim, Claim.class), List.of()));
                } while (parser.nextToken() != JsonToken.END_ARRAY);
            } else if (claims) {
                parser.skipChildren();
            } else {
                if (root == null) {
                    root = Json.MAPPER.createObjectNode();
                }
                root.set(name, parser.readValueAsTree());
            }
        }
        endOfBody(parser);
        if (!claims) {
            each.accept(new ParsedClaim(
                    Json.MAPPER.treeToValue(root == null ? Json.MAPPER.createObjectNode() : root, Claim.class),
                    List.of()));
        }
    }

    /** Nothing may follow the root value but white space. */
    private static void endOfBody(JsonParser parser) {
        JsonToken trailing = parser.nextToken();
        if (trailing != null) {
            throw new NotClaimsException(
                    "The claim JSON could not be read: " + trailing.asString() + " after the end of the body.");
        }
    }
}
