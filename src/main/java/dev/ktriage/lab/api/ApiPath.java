package dev.ktriage.lab.api;

import java.util.Arrays;
import java.util.List;

/**
 * A resource URL taken apart: /api/v1/namespaces/NS/pods/NAME/log, /apis/GROUP/VERSION/PLURAL ...
 *
 * @param group       "" for the core group
 * @param namespace   null for cluster-wide requests and cluster-scoped resources
 * @param name        null for collections
 * @param subresource null, or what follows the name ("log", "status", "proxy/configz")
 */
record ApiPath(String group, String version, String namespace, String plural, String name, String subresource) {

    /** Null when the path is not a resource URL (discovery, /version, anything else). */
    static ApiPath parse(String path) {
        List<String> s = Arrays.stream(path.split("/")).filter(p -> !p.isEmpty()).toList();
        String group;
        int at;
        if (s.size() >= 3 && s.get(0).equals("api")) {
            group = "";
            at = 2;
        } else if (s.size() >= 4 && s.get(0).equals("apis")) {
            group = s.get(1);
            at = 3;
        } else {
            return null;
        }
        String version = s.get(at - 1);
        List<String> r = s.subList(at, s.size());
        // namespaces/NS/PLURAL... is a namespaced resource; namespaces and namespaces/NS are the Namespace objects.
        if (r.size() >= 3 && r.get(0).equals("namespaces")) {
            return new ApiPath(group, version, r.get(1), r.get(2), r.size() > 3 ? r.get(3) : null, rest(r, 4));
        }
        return new ApiPath(group, version, null, r.get(0), r.size() > 1 ? r.get(1) : null, rest(r, 2));
    }

    private static String rest(List<String> r, int from) {
        return r.size() > from ? String.join("/", r.subList(from, r.size())) : null;
    }

    boolean isCollection() {
        return name == null;
    }
}
