package dev.ktriage.lab.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * limit/continue paging over a list in stable order. The continue token is opaque to clients; it
 * carries the storage key (namespace/name) of the last item served, like the real server's token.
 */
final class ListPager {

    record Page(List<ObjectNode> items, String continueToken, Long remainingItemCount) {
    }

    private ListPager() {
    }

    static Page page(List<ObjectNode> ordered, Integer limit, String continueToken) {
        int from = 0;
        if (continueToken != null && !continueToken.isEmpty()) {
            String after = decode(continueToken);
            while (from < ordered.size() && storageKey(ordered.get(from)).compareTo(after) <= 0) from++;
        }
        if (limit == null || limit <= 0 || from + limit >= ordered.size()) {
            return new Page(ordered.subList(from, ordered.size()), null, null);
        }
        List<ObjectNode> items = ordered.subList(from, from + limit);
        String next = encode(storageKey(items.get(items.size() - 1)));
        return new Page(items, next, (long) (ordered.size() - from - limit));
    }

    /** Namespace and name joined by a character that sorts before any name character, so the order matches ObjectStore.ORDER. */
    private static String storageKey(ObjectNode o) {
        return o.path("metadata").path("namespace").asText("") + "\u0001" + o.path("metadata").path("name").asText("");
    }

    private static String encode(String key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("{\"v\":1,\"after\":\"" + key.replace("\u0001", "/") + "\"}")
                .getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String token) {
        try {
            String json = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            String prefix = "{\"v\":1,\"after\":\"";
            if (!json.startsWith(prefix) || !json.endsWith("\"}")) throw new IllegalArgumentException();
            String key = json.substring(prefix.length(), json.length() - 2);
            int slash = key.indexOf('/');
            return key.substring(0, slash) + "\u0001" + key.substring(slash + 1);
        } catch (IllegalArgumentException | StringIndexOutOfBoundsException e) {
            throw new IllegalArgumentException("continue key is not valid: " + token);
        }
    }
}
