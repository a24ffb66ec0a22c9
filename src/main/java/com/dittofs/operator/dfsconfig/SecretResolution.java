package com.dittofs.operator.dfsconfig;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import io.fabric8.kubernetes.api.model.Secret;

/**
 * The Secret keys the pod consumes, resolved against the Secrets that exist.
 *
 * @param resolved bindings whose key was found, with the chosen key and its (base64) value
 * @param problems one message per missing Secret or required key, naming the Secret, the key and the spec field
 */
public record SecretResolution(List<Resolved> resolved, List<String> problems) {

    /** A binding and the key that satisfied it. */
    public record Resolved(SecretBinding binding, String key, String value) {

        /** Names the Secret and the key, never the value: this record may end up in a log or a message. */
        @Override
        public String toString() {
            return "Resolved[" + binding.env() + " <- " + binding.secret() + "/" + key + "]";
        }
    }

    public boolean complete() {
        return problems.isEmpty();
    }

    public static SecretResolution resolve(List<SecretBinding> bindings, Function<String, Optional<Secret>> lookup) {
        List<Resolved> resolved = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (SecretBinding binding : bindings) {
            Optional<Secret> secret = lookup.apply(binding.secret());
            if (secret.isEmpty()) {
                String problem = "Secret \"" + binding.secret() + "\" (" + binding.field() + ") not found";
                if (binding.required() && !problems.contains(problem)) {
                    problems.add(problem);
                }
                continue;
            }
            Map<String, String> data = secret.get().getData() == null ? Map.of() : secret.get().getData();
            Optional<String> key = binding.keys().stream().filter(data::containsKey).findFirst();
            if (key.isPresent()) {
                resolved.add(new Resolved(binding, key.get(), data.get(key.get())));
            } else if (binding.required()) {
                problems.add("Secret \"" + binding.secret() + "\" (" + binding.field() + ") has no key "
                        + String.join(" or ", binding.keys().stream().map(k -> "\"" + k + "\"").toList()));
            }
        }
        return new SecretResolution(List.copyOf(resolved), List.copyOf(problems));
    }
}
